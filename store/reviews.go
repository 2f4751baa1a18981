package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"scrutiny/review"
)

// The reviews table holds a review's header: everything but its lists,
// which have tables of their own. A row has no parent and no position:
// reviews are listed by when they were last edited (updated_at).
var reviewTable = table{
	name: "reviews", what: "review", label: "topic",
	cols: []string{"topic", "service_area", "why_area", "start_on", "end_on", "board_on", "stage",
		"introduction", "approach", "summary", "aim", "objectives", "focus_areas", "out_of_scope",
		"judgement_level", "judgement_word", "judgement_explanation", "archived", "member_ids", "landlord",
		"follow_up_points", "impact", "measure_ids"},
}

func reviewVals(r *review.Review) []any {
	archived := 0
	if r.Archived {
		archived = 1
	}
	return []any{r.Topic, r.ServiceArea, r.WhyArea, r.Start.String(), r.End.String(), r.BoardDate.String(),
		string(r.Stage), r.Introduction, r.Approach, r.Summary, r.Scope.Aim, js(r.Scope.Objectives),
		js(r.Scope.FocusAreas), js(r.Scope.OutOfScope), int(r.Judgement.Level), r.Judgement.Word,
		r.Judgement.Explanation, archived, js(r.MemberIDs), r.Landlord, js(pointsTo(r.FollowUpPoints)), r.Impact, js(r.MeasureIDs)}
}

// scanReviewHeader reads the header of r.ID; a header that is not there
// gives sql.ErrNoRows.
func scanReviewHeader(row *sql.Row, r *review.Review) error {
	var stage, start, end, board, objectives, focus, out, memberIDs, points, measureIDs string
	var level int
	err := row.Scan(&r.Topic, &r.ServiceArea, &r.WhyArea, &start, &end, &board, &stage, &r.Introduction, &r.Approach,
		&r.Summary, &r.Scope.Aim, &objectives, &focus, &out, &level, &r.Judgement.Word,
		&r.Judgement.Explanation, &r.Archived, &memberIDs, &r.Landlord, &points, &r.Impact, &measureIDs)
	if err != nil {
		return err
	}
	var jp []jPoint
	if err := unjs(points, &jp); err != nil {
		return badColumn(err)
	}
	if r.FollowUpPoints, err = pointsFrom(jp); err != nil {
		return err
	}
	r.Stage = review.Stage(stage)
	r.Judgement.Level = review.Level(level)
	for _, d := range []struct {
		src string
		dst *review.Date
	}{{start, &r.Start}, {end, &r.End}, {board, &r.BoardDate}} {
		if *d.dst, err = parseISO(d.src); err != nil {
			return err
		}
	}
	for _, l := range []struct {
		src string
		dst *[]string
	}{{objectives, &r.Scope.Objectives}, {focus, &r.Scope.FocusAreas}, {out, &r.Scope.OutOfScope}, {memberIDs, &r.MemberIDs}, {measureIDs, &r.MeasureIDs}} {
		if *l.dst, err = strList(l.src); err != nil {
			return badColumn(err)
		}
	}
	return nil
}

var (
	qReviewHeader = hot("SELECT " + strings.Join(reviewTable.cols, ", ") + " FROM reviews WHERE id = ? AND deleted_at IS NULL")
	insertReview  = "INSERT INTO reviews (id, updated_at" + commaCols(reviewTable.cols) + ") VALUES (?, ?" +
		placeholders(len(reviewTable.cols)) + ")"
	updateReview = "UPDATE reviews SET updated_at = ?" + setCols(reviewTable.cols) + " WHERE id = ? AND deleted_at IS NULL"
	// A review brought in again by an import comes back out of the bin:
	// the person importing it asked for it.
	importReview = insertReview + " ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, deleted_at = NULL, " +
		excludedCols(reviewTable.cols) + " WHERE reviews.deleted_at IS NOT NULL OR NOT (" + sameCols("reviews", reviewTable.cols) + ")"
)

