package store

import (
	"context"
	"database/sql"

	"scrutiny/review"
)

// board_response holds the Board's words: before decisions were recorded
// it was the whole free-text answer, which therefore reads as the words.
var recTable = table{
	name: "recommendations", parent: "review_id", what: "recommendation", label: "body",
	cols: []string{"body", "sub_points", "finding_ids", "board_response", "actions",
		"decision", "decided_on", "response_reason", "follow_up"},
}

func recVals(r *review.Recommendation) []any {
	return []any{r.Text, js(subPointsTo(r.SubPoints)), js(r.FindingIDs), r.Response.Words, js(actionsTo(r.Actions)),
		string(r.Response.Decision), r.Response.Date.String(), r.Response.Reason, js(checksTo(r.FollowUp))}
}

func scanRec(rows *sql.Rows) (review.Recommendation, error) { return scanRecWith(rows) }

// scanRecWith reads a row of the id and recTable's columns, after the
// columns read into first.
func scanRecWith(rows *sql.Rows, first ...any) (review.Recommendation, error) {
	var rec review.Recommendation
	var subs, fids, acts, decision, decided, checks string
	dest := append(first, &rec.ID, &rec.Text, &subs, &fids, &rec.Response.Words, &acts,
		&decision, &decided, &rec.Response.Reason, &checks)
	if err := rows.Scan(dest...); err != nil {
		return rec, err
	}
	var jsubs []jSubPoint
	var jacts []jAction
	var jchecks []jCheck
	if err := unjs(subs, &jsubs); err != nil {
		return rec, err
	}
	if err := unjs(acts, &jacts); err != nil {
		return rec, err
	}
	if err := unjs(checks, &jchecks); err != nil {
		return rec, err
	}
	var err error
	if rec.FindingIDs, err = strList(fids); err != nil {
		return rec, err
	}
	if rec.Response.Decision, err = review.ParseDecision(decision); err != nil {
		return rec, err
	}
	if rec.Response.Date, err = parseISO(decided); err != nil {
		return rec, err
	}
	if rec.SubPoints, err = subPointsFrom(jsubs); err != nil {
		return rec, err
	}
	if rec.FollowUp, err = checksFrom(jchecks); err != nil {
		return rec, err
	}
	rec.Actions, err = actionsFrom(jacts)
	return rec, err
}

var (
	upsertRec        = hot(recTable.upsertSQL())
	importRec        = recTable.importSQL(1)
	qRecommendations = hot(recTable.selectSQL("position, rowid"))
)

// SaveRecommendation saves the text, sub-points (in order), finding links,
// the Board's response, the actions with their updates, and the follow-up
// checks. Empty sub-point and action IDs are filled in rec.
func (s *Store) SaveRecommendation(ctx context.Context, reviewID string, rec *review.Recommendation) error {
	for i := range rec.SubPoints {
		fillID(&rec.SubPoints[i].ID)
	}
	fillActions(rec)
	return s.saveItem(ctx, recTable, upsertRec, reviewID, &rec.ID, recVals(rec))
}

// fillActions gives each action an ID and a status: an action nobody has
// reported on yet has not started.
func fillActions(rec *review.Recommendation) {
	for i := range rec.Actions {
		fillID(&rec.Actions[i].ID)
		if rec.Actions[i].Status == "" {
			rec.Actions[i].Status = review.NotStarted
		}
	}
}

func loadRecs(ctx context.Context, tx *wtx, r *review.Review) error {
	return loadList(ctx, tx, qRecommendations, r.ID, scanRec, &r.Recommendations)
}

// The sub-point, action and check shapes are both the JSON of their
// columns and part of the bundle, so the two cannot drift apart. Fields
// are only ever added, with omitempty, so an older reader skips them.

