package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/google/uuid"
)

func newID() string { return uuid.Must(uuid.NewV7()).String() }

func nowMs() int64 { return time.Now().UnixMilli() }

var errClosed = &plainError{msg: "The database file is closed."}

func (s *Store) readOnlyError() error {
	if s.whyReadOnly != "" {
		return &plainError{msg: "This file is open for reading only (" + s.whyReadOnly + "): nothing was saved.", cause: []error{ErrReadOnly}}
	}
	return &plainError{msg: "This file is open for reading only: nothing was saved.", cause: []error{ErrReadOnly}}
}

// write runs fn in one short IMMEDIATE transaction and counts the commit.
// The caller may say "saved" only when it returns nil. A busy file is
// retried once on top of SQLite's own five-second busy timeout.
func (s *Store) write(ctx context.Context, what string, fn func(tx *wtx) error) error {
	if s.closed() {
		return errClosed
	}
	if s.readOnly {
		return s.readOnlyError()
	}
	if damaged, _ := s.CheckSound(ctx); damaged {
		return s.damagedError()
	}
	var err error
	tries := 2
	if s.editor {
		tries = 1
	}
	for attempt := 0; attempt < tries; attempt++ {
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
	return s.noteDamage(wrapErr(err, what))
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

// DataVersion changes whenever another connection or process commits a
// change (PRAGMA data_version plus this store's own commit counter), so a
// read-only viewer can poll it cheaply and reload only on change.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	if s.closed() {
		return 0, errClosed
	}
	var v int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, wrapErr(err, "check for changes")
	}
	return v + s.commits.Load(), nil
}

// read runs fn in a read transaction, so everything it reads comes from
// one consistent snapshot even while another process writes.
func (s *Store) read(ctx context.Context, what string, fn func(tx *wtx) error) error {
	if s.closed() {
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
	return s.noteDamage(wrapErr(err, what))
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
