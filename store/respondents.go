package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

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

// scanRespondent reads a row, sharing repeated strings through in.
func scanRespondent(in interner) func(*sql.Rows) (review.Respondent, error) {
	return func(rows *sql.Rows) (review.Respondent, error) {
		var rs review.Respondent
		var attrs, answers sql.RawBytes
		if err := rows.Scan(&rs.ID, &attrs, &answers); err != nil {
			return rs, err
		}
		var err error
		if rs.Attrs, err = unflatMap(attrs, in); err != nil {
			return rs, err
		}
		rs.Answers, err = unflatMap(answers, in)
		return rs, err
	}
}

// respBatch is how many respondents a bundle import merges per statement.
const respBatch = 64

var (
	upsertResp = hot(respondentTable.upsertSQL())
	importResp = respondentTable.importSQL(1)
	// Respondents are merged respBatch rows per statement: there can be
	// a hundred thousand of them.
	importRespBatch = respondentTable.importSQL(respBatch)
	qRespondents    = hot(respondentTable.selectSQL("position, rowid"))
	touchSurveySQL  = hot(`UPDATE reviews SET updated_at = ? WHERE deleted_at IS NULL AND id =
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
	rows := mapRows(rs)
	attrs, err := newObjectEncoder(rows.AttrKeys)
	if err != nil {
		return err
	}
	answers, err := newObjectEncoder(rows.AnswerKeys)
	if err != nil {
		return err
	}
	ids := slices.Clone(rows.IDs)
	err = s.write(ctx, "add the answers", func(tx *wtx) error {
		if err := touchSurvey(ctx, tx, surveyID); err != nil {
			return err
		}
		var next int64
		q := "SELECT " + nextPosition(respondentTable.name, respondentTable.parent)
		if err := tx.QueryRowContext(ctx, q, surveyID, surveyID).Scan(&next); err != nil {
			return err
		}
		return insertRespondents(ctx, tx, addResps, surveyID, next, rows, attrs, answers, ids)
	})
	if err == nil {
		for i := range rs {
			rs[i].ID = ids[i]
		}
	}
	return err
}

func loadRespondents(ctx context.Context, tx *wtx, sv *review.Survey, in interner) error {
	return loadList(ctx, tx, qRespondents, sv.ID, scanRespondent(in), &sv.Respondents)
}

// rawRespondents copies a survey's respondents into bundle JSON (the
// elements of the array, without brackets), the bytes encoding/json gives
// for bRespondent: the stored attrs and answers are already JSON objects
// with sorted keys.
func rawRespondents(ctx context.Context, tx *wtx, surveyID string) ([]byte, error) {
	rows, err := tx.QueryContext(ctx, qRespondents, surveyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var b []byte
	for rows.Next() {
		var id, attrs, answers sql.RawBytes
		if err := rows.Scan(&id, &attrs, &answers); err != nil {
			return nil, err
		}
		if !isObject(attrs) || !isObject(answers) {
			return nil, badColumn(fmt.Errorf("the answers of respondent %s are damaged", id))
		}
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendJSONString(b, string(id))
		if len(attrs) > 2 {
			b = append(b, `,"attrs":`...)
			b = append(b, attrs...)
		}
		if len(answers) > 2 {
			b = append(b, `,"answers":`...)
			b = append(b, answers...)
		}
		b = append(b, '}')
	}
	return b, rows.Err()
}

func isObject(b []byte) bool { return len(b) >= 2 && b[0] == '{' && b[len(b)-1] == '}' }

// respondents merges a survey's respondents, respBatch rows per statement
// and the rest one by one; it returns how many rows were added or changed.
func (im *importer) respondents(sv *review.Survey) (int64, error) {
	var changed int64
	rs := sv.Respondents
	args := make([]any, 0, (3+len(respondentTable.cols))*respBatch)
	var order [2][]string
	j := 0
	for ; j+respBatch <= len(rs); j += respBatch {
		args = args[:0]
		for k := j; k < j+respBatch; k++ {
			args = appendRespVals(append(args, rs[k].ID, sv.ID, k), &rs[k], &order)
		}
		n, err := im.exec(importRespBatch, args...)
		if err != nil {
			return changed, err
		}
		changed += n
	}
	for ; j < len(rs); j++ {
		n, err := im.item(importResp, rs[j].ID, sv.ID, j, respVals(&rs[j]))
		if err != nil {
			return changed, err
		}
		changed += n
	}
	return changed, nil
}

// The field names of bRespondent are also written by rawRespondents.
type bRespondent struct {
	ID      string            `json:"id"`
	Attrs   map[string]string `json:"attrs,omitempty"`
	Answers map[string]string `json:"answers,omitempty"`
}

func respondentTo(rs review.Respondent) bRespondent { return bRespondent{rs.ID, rs.Attrs, rs.Answers} }

func respondentFrom(c *checker, b bRespondent) review.Respondent {
	c.id("respondent", b.ID)
	return review.Respondent{ID: b.ID, Attrs: nilIfEmptyMap(b.Attrs), Answers: nilIfEmptyMap(b.Answers)}
}
