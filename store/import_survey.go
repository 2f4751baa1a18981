package store

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unsafe"

	"github.com/google/uuid"

	"scrutiny/review"
)

// RespondentRows is review.RespondentRows: the CSV reader fills one
// without importing the store.
type RespondentRows = review.RespondentRows

// ImportSurvey saves a new survey, its questions and all its respondents
// in one transaction: either all of it is in the file afterwards or none
// of it. The respondents come from rows, or from sv.Respondents when rows
// is nil (an attribute or answer of "" is not stored). Empty survey,
// question and respondent IDs are filled in (in sv and rows.IDs) only when
// the import succeeds.
func (s *Store) ImportSurvey(ctx context.Context, reviewID string, sv *review.Survey, rows *RespondentRows) error {
	if s.closed() {
		return errClosed
	}
	if s.readOnly {
		return s.readOnlyError()
	}
	if err := sv.CheckLimits(); err != nil {
		return limitError("survey", err)
	}
	fromMaps := rows == nil
	if fromMaps {
		rows = columnRows(&sv.Respondents)
	}
	if rows.IDs != nil && len(rows.IDs) != rows.N {
		return errors.New("store: RespondentRows.IDs must be nil or have one entry per respondent")
	}
	svID := sv.ID
	if svID == "" {
		svID = newID()
	}
	qs := slices.Clone(sv.Questions)
	for i := range qs {
		fillID(&qs[i].ID)
	}
	head := *sv
	head.Questions = qs
	var ids []string
	if rows.IDs != nil {
		ids = slices.Clone(rows.IDs)
	}
	err := s.write(ctx, "import the survey", func(tx *wtx) error {
		if err := touchReview(ctx, tx, reviewID); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM surveys WHERE id = ?", svID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &plainError{msg: "A survey with this ID already exists, so it was not imported again."}
		}
		if err := checkGivenIDs(ctx, tx, ids, svID); err != nil {
			return err
		}
		if err := execItem(ctx, tx, surveyTable.what, upsertSurvey, svID, reviewID, surveyVals(&head)); err != nil {
			return err
		}
		if rows.N == 0 {
			return nil
		}
		bw, err := newBlockWriter(ctx, tx, svID)
		if err != nil {
			return err
		}
		defer bw.close()
		return bw.writeRows(rows, ids)
	})
	if err != nil {
		return err
	}
	sv.ID = svID
	copy(sv.Questions, qs)
	copy(rows.IDs, ids)
	if fromMaps {
		// A new slice, so a copy of the survey made before keeps its own.
		sv.Respondents.IDs = ids
	}
	return nil
}

// checkGivenIDs refuses respondent IDs given twice, or already used by a
// respondent kept as a row (whose ID the whole file shares).
func checkGivenIDs(ctx context.Context, tx *wtx, ids []string, svID string) error {
	given := make([]string, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if id == "" {
			continue
		}
		if seen[id] {
			return &plainError{msg: fmt.Sprintf("The respondent ID %s is given twice, so the survey was not imported.", cleanName(id))}
		}
		seen[id] = true
		given = append(given, id)
	}
	im := &importer{ctx: ctx, tx: tx}
	id, _, err := im.ownedElsewhere(respondentTable, given, svID)
	if err == nil && id != "" {
		err = &plainError{msg: fmt.Sprintf("The respondent ID %s is already in this file, so the survey was not imported.", cleanName(id))}
	}
	return err
}

// importBatch rows go in per statement: the driver's cost per statement
// is most of the time for rows this small.
const importBatch = 256

// respInsert is how insertRespondents writes rows: batch holds
// importBatch rows, one a single row.
type respInsert struct{ batch, one string }

func respInsertSQL(onConflict string) respInsert {
	return respInsert{
		batch: respondentTable.insertSQL(importBatch, onConflict),
		one:   respondentTable.insertSQL(1, onConflict),
	}
}

var (
	// addResps updates a respondent given again with an ID it already has
	// in the same survey, and leaves one of another survey alone.
	addResps = respInsertSQL(` ON CONFLICT (id) DO UPDATE SET attrs = excluded.attrs, answers = excluded.answers
	WHERE respondents.survey_id = excluded.survey_id`)
)

