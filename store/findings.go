package store

import (
	"context"
	"database/sql"

	"scrutiny/review"
)

var findingTable = table{
	name: "findings", parent: "review_id", what: "finding", label: "body",
	cols: []string{"kind", "body", "evidence_ids", "measure_ids"},
}

func findingVals(f *review.Finding) []any {
	return []any{string(f.Kind), f.Text, js(f.EvidenceIDs), js(f.MeasureIDs)}
}

func scanFinding(rows *sql.Rows) (review.Finding, error) {
	var f review.Finding
	var kind, ev, ms string
	if err := rows.Scan(&f.ID, &kind, &f.Text, &ev, &ms); err != nil {
		return f, err
	}
	f.Kind = review.FindingKind(kind)
	var err error
	if f.EvidenceIDs, err = strList(ev); err != nil {
		return f, err
	}
	f.MeasureIDs, err = strList(ms)
	return f, err
}

var (
	upsertFinding = hot(findingTable.upsertSQL())
	importFinding = findingTable.importSQL(1)
	qFindings     = hot(findingTable.selectSQL("position, rowid"))
)

// SaveFinding inserts or updates a finding and its evidence links.
func (s *Store) SaveFinding(ctx context.Context, reviewID string, f *review.Finding) error {
	return s.saveItem(ctx, findingTable, upsertFinding, reviewID, &f.ID, findingVals(f))
}

func loadFindings(ctx context.Context, tx *wtx, r *review.Review) error {
	return loadList(ctx, tx, qFindings, r.ID, scanFinding, &r.Findings)
}

type bFinding struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Text        string   `json:"text"`
	EvidenceIDs []string `json:"evidence_ids,omitempty"`
	MeasureIDs  []string `json:"measure_ids,omitempty"`
}

func findingTo(f review.Finding) bFinding {
	return bFinding{f.ID, string(f.Kind), f.Text, f.EvidenceIDs, f.MeasureIDs}
}

func findingFrom(c *checker, b bFinding) review.Finding {
	c.id("finding", b.ID)
	return review.Finding{ID: b.ID, Kind: word(c, "finding kind", review.FindingKind(b.Kind), []review.FindingKind{review.GoodPractice, review.Issue}),
		Text: b.Text, EvidenceIDs: nilIfEmpty(b.EvidenceIDs), MeasureIDs: nilIfEmpty(b.MeasureIDs)}
}
