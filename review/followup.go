package review

import (
	"fmt"
	"strings"
)

// Verdict is the panel's view, at a follow-up point, of whether a
// recommendation was carried out.
type Verdict string

const (
	VerdictNone    Verdict = ""
	Implemented    Verdict = "implemented"
	PartlyDone     Verdict = "partly implemented"
	NotImplemented Verdict = "not implemented"
	TooEarly       Verdict = "too early to say"
)

// Verdicts lists every verdict, in the order a list offers them.
var Verdicts = []Verdict{Implemented, PartlyDone, NotImplemented, TooEarly}

// ParseVerdict reads a verdict word; "partly" is enough for partly
// implemented, and blank is no verdict yet.
func ParseVerdict(s string) (Verdict, error) {
	w := normWord(s)
	switch w {
	case "":
		return VerdictNone, nil
	case "partly", "partially implemented":
		return PartlyDone, nil
	case "too early":
		return TooEarly, nil
	}
	for _, v := range Verdicts {
		if w == string(v) {
			return v, nil
		}
	}
	return VerdictNone, fmt.Errorf("%q is not a verdict: use %s", strings.TrimSpace(s), wordList(Verdicts))
}

// Symbol gives each verdict a mark.
func (v Verdict) Symbol() string {
	switch v {
	case Implemented:
		return "✓"
	case PartlyDone:
		return "◐"
	case NotImplemented:
		return "✗"
	case TooEarly:
		return "…"
	}
	return "–"
}

// Title is the verdict for people.
func (v Verdict) Title() string {
	if v == VerdictNone {
		return "Not checked yet"
	}
	return capitalise(string(v))
}

// Label is the word with its symbol: "Implemented ✓".
func (v Verdict) Label() string { return v.Title() + " " + v.Symbol() }

// FollowUpPoint is a date on which the panel checks what has happened
// since the Board answered: by default 6 and 12 months after the Board.
type FollowUpPoint struct {
	ID    string
	Label string // "6 months"
	Due   Date   // when the check is planned
	Held  Date   // when the panel did it; zero until then
}

// Title names the point: its label, or its date.
func (p FollowUpPoint) Title() string {
	if p.Label != "" {
		return p.Label
	}
	if !p.Due.IsZero() {
		return "Follow-up of " + p.Due.Short()
	}
	return "Follow-up"
}

// DefaultFollowUpMonths are the usual review points after the Board.
var DefaultFollowUpMonths = []int{6, 12}

// DefaultFollowUpPoints returns the usual points for a Board date: 6 and
// 12 months on. They are a starting point the panel edits; none is given
// without a Board date to count from.
func DefaultFollowUpPoints(board Date) []FollowUpPoint {
	if board.IsZero() {
		return nil
	}
	out := make([]FollowUpPoint, len(DefaultFollowUpMonths))
	for i, m := range DefaultFollowUpMonths {
		out[i] = FollowUpPoint{Label: fmt.Sprintf("%d months", m), Due: board.AddMonths(m)}
	}
	return out
}

// NextFollowUpPoint suggests the point to add after those r has: the
// first default not yet planned, then every 6 months after the last.
func (r *Review) NextFollowUpPoint() FollowUpPoint {
	have := map[Date]bool{}
	var last Date
	for _, p := range r.FollowUpPoints {
		have[p.Due] = true
		if last.Before(p.Due) {
			last = p.Due
		}
	}
	for _, p := range DefaultFollowUpPoints(r.BoardDate) {
		if !have[p.Due] {
			return p
		}
	}
	if last.IsZero() {
		return FollowUpPoint{Label: "Follow-up"}
	}
	d := last.AddMonths(6)
	months := 0
	if !r.BoardDate.IsZero() {
		months = (d.Year-r.BoardDate.Year)*12 + int(d.Month-r.BoardDate.Month)
	}
	if months > 0 {
		return FollowUpPoint{Label: fmt.Sprintf("%d months", months), Due: d}
	}
	return FollowUpPoint{Label: "Follow-up", Due: d}
}

// Check is what the panel found for one recommendation at one point.
type Check struct {
	PointID string // the FollowUpPoint it belongs to
	Changed string // what changed
	// An optional measure, with its value when the panel reported and
	// now: "calls answered within 4 minutes": "70%" → "84%".
	Measure  string
	AtReport string
	Now      string
	Verdict  Verdict
}

