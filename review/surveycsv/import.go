package surveycsv

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"scrutiny/review"
)

// Survey makes the survey the preview describes: one question per question
// column (in file order, with the IDs the answers already use) and every
// respondent as a review.Respondent.
func (p *Preview) Survey(name string, sent int) review.Survey {
	sv := p.SurveyHeader(name, sent)
	sv.Respondents = p.Respondents()
	return sv
}

// SurveyHeader is Survey without the respondents: all Import needs, since
// it writes the answers straight from the preview. A 100,000-row file's
// respondents take about 120 MB as maps and a tenth of a second to make.
func (p *Preview) SurveyHeader(name string, sent int) review.Survey {
	sv := review.Survey{Name: name, Sent: sent}
	for _, c := range p.Columns {
		if !c.IsQuestion() {
			continue
		}
		q := review.Question{ID: c.QuestionID, Text: c.Header, Labels: c.Labels}
		switch c.Kind {
		case Scale:
			q.Kind, q.Min, q.Max = review.QuestionScale, c.Min, c.Max
		case YesNo:
			q.Kind = review.QuestionYesNo
		case Choice:
			q.Kind = review.QuestionChoice
		default:
			q.Kind = review.QuestionFreeText
		}
		sv.Questions = append(sv.Questions, q)
	}
	return sv
}

// ErrRows means the file has rows that cannot be read, so nothing was
// imported; the preview lists them.
var ErrRows = errors.New("some rows could not be read, so nothing was imported")

// SurveyImporter is what Import needs of the store: saving a survey and
// all its respondents in one transaction. *store.Store satisfies it.
type SurveyImporter interface {
	ImportSurvey(ctx context.Context, reviewID string, sv *review.Survey, rows *review.RespondentRows) error
}

// Import saves the survey sv (made by Survey or SurveyHeader; its name,
// details and question wording may have been changed) and every row of
// the preview into review reviewID, all or nothing, in one transaction:
// when any row could not be read, or anything fails while saving, the
// database is left as it was. On success sv.ID and the question IDs are
// set, and so are the respondents' IDs when sv.Respondents holds them.
func Import(ctx context.Context, st SurveyImporter, reviewID string, p *Preview, sv *review.Survey) error {
	if !p.OK() {
		return fmt.Errorf("%w (%d %s)", ErrRows, len(p.Errors), review.Plural(len(p.Errors), "problem", "problems"))
	}
	if len(sv.Questions) == 0 {
		return errors.New("the file has no question columns, so there is nothing to import")
	}
	if p.Rows == 0 {
		return errors.New("the file has a header row but no answers under it, so there is nothing to import")
	}
	rows, err := p.respondentRows(sv)
	if err != nil {
		return err
	}
	if err := st.ImportSurvey(ctx, reviewID, sv, rows); err != nil {
		return fmt.Errorf("the survey was not imported: %w", err)
	}
	if rows.IDs != nil {
		sv.Respondents.IDs = rows.IDs
	}
	return nil
}

// respondentRows reads the preview's rows for the store, answers keyed by
// sv's question IDs (a question without one gets its column's ID).
func (p *Preview) respondentRows(sv *review.Survey) (*review.RespondentRows, error) {
	c := &p.cells
	n := c.rows()
	if got := sv.Respondents.Len(); got != 0 && got != n {
		return nil, fmt.Errorf("the survey has %d respondents but the file has %d rows; read the file again", got, n)
	}
	rows := &review.RespondentRows{N: n}
	var qcols []int
	for i, col := range p.Columns {
		if col.IsQuestion() {
			qcols = append(qcols, i)
		}
	}
	if len(qcols) != len(sv.Questions) {
		return nil, fmt.Errorf("the survey has %d questions but the file has %d question columns; read the file again", len(sv.Questions), len(qcols))
	}
	for k, i := range qcols {
		if sv.Questions[k].ID == "" {
			sv.Questions[k].ID = p.Columns[i].QuestionID
		}
		rows.AnswerKeys = append(rows.AnswerKeys, sv.Questions[k].ID)
	}
	// Attributes are keyed by header; columns sharing a header share a
	// key, the last non-blank value winning as in Respondents.
	var acols [][]int
	keyOf := map[string]int{}
	for i, col := range p.Columns {
		if col.Kind != Attribute {
			continue
		}
		k, ok := keyOf[col.Header]
		if !ok {
			k = len(acols)
			keyOf[col.Header] = k
			acols = append(acols, nil)
			rows.AttrKeys = append(rows.AttrKeys, col.Header)
		}
		acols[k] = append(acols[k], i)
	}
	if sv.Respondents.Len() == n {
		rows.IDs = slices.Clone(sv.Respondents.IDs)
	}
	rows.Row = func(r int, attrs, answers []string) {
		row := c.codes[r*c.ncols : (r+1)*c.ncols]
		for k, i := range qcols {
			answers[k] = c.values[i][row[i]] // code 0 is "", no answer
		}
		for k, cols := range acols {
			for _, i := range cols {
				if code := row[i]; code != 0 {
					attrs[k] = c.values[i][code]
				}
			}
		}
	}
	return rows, nil
}

// Describe writes the preview as plain text for the command line: the row
// count, the separator and the columns with their kinds. Row problems are
// in p.Errors, for the caller to list.
func (p *Preview) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s of answers", p.Rows, review.Plural(p.Rows, "row", "rows"))
	if p.BlankRows > 0 {
		fmt.Fprintf(&b, " (%d blank %s skipped)", p.BlankRows, review.Plural(p.BlankRows, "row", "rows"))
	}
	b.WriteString(", separated by ")
	switch p.Delimiter {
	case ';':
		b.WriteString("semicolons")
	case '\t':
		b.WriteString("tabs")
	default:
		b.WriteString("commas")
	}
	b.WriteString("\n")
	if p.Cleaned > 0 {
		fmt.Fprintf(&b, "%s\n", p.CleanedText())
	}
	w := 0
	for _, c := range p.Columns {
		w = max(w, len([]rune(c.Header)))
	}
	w = min(w, 50)
	for _, c := range p.Columns {
		fmt.Fprintf(&b, "  %-*s  %s\n", w, c.Header, c.KindText())
	}
	return b.String()
}

// CleanedText says how many answers lost control characters, for the
// preview; "" when none did.
func (p *Preview) CleanedText() string {
	if p.Cleaned == 0 {
		return ""
	}
	return fmt.Sprintf("Control characters (such as escape codes pasted into a comment) were removed from %d %s; the rest of each answer is kept.",
		p.Cleaned, review.Plural(p.Cleaned, "cell", "cells"))
}
