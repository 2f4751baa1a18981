package review

import (
	"fmt"
	"strconv"
	"strings"
)

// The sections that follow the report: the Board's response and action
// plan, the impact at follow-up, and the tenants' "You said, we did". Each
// is a pure function giving markdown, so the report, the export command and
// the tests share one text.

// responseLine is a response in one line of plain text: "Accepted ✓, 2
// May 2019 — the Board's words (reason: ...)"; "" when nothing was
// recorded.
func responseLine(r Response) string {
	if r.IsZero() {
		return ""
	}
	s := r.Decision.Label()
	if !r.Date.IsZero() {
		s += ", " + r.Date.Short()
	}
	if w := collapse(r.Words); w != "" {
		s += " — " + w
	}
	if re := collapse(r.Reason); re != "" {
		s += " (reason: " + re + ")"
	}
	return s
}

// ProgressDate is the day the review's recorded progress is as of: the
// latest date of a response, an action's update or a follow-up point held;
// the Board date when none is recorded. The report says its action plan is
// "as at" this day and works out what was overdue then, so a report is a
// pure function of the review: the same review gives the same bytes
// whenever it is printed. The workspace and the tracker use today.
func (r *Review) ProgressDate() Date {
	d := r.BoardDate
	later := func(x Date) {
		if !x.IsZero() && d.Before(x) {
			d = x
		}
	}
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		later(rec.Response.Date)
		for _, sp := range rec.SubPoints {
			later(sp.Response.Date)
		}
		for _, a := range rec.Actions {
			for _, u := range a.Updates {
				later(u.Date)
			}
		}
	}
	for _, p := range r.FollowUpPoints {
		later(p.Held)
	}
	return d
}

// HasResponse reports whether any recommendation of r has an answer or an
// action recorded: until then the report has no response section.
func (r *Review) HasResponse() bool {
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		if !rec.Response.IsZero() || len(rec.Actions) > 0 {
			return true
		}
		for _, sp := range rec.SubPoints {
			if !sp.Response.IsZero() {
				return true
			}
		}
	}
	return false
}

// followUpLines says of each follow-up point when it is due and whether it
// was held, flagging one past its day and not held, as at today.
func followUpLines(points []FollowUpPoint, today Date) []string {
	var out []string
	for _, p := range points {
		line := collapse(p.Title())
		if !p.Due.IsZero() {
			line += ": due " + p.Due.Long()
		}
		switch late := LateBy(p.Due, today); {
		case !p.Held.IsZero():
			line += ", held " + p.Held.Long()
		case late != "":
			line += ", not held: ⚠ overdue by " + late + " as at " + today.Long()
		default:
			line += ", not held yet"
		}
		out = append(out, line)
	}
	return out
}

// HasFollowUp reports whether r has reached follow-up: a point held, a
// check recorded or an impact statement written.
func (r *Review) HasFollowUp() bool {
	if strings.TrimSpace(r.Impact) != "" {
		return true
	}
	for _, p := range r.FollowUpPoints {
		if !p.Held.IsZero() {
			return true
		}
	}
	for i := range r.Recommendations {
		if len(r.Recommendations[i].FollowUp) > 0 {
			return true
		}
	}
	return false
}

