package ui

import (
	"crypto/md5"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDamagedFileShowsDamagedScreen opens a damaged file in the real
// binary: it says the file is damaged, what the check found and how to
// restore a backup; the keys that would start a review or load the example
// do nothing, and the file is the same byte for byte after quitting.
func TestDamagedFileShowsDamagedScreen(t *testing.T) {
	dir, bin := buildForTmux(t)
	db := filepath.Join(dir, "panel.db")
	if out, err := exec.Command(bin, "--db", db, "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte(strings.Repeat("\xff", 600)), 4096*3+100)
	f.WriteAt([]byte(strings.Repeat("\x00\x13", 300)), 4096*6+50)
	f.Close()
	sum := func() [16]byte {
		b, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		return md5.Sum(b)
	}
	before := sum()

	a := startTmux(t, bin, db, filepath.Join(dir, "tmux.sock"), "damaged")
	a.waitFor("This file is damaged")
	a.waitFor("NULL value in meetings")
	a.waitFor("latest backup")
	a.keys("n", "e", "Enter", "a")
	time.Sleep(300 * time.Millisecond)
	a.waitFor("This file is damaged")
	a.keys("C-q")
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && tmux("-S", filepath.Join(dir, "tmux.sock"), "has-session", "-t", "damaged").Run() == nil {
		time.Sleep(50 * time.Millisecond)
	}
	if sum() != before {
		t.Fatal("the damaged file was written to")
	}
}
