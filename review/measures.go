package review

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// Measure is something the panel tracks over time: a line of the Tenant
// Satisfaction Measures (Code "TP01", "RP02 (1)") or the panel's own
// indicator (a short code the panel chooses, "CALLS4"). Measures belong to
// the panel, not to one review: the landlord's results run on from year to
// year, and each review picks the measures it reads (Review.MeasureIDs).
type Measure struct {
	ID        string
	Code      string // unique in a database, any case
	Name      string // short name: "Overall satisfaction"
	Counts    string // what it counts, in plain words
	Unit      MeasureUnit
	Direction Direction
	Results   []Result // in any order; Series and Latest sort them
}

// MeasureUnit is what a measure's values are.
type MeasureUnit string

const (
	UnitPct         MeasureUnit = "%"
	UnitPerThousand MeasureUnit = "per 1,000 homes"
	UnitCount       MeasureUnit = "number"
	UnitMinutes     MeasureUnit = "minutes"
	UnitHours       MeasureUnit = "hours"
	UnitDays        MeasureUnit = "days"
	UnitScore       MeasureUnit = "score"
)

// MeasureUnits lists every unit, in the order a list offers them.
var MeasureUnits = []MeasureUnit{UnitPct, UnitPerThousand, UnitCount, UnitMinutes, UnitHours, UnitDays, UnitScore}

// Direction says which way a measure gets better.
type Direction string

const (
	HigherBetter Direction = "higher is better"
	LowerBetter  Direction = "lower is better"
	NoDirection  Direction = "neither way is better"
)

// Directions lists every direction.
var Directions = []Direction{HigherBetter, LowerBetter, NoDirection}

// Result is a measure's figure for one period, for everyone or for one
// group (GroupBy "locality", Group "Bolton").
type Result struct {
	ID      string
	Period  string // canonical, as ParsePeriod writes it: "2023/24", "2023/24 Q1", "2023", "March 2024"
	GroupBy string // "" for the whole result; "locality", "tenure"...
	Group   string // "" for the whole result; "Bolton", "shared owners"...
	Value   float64
	// Base is how many answers (perception measures) or homes or cases the
	// value is out of; 0 when not given.
	Base int
	// Population is how many the survey was drawn from (the homes, for a
	// tenant survey), for the finite population correction; 0 when not given.
	Population int
	Target     float64
	HasTarget  bool
	// Comparator is a figure entered by the panel to compare with, such as
	// the landlord's peer median, always with where it came from.
	Comparator       float64
	HasComparator    bool
	ComparatorSource string
	Source           string // where the figure came from: "Annual report 2023/24"
}

// IsTSM reports whether m is a line of the regulator's catalogue.
func (m Measure) IsTSM() bool {
	_, ok, problem := ReadMeasureCode(m.Code)
	return ok && problem == ""
}

// Sampled reports whether m's results come from a survey of a sample, so
// they carry a margin of error.
func (m Measure) Sampled() bool { return IsPerception(m.Code) }

// MeasureByID returns the measure with the given ID.
func (r *Review) MeasureByID(id string) (Measure, bool) {
	for _, m := range r.Measures {
		if m.ID == id {
			return m, true
		}
	}
	return Measure{}, false
}

// CheckValue says in plain words why v cannot be a value of unit u, or ""
// when it can: a percentage is 0 to 100, and counts, rates and times are
// not negative. Scores may be anything (a Net Promoter Score runs -100 to
// 100).
func CheckValue(u MeasureUnit, v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "it is not a number"
	case u == UnitPct && (v < 0 || v > 100):
		return "a percentage must be between 0 and 100"
	case u != UnitScore && u != UnitPct && v < 0:
		return "it cannot be below zero"
	}
	return ""
}

// FormatValue writes v with one decimal and the unit: "71.0%", "3.4 per
// 1,000 homes", "14.0 minutes", "7.1".
func FormatValue(u MeasureUnit, v float64) string {
	// One decimal, as landlords publish; a second when the figure has one
	// ("1.53 minutes"), so nothing the panel typed is rounded away.
	dec := 1
	if math.Abs(v*10-math.Round(v*10)) > 1e-6 {
		dec = 2
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if s == "-0.0" {
		s = "0.0"
	}
	switch u {
	case UnitPct:
		return s + "%"
	case UnitScore, UnitCount, "":
		return s
	}
	return s + " " + string(u)
}

// ReadNumber reads a figure as landlords publish it: "71", "71.4%",
// "1,204", " 3.5 ". ok is false for anything else.
func ReadNumber(s string) (float64, bool) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	t = strings.ReplaceAll(t, ",", "")
	if t == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// Whole reports whether r is the measure's figure for everyone rather
// than for one group.
func (r Result) Whole() bool { return r.GroupBy == "" && r.Group == "" }

// GroupText names r's group: "Bolton (locality)"; "" for a whole result.
func (r Result) GroupText() string {
	switch {
	case r.Whole():
		return ""
	case r.GroupBy == "":
		return r.Group
	case r.Group == "":
		return r.GroupBy
	}
	return r.Group + " (" + r.GroupBy + ")"
}

// Series returns m's whole results (no groups) in period order, earliest
// first. Results whose period cannot be read come last, in entry order.
func (m Measure) Series() []Result {
	rs, _ := m.series()
	return rs
}

// series is Series with each result's period read, for the scorecard.
func (m Measure) series() ([]Result, []Period) {
	out := make([]Result, 0, len(m.Results))
	for _, r := range m.Results {
		if r.Whole() {
			out = append(out, r)
		}
	}
	keys := make([]Period, len(out))
	sorted := true
	for i, r := range out {
		p, err := ParsePeriod(r.Period)
		if err != nil {
			p = Period{Start: math.MaxInt32}
		}
		keys[i] = p
		sorted = sorted && (i == 0 || !p.Before(keys[i-1]))
	}
	if sorted {
		return out, keys
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]].Before(keys[idx[b]]) })
	rs, ks := make([]Result, len(out)), make([]Period, len(out))
	for i, j := range idx {
		rs[i], ks[i] = out[j], keys[j]
	}
	return rs, ks
}

// Groups returns m's group results for period, in the order entered.
func (m Measure) Groups(period string) []Result {
	var out []Result
	for _, r := range m.Results {
		if !r.Whole() && r.Period == period {
			out = append(out, r)
		}
	}
	return out
}

// Judge says whether value meets target for a measure going direction d:
// at least the target when higher is better, at most when lower is better.
// A measure with no better direction is not judged.
func Judge(d Direction, value, target float64) MetState {
	eps := 1e-9 * math.Max(1, math.Abs(target))
	switch d {
	case HigherBetter:
		if value >= target-eps {
			return MetYes
		}
		return MetNo
	case LowerBetter:
		if value <= target+eps {
			return MetYes
		}
		return MetNo
	}
	return MetUnknown
}

// Met says whether r met its target; MetUnknown when it has none.
func (m Measure) Met(r Result) MetState {
	if !r.HasTarget {
		return MetUnknown
	}
	return Judge(m.Direction, r.Value, r.Target)
}
