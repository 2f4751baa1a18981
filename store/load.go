package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"scrutiny/review"
)

var qListReviews = hot(`SELECT r.id, r.topic, r.stage, r.start_on, r.end_on, r.board_on, r.archived, r.updated_at,
			(SELECT count(*) FROM evidence e WHERE e.review_id = r.id AND e.deleted_at IS NULL),
			(SELECT count(*) FROM findings f WHERE f.review_id = r.id AND f.deleted_at IS NULL),
			(SELECT count(*) FROM recommendations c WHERE c.review_id = r.id AND c.deleted_at IS NULL)
			FROM reviews r WHERE r.deleted_at IS NULL ORDER BY r.updated_at DESC, r.id DESC`)

// ListReviews returns every review not in the bin, most recently edited
// first. The counts come from covering indexes, so this stays fast on
// large files.
func (s *Store) ListReviews(ctx context.Context) ([]Summary, error) {
	var out []Summary
	err := s.read(ctx, "list the reviews", func(tx *wtx) error {
		rows, err := tx.QueryContext(ctx, qListReviews)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sm Summary
			var stage, start, end, board string
			var updated int64
			if err := rows.Scan(&sm.ID, &sm.Topic, &stage, &start, &end, &board, &sm.Archived, &updated,
				&sm.Evidence, &sm.Findings, &sm.Recommendations); err != nil {
				return err
			}
			sm.Stage = review.Stage(stage)
			sm.Start, _ = parseISO(start)
			sm.End, _ = parseISO(end)
			sm.BoardDate, _ = parseISO(board)
			sm.Updated = time.UnixMilli(updated)
			out = append(out, sm)
		}
		return rows.Err()
	})
	return out, err
}

// ListMembers returns the whole roster, including members who have left,
// in the order they were added (or moved to).
func (s *Store) ListMembers(ctx context.Context) ([]review.Member, error) {
	var out []review.Member
	err := s.read(ctx, "list the members", func(tx *wtx) error {
		var err error
		out, err = roster(ctx, tx)
		return err
	})
	return out, err
}

// roster reads every member not in the bin, in roster order.
func roster(ctx context.Context, tx *wtx) ([]review.Member, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, name, role, joined_on, left_on, notes FROM members WHERE deleted_at IS NULL ORDER BY position, rowid")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []review.Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func scanMember(rows *sql.Rows) (review.Member, error) {
	var m review.Member
	var role, joined, left string
	if err := rows.Scan(&m.ID, &m.Name, &role, &joined, &left, &m.Notes); err != nil {
		return m, err
	}
	m.Role = review.Role(role)
	var err error
	if m.Joined, err = parseISO(joined); err != nil {
		return m, err
	}
	m.Left, err = parseISO(left)
	return m, err
}

// LoadReview returns the whole aggregate: header, scope, members (roster
// entries for MemberIDs), meetings, evidence, findings, standards, surveys
// with questions and respondents, recommendations, criteria; each list in
// its saved order, none of it from the bin. It reads one snapshot. Links
// (a finding's EvidenceIDs, a recommendation's FindingIDs, attendees) are
// kept even when they name something in the bin, so restoring it brings
// the link back: skip IDs that do not resolve.
func (s *Store) LoadReview(ctx context.Context, id string) (*review.Review, error) {
	var r *review.Review
	err := s.read(ctx, "load the review", func(tx *wtx) error {
		var err error
		r, err = loadReview(ctx, tx, id)
		return err
	})
	return r, err
}

func loadReview(ctx context.Context, tx *wtx, id string) (*review.Review, error) {
	return loadReviewRaw(ctx, tx, id, nil)
}

