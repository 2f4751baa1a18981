package present

import (
	"fmt"
	"strings"
	"time"

	"scrutiny/review"
	"scrutiny/ui/text"
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
			if n := len(rec.SubPoints); n > 0 {
				// The sentence goes on in its sub-points, which this
				// slide leaves out: say so, rather than stop mid-way.
				sl.Lines = append(sl.Lines, textLine(t+" …"),
					textLine(fmt.Sprintf("(and %s, %d%c to %d%c)", text.Count(n, "sub-point", "sub-points"), i+1, 'a', i+1, 'a'+rune((n-1)%26))))
			} else {
				sl.Lines = append(sl.Lines, textLine(t))
			}
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
			status, tone := actionStatus(a, today)
			due := a.Due.Short()
			if due == "" {
				due = "–"
			}
			sl.Lines = append(sl.Lines, Line{Kind: Row, Cells: []string{Clean(a.Text), Clean(a.Owner), due, status}, Tone: tone})
		}
		return sl, true
	}
	return Slide{}, false
}

// actionStatus is an action's status as the room reads it: its label
// ("Done ✓"), or when it is late, a sentence that says by how much ("On
// track, but overdue by 12 days"), in the issue tone as well as in words.
func actionStatus(a review.Action, today review.Date) (string, Tone) {
	late := a.OverdueText(today)
	if late == "" {
		return a.Status.Label(), ToneNone
	}
	if a.Status == review.OnTrack {
		return a.Status.Title() + ", but " + late, ToneIssue
	}
	return a.Status.Title() + ", " + late, ToneIssue
}
