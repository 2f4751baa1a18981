package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Backup writes a consistent copy of the database to dest (VACUUM INTO a
// temporary file in dest's folder, fsync, then rename), refusing to
// overwrite an existing file. A half-written copy never appears under dest.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if s.closed() {
		return errClosed
	}
	if _, err := os.Stat(dest); err == nil {
		return backupExists(dest)
	}
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &plainError{msg: fmt.Sprintf("Cannot create the folder %q: %v", dir, err), cause: []error{err}}
	}
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(dir, "."+filepath.Base(dest)+".part-"+hex.EncodeToString(rnd[:]))
	defer os.Remove(tmp)
	if err := s.vacuumInto(ctx, tmp); err != nil {
		return wrapErr(err, "write the backup")
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := os.Link(tmp, dest); err != nil {
		// Another file may have taken the name since the check above.
		if _, serr := os.Stat(dest); errors.Is(err, fs.ErrExist) || serr == nil {
			return backupExists(dest)
		}
		if err := os.Rename(tmp, dest); err != nil {
			return &plainError{msg: fmt.Sprintf("Cannot write the backup %q: %v", dest, err), cause: []error{err}}
		}
	}
	syncDir(dir)
	return nil
}

func backupExists(dest string) error {
	return &plainError{msg: fmt.Sprintf("%q already exists: choose a new name for the backup, nothing was overwritten.", dest), cause: []error{fs.ErrExist}}
}

// Check lists every problem it finds in the file: each line of PRAGMA
// integrity_check, each row that refers to a row that does not exist, and
// each review that cannot be read whole or holds numbers or text beyond
// the limits every way in is held to. A sound file gives []string{"ok"}.
// Finding problems is not an error; an error means the check itself could
// not run.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	if s.closed() {
		return nil, errClosed
	}
	var out []string
	if lines := s.checkLines(ctx); !(len(lines) == 1 && lines[0] == "ok") {
		out = append(out, lines...)
	}
	if err := ctx.Err(); err != nil {
		return nil, wrapErr(err, "check the file")
	}
	// Links between rows are checked too: a broken reference is damage.
	if frows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check"); err != nil {
		out = append(out, "the links between rows could not be checked: "+err.Error())
	} else {
		for frows.Next() {
			var table, parent string
			var rowid sql.NullInt64
			var fk int
			if err := frows.Scan(&table, &rowid, &parent, &fk); err != nil {
				out = append(out, "the links between rows could not be checked: "+err.Error())
				break
			}
			out = append(out, fmt.Sprintf("row %d of %s refers to a row of %s that does not exist", rowid.Int64, table, parent))
		}
		if err := frows.Err(); err != nil {
			out = append(out, "the links between rows could not be checked: "+err.Error())
		}
		frows.Close()
	}
	// Every review, read as the app reads it.
	var ids []string
	err := s.read(ctx, "check the file", func(tx *wtx) error {
		var err error
		ids, err = liveReviewIDs(ctx, tx)
		return err
	})
	if err != nil {
		out = append(out, "the list of reviews could not be read: "+err.Error())
	}
	for _, id := range ids {
		r, err := s.LoadReview(ctx, id)
		if err != nil {
			out = append(out, fmt.Sprintf("the review %s could not be read: %v", id, err))
			continue
		}
		if err := r.CheckLimits(); err != nil {
			out = append(out, fmt.Sprintf("the review %s: %v", reviewName(id, r.Topic), err))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, wrapErr(err, "check the file")
	}
	if len(out) == 0 {
		return []string{"ok"}, nil
	}
	return out, nil
}

// vacuumInto writes the copy. A reader that could write the file opens it
// query-only (see connQueryOnly), which would refuse VACUUM INTO although
// it changes only the new file: the one connection lifts that for the
// copy alone.
func (s *Store) vacuumInto(ctx context.Context, tmp string) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var qo int
	if err := conn.QueryRowContext(ctx, "PRAGMA query_only").Scan(&qo); err != nil {
		return err
	}
	if qo != 0 {
		if _, err := conn.ExecContext(ctx, "PRAGMA query_only = 0"); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA query_only = 1")
	}
	// VACUUM INTO takes a file name, not a URI: quote it as an SQL string.
	_, err = conn.ExecContext(ctx, "VACUUM INTO '"+strings.ReplaceAll(tmp, "'", "''")+"'")
	return err
}
