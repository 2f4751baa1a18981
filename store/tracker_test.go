package store

import (
	"context"
	"fmt"
	"reflect"
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

// ActionProgress adds up what TrackerBrief's rows say, review by review:
// reviews and recommendations in the bin are left out, an action with no
// due date is never overdue, and a review without actions is not listed.
func TestActionProgressMatchesTrackerBrief(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	today := review.D(2026, 1, 1)
	var ids []string
	for i, recs := range [][]review.Recommendation{
		{
			{Text: "one", Actions: []review.Action{{Text: "a", Due: review.D(2019, 7, 31), Status: review.Done},
				{Text: "b", Due: review.D(2025, 3, 1), Status: review.Behind}}},
			{Text: "two", Actions: []review.Action{{Text: "c", Status: review.NotStarted}}},
			{Text: "three"},
			{Text: "binned", Actions: []review.Action{{Text: "d", Due: review.D(2020, 1, 1)}}},
		},
		{{Text: "four", Actions: []review.Action{{Text: "e", Due: review.D(2027, 1, 1), Status: review.OnTrack},
			{Text: "f", Due: review.D(2024, 1, 1), Status: review.Dropped}}}},
		{{Text: "none"}},
		{{Text: "in a binned review", Actions: []review.Action{{Text: "g", Due: review.D(2020, 1, 1)}}}},
	} {
		r := &review.Review{Topic: fmt.Sprint("Review ", i)}
		if err := s.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
		for _, rec := range recs {
			if err := s.SaveRecommendation(ctx, r.ID, &rec); err != nil {
				t.Fatal(err)
			}
			if rec.Text == "binned" {
				if err := s.Delete(ctx, KindRecommendation, rec.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := s.Delete(ctx, KindReview, ids[3]); err != nil {
		t.Fatal(err)
	}
	brief, err := s.TrackerBrief(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]review.Progress{}
	for _, tr := range brief {
		if p := tr.Rec.Progress(today); p.Total > 0 {
			want[tr.ReviewID] = want[tr.ReviewID].Add(p)
		}
	}
	got, err := s.ActionProgress(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ActionProgress = %+v\nTrackerBrief adds up to %+v", got, want)
	}
	if p := got[ids[0]]; p.Total != 3 || p.Done != 1 || p.Overdue != 1 || p.NextDue != review.D(2025, 3, 1) {
		t.Errorf("first review: %+v", p)
	}
	if len(got) != 2 {
		t.Errorf("%d reviews listed, want the 2 with actions", len(got))
	}
}
