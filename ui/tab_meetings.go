package ui

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/present"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// meetingsTab is tab 0: the review's meetings (date, times, venue, who
// came, agenda, notes, decisions, expenses) and the panel roster with each
// member's attendance. Members who left stay listed with their history.
type meetingsTab struct {
	*splitTab
	keys meetingsKeys
	// timer is the agenda item being timed on the wall: meeting, index and
	// when it began. Only one item is timed at once.
	timerMeeting string
	timerIndex   int
	timerSince   time.Time
	// The title's totals and the roster's order, worked out once per
	// change of the review rather than on every frame.
	builtAt int
	title   string
	roster  []review.Member
}

// build works out the title and the roster's order after a change.
func (s *meetingsTab) build() {
	ws := s.ws
	if s.builtAt == ws.version && s.roster != nil {
		return
	}
	s.builtAt = ws.version
	a := ws.rev.AttendanceWith(ws.roster)
	s.title = fmt.Sprintf("Meetings (%d) · %s · %s", a.Meetings, shortHours(a.Minutes), review.FormatPence(a.ExpensesPence))
	s.roster = review.Roster(ws.roster)
}

func newMeetingsTab(ws *workspace) *meetingsTab {
	s := &meetingsTab{splitTab: newSplitTab(ws), builtAt: -1, keys: newMeetingsKeys()}
	s.listTitle = func() string { s.build(); return s.title }
	s.count = func() int { return len(ws.rev.Meetings) + 1 + len(ws.roster) }
	s.selectable = func(i int) bool { return i != len(ws.rev.Meetings) }
	s.idAt = func(i int) string {
		n := len(ws.rev.Meetings)
		switch {
		case i < n:
			return "meeting:" + ws.rev.Meetings[i].ID
		case i == n:
			return ""
		}
		s.build()
		return "member:" + s.roster[i-n-1].ID
	}
	s.row = func(i int) (string, func(style.Styles) lipgloss.Style) {
		n := len(ws.rev.Meetings)
		switch {
		case i < n:
			return meetingRow(ws.rev.Meetings[i]), nil
		case i == n:
			return "Panel members (✓ on this review)", func(s style.Styles) lipgloss.Style { return s.Heading }
		}
		s.build()
		return memberRow(ws, s.roster[i-n-1]), nil
	}
	s.emptyDetail = "Press ctrl+n to add a meeting, or alt+m to add a panel member."
	s.buildDetail = func(id string) []field {
		if mid, ok := strings.CutPrefix(id, "meeting:"); ok {
			return meetingFields(ws, mid)
		}
		return memberFields(ws, strings.TrimPrefix(id, "member:"))
	}
	s.extraKeys = func() []key.Binding {
		return []key.Binding{s.keys.AddMeeting, s.keys.AddMember, s.keys.Delete, s.keys.Minutes, s.keys.Timer}
	}
	s.extra = s.handle
	s.reload()
	return s
}

func shortHours(min int) string {
	if min%60 == 0 {
		return fmt.Sprintf("%dh", min/60)
	}
	return fmt.Sprintf("%dh%02d", min/60, min%60)
}

func meetingRow(m review.Meeting) string {
	parts := []string{text.OrEmpty(m.Date.Short(), "(no date)")}
	if m.StartTime != "" {
		t := m.StartTime
		if m.EndTime != "" {
			t += "–" + m.EndTime
		}
		parts = append(parts, t)
	}
	if v := text.OneLine(m.Venue); v != "" {
		parts = append(parts, v)
	}
	return strings.Join(parts, " · ")
}

func memberRow(ws *workspace, m review.Member) string {
	mark := "  "
	if slices.Contains(ws.rev.MemberIDs, m.ID) {
		mark = "✓ "
	}
	row := mark + text.OrEmpty(text.OneLine(m.Name), "(no name)")
	if !m.OnPanel() {
		row += " (left)"
	}
	return row
}

