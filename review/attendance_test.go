package review

import (
	"strings"
	"testing"
	"time"
)

// attendanceReview has three timed meetings (2h, 1.5h, 2.25h) and one with
// no end time; figures in the tests below were worked out by hand.
func attendanceReview() *Review {
	return &Review{
		ID:        "r1",
		Topic:     "Customers contacting us",
		MemberIDs: []string{"ann", "bob", "cat"},
		Members: []Member{
			{ID: "ann", Name: "Ann Lee", Role: RoleChair},
			{ID: "bob", Name: "Bob Hall", Role: RoleMember},
			{ID: "cat", Name: "Cat Moss", Role: RoleMember, Left: D(2019, time.June, 30)},
		},
		Meetings: []Meeting{
			{ID: "m1", Date: D(2019, time.January, 10), StartTime: "18:00", EndTime: "20:00",
				Attendees: []string{"ann", "bob", "cat"},
				Expenses:  []Expense{{"ann", "Bus fare", 1250}, {"bob", "Taxi", 780}, {"", "Room hire", 500}}},
			{ID: "m2", Date: D(2019, time.February, 7), StartTime: "10:00", EndTime: "11.30",
				Attendees: []string{"ann"}, Apologies: []string{"bob", "cat"}},
			{ID: "m3", Date: D(2019, time.March, 7), StartTime: "6pm", EndTime: "8:15pm",
				Attendees: []string{"ann", "bob", "ann"}, Apologies: []string{"cat"},
				Expenses: []Expense{{"ann", "Parking", 320}}},
			{ID: "m4", Date: D(2019, time.April, 4), StartTime: "18:00",
				Attendees: []string{"ann", "dan"}},
		},
	}
}

func TestAttendanceHandChecked(t *testing.T) {
	a := attendanceReview().Attendance()
	if a.Meetings != 4 || a.UntimedMeetings != 1 {
		t.Fatalf("meetings = %d (untimed %d), want 4 (1)", a.Meetings, a.UntimedMeetings)
	}
	// 120 + 90 + 135 minutes.
	if a.Minutes != 345 || FormatMinutes(a.Minutes) != "5 hours 45 minutes" || FormatHours(a.Minutes) != "5.75" {
		t.Errorf("minutes = %d (%s, %s), want 345", a.Minutes, FormatMinutes(a.Minutes), FormatHours(a.Minutes))
	}
	// m1: 3 x 120, m2: 1 x 90, m3: 2 x 135 (Ann listed twice counts once).
	if a.PersonMinutes != 720 {
		t.Errorf("person minutes = %d, want 720", a.PersonMinutes)
	}
	if a.Attendances != 8 || a.Apologies != 3 {
		t.Errorf("attendances %d apologies %d, want 8 and 3", a.Attendances, a.Apologies)
	}
	// 12.50 + 7.80 + 5.00 + 3.20
	if a.ExpensesPence != 2850 || FormatPence(a.ExpensesPence) != "£28.50" {
		t.Errorf("expenses = %d, want 2850 (£28.50)", a.ExpensesPence)
	}
	want := []MemberAttendance{
		{MemberID: "ann", Name: "Ann Lee", Role: RoleChair, Meetings: 4, Minutes: 345, UntimedMeetings: 1, ExpensesPence: 1570},
		{MemberID: "bob", Name: "Bob Hall", Role: RoleMember, Meetings: 2, Apologies: 1, Minutes: 255, ExpensesPence: 780},
		{MemberID: "cat", Name: "Cat Moss", Role: RoleMember, Left: D(2019, time.June, 30), Meetings: 1, Apologies: 2, Minutes: 120},
		{MemberID: "dan", Name: "Unknown member", Meetings: 1, UntimedMeetings: 1},
	}
	if len(a.Members) != len(want) {
		t.Fatalf("got %d rows, want %d: %+v", len(a.Members), len(want), a.Members)
	}
	for i := range want {
		if a.Members[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, a.Members[i], want[i])
		}
	}
	if FormatPence(a.Members[0].ExpensesPence) != "£15.70" {
		t.Errorf("Ann's expenses = %s", FormatPence(a.Members[0].ExpensesPence))
	}
}

