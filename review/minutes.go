package review

import (
	"bytes"
	"fmt"
	"strings"
)

// RenderMinutes writes the minutes of one meeting of the review as markdown:
// when and where, who came and who sent apologies, the agenda with the time
// allowed, notes, decisions and expenses. Like the report it is a pure
// function, so the UI, the command line and the tests share it.
func RenderMinutes(r *Review, meetingID string) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("there is no review to take minutes from")
	}
	var m *Meeting
	num := 0
	for i := range r.Meetings {
		if r.Meetings[i].ID == meetingID {
			m, num = &r.Meetings[i], i+1
			break
		}
	}
	if m == nil {
		return nil, fmt.Errorf("this review has no meeting with the ID %q", meetingID)
	}
	name := func(id string) string {
		if mem, ok := r.MemberByID(id); ok {
			if mem.Role != "" && mem.Role != RoleMember {
				return EscapeInline(mem.Name) + " (" + EscapeInline(string(mem.Role)) + ")"
			}
			return EscapeInline(mem.Name)
		}
		return "Unknown member"
	}

	var b bytes.Buffer
	topic := r.Topic
	if strings.TrimSpace(topic) == "" {
		topic = "Scrutiny review"
	}
	fmt.Fprintf(&b, "# Minutes: %s\n\n", EscapeHeading(topic))
	fmt.Fprintf(&b, "Meeting %d of %d.\n\n", num, len(r.Meetings))

	var rows [][2]string
	row := func(k, v string) {
		if v == "" {
			v = "not recorded"
		}
		rows = append(rows, [2]string{k, v})
	}
	row("Date", m.Date.Long())
	when := ""
	switch {
	case m.StartTime != "" && m.EndTime != "":
		when = EscapeCell(m.StartTime) + " to " + EscapeCell(m.EndTime)
		if d, ok := m.Duration(); ok {
			when += " (" + FormatMinutes(d) + ")"
		}
	case m.StartTime != "":
		when = "from " + EscapeCell(m.StartTime)
	}
	row("Time", when)
	row("Venue", EscapeCell(m.Venue))
	b.WriteString(KeyValueTable(rows) + "\n\n")

	people := func(title string, ids []string, none string) {
		fmt.Fprintf(&b, "## %s\n\n", title)
		ids = uniq(ids)
		if len(ids) == 0 {
			fmt.Fprintf(&b, "%s\n\n", none)
			return
		}
		for _, id := range ids {
			fmt.Fprintf(&b, "- %s\n", name(id))
		}
		b.WriteString("\n")
	}
	people("Present", m.Attendees, "No attendance was recorded.")
	people("Apologies", m.Apologies, "None.")

	if len(m.Agenda) > 0 {
		b.WriteString("## Agenda\n\n")
		total := 0
		for i, it := range m.Agenda {
			line := fmt.Sprintf("%d. %s", i+1, EscapeInline(it.Title))
			if it.Minutes > 0 {
				line += " (" + FormatMinutes(it.Minutes) + ")"
				total += bounded(it.Minutes, MaxMinutes)
			}
			b.WriteString(line + "\n")
			if n := strings.TrimSpace(it.Notes); n != "" {
				for _, l := range strings.Split(n, "\n") {
					if l = strings.TrimSpace(l); l != "" {
						fmt.Fprintf(&b, "   %s\n", EscapeInline(l))
					}
				}
			}
		}
		if total > 0 {
			fmt.Fprintf(&b, "\nTime allowed in all: %s.\n", FormatMinutes(total))
		}
		b.WriteString("\n")
	}

	if n := strings.TrimSpace(m.Notes); n != "" {
		b.WriteString("## Notes\n\n")
		b.WriteString(Paragraphs(n) + "\n\n")
	}

	if len(m.Decisions) > 0 {
		b.WriteString("## Decisions\n\n")
		for i, d := range m.Decisions {
			fmt.Fprintf(&b, "%d. %s\n", i+1, EscapeInline(d))
		}
		b.WriteString("\n")
	}

	if len(m.Expenses) > 0 {
		b.WriteString("## Expenses\n\n| Member | What for | Amount |\n|---|---|---:|\n")
		for _, e := range m.Expenses {
			who := "Not named"
			if e.MemberID != "" {
				who = name(e.MemberID)
			}
			fmt.Fprintf(&b, "| %s | %s | %s |\n", who, EscapeCell(e.Description), FormatPence(e.Pence))
		}
		fmt.Fprintf(&b, "| **Total** | | **%s** |\n\n", FormatPence(m.ExpensesPence()))
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n'), nil
}
