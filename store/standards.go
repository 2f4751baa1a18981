package store

import (
	"context"
	"database/sql"
	"fmt"

	"scrutiny/review"
)

var standardTable = table{
	name: "standards", parent: "review_id", what: "service standard", label: "promise",
	cols: []string{"promise", "target", "actual", "period", "source", "verdict", "evidence_id", "measure_id"},
}

func standardVals(st *review.Standard) []any {
	return []any{st.Promise, st.Target, st.Actual, st.Period, st.Source, int(st.Verdict), st.Evidence, st.Measure}
}

func scanStandard(rows *sql.Rows) (review.Standard, error) {
	var st review.Standard
	var verdict int
	err := rows.Scan(&st.ID, &st.Promise, &st.Target, &st.Actual, &st.Period, &st.Source, &verdict, &st.Evidence, &st.Measure)
	st.Verdict = review.MetState(verdict)
	return st, err
}

var (
	upsertStandard = hot(standardTable.upsertSQL())
	importStandard = standardTable.importSQL(1)
	qStandards     = hot(standardTable.selectSQL("position, rowid"))
)

// SaveStandard inserts or updates a service standard.
func (s *Store) SaveStandard(ctx context.Context, reviewID string, st *review.Standard) error {
	return s.saveItem(ctx, standardTable, upsertStandard, reviewID, &st.ID, standardVals(st))
}

func loadStandards(ctx context.Context, tx *wtx, r *review.Review) error {
	return loadList(ctx, tx, qStandards, r.ID, scanStandard, &r.Standards)
}

type bStandard struct {
	ID       string `json:"id"`
	Promise  string `json:"promise"`
	Target   string `json:"target,omitempty"`
	Actual   string `json:"actual,omitempty"`
	Period   string `json:"period,omitempty"`
	Source   string `json:"source,omitempty"`
	Verdict  string `json:"verdict,omitempty"` // "met", "not met" or absent
	Evidence string `json:"evidence_id,omitempty"`
	Measure  string `json:"measure_id,omitempty"`
}

func standardTo(st review.Standard) bStandard {
	return bStandard{st.ID, st.Promise, st.Target, st.Actual, st.Period, st.Source, verdictWord(st.Verdict), st.Evidence, st.Measure}
}

func standardFrom(c *checker, b bStandard) review.Standard {
	c.id("service standard", b.ID)
	v, err := verdictFrom(b.Verdict)
	c.fail(err)
	return review.Standard{ID: b.ID, Promise: b.Promise, Target: b.Target, Actual: b.Actual, Period: b.Period,
		Source: b.Source, Verdict: v, Evidence: b.Evidence, Measure: b.Measure}
}

func verdictWord(m review.MetState) string {
	switch m {
	case review.MetYes:
		return "met"
	case review.MetNo:
		return "not met"
	}
	return ""
}

func verdictFrom(s string) (review.MetState, error) {
	switch s {
	case "":
		return review.MetUnknown, nil
	case "met":
		return review.MetYes, nil
	case "not met":
		return review.MetNo, nil
	}
	return 0, fmt.Errorf("%q is not a verdict (met or not met)", s)
}
