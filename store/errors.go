package store

import (
	"context"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// plainError carries a sentence a volunteer can act on while keeping the
// underlying cause reachable through errors.Is / errors.As.
type plainError struct {
	msg   string
	cause []error
}

func (e *plainError) Error() string   { return e.msg }
func (e *plainError) Unwrap() []error { return e.cause }

// ErrDiskFull is wrapped by errors caused by a full disk.
var ErrDiskFull = errors.New("the disk is full")

// ErrBusy is wrapped when another program held the file for too long.
var ErrBusy = errors.New("the file is busy")

// ErrDamaged is wrapped when SQLite reports the file as corrupt.
var ErrDamaged = errors.New("the file is damaged")

// wrapErr turns an SQLite error into plain English. what describes the
// operation ("save the evidence"); it is used only for the generic case.
func wrapErr(err error, what string) error {
	if err == nil {
		return nil
	}
	var pe *plainError
	var re *refusal
	if errors.As(err, &pe) || errors.As(err, &re) {
		return err
	}
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrReadOnly) || errors.Is(err, ErrLocked) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &plainError{msg: "The operation was stopped before it finished: nothing was saved.", cause: []error{err}}
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return &plainError{msg: fmt.Sprintf("Could not %s: %v", what, err), cause: []error{err}}
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_FULL:
		return &plainError{msg: "The disk is full: nothing was saved. Free some space and try again.", cause: []error{ErrDiskFull, err}}
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return &plainError{msg: "The file is busy: another program kept it locked for too long. Nothing was saved; try again in a moment.", cause: []error{ErrBusy, err}}
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return &plainError{msg: "This file is open for reading only: nothing was saved.", cause: []error{ErrReadOnly, err}}
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return &plainError{msg: "The file is damaged and could not be read safely. Restore it from a backup.", cause: []error{ErrDamaged, err}}
	case sqlite3.SQLITE_IOERR:
		return &plainError{msg: "The disk could not be read or written (is it unplugged or failing?): nothing was saved.", cause: []error{err}}
	case sqlite3.SQLITE_CANTOPEN:
		return &plainError{msg: "The file could not be opened: check the folder exists and you are allowed to use it.", cause: []error{err}}
	case sqlite3.SQLITE_CONSTRAINT:
		return &plainError{msg: fmt.Sprintf("Could not %s: it refers to something that does not exist or is already there.", what), cause: []error{err}}
	}
	return &plainError{msg: fmt.Sprintf("Could not %s: %v", what, err), cause: []error{err}}
}

func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
	}
	return false
}
