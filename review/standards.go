package review

import (
	"math"
	"strconv"
	"strings"
)

// How a service standard is entered (the convention the example data, the
// UI and the report all follow; also in ARCHITECTURE.md):
//
//   - Promise is the standard in the landlord's words, the whole sentence:
//     "80% of calls answered within 4 minutes".
//   - Target is only the part the Actual figure is compared with, with its
//     direction: "at least 80%", "within 1 working hour", "higher than 7.4".
//     A bare percentage or number means "at least"; a bare time ("4 hours")
//     means "within". A Target such as "80% of calls answered within 4
//     minutes" is read by its leading figure (at least 80%). When Target is
//     blank the figure is taken from the Promise in the same way.
//   - Actual is the measured figure with its unit: "70%", "14 minutes",
//     "1.53 minutes", "7.1".
//
// Times compare with times (seconds, minutes, hours; a working hour counts
// as an hour, a day as 24 hours), working days with days, percentages with
// percentages and plain numbers with plain numbers. Anything else, such as
// free text or a percentage against a time, falls back to the panel's
// Verdict. So the Great Places row "80% of calls answered within 4
// minutes: 70%" is entered as Target "at least 80%", Actual "70%".

// Met works out whether the standard was met from Target and Actual when both
// are numbers in comparable units (computed true), and otherwise returns the
// panel's Verdict (computed false).
func (st Standard) Met() (state MetState, computed bool) {
	g, a, ok := st.comparable()
	if !ok {
		return st.Verdict, false
	}
	if g.holds(a) {
		return MetYes, true
	}
	return MetNo, true
}

// Explain says in words how Met reached its answer, for the screen that
// edits a standard: "14 minutes against within 1 hour" or why the panel's
// own call is used instead.
func (st Standard) Explain() string {
	g, a, ok := st.comparable()
	if ok {
		return "worked out: " + a.String() + " against " + g.String()
	}
	_, gok := st.goal()
	_, aok := ParseAmount(st.Actual)
	switch {
	case !gok && !aok:
		return "the panel's call: target and actual are not figures"
	case !gok:
		return "the panel's call: the target is not a figure with a direction"
	case !aok:
		return "the panel's call: the actual is not a figure"
	}
	return "the panel's call: target and actual are in different units"
}

func (st Standard) goal() (Goal, bool) {
	if strings.TrimSpace(st.Target) != "" {
		return ParseGoal(st.Target)
	}
	return ParseGoal(st.Promise)
}

func (st Standard) comparable() (Goal, Amount, bool) {
	g, ok := st.goal()
	if !ok {
		return Goal{}, Amount{}, false
	}
	a, ok := ParseAmount(st.Actual)
	if !ok || !comparableUnits(g.Amount, a) {
		return Goal{}, Amount{}, false
	}
	return g, a, true
}

// StandardsSummary returns "3 of 6 standards met" (and "1 not judged" when
// some have no verdict); "" when there are none, so callers can leave the
// line out.
func StandardsSummary(sts []Standard) string {
	if len(sts) == 0 {
		return ""
	}
	met, unknown := 0, 0
	for _, st := range sts {
		switch m, _ := st.Met(); m {
		case MetYes:
			met++
		case MetUnknown:
			unknown++
		}
	}
	noun := "standards"
	if len(sts) == 1 {
		noun = "standard"
	}
	s := itoa(met) + " of " + itoa(len(sts)) + " " + noun + " met"
	if unknown > 0 {
		s += ", " + itoa(unknown) + " not judged"
	}
	return s
}

// Word is "met", "not met" or "not judged".
func (m MetState) Word() string {
	switch m {
	case MetYes:
		return "met"
	case MetNo:
		return "not met"
	}
	return "not judged"
}

// Symbol is a plain mark that reads without colour: ✓, ✗ or ?.
func (m MetState) Symbol() string {
	switch m {
	case MetYes:
		return "✓"
	case MetNo:
		return "✗"
	}
	return "?"
}

// Label is the symbol and the word together: "✓ Met".
func (m MetState) Label() string {
	w := m.Word()
	return m.Symbol() + " " + strings.ToUpper(w[:1]) + w[1:]
}

// String returns the word.
func (m MetState) String() string { return m.Word() }

// Unit is the kind of figure an Amount is.
type Unit int

const (
	UnitNumber  Unit = iota // a plain number: a score such as 7.1
	UnitPercent             // 80%
	UnitTime                // a length of time, kept in minutes
	UnitWorkDay             // working days, kept in days
)

// Amount is a figure read from text, such as "14 minutes" or "70%".
type Amount struct {
	Unit  Unit
	Value float64 // minutes for UnitTime, days for UnitWorkDay
	// Days is set when a time was given in whole calendar days or weeks,
	// so it can also be compared with working days.
	Days   float64
	IsDays bool
	Text   string // the figure as it was written, for explanations
}

