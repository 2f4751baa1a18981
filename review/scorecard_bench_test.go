package review

import (
	"strconv"
	"testing"
)

// benchMeasures is 200 measures with 20 yearly results each, half of them
// perception measures with a base (so every row works out a margin of
// error), every result with a target and a comparator.
func benchMeasures() []Measure {
	ms := make([]Measure, 200)
	for i := range ms {
		m := Measure{ID: strconv.Itoa(i), Code: "M" + strconv.Itoa(i), Name: "Measure number " + strconv.Itoa(i),
			Unit: UnitPct, Direction: HigherBetter}
		if i%2 == 0 {
			m.Code = "TP01"
		}
		for y := range 20 {
			m.Results = append(m.Results, Result{ID: strconv.Itoa(i*100 + y), Period: Period{Start: (2000+y)*12 + 3, Months: 12, Financial: true}.String(),
				Value: float64(50 + (i*7+y*3)%50), Base: 1000 + y, Population: 20000, Target: 75, HasTarget: true,
				Comparator: 70, HasComparator: true, ComparatorSource: "peer median"})
		}
		ms[i] = m
	}
	return ms
}

// BenchmarkScorecard200x20 works out a scorecard of 200 measures over 20
// periods and draws it as the report's scorecard table in markdown.
// Target: under 5 ms.
func BenchmarkScorecard200x20(b *testing.B) {
	ms := benchMeasures()
	b.ReportAllocs()
	for b.Loop() {
		rep := &Report{Blocks: []Block{{Kind: BlockTable, Table: scorecardTable(Scorecard(ms))}}}
		if len(Markdown(rep)) == 0 {
			b.Fatal("nothing drawn")
		}
	}
}

// BenchmarkPerformance200x20 is the report's whole Performance part for
// the same measures: the table, the notes behind each figure and the chart
// of the last periods, drawn in markdown. No target of its own.
func BenchmarkPerformance200x20(b *testing.B) {
	r := &Review{Measures: benchMeasures()}
	b.ReportAllocs()
	for b.Loop() {
		w := &builder{r: r}
		w.performance()
		if len(Markdown(&Report{Blocks: w.out})) == 0 {
			b.Fatal("nothing drawn")
		}
	}
}
