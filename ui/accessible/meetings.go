package accessible

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"scrutiny/review"
	"scrutiny/store/atomicfile"
	"scrutiny/ui/text"
)

func meetingLine(m review.Meeting) string {
	parts := []string{m.Date.Long()}
	if parts[0] == "" {
		parts[0] = "No date"
	}
	if m.StartTime != "" && m.EndTime != "" {
		parts = append(parts, clean(m.StartTime)+" to "+clean(m.EndTime))
	}
	if v := clean(m.Venue); v != "" {
		parts = append(parts, v)
	}
	return strings.Join(parts, ", ")
}

func (s *session) meetings() error {
	for {
		opts := make([]string, 0, len(s.r.Meetings)+2)
		for _, m := range s.r.Meetings {
			opts = append(opts, meetingLine(m))
		}
		opts = append(opts, "Add a meeting", "Hear the attendance and expenses totals")
		i, err := s.p.choose("This review has "+text.Count(len(s.r.Meetings), "meeting", "meetings")+". Choose one, or another task.", opts, "Back to the review")
		if err != nil {
			return err
		}
		switch {
		case i == len(s.r.Meetings):
			err = s.editMeeting(review.Meeting{})
		case i == len(s.r.Meetings)+1:
			s.attendance()
		default:
			err = s.meetingMenu(s.r.Meetings[i].ID)
		}
		if err != nil && !errors.Is(err, errBack) {
			return err
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

func (s *session) meetingByID(id string) (review.Meeting, bool) {
	for _, m := range s.r.Meetings {
		if m.ID == id {
			return m, true
		}
	}
	return review.Meeting{}, false
}

func (s *session) meetingMenu(id string) error {
	for {
		m, ok := s.meetingByID(id)
		if !ok {
			s.p.say("That meeting is no longer there.")
			return errBack
		}
		opts := []string{"Hear the minutes", "Export the minutes to a file", "Change the date, times, venue and who came",
			"Add an agenda item", "Add a decision", "Add an expense claim", "Change the notes"}
		i, err := s.p.choose("Meeting: "+meetingLine(m)+". What would you like to do?", opts, "Back to the meetings")
		if err != nil {
			return err
		}
		switch i {
		case 0:
			md, err := review.RenderMinutes(s.r, id)
			if err != nil {
				return err
			}
			for _, l := range spokenMinutes(string(md)) {
				s.p.say("%s", l)
			}
		case 1:
			md, err := review.RenderMinutes(s.r, id)
			if err != nil {
				return err
			}
			def := filepath.Join(s.opts.Dir, "minutes-"+slug(m.Date.String(), "meeting")+".md")
			path, err := s.p.text("Which file should the minutes be written to?", def)
			if err != nil {
				return err
			}
			if err := atomicfile.WriteBytes(path, md); err != nil {
				s.p.say("The minutes were not written: %s.", err)
			} else {
				abs, _ := filepath.Abs(path)
				s.p.say("Wrote the minutes to %s.", abs)
			}
		case 2:
			err = s.editMeeting(m)
		case 3:
			var it review.AgendaItem
			if it.Title, err = s.p.required("What is the agenda item?"); err != nil {
				return err
			}
			if it.Minutes, err = s.p.count("How many minutes are allowed for it?", 0); err != nil {
				return err
			}
			m.Agenda = append(m.Agenda, it)
			s.saved(s.st.SaveMeeting(s.ctx, s.r.ID, &m), "agenda item "+clean(it.Title))
		case 4:
			d, err := s.p.required("What did the meeting decide? One line.")
			if err != nil {
				return err
			}
			m.Decisions = append(m.Decisions, d)
			s.saved(s.st.SaveMeeting(s.ctx, s.r.ID, &m), "the decision")
		case 5:
			err = s.addExpense(&m)
		case 6:
			if m.Notes, err = s.p.text("Type the notes of the meeting on one line.", m.Notes); err != nil {
				return err
			}
			s.saved(s.st.SaveMeeting(s.ctx, s.r.ID, &m), "the notes")
		}
		if err != nil && !errors.Is(err, errBack) {
			return err
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

func (s *session) editMeeting(m review.Meeting) error {
	var err error
	if m.Date, err = s.p.date("What date is the meeting? Type it like 2 May 2019.", m.Date); err != nil {
		return err
	}
	for _, t := range []struct {
		q string
		v *string
	}{{"What time does it start? Type it like 18:00 or 6pm, or press Enter to leave it blank.", &m.StartTime},
		{"What time does it end?", &m.EndTime}} {
		for {
			v, err := s.p.text(t.q, *t.v)
			if err != nil {
				return err
			}
			if v == "" {
				break
			}
			min, perr := review.ParseClock(v)
			if perr != nil {
				s.p.say("%s.", capital(perr.Error()))
				continue
			}
			*t.v = review.FormatClock(min)
			break
		}
	}
	if m.StartTime != "" && m.EndTime != "" {
		if _, ok := m.Duration(); !ok {
			s.p.say("The end time is not after the start time, so the meeting's hours will not be counted.")
		}
	}
	if m.Venue, err = s.p.text("Where is it held?", m.Venue); err != nil {
		return err
	}
	if len(s.r.Members) == 0 {
		s.p.say("This review has no panel members yet, so attendance cannot be recorded. Add them under Panel members of this review.")
	} else {
		if m.Attendees, err = s.pickMembers("Who attended?", m.Attendees); err != nil {
			return err
		}
		if m.Apologies, err = s.pickMembers("Who sent apologies?", m.Apologies); err != nil {
			return err
		}
	}
	s.saved(s.st.SaveMeeting(s.ctx, s.r.ID, &m), "the meeting on "+m.Date.Long())
	return nil
}

func (s *session) pickMembers(question string, keep []string) ([]string, error) {
	s.p.say("%s", question)
	for i, m := range s.r.Members {
		s.p.say("%d. %s", i+1, clean(m.Name))
	}
	q := "Type the numbers separated by commas, or press Enter for none."
	if len(keep) > 0 {
		var names []string
		for _, id := range keep {
			if m, ok := s.r.MemberByID(id); ok {
				names = append(names, clean(m.Name))
			}
		}
		q = fmt.Sprintf("Type the numbers separated by commas, or press Enter to keep: %s.", strings.Join(names, ", "))
	}
	picks, err := s.p.numbers(q, len(s.r.Members))
	if err != nil || len(picks) == 0 {
		return keep, err
	}
	out := make([]string, len(picks))
	for i, j := range picks {
		out[i] = s.r.Members[j].ID
	}
	return out, nil
}

func (s *session) addExpense(m *review.Meeting) error {
	var e review.Expense
	if len(s.r.Members) > 0 {
		names := make([]string, 0, len(s.r.Members)+1)
		for _, mem := range s.r.Members {
			names = append(names, clean(mem.Name))
		}
		names = append(names, "Not a member's claim, for example room hire")
		i, err := s.p.choose("Whose claim is it?", names, "Back without adding")
		if err != nil {
			return err
		}
		if i < len(s.r.Members) {
			e.MemberID = s.r.Members[i].ID
		}
	}
	var err error
	if e.Description, err = s.p.required("What is it for? For example: bus fare."); err != nil {
		return err
	}
	for {
		v, err := s.p.required("How much? Type it like 12.50.")
		if err != nil {
			return err
		}
		if e.Pence, err = review.ParsePence(v); err == nil {
			break
		}
		s.p.say("%s.", capital(err.Error()))
	}
	m.Expenses = append(m.Expenses, e)
	s.saved(s.st.SaveMeeting(s.ctx, s.r.ID, m), fmt.Sprintf("expense of %s for %s", review.FormatPence(e.Pence), clean(e.Description)))
	return nil
}

func (s *session) attendance() {
	roster, err := s.st.ListMembers(s.ctx)
	if err != nil {
		roster = nil
	}
	a := s.r.AttendanceWith(roster)
	s.p.say("%s, %s in all, %s, %s, expenses %s.", text.Count(a.Meetings, "meeting", "meetings"), review.FormatMinutes(a.Minutes),
		text.Count(a.Attendances, "attendance", "attendances"), text.Count(a.Apologies, "apology", "apologies"), review.FormatPence(a.ExpensesPence))
	switch a.UntimedMeetings {
	case 0:
	case 1:
		s.p.say("1 meeting has no start or end time, so its hours are not counted.")
	default:
		s.p.say("%d meetings have no start or end time, so their hours are not counted.", a.UntimedMeetings)
	}
	s.p.say("Volunteer time: %s.", review.FormatMinutes(a.VolunteerMinutes))
	for _, m := range a.Members {
		left := ""
		if !m.Left.IsZero() {
			left = ", left the panel " + m.Left.Short()
		}
		s.p.say("%s%s: attended %d, apologies %d, %s, expenses %s.", clean(m.Name), left, m.Meetings, m.Apologies,
			review.FormatMinutes(m.Minutes), review.FormatPence(m.ExpensesPence))
	}
}

func (s *session) members() error {
	for {
		for _, m := range s.r.Members {
			left := ""
			if !m.OnPanel() {
				left = ", has left the panel"
			}
			s.p.say("%s, %s%s.", clean(m.Name), m.Role, left)
		}
		i, err := s.p.choose("This review has "+text.Count(len(s.r.Members), "panel member", "panel members")+".",
			[]string{"Add a member to this review"}, "Back to the review")
		if err != nil {
			return err
		}
		if i == 0 {
			if err := s.addMember(); err != nil && !errors.Is(err, errBack) {
				return err
			}
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

func (s *session) addMember() error {
	roster, err := s.st.ListMembers(s.ctx)
	if err != nil {
		return err
	}
	var others []review.Member
	for _, m := range review.Roster(roster) {
		if _, in := s.r.MemberByID(m.ID); !in && m.OnPanel() {
			others = append(others, m)
		}
	}
	opts := make([]string, 0, len(others)+1)
	for _, m := range others {
		opts = append(opts, fmt.Sprintf("%s, %s", clean(m.Name), clean(string(m.Role))))
	}
	opts = append(opts, "Someone new to the panel")
	i, err := s.p.choose("Who joins this review?", opts, "Back without adding")
	if err != nil {
		return err
	}
	var m review.Member
	if i < len(others) {
		m = others[i]
	} else {
		if m.Name, err = s.p.required("What is their name?"); err != nil {
			return err
		}
		roles := make([]string, len(review.Roles))
		for j, r := range review.Roles {
			roles[j] = capital(string(r))
		}
		j, err := s.p.choose("What is their role?", roles, "Back without adding")
		if err != nil {
			return err
		}
		m.Role = review.Roles[j]
		if !s.saved(s.st.SaveMember(s.ctx, &m), clean(m.Name)+" on the panel roster") {
			return nil
		}
	}
	s.r.MemberIDs = append(s.r.MemberIDs, m.ID)
	s.saved(s.st.SaveReview(s.ctx, s.r), clean(m.Name)+" joined this review")
	return nil
}

// spokenMinutes turns the minutes' markdown into lines that read well
// aloud: table rows become "Date: Thursday 10 January 2019", and the
// markup a screen reader would spell out (#, |, **, backslashes) goes.
func spokenMinutes(md string) []string {
	var out []string
	for _, l := range strings.Split(md, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "", strings.HasPrefix(l, "|---"), l == "| | |":
			continue
		case strings.HasPrefix(l, "|"):
			var cells []string
			for _, c := range strings.Split(strings.ReplaceAll(strings.Trim(l, "|"), `\|`, "\x00"), "|") {
				if c = strings.TrimSpace(strings.ReplaceAll(c, "\x00", "|")); c != "" {
					cells = append(cells, c)
				}
			}
			if len(cells) == 2 {
				l = cells[0] + ": " + cells[1]
			} else {
				l = strings.Join(cells, ", ")
			}
		case strings.HasPrefix(l, "#"):
			l = strings.TrimSpace(strings.TrimLeft(l, "#")) + "."
		}
		l = strings.ReplaceAll(l, "**", "")
		l = unescapeMarkdown(l)
		out = append(out, l)
	}
	return out
}

// unescapeMarkdown drops the backslashes that protect punctuation.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_{}[]()<>#+-.!|~^$:=%&@'\"", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
