package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"scrutiny/store"
)

// tmux runs a tmux command with a terminal type set, so it works where
// TERM is not (CI has no terminal).
func tmux(args ...string) *exec.Cmd {
	c := exec.Command("tmux", args...)
	c.Env = append(os.Environ(), "TERM=xterm-256color")
	return c
}

// tmuxApp runs the real binary in a detached tmux session of a fixed size.
type tmuxApp struct {
	t      *testing.T
	socket string
	name   string
}

// startTmux runs the program at 80x24, the size the workspace must work
// well at on a laptop.
func startTmux(t *testing.T, bin, db, socket, name string) *tmuxApp {
	t.Helper()
	cmd := fmt.Sprintf("exec env SCRUTINY_DB=%q TERM=xterm-256color %q", db, bin)
	out, err := tmux("-S", socket, "new-session", "-d", "-s", name, "-x", "80", "-y", "24", cmd).CombinedOutput()
	if err != nil {
		t.Fatalf("tmux: %v: %s", err, out)
	}
	a := &tmuxApp{t: t, socket: socket, name: name}
	t.Cleanup(func() { tmux("-S", socket, "kill-session", "-t", name).Run() })
	return a
}

func (a *tmuxApp) keys(ks ...string) {
	a.t.Helper()
	for _, k := range ks {
		if out, err := tmux("-S", a.socket, "send-keys", "-t", a.name, k).CombinedOutput(); err != nil {
			a.t.Fatalf("send-keys %q: %v: %s", k, err, out)
		}
		// A lone escape is only known to be one after a pause; without
		// it the next key would arrive as alt+key.
		if k == "Escape" {
			time.Sleep(300 * time.Millisecond)
		} else {
			time.Sleep(30 * time.Millisecond)
		}
	}
}

// text types literally (no key names).
func (a *tmuxApp) text(s string) {
	a.t.Helper()
	if out, err := tmux("-S", a.socket, "send-keys", "-t", a.name, "-l", s).CombinedOutput(); err != nil {
		a.t.Fatalf("send-keys: %v: %s", err, out)
	}
	time.Sleep(50 * time.Millisecond)
}

func (a *tmuxApp) screen() string {
	out, _ := tmux("-S", a.socket, "capture-pane", "-p", "-t", a.name).CombinedOutput()
	return string(out)
}

// waitFor polls the screen until it shows want.
func (a *tmuxApp) waitFor(want string) {
	a.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(a.screen(), want) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	a.t.Fatalf("the screen never showed %q:\n%s", want, a.screen())
}

func (a *tmuxApp) pid() int {
	out, err := tmux("-S", a.socket, "display-message", "-p", "-t", a.name, "#{pane_pid}").Output()
	if err != nil {
		a.t.Fatal(err)
	}
	p, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		a.t.Fatal(err)
	}
	return p
}

// buildForTmux builds the real program into a new folder for a test that
// drives it under tmux; it skips when that cannot be done here.
func buildForTmux(t *testing.T) (dir, bin string) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "scrutiny")
	if out, err := exec.Command("go", "build", "-o", bin, "scrutiny").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, bin
}