// encodedBatch is one statement's worth of rows, encoded.
type encodedBatch struct {
	lo, hi int
	buf    []byte // the IDs and JSON of every row
	spans  []int
	args   []any
}

// insertRespondents writes rows into survey svID with sqls, at positions
// first up. ids, when not nil, is filled with the IDs used. The rows are
// read and encoded on a second goroutine while SQLite writes the previous
// batch: the two take turns on one core or run side by side on two.
func insertRespondents(ctx context.Context, tx *wtx, sqls respInsert, svID string, first int64, rows *RespondentRows, attrEnc, ansEnc *objectEncoder, ids []string) error {
	if rows.N == 0 {
		return nil
	}
	// A cancelled import stops between statements; the statements
	// themselves run without watching ctx, which the driver would do
	// with a goroutine per statement.
	ectx := context.WithoutCancel(ctx)
	// The batch statement is only prepared when a full batch will use it:
	// a few rows from the entry grid need not pay for it.
	var batch *sql.Stmt
	if rows.N >= importBatch {
		var err error
		if batch, err = tx.PrepareContext(ectx, sqls.batch); err != nil {
			return err
		}
		defer batch.Close()
	}
	one, err := tx.PrepareContext(ectx, sqls.one)
	if err != nil {
		return err
	}
	defer one.Close()

	size := min(rows.N, importBatch)
	free, full := make(chan *encodedBatch, 3), make(chan *encodedBatch, 3)
	for range cap(free) {
		free <- &encodedBatch{spans: make([]int, 0, 3*size+1), args: make([]any, 0, 5*size)}
	}
	stop := make(chan struct{})
	go func() {
		defer close(full)
		attrVals := make([]string, len(rows.AttrKeys))
		ansVals := make([]string, len(rows.AnswerKeys))
		idGen := newIDMaker()
		for lo := 0; lo < rows.N; lo += importBatch {
			var b *encodedBatch
			select {
			case b = <-free:
			case <-stop:
				return
			}
			b.lo, b.hi = lo, min(lo+importBatch, rows.N)
			b.buf, b.spans, b.args = b.buf[:0], b.spans[:0], b.args[:0]
			for i := b.lo; i < b.hi; i++ {
				clear(attrVals)
				clear(ansVals)
				rows.Row(i, attrVals, ansVals)
				b.spans = append(b.spans, len(b.buf))
				if ids != nil && ids[i] != "" {
					b.buf = append(b.buf, ids[i]...)
				} else {
					b.buf = idGen.append(b.buf)
				}
				b.spans = append(b.spans, len(b.buf))
				b.buf = attrEnc.append(b.buf, attrVals)
				b.spans = append(b.spans, len(b.buf))
				b.buf = ansEnc.append(b.buf, ansVals)
			}
			b.spans = append(b.spans, len(b.buf))
			// The strings point into buf, which is not touched again
			// until the batch has been written and handed back. The
			// values follow respondentTable.cols, as appendRespVals does.
			for i := b.lo; i < b.hi; i++ {
				k := 3 * (i - b.lo)
				id := bufString(b.buf, b.spans[k], b.spans[k+1])
				if ids != nil && ids[i] == "" {
					ids[i] = strings.Clone(id)
				}
				b.args = append(b.args, id, svID, first+int64(i), bufString(b.buf, b.spans[k+1], b.spans[k+2]),
					bufString(b.buf, b.spans[k+2], b.spans[k+3]))
			}
			full <- b
		}
	}()
	defer func() {
		close(stop)
		for range full { // wait for the reader to finish with rows and ids
		}
	}()
	for b := range full {
		if err := ctx.Err(); err != nil {
			return err
		}
		// The driver copies bound text into SQLite, so the batch's buffer
		// can be reused as soon as Exec returns.
		if b.hi-b.lo == importBatch {
			if _, err := batch.ExecContext(ectx, b.args...); err != nil {
				return err
			}
		} else {
			for j := 0; j < len(b.args); j += 5 {
				if _, err := one.ExecContext(ectx, b.args[j:j+5]...); err != nil {
					return err
				}
			}
		}
		free <- b
	}
	return ctx.Err()
}

