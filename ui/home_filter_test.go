package ui

import (
	"testing"

	"scrutiny/review"
)

// A filter may start with q or ?: "/" gives the keys to the filter first.
func TestHomeFilterCanStartWithQ(t *testing.T) {
	st := openStore(t)
	for _, topic := range []string{"Quality of repairs", "Complaints"} {
		r := &review.Review{Topic: topic, Stage: review.StageScoping}
		if err := st.CreateReview(ctx(), r); err != nil {
			t.Fatal(err)
		}
	}
	tt := newTester(t, st, 80, 24, Options{})
	tt.press("/")
	tt.contains("filter: ")
	tt.typeText("qual")
	if tt.m.quitting {
		t.Fatal("q quit after /")
	}
	tt.contains("filter: qual", "Quality of repairs")
	tt.lacks("Complaints")
	tt.press("esc")
	tt.contains("Complaints")
	tt.lacks("filter: ")
	// Without "/", q on an empty filter still leaves, as everywhere.
	tt.press("q")
	if !tt.m.quitting {
		t.Fatal("q on the list of reviews did not quit")
	}
}