// IsZero reports whether nothing was recorded.
func (c Check) IsZero() bool {
	return c.Changed == "" && c.Measure == "" && c.AtReport == "" && c.Now == "" && c.Verdict == VerdictNone
}

// Moved reports whether the check's measure has a value then and now and
// they differ.
func (c Check) Moved() bool {
	return c.AtReport != "" && c.Now != "" && strings.TrimSpace(c.AtReport) != strings.TrimSpace(c.Now)
}

// MeasureText says the measure: "calls answered within 4 minutes: 70% → 84%".
func (c Check) MeasureText() string {
	if c.Measure == "" && c.AtReport == "" && c.Now == "" {
		return ""
	}
	s := c.Measure
	if c.AtReport != "" || c.Now != "" {
		then, now := c.AtReport, c.Now
		if then == "" {
			then = "?"
		}
		if now == "" {
			now = "?"
		}
		if s != "" {
			s += ": "
		}
		s += then + " → " + now
	}
	return s
}

// CheckAt returns rec's check at a point, and whether there is one.
func (rec *Recommendation) CheckAt(pointID string) (Check, bool) {
	for _, c := range rec.FollowUp {
		if c.PointID == pointID {
			return c, true
		}
	}
	return Check{PointID: pointID}, false
}

// SetCheck records c (replacing the check for the same point); an empty
// check is removed.
func (rec *Recommendation) SetCheck(c Check) {
	for i := range rec.FollowUp {
		if rec.FollowUp[i].PointID == c.PointID {
			if c.IsZero() {
				rec.FollowUp = append(rec.FollowUp[:i:i], rec.FollowUp[i+1:]...)
			} else {
				rec.FollowUp[i] = c
			}
			return
		}
	}
	if !c.IsZero() {
		rec.FollowUp = append(rec.FollowUp, c)
	}
}

// LatestCheck returns rec's check at the latest point that has one, in
// the review's order of points.
func (r *Review) LatestCheck(rec *Recommendation) (Check, FollowUpPoint, bool) {
	for i := len(r.FollowUpPoints) - 1; i >= 0; i-- {
		p := r.FollowUpPoints[i]
		if c, ok := rec.CheckAt(p.ID); ok {
			return c, p, true
		}
	}
	return Check{}, FollowUpPoint{}, false
}

// SuggestStage returns the stage the data says the review has reached,
// when that is later than its recorded stage: every recommendation
// answered means the Board responded; an action for every agreed one
// means an action plan; a follow-up point held means follow-up; every
// action finished and every recommendation given a final verdict means it
// can close. It never moves a review back, and the panel decides.
func (r *Review) SuggestStage(today Date) (Stage, string, bool) {
	if len(r.Recommendations) == 0 {
		return "", "", false
	}
	answered, agreed, planned := 0, 0, 0
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		if rec.Response.Decision != DecisionNone && rec.Response.Decision != UnderConsideration {
			answered++
		}
		if rec.Response.Decision.Agreed() {
			agreed++
			if len(rec.Actions) > 0 {
				planned++
			}
		}
	}
	n := len(r.Recommendations)
	var stage Stage
	var why string
	if answered == n {
		stage, why = StageBoardResponse, "the Board has answered every recommendation"
	}
	if stage != "" && agreed > 0 && planned == agreed {
		stage, why = StageActionPlan, "every agreed recommendation has an action"
	}
	held := false
	for _, p := range r.FollowUpPoints {
		if !p.Held.IsZero() && !today.Before(p.Held) {
			held = true
		}
	}
	if stage != "" && held {
		stage, why = StageFollowUp, "a follow-up check has been held"
		final := 0
		for i := range r.Recommendations {
			rec := &r.Recommendations[i]
			c, _, ok := r.LatestCheck(rec)
			p := rec.Progress(today)
			if !rec.Response.Decision.Agreed() || (ok && (c.Verdict == Implemented || c.Verdict == NotImplemented) && p.Done+p.Dropped == p.Total) {
				final++
			}
		}
		if final == n {
			stage, why = StageClosed, "every action is finished and every agreed recommendation has a final verdict"
		}
	}
	if stage == "" || stageIndex(stage) <= stageIndex(r.Stage) {
		return "", "", false
	}
	return stage, why, true
}

func stageIndex(s Stage) int {
	for i, st := range Stages {
		if st == s {
			return i
		}
	}
	return -1
}
