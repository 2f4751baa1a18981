package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "attendance",
		summary: "panel involvement: meetings, apologies, hours and expenses per member and per review",
		usage: `Usage: scrutiny attendance [--review ID] [--format md|csv] [-o FILE] [--db FILE]

Adds up the meetings of every review (or one review): for each member of the
panel, including those who have left, the meetings attended, apologies sent,
hours from the meetings' start and end times, and expenses claimed; then the
totals of each review. Landlords report these figures as tenant involvement.

  --review ID    only this review ("scrutiny list" shows the IDs)
  --format md    a table to read or paste into a report (default)
  --format csv   one row per member, for a spreadsheet
  -o FILE        write to FILE instead of the screen

Meetings with no start or end time count as attended but add no hours.

Examples:
  scrutiny attendance
  scrutiny attendance --format csv -o involvement.csv
`,
		run: runAttendance,
	})
}

func runAttendance(ctx context.Context, a *app, args []string) (err error) {
	c := commands["attendance"]
	fs := a.newFlags(c)
	id := fs.String("review", "", "review ID")
	format := fs.String("format", "md", "md or csv")
	out := outputFlag(fs)
	if err := a.parseNoArgs(c, fs, args); err != nil {
		return err
	}
	*format = strings.ToLower(*format)
	if *format != "md" && *format != "csv" {
		return usagef(c, "--format must be md or csv, not %q", *format)
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	roster, reviews, err := loadForAttendance(ctx, st, *id)
	if err != nil {
		return err
	}
	fill := func(w io.Writer) error {
		if *format == "csv" {
			return attendanceCSV(w, roster, reviews)
		}
		_, err := io.WriteString(w, attendanceMarkdown(roster, reviews))
		return err
	}
	return a.emit(*out, fill)
}

func loadForAttendance(ctx context.Context, st *store.Store, id string) ([]review.Member, []*review.Review, error) {
	roster, err := st.ListMembers(ctx)
	if err != nil {
		return nil, nil, err
	}
	var ids []string
	if id != "" {
		ids = []string{id}
	} else {
		sums, err := st.ListReviewTopics(ctx)
		if err != nil {
			return nil, nil, err
		}
		for _, s := range sums {
			ids = append(ids, s.ID)
		}
	}
	var reviews []*review.Review
	for _, rid := range ids {
		r, err := st.LoadReview(ctx, rid)
		if err != nil {
			return nil, nil, notFound(err, rid)
		}
		reviews = append(reviews, r)
	}
	return roster, reviews, nil
}

func panelStatus(m review.MemberAttendance) string {
	if m.Left.IsZero() {
		return "yes"
	}
	return "left " + m.Left.Short()
}

func attendanceMarkdown(roster []review.Member, reviews []*review.Review) string {
	var b strings.Builder
	b.WriteString("# Panel involvement\n\n")
	if len(reviews) == 1 {
		fmt.Fprintf(&b, "Review: %s.\n\n", review.EscapeInline(reviews[0].Topic))
	}
	// Each review's figures are worked out once: for the totals here and
	// for the table by review below.
	per := make([]review.ReviewAttendance, len(reviews))
	var tot review.ReviewAttendance
	for i, r := range reviews {
		a := r.AttendanceWith(roster)
		per[i] = a
		tot.Meetings += a.Meetings
		tot.Minutes += a.Minutes
		tot.Attendances += a.Attendances
		tot.VolunteerMinutes += a.VolunteerMinutes
		tot.PersonMinutes += a.PersonMinutes
		tot.ExpensesPence += a.ExpensesPence
		tot.UntimedMeetings += a.UntimedMeetings
	}
	// Volunteers' time leaves out facilitators and staff advisers, as the
	// report does: it is the tenant involvement a landlord reports.
	// The table's hours count everyone at the meeting, so the sentence
	// gives both figures and they add up.
	staff := ""
	if tot.PersonMinutes != tot.VolunteerMinutes {
		staff = " (" + review.FormatMinutes(tot.PersonMinutes) + " including facilitators and staff advisers)"
	}
	fmt.Fprintf(&b, "%s lasting %s in all; %s; %s of volunteers' time%s; expenses %s.\n\n",
		text.Count(tot.Meetings, "meeting", "meetings"), review.FormatMinutes(tot.Minutes), text.Count(tot.Attendances, "attendance", "attendances"),
		review.FormatMinutes(tot.VolunteerMinutes), staff, review.FormatPence(tot.ExpensesPence))
	if tot.UntimedMeetings > 0 {
		fmt.Fprintf(&b, "%d meetings have no start or end time, so their hours are not counted.\n\n", tot.UntimedMeetings)
	}
	rows := review.AttendanceAcross(roster, reviews)
	if len(reviews) == 1 {
		rows = keepInvolved(rows, reviews[0])
	}
	b.WriteString("| Member | Role | On the panel | Meetings | Apologies | Hours | Expenses |\n|---|---|---|--:|--:|--:|--:|\n")
	for _, m := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %d | %s | %s |\n", review.EscapeCell(m.Name), review.EscapeCell(string(m.Role)), panelStatus(m),
			m.Meetings, m.Apologies, review.FormatMinutes(m.Minutes), review.FormatPence(m.ExpensesPence))
	}
	if len(reviews) > 1 {
		b.WriteString("\n## By review\n\n| Review | Meetings | Hours | Attendances | Volunteer hours | Expenses |\n|---|--:|--:|--:|--:|--:|\n")
		for i, r := range reviews {
			a := per[i]
			fmt.Fprintf(&b, "| %s | %d | %s | %d | %s | %s |\n", review.EscapeCell(r.Topic), a.Meetings, review.FormatMinutes(a.Minutes),
				a.Attendances, review.FormatMinutes(a.VolunteerMinutes), review.FormatPence(a.ExpensesPence))
		}
	}
	return b.String()
}

// keepInvolved limits the roster to one review's members and anyone who
// came to, or sent apologies to, its meetings.
func keepInvolved(rows []review.MemberAttendance, r *review.Review) []review.MemberAttendance {
	in := map[string]bool{}
	for _, id := range r.MemberIDs {
		in[id] = true
	}
	var out []review.MemberAttendance
	for _, m := range rows {
		if in[m.MemberID] || m.Meetings > 0 || m.Apologies > 0 || m.ExpensesPence != 0 {
			out = append(out, m)
		}
	}
	return out
}

func attendanceCSV(w io.Writer, roster []review.Member, reviews []*review.Review) error {
	cw := csv.NewWriter(w)
	rows := review.AttendanceAcross(roster, reviews)
	if len(reviews) == 1 {
		rows = keepInvolved(rows, reviews[0])
	}
	_ = cw.Write([]string{"member", "role", "left", "meetings", "apologies", "hours", "expenses"})
	for _, m := range rows {
		_ = cw.Write([]string{review.SpreadsheetCell(m.Name), review.SpreadsheetCell(string(m.Role)), m.Left.String(), strconv.Itoa(m.Meetings), strconv.Itoa(m.Apologies),
			review.FormatHours(m.Minutes), plainPounds(m.ExpensesPence)})
	}
	cw.Flush()
	return cw.Error()
}

// plainPounds is an amount a spreadsheet reads as a number: "1234.56".
func plainPounds(p int64) string {
	sign := ""
	if p < 0 {
		sign, p = "-", -p
	}
	return fmt.Sprintf("%s%d.%02d", sign, p/100, p%100)
}
