package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// kinds names each table whose rows can be deleted, moved and restored.
var kinds = map[Kind]table{
	KindReview:         reviewTable,
	KindMember:         memberTable,
	KindMeeting:        meetingTable,
	KindEvidence:       evidenceTable,
	KindFinding:        findingTable,
	KindStandard:       standardTable,
	KindSurvey:         surveyTable,
	KindRespondent:     respondentTable,
	KindRecommendation: recTable,
	KindCriterion:      criterionTable,
	KindMeasure:        measureTable,
	KindResult:         resultTable,
}

// binOrder fixes the order Bin reads the tables in, for stable output.
var binOrder = []Kind{KindReview, KindMember, KindMeeting, KindEvidence, KindFinding, KindStandard,
	KindSurvey, KindRespondent, KindRecommendation, KindCriterion, KindMeasure, KindResult}

func lookupKind(k Kind) (table, error) {
	t, ok := kinds[k]
	if !ok {
		return t, &plainError{msg: fmt.Sprintf("%q is not something that can be deleted, moved or restored.", string(k))}
	}
	return t, nil
}

// touchParent marks the review an item belongs to as edited.
func touchParent(ctx context.Context, tx *wtx, t table, id string) error {
	var q string
	switch t.parent {
	case "review_id":
		q = "UPDATE reviews SET updated_at = ? WHERE id = (SELECT review_id FROM " + t.name + " WHERE id = ?)"
	case "survey_id":
		q = "UPDATE reviews SET updated_at = ? WHERE id = (SELECT s.review_id FROM surveys s JOIN respondents r ON r.survey_id = s.id WHERE r.id = ?)"
	default:
		return nil
	}
	_, err := tx.ExecContext(ctx, q, nowMs(), id)
	return err
}

// Delete moves an item (and what hangs off it) to the bin. Nothing is
// destroyed: the row is only marked, keeping its place for Restore.
func (s *Store) Delete(ctx context.Context, kind Kind, id string) error {
	t, err := lookupKind(kind)
	if err != nil {
		return err
	}
	return s.write(ctx, "delete the "+t.what, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "UPDATE "+t.name+" SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", nowMs(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(t.what, id)
		}
		return touchParent(ctx, tx, t, id)
	})
}

// Restore brings an item back from the bin to where it was.
func (s *Store) Restore(ctx context.Context, kind Kind, id string) error {
	t, err := lookupKind(kind)
	if err != nil {
		return err
	}
	return s.write(ctx, "restore the "+t.what, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "UPDATE "+t.name+" SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", id)
		if err != nil && kind == KindMeasure && strings.Contains(err.Error(), "UNIQUE") {
			return &plainError{msg: "The panel has another measure with this one's code now; change that code first, then restore this one.", cause: []error{err}}
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &plainError{msg: fmt.Sprintf("That %s is not in the bin.", t.what), cause: []error{ErrNotFound}}
		}
		if kind == KindReview {
			_, err = tx.ExecContext(ctx, "UPDATE reviews SET updated_at = ? WHERE id = ?", nowMs(), id)
			return err
		}
		return touchParent(ctx, tx, t, id)
	})
}

// Bin lists what has been deleted, most recent first.
func (s *Store) Bin(ctx context.Context) ([]BinItem, error) {
	var out []BinItem
	err := s.read(ctx, "list the bin", func(tx *wtx) error {
		for _, k := range binOrder {
			t := kinds[k]
			parent := "''"
			switch t.parent {
			case "review_id":
				parent = "review_id"
			case "survey_id":
				parent = "(SELECT review_id FROM surveys s WHERE s.id = survey_id)"
			}
			rows, err := tx.QueryContext(ctx, "SELECT id, "+parent+", "+t.label+", deleted_at FROM "+t.name+" WHERE deleted_at IS NOT NULL")
			if err != nil {
				return err
			}
			for rows.Next() {
				var b BinItem
				var ms int64
				if err := rows.Scan(&b.ID, &b.ReviewID, &b.Label, &ms); err != nil {
					rows.Close()
					return err
				}
				b.Kind = k
				b.Deleted = time.UnixMilli(ms)
				b.Label = shortLabel(b.Label)
				out = append(out, b)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Deleted.Equal(out[j].Deleted) {
			return out[i].Deleted.After(out[j].Deleted)
		}
		return out[i].ID > out[j].ID
	})
	return out, err
}

// shortLabel keeps the first words of a label on one line.
func shortLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// Move places item id at position index (0-based) within its list, shifting
// the others; used to reorder recommendations, evidence, criteria... Items
// in the bin keep their place between their neighbours, so a restored item
// comes back where it was.
func (s *Store) Move(ctx context.Context, kind Kind, id string, index int) error {
	t, err := lookupKind(kind)
	if err != nil {
		return err
	}
	if kind == KindReview {
		return &plainError{msg: "Reviews are listed by when they were last edited, so they cannot be moved."}
	}
	return s.write(ctx, "move the "+t.what, func(tx *wtx) error {
		var rows *sql.Rows
		var err error
		if t.parent == "" {
			rows, err = tx.QueryContext(ctx, "SELECT id, deleted_at IS NULL FROM "+t.name+" ORDER BY position, rowid")
		} else {
			rows, err = tx.QueryContext(ctx, "SELECT id, deleted_at IS NULL FROM "+t.name+" WHERE "+t.parent+
				" = (SELECT "+t.parent+" FROM "+t.name+" WHERE id = ?) ORDER BY position, rowid", id)
		}
		if err != nil {
			return err
		}
		type item struct {
			id   string
			live bool
		}
		var all []item
		found := false
		for rows.Next() {
			var it item
			if err := rows.Scan(&it.id, &it.live); err != nil {
				rows.Close()
				return err
			}
			if it.id == id {
				found = it.live
				continue
			}
			all = append(all, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if !found {
			return notFound(t.what, id)
		}
		// Insert before the live item now at index, or at the very end.
		at, live := len(all), 0
		for i, it := range all {
			if !it.live {
				continue
			}
			if live == index {
				at = i
				break
			}
			live++
		}
		all = append(all[:at], append([]item{{id, true}}, all[at:]...)...)
		stmt, err := tx.PrepareContext(ctx, "UPDATE "+t.name+" SET position = ? WHERE id = ? AND position IS NOT ?")
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, it := range all {
			if _, err := stmt.ExecContext(ctx, i, it.id, i); err != nil {
				return err
			}
		}
		return touchParent(ctx, tx, t, id)
	})
}
