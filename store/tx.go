package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
)

func newID() string { return uuid.Must(uuid.NewV7()).String() }

func nowMs() int64 { return time.Now().UnixMilli() }

var errClosed = &plainError{msg: "The database file is closed."}

func readOnlyError() error {
	return &plainError{msg: "This file is open for reading only: nothing was saved.", cause: []error{ErrReadOnly}}
}

// write runs fn in one short IMMEDIATE transaction and counts the commit.
// The caller may say "saved" only when it returns nil. A busy file is
// retried once on top of SQLite's own five-second busy timeout.
func (s *Store) write(ctx context.Context, what string, fn func(tx *wtx) error) error {
	if s == nil || s.db == nil {
		return errClosed
	}
	if s.readOnly {
		return readOnlyError()
	}
	var err error
	for attempt := 0; attempt < 2; attempt++ {
		var missed []string
		missed, err = s.tryWrite(ctx, fn)
		s.prepareMissed(ctx, missed)
		if err == nil {
			s.commits.Add(1)
			return nil
		}
		if !isBusy(err) || ctx.Err() != nil {
			break
		}
	}
	return wrapErr(err, what)
}

func (s *Store) tryWrite(ctx context.Context, fn func(tx *wtx) error) ([]string, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	w := &wtx{Tx: tx, s: s}
	if err := fn(w); err != nil {
		tx.Rollback()
		return w.missed, err
	}
	return w.missed, tx.Commit()
}

// read runs fn in a read transaction, so everything it reads comes from
// one consistent snapshot even while another process writes.
func (s *Store) read(ctx context.Context, what string, fn func(tx *wtx) error) error {
	if s == nil || s.db == nil {
		return errClosed
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return wrapErr(err, what)
	}
	w := &wtx{Tx: tx, s: s}
	err = fn(w)
	tx.Rollback()
	s.prepareMissed(ctx, w.missed)
	return wrapErr(err, what)
}

// wtx is a transaction that runs the hot statements (registered with
// hot) from the store's prepared set instead of compiling the SQL again
// each time: compiling was a quarter of a saved edit's CPU. A statement is
// prepared after its first use, once the transaction has given the one
// connection back, so opening the file stays cheap.
type wtx struct {
	*sql.Tx
	s      *Store
	missed []string
}

func (t *wtx) stmt(ctx context.Context, q string) *sql.Stmt {
	if _, ok := hotSet[q]; !ok {
		return nil
	}
	t.s.mu.RLock()
	p := t.s.stmts[q]
	t.s.mu.RUnlock()
	if p == nil {
		t.missed = append(t.missed, q)
		return nil
	}
	return t.Tx.StmtContext(ctx, p)
}

func (t *wtx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if p := t.stmt(ctx, q); p != nil {
		return p.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, q, args...)
}

func (t *wtx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if p := t.stmt(ctx, q); p != nil {
		return p.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, q, args...)
}

func (t *wtx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	if p := t.stmt(ctx, q); p != nil {
		return p.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, q, args...)
}

// hotSet holds the statements worth preparing once per store.
var hotSet = map[string]struct{}{}

func hot(q string) string {
	hotSet[q] = struct{}{}
	return q
}

// prepareMissed prepares the hot statements a finished transaction ran
// unprepared. One that cannot be prepared (a write on a read-only file)
// simply keeps running unprepared.
func (s *Store) prepareMissed(ctx context.Context, missed []string) {
	for _, q := range missed {
		s.mu.RLock()
		_, done := s.stmts[q]
		s.mu.RUnlock()
		if done {
			continue
		}
		st, err := s.db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		s.mu.Lock()
		if s.stmts == nil {
			s.stmts = map[string]*sql.Stmt{}
		}
		if _, dup := s.stmts[q]; dup {
			st.Close()
		} else {
			s.stmts[q] = st
		}
		s.mu.Unlock()
	}
}

var touchReviewSQL = hot("UPDATE reviews SET updated_at = ? WHERE id = ? AND deleted_at IS NULL")

// touchReview marks a review as edited now; it fails with ErrNotFound when
// the review does not exist or is in the bin.
func touchReview(ctx context.Context, tx *wtx, reviewID string) error {
	res, err := tx.ExecContext(ctx, touchReviewSQL, nowMs(), reviewID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("review", reviewID)
	}
	return nil
}

func notFound(what, id string) error {
	return &plainError{msg: fmt.Sprintf("The %s was not found (it may have been deleted).", what), cause: []error{ErrNotFound}}
}

