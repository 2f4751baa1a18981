package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// A damaged file can look sound where it is read (the list of reviews)
// and be broken where it is not; SQLite would still write into it, and
// every write risks spreading the damage over what can still be saved.
// So before its first write a store checks the whole file once (PRAGMA
// quick_check, about 0.1 s on the largest synthetic file), and any error
// that says "damaged" on the way marks it too; from then on it refuses
// every write. Reading stays possible: the panel may still copy out what
// it can.

type damage struct {
	once    sync.Once
	found   atomic.Bool
	problem atomic.Value // string: the first problem found
}

// Damaged reports whether the store has found the file damaged.
func (s *Store) Damaged() bool { return s.dmg.found.Load() }

// CheckSound checks the whole file once (later calls return the first
// answer) and reports whether it is damaged, with the first problem.
func (s *Store) CheckSound(ctx context.Context) (bool, string) {
	s.dmg.once.Do(func() {
		if s.closed() {
			return
		}
		var line string
		err := s.db.QueryRowContext(context.WithoutCancel(ctx), "PRAGMA quick_check(1)").Scan(&line)
		switch {
		case err != nil && errors.Is(wrapErr(err, ""), ErrDamaged):
			s.markDamaged(err.Error())
		case err == nil && line != "ok":
			s.markDamaged(strings.Join(problemLines(line), "; "))
		}
	})
	if !s.dmg.found.Load() {
		return false, ""
	}
	p, _ := s.dmg.problem.Load().(string)
	return true, p
}

func (s *Store) markDamaged(problem string) {
	if s.dmg.found.CompareAndSwap(false, true) {
		s.dmg.problem.Store(problem)
	}
}

// noteDamage marks the store when err says the file is damaged, and
// returns err.
func (s *Store) noteDamage(err error) error {
	if err != nil && errors.Is(err, ErrDamaged) {
		s.markDamaged(err.Error())
	}
	return err
}

func (s *Store) damagedError() error {
	return &plainError{msg: fmt.Sprint("The file is damaged, so nothing was written to it (writing could spread the damage). " +
		"Keep it as it is, and restore your latest backup to a new file; \"scrutiny check\" lists the problems."),
		cause: []error{ErrDamaged}}
}

// checkLines lists every problem PRAGMA integrity_check finds (not only
// the first hundred), or, when the check itself cannot read the file, that.
func (s *Store) checkLines(ctx context.Context) []string {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check(1000000)")
	if err != nil {
		return []string{"the file could not be read: " + err.Error()}
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return append(out, "the check could not go on: "+err.Error())
		}
		out = append(out, problemLines(line)...)
	}
	if err := rows.Err(); err != nil {
		out = append(out, "the check could not go on: "+err.Error())
	}
	return out
}

// problemLines splits what SQLite's checks say into one problem a line,
// without the heading it puts before them.
func problemLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "*** in database") {
			out = append(out, l)
		}
	}
	return out
}
