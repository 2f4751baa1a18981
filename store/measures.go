package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"scrutiny/review"
)

// Measures belong to the panel, like members: their rows have a place in
// the panel's list but no parent. A review names the ones it reads in its
// measure_ids column, and a load fills Review.Measures from it.
var measureTable = table{
	name: "measures", what: "measure", label: "code || ' ' || name",
	cols: []string{"code", "name", "counts", "unit", "direction"},
}

func measureVals(m *review.Measure) []any {
	return []any{strings.TrimSpace(m.Code), m.Name, m.Counts, string(m.Unit), string(m.Direction)}
}

func scanMeasure(rows *sql.Rows) (review.Measure, error) {
	var m review.Measure
	var unit, dir string
	err := rows.Scan(&m.ID, &m.Code, &m.Name, &m.Counts, &unit, &dir)
	m.Unit, m.Direction = review.MeasureUnit(unit), review.Direction(dir)
	return m, err
}

// Results hang off their measure. Target and comparator are NULL when not
// given, so "no target" and a target of zero stay apart.
var resultTable = table{
	name: "measure_results", parent: "measure_id", what: "result", label: "period",
	cols: []string{"period", "group_by", "group_name", "value", "base", "population", "target", "comparator",
		"comparator_source", "source"},
}

func resultVals(r *review.Result) []any {
	var target, comp any
	if r.HasTarget {
		target = r.Target
	}
	if r.HasComparator {
		comp = r.Comparator
	}
	return []any{r.Period, r.GroupBy, r.Group, r.Value, r.Base, r.Population, target, comp, r.ComparatorSource, r.Source}
}

func scanResult(rows *sql.Rows) (review.Result, error) {
	var r review.Result
	var target, comp sql.NullFloat64
	err := rows.Scan(&r.ID, &r.Period, &r.GroupBy, &r.Group, &r.Value, &r.Base, &r.Population, &target, &comp,
		&r.ComparatorSource, &r.Source)
	r.Target, r.HasTarget = target.Float64, target.Valid
	r.Comparator, r.HasComparator = comp.Float64, comp.Valid
	return r, err
}

var (
	selectMeasures = "SELECT id" + commaCols(measureTable.cols) + " FROM measures WHERE deleted_at IS NULL"
	upsertMeasure  = "INSERT INTO measures (id, position" + commaCols(measureTable.cols) +
		") VALUES (?, (SELECT COALESCE(MAX(position) + 1, 0) FROM measures)" + placeholders(len(measureTable.cols)) +
		") ON CONFLICT (id) DO UPDATE SET " + excludedCols(measureTable.cols)
	importMeasure = upsertMeasure + " WHERE NOT (" + sameCols("measures", measureTable.cols) + ")"
	upsertResult  = hot(resultTable.upsertSQL())
	importResult  = resultTable.importSQL(1)
	qResults      = hot(resultTable.selectSQL("position, rowid"))
)

// checkMeasure refuses a measure the panel could not read back: no code,
// or a unit or direction that is not one of ours.
func checkMeasure(m *review.Measure) error {
	if strings.TrimSpace(m.Code) == "" {
		return &plainError{msg: "A measure needs a short code (such as TP01, or one of the panel's own such as CALLS)."}
	}
	if m.Unit != "" && !contains(review.MeasureUnits, m.Unit) {
		return &plainError{msg: fmt.Sprintf("%q is not a unit this app knows.", string(m.Unit))}
	}
	if m.Direction != "" && !contains(review.Directions, m.Direction) {
		return &plainError{msg: fmt.Sprintf("%q is not a direction this app knows.", string(m.Direction))}
	}
	return nil
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// codeTaken turns the unique index's refusal into words.
func codeTaken(err error, code string) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return &plainError{msg: fmt.Sprintf("The panel already has a measure with the code %s.", strings.TrimSpace(code)), cause: []error{err}}
	}
	return err
}

// SaveMeasure inserts or updates one of the panel's measures (not its
// results). An empty m.ID is given a fresh UUIDv7, written back on success.
func (s *Store) SaveMeasure(ctx context.Context, m *review.Measure) error {
	if err := checkMeasure(m); err != nil {
		return err
	}
	id := m.ID
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "save the measure", func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, upsertMeasure, append([]any{id}, measureVals(m)...)...)
		return codeTaken(err, m.Code)
	})
	if err == nil {
		m.ID = id
	}
	return err
}

