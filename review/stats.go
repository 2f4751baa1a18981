package review

import (
	"sort"
	"strings"
)

// AGREED API for survey statistics and service standards. The report and
// the UI call these; they are pure functions of the survey value.

// Count is one bar of a distribution.
type Count struct {
	Value string // "7", "yes", a choice
	Label string // "7", or "Very satisfied" when the scale has labels
	N     int
	Pct   float64 // of the base, 0-100
}

// Stats are the figures for one question (over all respondents, or one
// group of respondents).
//
// Every percentage is also kept as its whole-number numerator (TopN,
// HighN...) so printers can round the exact ratio with Pct1 instead of a
// float that has already lost precision.
type Stats struct {
	Base     int // answers counted (n answering, excluding Don't know / N/A)
	Excluded int // "Don't know" / "N/A" answers, counted but left out
	Missing  int // respondents who left it blank
	// Invalid counts answers that are not a point of the question's scale
	// or not yes/no: neither in Base nor in Missing, so nothing is hidden.
	Invalid int

	// Scale questions only (HasMean false otherwise).
	HasMean      bool
	Mean         float64 // exact; round only when printing (2 decimals)
	Sum          int64   // sum of the scale points, so Mean = Sum/Base exactly
	TopPct       float64 // % giving the top score
	TopN         int
	High, Low    int     // thresholds used
	HighPct      float64 // % at or above High
	HighN        int
	LowPct       float64 // % at or below Low
	LowN         int
	HasSatisfied bool    // 5-point scales
	SatisfiedPct float64 // % in the top two points
	SatisfiedN   int
	HasNPS       bool    // 0-10 scales
	NPS          float64 // % promoters (9-10) minus % detractors (0-6)
	Promoters    int
	Detractors   int

	SmallBase bool // Base under 30: figures are fragile
	Counts    []Count
}

// SmallBaseUnder is the base below which figures are flagged as fragile.
const SmallBaseUnder = 30

// GroupStats are Stats for respondents sharing one attribute value.
type GroupStats struct {
	Value string // e.g. "phone"
	Size  int    // respondents in the group (answering or not)
	Stats Stats
}

// NotGiven is the group value for respondents without the attribute.
const NotGiven = "not given"

// QuestionStats works out the statistics of question q over the survey's
// respondents plus the question's hand-entered tally.
func (sv *Survey) QuestionStats(q *Question) Stats {
	acc := newAccumulator(q)
	rs := &sv.Respondents
	if col := rs.AnswerColumn(q.ID); col != nil {
		acc.addCounts(col.Values, countCodes(make([]int, len(col.Values)), col.Codes))
	} else {
		acc.addN("", rs.Len())
	}
	acc.addTally(q.Tally, q.TallyExcluded)
	return acc.stats(sv, q)
}

func countCodes(counts []int, codes []uint32) []int {
	for _, c := range codes {
		counts[c]++
	}
	return counts
}

// addCounts adds counts[code] answers of each value: every distinct
// answer is read once, however many gave it.
func (a *accumulator) addCounts(values []string, counts []int) {
	for code, n := range counts {
		a.addN(values[code], n)
	}
}