func (a Amount) String() string { return a.Text }

// Op is the direction of a target.
type Op int

const (
	AtLeast  Op = iota // >=
	MoreThan           // >
	AtMost             // <=, "within"
	LessThan           // <
)

var opWords = [...]string{"at least", "more than", "at most", "less than"}

// Goal is a target read from text: a direction and an amount.
type Goal struct {
	Op     Op
	Amount Amount
}

func (g Goal) String() string {
	if g.Op == AtMost && (g.Amount.Unit == UnitTime || g.Amount.Unit == UnitWorkDay) {
		return "within " + g.Amount.Text
	}
	return opWords[g.Op] + " " + g.Amount.Text
}

func (g Goal) holds(a Amount) bool {
	t, v := g.Amount.Value, a.Value
	if g.Amount.Unit != a.Unit { // working days against calendar days
		if g.Amount.Unit == UnitWorkDay {
			v = a.Days
		} else {
			t = g.Amount.Days
		}
	}
	eps := 1e-9 * math.Max(1, math.Abs(t))
	switch g.Op {
	case AtLeast:
		return v >= t-eps
	case MoreThan:
		return v > t+eps
	case AtMost:
		return v <= t+eps
	}
	return v < t-eps
}

func comparableUnits(a, b Amount) bool {
	if a.Unit == b.Unit {
		return true
	}
	days := func(x, y Amount) bool { return x.Unit == UnitWorkDay && y.Unit == UnitTime && y.IsDays }
	return days(a, b) || days(b, a)
}

// Text normalisation shared by targets and amounts.
var normReplacer = strings.NewReplacer(
	"≥", ">=", "≤", "<=", "=>", ">=", "=<", "<=", "per cent", "percent", "\u00a0", " ",
	"\u2019", "'", "–", "-", "—", "-",
)

func normText(s string) string {
	return strings.Join(strings.Fields(normReplacer.Replace(strings.ToLower(s))), " ")
}

const (
	numPat  = `(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)`
	wordPat = `(an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty-four|twenty four|forty-eight|forty eight)`
	unitPat = `(%|percent\b|(?:working |business )?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?)\b|(?:s|m|h|hr|d)\b)`
)

var (
	// A figure: a number with an optional unit, or a word number that
	// needs a time unit ("an hour", "one working day").
	qtyRe       = lazyRegexp(`^(?:` + numPat + ` ?` + unitPat + `?|` + wordPat + ` ` + unitPat + `)`)
	opRe        = lazyRegexp(`(?:^|[^a-z])((?:at least|no less than|not less than|no fewer than|not fewer than|minimum of|minimum|min|at most|no more than|not more than|no longer than|not longer than|not exceeding|maximum of|maximum|max|more than|higher than|greater than|over|above|exceeding|within|up to|under|below|less than|lower than|fewer than)\b|>=|<=|>|<) ?`)
	leadPctRe   = lazyRegexp(`^` + numPat + ` ?(%|percent\b)`)
	moreSuffix  = lazyRegexp(`^(?:\+|or more|or higher|or above|or over|and above|and over|or greater)$`)
	lessSuffix  = lazyRegexp(`^(?:or less|or fewer|or lower|or below|or under|and below|and under)$`)
	andRe       = lazyRegexp(`^(?:and |, ?)?`)
	wordNumbers = map[string]float64{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
		"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty-four": 24,
		"twenty four": 24, "forty-eight": 48, "forty eight": 48}
)

var opByWord = map[string]Op{
	"at least": AtLeast, "no less than": AtLeast, "not less than": AtLeast, "no fewer than": AtLeast,
	"not fewer than": AtLeast, "minimum of": AtLeast, "minimum": AtLeast, "min": AtLeast, ">=": AtLeast,
	"more than": MoreThan, "higher than": MoreThan, "greater than": MoreThan, "over": MoreThan,
	"above": MoreThan, "exceeding": MoreThan, ">": MoreThan,
	"at most": AtMost, "no more than": AtMost, "not more than": AtMost, "no longer than": AtMost,
	"not longer than": AtMost, "not exceeding": AtMost, "maximum of": AtMost, "maximum": AtMost,
	"max": AtMost, "within": AtMost, "up to": AtMost, "<=": AtMost,
	"under": LessThan, "below": LessThan, "less than": LessThan, "lower than": LessThan,
	"fewer than": LessThan, "<": LessThan,
}