// boardResponse is the "Board response and action plan" section: per
// recommendation its decision and reason, then a table of its actions
// with owner, due date and status, overdue said in words as of today.
func (b *builder) boardResponse(today Date) {
	r := b.r
	b.heading(2, "response", "Board response and action plan")
	var total Progress
	counts := map[Decision]int{}
	for i := range r.Recommendations {
		counts[r.Recommendations[i].Response.Decision]++
		total = total.Add(r.Recommendations[i].Progress(today))
	}
	var parts []string
	for _, d := range append(Decisions, DecisionNone) {
		if n := counts[d]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(d.Title())))
		}
	}
	asAt := ""
	if !today.IsZero() {
		asAt = " as at " + today.Short()
	}
	b.text(fmt.Sprintf("Of %d %s: %s. Actions%s: %s.", len(r.Recommendations),
		Plural(len(r.Recommendations), "recommendation", "recommendations"), strings.Join(parts, ", "), asAt, strings.ToLower(total.Text())))
	if checks := followUpLines(r.FollowUpPoints, today); len(checks) > 0 {
		b.text("Follow-up checks:")
		b.bullets(checks)
	}
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		anchor := fmt.Sprintf("resp%d", i+1)
		if t := collapse(rec.Text); t != "" {
			b.headingUser(3, anchor, fmt.Sprintf("Recommendation %d: ", i+1), t)
		} else {
			b.heading(3, anchor, fmt.Sprintf("Recommendation %d", i+1))
		}
		facts := []Fact{{Label: "Decision", Value: plain(rec.Response.Decision.Label())}}
		if !rec.Response.Date.IsZero() {
			facts = append(facts, Fact{Label: "Date", Value: plain(rec.Response.Date.Short())})
		}
		if w := collapse(rec.Response.Words); w != "" {
			facts = append(facts, Fact{Label: "The Board's words", Value: plain(w)})
		}
		if re := collapse(rec.Response.Reason); re != "" {
			facts = append(facts, Fact{Label: "Reason", Value: plain(re)})
		} else if rec.Response.Decision.NeedsReason() {
			facts = append(facts, Fact{Label: "Reason", Value: plain("⚠ No reason given yet")})
		}
		for k, sp := range rec.SubPoints {
			if !sp.Response.IsZero() {
				facts = append(facts, Fact{Label: fmt.Sprintf("%d%s", i+1, Letter(k)), Value: plain(responseLine(sp.Response))})
			}
		}
		facts = append(facts, Fact{Label: "Progress", Value: plain(rec.Progress(today).Text())})
		b.add(Block{Kind: BlockFacts, Facts: facts})
		if len(rec.Actions) == 0 {
			if rec.Response.Decision.Agreed() {
				b.para(em("No actions agreed yet."))
			}
			continue
		}
		t := &Table{Caption: fmt.Sprintf("Actions for recommendation %d", i+1), Head: []string{"Action", "Owner", "Due", "Status"},
			Widths: []int{40, 20, 15, 25}}
		for j, a := range rec.Actions {
			text := collapse(a.Text)
			if text == "" {
				text = "No text yet."
			}
			due := a.Due.Short()
			if due == "" {
				due = "not set"
			}
			status := a.Status.Label()
			if re := collapse(a.Reason); re != "" {
				status += ": " + re
			}
			if o := a.OverdueText(today); o != "" {
				status += ", " + o
			}
			if u, ok := a.LastUpdate(); ok && collapse(u.Note) != "" {
				status += " (latest update " + orNotSet(u.Date.Short()) + ": " + collapse(u.Note) + ")"
			}
			t.Rows = append(t.Rows, []Text{plain(fmt.Sprintf("%d.%d %s", i+1, j+1, text)), plain(orDash(collapse(a.Owner))), plain(due), plain(status)})
		}
		b.add(Block{Kind: BlockTable, Table: t})
	}
}

// Impact is a review's (or a period's) inputs, outputs and outcomes, the
// shape landlords' impact assessments use.
type Impact struct {
	Reviews          int
	Meetings         int
	VolunteerMinutes int
	UntimedMeetings  int
	ExpensesPence    int64
	Recommendations  int
	Accepted         int
	PartlyAccepted   int
	NotAccepted      int
	Considering      int
	Implemented      int
	PartlyDone       int
	Moved            []string // measures that moved, in words
}

// ImpactOf works out r's impact from its meetings, responses and latest
// follow-up checks.
func ImpactOf(r *Review) Impact {
	att := r.Attendance()
	im := Impact{Reviews: 1, Meetings: att.Meetings, VolunteerMinutes: att.VolunteerMinutes,
		UntimedMeetings: att.UntimedMeetings, ExpensesPence: att.ExpensesPence, Recommendations: len(r.Recommendations)}
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		switch rec.Response.Decision {
		case Accepted:
			im.Accepted++
		case PartlyAccepted:
			im.PartlyAccepted++
		case NotAccepted:
			im.NotAccepted++
		case UnderConsideration:
			im.Considering++
		}
		if c, _, ok := r.LatestCheck(rec); ok {
			switch c.Verdict {
			case Implemented:
				im.Implemented++
			case PartlyDone:
				im.PartlyDone++
			}
			if c.Moved() {
				im.Moved = append(im.Moved, fmt.Sprintf("Recommendation %d: %s", i+1, c.MeasureText()))
			}
		}
	}
	return im
}

