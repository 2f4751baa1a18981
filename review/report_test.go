package review

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

var wantSections = []string{
	"## 1. Introduction",
	"## 2. The service area reviewed and why",
	"## 3. Aim and scope",
	"## 4. Our approach",
	"## 5. Good practice and findings",
	"## 6. Review summary",
	"## 7. Recommendations",
	"## 8. Overall judgement",
	"## 9. Appendix: survey detail",
}

// afterBoard are the sections a review gains once the Board has answered
// and the panel has followed up; the nasty review has both.
var afterBoard = []string{"## Board response and action plan", "## Impact"}

// section returns the text of the report from heading up to the next
// heading of the same or a higher level.
func section(t *testing.T, md, heading string) string {
	t.Helper()
	i := strings.Index(md, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("no %q in report:\n%s", heading, md)
	}
	rest := md[i+1+len(heading):]
	level := strings.Index(heading, " ")
	re := regexp.MustCompile(`\n#{1,` + fmt.Sprint(level) + `} `)
	if j := re.FindStringIndex(rest); j != nil {
		rest = rest[:j[0]]
	}
	return rest
}

func mustContain(t *testing.T, where, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", where, w, text)
		}
	}
}

func TestReportSectionsInOrder(t *testing.T) {
	for name, r := range map[string]*Review{"sample": reportSample(), "empty": {}, "nil": nil} {
		md := string(Render(r))
		if !strings.HasPrefix(md, "# Scrutiny report") {
			t.Errorf("%s: report starts %q", name, md[:min(40, len(md))])
		}
		last := -1
		for _, h := range wantSections {
			i := strings.Index(md, "\n"+h+"\n")
			if i < 0 || i < last {
				t.Errorf("%s: section %q missing or out of order", name, h)
			}
			last = i
		}
		if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") || strings.Contains(md, "\n\n\n") {
			t.Errorf("%s: report should end with one newline and have no double blank lines", name)
		}
	}
}

func TestReportHeader(t *testing.T) {
	md := string(Render(reportSample()))
	mustContain(t, "header", md[:strings.Index(md, "## 1.")],
		"# Scrutiny report: Customers contacting Great Places\n",
		"**Scrutiny topic:** Customers contacting Great Places\n",
		"**Start and end dates:** 7 January 2019 to 29 March 2019\n",
		"**Board:** Thursday 2 May 2019\n",
		"**Overall judgement:** Improving (the panel's own word, explained in section 8)\n",
		"**Status of this paper:** Final: for the Board's decision",
		"**The Board is asked to:** note the findings and agree a response to each of the 2 recommendations by Thursday 2 May 2019.")

	r := reportSample()
	r.Judgement = Judgement{Level: Good}
	r.End = Date{}
	md = string(Render(r))
	mustContain(t, "header", md, "**Overall judgement:** ■■■· Good\n", "**Start and end dates:** From 7 January 2019\n")
}

func TestReportEmptyReviewHasPlaceholders(t *testing.T) {
	md := string(Render(&Review{}))
	mustContain(t, "empty report", md,
		"**Scrutiny topic:** Not set yet",
		"**Overall judgement:** Not decided yet",
		"**The Board is asked to:** note the findings.",
		"*Not yet written.*",
		"*No panel members have been added to this review yet.*",
		"*No evidence recorded yet.*",
		"*No findings recorded yet.*",
		"*No recommendations yet.*",
		"*No criteria scored yet.*",
		"*No surveys recorded.*")
}

func TestReportIntroductionAndScope(t *testing.T) {
	md := string(Render(reportSample()))
	mustContain(t, "introduction", section(t, md, "## 1. Introduction"),
		"Insight is a group of volunteer customers.",
		"- Pat Jones, chair\n- Sam Lee, member",
		"The panel met twice between 7 January 2019 and 29 March 2019, giving 5 hours 30 minutes of volunteers' time.")
	mustContain(t, "service area", section(t, md, "## 2. The service area reviewed and why"),
		"Service area: Customer contact",
		"The Board asked us to look at first contact.\n\nWe know first impressions shape trust.")
	mustContain(t, "scope", section(t, md, "## 3. Aim and scope"),
		"### Aim\n\nUse customer feedback",
		"### Objectives\n\n- Review The Hub\n- Test service delivery",
		"### Focus areas\n\n- The service offer",
		"### Out of scope\n\n*Nothing recorded as out of scope.*")
}