// CreateReview inserts a new review header (and its scope, judgement and
// MemberIDs). An empty r.ID is given a fresh UUIDv7, written back into r.
func (s *Store) CreateReview(ctx context.Context, r *review.Review) error {
	fillPointIDs(r)
	id := r.ID
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "create the review", func(tx *wtx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM reviews WHERE id = ?", id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &plainError{msg: "A review with this ID already exists."}
		}
		_, err := tx.ExecContext(ctx, insertReview, append([]any{id, nowMs()}, reviewVals(r)...)...)
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
	fillPointIDs(r)
	return s.write(ctx, "save the review", func(tx *wtx) error {
		args := append([]any{nowMs()}, reviewVals(r)...)
		res, err := tx.ExecContext(ctx, updateReview, append(args, r.ID)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("review", r.ID)
		}
		return nil
	})
}

// qListReviews reads each review's counts of live evidence, findings and
// recommendations from review_counts, which triggers keep exact in every
// write's own transaction (see migrations/*_review_counts.sql). A review
// without a row there (only a file changed by hand could have one) reads
// as having none.
var qListReviews = hot(`SELECT r.id, r.topic, r.stage, r.start_on, r.end_on, r.board_on, r.archived, r.updated_at,
			COALESCE(c.evidence, 0), COALESCE(c.findings, 0), COALESCE(c.recommendations, 0)
			FROM reviews r LEFT JOIN review_counts c ON c.review_id = r.id
			WHERE r.deleted_at IS NULL ORDER BY r.updated_at DESC, r.id DESC`)

// qCountReviews counts the items from the indexes instead, for a file
// from before review_counts that is open for reading only (so it could
// not be brought up to date). It took 24 of 28 ms with 1,000 reviews.
var qCountReviews = `SELECT r.id, r.topic, r.stage, r.start_on, r.end_on, r.board_on, r.archived, r.updated_at,
			(SELECT count(*) FROM evidence e WHERE e.review_id = r.id AND e.deleted_at IS NULL),
			(SELECT count(*) FROM findings f WHERE f.review_id = r.id AND f.deleted_at IS NULL),
			(SELECT count(*) FROM recommendations c WHERE c.review_id = r.id AND c.deleted_at IS NULL)
			FROM reviews r WHERE r.deleted_at IS NULL ORDER BY r.updated_at DESC, r.id DESC`

// qListTopics is qListReviews without the counts, for the places that
// show only which reviews there are.
var qListTopics = hot(`SELECT r.id, r.topic, r.stage, r.start_on, r.end_on, r.board_on, r.archived, r.updated_at, 0, 0, 0
			FROM reviews r WHERE r.deleted_at IS NULL ORDER BY r.updated_at DESC, r.id DESC`)

// ListReviews returns every review not in the bin, most recently edited
// first, with its counts of live evidence, findings and recommendations
// (stored, so this stays fast on large files).
func (s *Store) ListReviews(ctx context.Context) ([]Summary, error) {
	if !s.countsStored {
		return s.listReviews(ctx, qCountReviews)
	}
	return s.listReviews(ctx, qListReviews)
}

// ListReviewTopics is ListReviews without the counts of evidence, findings
// and recommendations (they are zero), for the places that show only
// which reviews there are.
func (s *Store) ListReviewTopics(ctx context.Context) ([]Summary, error) {
	return s.listReviews(ctx, qListTopics)
}

func (s *Store) listReviews(ctx context.Context, q string) ([]Summary, error) {
	var out []Summary
	err := s.read(ctx, "list the reviews", func(tx *wtx) error {
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			sm, err := scanSummary(rows)
			if err != nil {
				return err
			}
			out = append(out, sm)
		}
		return rows.Err()
	})
	return out, err
}

func scanSummary(rows *sql.Rows) (Summary, error) {
	var sm Summary
	var stage, start, end, board string
	var updated int64
	if err := rows.Scan(&sm.ID, &sm.Topic, &stage, &start, &end, &board, &sm.Archived, &updated,
		&sm.Evidence, &sm.Findings, &sm.Recommendations); err != nil {
		return sm, err
	}
	sm.Stage = review.Stage(stage)
	// A damaged date shows as unset on the home screen; loading the
	// review reports it.
	sm.Start, _ = parseISO(start)
	sm.End, _ = parseISO(end)
	sm.BoardDate, _ = parseISO(board)
	sm.Updated = time.UnixMilli(updated)
	return sm, nil
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
	return loadReviewRaw(ctx, tx, id, true)
}

