package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"scrutiny/review/example"
	"scrutiny/store"
)

// A second, read-only copy says why it is read only and shows what the
// editing copy saves.
func TestReadOnlyCopyFollowsTheEditor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	w, err := store.Open(path, store.Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	id, err := example.Load(ctx(), w)
	if err != nil {
		t.Fatal(err)
	}
	r, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tt := newTester(t, r, 100, 30, Options{ReviewID: id, ReadOnly: true})
	tt.contains("Read only: another copy of scrutiny is editing this file")
	poll := func() {
		v, err := r.DataVersion(ctx())
		tt.m.follow(followMsg{version: v, err: err})
	}
	poll()

	rev, err := w.LoadReview(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	rev.Topic = "Changed in the other window"
	if err := w.SaveReview(ctx(), rev); err != nil {
		t.Fatal(err)
	}
	poll()
	tt.contains("Changed in the other window")
}

// The follower's tick with no news, and Bubble Tea's own news at start,
// change nothing on screen: the last frame is given again instead of being
// drawn anew every second. Any other message draws afresh.
func TestQuietMessagesKeepTheFrame(t *testing.T) {
	st := openStore(t)
	if _, err := example.Load(ctx(), st); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 80, 24, Options{})
	first := tt.m.View()
	// Changed behind the model's back, so only a fresh frame shows it.
	tt.m.e.status = "drawn afresh"
	for _, msg := range []tea.Msg{followMsg{version: tt.m.seenVersion}, tea.EnvMsg{}, tea.ColorProfileMsg{},
		tea.WindowSizeMsg{Width: 80, Height: 24}} {
		tt.m.Update(msg) // the follower's next tick is not run
		if v := tt.m.View(); v.Content != first.Content || strings.Contains(v.Content, "drawn afresh") {
			t.Fatalf("after %T the frame was drawn again", msg)
		}
	}
	tt.press("down")
	if v := tt.m.View(); v.Content == first.Content {
		t.Fatal("a key press gave the old frame")
	}
	tt.send(tea.WindowSizeMsg{Width: 90, Height: 24})
	if v := tt.m.View(); !strings.Contains(ansi.Strip(v.Content), strings.Repeat("─", 90)) {
		t.Fatal("a new size gave the old frame")
	}
}