// checkResult refuses a result that cannot be right for its measure.
func checkResult(m *review.Measure, r *review.Result) error {
	p, err := review.CanonicalPeriod(r.Period)
	if err != nil {
		return &plainError{msg: "The period cannot be read: " + err.Error() + "."}
	}
	r.Period = p
	if why := review.CheckValue(m.Unit, r.Value); why != "" {
		return &plainError{msg: fmt.Sprintf("The value %v cannot be right for %s: %s.", r.Value, m.Code, why)}
	}
	if r.Base < 0 || r.Population < 0 {
		return &plainError{msg: "The base and the population cannot be below zero."}
	}
	return nil
}

// SaveResult inserts or updates a result of a measure. The period is
// written in its canonical form (r.Period is updated).
func (s *Store) SaveResult(ctx context.Context, measureID string, r *review.Result) error {
	id := r.ID
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "save the result", func(tx *wtx) error {
		m, err := measureByID(ctx, tx, measureID)
		if err != nil {
			return err
		}
		if err := checkResult(&m, r); err != nil {
			return err
		}
		return execItem(ctx, tx, resultTable.what, upsertResult, id, measureID, resultVals(r))
	})
	if err == nil {
		r.ID = id
	}
	return err
}

func measureByID(ctx context.Context, tx *wtx, id string) (review.Measure, error) {
	var m review.Measure
	var unit, dir string
	err := tx.QueryRowContext(ctx, "SELECT id"+commaCols(measureTable.cols)+" FROM measures WHERE id = ? AND deleted_at IS NULL", id).
		Scan(&m.ID, &m.Code, &m.Name, &m.Counts, &unit, &dir)
	if errors.Is(err, sql.ErrNoRows) {
		return m, notFound("measure", id)
	}
	m.Unit, m.Direction = review.MeasureUnit(unit), review.Direction(dir)
	return m, err
}

// ListMeasures returns every measure of the panel, with its results, in
// the panel's order: the scorecard across all reviews.
func (s *Store) ListMeasures(ctx context.Context) ([]review.Measure, error) {
	var out []review.Measure
	err := s.read(ctx, "list the measures", func(tx *wtx) error {
		var err error
		out, err = measures(ctx, tx, "", nil)
		return err
	})
	return out, err
}

