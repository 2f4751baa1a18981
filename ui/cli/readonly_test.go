package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// noJournal fails when SQLite's -wal or -shm files are left beside db.
func noJournal(t *testing.T, db string, after string) {
	t.Helper()
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + suffix); err == nil {
			t.Errorf("%s left %s beside the database", after, filepath.Base(db+suffix))
		}
	}
}

// Commands that only read leave the folder as they found it: no journal
// files, and the database byte for byte the same.
func TestReadingCommandsLeaveNoJournal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	noJournal(t, db, "demo")
	before := fileSum(t, db)
	for _, args := range [][]string{{"list"}, {"check"}, {"export"}, {"export", "--format", "json"}, {"attendance"}} {
		must(t, dir, append([]string{"--db", db}, args...)...)
		noJournal(t, db, args[0])
	}
	if fileSum(t, db) != before {
		t.Error("reading commands changed the database")
	}
}

// A file marked read-only (chmod 444) is never written, even by the
// administrator, who could; the message gives that reason, not another
// copy of the app.
func TestMarkedReadOnlyFileIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "b.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, db)
	for _, args := range [][]string{{"demo"}, {"import", bundle}} {
		r := scrutiny(t, dir, append([]string{"--db", db}, args...)...)
		expect(t, r, 1, "the file is marked read-only")
	}
	for _, args := range [][]string{{"list"}, {"check"}, {"export"}} {
		must(t, dir, append([]string{"--db", db}, args...)...)
		noJournal(t, db, args[0]+" of a read-only file")
	}
	if fileSum(t, db) != before {
		t.Error("a file marked read-only was changed")
	}
}

// A database with two names (a hard link) would get two journals, one per
// name, and be damaged by writes through both: it is read, never written.
func TestHardLinkedFileIsNotWritten(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	other := filepath.Join(dir, "other-name.db")
	if err := os.Link(db, other); err != nil {
		t.Skip("no hard links here:", err)
	}
	before := fileSum(t, db)
	for _, name := range []string{db, other} {
		r := scrutiny(t, dir, "--db", name, "demo")
		expect(t, r, 1, "more than one name")
		must(t, dir, "--db", name, "list")
	}
	if fileSum(t, db) != before {
		t.Error("a hard-linked database was changed")
	}
}