func TestReportApproach(t *testing.T) {
	md := section(t, string(Render(reportSample())), "## 4. Our approach")
	mustContain(t, "approach", md,
		"### E1 Overview of customer access\n\nKind: Performance data  \nDate: Monday 7 January 2019  \nWho: Business Intelligence team\n\nWe heard the performance trends.",
		"### E2 Shadowing the Customer Hub\n\nKind: Shadowing  \nDate: Monday 4 February 2019\n\nWe listened to calls.",
		"### E3 Texting customers\n\nKind: Survey\n\n*What was done is not yet written.*")
}

func TestReportEvidenceNotesWithAList(t *testing.T) {
	r := reportSample()
	r.Evidence[1].Notes = "- listened to calls\n- read the call notes"
	out := toHTML(t, section(t, string(Render(r)), "## 4. Our approach"))
	mustContain(t, "evidence notes", out,
		"<p>Kind: Shadowing<br>\nDate: Monday 4 February 2019</p>\n<ul>\n<li>listened to calls</li>\n<li>read the call notes</li>\n</ul>")
}

func TestReportFindingsGroupedByEvidence(t *testing.T) {
	md := section(t, string(Render(reportSample())), "## 5. Good practice and findings")
	// E1 has only standards; E2 has both kinds of finding; the issue is
	// also from E3; f3 has no evidence.
	mustContain(t, "findings", md,
		"### E2 Shadowing the Customer Hub\n\nGood practice:\n\n- **F1** Calls are answered with a friendly greeting\n\nIssues:\n\n- **F2** Long waits on the phone (also from E3)",
		"### Other findings",
		"Issues:\n\n- **F3** Noticeboards are out of date")
	if strings.Index(md, "### E1") > strings.Index(md, "### E2") || strings.Index(md, "### E3") > strings.Index(md, "### Other findings") {
		t.Errorf("groups are not in evidence order:\n%s", md)
	}
}

func TestReportStandards(t *testing.T) {
	md := section(t, string(Render(reportSample())), "## 5. Good practice and findings")
	mustContain(t, "standards", md,
		"Service standards:\n\n| Standard | Target | Performance | Met |\n|----------------------------------------|--------------------|--------------------------|--------------|\n",
		"| 80% of calls answered within 4 minutes | at least 80% | 70% (end of February 2019) | ✗ Not met |",
		"| Ring backs within 1 working hour | within 1 working hour | 14 minutes (end of February 2019) | ✓ Met |",
		"Source: Business Intelligence team.",
		"### Service standards\n\n| Standard | Target | Performance | Met |",
		"| Web chats answered quickly | fast | slow | ? Not judged |",
		"1 of 2 standards met.")
}

func TestReportSurveyTable(t *testing.T) {
	md := section(t, string(Render(reportSample())), "## 5. Good practice and findings")
	// q1 by hand: 57 answers, sum 413, so 7.25; 20 tens (35.1%), 48 at 6
	// or more (84.2%), 9 at 3 or less (15.8%). 59 of 670 is 8.8%.
	mustContain(t, "survey", md,
		"#### Survey: Ease of contact\n\nSent by text message. Responses: 59 of 670 (8.8%).",
		"| Question | Base | Average | % top score | % ≥ 6 | % ≤ 3 |\n|----------------------------------------|--------:|----------:|----------:|----------:|----------:|\n",
		"| How easy was it to contact us? | 57 | 7.25 | 35.1 | 84.2 | 15.8 |",
		"| Would you use web chat? | 2 ⚠ | Yes 50.0%, No 50.0% |",
		smallBaseNote)
	if strings.Contains(md, "Anything else?") {
		t.Errorf("free-text question in the figures table:\n%s", md)
	}

	r := reportSample()
	r.Surveys[0].Sent, r.Surveys[0].Channel, r.Surveys[0].Date = 0, ChannelInPerson, D(2019, time.March, 1)
	md = string(Render(r))
	mustContain(t, "survey without a count sent", md,
		"Asked in person on 1 March 2019. 59 responses; how many were sent is not recorded.")
}