// loadReviewRaw is loadReview, leaving out the surveys' respondents when
// respondents is false: the exporter copies them from the file itself.
func loadReviewRaw(ctx context.Context, tx *wtx, id string, respondents bool) (*review.Review, error) {
	r := &review.Review{ID: id}
	err := scanReviewHeader(tx.QueryRowContext(ctx, qReviewHeader, id), r)
	if err == sql.ErrNoRows {
		return nil, notFound("review", id)
	}
	if err != nil {
		return nil, err
	}
	surveys := func(ctx context.Context, tx *wtx, r *review.Review) error {
		return loadSurveys(ctx, tx, r, respondents)
	}
	steps := []func(context.Context, *wtx, *review.Review) error{
		loadMembers, loadMeetings, loadEvidence, loadFindings, loadStandards, surveys, loadRecs, loadCriteria,
		loadReviewMeasures,
	}
	for _, f := range steps {
		if err := f(ctx, tx, r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

type bScope struct {
	Aim        string   `json:"aim,omitempty"`
	Objectives []string `json:"objectives,omitempty"`
	FocusAreas []string `json:"focus_areas,omitempty"`
	OutOfScope []string `json:"out_of_scope,omitempty"`
}

type bJudgement struct {
	Level       string `json:"level,omitempty"`
	Word        string `json:"word,omitempty"`
	Explanation string `json:"explanation,omitempty"`
}

// bReview is a whole review in a bundle: its header, then its lists.
type bReview struct {
	ID              string            `json:"id"`
	Topic           string            `json:"topic"`
	Landlord        string            `json:"landlord,omitempty"`
	ServiceArea     string            `json:"service_area,omitempty"`
	WhyArea         string            `json:"why_area,omitempty"`
	Start           string            `json:"start,omitempty"`
	End             string            `json:"end,omitempty"`
	BoardDate       string            `json:"board_date,omitempty"`
	Stage           string            `json:"stage,omitempty"`
	Introduction    string            `json:"introduction,omitempty"`
	Approach        string            `json:"approach,omitempty"`
	Summary         string            `json:"summary,omitempty"`
	Scope           bScope            `json:"scope"`
	Judgement       bJudgement        `json:"judgement"`
	Archived        bool              `json:"archived,omitempty"`
	MemberIDs       []string          `json:"member_ids,omitempty"`
	FollowUpPoints  []jPoint          `json:"follow_up_points,omitempty"`
	Impact          string            `json:"impact,omitempty"`
	MeasureIDs      []string          `json:"measure_ids,omitempty"`
	Meetings        []bMeeting        `json:"meetings,omitempty"`
	Evidence        []bEvidence       `json:"evidence,omitempty"`
	Findings        []bFinding        `json:"findings,omitempty"`
	Standards       []bStandard       `json:"standards,omitempty"`
	Recommendations []bRecommendation `json:"recommendations,omitempty"`
	Criteria        []bCriterion      `json:"criteria,omitempty"`
	// Surveys come last: the exporter writes them itself, after the
	// rest of the review, so answers can be copied straight from the file.
	Surveys []bSurvey `json:"surveys,omitempty"`
}

func reviewTo(r *review.Review) *bReview {
	return &bReview{
		ID: r.ID, Topic: r.Topic, Landlord: r.Landlord, ServiceArea: r.ServiceArea, WhyArea: r.WhyArea,
		Start: r.Start.String(), End: r.End.String(), BoardDate: r.BoardDate.String(), Stage: string(r.Stage),
		Introduction: r.Introduction, Approach: r.Approach, Summary: r.Summary,
		Scope:     bScope{r.Scope.Aim, r.Scope.Objectives, r.Scope.FocusAreas, r.Scope.OutOfScope},
		Judgement: bJudgement{levelWord(r.Judgement.Level), r.Judgement.Word, r.Judgement.Explanation},
		Archived:  r.Archived, MemberIDs: r.MemberIDs, MeasureIDs: r.MeasureIDs,
		FollowUpPoints: pointsTo(r.FollowUpPoints), Impact: r.Impact,

		Meetings:        convert(r.Meetings, meetingTo),
		Evidence:        convert(r.Evidence, evidenceTo),
		Findings:        convert(r.Findings, findingTo),
		Standards:       convert(r.Standards, standardTo),
		Surveys:         convert(r.Surveys, surveyTo),
		Recommendations: convert(r.Recommendations, recTo),
		Criteria:        convert(r.Criteria, criterionTo),
	}
}

// reviewFrom validates and converts one bundle review.
func reviewFrom(b *bReview) (*review.Review, error) {
	c := &checker{where: "a review"}
	c.id("review", b.ID)
	if c.err != nil {
		return nil, c.err
	}
	c.where = fmt.Sprintf("review %q", b.Topic)
	if utf8.RuneCountInString(b.Topic) > 200 {
		c.where = fmt.Sprintf("review %s", b.ID)
	}
	r := reviewHeaderFrom(c, b)
	c.list("meetings", len(b.Meetings))
	c.list("evidence items", len(b.Evidence))
	c.list("findings", len(b.Findings))
	c.list("surveys", len(b.Surveys))
	r.Meetings = fromBundle(c, b.Meetings, meetingFrom)
	r.Evidence = fromBundle(c, b.Evidence, evidenceFrom)
	r.Findings = fromBundle(c, b.Findings, findingFrom)
	r.Standards = fromBundle(c, b.Standards, standardFrom)
	r.Surveys = fromBundle(c, b.Surveys, surveyFrom)
	r.Recommendations = fromBundle(c, b.Recommendations, recFrom)
	r.Criteria = fromBundle(c, b.Criteria, criterionFrom)
	if c.err != nil {
		return nil, c.err
	}
	return r, nil
}

func reviewHeaderFrom(c *checker, b *bReview) *review.Review {
	r := &review.Review{
		ID: b.ID, Topic: b.Topic, Landlord: b.Landlord, ServiceArea: b.ServiceArea, WhyArea: b.WhyArea,
		Start: c.date(b.Start), End: c.date(b.End), BoardDate: c.date(b.BoardDate), Stage: word(c, "stage", review.Stage(b.Stage), review.Stages),
		Introduction: b.Introduction, Approach: b.Approach, Summary: b.Summary,
		Scope: review.Scope{Aim: b.Scope.Aim, Objectives: nilIfEmpty(b.Scope.Objectives),
			FocusAreas: nilIfEmpty(b.Scope.FocusAreas), OutOfScope: nilIfEmpty(b.Scope.OutOfScope)},
		Archived: b.Archived, MemberIDs: nilIfEmpty(b.MemberIDs), MeasureIDs: nilIfEmpty(b.MeasureIDs),
		Impact: b.Impact,
	}
	c.list("follow-up points", len(b.FollowUpPoints))
	for _, p := range b.FollowUpPoints {
		c.id("follow-up point", p.ID)
	}
	var err error
	r.FollowUpPoints, err = pointsFrom(b.FollowUpPoints)
	c.fail(err)
	r.Judgement.Level, err = review.ParseLevel(b.Judgement.Level)
	c.fail(err)
	r.Judgement.Word, r.Judgement.Explanation = b.Judgement.Word, b.Judgement.Explanation
	return r
}

// jPoint is a follow-up point, in the reviews row and in the bundle.
type jPoint struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
	Due   string `json:"due,omitempty"`
	Held  string `json:"held,omitempty"`
}

func pointsTo(a []review.FollowUpPoint) []jPoint {
	return convert(a, func(p review.FollowUpPoint) jPoint { return jPoint{p.ID, p.Label, p.Due.String(), p.Held.String()} })
}

func pointsFrom(a []jPoint) ([]review.FollowUpPoint, error) {
	if len(a) == 0 {
		return nil, nil
	}
	out := make([]review.FollowUpPoint, len(a))
	for i, p := range a {
		due, err := parseISO(p.Due)
		if err != nil {
			return nil, err
		}
		held, err := parseISO(p.Held)
		if err != nil {
			return nil, err
		}
		out[i] = review.FollowUpPoint{ID: p.ID, Label: p.Label, Due: due, Held: held}
	}
	return out, nil
}

func fillPointIDs(r *review.Review) {
	for i := range r.FollowUpPoints {
		fillID(&r.FollowUpPoints[i].ID)
	}
}
