package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/store"
)

// sentence has every letter and digit, q, ? and the characters that used
// to be shortcuts, so any of them acting as a command shows.
const sentence = "The quick brown fox jumps over the lazy dog 0123456789 q? +!/[]"

// TestTypingAfterDownInEveryForm types the sentence into each form of the
// real program, after ↓ from the form's first field. It must land in a
// field every time: no item added, no tab changed, no quit.
func TestTypingAfterDownInEveryForm(t *testing.T) {
	dir, bin := buildForTmux(t)
	db := filepath.Join(dir, "panel.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := example.Load(ctx(), st)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := st.LoadReview(ctx(), id)
	st.Close()

	a := startTmux(t, bin, db, filepath.Join(dir, "tmux.sock"), "typing")
	a.waitFor("Customers contacting")
	a.keys("Enter")
	a.waitFor("1 Over")
	// Each form: how to reach it, then ↓ from its first field onto a
	// field that takes text.
	forms := []struct {
		name  string
		reach []string
	}{
		{"Overview", []string{"M-1", "Home", "Down"}},
		{"Scope", []string{"M-2", "Home", "Down"}},
		{"Evidence", []string{"M-3", "Enter", "Home", "Down"}},
		{"Findings", []string{"M-4", "Enter", "Home", "Down"}},
		{"Recommendations", []string{"M-5", "Enter", "Home", "Down"}},
		{"Scoring", []string{"M-6", "Home", "Down", "Down"}},
		{"Judgement", []string{"M-7", "Home", "Down"}},
		{"Surveys & standards", []string{"M-9", "Enter", "Home", "Down"}},
		{"Meetings", []string{"M-0", "Enter", "Home", "Down", "Down", "Down"}},
	}
	for i, f := range forms {
		a.keys(f.reach[0])
		a.waitFor("[" + f.reach[0][2:] + " ")
		a.keys(f.reach[1:]...)
		a.text(sentence)
		a.keys("Tab")
		a.waitFor("saved ")
		scr := a.screen()
		if n := savedCount(t, db); n != i+1 {
			t.Errorf("%s: the sentence is saved %d times, want %d:\n%s", f.name, n, i+1, scr)
		}
		if tab := strings.Split(scr, "\n")[1]; !strings.Contains(tab, "["+f.reach[0][2:]) {
			t.Errorf("%s: typing changed the tab: %q", f.name, tab)
		}
	}
	a.keys("C-q")
	time.Sleep(500 * time.Millisecond)

	st, err = store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, err := st.LoadReview(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	counts := func(r *review.Review) [6]int {
		return [6]int{len(r.Evidence), len(r.Findings), len(r.Recommendations), len(r.Criteria), len(r.Standards), len(r.Meetings)}
	}
	if counts(after) != counts(before) {
		t.Errorf("typing added or removed items: %v, was %v", counts(after), counts(before))
	}
	if list, _ := st.ListReviews(ctx()); len(list) != 1 {
		t.Errorf("%d reviews: typing made a new one", len(list))
	}
}

// savedCount is how many times the file holds the sentence, read through a
// second, read-only copy while the program runs.
func savedCount(t *testing.T, db string) int {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b strings.Builder
	if err := st.ExportBundle(ctx(), &b); err != nil {
		t.Fatal(err)
	}
	// The bundle is JSON, so the sentence's characters are as typed.
	return strings.Count(b.String(), "lazy dog 0123456789 q? +!/[]")
}
