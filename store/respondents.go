package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"unsafe"

	"scrutiny/review"
)

// A respondent's attributes and answers are each one JSON object with
// sorted keys, written by appendFlat (or objectEncoder, which writes the
// same bytes): the exporter copies them into the bundle as they are.
var respondentTable = table{
	name: "respondents", parent: "survey_id", what: "respondent",
	label: "'Answers to ' || COALESCE((SELECT name FROM surveys s WHERE s.id = survey_id), 'a survey')",
	cols:  []string{"attrs", "answers"},
}

func respVals(r *review.Respondent) []any { return appendRespVals(nil, r, nil) }

// appendRespVals appends r's values to args. order, when not nil, keeps
// the sorted keys from one respondent to the next (see appendFlat).
func appendRespVals(args []any, r *review.Respondent, order *[2][]string) []any {
	var attrOrder, ansOrder *[]string
	if order != nil {
		attrOrder, ansOrder = &order[0], &order[1]
	}
	return append(args, string(appendFlat(nil, r.Attrs, attrOrder)), string(appendFlat(nil, r.Answers, ansOrder)))
}

// respBatch is how many respondents a bundle import merges per statement.
const respBatch = 64

var (
	upsertResp = hot(respondentTable.upsertSQL())
	importResp = respondentTable.importSQL(1)
	// Respondents are merged respBatch rows per statement: there can be
	// a hundred thousand of them.
	importRespBatch   = respondentTable.importSQL(respBatch)
	qRespondents      = hot(respondentTable.selectSQL("position, rowid"))
	qCountRespondents = hot("SELECT count(*) FROM respondents WHERE survey_id = ? AND deleted_at IS NULL")
	touchSurveySQL    = hot(`UPDATE reviews SET updated_at = ? WHERE deleted_at IS NULL AND id =
		(SELECT review_id FROM surveys WHERE id = ? AND deleted_at IS NULL)`)
)

// touchSurvey marks the review owning a survey as edited, proving the
// survey exists and is not in the bin.
func touchSurvey(ctx context.Context, tx *wtx, surveyID string) error {
	res, err := tx.ExecContext(ctx, touchSurveySQL, nowMs(), surveyID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("survey", surveyID)
	}
	return nil
}

// SaveRespondent inserts or updates one respondent's answers.
func (s *Store) SaveRespondent(ctx context.Context, surveyID string, r *review.Respondent) error {
	id := r.ID
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "save the answers", func(tx *wtx) error {
		if err := touchSurvey(ctx, tx, surveyID); err != nil {
			return err
		}
		if r.ID != "" {
			if keep, err := intoBlocks(ctx, tx, surveyID, []review.Respondent{*r}); len(keep) == 0 || err != nil {
				return err
			}
		}
		return execItem(ctx, tx, respondentTable.what, upsertResp, id, surveyID, respVals(r))
	})
	if err == nil {
		r.ID = id
	}
	return err
}

// AddRespondents appends respondents to a survey in one transaction: all or
// nothing. It is the path for CSV imports and the fast entry grid; a
// respondent whose ID the survey already has is updated in place. Empty
// IDs are filled in rs.
func (s *Store) AddRespondents(ctx context.Context, surveyID string, rs []review.Respondent) error {
	var ids []string
	err := s.write(ctx, "add the answers", func(tx *wtx) error {
		if err := touchSurvey(ctx, tx, surveyID); err != nil {
			return err
		}
		keep, err := intoBlocks(ctx, tx, surveyID, rs)
		if err != nil {
			return err
		}
		ids = make([]string, len(rs))
		for i := range rs {
			ids[i] = rs[i].ID
		}
		todo := make([]review.Respondent, len(keep))
		for k, i := range keep {
			todo[k] = rs[i]
		}
		rows := mapRows(todo)
		attrs, err := newObjectEncoder(rows.AttrKeys)
		if err != nil {
			return err
		}
		answers, err := newObjectEncoder(rows.AnswerKeys)
		if err != nil {
			return err
		}
		var next int64
		q := "SELECT " + nextPosition(respondentTable.name, respondentTable.parent)
		if err := tx.QueryRowContext(ctx, q, surveyID, surveyID).Scan(&next); err != nil {
			return err
		}
		todoIDs := slices.Clone(rows.IDs)
		if err := insertRespondents(ctx, tx, addResps, surveyID, next, rows, attrs, answers, todoIDs); err != nil {
			return err
		}
		for k, i := range keep {
			ids[i] = todoIDs[k]
		}
		return nil
	})
	if err == nil {
		for i := range rs {
			rs[i].ID = ids[i]
		}
	}
	return err
}

