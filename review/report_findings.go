package review

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// findingGroup is one part of section 5: what the panel found from one
// evidence item (or from none), with the standards and surveys behind it.
type findingGroup struct {
	evidence  *Evidence
	good      []*Finding
	issues    []*Finding
	standards []Standard
	surveys   []*Survey
}

func (g *findingGroup) empty() bool {
	return len(g.good)+len(g.issues)+len(g.standards)+len(g.surveys) == 0
}

// plan numbers the evidence (E1...) and sorts findings, standards and surveys
// under the evidence they came from. Findings are numbered (F1...) in the
// order the report shows them, so a reader meets F1, F2, F3 in turn.
func (w *builder) plan() {
	r := w.r
	w.evidenceRef = map[string]string{}
	w.findingRef = map[string]string{}
	w.findingShown = map[*Finding]string{}
	w.findingByRef = map[string]*Finding{}
	groupOf := map[string]int{}
	w.groups = make([]findingGroup, len(r.Evidence))
	for i := range r.Evidence {
		e := &r.Evidence[i]
		w.groups[i].evidence = e
		if _, dup := groupOf[e.ID]; !dup {
			groupOf[e.ID] = i
			w.evidenceRef[e.ID] = fmt.Sprintf("E%d", i+1)
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		g := &w.other
		for _, id := range f.EvidenceIDs {
			if gi, ok := groupOf[id]; ok {
				g = &w.groups[gi]
				break
			}
		}
		if f.Kind == GoodPractice {
			g.good = append(g.good, f)
		} else {
			g.issues = append(g.issues, f)
		}
	}
	for _, st := range r.Standards {
		if gi, ok := groupOf[st.Evidence]; ok && st.Evidence != "" {
			w.groups[gi].standards = append(w.groups[gi].standards, st)
		} else {
			w.looseStds = append(w.looseStds, st)
		}
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		if gi, ok := groupOf[sv.Evidence]; ok && sv.Evidence != "" {
			w.groups[gi].surveys = append(w.groups[gi].surveys, sv)
		} else {
			w.looseSurvey = append(w.looseSurvey, sv)
		}
	}
	n := 0
	number := func(fs []*Finding) {
		for _, f := range fs {
			n++
			ref := fmt.Sprintf("F%d", n)
			w.findingShown[f] = ref
			w.findingByRef[ref] = f
			if _, seen := w.findingRef[f.ID]; !seen && f.ID != "" {
				w.findingRef[f.ID] = ref
			}
		}
	}
	for i := range w.groups {
		number(w.groups[i].good)
		number(w.groups[i].issues)
	}
	number(w.other.good)
	number(w.other.issues)
}

func (w *builder) findings() {
	w.heading(2, "s5", "5. Good practice and findings")
	shown := false
	for i := range w.groups {
		g := &w.groups[i]
		if g.empty() {
			continue
		}
		shown = true
		w.headingUser(3, "", fmt.Sprintf("E%d ", i+1), evidenceTitle(g.evidence))
		w.group(g)
	}
	if len(w.other.good)+len(w.other.issues) > 0 {
		shown = true
		w.heading(3, "", "Other findings")
		w.text("Findings not linked to any one piece of evidence.")
		w.group(&w.other)
	}
	if len(w.looseStds) > 0 {
		shown = true
		w.heading(3, "", "Service standards")
		w.standardsTable(w.looseStds)
	}
	for _, sv := range w.looseSurvey {
		shown = true
		w.headingUser(3, "", "Survey: ", surveyName(sv))
		w.surveyResults(sv)
	}
	if !shown {
		w.para(em("No findings recorded yet."))
	}
}

// group adds one group's findings, standards and surveys.
func (w *builder) group(g *findingGroup) {
	if len(g.good) > 0 {
		w.text("Good practice:")
		w.findingList(g.good)
	}
	if len(g.issues) > 0 {
		w.text("Issues:")
		w.findingList(g.issues)
	}
	if len(g.standards) > 0 {
		w.text("Service standards:")
		w.standardsTable(g.standards)
	}
	for _, sv := range g.surveys {
		w.headingUser(4, "", "Survey: ", surveyName(sv))
		w.surveyResults(sv)
	}
}

// findingList adds findings as bullets led by their reference, naming any
// other evidence the finding also rests on.
func (w *builder) findingList(fs []*Finding) {
	items := make([]Item, 0, len(fs))
	for _, f := range fs {
		text := Text{{S: collapse(f.Text)}}
		if text[0].S == "" {
			text = em("No text yet.")
		}
		ref := w.findingShown[f]
		line := append(Text{{S: ref + " ", Strong: true}}, text...)
		var also []string
		first := true
		for _, id := range f.EvidenceIDs {
			eref, ok := w.evidenceRef[id]
			if !ok {
				continue
			}
			if first {
				first = false
				continue
			}
			also = append(also, eref)
		}
		if len(also) > 0 {
			line = append(line, Span{S: " (also from " + strings.Join(also, ", ") + ")"})
		}
		items = append(items, Item{Anchor: strings.ToLower(ref), Text: line})
	}
	w.add(Block{Kind: BlockList, Items: items})
}

// standardsTable adds the standards with their met state as a word and a
// symbol, the summary line, where the figures came from, and a chart of
// target against actual for the standards whose figures can be compared.
func (w *builder) standardsTable(sts []Standard) {
	t := &Table{Caption: "Service standards: target and performance", Head: []string{"Standard", "Target", "Performance", "Met"},
		Widths: []int{40, 20, 26, 14}, RowHeads: true}
	var sources []string
	seen := map[string]bool{}
	for _, st := range sts {
		perf := collapse(st.Actual)
		if p := collapse(st.Period); p != "" {
			if perf == "" {
				perf = "not known"
			}
			perf += " (" + p + ")"
		}
		state, _ := st.Met()
		t.Rows = append(t.Rows, []Text{plain(orDash(collapse(st.Promise))), plain(orDash(collapse(st.Target))), plain(orDash(perf)), plain(state.Label())})
		if src := collapse(st.Source); src != "" && !seen[src] {
			seen[src] = true
			sources = append(sources, src)
		}
	}
	w.add(Block{Kind: BlockTable, Table: t})
	if s := StandardsSummary(sts); s != "" {
		w.text(strings.TrimSuffix(s, ".") + ".")
	}
	if len(sources) > 0 {
		w.note("Source: " + strings.Join(sources, "; ") + ".")
	}
	if c := standardsChart(sts); c != nil {
		w.chart(c)
	}
}

// standardsChart draws target against actual for each standard whose two
// figures are in comparable units; each standard has its own scale, since
// minutes and percentages share no axis.
func standardsChart(sts []Standard) *Chart {
	c := &Chart{Title: "Service standards: target and actual",
		Desc:     "For each standard, the target and the actual performance, each standard on its own scale.",
		PerGroup: true}
	fig := &Table{Caption: "Figures of the chart: target and actual", Head: []string{"Standard", "Target", "Actual", "Met"},
		Widths: []int{46, 20, 20, 14}, RowHeads: true}
	for _, st := range sts {
		g, a, ok := st.comparable()
		if !ok {
			continue
		}
		tv, av := g.Amount.Value, a.Value
		if g.Amount.Unit != a.Unit {
			continue
		}
		state, _ := st.Met()
		name := orDash(collapse(st.Promise))
		c.Groups = append(c.Groups, BarGroup{Label: name, Bars: []Bar{
			{Label: "Target", Value: tv, Text: collapse(st.Target), Tone: 1},
			{Label: "Actual", Value: av, Text: collapse(st.Actual) + " " + state.Label(), Tone: 0},
		}})
		fig.Rows = append(fig.Rows, []Text{plain(name), plain(collapse(st.Target)), plain(collapse(st.Actual)), plain(state.Label())})
	}
	if len(c.Groups) == 0 {
		return nil
	}
	c.Figures = fig
	return c
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (w *builder) recommendations() {
	r := w.r
	w.heading(2, "s7", "7. Recommendations")
	if len(r.Recommendations) == 0 {
		w.para(em("No recommendations yet."))
		return
	}
	items := make([]Item, len(r.Recommendations))
	for i := range r.Recommendations {
		items[i] = w.recommendation(i+1, &r.Recommendations[i])
	}
	w.add(Block{Kind: BlockList, Numbered: true, Items: items})
}

// recommendation is one numbered item: its text, the lettered sub-points,
// then the findings behind it (by number and short title) and, in later
// stages, the Board's answer and the actions.
func (w *builder) recommendation(n int, rec *Recommendation) Item {
	it := Item{Marker: fmt.Sprint(n), Anchor: fmt.Sprintf("r%d", n), Text: plain(collapse(rec.Text))}
	if it.Text[0].S == "" {
		it.Text = em("No text yet.")
	}
	for k, sp := range rec.SubPoints {
		t := plain(collapse(sp.Text))
		if t[0].S == "" {
			t = em("No text yet.")
		}
		it.Sub = append(it.Sub, Item{Marker: Letter(k), Text: t})
	}
	refs := w.findingRefs(rec.FindingIDs)
	if len(refs) > 0 {
		cites := make([]string, len(refs))
		for i, ref := range refs {
			cites[i] = ref + " (" + shortTitle(w.findingByRef[ref].Text) + ")"
		}
		it.After = append(it.After, plain("Based on findings: "+strings.Join(cites, ", ")+"."))
	} else {
		it.After = append(it.After, plain("⚠ Not linked to any finding yet."))
	}
	if line := responseLine(rec.Response); line != "" {
		it.After = append(it.After, plain("Board response: "+line))
	}
	return it
}

// findingRefs returns the references of the named findings in report order,
// each once, leaving out findings that no longer exist.
func (w *builder) findingRefs(ids []string) []string {
	var nums []int
	seen := map[int]bool{}
	for _, id := range ids {
		ref, ok := w.findingRef[id]
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(ref[1:])
		if !seen[n] {
			seen[n] = true
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	refs := make([]string, len(nums))
	for i, n := range nums {
		refs[i] = "F" + strconv.Itoa(n)
	}
	return refs
}

// Letter names the sub-point at position i (0-based): a, b, ... z, aa, ab...
func Letter(i int) string {
	if i < 0 {
		return "?"
	}
	s := ""
	for {
		s = string(rune('a'+i%26)) + s
		i = i/26 - 1
		if i < 0 {
			return s
		}
	}
}

func (w *builder) judgement() {
	r := w.r
	w.heading(2, "s8", "8. Overall judgement")
	if len(r.Criteria) > 0 {
		w.text("The panel scored each criterion as poor, fair, good or excellent, using the evidence it gathered.")
		t := &Table{Caption: "Criteria, scores and the room's votes", Head: []string{"Criterion", "Score", "Votes"},
			Widths: []int{44, 22, 34}, RowHeads: true}
		for _, c := range r.Criteria {
			t.Rows = append(t.Rows, []Text{plain(orDash(collapse(c.Name))), plain(scoreText(c.Level)), plain(votesCell(c))})
		}
		t.Rows = append(t.Rows, []Text{{{S: "Overall judgement", Strong: true}}, w.judgementText(" (the panel's own word, see below)"), nil})
		w.add(Block{Kind: BlockTable, Table: t})
		if c := votesChart(r.Criteria); c != nil {
			w.chart(c)
		}
		var why []Item
		for _, c := range r.Criteria {
			if rat := collapse(c.Rationale); rat != "" {
				name := collapse(c.Name)
				if name == "" {
					name = "Unnamed criterion"
				}
				why = append(why, Item{Text: plain(name + ": " + rat)})
			}
		}
		if len(why) > 0 {
			w.text("Why the panel gave these scores:")
			w.add(Block{Kind: BlockList, Items: why})
		}
	} else {
		w.para(em("No criteria scored yet."))
	}

	j := r.Judgement
	switch word := collapse(j.Word); {
	case word != "" && j.Level.Valid():
		w.text("Overall judgement: " + j.Level.Label() + " — " + word + ".")
		w.body(j.Explanation, "The panel's explanation is not yet written.")
	case word != "":
		w.text("Overall judgement: " + word + ".")
		w.text("The panel chose its own word rather than one of the four levels.")
		w.body(j.Explanation, "The panel's explanation is not yet written.")
	case j.Level.Valid():
		w.text("Overall judgement: " + j.Level.Label() + ".")
		w.body(j.Explanation, "")
	default:
		w.para(Text{{S: "Overall judgement: "}, {S: "not decided yet.", Em: true}})
	}
}

// votesChart shows the room's votes per level for each criterion that was
// voted on.
func votesChart(cs []Criterion) *Chart {
	c := &Chart{Title: "The room's votes on each criterion",
		Desc: "For each criterion, how many members voted poor, fair, good or excellent."}
	fig := &Table{Caption: "Figures of the chart: votes per level", Head: []string{"Criterion", "Poor", "Fair", "Good", "Excellent"},
		Widths: []int{44, 14, 14, 14, 14}, Align: []Align{AlignLeft, AlignRight, AlignRight, AlignRight, AlignRight}, RowHeads: true}
	for _, cr := range cs {
		total := 0
		for _, l := range Levels {
			total += cr.Votes[l]
		}
		if total <= 0 {
			continue
		}
		name := orDash(collapse(cr.Name))
		g := BarGroup{Label: name}
		row := []Text{plain(name)}
		for i, l := range Levels {
			n := cr.Votes[l]
			g.Bars = append(g.Bars, Bar{Label: l.Title(), Value: float64(n), Text: fmt.Sprintf("%d %s", n, plural(n, "vote", "votes")), Tone: i})
			row = append(row, plain(strconv.Itoa(n)))
		}
		c.Groups = append(c.Groups, g)
		fig.Rows = append(fig.Rows, row)
	}
	if len(c.Groups) == 0 {
		return nil
	}
	c.Figures = fig
	return c
}

// votesCell lists the room's votes by level, leaving out levels nobody chose.
func votesCell(c Criterion) string {
	var parts []string
	for _, l := range Levels {
		if n := c.Votes[l]; n != 0 {
			parts = append(parts, fmt.Sprintf("%s %d", l, n))
		}
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}
