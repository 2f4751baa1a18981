package review

import (
	"fmt"
	"strings"
)

// Render writes the panel's report as markdown: Markdown(NewReport(r)). It
// is a pure function of the review, so the preview in the app, the export
// command and the tests all show one report.
func Render(r *Review) []byte { return Markdown(NewReport(r)) }

// RenderOn is Render as of a given day: the action plan says which
// actions are overdue, and that depends on the day. Render itself uses the
// day of the latest progress recorded (Review.ProgressDate), so the same
// review always gives the same report.
func RenderOn(r *Review, today Date) []byte { return Markdown(NewReportOn(r, today)) }

// NewReport builds the report model of a review: the cover sheet, the
// executive summary, the sections panels write (modelled on published
// scrutiny reports) and the appendix. A section the panel has not filled
// yet says so instead of disappearing, so an empty review still gives a
// readable outline.
func NewReport(r *Review) *Report {
	if r == nil {
		return NewReportOn(r, Date{})
	}
	return NewReportOn(r, r.ProgressDate())
}

// NewReportOn is NewReport as of a given day. After the Board it has the
// response and action plan, and at follow-up the impact, after the
// judgement.
func NewReportOn(r *Review, today Date) *Report {
	if r == nil {
		r = &Review{}
	}
	// Standards that follow a measure show its latest result; r itself
	// is left as it is.
	cp := *r
	cp.Standards = append([]Standard(nil), r.Standards...)
	FollowMeasures(&cp)
	r = &cp
	b := &builder{r: r, today: today}
	b.plan()
	b.introduction()
	b.serviceArea()
	b.aimAndScope()
	b.approach()
	b.findings()
	b.performance()
	b.summary()
	b.recommendations()
	b.judgement()
	if r.HasResponse() {
		b.boardResponse(today)
	}
	if r.HasFollowUp() {
		b.impact()
	}
	b.appendix()
	body := b.out
	b.out = nil
	b.cover()
	b.executiveSummary()
	b.out = append(b.out, body...)

	rep := &Report{Title: b.title(), Subject: collapse(r.ServiceArea), Blocks: b.out}
	rep.Author = "Tenant scrutiny panel"
	if l := collapse(r.Landlord); l != "" {
		rep.Author += " of " + l
	}
	return rep
}

// notYet is the placeholder for text the panel has not written.
const notYet = "Not yet written."

// section is one entry of the contents list.
type contentsEntry struct{ anchor, title string }

type builder struct {
	r     *Review
	today Date // the report's day: what is overdue is worked out as at it
	out   []Block

	sections []contentsEntry

	evidenceRef  map[string]string   // evidence ID -> "E1"
	findingRef   map[string]string   // finding ID -> "F1", in report order
	findingShown map[*Finding]string // the reference printed beside each finding
	findingByRef map[string]*Finding // "F1" -> the finding, for short titles
	groups       []findingGroup      // section 5, in evidence order
	other        findingGroup        // findings linked to no evidence
	looseStds    []Standard          // standards linked to no evidence
	looseSurvey  []*Survey           // surveys linked to no evidence
	charts       int

	statsCache map[*Question]Stats
	attrCache  map[*Survey][]string
}

func (b *builder) add(bl Block) { b.out = append(b.out, bl) }

// heading adds a heading; sections (level 2) also go in the contents.
func (b *builder) heading(level int, anchor, text string) { b.headingUser(level, anchor, text, "") }

// headingUser adds a heading of our words followed by the user's, kept as
// separate spans so right-to-left user text is isolated on its own.
func (b *builder) headingUser(level int, anchor, text, user string) {
	t := Text{{S: text}}
	if user != "" {
		t = append(t, Span{S: user})
	}
	b.add(Block{Kind: BlockHeading, Level: level, Anchor: anchor, Text: t})
	if level == 2 && anchor != "contents" {
		b.sections = append(b.sections, contentsEntry{anchor, text})
	}
}

