package store

import (
	"context"
	"testing"
	"time"

	"scrutiny/review"
)

// Meetings come back in date order, however they were entered, so a meeting
// added late is not "meeting 5 of 5" when it was the third; undated ones last.
func TestMeetingsLoadInDateOrder(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "Repairs"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	for _, m := range []review.Meeting{
		{Venue: "second", Date: review.D(2019, time.March, 28), StartTime: "10:00"},
		{Venue: "undated"},
		{Venue: "first", Date: review.D(2019, time.January, 10)},
		{Venue: "same day, later", Date: review.D(2019, time.March, 28), StartTime: "18:00"},
		{Venue: "between", Date: review.D(2019, time.March, 3)},
	} {
		m := m
		if err := s.SaveMeeting(ctx, r.ID, &m); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"first", "between", "second", "same day, later", "undated"}
	for i, m := range got.Meetings {
		if m.Venue != want[i] {
			t.Fatalf("meeting %d is %q; want the order %v", i, m.Venue, want)
		}
	}
}
