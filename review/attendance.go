package review

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// MemberAttendance is one member's involvement: the figures a landlord
// reports as tenant involvement.
type MemberAttendance struct {
	MemberID string
	Name     string
	Role     Role
	Left     Date // zero while still on the panel
	// Meetings attended, and meetings the member sent apologies for.
	Meetings  int
	Apologies int
	// Minutes attended, summed over meetings whose start and end times are
	// known. UntimedMeetings counts attended meetings with no usable times,
	// so a report can say the hours are a lower bound.
	Minutes         int
	UntimedMeetings int
	// ExpensesPence is the sum of the member's claims.
	ExpensesPence int64
}

// ReviewAttendance sums a review's meetings.
type ReviewAttendance struct {
	Meetings        int // meetings held
	Minutes         int // length of the timed meetings, added up
	UntimedMeetings int // meetings with no usable start and end time
	Attendances     int // one per member per meeting attended
	Apologies       int // one per member per meeting
	PersonMinutes   int // each attendee's minutes, staff included
	// VolunteerMinutes is PersonMinutes less facilitators' and staff
	// advisers' time: the tenant involvement a landlord reports.
	VolunteerMinutes int
	ExpensesPence    int64 // all claims
	Members          []MemberAttendance
}

// ParseClock reads a time of day typed by a volunteer ("18:00", "18.30",
// "1830", "6pm", "6:30 pm") and returns minutes after midnight.
func ParseClock(s string) (int, error) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	bad := fmt.Errorf("%q is not a time I can read: type it like 18:30 or 6:30pm", strings.TrimSpace(s))
	if t == "" {
		return 0, bad
	}
	pm, am := strings.HasSuffix(t, "pm"), strings.HasSuffix(t, "am")
	if pm || am {
		t = t[:len(t)-2]
	}
	var hs, ms string
	switch {
	case strings.ContainsAny(t, ":."):
		i := strings.IndexAny(t, ":.")
		hs, ms = t[:i], t[i+1:]
		if len(ms) != 2 {
			return 0, bad
		}
	case len(t) == 4 && !pm && !am:
		hs, ms = t[:2], t[2:]
	default:
		hs, ms = t, "0"
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || m < 0 || m > 59 || h < 0 {
		return 0, bad
	}
	if pm || am {
		if h < 1 || h > 12 {
			return 0, bad
		}
		if h == 12 {
			h = 0
		}
		if pm {
			h += 12
		}
	}
	if h > 23 {
		return 0, bad
	}
	return h*60 + m, nil
}

// FormatClock turns minutes after midnight into "18:30".
func FormatClock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// Duration returns the meeting's length in minutes; ok is false when a time
// is missing or unreadable, or the end is not after the start.
func (m Meeting) Duration() (minutes int, ok bool) {
	if m.StartTime == "" || m.EndTime == "" {
		return 0, false
	}
	s, err := ParseClock(m.StartTime)
	if err != nil {
		return 0, false
	}
	e, err := ParseClock(m.EndTime)
	if err != nil || e <= s {
		return 0, false
	}
	return e - s, true
}

// ExpensesPence sums the meeting's claims.
func (m Meeting) ExpensesPence() int64 {
	var t int64
	for _, e := range m.Expenses {
		t += bounded(e.Pence, MaxPence)
	}
	return t
}

// FormatPence shows an amount of money the British way: "£12.50", "-£3.00".
func FormatPence(p int64) string {
	sign := ""
	if p < 0 {
		// -p of the most negative int64 is itself: keep it in range.
		sign, p = "-", -max(p, -math.MaxInt64)
	}
	pounds := strconv.FormatInt(p/100, 10)
	// Thousands separators make larger totals easy to read aloud.
	for i := len(pounds) - 3; i > 0; i -= 3 {
		pounds = pounds[:i] + "," + pounds[i:]
	}
	return fmt.Sprintf("%s£%s.%02d", sign, pounds, p%100)
}

