package store

import (
	"context"
	"crypto/rand"
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
	if s == nil || s.db == nil {
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

// Check runs PRAGMA integrity_check and returns its lines ("ok" when sound).
func (s *Store) Check(ctx context.Context) ([]string, error) {
	if s == nil || s.db == nil {
		return nil, errClosed
	}
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, wrapErr(err, "check the file")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, wrapErr(err, "check the file")
		}
		out = append(out, line)
	}
	if err := rows.Err(); err != nil {
		return nil, wrapErr(err, "check the file")
	}
	// Links between rows are checked too: a broken reference is damage.
	frows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return out, wrapErr(err, "check the file")
	}
	defer frows.Close()
	bad := 0
	for frows.Next() {
		bad++
	}
	if bad > 0 {
		if len(out) == 1 && out[0] == "ok" {
			out = nil
		}
		out = append(out, fmt.Sprintf("%d rows refer to rows that do not exist", bad))
	}
	return out, frows.Err()
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
