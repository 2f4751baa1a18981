package report_test

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"scrutiny/review/chart"
	"scrutiny/review/example"
	"scrutiny/review/report"
)

// luminance is WCAG 2.2's relative luminance of an sRGB colour "#RRGGBB".
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q: want #RRGGBB", hex)
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		t.Fatalf("colour %q: %v", hex, err)
	}
	lin := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&255) + 0.7152*lin(v>>8&255) + 0.0722*lin(v&255)
}

func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestContrastFormula(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{{"#000000", "#FFFFFF", 21}, {"#767676", "#FFFFFF", 4.54}, {"#FFFFFF", "#FFFFFF", 1}} {
		if got := contrast(t, c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// TestHTMLContrast reads every colour the web page uses, from the style
// sheet it carries and the charts drawn into it, and holds each pair that
// can meet to WCAG 2.2 AA. Rather than work out which text sits on which
// background, every text colour is checked against every background, and
// all text against 4.5:1 (1.4.3 allows 3:1 for large headings; none needs
// it). Bars, axes and rules are graphics, held to 3:1 (1.4.11).
func TestHTMLContrast(t *testing.T) {
	page := string(report.Export(example.Review(), "html"))
	start, end := strings.Index(page, "<style>"), strings.Index(page, "</style>")
	if start < 0 || end < start {
		t.Fatal("the page has no style sheet")
	}
	css := page[start+len("<style>") : end]
	body := page[end:]

	text := map[string]string{}    // colour: where it is used
	back := map[string]string{}    // colour: where it is used
	graphic := map[string]string{} // colour: where it is used
	hexColour := regexp.MustCompile(`#[0-9A-Fa-f]{3,8}\b`)
	rule := regexp.MustCompile(`([^{}]*)\{([^{}]*)\}`)
	seen := 0
	for _, m := range rule.FindAllStringSubmatch(css, -1) {
		sel := strings.TrimSpace(m[1][strings.LastIndex(m[1], ";")+1:])
		for _, decl := range strings.Split(m[2], ";") {
			prop, val, ok := strings.Cut(decl, ":")
			if !ok {
				continue
			}
			prop, val = strings.TrimSpace(prop), strings.TrimSpace(val)
			where := fmt.Sprintf("%s { %s }", sel, prop)
			cols := hexColour.FindAllString(val, -1)
			seen += len(cols)
			switch {
			case prop == "color":
				if len(cols) == 0 && val != "inherit" && val != "currentColor" {
					t.Errorf("%s: %q is a colour this test cannot read", where, val)
				}
				for _, c := range cols {
					text[strings.ToUpper(c)] = where
				}
			case prop == "background" || prop == "background-color":
				if len(cols) == 0 {
					t.Errorf("%s: %q is a background this test cannot read", where, val)
				}
				for _, c := range cols {
					back[strings.ToUpper(c)] = where
				}
			case strings.HasPrefix(prop, "border") || strings.HasPrefix(prop, "outline"):
				for _, c := range cols {
					graphic[strings.ToUpper(c)] = where
				}
			default:
				if len(cols) > 0 {
					t.Errorf("%s: a colour in a property this test does not know", where)
				}
			}
		}
	}
	if all := len(hexColour.FindAllString(css, -1)); all != seen {
		t.Errorf("the style sheet holds %d colours but %d were read from its rules", all, seen)
	}
	if back["#FFFFFF"] == "" {
		t.Error("the page does not set its own white background, so a reader's default could show through")
	}

	// The charts: text and axes in chart.Ink, bars in chart.Palette, on the
	// page's background. Every colour in the drawn SVG must be one of them.
	known := map[string]bool{strings.ToUpper(chart.Ink): true}
	text[strings.ToUpper(chart.Ink)] = "chart text (chart.Ink)"
	graphic[strings.ToUpper(chart.Ink)] = "chart axes (chart.Ink)"
	for i, c := range chart.Palette {
		graphic[strings.ToUpper(c)] = fmt.Sprintf("chart bars (chart.Palette[%d])", i)
		known[strings.ToUpper(c)] = true
	}
	svgs := 0
	for _, m := range regexp.MustCompile(`(?s)<svg.*?</svg>`).FindAllString(body, -1) {
		svgs++
		for _, a := range regexp.MustCompile(`(fill|stroke|color|style)="([^"]*)"`).FindAllStringSubmatch(m, -1) {
			if !known[strings.ToUpper(a[2])] {
				t.Errorf("a chart draws in %s=%q, which is neither chart.Ink nor in chart.Palette", a[1], a[2])
			}
		}
		if strings.Contains(m, "<text") && !strings.Contains(m, `fill="`+chart.Ink+`"`) {
			t.Error("a chart's text is not drawn in chart.Ink")
		}
	}
	if svgs == 0 {
		t.Fatal("the example's page has no charts")
	}
	if regexp.MustCompile(`\sstyle="[^"]*(color|background)`).MatchString(body) {
		t.Error("the page sets colours in a style attribute, which this test does not read")
	}

	for fg, fw := range text {
		for bg, bw := range back {
			if r := contrast(t, fg, bg); r < 4.5 {
				t.Errorf("text %s (%s) on %s (%s): %.2f:1, WCAG 1.4.3 asks 4.5:1", fg, fw, bg, bw, r)
			}
		}
	}
	for g, gw := range graphic {
		for bg, bw := range back {
			if r := contrast(t, g, bg); r < 3 {
				t.Errorf("graphic %s (%s) on %s (%s): %.2f:1, WCAG 1.4.11 asks 3:1", g, gw, bg, bw, r)
			}
		}
	}
	if testing.Verbose() {
		for fg, fw := range text {
			for bg := range back {
				t.Logf("text %s on %s: %.1f:1 (%s)", fg, bg, contrast(t, fg, bg), fw)
			}
		}
		for g, gw := range graphic {
			t.Logf("graphic %s on #FFFFFF: %.1f:1 (%s)", g, contrast(t, g, "#FFFFFF"), gw)
		}
	}
}
