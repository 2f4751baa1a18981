package store

import (
	"context"
	"database/sql"

	"scrutiny/review"
)

var evidenceTable = table{
	name: "evidence", parent: "review_id", what: "evidence", label: "title",
	cols: []string{"kind", "title", "held_on", "who", "notes"},
}

func evidenceVals(e *review.Evidence) []any {
	return []any{string(e.Kind), e.Title, e.Date.String(), e.Who, e.Notes}
}

func scanEvidence(rows *sql.Rows) (review.Evidence, error) {
	var e review.Evidence
	var kind, date string
	if err := rows.Scan(&e.ID, &kind, &e.Title, &date, &e.Who, &e.Notes); err != nil {
		return e, err
	}
	e.Kind = review.EvidenceKind(kind)
	var err error
	e.Date, err = parseISO(date)
	return e, err
}

var (
	upsertEvidence = hot(evidenceTable.upsertSQL())
	importEvidence = evidenceTable.importSQL(1)
	qEvidence      = hot(evidenceTable.selectSQL("position, rowid"))
)

// SaveEvidence inserts or updates an evidence item.
func (s *Store) SaveEvidence(ctx context.Context, reviewID string, e *review.Evidence) error {
	return s.saveItem(ctx, evidenceTable, upsertEvidence, reviewID, &e.ID, evidenceVals(e))
}

func loadEvidence(ctx context.Context, tx *wtx, r *review.Review) error {
	return loadList(ctx, tx, qEvidence, r.ID, scanEvidence, &r.Evidence)
}

type bEvidence struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Date  string `json:"date,omitempty"`
	Who   string `json:"who,omitempty"`
	Notes string `json:"notes,omitempty"`
}

func evidenceTo(e review.Evidence) bEvidence {
	return bEvidence{e.ID, string(e.Kind), e.Title, e.Date.String(), e.Who, e.Notes}
}

func evidenceFrom(c *checker, b bEvidence) review.Evidence {
	c.id("evidence item", b.ID)
	return review.Evidence{ID: b.ID, Kind: review.EvidenceKind(b.Kind), Title: b.Title,
		Date: c.date(b.Date), Who: b.Who, Notes: b.Notes}
}
