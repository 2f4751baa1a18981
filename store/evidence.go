package store

import (
	"context"
	"database/sql"

	"scrutiny/review"
)

var evidenceTable = table{
	name: "evidence", parent: "review_id", what: "evidence", label: "title",
	cols: []string{"kind", "title", "held_on", "who", "notes", "link", "asked_on", "due_on", "received_on",
		"reach_invited", "reach_saw", "reach_responded", "reach_attended", "reach_apologies"},
}

func evidenceVals(e *review.Evidence) []any {
	return []any{string(e.Kind), e.Title, e.Date.String(), e.Who, e.Notes, e.Link,
		e.Asked.String(), e.Due.String(), e.Received.String(),
		e.Reach.Invited, e.Reach.Saw, e.Reach.Responded, e.Reach.Attended, e.Reach.Apologies}
}

func scanEvidence(rows *sql.Rows) (review.Evidence, error) {
	var e review.Evidence
	var kind, date, asked, due, received string
	if err := rows.Scan(&e.ID, &kind, &e.Title, &date, &e.Who, &e.Notes, &e.Link, &asked, &due, &received,
		&e.Reach.Invited, &e.Reach.Saw, &e.Reach.Responded, &e.Reach.Attended, &e.Reach.Apologies); err != nil {
		return e, err
	}
	e.Kind = review.EvidenceKind(kind)
	for _, d := range []struct {
		src string
		dst *review.Date
	}{{date, &e.Date}, {asked, &e.Asked}, {due, &e.Due}, {received, &e.Received}} {
		var err error
		if *d.dst, err = parseISO(d.src); err != nil {
			return e, err
		}
	}
	return e, nil
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
	Link  string `json:"link,omitempty"`
	// An information request's dates.
	Asked    string  `json:"asked,omitempty"`
	Due      string  `json:"due,omitempty"`
	Received string  `json:"received,omitempty"`
	Reach    *bReach `json:"reach,omitempty"`
}

// bReach is a consultation's reach; left out when every count is zero.
type bReach struct {
	Invited   int `json:"invited,omitempty"`
	Saw       int `json:"saw,omitempty"`
	Responded int `json:"responded,omitempty"`
	Attended  int `json:"attended,omitempty"`
	Apologies int `json:"apologies,omitempty"`
}

func evidenceTo(e review.Evidence) bEvidence {
	b := bEvidence{ID: e.ID, Kind: string(e.Kind), Title: e.Title, Date: e.Date.String(), Who: e.Who, Notes: e.Notes,
		Link: e.Link, Asked: e.Asked.String(), Due: e.Due.String(), Received: e.Received.String()}
	if e.Reach != (review.Reach{}) {
		r := bReach(e.Reach)
		b.Reach = &r
	}
	return b
}

func evidenceFrom(c *checker, b bEvidence) review.Evidence {
	c.id("evidence item", b.ID)
	e := review.Evidence{ID: b.ID, Kind: word(c, "evidence kind", review.EvidenceKind(b.Kind), review.EvidenceKinds), Title: b.Title,
		Date: c.date(b.Date), Who: b.Who, Notes: b.Notes, Link: b.Link,
		Asked: c.date(b.Asked), Due: c.date(b.Due), Received: c.date(b.Received)}
	if b.Reach != nil {
		e.Reach = review.Reach(*b.Reach)
	}
	return e
}