// Add sums two impacts.
func (im Impact) Add(o Impact) Impact {
	im.Reviews += o.Reviews
	im.Meetings += o.Meetings
	im.VolunteerMinutes += o.VolunteerMinutes
	im.UntimedMeetings += o.UntimedMeetings
	im.ExpensesPence += o.ExpensesPence
	im.Recommendations += o.Recommendations
	im.Accepted += o.Accepted
	im.PartlyAccepted += o.PartlyAccepted
	im.NotAccepted += o.NotAccepted
	im.Considering += o.Considering
	im.Implemented += o.Implemented
	im.PartlyDone += o.PartlyDone
	im.Moved = append(im.Moved, o.Moved...)
	return im
}

// Percent gives n of the recommendations as a whole percentage: "67%";
// "–" when there are none.
func (im Impact) Percent(n int) string {
	if im.Recommendations == 0 {
		return "–"
	}
	return strconv.Itoa((n*100+im.Recommendations/2)/im.Recommendations) + "%"
}

// ImpactRows are the figures as label, count and percentage, in the order
// inputs, outputs, outcomes: the table of the impact section and the rows
// of `scrutiny impact`.
func (im Impact) ImpactRows() [][3]string {
	hours := FormatMinutes(im.VolunteerMinutes)
	if im.VolunteerMinutes == 0 {
		hours = "0 hours"
	}
	if im.UntimedMeetings > 0 {
		hours += fmt.Sprintf(" (at least: %d %s without times)", im.UntimedMeetings, Plural(im.UntimedMeetings, "meeting", "meetings"))
	}
	n := strconv.Itoa
	return [][3]string{
		{"Reviews", n(im.Reviews), ""},
		{"Meetings", n(im.Meetings), ""},
		{"Volunteers' time", hours, ""},
		{"Expenses", FormatPence(im.ExpensesPence), ""},
		{"Recommendations made", n(im.Recommendations), ""},
		{"Accepted", n(im.Accepted), im.Percent(im.Accepted)},
		{"Partly accepted", n(im.PartlyAccepted), im.Percent(im.PartlyAccepted)},
		{"Not accepted", n(im.NotAccepted), im.Percent(im.NotAccepted)},
		{"Under consideration", n(im.Considering), im.Percent(im.Considering)},
		{"Implemented", n(im.Implemented), im.Percent(im.Implemented)},
		{"Partly implemented", n(im.PartlyDone), im.Percent(im.PartlyDone)},
		{"Measures that moved", n(len(im.Moved)), ""},
	}
}

// impact is the impact section of a review at follow-up: inputs,
// outputs, outcomes, the measures that moved, each recommendation's
// latest verdict, and the panel's statement.
func (b *builder) impact() {
	r := b.r
	im := ImpactOf(r)
	rows := im.ImpactRows()
	b.heading(2, "impact", "Impact")
	for _, part := range []struct {
		name       string
		first, end int
	}{{"Inputs", 1, 4}, {"Outputs", 4, 9}, {"Outcomes", 9, 12}} {
		b.heading(3, "impact-"+strings.ToLower(part.name), part.name)
		t := &Table{Caption: part.name, Head: []string{"Figure", "Number", "Share"}, Align: []Align{AlignLeft, AlignRight, AlignRight},
			Widths: []int{50, 30, 20}, RowHeads: true}
		for _, row := range rows[part.first:part.end] {
			t.Rows = append(t.Rows, []Text{plain(row[0]), plain(row[1]), plain(orDash(row[2]))})
		}
		b.add(Block{Kind: BlockTable, Table: t})
	}
	if len(im.Moved) > 0 {
		b.text("Measures that moved:")
		b.bullets(im.Moved)
	}
	var verdicts []string
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		c, p, ok := r.LatestCheck(rec)
		if !ok {
			continue
		}
		line := fmt.Sprintf("Recommendation %d (%s): %s", i+1, collapse(p.Title()), c.Verdict.Label())
		if ch := collapse(c.Changed); ch != "" {
			// A verdict such as "Too early to say …" ends itself.
			if strings.HasSuffix(line, "…") || strings.HasSuffix(line, ".") {
				line += " " + ch
			} else {
				line += ". " + ch
			}
		}
		verdicts = append(verdicts, line)
	}
	b.bullets(verdicts)
	if strings.TrimSpace(r.Impact) != "" {
		b.heading(3, "impact-statement", "The panel's impact statement")
		b.body(r.Impact, "")
	}
}

// YouSaidWeDid is one line per recommendation for tenants: what the panel
// asked, what the landlord agreed, what has happened since.
type YouSaidWeDid struct {
	Number   int
	Asked    string
	Agreed   string
	Happened string
}

