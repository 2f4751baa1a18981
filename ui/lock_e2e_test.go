package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSecondEditorThroughSymlinkReadsOnly opens the real binary on a file,
// then a second copy on a symbolic link to it: the second says another
// copy is editing and only reads.
func TestSecondEditorThroughSymlinkReadsOnly(t *testing.T) {
	dir, bin := buildForTmux(t)
	db := filepath.Join(dir, "panel.db")
	if out, err := exec.Command(bin, "--db", db, "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	link := filepath.Join(dir, "shortcut.db")
	if err := os.Symlink(db, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	sock := filepath.Join(dir, "tmux.sock")
	a := startTmux(t, bin, db, sock, "first")
	a.waitFor("Customers contacting")
	b := startTmux(t, bin, link, sock, "second")
	b.waitFor("another copy of scrutiny is editing this file")
}
