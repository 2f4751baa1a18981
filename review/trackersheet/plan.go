package trackersheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"scrutiny/review"
)

var cleanLine = review.CleanLine

// Plan is what importing a filled-in tracker would change: a line per
// changed recommendation, and the recommendations as they would be saved.
type Plan struct {
	Lines   []string
	Changed []review.Tracked
}

// RowError names the row and column of a problem, so the officer can find
// it in the spreadsheet.
type RowError struct {
	Line   int
	Column string
	Msg    string
}

func (e *RowError) Error() string {
	return fmt.Sprintf("row %d, column %s: %s", e.Line, e.Column, e.Msg)
}

// Reporter is who an update from the tracker is recorded as reported by.
const Reporter = "landlord's tracker"

// MakePlan works out what rows would change in ts as of today. Any
// problem refuses the whole file with its row and column, so the caller
// changes nothing. Applying a plan and planning the same rows again gives
// no changes.
func MakePlan(ts []review.Tracked, rows []Row, today review.Date) (*Plan, error) {
	ids := reviewIDs(ts)
	byRef := map[string]int{} // "reviewID/number" -> index in ts
	for i, t := range ts {
		byRef[t.ReviewID+"/"+strconv.Itoa(t.Number)] = i
	}
	work := map[int]*review.Recommendation{}
	var order []int
	got := func(i int) *review.Recommendation {
		if r, ok := work[i]; ok {
			return r
		}
		r := cloneRec(ts[i].Rec)
		work[i] = &r
		order = append(order, i)
		return &r
	}
	type said struct {
		line             int
		decision, reason string
	}
	first := map[int]said{}
	for _, row := range rows {
		c := row.Cells
		fail := func(col int, format string, a ...any) error {
			return &RowError{Line: row.Line, Column: Columns[col], Msg: fmt.Sprintf(format, a...)}
		}
		key, num, act, err := parseRef(c[colRef])
		if err != nil {
			return nil, fail(colRef, "%v", err)
		}
		rid, ambiguous := review.MatchReviewKey(key, ids)
		if ambiguous {
			return nil, fail(colRef, "%q could be more than one review; export the tracker again", c[colRef])
		}
		i, ok := byRef[rid+"/"+strconv.Itoa(num)]
		if rid == "" || !ok {
			return nil, fail(colRef, "there is no recommendation %q in this file", c[colRef])
		}
		d, ok := strictDecision(c[colResponse])
		if !ok {
			return nil, fail(colResponse, "%q is not a decision: use %s", c[colResponse], strings.Join(decisionWords(), ", "))
		}
		// Every row of a recommendation carries its response; rows that
		// disagree cannot both be applied.
		if s, seen := first[i]; seen {
			if s.decision != string(d) || s.reason != c[colReason] {
				col := colResponse
				if s.decision == string(d) {
					col = colReason
				}
				return nil, fail(col, "row %d gives recommendation %s a different response; make them the same", s.line, c[colRef])
			}
		} else {
			first[i] = said{row.Line, string(d), c[colReason]}
		}
		rec := got(i)
		if rec.Response.Decision != d && rec.Response.Date.IsZero() && d != review.DecisionNone {
			rec.Response.Date = today
		}
		rec.Response.Decision = d
		keep(&rec.Response.Reason, c[colReason])
		if d.NeedsReason() && rec.Response.Reason == "" {
			return nil, fail(colReason, "a response of %q needs the reason", string(d))
		}
		var st review.ActionStatus
		if c[colStatus] != "" {
			if st, ok = strictStatus(c[colStatus]); !ok {
				return nil, fail(colStatus, "%q is not a status: use %s", c[colStatus], strings.Join(statusWords(), ", "))
			}
		}
		due, err := parseDue(c[colDue])
		if err != nil {
			return nil, fail(colDue, "%v", err)
		}
		var a *review.Action
		switch {
		case act > 0 && act <= len(rec.Actions):
			a = &rec.Actions[act-1]
		case act > 0:
			return nil, fail(colRef, "recommendation %s has no action %d", strings.SplitN(c[colRef], ".", 2)[0], act)
		case c[colAction] != "":
			// A new action written on a recommendation's own row; the
			// same text a second time is the same action, so importing
			// twice adds it once.
			k := slices.IndexFunc(rec.Actions, func(x review.Action) bool { return x.Text == c[colAction] })
			if k < 0 {
				rec.Actions = append(rec.Actions, review.Action{Status: review.NotStarted, Text: c[colAction]})
				k = len(rec.Actions) - 1
			}
			a = &rec.Actions[k]
		default:
			for _, col := range []int{colOwner, colDue, colStatus, colUpdate} {
				if c[col] != "" {
					return nil, fail(col, "there is no action on this row: write the action first")
				}
			}
			continue
		}
		if c[colAction] == "" {
			return nil, fail(colAction, "an action cannot be blank; to drop it, set its status to dropped")
		}
		keep(&a.Text, c[colAction])
		keep(&a.Owner, c[colOwner])
		a.Due = due
		if st != "" {
			a.Status = st
		}
		if note := c[colUpdate]; note != "" {
			if last, ok := a.LastUpdate(); !ok || review.CleanLine(last.Note) != note {
				a.Updates = append(a.Updates, review.ActionUpdate{Date: today, Note: note, By: Reporter})
			}
		}
		if a.Status.NeedsReason() && a.Reason == "" {
			if c[colUpdate] == "" {
				return nil, fail(colStatus, "%q needs a reason: write it in the Update column", string(a.Status))
			}
			a.Reason = c[colUpdate]
		}
	}
	p := &Plan{}
	for _, i := range order {
		before, after := &ts[i].Rec, work[i]
		if line := describe(&ts[i], before, after); line != "" {
			p.Lines = append(p.Lines, line)
			t := ts[i]
			t.Rec = *after
			p.Changed = append(p.Changed, t)
		}
	}
	return p, nil
}