// roomItem tells the wall what this tab shows: the timed agenda item while
// a timer runs, otherwise the selected meeting.
func (s *meetingsTab) roomItem() (kind, id string, since int64) {
	if s.timerMeeting != "" {
		return present.ItemAgenda, present.AgendaItem(s.timerMeeting, s.timerIndex), s.timerSince.UnixMilli()
	}
	if mid, ok := strings.CutPrefix(s.selectedID(), "meeting:"); ok {
		return present.ItemMeeting, mid, 0
	}
	return "", "", 0
}

func (s *meetingsTab) jump(id string) bool {
	s.reload()
	if s.select_(id) {
		s.focusDetail("")
		return true
	}
	return false
}

func (s *meetingsTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	k := s.keys
	writing := key.Matches(msg, k.AddMeeting) || key.Matches(msg, k.AddMember) || key.Matches(msg, k.Delete)
	if writing && !ws.e.writable() {
		return true, nil
	}
	switch {
	case key.Matches(msg, k.AddMeeting):
		m := review.Meeting{}
		return true, s.addThenType("a meeting", store.KindMeeting, "meeting:", "mt-date", func() (string, error) {
			if err := ws.e.st.SaveMeeting(ws.e.ctx, ws.rev.ID, &m); err != nil {
				return m.ID, err
			}
			_ = ws.reload()
			return m.ID, nil
		})
	case key.Matches(msg, k.AddMember):
		m := review.Member{Role: review.RoleMember}
		ids := append(append([]string{}, ws.rev.MemberIDs...), "")
		return true, s.addThenType("a panel member", store.KindMember, "member:", "mb-name", func() (string, error) {
			if err := ws.e.st.SaveMember(ws.e.ctx, &m); err != nil {
				return m.ID, err
			}
			ids[len(ids)-1] = m.ID
			if err := ws.saveHeader(func(r *review.Review) { r.MemberIDs = ids }); err != nil {
				return m.ID, err
			}
			_ = ws.reload()
			return m.ID, nil
		})
	case key.Matches(msg, k.Delete):
		return true, s.confirmDelete()
	case key.Matches(msg, k.Minutes):
		mid, ok := strings.CutPrefix(s.selectedID(), "meeting:")
		if !ok {
			ws.e.noteWhile("choose a meeting first, then alt+x writes its minutes", s.noMeetingChosen)
			return true, nil
		}
		i, m := meetingIndex(ws, mid)
		abs, err := ws.e.exportPath(fmt.Sprintf("minutes-%d-%s.md", i+1, text.OrEmpty(m.Date.String(), "undated")))
		if err != nil {
			ws.e.fail("write the minutes", err)
			return true, nil
		}
		// Asking first shows where the file goes before anything is written.
		return true, send(confirmMsg{
			question: "Write the minutes of this meeting to " + abs + "?",
			yes: func() tea.Cmd {
				md, err := review.RenderMinutes(ws.rev, mid)
				if err == nil {
					err = writeFileAtomic(abs, md)
				}
				if err != nil {
					ws.e.fail("write the minutes", err)
					return nil
				}
				ws.e.note("minutes written to " + abs)
				return nil
			}})
	case key.Matches(msg, k.Timer):
		s.nextTimer()
		return true, nil
	}
	return false, nil
}

// noMeetingChosen reports that the list's selection is not a meeting.
func (s *meetingsTab) noMeetingChosen() bool {
	return !strings.HasPrefix(s.selectedID(), "meeting:")
}

// nextTimer starts the wall's timer on the selected meeting's first agenda
// item, then moves it to the next item, and after the last one stops.
func (s *meetingsTab) nextTimer() {
	ws := s.ws
	mid, ok := strings.CutPrefix(s.selectedID(), "meeting:")
	if !ok {
		ws.e.noteWhile("choose a meeting with an agenda first", s.noMeetingChosen)
		return
	}
	_, m := meetingIndex(ws, mid)
	switch {
	case len(m.Agenda) == 0:
		ws.e.note("this meeting has no agenda yet: type its items in Agenda")
		return
	case s.timerMeeting != mid:
		s.timerMeeting, s.timerIndex = mid, 0
	case s.timerIndex+1 < len(m.Agenda):
		s.timerIndex++
	default:
		s.timerMeeting = ""
		ws.e.note("agenda timer stopped")
		return
	}
	s.timerSince = ws.e.now()
	ws.e.note(fmt.Sprintf("timing item %d: %s (F5 shows it large)", s.timerIndex+1, text.OneLine(m.Agenda[s.timerIndex].Title)))
}

