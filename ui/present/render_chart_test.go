package present

import (
	"fmt"
	"strings"
	"testing"
)

// At 40x12 a 1-10 chart keeps all ten bars on one page, the top score
// included; the note under it goes to the next page.
func TestChartKeepsEveryBarAt40x12(t *testing.T) {
	sl := Slide{Context: "Surveys · Customers contacting Great Places", Title: "How easy was it to contact us?"}
	for i := 1; i <= 10; i++ {
		sl.Lines = append(sl.Lines, Line{Kind: BarLine, Bar: Bar{Label: fmt.Sprint(i), N: i, Max: 10, Note: fmt.Sprintf("%d (x%%)", i)}})
	}
	sl.Lines = append(sl.Lines, gap(), textLine("First customer survey: ease of contact and satisfaction · 79 answers · average 6.34"))
	out := strings.Join(Render(sl, 40, 12, "following the editor · t theme · q close", PlainPainter), "\n")
	for _, want := range []string{"How easy", "\n1 ", "\n9 ", "\n10 ", "10 (x%)", "following the editor"} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
}

// The wall rounds like the workspace and the report: half away from zero on
// the exact ratio, where fmt's %.0f would give 12% and 62%.
func TestWholePctRoundsHalfAway(t *testing.T) {
	for _, c := range []struct {
		part, whole int
		want        string
	}{{1, 8, "13%"}, {5, 8, "63%"}, {2, 11, "18%"}, {0, 5, "0%"}, {3, 0, "–"}} {
		if got := wholePct(c.part, c.whole); got != c.want {
			t.Errorf("wholePct(%d, %d) = %q, want %q", c.part, c.whole, got, c.want)
		}
	}
}

// At 40x12 the standards table is stacked, and six standards do not fit
// one page: they go on as many pages as they need, in the same layout.
func TestStandardsKeepEveryVerdictAt40x12(t *testing.T) {
	sl := Slide{Context: "Surveys · Customers contacting Great Places", Title: "Service standards"}
	sl.Lines = append(sl.Lines, Line{Kind: Row, Header: true, Cells: []string{"Promise", "Target", "Actual", "Met?"}})
	for i := range 6 {
		met := "✓ Met"
		if i%2 == 0 {
			met = "✗ Not met"
		}
		sl.Lines = append(sl.Lines, Line{Kind: Row, Cells: []string{fmt.Sprintf("Promise number %d answered within four working hours", i+1), "within 4 working hours", "13 hours", met}})
	}
	sl.Lines = append(sl.Lines, gap(), textLine("3 of 6 standards met"))
	lines, pages := RenderPage(sl, 40, 12, 0, "following the editor · t theme · q close", PlainPainter)
	out := strings.Join(lines, "\n")
	for p := 1; p < pages; p++ {
		more, _ := RenderPage(sl, 40, 12, p, "following the editor · t theme · q close", PlainPainter)
		out += "\n" + strings.Join(more, "\n")
		// One layout on every page: each standard stacked, its values
		// labelled under it.
		if !strings.Contains(strings.Join(more, "\n"), "  Target within 4 working hours") {
			t.Errorf("page %d changes the table's layout:\n%s", p+1, strings.Join(more, "\n"))
		}
	}
	if n := strings.Count(out, "✓ Met") + strings.Count(out, "✗ Not met"); n != 6 || pages < 2 {
		t.Errorf("%d verdicts shown on %d pages, want 6:\n%s", n, pages, out)
	}
	if !strings.Contains(out, "Promise number 6") || strings.Contains(out, "hours…") {
		t.Errorf("the last standard is missing, or something is cut:\n%s", out)
	}
}

// A 0-10 chart has eleven bars: at 40x12 the hint and the title's second
// line make way so that every bar shows.
func TestElevenBarsFitAt40x12(t *testing.T) {
	sl := Slide{Context: "Surveys · Customers contacting Great Places",
		Title: "How likely are you to recommend Great Places to a friend or relative?"}
	for i := 0; i <= 10; i++ {
		sl.Lines = append(sl.Lines, Line{Kind: BarLine, Bar: Bar{Label: fmt.Sprint(i), N: i, Max: 10, Note: fmt.Sprint(i)}})
	}
	out := Render(sl, 40, 12, "following the editor · t theme · q close", PlainPainter)
	all := strings.Join(out, "\n")
	if len(out) != 12 || !strings.HasPrefix(out[0], "How likely") || !strings.HasPrefix(out[1], "0 ") || !strings.HasPrefix(out[11], "10 ") {
		t.Errorf("want the title then bars 0 to 10:\n%s", all)
	}
}
