package review

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Decision is the Board's (or an officer's) answer to a recommendation.
type Decision string

const (
	DecisionNone       Decision = "" // no answer yet
	Accepted           Decision = "accepted"
	PartlyAccepted     Decision = "partly accepted"
	NotAccepted        Decision = "not accepted"
	UnderConsideration Decision = "under consideration"
)

// Decisions lists every decision a Board can give, in the order a list
// offers them.
var Decisions = []Decision{Accepted, PartlyAccepted, NotAccepted, UnderConsideration}

// decisionWords are the other ways landlords write a decision in their
// trackers; they read as the decision they mean.
var decisionWords = map[string]Decision{
	"none": DecisionNone, "no response": DecisionNone, "not yet": DecisionNone, "-": DecisionNone,
	"agreed": Accepted, "approved": Accepted, "accept": Accepted,
	"partly": PartlyAccepted, "partially accepted": PartlyAccepted, "partially approved": PartlyAccepted,
	"partly agreed": PartlyAccepted, "rejected": NotAccepted, "declined": NotAccepted, "not agreed": NotAccepted,
	"considering": UnderConsideration, "pending": UnderConsideration,
}

// ParseDecision reads a decision word, ignoring case and spacing; blank is
// DecisionNone.
func ParseDecision(s string) (Decision, error) {
	// The stored words come back exactly: no need to fold them.
	switch d := Decision(s); d {
	case DecisionNone, Accepted, PartlyAccepted, NotAccepted, UnderConsideration:
		return d, nil
	}
	w := normWord(s)
	for _, d := range Decisions {
		if w == string(d) {
			return d, nil
		}
	}
	if d, ok := decisionWords[w]; ok || w == "" {
		return d, nil
	}
	return DecisionNone, fmt.Errorf("%q is not a decision: use %s", strings.TrimSpace(s), wordList(Decisions))
}

// Symbol gives each decision a mark, so nothing rests on colour.
func (d Decision) Symbol() string {
	switch d {
	case Accepted:
		return "✓"
	case PartlyAccepted:
		return "◐"
	case NotAccepted:
		return "✗"
	case UnderConsideration:
		return "?"
	}
	return "–"
}

// Title is the decision for people: "Partly accepted", "No response yet".
func (d Decision) Title() string {
	if d == DecisionNone {
		return "No response yet"
	}
	return capitalise(string(d))
}

// Label is the word with its symbol: "Accepted ✓".
func (d Decision) Label() string { return d.Title() + " " + d.Symbol() }

// Word is the decision as a tracker cell writes it: "none" when unset.
func (d Decision) Word() string {
	if d == DecisionNone {
		return "none"
	}
	return string(d)
}

// NeedsReason reports whether the Board must say why: a panel is owed an
// explanation when its recommendation is not taken up in full.
func (d Decision) NeedsReason() bool { return d == PartlyAccepted || d == NotAccepted }

// Agreed reports whether the landlord agreed to act on at least part.
func (d Decision) Agreed() bool { return d == Accepted || d == PartlyAccepted }

// Response is the answer to a recommendation or a sub-point.
type Response struct {
	Decision Decision
	Date     Date
	Words    string // the Board's or officer's own words
	Reason   string // why, when partly or not accepted
}

// IsZero reports whether nothing of the response has been recorded.
func (r Response) IsZero() bool { return r == Response{} }

// ActionStatus is where an action has got to.
type ActionStatus string

const (
	NotStarted ActionStatus = "not started"
	OnTrack    ActionStatus = "on track"
	Behind     ActionStatus = "behind"
	Done       ActionStatus = "done"
	Paused     ActionStatus = "paused"
	Dropped    ActionStatus = "dropped"
)

// ActionStatuses lists every status, in the order a list offers them.
var ActionStatuses = []ActionStatus{NotStarted, OnTrack, Behind, Done, Paused, Dropped}