// loadReviewRaw is loadReview; when raw is not nil the respondents are not
// decoded but copied into raw[surveyID] as the bundle's JSON array body,
// which is what the exporter writes.
func loadReviewRaw(ctx context.Context, tx *wtx, id string, raw map[string][]byte) (*review.Review, error) {
	r := &review.Review{ID: id}
	var stage, start, end, board, objectives, focus, out, memberIDs string
	var level int
	err := tx.QueryRowContext(ctx, qReviewHeader, id).Scan(
		&r.Topic, &r.ServiceArea, &r.WhyArea, &start, &end, &board, &stage, &r.Introduction, &r.Approach,
		&r.Summary, &r.Scope.Aim, &objectives, &focus, &out, &level, &r.Judgement.Word,
		&r.Judgement.Explanation, &r.Archived, &memberIDs)
	if err == sql.ErrNoRows {
		return nil, notFound("review", id)
	}
	if err != nil {
		return nil, err
	}
	r.Stage = review.Stage(stage)
	r.Judgement.Level = review.Level(level)
	if r.Start, err = parseISO(start); err != nil {
		return nil, err
	}
	if r.End, err = parseISO(end); err != nil {
		return nil, err
	}
	if r.BoardDate, err = parseISO(board); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		src string
		dst *[]string
	}{{objectives, &r.Scope.Objectives}, {focus, &r.Scope.FocusAreas}, {out, &r.Scope.OutOfScope}, {memberIDs, &r.MemberIDs}} {
		if *p.dst, err = strList(p.src); err != nil {
			return nil, badColumn(err)
		}
	}
	surveys := func(ctx context.Context, tx *wtx, r *review.Review) error { return loadSurveys(ctx, tx, r, raw) }
	steps := []func(context.Context, *wtx, *review.Review) error{
		loadMembers, loadMeetings, loadEvidence, loadFindings, loadStandards, surveys, loadRecs, loadCriteria,
	}
	for _, f := range steps {
		if err := f(ctx, tx, r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func badColumn(err error) error {
	return &plainError{msg: fmt.Sprintf("Part of this review could not be read (%v). Run a check of the file.", err), cause: []error{ErrDamaged, err}}
}

func loadMembers(ctx context.Context, tx *wtx, r *review.Review) error {
	if len(r.MemberIDs) == 0 {
		return nil
	}
	b, _ := json.Marshal(r.MemberIDs)
	rows, err := tx.QueryContext(ctx, `SELECT id, name, role, joined_on, left_on, notes FROM members
		WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`, string(b))
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[string]review.Member{}
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return err
		}
		byID[m.ID] = m
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range r.MemberIDs {
		if m, ok := byID[id]; ok {
			r.Members = append(r.Members, m)
			delete(byID, id)
		}
	}
	return nil
}

var qReviewHeader = hot(`SELECT topic, service_area, why_area, start_on, end_on, board_on, stage,
		introduction, approach, summary, aim, objectives, focus_areas, out_of_scope, judgement_level,
		judgement_word, judgement_explanation, archived, member_ids FROM reviews WHERE id = ? AND deleted_at IS NULL`)

// The list queries, in saved order, prepared once per store.
var (
	qMeetings        = hot("SELECT id, held_on, start_time, end_time, venue, attendees, apologies, agenda, notes, decisions, expenses FROM meetings WHERE review_id = ? AND deleted_at IS NULL ORDER BY held_on = '', held_on, start_time, position, rowid")
	qEvidence        = hot("SELECT id, kind, title, held_on, who, notes FROM evidence WHERE review_id = ? AND deleted_at IS NULL ORDER BY position, rowid")
	qFindings        = hot("SELECT id, kind, body, evidence_ids FROM findings WHERE review_id = ? AND deleted_at IS NULL ORDER BY position, rowid")
	qStandards       = hot("SELECT id, promise, target, actual, period, source, verdict, evidence_id FROM standards WHERE review_id = ? AND deleted_at IS NULL ORDER BY position, rowid")
	qSurveys         = hot("SELECT id, name, held_on, channel, sent, evidence_id, high, low, questions FROM surveys WHERE review_id = ? AND deleted_at IS NULL ORDER BY position, rowid")
	qRecommendations = hot("SELECT id, body, sub_points, finding_ids, board_response, actions FROM recommendations WHERE review_id = ? AND deleted_at IS NULL ORDER BY position, rowid")
	qCriteria        = hot("SELECT id, name, level, rationale, votes FROM criteria WHERE review_id = ? AND deleted_at IS NULL ORDER BY position, rowid")
	qRespondents     = hot("SELECT id, attrs, answers FROM respondents WHERE survey_id = ? AND deleted_at IS NULL ORDER BY position, rowid")
)

// each runs a query on the live rows of one list of a review in order.
func each(ctx context.Context, tx *wtx, q, id string, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, q, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return badColumn(err)
		}
	}
	return rows.Err()
}

func loadMeetings(ctx context.Context, tx *wtx, r *review.Review) error {
	return each(ctx, tx, qMeetings, r.ID,
		func(rows *sql.Rows) error {
			var m review.Meeting
			var date, att, apo, agenda, dec, exp string
			if err := rows.Scan(&m.ID, &date, &m.StartTime, &m.EndTime, &m.Venue, &att, &apo, &agenda, &m.Notes, &dec, &exp); err != nil {
				return err
			}
			var err error
			if m.Date, err = parseISO(date); err != nil {
				return err
			}
			if m.Attendees, err = strList(att); err != nil {
				return err
			}
			if m.Apologies, err = strList(apo); err != nil {
				return err
			}
			if m.Decisions, err = strList(dec); err != nil {
				return err
			}
			var ja []jAgenda
			var je []jExpense
			if err := unjs(agenda, &ja); err != nil {
				return err
			}
			if err := unjs(exp, &je); err != nil {
				return err
			}
			m.Agenda, m.Expenses = agendaFrom(ja), expensesFrom(je)
			r.Meetings = append(r.Meetings, m)
			return nil
		})
}