// QuestionStatsBy splits the statistics by the value of a respondent
// attribute, in a stable order (largest group first, then by value).
// Hand-entered tallies carry no attributes, so they are left out here.
func (sv *Survey) QuestionStatsBy(q *Question, attr string) []GroupStats {
	rs := &sv.Respondents
	n := rs.Len()
	// Attribute values that read the same once trimmed are one group.
	var groupOf []int
	var names []string
	byName := map[string]int{}
	group := func(v string) int {
		v = strings.TrimSpace(v)
		if v == "" {
			v = NotGiven
		}
		g, ok := byName[v]
		if !ok {
			g = len(names)
			byName[v] = g
			names = append(names, v)
		}
		return g
	}
	acol := rs.AttrColumn(attr)
	if acol != nil {
		groupOf = make([]int, len(acol.Values))
		for code, v := range acol.Values {
			groupOf[code] = group(v)
		}
	} else if n > 0 {
		group("")
	}
	qcol := rs.AnswerColumn(q.ID)
	nvals := 1
	if qcol != nil {
		nvals = len(qcol.Values)
	}
	counts := make([]int, len(names)*nvals) // group g, answer code c at g*nvals+c
	sizes := make([]int, len(names))
	for i := range n {
		g := 0
		if acol != nil {
			g = groupOf[acol.Codes[i]]
		}
		sizes[g]++
		c := 0
		if qcol != nil {
			c = int(qcol.Codes[i])
		}
		counts[g*nvals+c]++
	}
	values := []string{""}
	if qcol != nil {
		values = qcol.Values
	}
	out := make([]GroupStats, 0, len(names))
	for g, v := range names {
		if sizes[g] == 0 {
			continue
		}
		a := newAccumulator(q)
		a.addCounts(values, counts[g*nvals:(g+1)*nvals])
		out = append(out, GroupStats{Value: v, Size: sizes[g], Stats: a.stats(sv, q)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Size != out[j].Size {
			return out[i].Size > out[j].Size
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// AttributeNames lists the respondent attributes present in the survey,
// sorted, so screens and the command line can offer them for splitting.
func (sv *Survey) AttributeNames() []string {
	names := make([]string, 0, len(sv.Respondents.AttrCols))
	for _, c := range sv.Respondents.AttrCols {
		names = append(names, c.Key)
	}
	return names
}

// Responses is how many responded: respondents plus the largest hand-entered
// tally base of any question.
func (sv *Survey) Responses() int {
	most := 0
	for i := range sv.Questions {
		q := &sv.Questions[i]
		n := bounded(q.TallyExcluded, MaxCount)
		for _, c := range q.Tally {
			n += bounded(c, MaxCount)
		}
		if n > most {
			most = n
		}
	}
	return sv.Respondents.Len() + most
}

// ResponseRate returns "57 of 670, 8.5%" as numbers; ok is false when Sent
// is unknown.
func (sv *Survey) ResponseRate() (n, sent int, pct float64, ok bool) {
	n = sv.Responses()
	if sv.Sent <= 0 {
		return n, 0, 0, false
	}
	return n, sv.Sent, 100 * float64(n) / float64(sv.Sent), true
}

// ResponseRateText returns "57 of 670, 8.5%", or "57 responses" when how
// many were sent is not known.
func (sv *Survey) ResponseRateText() string {
	n, sent, _, ok := sv.ResponseRate()
	if !ok {
		if n == 1 {
			return "1 response"
		}
		return itoa(n) + " responses"
	}
	return itoa(n) + " of " + itoa(sent) + ", " + Pct1(n, sent)
}

// ScaleRange returns the question's scale; a scale question saved without
// a range is read as 1-10, the scale panels use most, and so is a range no
// way in accepts (a damaged file), so nothing sizes itself by it.
func (q *Question) ScaleRange() (lo, hi int) {
	if !ScaleOK(q.Min, q.Max) {
		return 1, 10
	}
	return q.Min, q.Max
}

// Thresholds returns the "at or above" and "at or below" points used for
// question q.
//
// The panel sets them (Survey.High, Survey.Low) on the 1-10 scale it thinks
// in; zero means the defaults 6 and 3. A question scored out of 10 (1-10 or
// 0-10) uses them as they are. Any other scale gets the point at the same
// relative position from its bottom: High is rounded up and Low to the
// nearest point, so the defaults become 4 and 2 on 1-5, 5 and 2 on 1-7, 3
// and 1 on 0-5, and 3 and 1 on 1-3.
func (sv *Survey) Thresholds(q *Question) (high, low int) {
	high, low = sv.High, sv.Low
	if high == 0 {
		high = 6
	}
	if low == 0 {
		low = 3
	}
	lo, hi := q.ScaleRange()
	if hi != 10 {
		span := int64(hi - lo)
		// Position on 1-10 is (t-1)/9; the point is lo + span*(t-1)/9.
		high = lo + int(ceilDiv(span*int64(high-1), 9))
		low = lo + int(roundRatio(span*int64(low-1), 9))
	}
	return clamp(high, lo, hi), clamp(low, lo, hi)
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func ceilDiv(a, b int64) int64 {
	if a <= 0 {
		return -((-a) / b)
	}
	return (a + b - 1) / b
}

// accumulator gathers one question's answers before the figures are made.
type accumulator struct {
	kind     QuestionKind
	lo, hi   int
	scale    []int          // scale questions: count per point, index v-lo
	other    map[string]int // yes/no and choice counts by value
	base     int
	excluded int
	missing  int
	invalid  int
	sum      int64
}

func newAccumulator(q *Question) *accumulator {
	a := &accumulator{kind: q.Kind}
	switch q.Kind {
	case QuestionScale:
		a.lo, a.hi = q.ScaleRange()
		a.scale = make([]int, a.hi-a.lo+1)
	case QuestionFreeText:
	default:
		a.other = map[string]int{}
	}
	return a
}

func (a *accumulator) add(ans string) { a.addN(ans, 1) }

func (a *accumulator) addN(ans string, n int) {
	if n <= 0 {
		return
	}
	n = bounded(n, MaxCount)
	ans = strings.TrimSpace(ans)
	switch {
	case ans == "":
		a.missing += n
		return
	case IsExcluded(ans):
		a.excluded += n
		return
	}
	switch a.kind {
	case QuestionScale:
		v, ok := atoiStrict(ans)
		if !ok || v < a.lo || v > a.hi {
			a.invalid += n
			return
		}
		a.scale[v-a.lo] += n
		a.sum += int64(v) * int64(n)
	case QuestionYesNo:
		yn, ok := YesNo(ans)
		if !ok {
			a.invalid += n
			return
		}
		a.other[yn] += n
	case QuestionFreeText:
	default:
		a.other[ans] += n
	}
	a.base += n
}

func (a *accumulator) addTally(t map[string]int, excluded int) {
	for v, n := range t {
		a.addN(v, n)
	}
	if excluded > 0 {
		a.excluded += bounded(excluded, MaxCount)
	}
}

func (a *accumulator) stats(sv *Survey, q *Question) Stats {
	s := Stats{Base: a.base, Excluded: a.excluded, Missing: a.missing, Invalid: a.invalid}
	s.SmallBase = s.Base < SmallBaseUnder
	pct := func(n int) float64 {
		if s.Base == 0 {
			return 0
		}
		return 100 * float64(n) / float64(s.Base)
	}
	switch a.kind {
	case QuestionScale:
		s.HasMean = true
		s.Sum = a.sum
		if s.Base > 0 {
			s.Mean = float64(a.sum) / float64(s.Base)
		}
		s.High, s.Low = sv.Thresholds(q)
		s.TopN = a.scale[a.hi-a.lo]
		for i, n := range a.scale {
			v := a.lo + i
			if v >= s.High {
				s.HighN += n
			}
			if v <= s.Low {
				s.LowN += n
			}
			s.Counts = append(s.Counts, Count{Value: itoa(v), Label: scaleLabel(q, i, v), N: n, Pct: pct(n)})
		}
		s.TopPct, s.HighPct, s.LowPct = pct(s.TopN), pct(s.HighN), pct(s.LowN)
		if a.hi-a.lo == 4 {
			s.HasSatisfied = true
			s.SatisfiedN = a.scale[4] + a.scale[3]
			s.SatisfiedPct = pct(s.SatisfiedN)
		}
		if a.lo == 0 && a.hi == 10 {
			s.HasNPS = true
			s.Promoters = a.scale[9] + a.scale[10]
			for _, n := range a.scale[:7] {
				s.Detractors += n
			}
			s.NPS = pct(s.Promoters) - pct(s.Detractors)
		}
	case QuestionYesNo:
		for _, v := range []string{"yes", "no"} {
			s.Counts = append(s.Counts, Count{Value: v, Label: strings.ToUpper(v[:1]) + v[1:], N: a.other[v], Pct: pct(a.other[v])})
		}
	case QuestionFreeText:
	default:
		s.Counts = choiceCounts(q, a.other, pct)
	}
	return s
}

func scaleLabel(q *Question, i, v int) string {
	if i < len(q.Labels) && strings.TrimSpace(q.Labels[i]) != "" {
		return q.Labels[i]
	}
	return itoa(v)
}

// choiceCounts lists the question's own choices in order (even when nobody
// chose them), then any other answers given, most common first.
func choiceCounts(q *Question, got map[string]int, pct func(int) float64) []Count {
	var out []Count
	used := map[string]bool{}
	for _, c := range q.Labels {
		n := got[c]
		used[c] = true
		out = append(out, Count{Value: c, Label: c, N: n, Pct: pct(n)})
	}
	var rest []Count
	for v, n := range got {
		if !used[v] {
			rest = append(rest, Count{Value: v, Label: v, N: n, Pct: pct(n)})
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		if rest[i].N != rest[j].N {
			return rest[i].N > rest[j].N
		}
		return rest[i].Value < rest[j].Value
	})
	return append(out, rest...)
}

// IsExcluded reports whether an answer is a "Don't know" / "N/A" kind of
// answer that is counted but left out of the figures.
func IsExcluded(ans string) bool {
	if ans == Excluded {
		return true
	}
	_, ok := excludedWords[NormWord(ans)]
	return ok
}

var excludedWords = map[string]struct{}{
	"n/a": {}, "na": {}, "n.a.": {}, "don't know": {}, "dont know": {}, "do not know": {},
	"not applicable": {}, "prefer not to say": {}, "not sure": {}, "dk": {},
}

// NormWord lower-cases, trims, folds runs of spaces and typographic
// apostrophes: the one rule for matching answer words, so the CSV reader's
// scale labels match the same way as yes/no and "Don't know" answers here.
func NormWord(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "\u2019", "'")
	return strings.Join(strings.Fields(s), " ")
}

// YesNo reads a yes/no answer in any case ("Yes", "Y", "no") and returns
// "yes" or "no".
func YesNo(ans string) (string, bool) {
	switch NormWord(ans) {
	case "yes", "y":
		return "yes", true
	case "no", "n":
		return "no", true
	}
	return "", false
}

// atoiStrict reads a whole number with an optional minus sign, nothing else.
func atoiStrict(s string) (int, bool) {
	neg := false
	if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	}
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func itoa(n int) string { return fmtInt(int64(n)) }

func fmtInt(n int64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// roundRatio returns num/den rounded half away from zero; den must be > 0.
func roundRatio(num, den int64) int64 {
	if num >= 0 {
		return (2*num + den) / (2 * den)
	}
	return -((-2*num + den) / (2 * den))
}

// Ratio formats num/den to the given number of decimals, rounding half away
// from zero on the exact ratio. den <= 0 gives "–" (nothing to divide by).
func Ratio(num, den int64, decimals int) string {
	if den <= 0 {
		return "–"
	}
	scale := int64(1)
	for i := 0; i < decimals; i++ {
		scale *= 10
	}
	r := roundRatio(num*scale, den)
	sign := ""
	if r < 0 {
		sign, r = "-", -r
	}
	whole := fmtInt(r / scale)
	if decimals == 0 {
		return sign + whole
	}
	frac := fmtInt(r % scale)
	for len(frac) < decimals {
		frac = "0" + frac
	}
	return sign + whole + "." + frac
}

// Pct1 formats a percentage to one decimal place, rounding half away from
// zero on the exact ratio (77 of 800 is 9.6%, not 9.5%). It includes the
// "%" sign; a zero whole gives "–".
func Pct1(part, whole int) string {
	if whole <= 0 {
		return "–"
	}
	return Num1(part, whole) + "%"
}

// Num1 is Pct1 without the "%" sign, for table columns headed "%".
func Num1(part, whole int) string { return Ratio(100*int64(part), int64(whole), 1) }

// MeanText is the average to 2 decimals ("7.42"), rounded on the exact
// ratio; "–" when nobody answered.
func (s Stats) MeanText() string { return Ratio(s.Sum, int64(s.Base), 2) }

// PctText is n as a percentage of the base ("63.6%").
func (s Stats) PctText(n int) string { return Pct1(n, s.Base) }

// NPSText is the Net Promoter Score as a signed whole number ("+12", "-5").
func (s Stats) NPSText() string {
	if s.Base == 0 {
		return "–"
	}
	t := Ratio(100*int64(s.Promoters-s.Detractors), int64(s.Base), 0)
	if t != "0" && t[0] != '-' {
		t = "+" + t
	}
	return t
}
