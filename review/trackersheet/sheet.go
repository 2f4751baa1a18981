// Package trackersheet turns the tracker into the landlord's spreadsheet
// and back: one row per action (and per recommendation without actions),
// written as .xlsx or .csv, read back as a plan of changes that the caller
// shows and then applies whole. It reads and writes streams only; the
// command line opens the files and the store saves the result.
package trackersheet

import (
	"fmt"

	"scrutiny/review"
)

// Columns are the sheet's headings, in order.
var Columns = []string{"Reference", "Review", "Recommendation", "Response", "Reason", "Action", "Owner", "Due", "Status", "Update"}

const (
	colRef = iota
	colReview
	colRec
	colResponse
	colReason
	colAction
	colOwner
	colDue
	colStatus
	colUpdate
	nColumns
)

// Rows gives the sheet's rows after the heading: one per action, and one
// per recommendation that has none, so the officer can fill one in. Cells
// are plain text, cleaned of control characters; the writers guard
// formula-like cells.
func Rows(ts []review.Tracked) [][]string {
	ids := reviewIDs(ts)
	keys := review.ReviewKeys(ids)
	out := make([][]string, 0, len(ts)*2)
	for i := range ts {
		t := &ts[i]
		ref := fmt.Sprintf("%s-%d", keys[t.ReviewID], t.Number)
		base := []string{ref, review.CleanLine(t.ReviewTopic), review.CleanLine(t.Rec.Text),
			t.Rec.Response.Decision.Word(), review.CleanLine(t.Rec.Response.Reason)}
		if len(t.Rec.Actions) == 0 {
			out = append(out, append(base, "", "", "", "", ""))
			continue
		}
		for j, a := range t.Rec.Actions {
			row := append([]string(nil), base...)
			row[colRef] = fmt.Sprintf("%s.%d", ref, j+1)
			note := ""
			if u, ok := a.LastUpdate(); ok {
				note = review.CleanLine(u.Note)
			}
			status := a.Status
			if status == "" {
				status = review.NotStarted
			}
			row = append(row, review.CleanLine(a.Text), review.CleanLine(a.Owner), a.Due.String(), string(status), note)
			out = append(out, row)
		}
	}
	return out
}

func reviewIDs(ts []review.Tracked) []string {
	var ids []string
	seen := map[string]bool{}
	for _, t := range ts {
		if !seen[t.ReviewID] {
			seen[t.ReviewID] = true
			ids = append(ids, t.ReviewID)
		}
	}
	return ids
}

// decisionWords and statusWords are what the drop-down lists offer and
// the import accepts.
func decisionWords() []string {
	out := []string{review.DecisionNone.Word()}
	for _, d := range review.Decisions {
		out = append(out, string(d))
	}
	return out
}

func statusWords() []string {
	out := make([]string, len(review.ActionStatuses))
	for i, s := range review.ActionStatuses {
		out[i] = string(s)
	}
	return out
}