func (b *builder) para(lines ...Text) {
	var keep []Text
	for _, l := range lines {
		if l.Plain() != "" {
			keep = append(keep, l)
		}
	}
	if len(keep) > 0 {
		b.add(Block{Kind: BlockPara, Lines: keep})
	}
}

func (b *builder) text(s string) { b.para(plain(s)) }
func (b *builder) note(s string) { b.add(Block{Kind: BlockPara, Lines: []Text{plain(s)}, Note: true}) }

// body adds the user's body text, or the placeholder when it is blank.
func (b *builder) body(text, placeholder string) {
	bl := bodyBlocks(text)
	if len(bl) == 0 && placeholder != "" {
		b.para(em(placeholder))
		return
	}
	b.out = append(b.out, bl...)
}

func (b *builder) bullets(items []string) bool {
	var its []Item
	for _, s := range items {
		if c := collapse(s); c != "" {
			its = append(its, Item{Text: plain(c)})
		}
	}
	if len(its) == 0 {
		return false
	}
	b.add(Block{Kind: BlockList, Items: its})
	return true
}

func (b *builder) chart(c *Chart) {
	b.charts++
	c.ID = fmt.Sprintf("chart-%d", b.charts)
	b.add(Block{Kind: BlockChart, Chart: c})
}

func (b *builder) titleText() Text {
	if t := collapse(b.r.Topic); t != "" {
		return Text{{S: "Scrutiny report: "}, {S: t}}
	}
	return plain("Scrutiny report")
}

