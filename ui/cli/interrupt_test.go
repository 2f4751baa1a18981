package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C during an import stops it with a plain sentence and nothing
// imported: the file is the same byte for byte.
func TestInterruptedImportSaysNothingWasImported(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the large synthetic data")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "large.db")
	must(t, dir, "--db", src, "demo", "--size", "large")
	bundle := filepath.Join(dir, "large.json")
	must(t, dir, "--db", src, "export", "--format", "json", "-o", bundle)
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	before := fileSum(t, db)

	for wait := 300 * time.Millisecond; wait >= 20*time.Millisecond; wait /= 2 {
		cmd := exec.Command(binary, "--db", db, "import", bundle)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(wait)
		cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		if err == nil {
			// It finished first: that import happened; start again from
			// a fresh file with less time.
			os.Remove(db)
			must(t, dir, "--db", db, "demo")
			before = fileSum(t, db)
			continue
		}
		if !strings.Contains(stderr.String(), "stopped; nothing was imported") || strings.Contains(stderr.String(), "statement is closed") {
			t.Fatalf("an interrupted import said: %s", stderr.String())
		}
		if fileSum(t, db) != before {
			t.Fatal("an interrupted import changed the file")
		}
		return
	}
	t.Skip("every import finished before it could be interrupted")
}
