package review

import (
	"math"
	"strconv"
	"strings"
)

// z95 is the standard normal quantile for a two-sided 95% interval.
const z95 = 1.959963984540054

// MarginOfError is the half-width of the 95% confidence interval of a
// proportion, in percentage points: pct (0-100) satisfied out of n
// answers, from a population of population (0 when not known). It uses the
// normal approximation, z*sqrt(p(1-p)/n), which is how landlords publish
// the precision of their tenant surveys, and when the population is known
// and larger than n the finite population correction sqrt((N-n)/(N-1)):
// a survey of most of the homes is more precise than one of a few.
// ok is false when n is zero or the figures cannot be a proportion.
func MarginOfError(pct float64, n, population int) (points float64, ok bool) {
	if n <= 0 || pct < 0 || pct > 100 || math.IsNaN(pct) {
		return 0, false
	}
	p := pct / 100
	se := math.Sqrt(p * (1 - p) / float64(n))
	if population > n && population > 1 {
		se *= math.Sqrt(float64(population-n) / float64(population-1))
	} else if population > 0 && population <= n {
		// Everyone was counted: a census has no sampling error.
		se = 0
	}
	return 100 * z95 * se, true
}

// MarginText writes a margin of error as panels read it: "±2.8 points".
func MarginText(points float64) string {
	return "±" + strconv.FormatFloat(points, 'f', 1, 64) + " points"
}

// Margin is the margin of error of r for measure m ("±3.1 points"), or ""
// when m is not from a sample or r has no base.
func (m Measure) Margin(r Result) string {
	if !m.Sampled() || m.Unit != UnitPct {
		return ""
	}
	pts, ok := MarginOfError(r.Value, r.Base, r.Population)
	if !ok {
		return ""
	}
	return MarginText(pts)
}

// SmallBase reports whether r is from a sample too small to read much
// into: fewer than SmallBaseUnder answers, as for survey questions.
func (m Measure) SmallBase(r Result) bool {
	return m.Sampled() && r.Base > 0 && r.Base < SmallBaseUnder
}

// Change says in words how cur moved from prev for measure m: "up 3.0
// points, better", "down 1.2 per 1,000 homes" (no better direction), "down
// 2.0 points, better" for a lower-is-better measure, "no change". A move
// smaller than the margin of error of either result says so instead of
// better or worse, so the room does not read noise as progress.
func (m Measure) Change(prev, cur Result) string {
	d := cur.Value - prev.Value
	mag := math.Abs(d)
	if math.Round(mag*10) == 0 {
		return "no change"
	}
	word := "up"
	if d < 0 {
		word = "down"
	}
	amount := strconv.FormatFloat(mag, 'f', 1, 64)
	switch m.Unit {
	case UnitPct:
		if amount == "1.0" {
			amount += " point"
		} else {
			amount += " points"
		}
	case UnitScore, UnitCount, "":
	default:
		amount += " " + string(m.Unit)
	}
	s := word + " " + amount
	if m.Sampled() {
		if a, ok := MarginOfError(prev.Value, prev.Base, prev.Population); ok && mag < a {
			return s + ", within the margin of error"
		}
		if a, ok := MarginOfError(cur.Value, cur.Base, cur.Population); ok && mag < a {
			return s + ", within the margin of error"
		}
	}
	better := (d > 0) == (m.Direction == HigherBetter)
	switch {
	case m.Direction == NoDirection:
		return s
	case better:
		return s + ", better"
	}
	return s + ", worse"
}

// ScoreRow is one line of the scorecard: a measure with its latest whole
// result and how it moved.
type ScoreRow struct {
	Measure Measure
	Series  []Result // whole results in period order
	Latest  Result
	Has     bool // there is a latest result
	// Previous is the result before Latest for a period of the same
	// length (last year against this year, last quarter against this
	// quarter); HasPrevious is false when there is none.
	Previous    Result
	HasPrevious bool
	Met         MetState
	Change      string // "up 3.0 points, better"; "" without a previous period
	Margin      string // "±2.8 points"; "" when not from a sample
	SmallBase   bool
	Chart       string // a sparkline of the series, one cell per period
}

// Scorecard works out a row per measure, in the order given.
func Scorecard(ms []Measure) []ScoreRow {
	out := make([]ScoreRow, len(ms))
	for i, m := range ms {
		out[i] = scoreRow(m)
	}
	return out
}

func scoreRow(m Measure) ScoreRow {
	series, keys := m.series()
	row := ScoreRow{Measure: m, Series: series}
	if len(series) == 0 {
		return row
	}
	row.Has = true
	li := latest(keys)
	row.Latest = series[li]
	lp := keys[li]
	for i := len(series) - 1; i >= 0 && lp.Months > 0; i-- {
		if p := keys[i]; p.Months == lp.Months && p.Start < lp.Start {
			row.Previous, row.HasPrevious = series[i], true
			break
		}
	}
	row.Met = m.Met(row.Latest)
	if row.HasPrevious {
		row.Change = m.Change(row.Previous, row.Latest)
	}
	row.Margin = m.Margin(row.Latest)
	row.SmallBase = m.SmallBase(row.Latest)
	row.Chart = Sparkline(values(row.Series))
	return row
}

// latest is the index of the period that ends last; of two ending
// together, the shorter (the fourth quarter is more recent news than the
// whole year). Periods that could not be read (Months 0) are never latest
// unless nothing else is.
func latest(keys []Period) int {
	best, bestEnd, bestLen := len(keys)-1, math.MinInt, 0
	for i, p := range keys {
		if p.Months == 0 {
			continue
		}
		end := p.Start + p.Months
		if end > bestEnd || end == bestEnd && p.Months < bestLen {
			best, bestEnd, bestLen = i, end, p.Months
		}
	}
	return best
}

func values(rs []Result) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = r.Value
	}
	return out
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values as a row of block characters, lowest to highest,
// one cell each. It is a picture of the shape only; the figures are always
// printed beside it. Equal values draw as a middle bar.
func Sparkline(vs []float64) string {
	if len(vs) == 0 {
		return ""
	}
	lo, hi := vs[0], vs[0]
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	var b strings.Builder
	for _, v := range vs {
		i := len(sparks) / 2
		if hi > lo {
			i = int(math.Round((v - lo) / (hi - lo) * float64(len(sparks)-1)))
		}
		b.WriteRune(sparks[i])
	}
	return b.String()
}

// TargetText is "at least 80.0%" or "at most 2.0%" for r's target, or ""
// without one.
func (m Measure) TargetText(r Result) string {
	if !r.HasTarget {
		return ""
	}
	v := FormatValue(m.Unit, r.Target)
	switch m.Direction {
	case HigherBetter:
		return "at least " + v
	case LowerBetter:
		return "at most " + v
	}
	return v
}

// ComparatorText is "75.0% (peer median, HouseMark 2023/24)", or "".
func (m Measure) ComparatorText(r Result) string {
	if !r.HasComparator {
		return ""
	}
	s := FormatValue(m.Unit, r.Comparator)
	if src := strings.TrimSpace(r.ComparatorSource); src != "" {
		s += " (" + src + ")"
	}
	return s
}
