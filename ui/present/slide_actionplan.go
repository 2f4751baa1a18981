package present

import (
	"fmt"
	"strings"
	"time"

	"scrutiny/review"
)

// ItemActionPlan is a recommendation shown with the Board's decision and
// its actions' progress; ItemID is the recommendation's ID.
const ItemActionPlan = "action plan"

// actionPlanSlide shows one recommendation's decision large, then each
// action with its owner, due date and status in words and symbols, overdue
// worked out from the wall's own clock.
func actionPlanSlide(r *review.Review, id string, now time.Time) (Slide, bool) {
	today := review.FromTime(now)
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		if rec.ID != id {
			continue
		}
		sl := Slide{Title: fmt.Sprintf("Recommendation %d: action plan", i+1)}
		d := rec.Response.Decision
		tone := ToneNone
		switch d {
		case review.Accepted:
			tone = ToneGood
		case review.NotAccepted:
			tone = ToneIssue
		}
		l := bigLine("The Board:", d.Label(), "", tone)
		// A long decision ("Under consideration ?") falls back to its
		// first word in block letters, with the whole under the lead.
		l.Short, l.ShortLead = strings.Fields(d.Title())[0], "The Board: "+d.Label()
		sl.Lines = append(sl.Lines, l)
		if t := Clean(rec.Text); t != "" {
			sl.Lines = append(sl.Lines, textLine(t))
		}
		if re := Clean(rec.Response.Reason); re != "" {
			sl.Lines = append(sl.Lines, textLine("Reason: "+re))
		}
		sl.Lines = append(sl.Lines, gap())
		if len(rec.Actions) == 0 {
			sl.Lines = append(sl.Lines, textLine("No actions agreed yet."))
			return sl, true
		}
		sl.Lines = append(sl.Lines, textLine(rec.Progress(today).Text()))
		sl.Lines = append(sl.Lines, Line{Kind: Row, Header: true, Cells: []string{"Action", "Owner", "Due", "Status"}})
		for _, a := range rec.Actions {
			status := a.Status.Label()
			if a.Overdue(today) {
				status += " · ⚠ overdue"
			}
			due := a.Due.Short()
			if due == "" {
				due = "–"
			}
			sl.Lines = append(sl.Lines, Line{Kind: Row, Cells: []string{Clean(a.Text), Clean(a.Owner), due, status}})
		}
		return sl, true
	}
	return Slide{}, false
}
