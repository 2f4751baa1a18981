package ui

import (
	"testing"
)

// ctrl+z on the list of reviews, or in another review, must not undo a
// change made in a review the user has left; back in that review it does.
func TestUndoStaysWithItsReview(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	const topic = "Customers contacting Great Places"
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("Changed topic")
	tt.press("enter")
	if got := loadReview(t, st, id).Topic; got != "Changed topic" {
		t.Fatalf("topic = %q", got)
	}
	tt.press("esc", "esc")
	if tt.m.screen != scrHome {
		t.Fatalf("not on the list of reviews:\n%s", tt.screen())
	}
	tt.press("ctrl+z")
	if got := loadReview(t, st, id).Topic; got != "Changed topic" {
		t.Fatalf("ctrl+z on the list undid an edit inside a review: topic = %q", got)
	}
	tt.contains("nothing to undo here")

	// A second review's undo does not reach the first one either.
	tt.press("ctrl+n")
	tt.typeText("Repairs")
	tt.press("enter", "esc", "esc")
	tt.press("enter") // opens the first row: the new review, edited last
	if tt.m.ws == nil || tt.m.ws.rev.ID == id {
		t.Fatalf("the new review is not first on the list:\n%s", tt.screen())
	}
	tt.press("esc", "esc", "down", "enter")
	if tt.m.ws == nil || tt.m.ws.rev.ID != id {
		t.Fatalf("could not reopen the example review:\n%s", tt.screen())
	}
	tt.press("ctrl+z")
	if got := loadReview(t, st, id).Topic; got != topic {
		t.Fatalf("back in the review, ctrl+z left the topic %q", got)
	}
	tt.contains("undone: save topic")
}