// YouSaidWeDidLines works out the summary lines of r as of today.
func YouSaidWeDidLines(r *Review, today Date) []YouSaidWeDid {
	out := make([]YouSaidWeDid, 0, len(r.Recommendations))
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		l := YouSaidWeDid{Number: i + 1, Asked: CleanLine(rec.Text)}
		switch d := rec.Response.Decision; d {
		case DecisionNone:
			l.Agreed = "The landlord has not answered yet."
		case UnderConsideration:
			l.Agreed = "The landlord is still considering it."
		default:
			l.Agreed = d.Title() + "."
			if w := CleanLine(rec.Response.Words); w != "" {
				l.Agreed = d.Title() + ": " + endStop(w)
			}
			if re := CleanLine(rec.Response.Reason); re != "" && d.NeedsReason() {
				l.Agreed += " Why: " + endStop(re)
			}
		}
		var happened []string
		if c, _, ok := r.LatestCheck(rec); ok {
			if ch := CleanLine(c.Changed); ch != "" {
				happened = append(happened, endStop(ch))
			}
			if m := CleanLine(c.MeasureText()); m != "" && c.Moved() {
				happened = append(happened, endStop(m))
			}
		}
		if p := rec.Progress(today); p.Total > 0 {
			happened = append(happened, endStop(p.Text()))
		}
		l.Happened = strings.Join(happened, " ")
		if l.Happened == "" {
			l.Happened = "Nothing to report yet."
		}
		out = append(out, l)
	}
	return out
}

// NewSummary is the tenants' "You said, we did" as a document: a title,
// a sentence, and one numbered item per recommendation. Markdown (or any
// report writer) draws it.
func NewSummary(r *Review, today Date) *Report {
	topic := collapse(r.Topic)
	title := "You said, we did"
	if topic != "" {
		title += ": " + topic
	}
	b := &builder{r: r}
	b.add(Block{Kind: BlockHeading, Level: 1, Anchor: "top", Text: Text{{S: "You said, we did: "}, {S: orText(topic, "our review")}}})
	if lr := collapse(r.Landlord); lr != "" {
		b.text(fmt.Sprintf("What the tenant scrutiny panel asked %s, what it agreed and what has happened, as at %s.", lr, today.Short()))
	} else {
		b.text(fmt.Sprintf("What the tenant scrutiny panel asked, what was agreed and what has happened, as at %s.", today.Short()))
	}
	var items []Item
	for _, l := range YouSaidWeDidLines(r, today) {
		items = append(items, Item{Marker: fmt.Sprint(l.Number), Text: Text{
			{S: "You said: ", Strong: true}, {S: endStop(l.Asked) + " "},
			{S: "We agreed: ", Strong: true}, {S: endStop(l.Agreed) + " "},
			{S: "What happened: ", Strong: true}, {S: l.Happened}}})
	}
	if len(items) > 0 {
		b.add(Block{Kind: BlockList, Numbered: true, Items: items})
	}
	return &Report{Title: title, Author: "Tenant scrutiny panel", Blocks: b.out}
}

// YouSaidWeDidMarkdown is the summary as markdown.
func YouSaidWeDidMarkdown(r *Review, today Date) []byte { return Markdown(NewSummary(r, today)) }

func orText(s, or string) string {
	if s == "" {
		return or
	}
	return s
}

func endStop(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ":;,")
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// inPeriod reports whether d falls within from..to; a zero bound is open.
func inPeriod(d, from, to Date) bool {
	if d.IsZero() {
		return from.IsZero() && to.IsZero()
	}
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || !to.Before(d))
}

// ImpactOver sums the panel's involvement and impact over a period, for the
// landlord's annual report: the meetings held in it (their volunteers'
// time and expenses), and the recommendations of the reviews reported to
// the Board in it (the Board date, or the review's end when it has none),
// with how many were accepted and implemented. A review counts when either
// part of it falls in the period. Zero dates leave the period open.
func ImpactOver(reviews []*Review, from, to Date) Impact {
	var total Impact
	for _, r := range reviews {
		cp := *r
		cp.Meetings = nil
		for _, m := range r.Meetings {
			if inPeriod(m.Date, from, to) {
				cp.Meetings = append(cp.Meetings, m)
			}
		}
		reported := r.BoardDate
		if reported.IsZero() {
			reported = r.End
		}
		if reported.IsZero() || !inPeriod(reported, from, to) {
			cp.Recommendations = nil
		}
		if len(cp.Meetings) == 0 && len(cp.Recommendations) == 0 {
			continue
		}
		total = total.Add(ImpactOf(&cp))
	}
	return total
}