// stepTimer moves the running timer to the next or previous agenda item,
// starting its clock again; it stops after the last item.
func (s *meetingsTab) stepTimer(step int) bool {
	_, m := meetingIndex(s.ws, s.timerMeeting)
	i := s.timerIndex + step
	switch {
	case i < 0:
		return false
	case i >= len(m.Agenda):
		s.timerMeeting = ""
		s.ws.e.note("agenda timer stopped")
		return true
	}
	s.timerIndex, s.timerSince = i, s.ws.e.now()
	return true
}

func (s *meetingsTab) confirmDelete() tea.Cmd {
	ws := s.ws
	id := s.selectedID()
	if mid, ok := strings.CutPrefix(id, "meeting:"); ok {
		_, m := meetingIndex(ws, mid)
		return send(confirmMsg{
			question: fmt.Sprintf("Move the meeting of %s to the bin?", text.OrEmpty(m.Date.Short(), "(no date)")),
			yes: func() tea.Cmd {
				s.detail = false
				if s.timerMeeting == mid {
					s.timerMeeting = ""
				}
				ws.remove("the meeting", store.KindMeeting, mid)
				s.reload()
				return nil
			}})
	}
	if uid, ok := strings.CutPrefix(id, "member:"); ok {
		m := memberByID(ws, uid)
		return s.confirmRemove(fmt.Sprintf("Move %s to the bin? To keep their history, set the date they left instead.", text.Truncate(text.OneLine(text.OrEmpty(m.Name, "this member")), 30)),
			"the member", store.KindMember, uid)
	}
	return nil
}

func meetingIndex(ws *workspace, id string) (int, review.Meeting) {
	for i, m := range ws.rev.Meetings {
		if m.ID == id {
			return i, m
		}
	}
	return -1, review.Meeting{}
}

func memberByID(ws *workspace, id string) review.Member {
	for _, m := range ws.roster {
		if m.ID == id {
			return m
		}
	}
	return review.Member{}
}

// saveMeeting applies a change, saves it, and only then keeps it in memory.
func (ws *workspace) saveMeeting(id string, apply func(m *review.Meeting) error) error {
	i, _ := meetingIndex(ws, id)
	// Lists are copied so a failed save leaves the shown meeting untouched.
	clone := func(m review.Meeting) review.Meeting {
		m.Attendees, m.Apologies = slices.Clone(m.Attendees), slices.Clone(m.Apologies)
		return m
	}
	return saveCopy(ws, ws.rev.Meetings, i, clone, apply,
		patch(func(b, a *review.Meeting) (review.Meeting, error) {
			return ws.e.st.PatchMeeting(ws.e.ctx, ws.rev.ID, b, a)
		}))
}

// saveMember changes a roster entry; the review's own copy of the member
// follows once the store has it.
func (ws *workspace) saveMember(id string, apply func(m *review.Member) error) error {
	i := slices.IndexFunc(ws.roster, func(m review.Member) bool { return m.ID == id })
	err := saveCopy(ws, ws.roster, i, same, apply,
		patch(func(b, a *review.Member) (review.Member, error) { return ws.e.st.PatchMember(ws.e.ctx, b, a) }))
	if err != nil {
		return err
	}
	for j := range ws.rev.Members {
		if ws.rev.Members[j].ID == id {
			ws.rev.Members[j] = ws.roster[i]
		}
	}
	return nil
}

