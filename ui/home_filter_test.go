package ui

import (
	"testing"

	"scrutiny/review"
)

// Typing on the list of reviews filters it: q, ? and every other letter
// are text there, and only ctrl+q leaves.
func TestHomeFilterCanStartWithQ(t *testing.T) {
	st := openStore(t)
	for _, topic := range []string{"Quality of repairs", "Complaints"} {
		r := &review.Review{Topic: topic, Stage: review.StageScoping}
		if err := st.CreateReview(ctx(), r); err != nil {
			t.Fatal(err)
		}
	}
	tt := newTester(t, st, 80, 24, Options{})
	tt.typeText("qual")
	if tt.m.quitting {
		t.Fatal("q quit the app instead of filtering")
	}
	tt.contains("filter: qual", "Quality of repairs")
	tt.lacks("Complaints")
	tt.press("esc")
	tt.contains("Complaints")
	tt.lacks("filter: ")
	tt.press("q", "?")
	if tt.m.quitting || tt.m.showHelp {
		t.Fatal("q or ? on an empty filter acted as a command")
	}
	tt.contains("filter: q?")
	tt.press("ctrl+q")
	if !tt.m.quitting {
		t.Fatal("ctrl+q on the list of reviews did not quit")
	}
}