func TestReportRecommendations(t *testing.T) {
	md := section(t, string(Render(reportSample())), "## 7. Recommendations")
	want := "1. Customer Hub: resolve more queries at first contact, considering:  \n" +
		"   a. training so all the team are multi-skilled  \n" +
		"   b. a way to share learning\n\n" +
		"   Based on findings: F1 (Calls are answered with a friendly greeting), F2 (Long waits on the phone).\n\n" +
		"2. Review the communal noticeboards\n\n" +
		"   ⚠ Not linked to any finding yet."
	mustContain(t, "recommendations", md, want)

	r := reportSample()
	recs := make([]Recommendation, 10)
	for i := range recs {
		recs[i] = Recommendation{Text: fmt.Sprint("rec ", i+1), FindingIDs: []string{"f3", "gone", "f3"},
			Response: Response{Decision: Accepted, Words: "Agreed"}, Actions: []Action{{Text: "Retrain", Owner: "Hub manager", Due: D(2019, time.July, 1), Status: OnTrack}}}
	}
	r.Recommendations = recs
	full := string(RenderOn(r, D(2019, time.August, 1)))
	md = section(t, full, "## 7. Recommendations")
	mustContain(t, "ten recommendations", md,
		"10. rec 10\n\n    Based on findings: F3 (Noticeboards are out of date).\n\n    Board response: Accepted ✓ — Agreed")
	mustContain(t, "action plan", section(t, full, "## Board response and action plan"),
		"Of 10 recommendations: 10 accepted. Actions as at 1 August 2019: 0 of 10 actions done · 10 overdue.",
		"### Recommendation 10: rec 10",
		"- **Decision:** Accepted ✓",
		"| 10.1 Retrain | Hub manager | 1 July 2019 | On track →, overdue by 31 days |")
}

func TestReportJudgement(t *testing.T) {
	md := section(t, string(Render(reportSample())), "## 8. Overall judgement")
	mustContain(t, "judgement", md,
		"| Criterion | Score | Votes |\n|--------------------------------------------|----------------------|----------------------------------|\n",
		"| Timeliness and ease of contact | ■■■· Good | fair 2, good 5 |",
		"| Customer kept informed | ■■·· Fair | – |",
		"| **Overall judgement** | Improving (the panel's own word, see below) | |",
		"- Customer kept informed: Call backs were missed.",
		"Overall judgement: Improving.\n\nThe panel chose its own word rather than one of the four levels.\n\nNeither fair nor good summed it up.\n\nThe service is on a journey.")

	r := reportSample()
	r.Judgement = Judgement{Level: Fair, Explanation: "Calls still wait too long."}
	md = section(t, string(Render(r)), "## 8. Overall judgement")
	mustContain(t, "level judgement", md, "| **Overall judgement** | ■■·· Fair | |", "Overall judgement: ■■·· Fair.\n\nCalls still wait too long.")

	r.Judgement = Judgement{Word: "Improving"}
	md = section(t, string(Render(r)), "## 8. Overall judgement")
	mustContain(t, "unexplained word", md, "*The panel's explanation is not yet written.*")
}

func TestReportAppendix(t *testing.T) {
	md := section(t, string(Render(reportSample())), "## 9. Appendix: survey detail")
	mustContain(t, "appendix", md,
		"### Survey: Ease of contact",
		"#### Q1. How easy was it to contact us?",
		"Base: 57; average 7.25 on a scale of 1 to 10; top score (10): 35.1%; 6 or more: 84.2%; 3 or less: 15.8%. 2 gave no answer.",
		"```text\n1   ████████                        5 (8.8%)\n",
		"10  ██████████████████████████████  20 (35.1%)\n```",
		"#### Q2. Would you use web chat?",
		"By contact method:\n\n| Contact method | Base | % Yes | % No |",
		"| email | 1 ⚠ | 0.0 | 100.0 |",
		"#### Q3. Anything else?\n\n1 written answer:\n\n- Be quicker \\| please")
	if strings.Contains(section(t, md, "#### Q1. How easy was it to contact us?"), "By contact method") {
		t.Errorf("breakdown shown for a question only answered by tally")
	}
}

