package cli

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// pane is one real program running in a detached tmux session.
type pane struct {
	t            *testing.T
	socket, name string
}

func tmuxRun(t *testing.T, socket, name string, w, h int, args ...string) *pane {
	t.Helper()
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = fmt.Sprintf("%q", a)
	}
	cmd := fmt.Sprintf("exec env TERM=xterm-256color %q %s", binary, strings.Join(quoted, " "))
	if out, err := exec.Command("tmux", "-S", socket, "new-session", "-d", "-s", name,
		"-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmd).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-S", socket, "kill-session", "-t", name).Run() })
	return &pane{t: t, socket: socket, name: name}
}

func (p *pane) keys(ks ...string) {
	p.t.Helper()
	for _, k := range ks {
		if out, err := exec.Command("tmux", "-S", p.socket, "send-keys", "-t", p.name, k).CombinedOutput(); err != nil {
			p.t.Fatalf("send-keys %q: %v: %s", k, err, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *pane) screen() string {
	out, _ := exec.Command("tmux", "-S", p.socket, "capture-pane", "-p", "-t", p.name).CombinedOutput()
	return string(out)
}

// waitFor returns how long the pane took to show want.
func (p *pane) waitFor(want string, limit time.Duration) time.Duration {
	p.t.Helper()
	start := time.Now()
	for time.Since(start) < limit {
		if strings.Contains(p.screen(), want) {
			return time.Since(start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	p.t.Fatalf("%s never showed %q within %v:\n%s", p.name, want, limit, p.screen())
	return 0
}

// TestWallFollowsTheEditorInTmux runs the real editor and the real present
// window side by side on one file, as in the room: what the facilitator
// does on the laptop is on the wall within a second.
func TestWallFollowsTheEditorInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	socket := filepath.Join(dir, "tmux.sock")

	ed := tmuxRun(t, socket, "editor", 100, 30, "--db", db, "--theme", "dark")
	ed.waitFor("Customers contacting Great Places", 10*time.Second)
	wall := tmuxRun(t, socket, "wall", 40, 12, "--db", db, "present", "--theme", "monochrome")
	wall.waitFor("following the editor", 10*time.Second)

	ed.keys("Enter")
	ed.waitFor("1 Over", 5*time.Second)
	// Under load from other tests a single wait can run long, so the rule
	// is checked on the median of several moves and votes.
	var took []time.Duration
	ed.keys("M-6")
	took = append(took, wall.waitFor("Timeliness and ease of contact", 5*time.Second))
	ed.keys("M-v")
	ed.waitFor("1-4", 5*time.Second)
	ed.keys("4")
	took = append(took, wall.waitFor("1 (14%)", 5*time.Second))
	ed.waitFor("Most votes for good (4 of 7)", time.Second)
	ed.keys("4")
	took = append(took, wall.waitFor("good (4 of 8)", 5*time.Second))
	ed.keys("Escape")
	// An escape followed at once by alt+7 can read as one key, so the
	// editor must have left presentation first.
	ed.waitFor("1 Over", 5*time.Second)
	for range 2 {
		ed.keys("M-7")
		took = append(took, wall.waitFor("Overall judgement", 5*time.Second))
		ed.keys("M-6")
		took = append(took, wall.waitFor("Timeliness and ease of contact", 5*time.Second))
	}
	slices.Sort(took)
	t.Logf("key press to wall: %v", took)
	if m := took[len(took)/2]; m > time.Second {
		t.Errorf("the wall took %v (median) to follow the editor; it must be within a second: %v", m, took)
	}

	ed.keys("C-q")
	wall.keys("q")
	time.Sleep(300 * time.Millisecond)
	res := must(t, dir, "--db", db, "check")
	if !strings.Contains(res.stdout+res.stderr, "ok") {
		t.Errorf("check after two windows: %s %s", res.stdout, res.stderr)
	}
}
