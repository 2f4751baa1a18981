package store

import (
	"context"
	"database/sql"
	"fmt"

	"scrutiny/review"
)

var criterionTable = table{
	name: "criteria", parent: "review_id", what: "criterion", label: "name",
	cols: []string{"name", "level", "rationale", "votes"},
}

func critVals(c *review.Criterion) []any {
	return []any{c.Name, int(c.Level), c.Rationale, js(c.Votes[:])}
}

func scanCriterion(rows *sql.Rows) (review.Criterion, error) {
	var c review.Criterion
	var level int
	var votes string
	if err := rows.Scan(&c.ID, &c.Name, &level, &c.Rationale, &votes); err != nil {
		return c, err
	}
	c.Level = review.Level(level)
	var v []int
	if err := unjs(votes, &v); err != nil {
		return c, err
	}
	copy(c.Votes[:], v)
	return c, nil
}

var (
	upsertCrit = hot(criterionTable.upsertSQL())
	importCrit = criterionTable.importSQL(1)
	qCriteria  = hot(criterionTable.selectSQL("position, rowid"))
)

// SaveCriterion inserts or updates a criterion with its level, rationale
// and votes.
func (s *Store) SaveCriterion(ctx context.Context, reviewID string, c *review.Criterion) error {
	if err := c.CheckLimits(); err != nil {
		return limitError("criterion", err)
	}
	return s.saveItem(ctx, criterionTable, upsertCrit, reviewID, &c.ID, critVals(c))
}

func loadCriteria(ctx context.Context, tx *wtx, r *review.Review) error {
	return loadList(ctx, tx, qCriteria, r.ID, scanCriterion, &r.Criteria)
}

type bCriterion struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Level     string         `json:"level,omitempty"`
	Rationale string         `json:"rationale,omitempty"`
	Votes     map[string]int `json:"votes,omitempty"` // by level word
}

func criterionTo(c review.Criterion) bCriterion {
	b := bCriterion{ID: c.ID, Name: c.Name, Level: levelWord(c.Level), Rationale: c.Rationale}
	for _, l := range review.Levels {
		if c.Votes[l] != 0 {
			if b.Votes == nil {
				b.Votes = map[string]int{}
			}
			b.Votes[l.String()] = c.Votes[l]
		}
	}
	return b
}

func criterionFrom(c *checker, b bCriterion) review.Criterion {
	c.id("criterion", b.ID)
	l, err := review.ParseLevel(b.Level)
	c.fail(err)
	out := review.Criterion{ID: b.ID, Name: b.Name, Level: l, Rationale: b.Rationale}
	for w, n := range b.Votes {
		vl, err := review.ParseLevel(w)
		if err == nil && vl == review.LevelNone {
			err = fmt.Errorf("votes need a level")
		}
		if err == nil && n < 0 {
			err = fmt.Errorf("a negative number of votes")
		}
		c.fail(err)
		if err == nil {
			out.Votes[vl] = n
		}
	}
	return out
}
