package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"scrutiny/review"
)

// ErrChanged is wrapped when a save is refused because the very column it
// would write was changed by someone else (an import, another copy of the
// app) since the caller read it. Nothing was written; the caller is given
// the row as it is now, so it can show it and decide again.
var ErrChanged = errors.New("changed by someone else")

// The workspace edits one field at a time while other writers (an import,
// `survey import`, a second editor after a restart) may change the same
// row. Rewriting the whole row from the editor's memory would silently
// undo their work, so a field edit is a patch: the row as the editor last
// saw it (before) and as it wants it (after). Only the columns that differ
// between the two are written, and only if each still holds its before
// value (or already holds the after value).

// patchRow applies one patch to the row id of t (a child of parentID when t
// has a parent). It returns the row as stored afterwards, or, with an error
// wrapping ErrChanged, as stored now.
func patchRow[T any](ctx context.Context, s *Store, t table, parentID, id string, before, after []any,
	read func(tx *wtx) (T, error), vals func(*T) []any) (T, error) {
	var out T
	if len(before) != len(t.cols) || len(after) != len(t.cols) {
		return out, fmt.Errorf("patch of %s: %d and %d values for %d columns", t.name, len(before), len(after), len(t.cols))
	}
	err := s.write(ctx, "save the "+t.what, func(tx *wtx) error {
		if t.parent != "" {
			if err := touchReview(ctx, tx, parentID); err != nil {
				return err
			}
		}
		cur, err := read(tx)
		if err != nil {
			return err
		}
		now := vals(&cur)
		var set []string
		var args []any
		for i, c := range t.cols {
			if reflect.DeepEqual(before[i], after[i]) || reflect.DeepEqual(now[i], after[i]) {
				continue
			}
			if !reflect.DeepEqual(now[i], before[i]) {
				out = cur
				return &plainError{msg: fmt.Sprintf("This %s was changed elsewhere (by an import or another copy of scrutiny) while it was being edited, so it was not saved over.", t.what),
					cause: []error{ErrChanged}}
			}
			set = append(set, c+" = ?")
			args = append(args, after[i])
		}
		if len(set) == 0 {
			out = cur
			return nil
		}
		where := " WHERE id = ? AND deleted_at IS NULL"
		args = append(args, id)
		if t.parent != "" {
			where += " AND " + t.parent + " = ?"
			args = append(args, parentID)
		}
		if t.name == reviewTable.name {
			set = append(set, "updated_at = ?")
			args = append(args[:len(args)-1], nowMs(), id)
		}
		res, err := tx.ExecContext(ctx, "UPDATE "+t.name+" SET "+strings.Join(set, ", ")+where, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(t.what, id)
		}
		out, err = read(tx)
		return err
	})
	return out, err
}

// readOne reads one live row of t with scan; a row that is not there (or is
// in the bin) gives ErrNotFound.
func readOne[T any](ctx context.Context, tx *wtx, t table, parentID, id string, scan func(*sql.Rows) (T, error)) (T, error) {
	var out T
	q := "SELECT id" + commaCols(t.cols) + " FROM " + t.name + " WHERE id = ? AND deleted_at IS NULL"
	args := []any{id}
	if t.parent != "" {
		q += " AND " + t.parent + " = ?"
		args = append(args, parentID)
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return out, err
		}
		return out, notFound(t.what, id)
	}
	if out, err = scan(rows); err != nil {
		return out, badColumn(err)
	}
	return out, rows.Close()
}

func patchItem[T any](ctx context.Context, s *Store, t table, parentID, id string, before, after *T,
	vals func(*T) []any, scan func(*sql.Rows) (T, error)) (T, error) {
	return patchRow(ctx, s, t, parentID, id, vals(before), vals(after),
		func(tx *wtx) (T, error) { return readOne(ctx, tx, t, parentID, id, scan) }, vals)
}

// PatchReview saves the header fields that differ between before (the
// review as the caller last read it) and after. See patchRow.
func (s *Store) PatchReview(ctx context.Context, before, after *review.Review) (review.Review, error) {
	id := before.ID
	read := func(tx *wtx) (review.Review, error) {
		r := review.Review{ID: id}
		err := scanReviewHeader(tx.QueryRowContext(ctx, qReviewHeader, id), &r)
		if errors.Is(err, sql.ErrNoRows) {
			return r, notFound("review", id)
		}
		return r, err
	}
	return patchRow(ctx, s, reviewTable, "", id, reviewVals(before), reviewVals(after), read, reviewVals)
}

// PatchEvidence saves the fields of an evidence item that differ between
// before and after. See patchRow.
func (s *Store) PatchEvidence(ctx context.Context, reviewID string, before, after *review.Evidence) (review.Evidence, error) {
	return patchItem(ctx, s, evidenceTable, reviewID, before.ID, before, after, evidenceVals, scanEvidence)
}

// PatchFinding saves the fields of a finding that differ between before
// and after. See patchRow.
func (s *Store) PatchFinding(ctx context.Context, reviewID string, before, after *review.Finding) (review.Finding, error) {
	return patchItem(ctx, s, findingTable, reviewID, before.ID, before, after, findingVals, scanFinding)
}

// PatchRecommendation saves the fields of a recommendation that differ
// between before and after. See patchRow.
func (s *Store) PatchRecommendation(ctx context.Context, reviewID string, before, after *review.Recommendation) (review.Recommendation, error) {
	return patchItem(ctx, s, recTable, reviewID, before.ID, before, after, recVals, scanRec)
}

// PatchCriterion saves the fields of a criterion that differ between
// before and after. See patchRow.
func (s *Store) PatchCriterion(ctx context.Context, reviewID string, before, after *review.Criterion) (review.Criterion, error) {
	if err := after.CheckLimits(); err != nil {
		return *before, limitError("criterion", err)
	}
	return patchItem(ctx, s, criterionTable, reviewID, before.ID, before, after, critVals, scanCriterion)
}

// PatchStandard saves the fields of a service standard that differ between
// before and after. See patchRow.
func (s *Store) PatchStandard(ctx context.Context, reviewID string, before, after *review.Standard) (review.Standard, error) {
	return patchItem(ctx, s, standardTable, reviewID, before.ID, before, after, standardVals, scanStandard)
}

// PatchMeeting saves the fields of a meeting that differ between before
// and after. See patchRow.
func (s *Store) PatchMeeting(ctx context.Context, reviewID string, before, after *review.Meeting) (review.Meeting, error) {
	if err := after.CheckLimits(); err != nil {
		return *before, limitError("meeting", err)
	}
	return patchItem(ctx, s, meetingTable, reviewID, before.ID, before, after, meetingVals, scanMeeting)
}

// PatchMember saves the fields of a roster entry that differ between
// before and after. See patchRow.
func (s *Store) PatchMember(ctx context.Context, before, after *review.Member) (review.Member, error) {
	return patchItem(ctx, s, memberTable, "", before.ID, before, after, memberVals, scanMember)
}

// OthersVersion changes when another connection or process commits to the
// file, and not when this store does (PRAGMA data_version on the one
// connection), so an editor can tell an import made elsewhere from its own
// saves.
func (s *Store) OthersVersion(ctx context.Context) (int64, error) {
	if s.closed() {
		return 0, errClosed
	}
	var v int64
	if err := s.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, wrapErr(err, "check for changes")
	}
	return v, nil
}

// limitError is a save refused because a number is outside the limits
// every way in is held to (review.CheckLimits).
func limitError(what string, err error) error {
	return &plainError{msg: fmt.Sprintf("The %s was not saved: %v.", what, err)}
}