func bufString(b []byte, lo, hi int) string {
	if hi == lo {
		return ""
	}
	return unsafe.String(&b[lo], hi-lo)
}

// objectEncoder writes a flat JSON object exactly as flatMap does (keys
// sorted, no value for ""), from values given in the caller's key order.
type objectEncoder struct {
	order []int    // caller's key index, in sorted key order
	keys  [][]byte // `"key":` for each entry of order
}

func newObjectEncoder(keys []string) (*objectEncoder, error) {
	e := &objectEncoder{order: make([]int, len(keys))}
	for i := range e.order {
		e.order[i] = i
	}
	slices.SortFunc(e.order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	for j, i := range e.order {
		if j > 0 && keys[e.order[j-1]] == keys[i] {
			return nil, fmt.Errorf("store: the name %q is given twice", keys[i])
		}
		e.keys = append(e.keys, append(appendJSONString(nil, keys[i]), ':'))
	}
	return e, nil
}

func (e *objectEncoder) append(b []byte, vals []string) []byte {
	b = append(b, '{')
	first := true
	for j, i := range e.order {
		v := vals[i]
		if v == "" {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, e.keys[j]...)
		b = appendJSONString(b, v)
	}
	return append(b, '}')
}

// mapRows reads respondents kept as maps.
func mapRows(rs []review.Respondent) *RespondentRows {
	var attrKeys, ansKeys []string
	seenA, seenQ := map[string]bool{}, map[string]bool{}
	for i := range rs {
		for k := range rs[i].Attrs {
			if !seenA[k] {
				seenA[k] = true
				attrKeys = append(attrKeys, k)
			}
		}
		for k := range rs[i].Answers {
			if !seenQ[k] {
				seenQ[k] = true
				ansKeys = append(ansKeys, k)
			}
		}
	}
	ids := make([]string, len(rs))
	for i := range rs {
		ids[i] = rs[i].ID
	}
	return &RespondentRows{
		N: len(rs), AttrKeys: attrKeys, AnswerKeys: ansKeys, IDs: ids,
		Row: func(i int, attrs, answers []string) {
			for j, k := range attrKeys {
				attrs[j] = rs[i].Attrs[k]
			}
			for j, k := range ansKeys {
				answers[j] = rs[i].Answers[k]
			}
		},
	}
}

// columnRows reads respondents kept in columns.
func columnRows(rs *review.Respondents) *RespondentRows {
	keys := func(cols []review.Column) []string {
		out := make([]string, len(cols))
		for i := range cols {
			out[i] = cols[i].Key
		}
		return out
	}
	return &RespondentRows{
		N: rs.Len(), AttrKeys: keys(rs.AttrCols), AnswerKeys: keys(rs.AnswerCols), IDs: rs.IDs,
		Row: func(i int, attrs, answers []string) {
			for j := range rs.AttrCols {
				attrs[j] = rs.AttrCols[j].Value(i)
			}
			for j := range rs.AnswerCols {
				answers[j] = rs.AnswerCols[j].Value(i)
			}
		},
	}
}

// idMaker makes UUIDv7s as newID does, in increasing order, reading the
// random bits in blocks rather than asking the system for each ID.
type idMaker struct{ r *bufio.Reader }

func newIDMaker() *idMaker { return &idMaker{r: bufio.NewReaderSize(rand.Reader, 4096)} }

func (m *idMaker) append(b []byte) []byte {
	u, err := uuid.NewV7FromReader(m.r)
	if err != nil {
		u = uuid.Must(uuid.NewV7())
	}
	b = hex.AppendEncode(b, u[0:4])
	b = append(b, '-')
	b = hex.AppendEncode(b, u[4:6])
	b = append(b, '-')
	b = hex.AppendEncode(b, u[6:8])
	b = append(b, '-')
	b = hex.AppendEncode(b, u[8:10])
	b = append(b, '-')
	return hex.AppendEncode(b, u[10:16])
}
