package store

import (
	"context"
	"fmt"
	"slices"

	"scrutiny/review"
)

// Row values in the column order of the *Cols lists in tx.go.

func reviewVals(r *review.Review) []any {
	archived := 0
	if r.Archived {
		archived = 1
	}
	return []any{r.Topic, r.ServiceArea, r.WhyArea, r.Start.String(), r.End.String(), r.BoardDate.String(),
		string(r.Stage), r.Introduction, r.Approach, r.Summary, r.Scope.Aim, js(r.Scope.Objectives),
		js(r.Scope.FocusAreas), js(r.Scope.OutOfScope), int(r.Judgement.Level), r.Judgement.Word,
		r.Judgement.Explanation, archived, js(r.MemberIDs)}
}

func memberVals(m *review.Member) []any {
	return []any{m.Name, string(m.Role), m.Joined.String(), m.Left.String(), m.Notes}
}

func meetingVals(m *review.Meeting) []any {
	return []any{m.Date.String(), m.StartTime, m.EndTime, m.Venue, js(m.Attendees), js(m.Apologies),
		js(agendaTo(m.Agenda)), m.Notes, js(m.Decisions), js(expensesTo(m.Expenses))}
}

func evidenceVals(e *review.Evidence) []any {
	return []any{string(e.Kind), e.Title, e.Date.String(), e.Who, e.Notes}
}

func findingVals(f *review.Finding) []any {
	return []any{string(f.Kind), f.Text, js(f.EvidenceIDs)}
}

func standardVals(st *review.Standard) []any {
	return []any{st.Promise, st.Target, st.Actual, st.Period, st.Source, int(st.Verdict), st.Evidence}
}

func surveyVals(sv *review.Survey) []any {
	return []any{sv.Name, sv.Date.String(), string(sv.Channel), sv.Sent, sv.Evidence, sv.High, sv.Low,
		js(questionsTo(sv.Questions))}
}

func respVals(r *review.Respondent) []any {
	return []any{flatMap(r.Attrs), flatMap(r.Answers)}
}

func recVals(r *review.Recommendation) []any {
	return []any{r.Text, js(subPointsTo(r.SubPoints)), js(r.FindingIDs), r.BoardResponse, js(actionsTo(r.Actions))}
}

func critVals(c *review.Criterion) []any {
	return []any{c.Name, int(c.Level), c.Rationale, js(c.Votes[:])}
}

// CreateReview inserts a new review header (and its scope, judgement and
// MemberIDs). An empty r.ID is given a fresh UUIDv7, written back into r.
func (s *Store) CreateReview(ctx context.Context, r *review.Review) error {
	id := r.ID
	if id == "" {
		id = newID()
	}
	q := "INSERT INTO reviews (id, updated_at" + commaCols(reviewCols) + ") VALUES (?, ?" + placeholders(len(reviewCols)) + ")"
	err := s.write(ctx, "create the review", func(tx *wtx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM reviews WHERE id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &plainError{msg: "A review with this ID already exists."}
		}
		_, err := tx.ExecContext(ctx, q, append([]any{id, nowMs()}, reviewVals(r)...)...)
		return err
	})
	if err == nil {
		r.ID = id
	}
	return err
}

// SaveReview updates the header fields of an existing review: topic, service
// area, why, dates, stage, introduction, approach, summary, scope, judgement,
// archived, MemberIDs. It does not touch the lists.
func (s *Store) SaveReview(ctx context.Context, r *review.Review) error {
	q := "UPDATE reviews SET updated_at = ?" + setCols(reviewCols) + " WHERE id = ? AND deleted_at IS NULL"
	return s.write(ctx, "save the review", func(tx *wtx) error {
		args := append([]any{nowMs()}, reviewVals(r)...)
		res, err := tx.ExecContext(ctx, q, append(args, r.ID)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("review", r.ID)
		}
		return nil
	})
}

func commaCols(cols []string) string {
	s := ""
	for _, c := range cols {
		s += ", " + c
	}
	return s
}

func setCols(cols []string) string {
	s := ""
	for _, c := range cols {
		s += ", " + c + " = ?"
	}
	return s
}

func placeholders(n int) string {
	s := ""
	for i := 0; i < n; i++ {
		s += ", ?"
	}
	return s
}

var upsertMember = "INSERT INTO members (id, position" + commaCols(memberCols) +
	") VALUES (?, (SELECT COALESCE(MAX(position) + 1, 0) FROM members)" + placeholders(len(memberCols)) +
	") ON CONFLICT (id) DO UPDATE SET " + excludedCols(memberCols)

func excludedCols(cols []string) string {
	s := ""
	for i, c := range cols {
		if i > 0 {
			s += ", "
		}
		s += c + " = excluded." + c
	}
	return s
}

