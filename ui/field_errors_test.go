package ui

import "testing"

// Blanking the topic of a review is refused in plain words and the editor
// stays open; a date that does not exist keeps what was typed and says why.
func TestEmptyTopicAndBadDateAreExplained(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	tt.press("enter", "ctrl+a", "ctrl+k", "enter")
	tt.contains("Could not save topic: a review needs a topic")
	if !tt.m.ws.typing() {
		t.Fatal("the topic editor closed after a refused save")
	}
	if got := loadReview(t, st, id).Topic; got != "Customers contacting Great Places" {
		t.Fatalf("topic = %q", got)
	}
	tt.press("ctrl+z")
	tt.contains("Customers contacting Great Places")

	tt.m.ws.cur().(*overviewTab).f.focusID("end")
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("31/02/2019")
	tt.press("enter")
	tt.contains("Could not save end date", "31/02/2019")
	// Going back to the saved date clears the complaint.
	tt.press("ctrl+a", "ctrl+k")
	tt.typeText("28 March 2019")
	tt.press("enter")
	if tt.m.e.statusErr {
		t.Fatalf("the old complaint stayed: %q", tt.m.e.status)
	}
	tt.contains("end date not changed")
}
