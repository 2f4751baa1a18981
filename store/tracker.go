package store

import (
	"context"

	"scrutiny/review"
)

// The tracker reads every live recommendation of every live review in one
// query, without loading the rest of each review: it is what the landlord's
// spreadsheet and the home screen's progress need, and it stays fast on
// files with thousands of recommendations.
var qTracker = hot("SELECT r.id, r.topic, c.id" + commaCols(prefixed("c.", recTable.cols)) +
	" FROM recommendations c JOIN reviews r ON r.id = c.review_id" +
	" WHERE c.deleted_at IS NULL AND r.deleted_at IS NULL" +
	" ORDER BY r.start_on, r.topic, r.id, c.position, c.rowid")

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
		for rows.Next() {
			var t review.Tracked
			rec, err := scanRecWith(rows, &t.ReviewID, &t.ReviewTopic)
			if err != nil {
				return badColumn(err)
			}
			if t.ReviewID != last {
				last, n = t.ReviewID, 0
			}
			n++
			t.Number, t.Rec = n, rec
			out = append(out, t)
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
