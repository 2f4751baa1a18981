package review

import (
	"bytes"
	"fmt"
	"strings"
)

// Render writes the panel's report as markdown. It is a pure function of the
// review: the same review always gives the same bytes, so the preview in the
// app, the export command and the tests all show one report. Every piece of
// user text goes through the escaping helpers of markdown.go, and a section
// the panel has not filled yet says so instead of disappearing, so an empty
// review still gives a readable outline.
func Render(r *Review) []byte {
	if r == nil {
		r = &Review{}
	}
	w := &reportWriter{r: r}
	w.plan()
	w.header()
	w.introduction()
	w.serviceArea()
	w.aimAndScope()
	w.approach()
	w.findings()
	w.summary()
	w.recommendations()
	w.judgement()
	w.appendix()
	return append(bytes.TrimRight(w.b.Bytes(), "\n"), '\n')
}

// notYet is the placeholder for text the panel has not written.
const notYet = "*Not yet written.*"

type reportWriter struct {
	b bytes.Buffer
	r *Review

	evidenceRef  map[string]string   // evidence ID -> "E1"
	findingRef   map[string]string   // finding ID -> "F1", in report order
	findingShown map[*Finding]string // the reference printed beside each finding
	groups       []findingGroup      // section 5, in evidence order
	other        findingGroup        // findings linked to no evidence
	looseStds    []Standard          // standards linked to no evidence
	looseSurvey  []*Survey           // surveys linked to no evidence

	statsCache map[*Question]Stats
	attrCache  map[*Survey][]string
}

// block writes one markdown block followed by a blank line.
func (w *reportWriter) block(s string) {
	if s == "" {
		return
	}
	w.b.WriteString(s)
	w.b.WriteString("\n\n")
}

func (w *reportWriter) blockf(format string, args ...any) { w.block(fmt.Sprintf(format, args...)) }

// paragraphsOr writes the user's body text, or the placeholder when blank.
func (w *reportWriter) paragraphsOr(text, placeholder string) {
	if p := Paragraphs(text); p != "" {
		w.block(p)
		return
	}
	w.block(placeholder)
}

func (w *reportWriter) header() {
	r := w.r
	if t := EscapeHeading(r.Topic); t != "" {
		w.blockf("# Scrutiny report: %s", t)
	} else {
		w.block("# Scrutiny report")
	}
	rows := [][2]string{
		{"Scrutiny topic", orNotSet(EscapeCell(r.Topic))},
	}
	if l := EscapeCell(r.Landlord); l != "" {
		rows = append(rows, [2]string{"Landlord", l})
	}
	rows = append(rows, [][2]string{
		{"Service area", orNotSet(EscapeCell(r.ServiceArea))},
		{"Start and end dates", dateRange(r.Start, r.End)},
		{"Board", orNotSet(r.BoardDate.Long())},
		{"Overall judgement", w.judgementCell(" (the panel's own word, explained in section 8)")},
	}...)
	if r.Stage != "" {
		rows = append(rows, [2]string{"Stage", capitalise(EscapeCell(string(r.Stage)))})
	}
	w.block(KeyValueTable(rows))
}

func orNotSet(s string) string {
	if s == "" {
		return "Not set yet"
	}
	return s
}

// dateRange shows the review's dates the way panels write them.
func dateRange(start, end Date) string {
	switch {
	case start.IsZero() && end.IsZero():
		return "Not set yet"
	case end.IsZero():
		return "From " + start.Short()
	case start.IsZero():
		return "Until " + end.Short()
	}
	return start.Short() + " to " + end.Short()
}

// judgementCell is the verdict as one table cell; note follows the panel's
// own word, to send the reader to its explanation.
func (w *reportWriter) judgementCell(note string) string {
	j := w.r.Judgement
	if word := EscapeCell(j.Word); word != "" {
		if j.Level.Valid() {
			return j.Level.Label() + " — " + word + note
		}
		return word + note
	}
	if j.Level.Valid() {
		return j.Level.Label()
	}
	return "Not decided yet"
}

func (w *reportWriter) introduction() {
	r := w.r
	w.block("## 1. Introduction")
	w.paragraphsOr(r.Introduction, notYet)

	members := w.members()
	if len(members) == 0 {
		w.block("*No panel members have been added to this review yet.*")
	} else {
		var l strings.Builder
		for i, m := range members {
			if i > 0 {
				l.WriteByte('\n')
			}
			line := EscapeInline(m.Name)
			if line == "" {
				line = "Name not given"
			}
			if m.Role != "" {
				line += ", " + EscapeInline(string(m.Role))
			}
			if !m.Left.IsZero() {
				line += " (left the panel " + m.Left.Short() + ")"
			}
			l.WriteString("- " + line)
		}
		w.block("The panel for this review:")
		w.block(l.String())
	}

	if len(r.Meetings) > 0 {
		w.block(meetingsSentence(r))
	}
}

// members lists the review's panel in the review's order; when only the
// roster entries were loaded, in their order.
func (w *reportWriter) members() []Member {
	r := w.r
	if len(r.MemberIDs) == 0 {
		return r.Members
	}
	var out []Member
	for _, id := range r.MemberIDs {
		if m, ok := r.MemberByID(id); ok {
			out = append(out, m)
		}
	}
	return out
}

