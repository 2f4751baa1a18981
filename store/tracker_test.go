package store

import (
	"context"
	"testing"

	"scrutiny/review"
)

// The brief tracker counts exactly what the full one does: every action's
// due date and status, also for an action with no due date after one with.
func TestTrackerBriefMatchesTracker(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "Repairs", Start: review.D(2019, 1, 1)}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	for _, rec := range []review.Recommendation{
		{Text: "one", Response: review.Response{Decision: review.Accepted},
			Actions: []review.Action{{Text: "a", Due: review.D(2019, 7, 31), Status: review.Done}}},
		{Text: "two", Actions: []review.Action{{Text: "b", Status: review.NotStarted}}},
		{Text: "three", Response: review.Response{Decision: review.NotAccepted, Reason: "cost"}},
	} {
		if err := s.SaveRecommendation(ctx, r.ID, &rec); err != nil {
			t.Fatal(err)
		}
	}
	full, err := s.Tracker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	brief, err := s.TrackerBrief(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(full) != 3 || len(brief) != 3 {
		t.Fatalf("%d and %d rows", len(full), len(brief))
	}
	today := review.D(2026, 1, 1)
	for i := range full {
		if full[i].Number != i+1 || brief[i].Number != i+1 || full[i].ReviewTopic != "Repairs" {
			t.Errorf("row %d: %+v", i, full[i])
		}
		if f, b := full[i].Rec.Progress(today), brief[i].Rec.Progress(today); f != b {
			t.Errorf("row %d: full %+v, brief %+v", i, f, b)
		}
		if full[i].Rec.Response.Decision != brief[i].Rec.Response.Decision {
			t.Errorf("row %d: decisions differ", i)
		}
	}
	if p := brief[1].Rec.Progress(today); p.Overdue != 0 || !p.NextDue.IsZero() {
		t.Errorf("an action with no due date took the one before's: %+v", p)
	}
}
