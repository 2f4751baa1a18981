package review

import (
	"strings"
	"testing"
	"time"
)

// TestReportFlagsWhatIsOverdue: an information request still awaited after
// its due day, and a follow-up check past its day and not held, are said
// to be overdue as at the report's day; one answered or held, or not yet
// due, is not.
func TestReportFlagsWhatIsOverdue(t *testing.T) {
	r := &Review{Topic: "Repairs", BoardDate: D(2023, time.June, 1),
		Evidence: []Evidence{
			{Kind: KindInfoRequest, Title: "Complaint logs", Asked: D(2023, time.May, 2), Due: D(2023, time.May, 16)},
			{Kind: KindInfoRequest, Title: "Call data", Due: D(2023, time.May, 16), Received: D(2023, time.May, 20)},
			{Kind: KindInfoRequest, Title: "Budget", Due: D(2023, time.July, 1)},
		},
		Recommendations: []Recommendation{{Text: "Call back", Response: Response{Decision: Accepted, Date: D(2023, time.June, 1)}}},
		FollowUpPoints: []FollowUpPoint{
			{Label: "1 month", Due: D(2023, time.May, 1), Held: D(2023, time.May, 3)},
			{Label: "6 months", Due: D(2023, time.May, 20)},
			{Label: "12 months", Due: D(2024, time.June, 1)},
		}}
	md := string(RenderOn(r, D(2023, time.June, 1)))
	for _, want := range []string{
		"Received: not yet, ⚠ overdue by 16 days as at Thursday 1 June 2023",
		"Received: Saturday 20 May 2023",
		"1 month: due Monday 1 May 2023, held Wednesday 3 May 2023",
		"6 months: due Saturday 20 May 2023, not held: ⚠ overdue by 12 days as at Thursday 1 June 2023",
		"12 months: due Saturday 1 June 2024, not held yet",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	if n := strings.Count(md, "⚠ overdue"); n != 2 {
		t.Errorf("%d things flagged overdue, want 2", n)
	}
}

func TestLateBy(t *testing.T) {
	due := D(2023, time.May, 16)
	for _, c := range []struct {
		today Date
		want  string
	}{
		{D(2023, time.May, 16), ""},
		{D(2023, time.May, 1), ""},
		{D(2023, time.May, 17), "1 day"},
		{D(2023, time.July, 11), "56 days"},
		{D(2023, time.July, 12), "1 month"},
		{D(2023, time.September, 15), "3 months"},
		{D(2023, time.September, 16), "4 months"},
		{D(2025, time.May, 15), "23 months"},
		{D(2025, time.May, 16), "2 years"},
		{D(2030, time.March, 1), "6 years"},
	} {
		if got := LateBy(due, c.today); got != c.want {
			t.Errorf("due %s, today %s: %q, want %q", due, c.today, got, c.want)
		}
	}
	if LateBy(Date{}, due) != "" || LateBy(due, Date{}) != "" {
		t.Error("an unset day is never late")
	}
}
