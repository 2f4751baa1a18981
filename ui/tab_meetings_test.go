package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/ui/present"
)

// meetingsTester opens a review whose panel has Ann (chair), Bob and Cat,
// who has left, on the Meetings tab.
func meetingsTester(t *testing.T) (*tester, *review.Review) {
	st := openStore(t)
	r := &review.Review{Topic: "Customers contacting us"}
	var ids []string
	for _, m := range []review.Member{
		{Name: "Ann Lee", Role: review.RoleChair},
		{Name: "Bob Hall", Role: review.RoleMember},
		{Name: "Cat Moss", Role: review.RoleMember, Left: review.D(2025, 6, 30)},
	} {
		if err := st.SaveMember(ctx(), &m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	r.MemberIDs = ids
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 100, 30, Options{ReviewID: r.ID})
	tt.press("alt+0")
	return tt, r
}

func (tt *tester) editField(id, text, finish string) {
	tt.t.Helper()
	s, ok := tt.m.ws.cur().(*meetingsTab)
	if !ok {
		tt.t.Fatalf("not on the meetings tab:\n%s", tt.screen())
	}
	s.focusDetail(id)
	tt.press("enter")
	for range 40 {
		tt.press("backspace")
	}
	for i, l := range strings.Split(text, "\n") {
		if i > 0 {
			tt.press("enter")
		}
		tt.typeText(l)
	}
	tt.press(finish)
}

func TestMeetingsTabRecordsAMeeting(t *testing.T) {
	tt, r := meetingsTester(t)
	tt.contains("Meetings (0) · 0h · £0.00", "Panel members", "✓ Ann Lee", "Cat Moss (left)")

	tt.press("ctrl+n")
	tt.contains("not set: type a date") // a new meeting has no date until one is typed
	tt.typeText("today")
	tt.press("enter")
	tt.editField("mt-start", "6pm", "enter")
	tt.editField("mt-end", "5pm", "enter")
	tt.contains("the meeting cannot end at 17:00 when it starts at 18:00")
	tt.press("esc")
	tt.editField("mt-end", "8:15pm", "enter")
	tt.editField("mt-venue", "Community Centre", "enter")
	tt.editField("mt-attendees", "ann lee\nBob Hall", "tab")
	tt.editField("mt-apologies", "Zed", "tab")
	tt.contains("not on the panel roster")
	tt.editField("mt-apologies", "Bob Hall", "tab")
	tt.contains("Bob Hall is both present and giving apologies")
	tt.press("esc")
	tt.editField("mt-apologies", "Cat Moss", "tab")
	tt.editField("mt-agenda", "Welcome (10 min)\nScore the criteria (20 min)", "tab")
	tt.editField("mt-decisions", "Mystery shop the phone line", "tab")
	tt.editField("mt-expenses", "Ann Lee: taxi -£5", "tab")
	tt.contains("an expense cannot be less than nothing", "Ann Lee: taxi -£5")
	tt.press("esc")
	tt.editField("mt-expenses", "Ann Lee: bus fare £12.50\nRoom hire 30", "tab")
	tt.contains("Meetings (1) · 2h15 · £42.50", "2 present · 1 apology · 2h15 · £42.50")

	got, err := tt.m.e.st.LoadReview(ctx(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Meetings) != 1 {
		t.Fatalf("meetings = %+v", got.Meetings)
	}
	m := got.Meetings[0]
	if m.StartTime != "18:00" || m.EndTime != "20:15" || m.Venue != "Community Centre" || m.Date != review.D(2026, 3, 14) {
		t.Errorf("meeting = %+v", m)
	}
	if len(m.Attendees) != 2 || m.Attendees[0] != r.MemberIDs[0] || len(m.Apologies) != 1 || m.Apologies[0] != r.MemberIDs[2] {
		t.Errorf("attendance = %v / %v", m.Attendees, m.Apologies)
	}
	if len(m.Agenda) != 2 || m.Agenda[1].Title != "Score the criteria" || m.Agenda[1].Minutes != 20 {
		t.Errorf("agenda = %+v", m.Agenda)
	}
	if len(m.Expenses) != 2 || m.Expenses[0].MemberID != r.MemberIDs[0] || m.Expenses[0].Pence != 1250 ||
		m.Expenses[1].MemberID != "" || m.Expenses[1].Description != "Room hire" || m.Expenses[1].Pence != 3000 {
		t.Errorf("expenses = %+v", m.Expenses)
	}

	// The agenda timer goes to the wall.
	tt.press("esc", "alt+s")
	tt.contains("timing item 1: Welcome")
	pos, _ := tt.position()
	if pos.Tab != "meetings" || pos.ItemKind != present.ItemAgenda || pos.ItemID != present.AgendaItem(m.ID, 0) || pos.Since != fixedNow().UnixMilli() {
		t.Errorf("position = %+v", pos)
	}
	tt.send(f5)
	tt.contains("Welcome", "Agenda item 1 of 2", "left of 10 minutes", "Next: Score the criteria")
	tt.press("down")
	tt.contains("Score the criteria", "Agenda item 2 of 2", "left of 20 minutes")
	tt.press("down") // past the last item the timer stops and the meeting shows
	tt.contains("Meeting 14 March 2026", "1. Welcome (10 min)")
	tt.press("esc")

	// The minutes, written to the current folder.
	tt.press("alt+x")
	tt.contains("Write the minutes of this meeting to")
	tt.press("y")
	tt.contains("minutes written to")
	md, err := os.ReadFile(filepath.Join(tt.m.e.exportDir, "minutes-1-2026-03-14.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- Ann Lee (chair)", "- Cat Moss", "1. Welcome (10 minutes)", "| Ann Lee (chair) | bus fare | £12.50 |", "**£42.50**"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("minutes lack %q:\n%s", want, md)
		}
	}
	if left, _ := filepath.Glob(".scrutiny-export-*"); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// A member's attendance, in words that fit the pane.
	tt.m.ws.cur().(*meetingsTab).select_("member:" + r.MemberIDs[2])
	tt.contains("This review: 0 meetings (0 minutes), 1 apology", "Expenses on this review: £0.00")
	tt.m.ws.cur().(*meetingsTab).select_("member:" + r.MemberIDs[0])
	tt.contains("This review: 1 meeting (2 hours 15 minutes), 0 apologies", "Expenses on this review: £12.50")
}

func TestMeetingsTabAddsAMemberWhoKeepsHistory(t *testing.T) {
	tt, r := meetingsTester(t)
	tt.press("alt+m")
	tt.typeText("Dee Khan")
	tt.press("enter")
	tt.contains("✓ Dee Khan")
	got, err := tt.m.e.st.LoadReview(ctx(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Members) != 4 || got.Members[3].Name != "Dee Khan" {
		t.Fatalf("members = %+v", got.Members)
	}
	// Marking her as having left keeps her on the roster, shown as left.
	tt.editField("mb-left", "1 April 2026", "enter")
	tt.contains("Dee Khan (left)")
	ms, _ := tt.m.e.st.ListMembers(ctx())
	if len(ms) != 4 {
		t.Errorf("roster = %+v", ms)
	}
}
