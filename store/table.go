package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// table describes one table of the schema. Its cols are the columns its
// values function writes and its scan function reads, in that order, after
// the id (and, for lists, the parent link and the position). Each table's
// file declares them once, beside those two functions, and every statement
// for the table is built from them, so a column can only be missed or
// misplaced within that one file.
type table struct {
	name   string
	parent string // the column linking a row to its review or survey; "" for top-level tables
	what   string // the item in messages: "service standard"
	label  string // SQL for the short description the bin shows
	cols   []string
}

// upsertSQL builds the insert-or-update for one list item. A new row goes
// to the end of its list; an existing row keeps its place, and may only be
// updated through the parent it belongs to. It takes the id, the parent ID
// three times (see nextPosition), then the values.
func (t table) upsertSQL() string {
	return fmt.Sprintf("INSERT INTO %[1]s (id, %[2]s, position%[3]s) VALUES (?, ?, %[4]s%[5]s) "+
		"ON CONFLICT (id) DO UPDATE SET %[6]s WHERE %[1]s.%[2]s = excluded.%[2]s",
		t.name, t.parent, commaCols(t.cols), nextPosition(t.name, t.parent), placeholders(len(t.cols)), excludedCols(t.cols))
}

// nextPosition is the SQL for the place after the last item of a list,
// binned items included so a restored item never collides with a new one.
// It takes the parent ID twice. Each half is an index seek or a short scan
// of (parent, deleted_at, position): live items by MAX, binned ones few.
func nextPosition(table, parent string) string {
	return fmt.Sprintf("MAX(COALESCE((SELECT MAX(position) FROM %[1]s WHERE %[2]s = ? AND deleted_at IS NULL), -1), "+
		"COALESCE((SELECT MAX(position) FROM %[1]s WHERE %[2]s = ? AND deleted_at IS NOT NULL), -1)) + 1", table, parent)
}

// insertSQL inserts n rows of id, parent, position and the values, followed
// by onConflict.
func (t table) insertSQL(n int, onConflict string) string {
	row := "(?, ?, ?" + placeholders(len(t.cols)) + ")"
	return "INSERT INTO " + t.name + " (id, " + t.parent + ", position" + commaCols(t.cols) + ") VALUES " +
		row + strings.Repeat(", "+row, n-1) + onConflict
}

// importSQL builds the merge used by imports for n rows at once: the
// position comes from the bundle, and a row whose values are all equal is
// left alone, so RowsAffected tells added-or-changed from unchanged. An
// item in the bin comes back out of it, as a review does: reporting it
// "updated" while it stayed hidden would mislead.
func (t table) importSQL(n int) string {
	all := append([]string{"position"}, t.cols...)
	return t.insertSQL(n, fmt.Sprintf(" ON CONFLICT (id) DO UPDATE SET %[3]s, deleted_at = NULL WHERE %[1]s.%[2]s = excluded.%[2]s AND (%[1]s.deleted_at IS NOT NULL OR NOT (%[4]s))",
		t.name, t.parent, excludedCols(all), sameCols(t.name, all)))
}

// selectSQL reads the id and the values of the live rows of one parent.
func (t table) selectSQL(orderBy string) string {
	return "SELECT id" + commaCols(t.cols) + " FROM " + t.name + " WHERE " + t.parent +
		" = ? AND deleted_at IS NULL ORDER BY " + orderBy
}

func commaCols(cols []string) string {
	s := ""
	for _, c := range cols {
		s += ", " + c
	}
	return s
}

func setCols(cols []string) string {
	s := ""
	for _, c := range cols {
		s += ", " + c + " = ?"
	}
	return s
}

func placeholders(n int) string {
	return strings.Repeat(", ?", n)
}

func excludedCols(cols []string) string {
	s := make([]string, len(cols))
	for i, c := range cols {
		s[i] = c + " = excluded." + c
	}
	return strings.Join(s, ", ")
}

func sameCols(table string, cols []string) string {
	s := make([]string, len(cols))
	for i, c := range cols {
		s[i] = table + "." + c + " IS excluded." + c
	}
	return strings.Join(s, " AND ")
}

// saveItem is the shared body of the list-item Save* methods: touch the
// review (which also proves it exists), then insert or update the row with
// stmt, t's upsertSQL. An empty *idp is given a fresh UUIDv7, written back
// only when the save succeeds.
func (s *Store) saveItem(ctx context.Context, t table, stmt, reviewID string, idp *string, vals []any) error {
	id := *idp
	if id == "" {
		id = newID()
	}
	err := s.write(ctx, "save the "+t.what, func(tx *wtx) error {
		if err := touchReview(ctx, tx, reviewID); err != nil {
			return err
		}
		return execItem(ctx, tx, t.what, stmt, id, reviewID, vals)
	})
	if err == nil {
		*idp = id
	}
	return err
}

func execItem(ctx context.Context, tx *wtx, what, stmt, id, parentID string, vals []any) error {
	args := make([]any, 0, len(vals)+4)
	args = append(args, id, parentID, parentID, parentID)
	res, err := tx.ExecContext(ctx, stmt, append(args, vals...)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return &plainError{msg: fmt.Sprintf("This %s belongs to another review or survey, so it was not saved here.", what)}
	}
	return nil
}

// fillID gives an empty ID a fresh UUIDv7.
func fillID(id *string) {
	if *id == "" {
		*id = newID()
	}
}

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

// loadList appends to *into every live row of one parent that q selects.
func loadList[T any](ctx context.Context, tx *wtx, q, parentID string, scan func(*sql.Rows) (T, error), into *[]T) error {
	return each(ctx, tx, q, parentID, func(rows *sql.Rows) error {
		v, err := scan(rows)
		if err != nil {
			return err
		}
		*into = append(*into, v)
		return nil
	})
}

func badColumn(err error) error {
	return &plainError{msg: fmt.Sprintf("Part of this review could not be read (%v). Run a check of the file.", err), cause: []error{ErrDamaged, err}}
}