// loadRespondents reads a survey's respondents straight into columns: its
// blocks first, then its rows, each stored object walked in place and
// only values new to their column copied, so no map is made per
// respondent.
func loadRespondents(ctx context.Context, tx *wtx, sv *review.Survey) error {
	// Knowing how many there are sizes every column once, instead of
	// growing twenty slices by doubling; the count reads only the index.
	var n int
	if err := tx.QueryRowContext(ctx, qCountRespondents, sv.ID).Scan(&n); err != nil {
		return err
	}
	blocks, inBlocks, err := blockTotal(ctx, tx, sv.ID)
	if err != nil {
		return err
	}
	b := review.NewRespondentsBuilder(n + inBlocks)
	l := &blockLoader{b: b, idBuf: make([]byte, 0, 36*(n+inBlocks))}
	if blocks > 0 {
		if err := loadBlocks(ctx, tx, sv.ID, l); err != nil {
			return err
		}
	}
	// Scanned into the same buffers row after row.
	var id, attrs, answers sql.RawBytes
	var attrKeys, ansKeys keyCache
	err = each(ctx, tx, qRespondents, sv.ID, func(rows *sql.Rows) error {
		if err := rows.Scan(&id, &attrs, &answers); err != nil {
			return err
		}
		lo := len(l.idBuf)
		l.idBuf = append(l.idBuf, id...)
		b.Next(unsafe.String(unsafe.SliceData(l.idBuf[lo:]), len(id)))
		if err := attrKeys.walk(attrs, b.Attr); err != nil {
			return badColumn(err)
		}
		if err := ansKeys.walk(answers, b.Answer); err != nil {
			return badColumn(err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sv.Respondents = b.Done()
	return nil
}

// sendRespondents hands survey surveyID's respondents to send as they are
// read: its blocks' stored bytes, then its rows as the bundle's objects
// (the stored attrs and answers are already JSON objects with sorted
// keys, so a row is copied, not decoded), then the end of the survey.
// Nothing is gathered per survey beyond one piece, so a large bundle
// goes to the writer at the speed rows come out of the file.
func sendRespondents(ctx context.Context, tx *wtx, surveyID string, send func(exportPiece) bool) error {
	if err := sendBlocks(ctx, tx, surveyID, send); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, qRespondents, surveyID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var id, attrs, answers sql.RawBytes
	var objs []byte
	for rows.Next() {
		if err := rows.Scan(&id, &attrs, &answers); err != nil {
			return err
		}
		if !isObject(attrs) || !isObject(answers) {
			return badColumn(fmt.Errorf("the answers of respondent %s are damaged", id))
		}
		if len(objs) > 0 {
			objs = append(objs, ',')
		}
		objs = append(objs, `{"id":`...)
		objs = appendJSONString(objs, unsafe.String(unsafe.SliceData(id), len(id)))
		if len(attrs) > 2 {
			objs = append(objs, `,"attrs":`...)
			objs = append(objs, attrs...)
		}
		if len(answers) > 2 {
			objs = append(objs, `,"answers":`...)
			objs = append(objs, answers...)
		}
		objs = append(objs, '}')
		if len(objs) >= pieceSize {
			if !send(exportPiece{objs: objs}) {
				return errExportStopped
			}
			objs = nil
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(objs) > 0 && !send(exportPiece{objs: objs}) {
		return errExportStopped
	}
	if !send(exportPiece{end: true}) {
		return errExportStopped
	}
	return nil
}

func isObject(b []byte) bool { return len(b) >= 2 && b[0] == '{' && b[len(b)-1] == '}' }

// respondents merges a survey's respondents by ID; it returns how many
// were added or changed. A survey new to the file is written as blocks; one
// already in blocks is merged in memory and written again only when
// something changed; one the file keeps as rows is merged row by row.
func (im *importer) respondents(sv *review.Survey) (int64, error) {
	blocks, _, err := blockTotal(im.ctx, im.tx, sv.ID)
	if err != nil {
		return 0, err
	}
	if blocks > 0 {
		changed, rest, err := mergeBlocks(im.ctx, im.tx, sv.ID, &sv.Respondents)
		if err != nil || len(rest) == 0 {
			return changed, err
		}
		more := *sv
		more.Respondents = review.RespondentsFrom(rest)
		n, err := im.respondentRows(&more)
		return changed + n, err
	}
	var rows int
	if err := im.tx.QueryRowContext(im.ctx, "SELECT count(*) FROM respondents WHERE survey_id = ?", sv.ID).Scan(&rows); err != nil {
		return 0, err
	}
	if rows > 0 {
		return im.respondentRows(sv)
	}
	if sv.Respondents.Len() == 0 {
		return 0, nil
	}
	bw, err := newBlockWriter(im.ctx, im.tx, sv.ID)
	if err != nil {
		return 0, err
	}
	defer bw.close()
	return int64(sv.Respondents.Len()), bw.writeColumns(&sv.Respondents)
}

// respondentRows merges a survey's respondents into rows, respBatch rows
// per statement and the rest one by one; it returns how many rows were
// added or changed.
func (im *importer) respondentRows(sv *review.Survey) (int64, error) {
	var changed int64
	rs := &sv.Respondents
	args := make([]any, 0, (3+len(respondentTable.cols))*respBatch)
	j := 0
	for ; j+respBatch <= rs.Len(); j += respBatch {
		args = args[:0]
		for k := j; k < j+respBatch; k++ {
			args = append(args, rs.IDs[k], sv.ID, k, columnsJSON(rs.AttrCols, k), columnsJSON(rs.AnswerCols, k))
		}
		n, err := im.exec(importRespBatch, args...)
		if err != nil {
			return changed, err
		}
		changed += n
	}
	for ; j < rs.Len(); j++ {
		n, err := im.item(importResp, rs.IDs[j], sv.ID, j, []any{columnsJSON(rs.AttrCols, j), columnsJSON(rs.AnswerCols, j)})
		if err != nil {
			return changed, err
		}
		changed += n
	}
	return changed, nil
}

// The field names of bRespondent are also written by copyRespondents.
type bRespondent struct {
	ID      string            `json:"id"`
	Attrs   map[string]string `json:"attrs,omitempty"`
	Answers map[string]string `json:"answers,omitempty"`
}

func respondentsTo(rs *review.Respondents) []bRespondent {
	if rs.Len() == 0 {
		return nil
	}
	out := make([]bRespondent, rs.Len())
	for i := range out {
		r := rs.Row(i)
		out[i] = bRespondent{r.ID, r.Attrs, r.Answers}
	}
	return out
}

// columnsJSON is respondent i's values as the stored JSON object, the bytes
// appendFlat writes for the same map: columns are sorted by key and a
// blank value is left out.
func columnsJSON(cols []review.Column, i int) string {
	b := []byte{'{'}
	for k := range cols {
		v := cols[k].Value(i)
		if v == "" {
			continue
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = appendJSONString(b, cols[k].Key)
		b = append(b, ':')
		b = appendJSONString(b, v)
	}
	return string(append(b, '}'))
}

func respondentFrom(c *checker, b bRespondent) review.Respondent {
	c.id("respondent", b.ID)
	return review.Respondent{ID: b.ID, Attrs: nilIfEmptyMap(b.Attrs), Answers: nilIfEmptyMap(b.Answers)}
}