func TestAttendanceAcrossKeepsLeavers(t *testing.T) {
	r1 := attendanceReview()
	r2 := &Review{ID: "r2", Meetings: []Meeting{
		{ID: "x", StartTime: "09:30", EndTime: "12:00", Attendees: []string{"cat", "bob"},
			Expenses: []Expense{{"cat", "Train", 1999}}},
	}}
	roster := []Member{
		{ID: "cat", Name: "Cat Moss", Left: D(2019, time.June, 30)},
		{ID: "ann", Name: "Ann Lee", Role: RoleChair},
		{ID: "eve", Name: "Eve Park", Left: D(2020, time.January, 1)},
		{ID: "bob", Name: "Bob Hall"},
	}
	rows := AttendanceAcross(roster, []*Review{r1, r2})
	names := []string{}
	for _, r := range rows {
		names = append(names, r.MemberID)
	}
	// current members in roster order, then leavers most recent first, then unknown.
	if got := names; len(got) != 5 || got[0] != "ann" || got[1] != "bob" || got[2] != "eve" || got[3] != "cat" || got[4] != "dan" {
		t.Fatalf("order = %v", got)
	}
	cat := rows[3]
	// 120 minutes in review 1 plus 150 in review 2.
	if cat.Meetings != 2 || cat.Minutes != 270 || cat.Apologies != 2 || cat.ExpensesPence != 1999 {
		t.Errorf("Cat = %+v", cat)
	}
	if rows[2].Meetings != 0 || rows[2].Name != "Eve Park" {
		t.Errorf("a leaver with no meetings must still be listed: %+v", rows[2])
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]int{"18:00": 1080, "18.30": 1110, "1830": 1110, "6pm": 1080,
		"6:30 pm": 1110, "12am": 0, "12pm": 720, "9": 540, "09:05": 545} {
		got, err := ParseClock(in)
		if err != nil || got != want {
			t.Errorf("ParseClock(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "25:00", "18:60", "13pm", "six", "18:5"} {
		if _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) accepted", in)
		}
	}
	if _, ok := (Meeting{StartTime: "20:00", EndTime: "18:00"}).Duration(); ok {
		t.Error("an end before the start must not count as a length")
	}
}

func TestPence(t *testing.T) {
	for p, want := range map[int64]string{0: "£0.00", 5: "£0.05", 1250: "£12.50", -300: "-£3.00", 123456789: "£1,234,567.89"} {
		if got := FormatPence(p); got != want {
			t.Errorf("FormatPence(%d) = %q, want %q", p, got, want)
		}
	}
	for in, want := range map[string]int64{"12.50": 1250, "£12.5": 1250, "12": 1200, "£1,200": 120000, ".5": 50, "-3": -300} {
		got, err := ParsePence(in)
		if err != nil || got != want {
			t.Errorf("ParsePence(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "£", "12.505", "twelve", "1.2.3"} {
		if _, err := ParsePence(in); err == nil {
			t.Errorf("ParsePence(%q) accepted", in)
		}
	}
}

func TestFormatMinutes(t *testing.T) {
	for m, want := range map[int]string{0: "0 minutes", 1: "1 minute", 60: "1 hour", 90: "1 hour 30 minutes", 135: "2 hours 15 minutes"} {
		if got := FormatMinutes(m); got != want {
			t.Errorf("FormatMinutes(%d) = %q, want %q", m, got, want)
		}
	}
}

// Facilitators and staff advisers attend, but their time is not volunteers'
// time: only the chair's and members' hours count as involvement.
func TestVolunteerMinutesLeaveOutStaff(t *testing.T) {
	r := &Review{
		Members: []Member{
			{ID: "c", Name: "Chair", Role: RoleChair},
			{ID: "m", Name: "Member", Role: RoleMember},
			{ID: "f", Name: "Facilitator", Role: RoleFacilitator},
			{ID: "s", Name: "Adviser", Role: RoleStaffAdviser},
		},
		MemberIDs: []string{"c", "m", "f", "s"},
		Meetings: []Meeting{
			{ID: "1", StartTime: "10:00", EndTime: "12:00", Attendees: []string{"c", "m", "f", "s"}},
			{ID: "2", StartTime: "18:00", EndTime: "19:30", Attendees: []string{"c", "f"}},
		},
	}
	a := r.Attendance()
	// Everyone: 4 x 120 + 2 x 90 = 660. Volunteers: 2 x 120 + 90 = 330.
	if a.PersonMinutes != 660 || a.VolunteerMinutes != 330 {
		t.Fatalf("person minutes %d, volunteer minutes %d; want 660 and 330", a.PersonMinutes, a.VolunteerMinutes)
	}
	if !strings.Contains(meetingsSentence(r), "5 hours 30 minutes of volunteers' time") {
		t.Errorf("report says %q", meetingsSentence(r))
	}
}