func sameCols(table string, cols []string) string {
	s := ""
	for i, c := range cols {
		if i > 0 {
			s += " AND "
		}
		s += table + "." + c + " IS excluded." + c
	}
	return s
}

// SaveMember inserts or updates a roster entry.
func (s *Store) SaveMember(ctx context.Context, m *review.Member) error {
	id := m.ID
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "save the member", func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, upsertMember, append([]any{id}, memberVals(m)...)...)
		return err
	})
	if err == nil {
		m.ID = id
	}
	return err
}

// fillID gives an empty ID a fresh UUIDv7.
func fillID(id *string) {
	if *id == "" {
		*id = newID()
	}
}

// saveItem is the shared body of the list-item Save* methods: touch the
// review (which also proves it exists), then insert or update the row.
func (s *Store) saveItem(ctx context.Context, what, stmt, reviewID string, idp *string, vals []any) error {
	id := *idp
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "save the "+what, func(tx *wtx) error {
		if err := touchReview(ctx, tx, reviewID); err != nil {
			return err
		}
		return execItem(ctx, tx, what, stmt, id, reviewID, vals)
	})
	if err == nil {
		*idp = id
	}
	return err
}

func execItem(ctx context.Context, tx *wtx, what, stmt, id, parentID string, vals []any) error {
	args := make([]any, 0, len(vals)+4)
	args = append(args, id, parentID, parentID, parentID)
	res, err := tx.ExecContext(ctx, stmt, append(args, vals...)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &plainError{msg: fmt.Sprintf("This %s belongs to another review or survey, so it was not saved here.", what)}
	}
	return nil
}

// Each Save* below is one short transaction: insert when the ID is empty or
// unknown (an empty ID is filled with a fresh UUIDv7, written back), update
// otherwise. New items go to the end of their list.

// SaveMeeting inserts or updates a meeting of a review.
func (s *Store) SaveMeeting(ctx context.Context, reviewID string, m *review.Meeting) error {
	return s.saveItem(ctx, "meeting", upsertMeeting, reviewID, &m.ID, meetingVals(m))
}

// SaveEvidence inserts or updates an evidence item.
func (s *Store) SaveEvidence(ctx context.Context, reviewID string, e *review.Evidence) error {
	return s.saveItem(ctx, "evidence", upsertEvidence, reviewID, &e.ID, evidenceVals(e))
}

// SaveFinding inserts or updates a finding and its evidence links.
func (s *Store) SaveFinding(ctx context.Context, reviewID string, f *review.Finding) error {
	return s.saveItem(ctx, "finding", upsertFinding, reviewID, &f.ID, findingVals(f))
}

// SaveStandard inserts or updates a service standard.
func (s *Store) SaveStandard(ctx context.Context, reviewID string, st *review.Standard) error {
	return s.saveItem(ctx, "service standard", upsertStandard, reviewID, &st.ID, standardVals(st))
}

// SaveSurvey saves the survey and its questions (not respondents). Empty
// question IDs are filled in sv.
func (s *Store) SaveSurvey(ctx context.Context, reviewID string, sv *review.Survey) error {
	// Answers are keyed by question ID, so every question needs one.
	for i := range sv.Questions {
		fillID(&sv.Questions[i].ID)
	}
	return s.saveItem(ctx, "survey", upsertSurvey, reviewID, &sv.ID, surveyVals(sv))
}

// SaveRecommendation saves the text, sub-points (in order), finding links,
// board response and actions. Empty sub-point and action IDs are filled in
// rec.
func (s *Store) SaveRecommendation(ctx context.Context, reviewID string, rec *review.Recommendation) error {
	for i := range rec.SubPoints {
		fillID(&rec.SubPoints[i].ID)
	}
	for i := range rec.Actions {
		fillID(&rec.Actions[i].ID)
	}
	return s.saveItem(ctx, "recommendation", upsertRec, reviewID, &rec.ID, recVals(rec))
}

// SaveCriterion inserts or updates a criterion with its level, rationale
// and votes.
func (s *Store) SaveCriterion(ctx context.Context, reviewID string, c *review.Criterion) error {
	return s.saveItem(ctx, "criterion", upsertCrit, reviewID, &c.ID, critVals(c))
}

var touchSurveySQL = hot(`UPDATE reviews SET updated_at = ? WHERE deleted_at IS NULL AND id =
		(SELECT review_id FROM surveys WHERE id = ? AND deleted_at IS NULL)`)

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
		return execItem(ctx, tx, "respondent", upsertResp, id, surveyID, respVals(r))
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
		if err := tx.QueryRowContext(ctx, "SELECT "+nextPosition("respondents", "survey_id"), surveyID, surveyID).Scan(&next); err != nil {
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
