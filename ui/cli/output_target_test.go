package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// -o writes through a symbolic link to its target, keeps a private
// report private, writes a device directly, and a device that is full
// makes a clear failure.
func TestExportOutputTargets(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")

	shared := filepath.Join(t.TempDir(), "board-pack.md")
	if err := os.WriteFile(shared, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "report.md")
	if err := os.Symlink(shared, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	must(t, dir, "--db", db, "export", "-o", link)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("export replaced the link with a file")
	}
	b, _ := os.ReadFile(shared)
	if !strings.Contains(string(b), "Customers contacting Great Places") {
		t.Fatalf("the link's target was not written: %q", b)
	}
	if fi, _ := os.Stat(shared); fi.Mode().Perm() != 0o600 {
		t.Errorf("the private report became %v", fi.Mode().Perm())
	}

	if _, err := os.Stat("/dev/null"); err == nil {
		must(t, dir, "--db", db, "export", "-o", "/dev/null")
		if fi, _ := os.Stat("/dev/null"); fi.Mode().IsRegular() {
			t.Fatal("/dev/null became a regular file")
		}
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		r := scrutiny(t, dir, "--db", db, "export", "-o", "/dev/full")
		expect(t, r, 1, "no space left")
		if fi, _ := os.Stat("/dev/full"); fi.Mode().IsRegular() {
			t.Fatal("/dev/full became a regular file")
		}
	}
}

// A temporary file a killed export left behind is cleaned by a later
// export once it is old enough that no export can still be writing it.
func TestExportCleansStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	stale := filepath.Join(dir, ".report.md.424242.tmp")
	if err := os.WriteFile(stale, []byte("half a report"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	must(t, dir, "--db", db, "export", "-o", filepath.Join(dir, "report.md"))
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there")
	}
}
