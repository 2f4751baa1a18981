package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damage overwrites parts of two pages inside the example database (the
// meetings table), leaving the header and the list of reviews readable:
// the kind of damage that looks like a sound file until something else is
// read.
func damage(t *testing.T, db string) {
	t.Helper()
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xff", 600)), 4096*3+100); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte(strings.Repeat("\x00\x13", 300)), 4096*6+50); err != nil {
		t.Fatal(err)
	}
}

// Nothing is ever written to a damaged file, whichever command tries, and
// `check` lists every problem it finds.
func TestDamagedFileIsNeverWritten(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "b.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	csv := filepath.Join(dir, "answers.csv")
	if err := os.WriteFile(csv, []byte("How easy was it (1-10)?\n7\n8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	damage(t, db)
	before := fileSum(t, db)

	for _, args := range [][]string{
		{"import", bundle},
		{"demo"},
		{"survey", "import", "--review", "0169e2b4-1a00-7000-8000-000000000001", "--name", "Late survey", csv},
	} {
		r := scrutiny(t, dir, append([]string{"--db", db}, args...)...)
		expect(t, r, 1, "damaged")
		if fileSum(t, db) != before {
			t.Fatalf("scrutiny %s wrote into the damaged file", args[0])
		}
	}
	r := scrutiny(t, dir, "--db", db, "check")
	expect(t, r, 1, "is damaged")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 5 {
		t.Errorf("check listed %d problems, want every one:\n%s", len(lines), r.stdout)
	}
	if strings.Contains(r.stdout, "*** in database") {
		t.Errorf("check printed SQLite's heading:\n%s", r.stdout)
	}
	noJournal(t, db, "check of a damaged file")
	if fileSum(t, db) != before {
		t.Fatal("check changed the damaged file")
	}
}