// ParsePence reads an amount typed as "12.50", "£12.5", "12" or "£1,200" and
// returns it in pence, so sums stay exact.
func ParsePence(s string) (int64, error) {
	t := strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not an amount of money I can read: type it like 12.50", t)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	t = strings.TrimPrefix(t, "£")
	t = strings.ReplaceAll(t, ",", "")
	if t == "" {
		return 0, bad
	}
	whole, frac, hasFrac := strings.Cut(t, ".")
	if whole == "" {
		whole = "0"
	}
	if hasFrac && (len(frac) == 0 || len(frac) > 2) {
		return 0, bad
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w < 0 || f < 0 {
		return 0, bad
	}
	if w > MaxPence/100 || w*100+f > MaxPence {
		return 0, fmt.Errorf("%q is more than %s, the most one expense can be", t, FormatPence(MaxPence))
	}
	p := w*100 + f
	if neg {
		p = -p
	}
	return p, nil
}

// FormatMinutes shows a length of time in words a volunteer reads easily:
// "2 hours", "1 hour 30 minutes", "45 minutes".
func FormatMinutes(min int) string {
	h, m := min/60, min%60
	plural := func(n int, w string) string {
		if n == 1 {
			return "1 " + w
		}
		return fmt.Sprintf("%d %ss", n, w)
	}
	switch {
	case h == 0:
		return plural(m, "minute")
	case m == 0:
		return plural(h, "hour")
	}
	return plural(h, "hour") + " " + plural(m, "minute")
}

// FormatHours shows minutes as decimal hours for tables: "5.75".
func FormatHours(min int) string {
	return strconv.FormatFloat(float64(min)/60, 'f', 2, 64)
}

// Attendance works out the review's figures, one row per member who joined
// the review or appears at any of its meetings, in the review's member order
// and then in order of first appearance. Names come from r.Members; a member
// who has left keeps their row and history.
func (r *Review) Attendance() ReviewAttendance {
	return attendance(r, r.Members)
}

// AttendanceWith is Attendance with names taken from a whole roster, for
// attendees who were never added to the review's members.
func (r *Review) AttendanceWith(roster []Member) ReviewAttendance {
	return attendance(r, append(append([]Member(nil), r.Members...), roster...))
}

func attendance(r *Review, roster []Member) ReviewAttendance {
	var out ReviewAttendance
	idx := map[string]int{}
	row := func(id string) *MemberAttendance {
		if i, ok := idx[id]; ok {
			return &out.Members[i]
		}
		ma := MemberAttendance{MemberID: id, Name: "Unknown member"}
		for _, m := range roster {
			if m.ID == id {
				ma.Name, ma.Role, ma.Left = m.Name, m.Role, m.Left
				break
			}
		}
		idx[id] = len(out.Members)
		out.Members = append(out.Members, ma)
		return &out.Members[len(out.Members)-1]
	}
	for _, id := range r.MemberIDs {
		row(id)
	}
	for _, m := range r.Meetings {
		out.Meetings++
		d, timed := m.Duration()
		if timed {
			out.Minutes += d
		} else {
			out.UntimedMeetings++
		}
		for _, id := range uniq(m.Attendees) {
			a := row(id)
			a.Meetings++
			out.Attendances++
			if timed {
				a.Minutes += d
				out.PersonMinutes += d
				if a.Role != RoleFacilitator && a.Role != RoleStaffAdviser {
					out.VolunteerMinutes += d
				}
			} else {
				a.UntimedMeetings++
			}
		}
		for _, id := range uniq(m.Apologies) {
			row(id).Apologies++
			out.Apologies++
		}
		for _, e := range m.Expenses {
			p := bounded(e.Pence, MaxPence)
			if e.MemberID != "" {
				row(e.MemberID).ExpensesPence += p
			}
			out.ExpensesPence += p
		}
	}
	return out
}

// uniq drops repeats so a member ticked twice is counted once.
func uniq(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// AttendanceAcross sums members' involvement over several reviews, one row
// per roster member (including those who left, who keep their history), in
// roster order with current members first, then anyone unknown to the roster.
func AttendanceAcross(roster []Member, reviews []*Review) []MemberAttendance {
	rows := map[string]*MemberAttendance{}
	var order []string
	for _, m := range Roster(roster) {
		rows[m.ID] = &MemberAttendance{MemberID: m.ID, Name: m.Name, Role: m.Role, Left: m.Left}
		order = append(order, m.ID)
	}
	for _, r := range reviews {
		for _, a := range attendance(r, roster).Members {
			t, ok := rows[a.MemberID]
			if !ok {
				t = &MemberAttendance{MemberID: a.MemberID, Name: a.Name}
				rows[a.MemberID] = t
				order = append(order, a.MemberID)
			}
			t.Meetings += a.Meetings
			t.Apologies += a.Apologies
			t.Minutes += a.Minutes
			t.UntimedMeetings += a.UntimedMeetings
			t.ExpensesPence += a.ExpensesPence
		}
	}
	out := make([]MemberAttendance, 0, len(order))
	for _, id := range order {
		out = append(out, *rows[id])
	}
	return out
}

// Roster orders the panel for display: current members first, then those
// who have left (most recent leaver first), each group keeping saved order.
func Roster(members []Member) []Member {
	out := append([]Member(nil), members...)
	sort.SliceStable(out, func(i, j int) bool {
		li, lj := !out[i].Left.IsZero(), !out[j].Left.IsZero()
		if li != lj {
			return !li
		}
		if li && lj {
			return out[j].Left.Before(out[i].Left)
		}
		return false
	})
	return out
}

// OnPanel reports whether the member is still on the panel.
func (m Member) OnPanel() bool { return m.Left.IsZero() }
