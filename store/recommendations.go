package store

import (
	"context"
	"database/sql"

	"scrutiny/review"
)

var recTable = table{
	name: "recommendations", parent: "review_id", what: "recommendation", label: "body",
	cols: []string{"body", "sub_points", "finding_ids", "board_response", "actions"},
}

func recVals(r *review.Recommendation) []any {
	return []any{r.Text, js(subPointsTo(r.SubPoints)), js(r.FindingIDs), r.BoardResponse, js(actionsTo(r.Actions))}
}

func scanRec(rows *sql.Rows) (review.Recommendation, error) {
	var rec review.Recommendation
	var subs, fids, acts string
	if err := rows.Scan(&rec.ID, &rec.Text, &subs, &fids, &rec.BoardResponse, &acts); err != nil {
		return rec, err
	}
	var jsubs []jSubPoint
	var jacts []jAction
	if err := unjs(subs, &jsubs); err != nil {
		return rec, err
	}
	if err := unjs(acts, &jacts); err != nil {
		return rec, err
	}
	var err error
	if rec.FindingIDs, err = strList(fids); err != nil {
		return rec, err
	}
	rec.SubPoints = subPointsFrom(jsubs)
	rec.Actions, err = actionsFrom(jacts)
	return rec, err
}

var (
	upsertRec        = hot(recTable.upsertSQL())
	importRec        = recTable.importSQL(1)
	qRecommendations = hot(recTable.selectSQL("position, rowid"))
)

// SaveRecommendation saves the text, sub-points (in order), finding links,
// board response and actions. Empty sub-point and action IDs are filled in
// rec.
func (s *Store) SaveRecommendation(ctx context.Context, reviewID string, rec *review.Recommendation) error {
	for i := range rec.SubPoints {
		fillID(&rec.SubPoints[i].ID)
	}
	for i := range rec.Actions {
		fillID(&rec.Actions[i].ID)
	}
	return s.saveItem(ctx, recTable, upsertRec, reviewID, &rec.ID, recVals(rec))
}

func loadRecs(ctx context.Context, tx *wtx, r *review.Review) error {
	return loadList(ctx, tx, qRecommendations, r.ID, scanRec, &r.Recommendations)
}

// The sub-point and action shapes are both the JSON of their columns and
// part of the bundle, so the two cannot drift apart.

type jSubPoint struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type jAction struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Owner  string `json:"owner,omitempty"`
	Due    string `json:"due,omitempty"`
	Status string `json:"status,omitempty"`
}

func subPointsTo(a []review.SubPoint) []jSubPoint {
	return convert(a, func(x review.SubPoint) jSubPoint { return jSubPoint{x.ID, x.Text} })
}

func subPointsFrom(a []jSubPoint) []review.SubPoint {
	return convert(a, func(x jSubPoint) review.SubPoint { return review.SubPoint{ID: x.ID, Text: x.Text} })
}

func actionsTo(a []review.Action) []jAction {
	return convert(a, func(x review.Action) jAction { return jAction{x.ID, x.Text, x.Owner, x.Due.String(), x.Status} })
}

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
		out[i] = review.Action{ID: x.ID, Text: x.Text, Owner: x.Owner, Due: d, Status: x.Status}
	}
	return out, nil
}

type bRecommendation struct {
	ID            string      `json:"id"`
	Text          string      `json:"text"`
	SubPoints     []jSubPoint `json:"sub_points,omitempty"`
	FindingIDs    []string    `json:"finding_ids,omitempty"`
	BoardResponse string      `json:"board_response,omitempty"`
	Actions       []jAction   `json:"actions,omitempty"`
}

func recTo(rec review.Recommendation) bRecommendation {
	return bRecommendation{rec.ID, rec.Text, subPointsTo(rec.SubPoints), rec.FindingIDs, rec.BoardResponse, actionsTo(rec.Actions)}
}

func recFrom(c *checker, b bRecommendation) review.Recommendation {
	c.id("recommendation", b.ID)
	acts, err := actionsFrom(b.Actions)
	c.fail(err)
	return review.Recommendation{ID: b.ID, Text: b.Text, SubPoints: subPointsFrom(b.SubPoints),
		FindingIDs: nilIfEmpty(b.FindingIDs), BoardResponse: b.BoardResponse, Actions: acts}
}