func TestSharesTableMatchesAnswersByValue(t *testing.T) {
	got := mdTable(sharesTable("Area", []string{"North", "South"}, []Stats{
		{Base: 40, Counts: []Count{{Value: "a", Label: "A", N: 10}, {Value: "b", Label: "B", N: 10}, {Value: "x", Label: "x", N: 20}}},
		{Base: 2, SmallBase: true, Counts: []Count{{Value: "a", Label: "A", N: 0}, {Value: "b", Label: "B", N: 1}, {Value: "y", Label: "y", N: 1}}},
	}))
	want := "| Area | Base | % A | % B | % x | % y |\n|------------------------------|---------:|---------:|---------:|---------:|---------:|\n" +
		"| North | 40 | 25.0 | 25.0 | 50.0 | 0.0 |\n" +
		"| South | 2 ⚠ | 0.0 | 50.0 | 0.0 | 50.0 |"
	if got != want {
		t.Errorf("shares table:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextChart(t *testing.T) {
	got := TextChart(distributionChart("Q1", "How was it?", []Count{
		{Value: "1", Label: "Very dissatisfied", N: 3},
		{Value: "2", Label: "2", N: 0},
		{Value: "3", Label: "Very satisfied \x1b[31m", N: 12},
		{Value: "maybe", Label: "Maybe", N: 1},
	}))
	want := "" +
		"1 Very dissatisfied  ████████                        3 (18.8%)\n" +
		"2                                                    0 (0.0%)\n" +
		"3 Very satisfied     ██████████████████████████████  12 (75.0%)\n" +
		"Maybe                ███                             1 (6.3%)"
	if got != want {
		t.Errorf("chart:\n%s\nwant:\n%s", got, want)
	}
	if TextChart(distributionChart("Q1", "", nil)) != "" {
		t.Error("empty chart should be empty")
	}
	long := TextChart(distributionChart("Q1", "", []Count{{Value: "x", Label: strings.Repeat("é", 100), N: 1}}))
	if !strings.Contains(long, strings.Repeat("é", 31)+"…  █") {
		t.Errorf("long label not cut at 32 cells: %q", long)
	}
}

// The rows a text writer draws: group labels when the groups are named,
// each bar scaled to its own group's axis when the groups have their own
// units, and at least one cell for any value above zero.
func TestChartRows(t *testing.T) {
	c := &Chart{PerGroup: true, Groups: []BarGroup{
		{Label: "Calls \x1b[2J", Bars: []Bar{{Label: "Target", Value: 80, Text: "80%"}, {Label: "Actual", Value: 1, Text: "1%"}}},
		{Label: "", Bars: []Bar{{Label: "", Value: 4, Text: "4\nminutes"}}},
	}}
	rows, named := ChartRows(c)
	if !named || len(rows) != 5 {
		t.Fatalf("named %v, %d rows: %+v", named, len(rows), rows)
	}
	if rows[0].Label != "Calls" || !rows[0].Group || rows[3].Label != "–" || rows[4].Label != "(blank)" || rows[4].Text != "4 minutes" {
		t.Errorf("labels: %+v", rows)
	}
	if got := []int{rows[1].Cells(30), rows[2].Cells(30), rows[4].Cells(30), rows[4].Cells(10)}; got[0] != 30 || got[1] != 1 || got[2] != 30 || got[3] != 10 {
		t.Errorf("cells %v, want [30 1 30 10]", got)
	}
	if rows, _ := ChartRows(&Chart{Groups: []BarGroup{{Label: "x"}}}); rows != nil {
		t.Errorf("a chart without bars gave rows %+v", rows)
	}
}

func TestReportDeterministic(t *testing.T) {
	a := Render(reportSample())
	for range 20 {
		if b := Render(reportSample()); !bytes.Equal(a, b) {
			t.Fatal("the same review rendered two different reports")
		}
	}
	r := reportSample()
	before := fmt.Sprintf("%#v", *r)
	Render(r)
	if after := fmt.Sprintf("%#v", *r); before != after {
		t.Error("Render changed the review it was given")
	}
}

// nastyReview fills every text field of a review with text that tries to
// break markdown.
func nastyReview(s string) *Review {
	r := reportSample()
	r.Topic, r.ServiceArea, r.WhyArea, r.Introduction, r.Approach, r.Summary = s, s, s, s, s, s
	r.Stage = Stage(s)
	r.Scope = Scope{Aim: s, Objectives: []string{s, s}, FocusAreas: []string{s}, OutOfScope: []string{s}}
	for i := range r.Members {
		r.Members[i].Name, r.Members[i].Role = s, Role(s)
	}
	for i := range r.Evidence {
		e := &r.Evidence[i]
		e.Kind, e.Title, e.Who, e.Notes = EvidenceKind(s), s, s, s
	}
	for i := range r.Findings {
		r.Findings[i].Text = s
	}
	for i := range r.Standards {
		st := &r.Standards[i]
		st.Promise, st.Target, st.Actual, st.Period, st.Source = s, s, s, s, s
	}
	sv := &r.Surveys[0]
	sv.Name, sv.Channel = s, Channel(s)
	for i := range sv.Questions {
		sv.Questions[i].Text = s
	}
	sv.Questions = append(sv.Questions, Question{ID: "q4", Text: s, Kind: QuestionChoice, Labels: []string{s, "other"}})
	list := sv.Respondents.List()
	for i := range list {
		p := &list[i]
		p.Attrs = map[string]string{s: s + fmt.Sprint(i)}
		if p.Answers == nil {
			p.Answers = map[string]string{}
		}
		p.Answers["q3"] = s
		p.Answers["q4"] = s
	}
	sv.Respondents = RespondentsFrom(list)
	for i := range r.Recommendations {
		rec := &r.Recommendations[i]
		rec.Text, rec.Response = s, Response{Decision: NotAccepted, Words: s, Reason: s}
		for j := range rec.SubPoints {
			rec.SubPoints[j].Text = s
		}
		rec.Actions = []Action{{Text: s, Owner: s, Status: Paused, Reason: s, Updates: []ActionUpdate{{Note: s, By: s}}}}
		rec.FollowUp = []Check{{PointID: "p1", Changed: s, Measure: s, AtReport: s, Now: s + "!", Verdict: PartlyDone}}
	}
	for i := range r.Criteria {
		r.Criteria[i].Name, r.Criteria[i].Rationale = s, s
	}
	r.Judgement.Word, r.Judgement.Explanation = s, s
	r.FollowUpPoints = []FollowUpPoint{{ID: "p1", Label: s, Held: D(2020, time.January, 1)}}
	r.Impact = s
	return r
}

var findingNumber = regexp.MustCompile(`^F[0-9]+$`)

var ownLabel = map[string]bool{"Scrutiny topic:": true, "Service area:": true, "Start and end dates:": true,
	"Overall judgement:": true, "Status of this paper:": true, "The Board is asked to:": true,
	"The Board's words:": true}

// tableCells splits a table line the way GitHub does: a pipe after a
// backslash is part of the cell.
func tableCells(line string) int {
	n := 0
	for i := 1; i < len(line); i++ {
		if line[i] == '|' && line[i-1] != '\\' {
			n++
		}
	}
	return n
}

// checkReportStructure parses the report and checks that user text made
// no markup: exactly the report's own headings, tables whose every row
// has the header's column count, and no links, HTML, code or quotes.
func checkReportStructure(t *testing.T, md []byte, heading2 int, user string) {
	t.Helper()
	checkUserHeadings(t, md, user)
	doc := gm.Parser().Parse(text.NewReader(md))
	counts := map[string]int{}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading:
			counts[fmt.Sprintf("h%d", n.(*ast.Heading).Level)]++
		case ast.KindLink, ast.KindAutoLink, ast.KindImage, ast.KindRawHTML, ast.KindHTMLBlock, ast.KindCodeSpan,
			ast.KindCodeBlock, ast.KindBlockquote, ast.KindThematicBreak, east.KindStrikethrough:
			t.Errorf("user text became %s: %q", n.Kind(), n.Text(md))
		case ast.KindEmphasis:
			// The report's own placeholders are the only emphasis.
			txt := string(n.Text(md))
			// The report's own emphasis: placeholders, labels ending in a
			// colon, finding numbers and chart titles.
			own := txt == "Overall judgement" || txt == "Nothing recorded as out of scope." || strings.Contains(txt, "yet") ||
				(strings.HasSuffix(txt, ":") && !strings.Contains(txt, " ") || ownLabel[txt]) || findingNumber.MatchString(txt) || strings.HasPrefix(txt, "Chart: ")
			if !own {
				t.Errorf("user text became emphasis: %q", txt)
			}
		case east.KindTable:
			counts["table"]++
		case ast.KindFencedCodeBlock:
			counts["chart"]++
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if counts["h1"] != 1 || counts["h2"] != heading2 {
		t.Errorf("headings: %v, want 1 h1 and %d h2", counts, heading2)
	}
	// Every table line has as many cells as its header.
	want := 0
	for _, line := range strings.Split(string(md), "\n") {
		if !strings.HasPrefix(line, "|") {
			want = 0
			continue
		}
		if want == 0 {
			want = tableCells(line)
			continue
		}
		if got := tableCells(line); got != want {
			t.Errorf("table row has %d cells, header %d: %s", got, want, line)
		}
	}
}

func TestReportSurvivesNastyText(t *testing.T) {
	clean := Render(reportSample())
	cleanCounts := countKinds(clean)
	for _, s := range nasty {
		md := Render(nastyReview(s))
		checkReportStructure(t, md, len(wantSections)+2+len(afterBoard), s)
		got := countKinds(md)
		for _, k := range []string{"h3", "h4", "table", "chart"} {
			// The nasty review adds one choice question: one more
			// heading and chart in the appendix, and its breakdown.
			if got[k] < cleanCounts[k] {
				t.Errorf("text %q lost %s: %d, clean review has %d", s, k, got[k], cleanCounts[k])
			}
		}
		if t.Failed() {
			t.Logf("text %q gave:\n%s", s, md)
			return
		}
	}
}

var (
	headingRe     = regexp.MustCompile(`(?s)<h([1-6])>(.*?)</h[1-6]>`)
	userHeadingRe = regexp.MustCompile(`^(Scrutiny report: |E[0-9]+ |Q[0-9]+\. |Survey: |Recommendation [0-9]+: )(.*)$`)
)

// checkUserHeadings checks that every heading carrying the user's text
// holds all of it, on one line, as plain text.
func checkUserHeadings(t *testing.T, md []byte, user string) {
	t.Helper()
	want := isolate(collapse(user))
	if want == "" {
		return
	}
	out := toHTML(t, string(md))
	n := 0
	for _, m := range headingRe.FindAllStringSubmatch(out, -1) {
		if strings.Contains(m[2], "<") {
			t.Errorf("heading holds markup: %s", m[2])
		}
		u := userHeadingRe.FindStringSubmatch(html.UnescapeString(m[2]))
		if u == nil {
			continue
		}
		n++
		if u[2] != want {
			t.Errorf("heading %q should end with %q", u[0], want)
		}
	}
	// The title, three evidence items twice, one survey twice, four
	// questions and, in the action plan, two recommendations.
	if n != 1+6+2+4+2 {
		t.Errorf("%d headings carry the user's text, want 15", n)
	}
}

// countKinds counts the report's headings, tables and charts.
func countKinds(md []byte) map[string]int {
	doc := gm.Parser().Parse(text.NewReader(md))
	counts := map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.Kind() {
			case ast.KindHeading:
				counts[fmt.Sprintf("h%d", n.(*ast.Heading).Level)]++
			case east.KindTable:
				counts["table"]++
			case ast.KindFencedCodeBlock:
				counts["chart"]++
			}
		}
		return ast.WalkContinue, nil
	})
	return counts
}