// statusWords maps what trackers and older files wrote (free text before
// statuses were a fixed set) to the status it means.
var statusWords = map[string]ActionStatus{
	"": NotStarted, "open": NotStarted, "to do": NotStarted, "todo": NotStarted, "not yet started": NotStarted,
	"in progress": OnTrack, "ongoing": OnTrack, "green": OnTrack, "started": OnTrack,
	"late": Behind, "delayed": Behind, "amber": Behind, "red": Behind, "overdue": Behind,
	"complete": Done, "completed": Done, "closed": Done, "delivered": Done, "implemented": Done, "blue": Done,
	"on hold": Paused, "hold": Paused, "cancelled": Dropped, "canceled": Dropped, "withdrawn": Dropped,
}

// ParseActionStatus reads a status word, ignoring case and spacing; blank
// is not started.
func ParseActionStatus(s string) (ActionStatus, error) {
	switch st := ActionStatus(s); st {
	case NotStarted, OnTrack, Behind, Done, Paused, Dropped:
		return st, nil
	}
	w := normWord(s)
	for _, st := range ActionStatuses {
		if w == string(st) {
			return st, nil
		}
	}
	if st, ok := statusWords[w]; ok {
		return st, nil
	}
	return NotStarted, fmt.Errorf("%q is not a status: use %s", strings.TrimSpace(s), wordList(ActionStatuses))
}

// LegacyStatus reads a status written as free text by an older version.
// A word it does not know becomes "not started", and the old words come
// back as note, so the carry-over loses nothing: the caller keeps them.
func LegacyStatus(s string) (st ActionStatus, note string) {
	st, err := ParseActionStatus(s)
	if err != nil {
		return NotStarted, "Status before statuses were fixed: " + strings.TrimSpace(s)
	}
	return st, ""
}

// Symbol gives each status a mark.
func (s ActionStatus) Symbol() string {
	switch s {
	case OnTrack:
		return "→"
	case Behind:
		return "!"
	case Done:
		return "✓"
	case Paused:
		return "‖"
	case Dropped:
		return "✗"
	}
	return "○"
}

// Title is the status for people: "On track".
func (s ActionStatus) Title() string {
	if s == "" {
		return capitalise(string(NotStarted))
	}
	return capitalise(string(s))
}

// Label is the word with its symbol: "On track →".
func (s ActionStatus) Label() string { return s.Title() + " " + s.Symbol() }

// NeedsReason reports whether the status must say why.
func (s ActionStatus) NeedsReason() bool { return s == Paused || s == Dropped }

// Finished reports whether nothing more is expected of the action.
func (s ActionStatus) Finished() bool { return s == Done || s == Dropped }

// Action is something the landlord agreed to do in answer to a recommendation.
type Action struct {
	ID     string
	Text   string
	Owner  string // a name or a role at the landlord
	Due    Date
	Status ActionStatus
	Reason string // why it is paused or dropped
	// Updates is the dated history of progress reports, oldest first.
	Updates []ActionUpdate
}

// ActionUpdate is one progress report on an action.
type ActionUpdate struct {
	Date Date
	Note string
	By   string // who reported it
}

// Overdue reports whether the action is past its due date and not
// finished. It is worked out from today each time, never stored, so it
// cannot go stale.
func (a Action) Overdue(today Date) bool {
	return !a.Due.IsZero() && !a.Status.Finished() && a.Due.Before(today)
}

// LastUpdate returns the newest update, if any.
func (a Action) LastUpdate() (ActionUpdate, bool) {
	if len(a.Updates) == 0 {
		return ActionUpdate{}, false
	}
	return a.Updates[len(a.Updates)-1], true
}

// Progress counts a recommendation's actions.
type Progress struct {
	Total, Done, Dropped, Overdue int
	NextDue                       Date // earliest due date of an unfinished action
}