func (b *builder) title() string {
	if t := collapse(b.r.Topic); t != "" {
		return "Scrutiny report: " + t
	}
	return "Scrutiny report"
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

// judgementText is the verdict in words; note follows the panel's own
// word, to send the reader to its explanation.
func (b *builder) judgementText(note string) Text {
	j := b.r.Judgement
	if word := collapse(j.Word); word != "" {
		t := Text{{S: word}}
		if j.Level.Valid() {
			t = Text{{S: j.Level.Label() + " — "}, {S: word}}
		}
		if note != "" {
			t = append(t, Span{S: note})
		}
		return t
	}
	if j.Level.Valid() {
		return plain(j.Level.Label())
	}
	return plain("Not decided yet")
}

// paperStatus says what the paper is for at the review's stage.
func paperStatus(s Stage) string {
	switch s {
	case StageScoping, StageEvidence:
		return "Working draft: the panel is still gathering evidence"
	case StageDrafting, "":
		return "Draft for the panel to agree"
	case StageReported:
		return "Final: for the Board's decision"
	case StageBoardResponse, StageActionPlan:
		return "Final: the Board has responded"
	case StageFollowUp:
		return "Final: the panel is following up the Board's actions"
	case StageClosed:
		return "Final: the review is closed"
	}
	return capitalise(collapse(string(s)))
}

// cover is the Board paper's first page: who it is from and for, what the
// Board is asked to do, the paper's status and the contents.
func (b *builder) cover() {
	r := b.r
	secs := b.sections
	b.add(Block{Kind: BlockHeading, Level: 1, Anchor: "top", Text: b.titleText()})
	landlord := collapse(r.Landlord)
	var facts []Fact
	fact := func(label, value string) { facts = append(facts, Fact{label, plain(value)}) }
	fact("Landlord", orNotSet(landlord))
	fact("From", b.panelLine())
	fact("Scrutiny topic", orNotSet(collapse(r.Topic)))
	fact("Service area", orNotSet(collapse(r.ServiceArea)))
	fact("Start and end dates", dateRange(r.Start, r.End))
	fact("Board", orNotSet(r.BoardDate.Long()))
	facts = append(facts, Fact{"Overall judgement", b.judgementText(" (the panel's own word, explained in section 8)")})
	fact("Status of this paper", paperStatus(r.Stage))
	b.add(Block{Kind: BlockFacts, Facts: facts})
	b.para(Text{{S: "The Board is asked to: ", Strong: true}, {S: b.boardAsk()}})

	b.add(Block{Kind: BlockHeading, Level: 2, Anchor: "contents", Text: plain("Contents")})
	items := []Item{{Text: plain("Executive summary"), Link: "summary"}}
	for _, s := range secs {
		items = append(items, Item{Text: plain(s.title), Link: s.anchor})
	}
	b.add(Block{Kind: BlockList, Items: items})
	b.add(Block{Kind: BlockPageBreak})
}

// panelLine names the panel for the cover: its size and its chair.
func (b *builder) panelLine() string {
	members := b.members()
	if len(members) == 0 {
		return "The tenant scrutiny panel"
	}
	s := fmt.Sprintf("The tenant scrutiny panel (%d %s", len(members), plural(len(members), "member", "members"))
	for _, m := range members {
		if m.Role == RoleChair {
			if n := collapse(m.Name); n != "" {
				s += ", chaired by " + n
				break
			}
		}
	}
	return s + ")"
}

// boardAsk words the request to the Board from the data: how many
// recommendations and by when.
func (b *builder) boardAsk() string {
	n := len(b.r.Recommendations)
	s := "note the findings"
	switch n {
	case 0:
	case 1:
		s += " and agree a response to the recommendation"
	default:
		s += fmt.Sprintf(" and agree a response to each of the %d recommendations", n)
	}
	if n > 0 && !b.r.BoardDate.IsZero() {
		s += " by " + b.r.BoardDate.Long()
	}
	return s + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// executiveSummary is one page: the judgement and criteria, the headline
// figures, and the recommendations a line each.
func (b *builder) executiveSummary() {
	r := b.r
	b.add(Block{Kind: BlockHeading, Level: 2, Anchor: "summary", Text: plain("Executive summary")})
	b.para(append(append(Text{{S: "Overall judgement: ", Strong: true}}, b.judgementText("")...), Span{S: "."}))
	if len(r.Criteria) > 0 {
		t := &Table{Caption: "The panel's scores", Head: []string{"Criterion", "Score"}, Widths: []int{60, 30}, RowHeads: true}
		for _, c := range r.Criteria {
			t.Rows = append(t.Rows, []Text{plain(orDash(collapse(c.Name))), plain(scoreText(c.Level))})
		}
		b.add(Block{Kind: BlockTable, Table: t})
	}

	b.add(Block{Kind: BlockHeading, Level: 3, Text: plain("Headline figures")})
	var lines []string
	if s := StandardsSummary(r.Standards); s != "" {
		lines = append(lines, capitalise(s)+".")
	}
	for i := range r.Surveys {
		lines = append(lines, b.surveyHeadline(&r.Surveys[i]))
	}
	good, issues := 0, 0
	for _, f := range r.Findings {
		if f.Kind == GoodPractice {
			good++
		} else {
			issues++
		}
	}
	if good+issues > 0 {
		lines = append(lines, fmt.Sprintf("Findings: %d good practice and %d %s (%d in all).", good, issues, plural(issues, "issue", "issues"), good+issues))
	}
	if !b.bullets(lines) {
		b.para(em("No figures recorded yet."))
	}

	b.add(Block{Kind: BlockHeading, Level: 3, Text: plain("Recommendations in brief")})
	if len(r.Recommendations) == 0 {
		b.para(em("No recommendations yet."))
	} else {
		var its []Item
		for i, rec := range r.Recommendations {
			t := collapse(rec.Text)
			if t == "" {
				t = "No text yet."
			}
			if k := len(rec.SubPoints); k > 0 {
				if k == 1 {
					t = strings.TrimRight(t, " :,;") + fmt.Sprintf(" … (point %da)", i+1)
				} else {
					t = strings.TrimRight(t, " :,;") + fmt.Sprintf(" … (points %[1]da to %[1]d%s)", i+1, Letter(k-1))
				}
			}
			its = append(its, Item{Marker: fmt.Sprint(i + 1), Text: plain(t)})
		}
		b.add(Block{Kind: BlockList, Numbered: true, Items: its})
	}
	b.add(Block{Kind: BlockPageBreak})
}

// surveyHeadline gives one survey's response rate and its highest and
// lowest averages.
func (b *builder) surveyHeadline(sv *Survey) string {
	name := collapse(sv.Name)
	if name == "" {
		name = "Untitled survey"
	}
	s := name + ": "
	if n, sent, _, ok := sv.ResponseRate(); ok {
		s += fmt.Sprintf("%d of %d responded (%s)", n, sent, Pct1(n, sent))
	} else {
		s += sv.ResponseRateText()
	}
	var hi, lo *Question
	var hiS, loS Stats
	for _, q := range answered(sv) {
		st := b.stats(sv, q)
		if !st.HasMean || st.Base == 0 {
			continue
		}
		if hi == nil || st.Mean > hiS.Mean {
			hi, hiS = q, st
		}
		if lo == nil || st.Mean < loS.Mean {
			lo, loS = q, st
		}
	}
	switch {
	case hi == nil:
	case hi == lo:
		_, top := hi.ScaleRange()
		s += fmt.Sprintf("; average %s out of %d", hiS.MeanText(), top)
	default:
		_, top := hi.ScaleRange()
		s += fmt.Sprintf("; lowest average %s out of %d (%s), highest %s (%s)", loS.MeanText(), top, shortTitle(lo.Text), hiS.MeanText(), shortTitle(hi.Text))
	}
	return s + "."
}

func scoreText(l Level) string {
	if l.Valid() {
		return l.Label()
	}
	return "Not scored yet"
}

func (b *builder) introduction() {
	r := b.r
	b.heading(2, "s1", "1. Introduction")
	b.body(r.Introduction, notYet)

	members := b.members()
	if len(members) == 0 {
		b.para(em("No panel members have been added to this review yet."))
	} else {
		var its []Item
		for _, m := range members {
			line := collapse(m.Name)
			if line == "" {
				line = "Name not given"
			}
			if m.Role != "" {
				line += ", " + collapse(string(m.Role))
			}
			if !m.Left.IsZero() {
				line += " (left the panel " + m.Left.Short() + ")"
			}
			its = append(its, Item{Text: plain(line)})
		}
		b.text("The panel for this review:")
		b.add(Block{Kind: BlockList, Items: its})
	}

	if len(r.Meetings) > 0 {
		b.text(meetingsSentence(r))
	}
}

// members lists the review's panel in the review's order; when only the
// roster entries were loaded, in their order.
func (b *builder) members() []Member {
	r := b.r
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

func (b *builder) serviceArea() {
	r := b.r
	b.heading(2, "s2", "2. The service area reviewed and why")
	area := collapse(r.ServiceArea)
	if area != "" {
		b.text("Service area: " + area)
	}
	why := bodyBlocks(r.WhyArea)
	b.out = append(b.out, why...)
	if area == "" && len(why) == 0 {
		b.para(em(notYet))
	}
}

func (b *builder) aimAndScope() {
	s := b.r.Scope
	b.heading(2, "s3", "3. Aim and scope")
	b.heading(3, "", "Aim")
	b.body(s.Aim, notYet)
	b.list("Objectives", s.Objectives, "None recorded yet.")
	b.list("Focus areas", s.FocusAreas, "None recorded yet.")
	b.list("Out of scope", s.OutOfScope, "Nothing recorded as out of scope.")
}

// list adds a heading and a bulleted list of the non-blank items.
func (b *builder) list(heading string, items []string, placeholder string) {
	b.heading(3, "", heading)
	if !b.bullets(items) {
		b.para(em(placeholder))
	}
}

func (b *builder) approach() {
	r := b.r
	b.heading(2, "s4", "4. Our approach")
	b.body(r.Approach, "")
	if len(r.Evidence) == 0 {
		b.para(em("No evidence recorded yet."))
		return
	}
	for i := range r.Evidence {
		e := &r.Evidence[i]
		b.headingUser(3, fmt.Sprintf("e%d", i+1), fmt.Sprintf("E%d ", i+1), evidenceTitle(e))
		// Lines of one paragraph rather than a list, so notes that
		// start with a list of their own do not run into it.
		var facts []Text
		if k := collapse(string(e.Kind)); k != "" {
			facts = append(facts, plain("Kind: "+capitalise(k)))
		}
		if !e.Date.IsZero() {
			facts = append(facts, plain("Date: "+e.Date.Long()))
		}
		if who := collapse(e.Who); who != "" {
			facts = append(facts, plain("Who: "+who))
		}
		for _, f := range requestFacts(e, b.today) {
			facts = append(facts, plain(f))
		}
		if reach := e.Reach.Text(); reach != "" {
			facts = append(facts, plain("Reach: "+reach))
		}
		if l := collapse(e.Link); l != "" {
			facts = append(facts, plain("Document: "+l))
		}
		b.para(facts...)
		b.body(e.Notes, "What was done is not yet written.")
	}
}

// evidenceTitle is the item's title for a heading, falling back to its kind.
func evidenceTitle(e *Evidence) string {
	if t := collapse(e.Title); t != "" {
		return t
	}
	if k := collapse(string(e.Kind)); k != "" {
		return capitalise(k)
	}
	return "Untitled evidence"
}

// capitalise upper-cases the first letter, passing over the escapes and
// isolates that may come before it.
func capitalise(s string) string {
	for i, r := range s {
		if r == '\\' || r == '\u2068' {
			continue
		}
		return s[:i] + strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func (b *builder) summary() {
	b.heading(2, "s6", "6. Review summary")
	b.body(b.r.Summary, notYet)
}

// shortTitle is the first few words of a finding or a question, to cite it
// beside its number.
func shortTitle(s string) string {
	words := strings.Fields(collapse(s))
	const most = 7
	if len(words) <= most {
		return strings.TrimRight(strings.Join(words, " "), ".,;:")
	}
	return strings.TrimRight(strings.Join(words[:most], " "), ".,;:") + "…"
}

// bodyBlocks turns body text into blocks. The volunteer's blank-line
// paragraphs stay paragraphs; a line break inside a paragraph stays a line
// break; lines starting "- " or "1. " become list items, because that is
// what the writer meant.
func bodyBlocks(s string) []Block {
	s = normaliseBreaks(s)
	var out []Block
	for _, para := range strings.Split(s, "\n\n") {
		var lines []Text
		var items []Item
		kind := ""
		flush := func() {
			switch {
			case kind == "text" && len(lines) > 0:
				out = append(out, Block{Kind: BlockPara, Lines: lines})
			case len(items) > 0:
				out = append(out, Block{Kind: BlockList, Items: items, Numbered: kind == "number"})
			}
			lines, items = nil, nil
		}
		for _, line := range strings.Split(para, "\n") {
			k, marker, text := "text", "", collapse(line)
			if m := bulletLine().FindStringSubmatch(line); m != nil && strings.TrimSpace(m[1]) != "" {
				k, text = "bullet", collapse(m[1])
			} else if m := numberedLine().FindStringSubmatch(line); m != nil && strings.TrimSpace(m[2]) != "" {
				k, marker, text = "number", m[1], collapse(m[2])
			}
			if text == "" {
				continue
			}
			if k != kind {
				flush()
				kind = k
			}
			if k == "text" {
				lines = append(lines, plain(text))
			} else {
				items = append(items, Item{Marker: marker, Text: plain(text)})
			}
		}
		flush()
	}
	return out
}

// requestFacts gives an information request's dates, and says when the
// answer has not come, so the report never passes over a missing reply:
// one still awaited after its due day is overdue as at the report's day.
func requestFacts(e *Evidence, today Date) []string {
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
		if late := LateBy(e.Due, today); late != "" {
			out = append(out, "Received: not yet, ⚠ overdue by "+late+" as at "+today.Long())
		} else {
			out = append(out, "Received: not yet")
		}
	}
	return out
}