func meetingFields(ws *workspace, id string) []field {
	get := func() review.Meeting { _, m := meetingIndex(ws, id); return m }
	set := func(apply func(m *review.Meeting) error) error { return ws.saveMeeting(id, apply) }
	clock := func(fid, label string, at func(m *review.Meeting) *string) field {
		return field{id: fid, label: label, kind: fText, placeholder: "e.g. 18:00 or 6pm",
			get: func() string { m := get(); return *at(&m) },
			set: func(v string) error {
				if strings.TrimSpace(v) != "" {
					min, err := review.ParseClock(v)
					if err != nil {
						return err
					}
					v = review.FormatClock(min)
				}
				return set(func(m *review.Meeting) error {
					*at(m) = v
					// Checked on the end only, so a meeting can be moved later
					// by typing its new start, then its new end.
					if _, ok := m.Duration(); fid == "mt-end" && v != "" && m.StartTime != "" && !ok {
						return fmt.Errorf("the meeting cannot end at %s when it starts at %s", v, m.StartTime)
					}
					return nil
				})
			}}
	}
	people := func(fid, label string, at func(m *review.Meeting) *[]string) field {
		return field{id: fid, label: label, kind: fLines, placeholder: "(one name a line, as on the roster)",
			get: func() string { m := get(); return strings.Join(memberNames(ws, *at(&m)), "\n") },
			set: func(v string) error {
				ids, err := memberIDs(ws, v)
				if err != nil {
					return err
				}
				return set(func(m *review.Meeting) error {
					*at(m) = ids
					// One person cannot both come and send apologies.
					for _, id := range m.Attendees {
						if slices.Contains(m.Apologies, id) {
							return fmt.Errorf("%s is both present and giving apologies: keep them in one list only",
								text.OrEmpty(memberByID(ws, id).Name, "someone"))
						}
					}
					return nil
				})
			}}
	}
	fs := []field{
		{id: "h-meeting", label: "Meeting", kind: fHeading},
		{id: "mt-date", label: "Date", kind: fDate, placeholder: datePlaceholder,
			get: func() string { return get().Date.Short() },
			set: func(v string) error {
				d, err := ws.e.parseDate(v)
				if err != nil {
					return err
				}
				return set(func(m *review.Meeting) error { m.Date = d; return nil })
			}},
		clock("mt-start", "Start time", func(m *review.Meeting) *string { return &m.StartTime }),
		clock("mt-end", "End time", func(m *review.Meeting) *string { return &m.EndTime }),
		{id: "mt-venue", label: "Venue", kind: fText, placeholder: "(where)",
			get: func() string { return get().Venue },
			set: func(v string) error { return set(func(m *review.Meeting) error { m.Venue = v; return nil }) }},
		people("mt-attendees", "Present", func(m *review.Meeting) *[]string { return &m.Attendees }),
		people("mt-apologies", "Apologies", func(m *review.Meeting) *[]string { return &m.Apologies }),
		{id: "mt-agenda", label: "Agenda", kind: fLines, placeholder: "(one item a line, e.g. Welcome (10 min))",
			get: func() string { return agendaText(get().Agenda) },
			set: func(v string) error {
				return set(func(m *review.Meeting) error { m.Agenda = parseAgenda(v, m.Agenda); return nil })
			}},
		{id: "mt-notes", label: "Notes", kind: fMulti, placeholder: "(what was discussed)",
			get: func() string { return get().Notes },
			set: func(v string) error { return set(func(m *review.Meeting) error { m.Notes = v; return nil }) }},
		{id: "mt-decisions", label: "Decisions", kind: fLines, placeholder: "(one decision a line)",
			get: func() string { return strings.Join(get().Decisions, "\n") },
			set: func(v string) error {
				return set(func(m *review.Meeting) error { m.Decisions = nonEmptyLines(v); return nil })
			}},
		{id: "mt-expenses", label: "Expenses", kind: fLines, placeholder: "(one a line: Ann Lee: bus fare £4.20)",
			get: func() string { return expensesText(ws, get().Expenses) },
			set: func(v string) error {
				ex, err := parseExpenses(ws, v)
				if err != nil {
					return err
				}
				return set(func(m *review.Meeting) error { m.Expenses = ex; return nil })
			}},
	}
	m := get()
	summary := fmt.Sprintf("%d present · %d %s", len(m.Attendees), len(m.Apologies), text.Plural(len(m.Apologies), "apology", "apologies"))
	if d, ok := m.Duration(); ok {
		summary += " · " + shortHours(d)
	}
	summary += " · " + review.FormatPence(m.ExpensesPence())
	fs = append(fs, field{id: "h-mt-sum", label: summary, kind: fHeading},
		field{id: "h-mt-keys", label: "x minutes · s agenda timer (F5 shows it)", kind: fHeading})
	return fs
}

