package review

// AGREED API for survey statistics and service standards. Bodies are
// placeholders until the survey work lands; the report and the UI call these.

// Count is one bar of a distribution.
type Count struct {
	Value string // "7", "yes", a choice
	Label string // "7", or "Very satisfied" when the scale has labels
	N     int
	Pct   float64 // of the base, 0-100
}

// Stats are the figures for one question (over all respondents, or one
// group of respondents).
type Stats struct {
	Base     int // answers counted (n answering, excluding Don't know / N/A)
	Excluded int // "Don't know" / "N/A" answers, counted but left out
	Missing  int // respondents who left it blank

	// Scale questions only (HasMean false otherwise).
	HasMean      bool
	Mean         float64 // exact; round only when printing (2 decimals)
	TopPct       float64 // % giving the top score
	High, Low    int     // thresholds used
	HighPct      float64 // % at or above High
	LowPct       float64 // % at or below Low
	HasSatisfied bool    // 5-point scales
	SatisfiedPct float64 // % in the top two points
	HasNPS       bool    // 0-10 scales
	NPS          float64 // % promoters (9-10) minus % detractors (0-6)

	SmallBase bool // Base under 30: figures are fragile
	Counts    []Count
}

// GroupStats are Stats for respondents sharing one attribute value.
type GroupStats struct {
	Value string // e.g. "phone"
	Stats Stats
}

// QuestionStats works out the statistics of question q over the survey's
// respondents plus the question's hand-entered tally.
func (sv *Survey) QuestionStats(q *Question) Stats { return Stats{} }

// QuestionStatsBy splits the statistics by the value of a respondent
// attribute, in a stable order (largest group first, then by value).
func (sv *Survey) QuestionStatsBy(q *Question, attr string) []GroupStats { return nil }

// Responses is how many responded: respondents plus the largest hand-entered
// tally base of any question.
func (sv *Survey) Responses() int { return 0 }

// ResponseRate returns "57 of 670, 8.5%" as numbers; ok is false when Sent
// is unknown.
func (sv *Survey) ResponseRate() (n, sent int, pct float64, ok bool) { return 0, 0, 0, false }

// Met works out whether the standard was met from Target and Actual when both
// are numbers in comparable units (computed true), and otherwise returns the
// panel's Verdict (computed false).
func (st Standard) Met() (state MetState, computed bool) { return st.Verdict, false }

// StandardsSummary returns "3 of 6 standards met" (and "1 not judged" when
// some have no verdict).
func StandardsSummary(sts []Standard) string { return "" }

// Pct1 formats a percentage to one decimal place, rounding half away from
// zero on the exact ratio (77 of 800 is 9.6%, not 9.5%).
func Pct1(part, whole int) string { return "" }
