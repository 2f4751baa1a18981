package store

import (
	"context"
	"sort"

	"scrutiny/review"
)

// The tracker reads every live recommendation of every live review in one
// query, without loading the rest of each review: it is what the landlord's
// spreadsheet and the home screen's progress need, and it stays fast on
// files with thousands of recommendations.
// The rows come in the index's order (review, position); reviews are put
// in order of start date afterwards, which is cheaper than sorting rows.
var qTracker = hot("SELECT r.id, r.start_on || ' ' || r.topic, r.topic, c.id" + commaCols(prefixed("c.", recTable.cols)) +
	" FROM recommendations c JOIN reviews r ON r.id = c.review_id" +
	" WHERE c.deleted_at IS NULL AND r.deleted_at IS NULL" +
	" ORDER BY c.review_id, c.position, c.rowid")

func prefixed(p string, cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = p + c
	}
	return out
}

// Tracker returns every recommendation of every review not in the bin,
// archived ones included, with its response and actions, reviews in order
// of their start date and recommendations numbered as in their review.
func (s *Store) Tracker(ctx context.Context) ([]review.Tracked, error) {
	var out []review.Tracked
	err := s.read(ctx, "read the tracker", func(tx *wtx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, qTracker)
		if err != nil {
			return err
		}
		defer rows.Close()
		last, n := "", 0
		var keys []string
		for rows.Next() {
			var t review.Tracked
			var key string
			rec, err := scanRecWith(rows, &t.ReviewID, &key, &t.ReviewTopic)
			if err != nil {
				return badColumn(err)
			}
			if t.ReviewID != last {
				last, n = t.ReviewID, 0
			}
			n++
			t.Number, t.Rec = n, rec
			out = append(out, t)
			keys = append(keys, key)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		byReviewStart(out, keys)
		return nil
	})
	return out, err
}

var qTrackerBrief = hot("SELECT r.id, r.start_on || ' ' || r.topic, r.topic, c.id, c.body, c.decision, c.actions" +
	" FROM recommendations c JOIN reviews r ON r.id = c.review_id" +
	" WHERE c.deleted_at IS NULL AND r.deleted_at IS NULL" +
	" ORDER BY c.review_id, c.position, c.rowid")

// byReviewStart puts the reviews' groups of rows in order of start date,
// then topic, keeping each group's order; order holds each row's key.
func byReviewStart(ts []review.Tracked, order []string) {
	idx := make([]int, len(ts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := order[idx[a]], order[idx[b]]
		if ka != kb {
			return ka < kb
		}
		return ts[idx[a]].ReviewID < ts[idx[b]].ReviewID
	})
	sorted := make([]review.Tracked, len(ts))
	for i, j := range idx {
		sorted[i] = ts[j]
	}
	copy(ts, sorted)
}

// TrackerBrief is Tracker with only what the tracker's table and the
// progress on the home screen show: each recommendation's text and
// decision, and its actions' due dates and statuses. It is quicker, and
// what it returns must not be saved.
func (s *Store) TrackerBrief(ctx context.Context) ([]review.Tracked, error) {
	var out []review.Tracked
	err := s.read(ctx, "read the tracker", func(tx *wtx) error {
		out = out[:0]
		rows, err := tx.QueryContext(ctx, qTrackerBrief)
		if err != nil {
			return err
		}
		defer rows.Close()
		last, n := "", 0
		var decision, acts string
		var keys []string
		for rows.Next() {
			var t review.Tracked
			var key string
			if err := rows.Scan(&t.ReviewID, &key, &t.ReviewTopic, &t.Rec.ID, &t.Rec.Text, &decision, &acts); err != nil {
				return badColumn(err)
			}
			if t.Rec.Response.Decision, err = review.ParseDecision(decision); err != nil {
				return badColumn(err)
			}
			if t.Rec.Actions, err = briefActions(acts, nil); err != nil {
				return badColumn(err)
			}
			if t.ReviewID != last {
				last, n = t.ReviewID, 0
			}
			n++
			t.Number = n
			out = append(out, t)
			keys = append(keys, key)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		byReviewStart(out, keys)
		return nil
	})
	return out, err
}

var qActionProgress = hot("SELECT c.review_id, c.actions" +
	" FROM recommendations c JOIN reviews r ON r.id = c.review_id" +
	" WHERE c.deleted_at IS NULL AND r.deleted_at IS NULL AND c.actions NOT IN ('', '[]')")

// briefActions appends to into the actions stored in acts with only their
// due dates and statuses: what the tracker's table and the progress count.
// Skipping the texts and updates is most of the saving.
func briefActions(acts string, into []review.Action) ([]review.Action, error) {
	// A fresh slice for each column: decoding into a reused one would keep
	// the fields an action leaves out (a missing due date) from the last.
	var jacts []struct {
		Due    string `json:"due"`
		Status string `json:"status"`
	}
	if err := unjs(acts, &jacts); err != nil {
		return into, err
	}
	for _, a := range jacts {
		var act review.Action
		var err error
		if act.Due, err = parseISO(a.Due); err != nil {
			return into, err
		}
		act.Status, _ = review.LegacyStatus(a.Status)
		into = append(into, act)
	}
	return into, nil
}

// ActionProgress is each live review's action plan as of today (the home
// screen's progress): what TrackerBrief's rows add up to, read in half its
// time, as only the actions' due dates and statuses are read. A review
// without actions is not in the map.
func (s *Store) ActionProgress(ctx context.Context, today review.Date) (map[string]review.Progress, error) {
	out := map[string]review.Progress{}
	err := s.read(ctx, "read the action plans", func(tx *wtx) error {
		clear(out)
		rows, err := tx.QueryContext(ctx, qActionProgress)
		if err != nil {
			return err
		}
		defer rows.Close()
		var id, acts string
		var rec review.Recommendation
		for rows.Next() {
			if err := rows.Scan(&id, &acts); err != nil {
				return badColumn(err)
			}
			if rec.Actions, err = briefActions(acts, rec.Actions[:0]); err != nil {
				return badColumn(err)
			}
			out[id] = out[id].Add(rec.Progress(today))
		}
		return rows.Err()
	})
	return out, err
}

// Changed is a recommendation to save, with the review it belongs to.
type Changed struct {
	ReviewID string
	Rec      *review.Recommendation
}

// SaveRecommendations saves many recommendations in one transaction: all
// of them or, on any error, none. The tracker import uses it so a file is
// applied whole or not at all.
func (s *Store) SaveRecommendations(ctx context.Context, cs []Changed) error {
	for _, c := range cs {
		fillActions(c.Rec)
	}
	return s.write(ctx, "save the recommendations", func(tx *wtx) error {
		touched := map[string]bool{}
		for _, c := range cs {
			if !touched[c.ReviewID] {
				if err := touchReview(ctx, tx, c.ReviewID); err != nil {
					return err
				}
				touched[c.ReviewID] = true
			}
			if c.Rec.ID == "" {
				return &plainError{msg: "A recommendation to update has no ID."}
			}
			if err := execItem(ctx, tx, recTable.what, upsertRec, c.Rec.ID, c.ReviewID, recVals(c.Rec)); err != nil {
				return err
			}
		}
		return nil
	})
}