func loadEvidence(ctx context.Context, tx *wtx, r *review.Review) error {
	return each(ctx, tx, qEvidence, r.ID, func(rows *sql.Rows) error {
		var e review.Evidence
		var kind, date string
		if err := rows.Scan(&e.ID, &kind, &e.Title, &date, &e.Who, &e.Notes); err != nil {
			return err
		}
		e.Kind = review.EvidenceKind(kind)
		var err error
		e.Date, err = parseISO(date)
		r.Evidence = append(r.Evidence, e)
		return err
	})
}

func loadFindings(ctx context.Context, tx *wtx, r *review.Review) error {
	return each(ctx, tx, qFindings, r.ID, func(rows *sql.Rows) error {
		var f review.Finding
		var kind, ev string
		if err := rows.Scan(&f.ID, &kind, &f.Text, &ev); err != nil {
			return err
		}
		f.Kind = review.FindingKind(kind)
		var err error
		f.EvidenceIDs, err = strList(ev)
		r.Findings = append(r.Findings, f)
		return err
	})
}

func loadStandards(ctx context.Context, tx *wtx, r *review.Review) error {
	return each(ctx, tx, qStandards, r.ID, func(rows *sql.Rows) error {
		var st review.Standard
		var verdict int
		if err := rows.Scan(&st.ID, &st.Promise, &st.Target, &st.Actual, &st.Period, &st.Source, &verdict, &st.Evidence); err != nil {
			return err
		}
		st.Verdict = review.MetState(verdict)
		r.Standards = append(r.Standards, st)
		return nil
	})
}

func loadSurveys(ctx context.Context, tx *wtx, r *review.Review, raw map[string][]byte) error {
	err := each(ctx, tx, qSurveys, r.ID, func(rows *sql.Rows) error {
		var sv review.Survey
		var date, channel, qs string
		if err := rows.Scan(&sv.ID, &sv.Name, &date, &channel, &sv.Sent, &sv.Evidence, &sv.High, &sv.Low, &qs); err != nil {
			return err
		}
		sv.Channel = review.Channel(channel)
		var err error
		if sv.Date, err = parseISO(date); err != nil {
			return err
		}
		var jq []jQuestion
		if err := unjs(qs, &jq); err != nil {
			return err
		}
		sv.Questions = questionsFrom(jq)
		r.Surveys = append(r.Surveys, sv)
		return nil
	})
	if err != nil {
		return err
	}
	in := interner{}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		if raw != nil {
			b, err := rawRespondents(ctx, tx, sv.ID)
			if err != nil {
				return err
			}
			raw[sv.ID] = b
			continue
		}
		err := each(ctx, tx, qRespondents, sv.ID, func(rows *sql.Rows) error {
			var rs review.Respondent
			var attrs, answers sql.RawBytes
			if err := rows.Scan(&rs.ID, &attrs, &answers); err != nil {
				return err
			}
			var err error
			if rs.Attrs, err = unflatMap(attrs, in); err != nil {
				return err
			}
			rs.Answers, err = unflatMap(answers, in)
			sv.Respondents = append(sv.Respondents, rs)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func loadRecs(ctx context.Context, tx *wtx, r *review.Review) error {
	return each(ctx, tx, qRecommendations, r.ID, func(rows *sql.Rows) error {
		var rec review.Recommendation
		var subs, fids, acts string
		if err := rows.Scan(&rec.ID, &rec.Text, &subs, &fids, &rec.BoardResponse, &acts); err != nil {
			return err
		}
		var js []jSubPoint
		var ja []jAction
		if err := unjs(subs, &js); err != nil {
			return err
		}
		if err := unjs(acts, &ja); err != nil {
			return err
		}
		var err error
		if rec.FindingIDs, err = strList(fids); err != nil {
			return err
		}
		rec.SubPoints = subPointsFrom(js)
		if rec.Actions, err = actionsFrom(ja); err != nil {
			return err
		}
		r.Recommendations = append(r.Recommendations, rec)
		return nil
	})
}

func loadCriteria(ctx context.Context, tx *wtx, r *review.Review) error {
	return each(ctx, tx, qCriteria, r.ID, func(rows *sql.Rows) error {
		var c review.Criterion
		var level int
		var votes string
		if err := rows.Scan(&c.ID, &c.Name, &level, &c.Rationale, &votes); err != nil {
			return err
		}
		c.Level = review.Level(level)
		var v []int
		if err := unjs(votes, &v); err != nil {
			return err
		}
		copy(c.Votes[:], v)
		r.Criteria = append(r.Criteria, c)
		return nil
	})
}

// rawRespondents copies a survey's respondents into bundle JSON (the
// elements of the array, without brackets). The stored attrs and answers
// are already JSON objects with sorted keys, written by flatMap.
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