type jSubPoint struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Decision string `json:"decision,omitempty"`
	Decided  string `json:"decided,omitempty"`
	Words    string `json:"words,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

type jUpdate struct {
	Date string `json:"date,omitempty"`
	Note string `json:"note,omitempty"`
	By   string `json:"by,omitempty"`
}

type jAction struct {
	ID      string    `json:"id"`
	Text    string    `json:"text"`
	Owner   string    `json:"owner,omitempty"`
	Due     string    `json:"due,omitempty"`
	Status  string    `json:"status,omitempty"`
	Reason  string    `json:"reason,omitempty"`
	Updates []jUpdate `json:"updates,omitempty"`
}

type jCheck struct {
	PointID  string `json:"point_id"`
	Changed  string `json:"changed,omitempty"`
	Measure  string `json:"measure,omitempty"`
	AtReport string `json:"at_report,omitempty"`
	Now      string `json:"now,omitempty"`
	Verdict  string `json:"verdict,omitempty"`
}

func subPointsTo(a []review.SubPoint) []jSubPoint {
	return convert(a, func(x review.SubPoint) jSubPoint {
		return jSubPoint{x.ID, x.Text, string(x.Response.Decision), x.Response.Date.String(), x.Response.Words, x.Response.Reason}
	})
}

func subPointsFrom(a []jSubPoint) ([]review.SubPoint, error) {
	if len(a) == 0 {
		return nil, nil
	}
	out := make([]review.SubPoint, len(a))
	for i, x := range a {
		d, err := review.ParseDecision(x.Decision)
		if err != nil {
			return nil, err
		}
		on, err := parseISO(x.Decided)
		if err != nil {
			return nil, err
		}
		out[i] = review.SubPoint{ID: x.ID, Text: x.Text, Response: review.Response{Decision: d, Date: on, Words: x.Words, Reason: x.Reason}}
	}
	return out, nil
}

func actionsTo(a []review.Action) []jAction {
	return convert(a, func(x review.Action) jAction {
		return jAction{x.ID, x.Text, x.Owner, x.Due.String(), string(x.Status), x.Reason,
			convert(x.Updates, func(u review.ActionUpdate) jUpdate { return jUpdate{u.Date.String(), u.Note, u.By} })}
	})
}

// actionsFrom reads actions; a status an older version wrote as free text
// is read as the status it means, and words that mean none are kept as an
// update (see review.LegacyStatus).
func actionsFrom(a []jAction) ([]review.Action, error) {
	if len(a) == 0 {
		return nil, nil
	}
	out := make([]review.Action, len(a))
	for i, x := range a {
		d, err := parseISO(x.Due)
		if err != nil {
			return nil, err
		}
		st, note := review.LegacyStatus(x.Status)
		act := review.Action{ID: x.ID, Text: x.Text, Owner: x.Owner, Due: d, Status: st, Reason: x.Reason}
		for _, u := range x.Updates {
			on, err := parseISO(u.Date)
			if err != nil {
				return nil, err
			}
			act.Updates = append(act.Updates, review.ActionUpdate{Date: on, Note: u.Note, By: u.By})
		}
		if note != "" {
			act.Updates = append(act.Updates, review.ActionUpdate{Note: note})
		}
		out[i] = act
	}
	return out, nil
}

func checksTo(a []review.Check) []jCheck {
	return convert(a, func(c review.Check) jCheck {
		return jCheck{c.PointID, c.Changed, c.Measure, c.AtReport, c.Now, string(c.Verdict)}
	})
}

func checksFrom(a []jCheck) ([]review.Check, error) {
	if len(a) == 0 {
		return nil, nil
	}
	out := make([]review.Check, len(a))
	for i, c := range a {
		v, err := review.ParseVerdict(c.Verdict)
		if err != nil {
			return nil, err
		}
		out[i] = review.Check{PointID: c.PointID, Changed: c.Changed, Measure: c.Measure, AtReport: c.AtReport, Now: c.Now, Verdict: v}
	}
	return out, nil
}

// bRecommendation keeps "board_response" as the Board's words, which is
// what older bundles meant by it, so they import without loss.
type bRecommendation struct {
	ID             string      `json:"id"`
	Text           string      `json:"text"`
	SubPoints      []jSubPoint `json:"sub_points,omitempty"`
	FindingIDs     []string    `json:"finding_ids,omitempty"`
	BoardResponse  string      `json:"board_response,omitempty"`
	Actions        []jAction   `json:"actions,omitempty"`
	Decision       string      `json:"decision,omitempty"`
	Decided        string      `json:"decided,omitempty"`
	ResponseReason string      `json:"response_reason,omitempty"`
	FollowUp       []jCheck    `json:"follow_up,omitempty"`
}

func recTo(rec review.Recommendation) bRecommendation {
	return bRecommendation{rec.ID, rec.Text, subPointsTo(rec.SubPoints), rec.FindingIDs, rec.Response.Words,
		actionsTo(rec.Actions), string(rec.Response.Decision), rec.Response.Date.String(), rec.Response.Reason, checksTo(rec.FollowUp)}
}

func recFrom(c *checker, b bRecommendation) review.Recommendation {
	c.id("recommendation", b.ID)
	acts, err := actionsFrom(b.Actions)
	c.fail(err)
	subs, err := subPointsFrom(b.SubPoints)
	c.fail(err)
	checks, err := checksFrom(b.FollowUp)
	c.fail(err)
	d, err := review.ParseDecision(b.Decision)
	c.fail(err)
	c.list("actions", len(b.Actions))
	return review.Recommendation{ID: b.ID, Text: b.Text, SubPoints: subs,
		FindingIDs: nilIfEmpty(b.FindingIDs), Actions: acts, FollowUp: checks,
		Response: review.Response{Decision: d, Date: c.date(b.Decided), Words: b.BoardResponse, Reason: b.ResponseReason}}
}