func FuzzRender(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		md := Render(nastyReview(s))
		checkReportStructure(t, md, len(wantSections)+2+len(afterBoard), s)
		if !bytes.Equal(md, Render(nastyReview(s))) {
			t.Fatal("not deterministic")
		}
	})
}

// largeReview is one review of the size the large demo database holds per
// review: 100 evidence items, 300 findings, 50 recommendations and a
// survey of 10,000 answers.
func largeReview() *Review {
	r := reportSample()
	r.Evidence, r.Findings, r.Recommendations = nil, nil, nil
	for i := range 100 {
		r.Evidence = append(r.Evidence, Evidence{ID: fmt.Sprint("e", i), Kind: KindMysteryShop,
			Title: fmt.Sprint("Mystery shop ", i), Date: D(2019, time.February, 1+i%28), Who: "Panel members",
			Notes: "We phoned the Hub at different times of day and noted how long we waited.\n\nWe also tried web chat."})
	}
	for i := range 300 {
		kind := Issue
		if i%3 == 0 {
			kind = GoodPractice
		}
		r.Findings = append(r.Findings, Finding{ID: fmt.Sprint("f", i), Kind: kind,
			Text: "Calls were answered politely but the wait was longer than the standard allows", EvidenceIDs: []string{fmt.Sprint("e", i%100)}})
	}
	for i := range 50 {
		r.Recommendations = append(r.Recommendations, Recommendation{ID: fmt.Sprint("r", i),
			Text:       "Make sure call backs happen within the hour",
			SubPoints:  []SubPoint{{Text: "train the team"}, {Text: "report the figure monthly"}},
			FindingIDs: []string{fmt.Sprint("f", i*6), fmt.Sprint("f", i*6+1)}})
	}
	sv := &r.Surveys[0]
	sv.Evidence = "e2"
	sv.Questions = nil
	for q := range 10 {
		sv.Questions = append(sv.Questions, Question{ID: fmt.Sprint("q", q), Text: fmt.Sprint("Question ", q), Kind: QuestionScale, Min: 1, Max: 10})
	}
	var list []Respondent
	methods := []string{"phone", "email", "portal", "in person"}
	for p := range 1000 {
		ans := map[string]string{}
		for q := range 10 {
			ans[fmt.Sprint("q", q)] = fmt.Sprint(1 + (p*7+q*3)%10)
		}
		list = append(list, Respondent{ID: fmt.Sprint("p", p),
			Attrs: map[string]string{"contact method": methods[p%4]}, Answers: ans})
	}
	sv.Respondents = RespondentsFrom(list)
	return r
}