func memberFields(ws *workspace, id string) []field {
	set := func(apply func(m *review.Member) error) error { return ws.saveMember(id, apply) }
	roles := make([]string, len(review.Roles))
	for i, r := range review.Roles {
		roles[i] = string(r)
	}
	date := func(fid, label, ph string, at func(m *review.Member) *review.Date) field {
		return field{id: fid, label: label, kind: fDate, placeholder: ph,
			get: func() string { m := memberByID(ws, id); return at(&m).Short() },
			set: func(v string) error {
				d, err := ws.e.parseDate(v)
				if err != nil {
					return err
				}
				return set(func(m *review.Member) error { *at(m) = d; return nil })
			}}
	}
	fs := []field{
		{id: "h-member", label: "Panel member", kind: fHeading},
		{id: "mb-name", label: "Name", kind: fText, placeholder: "(their name)",
			get: func() string { return memberByID(ws, id).Name },
			set: func(v string) error {
				if strings.TrimSpace(v) == "" {
					return fmt.Errorf("a member needs a name")
				}
				return set(func(m *review.Member) error { m.Name = v; return nil })
			}},
		{id: "mb-role", label: "Role", kind: fChoice, choices: roles,
			get: func() string { return string(memberByID(ws, id).Role) },
			set: func(v string) error { return set(func(m *review.Member) error { m.Role = review.Role(v); return nil }) }},
		{id: "mb-tenure", label: "Tenure", kind: fChoice, choices: tenureChoices(),
			get: func() string { return text.OrEmpty(string(memberByID(ws, id).Tenure), notSaid) },
			set: func(v string) error {
				if v == notSaid {
					v = ""
				}
				return set(func(m *review.Member) error { m.Tenure = review.Tenure(v); return nil })
			}},
		{id: "mb-review", label: "On this review", kind: fChoice, choices: []string{"yes", "no"},
			get: func() string {
				if slices.Contains(ws.rev.MemberIDs, id) {
					return "yes"
				}
				return "no"
			},
			set: func(v string) error {
				var ids []string
				for _, x := range ws.rev.MemberIDs {
					if x != id {
						ids = append(ids, x)
					}
				}
				if v == "yes" {
					ids = append(ids, id)
				}
				return ws.saveHeader(func(r *review.Review) {
					r.MemberIDs = ids
					r.Members = nil
					for _, x := range ids {
						r.Members = append(r.Members, memberByID(ws, x))
					}
				})
			}},
		date("mb-joined", "Joined", "(when they joined the panel)", func(m *review.Member) *review.Date { return &m.Joined }),
		date("mb-left", "Left", "(blank while on the panel)", func(m *review.Member) *review.Date { return &m.Left }),
		{id: "mb-notes", label: "Notes", kind: fMulti, placeholder: "(anything the panel needs to know)",
			get: func() string { return memberByID(ws, id).Notes },
			set: func(v string) error { return set(func(m *review.Member) error { m.Notes = v; return nil }) }},
	}
	for _, a := range ws.rev.AttendanceWith(ws.roster).Members {
		if a.MemberID != id {
			continue
		}
		// Two short lines, so neither is cut off in a narrow pane.
		fs = append(fs, field{id: "h-mb-att", kind: fHeading, label: fmt.Sprintf("This review: %d %s (%s), %d %s",
			a.Meetings, text.Plural(a.Meetings, "meeting", "meetings"), review.FormatMinutes(a.Minutes),
			a.Apologies, text.Plural(a.Apologies, "apology", "apologies"))},
			field{id: "h-mb-exp", kind: fHeading, label: "Expenses on this review: " + review.FormatPence(a.ExpensesPence)})
	}
	return fs
}