// TestEndToEndInTmux drives the real program in a terminal: it creates a
// review, fills each tab, exports the report, then kills the program
// with SIGKILL while a field is being typed and checks that everything the
// screen called saved is still there after a restart.
func TestEndToEndInTmux(t *testing.T) {
	dir, bin := buildForTmux(t)
	db := filepath.Join(dir, "panel.db")
	socket := filepath.Join(dir, "tmux.sock")
	report := filepath.Join(dir, "report.md")

	a := startTmux(t, bin, db, socket, "one")
	a.waitFor("Welcome to scrutiny")
	a.keys("Enter")
	a.waitFor("save and stop typing")
	a.text("Repairs by phone")
	a.keys("Enter")
	a.waitFor("saved ")

	// 2 Scope: the aim, typed straight onto the selected field.
	a.keys("M-2")
	a.text("Find out how repairs are reported")
	a.keys("Escape")
	a.waitFor("Find out how repairs")

	// 3 Evidence with a good-practice finding under it.
	a.keys("M-3", "C-n")
	a.text("Mystery shop of the repairs line")
	a.keys("Enter", "M-g")
	a.text("Friendly call handlers")
	a.keys("Enter")
	a.waitFor("Friendly call handlers")
	a.keys("Escape")

	// 4 Findings: an issue.
	a.keys("M-4", "C-n")
	a.text("Callbacks often missed")
	a.keys("Escape", "Escape")
	a.waitFor("Callbacks often missed")

	// 5 Recommendations with a sub-point.
	a.keys("M-5", "C-n")
	a.text("Ring customers back when promised")
	a.keys("Escape", "M-s")
	a.text("log every promised call back")
	a.keys("Enter", "Escape")
	a.waitFor("1. Ring customers back")

	// 6 Scoring.
	a.keys("M-6", "C-n")
	a.text("Ease of reporting")
	a.keys("Enter", "Right", "Right", "Right")
	a.waitFor("Good")

	// 7 Judgement.
	a.keys("M-7", "Right", "Down", "Down", "Enter")
	a.text("Getting there")
	a.keys("Escape")
	a.waitFor("Getting there")

	// 8 Report: export.
	a.keys("M-8")
	a.waitFor("the report export writes")
	a.keys("C-e", "C-u")
	a.text(report)
	a.keys("Enter")
	a.waitFor("report exported to")
	md, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Repairs by phone", "Find out how repairs are reported", "Mystery shop of the repairs line",
		"Friendly call handlers", "Callbacks often missed", "Ring customers back when promised",
		"log every promised call back", "Ease of reporting", "Getting there"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("exported report lacks %q", want)
		}
	}

	// Save one more field, then start typing another and kill the app.
	a.keys("M-1", "Home", "Down", "Down")
	a.text("Responsive repairs")
	a.keys("Enter")
	a.waitFor("Responsive repairs")
	a.waitFor("saved ")
	a.text("half typed, never saved")
	a.waitFor("half typed")
	if err := sendSignal(a.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)

	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.ListReviews(ctx())
	if err != nil || len(list) != 1 {
		t.Fatalf("reviews after the kill: %v %v", list, err)
	}
	r, err := st.LoadReview(ctx(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.ServiceArea != "Responsive repairs" || r.Topic != "Repairs by phone" || r.Scope.Aim == "" ||
		len(r.Evidence) != 1 || len(r.Findings) != 2 || len(r.Recommendations) != 1 || len(r.Criteria) != 1 ||
		r.Judgement.Explanation != "Getting there" {
		t.Fatalf("after the kill the review is %+v", r)
	}
	// The kill came well inside the two-second pause that saves typing,
	// but a slow machine may have let that pause pass: then the whole
	// typed text is saved, never part of it.
	if r.WhyArea != "" && r.WhyArea != "half typed, never saved" {
		t.Fatalf("unexpected text in the database: %q", r.WhyArea)
	}
	if lines, err := st.Check(ctx()); err != nil || len(lines) != 1 || lines[0] != "ok" {
		t.Fatalf("integrity check: %v %v", lines, err)
	}
	st.Close()

	// Restart: the saved values are on screen.
	b := startTmux(t, bin, db, socket, "two")
	b.waitFor("Repairs by phone")
	b.keys("Enter")
	b.waitFor("Responsive repairs")

	// Closing the terminal (SIGHUP) saves the field being typed at once.
	// A spare session keeps the tmux server up once the app's has gone.
	if out, err := tmux("-S", socket, "new-session", "-d", "-s", "keep", "sleep 120").CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v: %s", err, out)
	}
	t.Cleanup(func() { tmux("-S", socket, "kill-session", "-t", "keep").Run() })
	b.keys("Down", "Down", "Down", "Enter", "C-a", "C-k")
	b.text("typed as the lid closed")
	b.waitFor("typed as the lid closed")
	if err := sendSignal(b.pid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// A pause in typing saves it too, while still typing, and a SIGKILL
	// after that loses nothing.
	var why string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if why = whyArea(t, db); why == "typed as the lid closed" {
			break
		}
	}
	if why != "typed as the lid closed" {
		t.Fatalf("after SIGHUP the field holds %q", why)
	}
	c := startTmux(t, bin, db, socket, "three")
	c.waitFor("Repairs by phone")
	c.keys("Enter")
	c.waitFor("Responsive repairs")
	c.keys("Down", "Down", "Down", "Enter", "C-e")
	c.text(", then a pause")
	c.waitFor("then a pause")
	time.Sleep(3 * time.Second)
	if err := sendSignal(c.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if why := whyArea(t, db); why != "typed as the lid closed, then a pause" {
		t.Fatalf("after a pause and SIGKILL the field holds %q", why)
	}
}

// whyArea reads the one review's "why this area" from the file.
func whyArea(t *testing.T, db string) string {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list, err := st.ListReviews(ctx())
	if err != nil || len(list) != 1 {
		t.Fatalf("reviews: %v %v", list, err)
	}
	r, err := st.LoadReview(ctx(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return r.WhyArea
}
