package ui

import (
	"testing"
	"time"

	"scrutiny/review/example"
)

// A pause in typing saves the field while it is still being typed; the
// status line says saved only after the store did; leaving the field adds
// one undo step for the whole typing, back to the text before it began.
func TestPauseInTypingSavesAndOneUndoGoesBack(t *testing.T) {
	st := openStore(t)
	id, err := example.Load(ctx(), st)
	if err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 100, 30, Options{ReviewID: id, AutosaveAfter: time.Millisecond})
	const before = "Customers contacting Great Places"
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("Calls")
	if !tt.m.ws.typing() {
		t.Fatal("the autosave closed the editor")
	}
	if got := loadReview(t, st, id).Topic; got != "Calls" {
		t.Fatalf("after a pause the store has %q", got)
	}
	tt.contains("saved 14:03:22")
	tt.typeText(" and emails")
	tt.press("enter")
	if got := loadReview(t, st, id).Topic; got != "Calls and emails" {
		t.Fatalf("after enter the store has %q", got)
	}
	if n := len(tt.m.e.undo); n != 1 {
		t.Fatalf("one typing session left %d undo steps", n)
	}
	tt.press("ctrl+z")
	if got := loadReview(t, st, id).Topic; got != before {
		t.Fatalf("undo went back to %q, want the text before typing", got)
	}
	tt.contains("undone: save topic")

	// Forgetting the typing (ctrl+z while typing) also puts back what an
	// autosave had already written.
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("Half typed")
	tt.press("ctrl+z")
	if got := loadReview(t, st, id).Topic; got != before {
		t.Fatalf("forgotten typing left %q in the store", got)
	}
}

// The system closing the app (SIGTERM, SIGHUP) saves the field being typed.
func TestStopSavesTheFieldBeingTyped(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	tt.press("alt+2", "enter", "end")
	tt.typeText(" Typed when the lid closed.")
	tt.send(stopMsg{})
	if !tt.m.quitting {
		t.Fatal("the app did not quit")
	}
	if got := loadReview(t, st, id).Scope.Aim; len(got) < 27 || got[len(got)-27:] != " Typed when the lid closed." {
		t.Fatalf("aim after stopping = %q", got)
	}
}
