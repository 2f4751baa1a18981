package ui

import (
	"strconv"
	"testing"

	"scrutiny/review"
)

// BenchmarkScorecardTab draws the scorecard tab at 80x24 for a review
// reading 200 measures with 20 yearly results each, after a change (so
// every row is worked out again, as after an edit). Target: under 5 ms.
func BenchmarkScorecardTab(b *testing.B) {
	st := openStore(b)
	r := &review.Review{Topic: "Performance"}
	for i := range 200 {
		m := review.Measure{ID: "0190a5c0-0000-7000-8000-" + pad12(i), Code: "M" + strconv.Itoa(i), Name: "Measure " + strconv.Itoa(i),
			Unit: review.UnitPct, Direction: review.HigherBetter}
		for y := range 20 {
			m.Results = append(m.Results, review.Result{ID: "0190a5c0-0001-7000-8000-" + pad12(i*100+y),
				Period: review.Period{Start: (2000+y)*12 + 3, Months: 12, Financial: true}.String(),
				Value:  float64(50 + (i*7+y*3)%50), Base: 1000, Target: 75, HasTarget: true})
		}
		r.Measures = append(r.Measures, m)
		r.MeasureIDs = append(r.MeasureIDs, m.ID)
	}
	if _, err := st.ImportReviews(ctx(), r); err != nil {
		b.Fatal(err)
	}
	tt := newTester(b, st, 80, 24, Options{ReviewID: r.ID})
	tt.press("ctrl+pgup")
	s, ok := tt.m.ws.cur().(*scorecardTab)
	if !ok || len(tt.m.ws.rev.Measures) != 200 {
		b.Fatalf("the scorecard tab did not open on 200 measures (%T)", tt.m.ws.cur())
	}
	b.ReportAllocs()
	for b.Loop() {
		tt.m.ws.touch()
		if s.view(80, 21) == "" {
			b.Fatal("nothing drawn")
		}
	}
}

func pad12(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 12 {
		s = "0" + s
	}
	return s
}