func memberNames(ws *workspace, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, text.OrEmpty(memberByID(ws, id).Name, "(unknown member)"))
	}
	return out
}

// memberIDs reads names typed one a line, matching the roster without
// regard to case; a name not on the roster is refused with a way forward.
func memberIDs(ws *workspace, v string) ([]string, error) {
	var ids []string
	for _, name := range nonEmptyLines(v) {
		found := ""
		for _, m := range ws.roster {
			if strings.EqualFold(strings.TrimSpace(m.Name), name) {
				found = m.ID
				break
			}
		}
		if found == "" {
			return nil, fmt.Errorf("%q is not on the panel roster: add them with m first, or check the spelling", name)
		}
		if !slices.Contains(ids, found) {
			ids = append(ids, found)
		}
	}
	return ids, nil
}

func nonEmptyLines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, t)
		}
	}
	return out
}

var agendaMinutes = regexp.MustCompile(`^(.*?)\s*\((\d{1,3})\s*(?:min|mins|minutes)\)\s*$`)

func agendaText(items []review.AgendaItem) string {
	lines := make([]string, len(items))
	for i, it := range items {
		lines[i] = it.Title
		if it.Minutes > 0 {
			lines[i] += fmt.Sprintf(" (%d min)", it.Minutes)
		}
	}
	return strings.Join(lines, "\n")
}

// parseAgenda reads "Title (20 min)" lines, keeping the notes of items
// whose titles did not change.
func parseAgenda(v string, old []review.AgendaItem) []review.AgendaItem {
	var out []review.AgendaItem
	for _, l := range nonEmptyLines(v) {
		it := review.AgendaItem{Title: l}
		if m := agendaMinutes.FindStringSubmatch(l); m != nil {
			it.Title = m[1]
			it.Minutes, _ = strconv.Atoi(m[2])
		}
		for _, o := range old {
			if o.Title == it.Title {
				it.Notes = o.Notes
				break
			}
		}
		out = append(out, it)
	}
	return out
}

func expensesText(ws *workspace, ex []review.Expense) string {
	lines := make([]string, len(ex))
	for i, e := range ex {
		who := ""
		if e.MemberID != "" {
			who = text.OrEmpty(memberByID(ws, e.MemberID).Name, "(unknown member)") + ": "
		}
		lines[i] = who + e.Description + " " + review.FormatPence(e.Pence)
	}
	return strings.Join(lines, "\n")
}

// parseExpenses reads "Ann Lee: bus fare £4.20" lines: a roster name before
// the colon (optional, for costs such as room hire), then what it was for,
// then the amount last.
func parseExpenses(ws *workspace, v string) ([]review.Expense, error) {
	var out []review.Expense
	for _, l := range nonEmptyLines(v) {
		i := strings.LastIndexAny(l, " \t")
		if i < 0 {
			return nil, fmt.Errorf("%q needs what it was for and an amount, like: Ann Lee: bus fare £4.20", l)
		}
		p, err := review.ParsePence(l[i+1:])
		if err != nil {
			return nil, err
		}
		// A refund is not an expense; a minus sign here is almost always a slip.
		if p < 0 {
			return nil, fmt.Errorf("%q: an expense cannot be less than nothing; type the amount paid, like £4.20", l)
		}
		e := review.Expense{Description: strings.TrimSpace(l[:i]), Pence: p}
		if who, what, ok := strings.Cut(e.Description, ":"); ok {
			ids, err := memberIDs(ws, who)
			if err != nil {
				return nil, err
			}
			if len(ids) == 1 {
				e.MemberID = ids[0]
			}
			e.Description = strings.TrimSpace(what)
		}
		out = append(out, e)
	}
	return out, nil
}

// notSaid is the choice for a tenure nobody gave.
const notSaid = "not said"

func tenureChoices() []string {
	out := []string{notSaid}
	for _, t := range review.Tenures {
		out = append(out, string(t))
	}
	return out
}
