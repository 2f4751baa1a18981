package surveycsv

import "runtime/debug"

// Large imports hold every respondent's answers at once (the store takes
// them in one call, one transaction), about 1.2 KB per respondent of 20
// answers. With Go's default collector setting the heap may grow to twice
// what is live before it collects, which on a 100,000-row file would peak
// well past 200 MB. While a large file is read and imported the collector
// runs at half that headroom instead; it costs a little time and keeps the
// peak near what is really needed. The setting is put back afterwards.
const leanGCAbove = 50_000 // rows, or respondents

func leanGC(n int) func() {
	if n < leanGCAbove {
		return func() {}
	}
	old := debug.SetGCPercent(20)
	return func() { debug.SetGCPercent(old) }
}
