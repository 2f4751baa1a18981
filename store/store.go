// Package store keeps reviews in one local SQLite file.
//
// This file holds the agreed types. Each table has a file of its own
// (reviews.go, evidence.go, respondents.go...) declaring its columns once,
// with the values written for a row, the scan that reads one back, its
// Save and load, and its part of the bundle; table.go builds every
// statement from those column lists. The rest is shared: opening and
// migrating (open.go, migrate.go), transactions (tx.go), the bin
// (bin.go), bundles (bundle.go, bundle_format.go) and backups (backup.go).
// Signatures may gain methods but should not change without telling the
// people using them (ui/, main.go).
package store

import (
	"database/sql"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"scrutiny/review"
)

// Options tune Open.
type Options struct {
	// ReadOnly opens the file for reading only (the "present" window, a
	// read-only file, or a second copy of the app).
	ReadOnly bool
	// Editor takes the editing lock: the interactive app sets it so a second
	// copy on the same file is refused (ErrLocked) and can offer to open
	// read-only instead. Headless commands leave it unset and rely on
	// SQLite's own locking and busy timeout, so they can safely write while
	// the app is open (the app sees their changes through DataVersion).
	Editor bool
}

// Store is an open database file.
type Store struct {
	shut     atomic.Bool // Close was called
	path     string
	readOnly bool
	// whyReadOnly is why the store chose to read only ("" when the
	// caller asked for it, or it may write).
	whyReadOnly string
	editor      bool // opened by the workspace: a short busy wait, one try
	db          *sql.DB
	unlock      func()
	mu          sync.RWMutex
	stmts       map[string]*sql.Stmt // hot statements, prepared once; see wtx
	// commits counts this store's own commits: PRAGMA data_version only
	// moves when other connections commit.
	commits atomic.Int64
	dmg     damage // what the check before the first write found (damage.go)
	// countsStored is whether the file keeps each review's counts in
	// review_counts: false only for an older file read without updating.
	countsStored bool
}

// ErrLocked means another copy of scrutiny has the file open for editing.
var ErrLocked = errors.New("another copy of scrutiny is already editing this file")

// ErrReadOnly is returned by every write on a read-only store.
var ErrReadOnly = errors.New("this file is open for reading only")

// ErrNotFound is returned when an ID names nothing (or only something in the bin).
var ErrNotFound = errors.New("not found")

// Path returns the database file path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused.
func (s *Store) ReadOnly() bool { return s.readOnly }

// ReadOnlyReason says, for a volunteer, why the store opened the file for
// reading only when it was not asked to ("the file is marked read-only");
// "" when it was asked to, or is writing.
func (s *Store) ReadOnlyReason() string { return s.whyReadOnly }

// Summary is one row of the home screen.
type Summary struct {
	ID                                  string
	Topic                               string
	Stage                               review.Stage
	Start, End, BoardDate               review.Date
	Archived                            bool
	Evidence, Findings, Recommendations int
	Updated                             time.Time
}

// Kind names a table of items that can be deleted, reordered and restored.
type Kind string

const (
	KindReview         Kind = "review"
	KindMember         Kind = "member"
	KindMeeting        Kind = "meeting"
	KindEvidence       Kind = "evidence"
	KindFinding        Kind = "finding"
	KindStandard       Kind = "standard"
	KindSurvey         Kind = "survey"
	KindRespondent     Kind = "respondent"
	KindRecommendation Kind = "recommendation"
	KindCriterion      Kind = "criterion"
	KindMeasure        Kind = "measure"
	KindResult         Kind = "result"
)

// BinItem is something in the bin.
type BinItem struct {
	Kind     Kind
	ID       string
	ReviewID string // empty for members and whole reviews
	Label    string // a short description: the title, topic or first words
	Deleted  time.Time
}

// ImportResult says what an import did. It is review.MergeResult so that
// code outside the store (the example data) can name the store's import
// method in an interface without importing the store.
type ImportResult = review.MergeResult
