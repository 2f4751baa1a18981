package surveycsv

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"scrutiny/review"
	"scrutiny/store"
)

// Survey makes the survey the preview describes: one question per question
// column (in file order, with the IDs the answers already use) and every
// respondent.
func (p *Preview) Survey(name string, sent int) review.Survey {
	sv := review.Survey{Name: name, Sent: sent, Respondents: p.Respondents()}
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

// Import saves the survey and all its respondents into review reviewID,
// all or nothing: when any row could not be read nothing is written, and
// the respondents go in with one AddRespondents call (one transaction).
// If that call fails, the survey saved just before it is moved to the bin
// so no half-imported survey is left behind.
func Import(ctx context.Context, st *store.Store, reviewID string, p *Preview, sv *review.Survey) error {
	if !p.OK() {
		return fmt.Errorf("%w (%d %s)", ErrRows, len(p.Errors), plural(len(p.Errors), "problem", "problems"))
	}
	if len(sv.Questions) == 0 {
		return errors.New("the file has no question columns, so there is nothing to import")
	}
	if p.Rows == 0 {
		return errors.New("the file has a header row but no answers under it, so there is nothing to import")
	}
	rs := sv.Respondents
	defer leanGC(len(rs))()
	saved := *sv
	saved.Respondents = nil
	if err := st.SaveSurvey(ctx, reviewID, &saved); err != nil {
		return fmt.Errorf("could not save the survey: %w", err)
	}
	sv.ID = saved.ID
	for i := range sv.Questions {
		sv.Questions[i].ID = saved.Questions[i].ID
	}
	if err := st.AddRespondents(ctx, sv.ID, remap(rs, p, sv)); err != nil {
		if derr := st.Delete(ctx, store.KindSurvey, sv.ID); derr != nil {
			return fmt.Errorf("could not save the answers (%w); the empty survey %q could not be removed either: %v", err, sv.Name, derr)
		}
		return fmt.Errorf("could not save the answers, so the survey was not imported: %w", err)
	}
	return nil
}

// remap rewrites answer keys if the store gave the questions other IDs
// than the ones the answers were built with.
func remap(rs []review.Respondent, p *Preview, sv *review.Survey) []review.Respondent {
	ids := map[string]string{}
	qi := 0
	for _, c := range p.Columns {
		if !c.IsQuestion() {
			continue
		}
		if qi < len(sv.Questions) && sv.Questions[qi].ID != c.QuestionID {
			ids[c.QuestionID] = sv.Questions[qi].ID
		}
		qi++
	}
	if len(ids) == 0 {
		return rs
	}
	for i := range rs {
		m := make(map[string]string, len(rs[i].Answers))
		for k, v := range rs[i].Answers {
			if n, ok := ids[k]; ok {
				k = n
			}
			m[k] = v
		}
		rs[i].Answers = m
	}
	return rs
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Describe writes the preview as plain text for the command line: the
// columns with their kinds, then every problem.
func (p *Preview) Describe() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s of answers", p.Rows, plural(p.Rows, "row", "rows"))
	if p.BlankRows > 0 {
		fmt.Fprintf(&b, " (%d blank %s skipped)", p.BlankRows, plural(p.BlankRows, "row", "rows"))
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
