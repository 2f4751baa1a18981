package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/store"
)

// Figures worked out by hand: review A has meetings of 2h, 1h30 and 2h15,
// review B one of 2h30.
func TestAttendanceCommandHandChecked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, m := range []review.Member{
		{Name: "Ann Lee", Role: review.RoleChair},
		{Name: "Bob Hall", Role: review.RoleMember},
		{Name: "Cat Moss", Role: review.RoleMember, Left: review.D(2019, time.June, 30)},
		{Name: "Eve | Park", Role: review.RoleMember, Left: review.D(2018, time.May, 1)},
	} {
		if err := st.SaveMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
		ids[strings.Fields(m.Name)[0]] = m.ID
	}
	ann, bob, cat := ids["Ann"], ids["Bob"], ids["Cat"]
	a := &review.Review{Topic: "Contact", MemberIDs: []string{ann, bob, cat}}
	b := &review.Review{Topic: "Repairs", MemberIDs: []string{bob, cat}}
	for _, r := range []*review.Review{a, b} {
		if err := st.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []review.Meeting{
		{StartTime: "18:00", EndTime: "20:00", Attendees: []string{ann, bob, cat},
			Expenses: []review.Expense{{MemberID: ann, Description: "Bus", Pence: 1250}, {MemberID: bob, Description: "Taxi", Pence: 780}, {Description: "Room", Pence: 500}}},
		{StartTime: "10:00", EndTime: "11:30", Attendees: []string{ann}, Apologies: []string{bob, cat}},
		{StartTime: "6pm", EndTime: "8:15pm", Attendees: []string{ann, bob}, Apologies: []string{cat},
			Expenses: []review.Expense{{MemberID: ann, Description: "Parking", Pence: 320}}},
	} {
		if err := st.SaveMeeting(ctx, a.ID, &m); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveMeeting(ctx, b.ID, &review.Meeting{StartTime: "09:30", EndTime: "12:00", Attendees: []string{cat, bob},
		Expenses: []review.Expense{{MemberID: cat, Description: "Train", Pence: 1999}}}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	md := must(t, dir, "--db", db, "attendance").stdout
	for _, want := range []string{
		"4 meetings lasting 8 hours 15 minutes in all; 8 attendances; 17 hours of volunteers' time; expenses £48.49.",
		"| Ann Lee | chair | yes | 3 | 0 | 5 hours 45 minutes | £15.70 |",
		"| Bob Hall | member | yes | 3 | 1 | 6 hours 45 minutes | £7.80 |",
		"| Eve \\| Park | member | left 1 May 2018 | 0 | 0 | 0 minutes | £0.00 |",
		"| Cat Moss | member | left 30 June 2019 | 2 | 2 | 4 hours 30 minutes | £19.99 |",
		"| Contact | 3 | 5 hours 45 minutes | 6 | 12 hours | £28.50 |",
		"| Repairs | 1 | 2 hours 30 minutes | 2 | 5 hours | £19.99 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("attendance lacks %q:\n%s", want, md)
		}
	}
	// Leavers come after current members, the most recent leaver first.
	if strings.Index(md, "Cat Moss") > strings.Index(md, "Eve") {
		t.Errorf("order:\n%s", md)
	}

	csvOut := must(t, dir, "--db", db, "attendance", "--review", b.ID, "--format", "csv").stdout
	want := "member,role,left,meetings,apologies,hours,expenses\nBob Hall,member,,1,0,2.50,0.00\nCat Moss,member,2019-06-30,1,0,2.50,19.99\n"
	if csvOut != want {
		t.Errorf("csv for one review:\n%s\nwant:\n%s", csvOut, want)
	}
	expect(t, scrutiny(t, dir, "--db", db, "attendance", "--format", "xls"), 2, "--format must be md or csv")
}

// Volunteers' time leaves out facilitators and staff advisers, as the report
// does: 2 x 120 + 90 = 330 minutes, not the 660 everyone spent.
func TestAttendanceVolunteerTimeLeavesOutStaff(t *testing.T) {
	roster := []review.Member{
		{ID: "c", Name: "Chair", Role: review.RoleChair},
		{ID: "m", Name: "Member", Role: review.RoleMember},
		{ID: "f", Name: "Facilitator", Role: review.RoleFacilitator},
		{ID: "s", Name: "Adviser", Role: review.RoleStaffAdviser},
	}
	r := &review.Review{Topic: "Repairs", MemberIDs: []string{"c", "m", "f", "s"}, Meetings: []review.Meeting{
		{ID: "1", StartTime: "10:00", EndTime: "12:00", Attendees: []string{"c", "m", "f", "s"}},
		{ID: "2", StartTime: "18:00", EndTime: "19:30", Attendees: []string{"c", "f"}},
	}}
	md := attendanceMarkdown(roster, []*review.Review{r, {Topic: "Empty"}})
	for _, want := range []string{"6 attendances; 5 hours 30 minutes of volunteers' time (11 hours including facilitators and staff advisers)", "| Repairs | 2 | 3 hours 30 minutes | 6 | 5 hours 30 minutes | £0.00 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in:\n%s", want, md)
		}
	}
}
