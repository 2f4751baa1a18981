// Package store keeps reviews in one local SQLite file.
//
// THIS FILE IS THE AGREED API. Bodies are placeholders until the store work
// lands; signatures may gain methods but should not change without telling
// the people using them (ui/, main.go).
package store

import (
	"context"
	"errors"
	"io"
	"time"

	"scrutiny/review"
)

var errNotYet = errors.New("store: not implemented yet")

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
	path     string
	readOnly bool
}

// Open opens or creates the database at path (creating its folder). It
// refuses, without changing a byte, a file that is not a scrutiny database,
// a zero-byte file, or one written by a newer version; the error names the
// file and the reason in plain English. A file the user cannot write opens
// read-only (ReadOnly() reports it). When another copy of the app is
// already editing the file, Open returns an error wrapping ErrLocked unless
// opts.ReadOnly is set. Only an Editor open takes or checks that lock.
func Open(path string, opts Options) (*Store, error) { return nil, errNotYet }

// ErrLocked means another copy of scrutiny has the file open for editing.
var ErrLocked = errors.New("another copy of scrutiny is already editing this file")

// ErrReadOnly is returned by every write on a read-only store.
var ErrReadOnly = errors.New("this file is open for reading only")

// ErrNotFound is returned when an ID names nothing (or only something in the bin).
var ErrNotFound = errors.New("not found")

// Close closes the file and releases the editing lock.
func (s *Store) Close() error { return errNotYet }

// Path returns the database file path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused.
func (s *Store) ReadOnly() bool { return s.readOnly }

// DataVersion changes whenever another connection or process commits a
// change (PRAGMA data_version plus this store's own commit counter), so a
// read-only viewer can poll it cheaply and reload only on change.
func (s *Store) DataVersion(ctx context.Context) (int64, error) { return 0, errNotYet }

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

// ListReviews returns every review not in the bin, newest first.
func (s *Store) ListReviews(ctx context.Context) ([]Summary, error) { return nil, errNotYet }

// LoadReview returns the whole aggregate: header, scope, members (roster
// entries for MemberIDs), meetings, evidence, findings, standards, surveys
// with questions and respondents, recommendations, criteria; each list in
// its saved order, none of it from the bin.
func (s *Store) LoadReview(ctx context.Context, id string) (*review.Review, error) {
	return nil, errNotYet
}

// CreateReview inserts a new review header (and its scope, judgement and
// MemberIDs). An empty r.ID is given a fresh UUIDv7, written back into r.
func (s *Store) CreateReview(ctx context.Context, r *review.Review) error { return errNotYet }

// SaveReview updates the header fields of an existing review: topic, service
// area, why, dates, stage, introduction, approach, summary, scope, judgement,
// archived, MemberIDs. It does not touch the lists.
func (s *Store) SaveReview(ctx context.Context, r *review.Review) error { return errNotYet }

// Each Save* below is one short transaction: insert when the ID is empty or
// unknown (an empty ID is filled with a fresh UUIDv7, written back), update
// otherwise. New items go to the end of their list.

func (s *Store) SaveMember(ctx context.Context, m *review.Member) error { return errNotYet }

// ListMembers returns the whole roster, including members who have left.
func (s *Store) ListMembers(ctx context.Context) ([]review.Member, error) { return nil, errNotYet }

func (s *Store) SaveMeeting(ctx context.Context, reviewID string, m *review.Meeting) error {
	return errNotYet
}
func (s *Store) SaveEvidence(ctx context.Context, reviewID string, e *review.Evidence) error {
	return errNotYet
}
func (s *Store) SaveFinding(ctx context.Context, reviewID string, f *review.Finding) error {
	return errNotYet
}
func (s *Store) SaveStandard(ctx context.Context, reviewID string, st *review.Standard) error {
	return errNotYet
}

// SaveSurvey saves the survey and its questions (not respondents).
func (s *Store) SaveSurvey(ctx context.Context, reviewID string, sv *review.Survey) error {
	return errNotYet
}

// AddRespondents appends respondents to a survey in one transaction: all or
// nothing. It is the path for CSV imports and the fast entry grid.
func (s *Store) AddRespondents(ctx context.Context, surveyID string, rs []review.Respondent) error {
	return errNotYet
}

// SaveRespondent inserts or updates one respondent's answers.
func (s *Store) SaveRespondent(ctx context.Context, surveyID string, r *review.Respondent) error {
	return errNotYet
}

// SaveRecommendation saves the text, sub-points (in order), finding links,
// board response and actions.
func (s *Store) SaveRecommendation(ctx context.Context, reviewID string, rec *review.Recommendation) error {
	return errNotYet
}
func (s *Store) SaveCriterion(ctx context.Context, reviewID string, c *review.Criterion) error {
	return errNotYet
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
)

// Move places item id at position index (0-based) within its list, shifting
// the others; used to reorder recommendations, evidence, criteria...
func (s *Store) Move(ctx context.Context, kind Kind, id string, index int) error { return errNotYet }

// Delete moves an item (and what hangs off it) to the bin.
func (s *Store) Delete(ctx context.Context, kind Kind, id string) error { return errNotYet }

// BinItem is something in the bin.
type BinItem struct {
	Kind     Kind
	ID       string
	ReviewID string // empty for members and whole reviews
	Label    string // a short description: the title, topic or first words
	Deleted  time.Time
}

// Bin lists what has been deleted, most recent first.
func (s *Store) Bin(ctx context.Context) ([]BinItem, error) { return nil, errNotYet }

// Restore brings an item back from the bin to where it was.
func (s *Store) Restore(ctx context.Context, kind Kind, id string) error { return errNotYet }

// Backup writes a consistent copy of the database to dest (VACUUM INTO, then
// fsync), refusing to overwrite an existing file.
func (s *Store) Backup(ctx context.Context, dest string) error { return errNotYet }

// Check runs PRAGMA integrity_check and returns its lines ("ok" when sound).
func (s *Store) Check(ctx context.Context) ([]string, error) { return nil, errNotYet }

// ExportBundle writes a JSON bundle of the given reviews (all when ids is
// empty), streaming so memory stays flat on large databases.
func (s *Store) ExportBundle(ctx context.Context, w io.Writer, ids ...string) error {
	return errNotYet
}

// ImportResult says what an import did.
type ImportResult struct {
	Reviews, Added, Updated, Unchanged int
}

// ImportReviews merges whole aggregates by ID in one transaction (the same
// merge ImportBundle uses). The example review and the synthetic large data
// are loaded this way. Respondents are included.
func (s *Store) ImportReviews(ctx context.Context, rs ...*review.Review) (ImportResult, error) {
	return ImportResult{}, errNotYet
}

// ImportBundle merges a bundle by ID in one transaction: importing the same
// bundle twice changes nothing.
func (s *Store) ImportBundle(ctx context.Context, r io.Reader) (ImportResult, error) {
	return ImportResult{}, errNotYet
}

// Setting and SetSetting keep small preferences (theme, last review,
// where the editor is for the present window) in the database.
func (s *Store) Setting(ctx context.Context, key string) (string, error) { return "", errNotYet }
func (s *Store) SetSetting(ctx context.Context, key, value string) error { return errNotYet }
