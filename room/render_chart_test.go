package room

import (
	"fmt"
	"strings"
	"testing"
)

// At 40x12 a 1-10 chart keeps all ten bars, the top score included; the
// note under it gives way first.
func TestChartKeepsEveryBarAt40x12(t *testing.T) {
	sl := Slide{Context: "Surveys · Customers contacting Great Places", Title: "How easy was it to contact us?"}
	for i := 1; i <= 10; i++ {
		sl.Lines = append(sl.Lines, Line{Kind: BarLine, Bar: Bar{Label: fmt.Sprint(i), N: i, Max: 10, Note: fmt.Sprintf("%d (x%%)", i)}})
	}
	sl.Lines = append(sl.Lines, gap(), text("First customer survey: ease of contact and satisfaction · 79 answers · average 6.34"))
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