// readQty reads one figure at the start of s and returns it with the rest.
func readQty(s string) (Amount, string, bool) {
	m := qtyRe().FindStringSubmatch(s)
	if m == nil {
		return Amount{}, s, false
	}
	var v float64
	unit := m[2]
	if m[1] != "" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		if err != nil {
			return Amount{}, s, false
		}
		v = f
	} else {
		v, unit = wordNumbers[m[3]], m[4]
	}
	a := Amount{Value: v, Text: strings.TrimSpace(m[0])}
	switch u := strings.TrimPrefix(strings.TrimPrefix(unit, "working "), "business "); {
	case u == "":
		a.Unit = UnitNumber
	case u == "%" || u == "percent":
		a.Unit = UnitPercent
	case strings.HasPrefix(u, "s"):
		a.Unit, a.Value = UnitTime, v/60
	case strings.HasPrefix(u, "m"):
		a.Unit = UnitTime
	case strings.HasPrefix(u, "h"):
		a.Unit, a.Value = UnitTime, v*60
	case strings.HasPrefix(u, "d"), strings.HasPrefix(u, "w"):
		days := v
		if strings.HasPrefix(u, "w") {
			days = v * 7
			if unit != u { // a working week is five working days
				days = v * 5
			}
		}
		if unit != u {
			a.Unit, a.Value = UnitWorkDay, days
		} else {
			a.Unit, a.Value, a.Days, a.IsDays = UnitTime, days*1440, days, true
		}
	}
	return a, strings.TrimSpace(s[len(m[0]):]), true
}

// readAmount reads a figure and, for times, any further parts that add to
// it ("1 hour 20 minutes", "2 hours and 5 minutes").
func readAmount(s string) (Amount, string, bool) {
	a, rest, ok := readQty(s)
	if !ok || a.Unit != UnitTime {
		return a, rest, ok
	}
	for {
		r := rest[len(andRe().FindString(rest)):]
		b, r2, ok := readQty(r)
		if !ok || b.Unit != UnitTime {
			return a, rest, true
		}
		a.Value += b.Value
		a.IsDays = a.IsDays && b.IsDays
		a.Days += b.Days
		a.Text = strings.TrimSpace(s[:len(s)-len(r2)])
		rest = r2
	}
}

// ParseAmount reads an actual figure such as "70%", "14 minutes", "7.1" or
// "1 hour 20 minutes". Words may follow the figure ("70% of calls") but not
// come before it, so "over 20 hours" is not read as exactly 20 hours.
func ParseAmount(s string) (Amount, bool) {
	t := normText(s)
	a, rest, ok := readAmount(t)
	if !ok {
		return Amount{}, false
	}
	if rest == "" || strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "out of ") {
		return a, true
	}
	// Words may follow a percentage or a time ("70% of calls"); after a
	// plain number they are probably a unit not understood ("4 months").
	if a.Unit != UnitNumber && rest[0] >= 'a' && rest[0] <= 'z' {
		return a, true
	}
	return Amount{}, false
}

// ParseGoal reads a target such as "at least 80%", "within 4 working hours",
// "higher than 7.4", "≤ 3 minutes", "80% or more", or a promise such as "80%
// of calls answered within 4 minutes" (read by its leading percentage).
func ParseGoal(s string) (Goal, bool) {
	t := normText(s)
	if t == "" {
		return Goal{}, false
	}
	// A leading percentage, possibly after a direction: "80% of calls...".
	if op, rest, ok := leadingOp(t); ok && leadPctRe().MatchString(rest) {
		a, _, _ := readQty(rest)
		return Goal{Op: op, Amount: a}, true
	}
	if leadPctRe().MatchString(t) {
		a, rest, _ := readQty(t)
		if lessSuffix().MatchString(rest) {
			return Goal{Op: AtMost, Amount: a}, true
		}
		return Goal{Op: AtLeast, Amount: a}, true
	}
	// A bare figure with an optional "or more" / "or less".
	if a, rest, ok := readAmount(t); ok {
		switch {
		case rest == "":
			if a.Unit == UnitTime || a.Unit == UnitWorkDay {
				return Goal{Op: AtMost, Amount: a}, true
			}
			return Goal{Op: AtLeast, Amount: a}, true
		case moreSuffix().MatchString(rest):
			return Goal{Op: AtLeast, Amount: a}, true
		case lessSuffix().MatchString(rest):
			return Goal{Op: AtMost, Amount: a}, true
		}
	}
	// The first direction word followed by a figure, anywhere in the text.
	for _, loc := range opRe().FindAllStringSubmatchIndex(t, -1) {
		word := t[loc[2]:loc[3]]
		if a, _, ok := readAmount(t[loc[1]:]); ok {
			return Goal{Op: opByWord[word], Amount: a}, true
		}
	}
	return Goal{}, false
}

func leadingOp(t string) (Op, string, bool) {
	loc := opRe().FindStringSubmatchIndex(t)
	if loc == nil || loc[0] != 0 {
		return 0, t, false
	}
	return opByWord[t[loc[2]:loc[3]]], t[loc[1]:], true
}