// meetingsSentence says how often the panel met and for how long.
func meetingsSentence(r *Review) string {
	a := r.Attendance()
	first, last := Date{}, Date{}
	for _, m := range r.Meetings {
		if m.Date.IsZero() {
			continue
		}
		if first.IsZero() || m.Date.Before(first) {
			first = m.Date
		}
		if last.IsZero() || last.Before(m.Date) {
			last = m.Date
		}
	}
	s := "The panel met once"
	if a.Meetings == 2 {
		s = "The panel met twice"
	} else if a.Meetings > 2 {
		s = fmt.Sprintf("The panel met %d times", a.Meetings)
	}
	switch {
	case !first.IsZero() && first != last:
		s += " between " + first.Short() + " and " + last.Short()
	case !first.IsZero():
		s += " on " + first.Short()
	}
	if a.VolunteerMinutes > 0 {
		s += ", giving " + FormatMinutes(a.VolunteerMinutes) + " of volunteers' time"
		if a.UntimedMeetings > 0 {
			s += " in the meetings whose times were recorded"
		}
	}
	return s + "."
}

func (w *reportWriter) serviceArea() {
	r := w.r
	w.block("## 2. The service area reviewed and why")
	area := EscapeInline(r.ServiceArea)
	if area != "" {
		w.block("Service area: " + area)
	}
	why := Paragraphs(r.WhyArea)
	if why != "" {
		w.block(why)
	}
	if area == "" && why == "" {
		w.block(notYet)
	}
}

func (w *reportWriter) aimAndScope() {
	s := w.r.Scope
	w.block("## 3. Aim and scope")
	w.block("### Aim")
	w.paragraphsOr(s.Aim, notYet)
	w.list("### Objectives", s.Objectives, "*None recorded yet.*")
	w.list("### Focus areas", s.FocusAreas, "*None recorded yet.*")
	w.list("### Out of scope", s.OutOfScope, "*Nothing recorded as out of scope.*")
}

// list writes a heading and a bulleted list of the non-blank items.
func (w *reportWriter) list(heading string, items []string, placeholder string) {
	w.block(heading)
	if l := bullets(items); l != "" {
		w.block(l)
		return
	}
	w.block(placeholder)
}

func bullets(items []string) string {
	var lines []string
	for _, it := range items {
		if e := EscapeInline(it); e != "" {
			lines = append(lines, "- "+e)
		}
	}
	return strings.Join(lines, "\n")
}

func (w *reportWriter) approach() {
	r := w.r
	w.block("## 4. Our approach")
	if p := Paragraphs(r.Approach); p != "" {
		w.block(p)
	}
	if len(r.Evidence) == 0 {
		w.block("*No evidence recorded yet.*")
		return
	}
	for i := range r.Evidence {
		e := &r.Evidence[i]
		w.blockf("### E%d %s", i+1, evidenceTitle(e))
		// Lines of one paragraph rather than a list, so notes that
		// start with a list of their own do not run into it.
		var facts []string
		if k := EscapeInline(string(e.Kind)); k != "" {
			facts = append(facts, "Kind: "+capitalise(k))
		}
		if !e.Date.IsZero() {
			facts = append(facts, "Date: "+e.Date.Long())
		}
		if who := EscapeInline(e.Who); who != "" {
			facts = append(facts, "Who: "+who)
		}
		facts = append(facts, requestFacts(e)...)
		if reach := e.Reach.Text(); reach != "" {
			facts = append(facts, "Reach: "+reach)
		}
		if l := EscapeInline(e.Link); l != "" {
			facts = append(facts, "Document: "+l)
		}
		w.block(strings.Join(facts, "  \n"))
		w.paragraphsOr(e.Notes, "*What was done is not yet written.*")
	}
}

// requestFacts gives an information request's dates, and says when the
// answer has not come, so the report never passes over a missing reply.
func requestFacts(e *Evidence) []string {
	var out []string
	if !e.Asked.IsZero() {
		out = append(out, "Asked for: "+e.Asked.Long())
	}
	if !e.Due.IsZero() {
		out = append(out, "Due: "+e.Due.Long())
	}
	switch {
	case !e.Received.IsZero():
		out = append(out, "Received: "+e.Received.Long())
	case e.Kind == KindInfoRequest:
		out = append(out, "Received: not yet")
	}
	return out
}

// evidenceTitle is the item's title for a heading, falling back to its kind.
func evidenceTitle(e *Evidence) string {
	if t := EscapeHeading(e.Title); t != "" {
		return t
	}
	if k := EscapeHeading(string(e.Kind)); k != "" {
		return capitalise(k)
	}
	return "Untitled evidence"
}

// capitalise upper-cases the first letter of already escaped text.
func capitalise(s string) string {
	for i, r := range s {
		if r == '\\' || r == '\u2068' {
			continue
		}
		return s[:i] + strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (w *reportWriter) summary() {
	w.block("## 6. Review summary")
	w.paragraphsOr(w.r.Summary, notYet)
}
