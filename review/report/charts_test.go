package report_test

import (
	"regexp"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/review/htmlreport"
)

// TestEveryChartHasItsFigures: on the web page every chart has a title and
// a description for screen readers, and its figures are also a table, in
// the figure or (for the averages per group) the table just before it,
// with a row for every bar.
func TestEveryChartHasItsFigures(t *testing.T) {
	for name, r := range map[string]*review.Review{"example": example.Review(), "large": example.LargeReview(0)} {
		rep := review.NewReport(r)
		page := string(htmlreport.HTML(rep))
		charts := 0
		for i, b := range rep.Blocks {
			if b.Kind != review.BlockChart {
				continue
			}
			charts++
			c := b.Chart
			if strings.TrimSpace(c.Title) == "" || strings.TrimSpace(c.Desc) == "" {
				t.Errorf("%s: %s has no title or no description", name, c.ID)
			}
			fig := c.Figures
			for j := i - 1; fig == nil && j >= 0 && j >= i-2; j-- {
				switch p := rep.Blocks[j]; {
				case p.Kind == review.BlockTable:
					fig = p.Table
				case p.Kind == review.BlockPara && p.Note: // a small-base warning under the table
				default:
					j = -1
				}
			}
			if fig == nil {
				t.Errorf("%s: %s (%s) has no table of its figures", name, c.ID, c.Title)
				continue
			}
			first := map[string]bool{}
			for _, row := range fig.Rows {
				if len(row) > 0 {
					first[strings.Join(strings.Fields(row[0].Plain()), " ")] = true
				}
			}
			for _, g := range c.Groups {
				for _, bar := range g.Bars {
					l := strings.Join(strings.Fields(bar.Label), " ")
					if !first[l] && !first[g.Label] {
						t.Errorf("%s: %s: the bar %q has no row in %q", name, c.ID, l, fig.Caption)
					}
				}
			}
			svg := regexp.MustCompile(`(?s)<figure class="chart" id="` + regexp.QuoteMeta(c.ID) + `">.*?</figure>`).FindString(page)
			for _, want := range []string{`role="img"`, `aria-labelledby="` + c.ID + `-t ` + c.ID + `-d"`, `<title id="` + c.ID + `-t">`, `<desc id="` + c.ID + `-d">`, "<figcaption>"} {
				if !strings.Contains(svg, want) {
					t.Errorf("%s: %s: the page's figure lacks %s", name, c.ID, want)
				}
			}
		}
		if charts == 0 {
			t.Errorf("%s: no charts", name)
		}
	}
}
