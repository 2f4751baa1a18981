package ui

import (
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
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

// The first frame lists the reviews without waiting for their action
// plans: Init's command reads them just after, and a read that finishes
// after a newer one began is dropped.
func TestHomeProgressAfterFirstFrame(t *testing.T) {
	st := openStore(t)
	if _, err := example.Load(ctx(), st); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 80, 24, Options{})
	tt.contains("Customers contacting Great Places")
	tt.lacks("Action plan")
	stale := tt.m.home.progressCmd()
	fresh := tt.m.home.progressCmd()
	tt.send(fresh())
	tt.contains("Action plan 5 of 9 done, 4 overdue")
	tt.m.home.progress = nil
	tt.send(stale())
	tt.lacks("Action plan")
}