func parseRef(s string) (key string, rec, act int, err error) {
	bad := fmt.Errorf("%q is not a reference like ABCDE-3 or ABCDE-3.1", s)
	k, nums, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok || k == "" {
		return "", 0, 0, bad
	}
	r, a, hasAct := strings.Cut(nums, ".")
	if rec, err = strconv.Atoi(r); err != nil || rec < 1 {
		return "", 0, 0, bad
	}
	if hasAct {
		if act, err = strconv.Atoi(a); err != nil || act < 1 {
			return "", 0, 0, bad
		}
	}
	return k, rec, act, nil
}

// strictDecision accepts only the words the drop-down offers (any case):
// a landlord's own word is refused rather than guessed.
func strictDecision(s string) (review.Decision, bool) {
	w := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if w == "" || w == "none" {
		return review.DecisionNone, true
	}
	for _, d := range review.Decisions {
		if w == string(d) {
			return d, true
		}
	}
	return "", false
}

func strictStatus(s string) (review.ActionStatus, bool) {
	w := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	for _, st := range review.ActionStatuses {
		if w == string(st) {
			return st, true
		}
	}
	return "", false
}

func cloneRec(r review.Recommendation) review.Recommendation {
	r.Actions = slices.Clone(r.Actions)
	for i := range r.Actions {
		r.Actions[i].Updates = slices.Clone(r.Actions[i].Updates)
	}
	return r
}

// describe says what changed in one recommendation, in the words of the
// preview: "Recommendation 3 of “Repairs”: response none → accepted;
// action 3.1: on track → done, update 'new rota from June'"; "" when
// nothing did.
func describe(t *review.Tracked, before, after *review.Recommendation) string {
	var parts []string
	if before.Response.Decision != after.Response.Decision {
		parts = append(parts, "response "+before.Response.Decision.Word()+" → "+after.Response.Decision.Word())
	}
	if before.Response.Reason != after.Response.Reason {
		parts = append(parts, "reason "+quote(after.Response.Reason))
	}
	for j := range after.Actions {
		a := &after.Actions[j]
		ref := fmt.Sprintf("action %d.%d", t.Number, j+1)
		if j >= len(before.Actions) {
			s := ref + " added: " + quote(a.Text)
			if a.Owner != "" {
				s += ", owner " + quote(a.Owner)
			}
			if !a.Due.IsZero() {
				s += ", due " + a.Due.Short()
			}
			s += ", " + string(a.Status)
			parts = append(parts, s+updatesAdded(nil, a))
			continue
		}
		b := &before.Actions[j]
		var ch []string
		if b.Status != a.Status {
			ch = append(ch, string(b.Status)+" → "+string(a.Status))
		}
		if b.Text != a.Text {
			ch = append(ch, "text "+quote(a.Text))
		}
		if b.Owner != a.Owner {
			ch = append(ch, "owner "+quote(b.Owner)+" → "+quote(a.Owner))
		}
		if b.Due != a.Due {
			ch = append(ch, "due "+orNone(b.Due.Short())+" → "+orNone(a.Due.Short()))
		}
		if b.Reason != a.Reason {
			ch = append(ch, "reason "+quote(a.Reason))
		}
		s := strings.Join(ch, ", ")
		if u := updatesAdded(b, a); u != "" {
			if s == "" {
				s = strings.TrimPrefix(u, ", ")
			} else {
				s += u
			}
		}
		if s != "" {
			parts = append(parts, ref+": "+s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("Recommendation %d of “%s”: %s", t.Number, review.CleanLine(t.ReviewTopic), strings.Join(parts, "; "))
}

func updatesAdded(b, a *review.Action) string {
	n := 0
	if b != nil {
		n = len(b.Updates)
	}
	s := ""
	for _, u := range a.Updates[n:] {
		s += ", update " + quote(u.Note)
	}
	return s
}

func quote(s string) string { return "'" + s + "'" }

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// parseDue reads a due date as typed, or as the serial day number a
// spreadsheet stores when it took the cell for a date.
func parseDue(s string) (review.Date, error) {
	if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 1 && n < 2958466 && n == float64(int(n)) {
		t, err := excelize.ExcelDateToTime(n, false)
		if err == nil {
			return review.FromTime(t), nil
		}
	}
	return review.ParseDate(s)
}

// keep sets *dst to the cell unless the cell is what the app wrote for
// it: a cell holds one line, so text written over several lines comes
// back folded, and that alone is no change.
func keep(dst *string, cell string) {
	if review.CleanLine(*dst) != cell {
		*dst = cell
	}
}