// Progress counts rec's actions as of today.
func (rec *Recommendation) Progress(today Date) Progress {
	var p Progress
	for _, a := range rec.Actions {
		p.Total++
		switch a.Status {
		case Done:
			p.Done++
		case Dropped:
			p.Dropped++
		}
		if a.Overdue(today) {
			p.Overdue++
		}
		if !a.Status.Finished() && !a.Due.IsZero() && (p.NextDue.IsZero() || a.Due.Before(p.NextDue)) {
			p.NextDue = a.Due
		}
	}
	return p
}

// Add sums two progresses; the next due date is the earlier.
func (p Progress) Add(o Progress) Progress {
	p.Total += o.Total
	p.Done += o.Done
	p.Dropped += o.Dropped
	p.Overdue += o.Overdue
	if !o.NextDue.IsZero() && (p.NextDue.IsZero() || o.NextDue.Before(p.NextDue)) {
		p.NextDue = o.NextDue
	}
	return p
}

// Text says the progress in words: "2 of 3 actions done · 1 overdue",
// "No actions yet".
func (p Progress) Text() string {
	if p.Total == 0 {
		return "No actions yet"
	}
	s := fmt.Sprintf("%d of %d %s done", p.Done, p.Total, Plural(p.Total, "action", "actions"))
	if p.Dropped > 0 {
		s += fmt.Sprintf(" · %d dropped", p.Dropped)
	}
	if p.Overdue > 0 {
		s += fmt.Sprintf(" · %d overdue", p.Overdue)
	}
	return s
}

// Short is the home screen's form: "6 of 9 done, 1 overdue".
func (p Progress) Short() string {
	if p.Total == 0 {
		return ""
	}
	s := fmt.Sprintf("%d of %d done", p.Done, p.Total)
	if p.Overdue > 0 {
		s += fmt.Sprintf(", %d overdue", p.Overdue)
	}
	return s
}

// StatusLine is a recommendation's decision and progress in one line:
// "Accepted ✓ · 2 of 3 actions done · 1 overdue".
func (rec *Recommendation) StatusLine(today Date) string {
	s := rec.Response.Decision.Label()
	if p := rec.Progress(today); p.Total > 0 {
		s += " · " + p.Text()
	}
	return s
}

// ReviewProgress sums the progress of every recommendation of r.
func (r *Review) ReviewProgress(today Date) Progress {
	var p Progress
	for i := range r.Recommendations {
		p = p.Add(r.Recommendations[i].Progress(today))
	}
	return p
}

// OverdueText says how late an action is: "overdue by 12 days", "" when
// it is not overdue.
func (a Action) OverdueText(today Date) string {
	if !a.Overdue(today) {
		return ""
	}
	return "overdue by " + LateBy(a.Due, today)
}

// LateBy says how long after due today is, in the unit a reader takes in
// at a glance: days up to eight weeks, then whole months, then years
// ("12 days", "5 months", "3 years"); "" when today is not later or
// either day is unset.
func LateBy(due, today Date) string {
	if due.IsZero() || today.IsZero() || !due.Before(today) {
		return ""
	}
	days := int(today.time().Sub(due.time()).Hours() / 24)
	if days <= 56 {
		return strconv.Itoa(days) + " " + Plural(days, "day", "days")
	}
	months := (today.Year-due.Year)*12 + int(today.Month) - int(due.Month)
	if today.Day < due.Day {
		months--
	}
	if months < 24 {
		months = max(months, 1)
		return strconv.Itoa(months) + " " + Plural(months, "month", "months")
	}
	years := months / 12
	return strconv.Itoa(years) + " " + Plural(years, "year", "years")
}

// AddMonths returns d moved on by n calendar months, the day kept where
// the month has it and otherwise the month's last day (31 Aug + 6 months
// is 28 or 29 Feb).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	first := time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	day := min(d.Day, last)
	return Date{first.Year(), first.Month(), day}
}

// Today is the calendar day now, in the laptop's own time zone.
func Today() Date { return FromTime(time.Now()) }

func normWord(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func wordList[T ~string](ws []T) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = string(w)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