func BenchmarkRenderLargeReview(b *testing.B) {
	r := largeReview()
	b.ReportAllocs()
	for b.Loop() {
		Render(r)
	}
}

// TestReportOddData renders data the store should never hold but an old
// file or a bug might: repeated IDs, dangling links, out-of-range values.
func TestReportOddData(t *testing.T) {
	r := reportSample()
	r.Evidence = append(r.Evidence, Evidence{ID: "e1", Title: "Same ID again"})
	r.Findings = append(r.Findings, Finding{Text: "no ID"}, Finding{Text: "no ID either", Kind: "odd"})
	r.Recommendations[0].FindingIDs = []string{"gone", ""}
	r.MemberIDs = append(r.MemberIDs, "not loaded")
	r.Judgement = Judgement{Level: 9, Word: ""}
	r.Criteria = append(r.Criteria, Criterion{Name: "odd", Level: -1, Votes: [5]int{3, -2, 0, 0, 0}})
	r.Standards = append(r.Standards, Standard{Promise: "odd", Verdict: 7})
	r.Surveys = append(r.Surveys, Survey{Name: "empty"}, Survey{Name: "backwards", Questions: []Question{{ID: "b", Text: "b", Kind: QuestionScale, Min: 10, Max: 1}}})
	md := Render(r)
	checkReportStructure(t, md, len(wantSections)+2, "")
	s := string(md)
	mustContain(t, "odd report", s,
		"### E4 Same ID again",
		"- **F4** no ID\n- **F5** no ID either",
		"1. Customer Hub",
		"| **Overall judgement** | Not decided yet | |",
		"| odd | Not scored yet | poor -2 |",
		"| odd | – | – | ? Not judged |",
		"### Survey: empty",
		"#### Q1. b")
	if !strings.Contains(section(t, s, "## 7. Recommendations"), "1. Customer Hub: resolve more queries at first contact, considering:  \n   a. training so all the team are multi-skilled  \n   b. a way to share learning\n\n   ⚠ Not linked to any finding yet.") {
		t.Errorf("recommendation with only dangling links should be flagged:\n%s", section(t, s, "## 7. Recommendations"))
	}
}

// The numbers on screen are the report's: every F reference the report
// prints next to a finding is the one Numbers gives for it.
func TestNumbersMatchTheReport(t *testing.T) {
	r := reportSample()
	n := r.Numbers()
	md := string(Render(r))
	if len(n.Findings) == 0 || len(n.Evidence) != len(r.Evidence) {
		t.Fatalf("numbers %+v", n)
	}
	for _, f := range r.Findings {
		ref := n.Findings[f.ID]
		if ref == "" {
			t.Errorf("finding %q has no number", f.Text)
			continue
		}
		if !strings.Contains(md, ref) {
			t.Errorf("the report never prints %s", ref)
		}
	}
	if SubRef(2, 1) != "3b" || RecRef(0) != "1" {
		t.Error("recommendation references read wrong")
	}
}