// upsertSQL builds the insert-or-update for one list item. A new row goes
// to the end of its list; an existing row keeps its place, and may only be
// updated through the parent it belongs to.
func upsertSQL(table, parent string, cols []string) string {
	return fmt.Sprintf("INSERT INTO %[1]s (id, %[2]s, position%[3]s) VALUES (?, ?, %[4]s%[5]s) "+
		"ON CONFLICT (id) DO UPDATE SET %[6]s WHERE %[1]s.%[2]s = excluded.%[2]s",
		table, parent, commaCols(cols), nextPosition(table, parent), placeholders(len(cols)), excludedCols(cols))
}

// nextPosition is the SQL for the place after the last item of a list,
// binned items included so a restored item never collides with a new one.
// It takes the parent ID twice. Each half is an index seek or a short scan
// of (parent, deleted_at, position): live items by MAX, binned ones few.
func nextPosition(table, parent string) string {
	return fmt.Sprintf("MAX(COALESCE((SELECT MAX(position) FROM %[1]s WHERE %[2]s = ? AND deleted_at IS NULL), -1), "+
		"COALESCE((SELECT MAX(position) FROM %[1]s WHERE %[2]s = ? AND deleted_at IS NOT NULL), -1)) + 1", table, parent)
}

// importBatchSQL is importSQL for n rows in one statement.
func importBatchSQL(table, parent string, cols []string, n int) string {
	q := importSQL(table, parent, cols)
	i := strings.Index(q, ") ON CONFLICT")
	row := "(?, ?" + strings.Repeat(", ?", len(cols)+1) + ")"
	return q[:i+1] + strings.Repeat(", "+row, n-1) + q[i+1:]
}

// importSQL builds the merge used by imports: the position comes from the
// bundle, and a row whose values are all equal is left alone, so
// RowsAffected tells added-or-changed from unchanged.
func importSQL(table, parent string, cols []string) string {
	all := append([]string{"position"}, cols...)
	return fmt.Sprintf("INSERT INTO %[1]s (id, %[2]s%[3]s) VALUES (?, ?%[4]s) "+
		"ON CONFLICT (id) DO UPDATE SET %[5]s WHERE %[1]s.%[2]s = excluded.%[2]s AND NOT (%[6]s)",
		table, parent, commaCols(all), placeholders(len(all)), excludedCols(all), sameCols(table, all))
}

// Column lists shared by Save*, imports and loads.
var (
	meetingCols  = []string{"held_on", "start_time", "end_time", "venue", "attendees", "apologies", "agenda", "notes", "decisions", "expenses"}
	evidenceCols = []string{"kind", "title", "held_on", "who", "notes"}
	findingCols  = []string{"kind", "body", "evidence_ids"}
	standardCols = []string{"promise", "target", "actual", "period", "source", "verdict", "evidence_id"}
	surveyCols   = []string{"name", "held_on", "channel", "sent", "evidence_id", "high", "low", "questions"}
	respCols     = []string{"attrs", "answers"}
	recCols      = []string{"body", "sub_points", "finding_ids", "board_response", "actions"}
	critCols     = []string{"name", "level", "rationale", "votes"}
	memberCols   = []string{"name", "role", "joined_on", "left_on", "notes"}
	reviewCols   = []string{"topic", "service_area", "why_area", "start_on", "end_on", "board_on", "stage",
		"introduction", "approach", "summary", "aim", "objectives", "focus_areas", "out_of_scope",
		"judgement_level", "judgement_word", "judgement_explanation", "archived", "member_ids"}
)

// respBatch is how many respondents a bundle import merges per statement.
const respBatch = 64

// Prebuilt statements text, so the hot paths do no string building.
var (
	upsertMeeting  = hot(upsertSQL("meetings", "review_id", meetingCols))
	upsertEvidence = hot(upsertSQL("evidence", "review_id", evidenceCols))
	upsertFinding  = hot(upsertSQL("findings", "review_id", findingCols))
	upsertStandard = hot(upsertSQL("standards", "review_id", standardCols))
	upsertSurvey   = hot(upsertSQL("surveys", "review_id", surveyCols))
	upsertResp     = hot(upsertSQL("respondents", "survey_id", respCols))
	upsertRec      = hot(upsertSQL("recommendations", "review_id", recCols))
	upsertCrit     = hot(upsertSQL("criteria", "review_id", critCols))

	importMeeting  = importSQL("meetings", "review_id", meetingCols)
	importEvidence = importSQL("evidence", "review_id", evidenceCols)
	importFinding  = importSQL("findings", "review_id", findingCols)
	importStandard = importSQL("standards", "review_id", standardCols)
	importSurvey   = importSQL("surveys", "review_id", surveyCols)
	importResp     = importSQL("respondents", "survey_id", respCols)
	// Respondents are merged respBatch rows per statement: there can be
	// a hundred thousand of them.
	importRespBatch = importBatchSQL("respondents", "survey_id", respCols, respBatch)
	importRec       = importSQL("recommendations", "review_id", recCols)
	importCrit      = importSQL("criteria", "review_id", critCols)
)
