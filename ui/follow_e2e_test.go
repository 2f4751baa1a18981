package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"scrutiny/store"
)

// TestImportWhileOpenEndToEnd is the reproduction with the real
// binary in a terminal: the workspace is open on an evidence item while
// `scrutiny import` changes its title and notes from another shell. The
// workspace shows the import within a few seconds; "Who" is then edited and
// saved, and the program is killed with SIGKILL. The import's title and
// notes and the typed "Who" are all in the file, which is whole.
func TestImportWhileOpenEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "scrutiny")
	if out, err := exec.Command("go", "build", "-o", bin, "scrutiny").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "panel.db")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, append([]string{"--db", db}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("scrutiny %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("demo")
	bundle := filepath.Join(dir, "changed.json")
	run("export", "--format", "json", "-o", bundle)
	raw, err := os.ReadFile(bundle)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][2]string{
		{`"title":"Overview of customer access performance"`, `"title":"Title from the import"`},
		{`"notes":"We started with the trends`, `"notes":"Notes from the import. We started with the trends`},
	} {
		if !strings.Contains(string(raw), r[0]) {
			t.Fatalf("the example bundle has no %s", r[0])
		}
		raw = []byte(strings.Replace(string(raw), r[0], r[1], 1))
	}
	if err := os.WriteFile(bundle, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	const reviewID = "0169e2b4-1a00-7000-8000-000000000001"

	a := startTmux(t, bin, db, filepath.Join(dir, "tmux.sock"), "follow")
	a.waitFor("Customers contacting")
	a.keys("Enter")
	a.waitFor("Topic")
	a.keys("M-3", "Enter")
	a.waitFor("Senior analysts")

	if out := run("import", bundle); !strings.Contains(out, "1 updated") {
		t.Fatalf("import said %q", out)
	}
	a.waitFor("Title from the import")

	a.keys("Down", "Down", "Down", "Enter", "C-a", "C-k")
	a.text("Typed while the import was in")
	a.keys("Enter")
	a.waitFor("saved ")
	if err := sendSignal(a.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)

	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	problems, err := st.Check(ctx())
	if err != nil || len(problems) != 1 || problems[0] != "ok" {
		t.Fatalf("check after SIGKILL: %v %v", problems, err)
	}
	r, err := st.LoadReview(ctx(), reviewID)
	if err != nil {
		t.Fatal(err)
	}
	e := r.Evidence[0]
	if e.Title != "Title from the import" || !strings.HasPrefix(e.Notes, "Notes from the import.") || e.Who != "Typed while the import was in" {
		t.Fatalf("stored %q / %q / %q", e.Title, e.Notes, e.Who)
	}
}
