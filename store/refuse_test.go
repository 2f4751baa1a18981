package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assertRefused opens path every way and checks each is refused with a
// message naming the file, that the bytes are unchanged and that nothing
// appeared beside it.
func assertRefused(t *testing.T, path string, want error, words string) {
	t.Helper()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	entries := func() []string {
		ents, _ := os.ReadDir(filepath.Dir(path))
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return names
	}
	dirBefore := strings.Join(entries(), ",")
	for _, opts := range []Options{{}, {Editor: true}, {ReadOnly: true}} {
		s, err := Open(path, opts)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%+v) accepted the file", opts)
		}
		if !errors.Is(err, want) {
			t.Errorf("Open(%+v) = %v, want %v", opts, err, want)
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), words) {
			t.Errorf("message %q should name the file and say %q", err, words)
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the refused file was changed")
	}
	if got := strings.Join(entries(), ","); got != dirBefore {
		t.Fatalf("files appeared beside it: %s (was %s)", got, dirBefore)
	}
}

func TestRefuseTextFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(path, []byte(strings.Repeat("shopping list: milk, tea\n", 20)), 0o644)
	assertRefused(t, path, ErrNotScrutiny, "not a scrutiny database")
}

func TestRefuseShortFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "short.db")
	os.WriteFile(path, []byte("SQLite format 3\x00"), 0o644)
	assertRefused(t, path, ErrNotScrutiny, "not a scrutiny database")
}

func TestRefuseZeroByteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o644)
	assertRefused(t, path, ErrEmptyFile, "empty")
}

func TestRefuseForeignSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	assertRefused(t, path, ErrNotScrutiny, "another program")
}

func TestRefuseNewerVersion(t *testing.T) {
	s := openTemp(t, Options{})
	path := s.Path()
	s.Close()
	// Bump user_version the way a future release would, through SQLite,
	// then make sure the header carries it.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 999; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	h, _ := os.ReadFile(path)
	if binary.BigEndian.Uint32(h[60:64]) != 999 {
		t.Fatal("test setup: header not updated")
	}
	assertRefused(t, path, ErrNewerVersion, "newer version")
}

func TestRefuseFolder(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir, Options{}); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Fatalf("Open(folder) = %v", err)
	}
}

func TestReadOnlyMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Fatal("a read-only open must not create the file")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("file was created")
	}
}

func TestAwkwardFileName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "panel's files & more")
	path := filepath.Join(dir, "what? #1 100% done ü.scrutiny")
	s, err := Open(path, Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(context.Background(), "k", "v"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the file was not created under its own name: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), "what? #1 100% done ü.scrutiny") {
			t.Fatalf("stray file %q", e.Name())
		}
	}
}