// measures reads live measures (those whose IDs are in ids, when filter is
// set) with their results.
func measures(ctx context.Context, tx *wtx, filter string, args []any) ([]review.Measure, error) {
	rows, err := tx.QueryContext(ctx, selectMeasures+filter+" ORDER BY position, rowid", args...)
	if err != nil {
		return nil, err
	}
	var out []review.Measure
	for rows.Next() {
		m, err := scanMeasure(rows)
		if err != nil {
			rows.Close()
			return nil, badColumn(err)
		}
		out = append(out, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		if err := loadList(ctx, tx, qResults, out[i].ID, scanResult, &out[i].Results); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// loadReviewMeasures fills r.Measures in the order of r.MeasureIDs,
// skipping IDs that name no live measure.
func loadReviewMeasures(ctx context.Context, tx *wtx, r *review.Review) error {
	if len(r.MeasureIDs) == 0 {
		return nil
	}
	b, _ := json.Marshal(r.MeasureIDs)
	ms, err := measures(ctx, tx, " AND id IN (SELECT value FROM json_each(?))", []any{string(b)})
	if err != nil {
		return err
	}
	byID := map[string]review.Measure{}
	for _, m := range ms {
		byID[m.ID] = m
	}
	for _, id := range r.MeasureIDs {
		if m, ok := byID[id]; ok {
			r.Measures = append(r.Measures, m)
			delete(byID, id)
		}
	}
	return nil
}

// measure merges a measure and its results by ID. A measure whose code the
// file already has under another ID (two laptops both started tracking
// TP01) is merged into that one: its results join the existing measure,
// and what pointed at it is pointed at the existing one when the import
// finishes (see relink).
func (im *importer) measure(m *review.Measure) (bool, error) {
	if err := checkMeasure(m); err != nil {
		return false, err
	}
	var existing string
	err := im.tx.QueryRowContext(im.ctx, "SELECT id FROM measures WHERE code = ? COLLATE NOCASE AND deleted_at IS NULL AND id <> ?",
		strings.TrimSpace(m.Code), m.ID).Scan(&existing)
	var changed int64
	switch {
	case err == nil:
		if im.remap == nil {
			im.remap = map[string]string{}
		}
		im.remap[m.ID] = existing
		m.ID = existing
	case errors.Is(err, sql.ErrNoRows):
		if changed, err = im.exec(importMeasure, append([]any{m.ID}, measureVals(m)...)...); err != nil {
			return false, codeTaken(err, m.Code)
		}
	default:
		return false, err
	}
	for i := range m.Results {
		r := &m.Results[i]
		if err := checkResult(m, r); err != nil {
			return false, err
		}
		// The same period (and group) under another ID is the same
		// figure entered on two laptops: the one here is kept, so a
		// measure never has two results for one period.
		var other int
		if err := im.tx.QueryRowContext(im.ctx, "SELECT count(*) FROM measure_results WHERE measure_id = ? AND period = ? "+
			"AND group_by = ? AND group_name = ? AND id <> ? AND deleted_at IS NULL", m.ID, r.Period, r.GroupBy, r.Group, r.ID).Scan(&other); err != nil {
			return false, err
		}
		if other > 0 {
			continue
		}
		n, err := im.item(importResult, r.ID, m.ID, i, resultVals(r))
		if err != nil {
			return false, err
		}
		changed += n
	}
	return changed > 0, nil
}

// relink points what referred to a merged measure at the measure it was
// merged into. IDs are UUIDs in quotes, so a text replace in the JSON
// lists cannot touch anything else.
func (im *importer) relink() error {
	for from, to := range im.remap {
		for _, q := range []string{
			"UPDATE standards SET measure_id = ? WHERE measure_id = ?",
		} {
			if _, err := im.tx.ExecContext(im.ctx, q, to, from); err != nil {
				return err
			}
		}
		for _, t := range []string{"reviews", "findings"} {
			if _, err := im.tx.ExecContext(im.ctx, "UPDATE "+t+" SET measure_ids = replace(measure_ids, ?, ?) WHERE instr(measure_ids, ?) > 0",
				`"`+from+`"`, `"`+to+`"`, `"`+from+`"`); err != nil {
				return err
			}
		}
	}
	im.remap = nil
	return nil
}

// MeasureImport is one row of a table of results to import: the measure's
// code (canonical) and the result.
type MeasureImport struct {
	Code   string
	Result review.Result
}

// MeasureImportResult counts what ImportMeasureResults did.
type MeasureImportResult struct {
	Added, Updated, Unchanged int
	NewMeasures               []string // codes of TSM lines the panel starts tracking
}

// ImportMeasureResults writes rows in one transaction, all or nothing. A
// TSM code the panel does not track yet is added from the catalogue; any
// other unknown code refuses the whole import, naming the row. A row for a
// period (and group) the measure already has replaces that result's value
// and base, keeping its target and comparator.
func (s *Store) ImportMeasureResults(ctx context.Context, rows []MeasureImport) (MeasureImportResult, error) {
	var res MeasureImportResult
	err := s.write(ctx, "import the results", func(tx *wtx) error {
		res = MeasureImportResult{}
		byCode := map[string]review.Measure{}
		all, err := measures(ctx, tx, "", nil)
		if err != nil {
			return err
		}
		for _, m := range all {
			byCode[strings.ToUpper(m.Code)] = m
		}
		for i, row := range rows {
			key := strings.ToUpper(row.Code)
			m, ok := byCode[key]
			if !ok {
				lines := catalogueLine(row.Code)
				if lines == nil {
					return &plainError{msg: fmt.Sprintf("Row %d: the panel has no measure with the code %s. Nothing was imported.", i+1, row.Code)}
				}
				m = *lines
				m.ID = newID()
				if _, err := tx.ExecContext(ctx, upsertMeasure, append([]any{m.ID}, measureVals(&m)...)...); err != nil {
					return codeTaken(err, m.Code)
				}
				byCode[key] = m
				res.NewMeasures = append(res.NewMeasures, m.Code)
			}
			r := row.Result
			if err := checkResult(&m, &r); err != nil {
				return &plainError{msg: fmt.Sprintf("Row %d: %s Nothing was imported.", i+1, err.Error())}
			}
			var id string
			var base int
			var value float64
			err := tx.QueryRowContext(ctx, "SELECT id, value, base FROM measure_results WHERE measure_id = ? AND period = ? AND group_by = ? AND group_name = ? AND deleted_at IS NULL",
				m.ID, r.Period, r.GroupBy, r.Group).Scan(&id, &value, &base)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				if err := execItem(ctx, tx, resultTable.what, upsertResult, newID(), m.ID, resultVals(&r)); err != nil {
					return err
				}
				res.Added++
			case err != nil:
				return err
			case value == r.Value && base == r.Base:
				res.Unchanged++
			default:
				if _, err := tx.ExecContext(ctx, "UPDATE measure_results SET value = ?, base = ? WHERE id = ?", r.Value, r.Base, id); err != nil {
					return err
				}
				res.Updated++
			}
		}
		return nil
	})
	if err != nil {
		return MeasureImportResult{}, err
	}
	return res, nil
}

// catalogueLine is the catalogue's line for a canonical code, or nil.
func catalogueLine(code string) *review.Measure {
	for _, m := range review.TSMLines() {
		if m.Code == code {
			return &m
		}
	}
	return nil
}

type bResult struct {
	ID               string   `json:"id"`
	Period           string   `json:"period"`
	GroupBy          string   `json:"group_by,omitempty"`
	Group            string   `json:"group,omitempty"`
	Value            float64  `json:"value"`
	Base             int      `json:"base,omitempty"`
	Population       int      `json:"population,omitempty"`
	Target           *float64 `json:"target,omitempty"`
	Comparator       *float64 `json:"comparator,omitempty"`
	ComparatorSource string   `json:"comparator_source,omitempty"`
	Source           string   `json:"source,omitempty"`
}

type bMeasure struct {
	ID        string    `json:"id"`
	Code      string    `json:"code"`
	Name      string    `json:"name,omitempty"`
	Counts    string    `json:"counts,omitempty"`
	Unit      string    `json:"unit,omitempty"`
	Direction string    `json:"direction,omitempty"`
	Results   []bResult `json:"results,omitempty"`
}

func measureTo(m review.Measure) bMeasure {
	return bMeasure{m.ID, m.Code, m.Name, m.Counts, string(m.Unit), string(m.Direction), convert(m.Results, resultTo)}
}

func resultTo(r review.Result) bResult {
	b := bResult{ID: r.ID, Period: r.Period, GroupBy: r.GroupBy, Group: r.Group, Value: r.Value, Base: r.Base,
		Population: r.Population, ComparatorSource: r.ComparatorSource, Source: r.Source}
	if r.HasTarget {
		t := r.Target
		b.Target = &t
	}
	if r.HasComparator {
		c := r.Comparator
		b.Comparator = &c
	}
	return b
}

func measureFrom(c *checker, b bMeasure) review.Measure {
	c.id("measure", b.ID)
	c.list("results", len(b.Results))
	m := review.Measure{ID: b.ID, Code: b.Code, Name: b.Name, Counts: b.Counts, Unit: review.MeasureUnit(b.Unit),
		Direction: review.Direction(b.Direction)}
	c.fail(checkMeasure(&m))
	m.Results = fromBundle(c, b.Results, func(c *checker, b bResult) review.Result {
		c.id("result", b.ID)
		r := review.Result{ID: b.ID, Period: b.Period, GroupBy: b.GroupBy, Group: b.Group, Value: b.Value, Base: b.Base,
			Population: b.Population, ComparatorSource: b.ComparatorSource, Source: b.Source}
		if b.Target != nil {
			r.Target, r.HasTarget = *b.Target, true
		}
		if b.Comparator != nil {
			r.Comparator, r.HasComparator = *b.Comparator, true
		}
		return r
	})
	return m
}

// noteMeasures collects every measure a review refers to, so a bundle of
// one review carries the measures it reads and cites.
func noteMeasures(r *review.Review, into map[string]bool) {
	for _, id := range r.MeasureIDs {
		into[id] = true
	}
	for _, st := range r.Standards {
		if st.Measure != "" {
			into[st.Measure] = true
		}
	}
	for _, f := range r.Findings {
		for _, id := range f.MeasureIDs {
			into[id] = true
		}
	}
}

func bundleMeasures(ctx context.Context, tx *wtx, all bool, want map[string]bool) ([]review.Measure, error) {
	ms, err := measures(ctx, tx, "", nil)
	if err != nil || all {
		return ms, err
	}
	out := ms[:0]
	for _, m := range ms {
		if want[m.ID] {
			out = append(out, m)
		}
	}
	return out, nil
}
