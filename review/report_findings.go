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
func (w *reportWriter) plan() {
	r := w.r
	w.evidenceRef = map[string]string{}
	w.findingRef = map[string]string{}
	w.findingShown = map[*Finding]string{}
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

func (w *reportWriter) findings() {
	w.block("## 5. Good practice and findings")
	shown := false
	for i := range w.groups {
		g := &w.groups[i]
		if g.empty() {
			continue
		}
		shown = true
		w.blockf("### E%d %s", i+1, evidenceTitle(g.evidence))
		w.group(g, "####")
	}
	if len(w.other.good)+len(w.other.issues) > 0 {
		shown = true
		w.block("### Other findings")
		w.block("Findings not linked to any one piece of evidence.")
		w.group(&w.other, "####")
	}
	if len(w.looseStds) > 0 {
		shown = true
		w.block("### Service standards")
		w.standardsTable(w.looseStds)
	}
	for _, sv := range w.looseSurvey {
		shown = true
		w.blockf("### Survey: %s", surveyName(sv))
		w.surveyResults(sv)
	}
	if !shown {
		w.block("*No findings recorded yet.*")
	}
}

// group writes one group's findings, standards and surveys.
func (w *reportWriter) group(g *findingGroup, sub string) {
	if len(g.good) > 0 {
		w.block("Good practice:")
		w.block(w.findingList(g.good))
	}
	if len(g.issues) > 0 {
		w.block("Issues:")
		w.block(w.findingList(g.issues))
	}
	if len(g.standards) > 0 {
		w.block("Service standards:")
		w.standardsTable(g.standards)
	}
	for _, sv := range g.surveys {
		w.blockf("%s Survey: %s", sub, surveyName(sv))
		w.surveyResults(sv)
	}
}

// findingList writes findings as bullets led by their reference, naming any
// other evidence the finding also rests on.
func (w *reportWriter) findingList(fs []*Finding) string {
	lines := make([]string, 0, len(fs))
	for _, f := range fs {
		text := EscapeInline(f.Text)
		if text == "" {
			text = "*No text yet.*"
		}
		line := "- " + w.findingShown[f] + " " + text
		var also []string
		first := true
		for _, id := range f.EvidenceIDs {
			ref, ok := w.evidenceRef[id]
			if !ok {
				continue
			}
			if first {
				first = false
				continue
			}
			also = append(also, ref)
		}
		if len(also) > 0 {
			line += " (also from " + strings.Join(also, ", ") + ")"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// standardsTable writes the standards with their met state as a word and a
// symbol, then the summary line and where the figures came from.
func (w *reportWriter) standardsTable(sts []Standard) {
	var t strings.Builder
	t.WriteString("| Standard | Target | Performance | Met |\n|---|---|---|---|")
	var sources []string
	seen := map[string]bool{}
	for _, st := range sts {
		perf := EscapeCell(st.Actual)
		if p := EscapeCell(st.Period); p != "" {
			if perf == "" {
				perf = "not known"
			}
			perf += " (" + p + ")"
		}
		state, _ := st.Met()
		fmt.Fprintf(&t, "\n| %s | %s | %s | %s |", orDash(EscapeCell(st.Promise)), orDash(EscapeCell(st.Target)), orDash(perf), state.Label())
		if src := EscapeInline(st.Source); src != "" && !seen[src] {
			seen[src] = true
			sources = append(sources, src)
		}
	}
	w.block(t.String())
	if s := StandardsSummary(sts); s != "" {
		w.block(strings.TrimSuffix(s, ".") + ".")
	}
	if len(sources) > 0 {
		w.block("Source: " + strings.Join(sources, "; ") + ".")
	}
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (w *reportWriter) recommendations() {
	r := w.r
	w.block("## 7. Recommendations")
	if len(r.Recommendations) == 0 {
		w.block("*No recommendations yet.*")
		return
	}
	var l strings.Builder
	for i := range r.Recommendations {
		if i > 0 {
			l.WriteString("\n\n")
		}
		l.WriteString(w.recommendation(i+1, &r.Recommendations[i]))
	}
	w.block(l.String())
}

// recommendation writes one numbered item: its text, the lettered
// sub-points as lines of the same paragraph (lettered lists are not
// markdown, and this reads the same everywhere), then the findings behind
// it and, in later stages, the Board's answer.
func (w *reportWriter) recommendation(n int, rec *Recommendation) string {
	marker := fmt.Sprintf("%d. ", n)
	pad := strings.Repeat(" ", len(marker))
	text := EscapeInline(rec.Text)
	if text == "" {
		text = "*No text yet.*"
	}
	lines := []string{marker + text}
	for k, sp := range rec.SubPoints {
		t := EscapeInline(sp.Text)
		if t == "" {
			t = "*No text yet.*"
		}
		lines = append(lines, pad+Letter(k)+". "+t)
	}
	var b strings.Builder
	b.WriteString(strings.Join(lines, "  \n"))

	refs := w.findingRefs(rec.FindingIDs)
	if len(refs) > 0 {
		b.WriteString("\n\n" + pad + "Based on findings: " + strings.Join(refs, ", ") + ".")
	} else {
		b.WriteString("\n\n" + pad + "⚠ Not linked to any finding yet.")
	}
	if resp := EscapeInline(rec.BoardResponse); resp != "" {
		b.WriteString("\n\n" + pad + "Board response: " + resp)
	}
	for _, a := range rec.Actions {
		t := EscapeInline(a.Text)
		if t == "" {
			continue
		}
		var about []string
		if o := EscapeInline(a.Owner); o != "" {
			about = append(about, o)
		}
		if !a.Due.IsZero() {
			about = append(about, "due "+a.Due.Short())
		}
		if s := EscapeInline(a.Status); s != "" {
			about = append(about, s)
		}
		if len(about) > 0 {
			t += " (" + strings.Join(about, ", ") + ")"
		}
		b.WriteString("\n\n" + pad + "Action: " + t)
	}
	return b.String()
}

// findingRefs returns the references of the named findings in report order,
// each once, leaving out findings that no longer exist.
func (w *reportWriter) findingRefs(ids []string) []string {
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

func (w *reportWriter) judgement() {
	r := w.r
	w.block("## 8. Overall judgement")
	if len(r.Criteria) > 0 {
		w.block("The panel scored each criterion as poor, fair, good or excellent, using the evidence it gathered.")
		var t strings.Builder
		t.WriteString("| Criterion | Score | Votes |\n|---|---|---|")
		for _, c := range r.Criteria {
			score := "Not scored yet"
			if c.Level.Valid() {
				score = c.Level.Label()
			}
			fmt.Fprintf(&t, "\n| %s | %s | %s |", orDash(EscapeCell(c.Name)), score, votesCell(c))
		}
		fmt.Fprintf(&t, "\n| **Overall judgement** | %s | |", w.judgementCell(" (the panel's own word, see below)"))
		w.block(t.String())
		var why []string
		for _, c := range r.Criteria {
			if rat := EscapeInline(c.Rationale); rat != "" {
				name := EscapeInline(c.Name)
				if name == "" {
					name = "Unnamed criterion"
				}
				why = append(why, "- "+name+": "+rat)
			}
		}
		if len(why) > 0 {
			w.block("Why the panel gave these scores:")
			w.block(strings.Join(why, "\n"))
		}
	} else {
		w.block("*No criteria scored yet.*")
	}

	j := r.Judgement
	switch word := EscapeInline(j.Word); {
	case word != "" && j.Level.Valid():
		w.block("Overall judgement: " + j.Level.Label() + " — " + word + ".")
		w.paragraphsOr(j.Explanation, "*The panel's explanation is not yet written.*")
	case word != "":
		w.block("Overall judgement: " + word + ".")
		w.block("The panel chose its own word rather than one of the four levels.")
		w.paragraphsOr(j.Explanation, "*The panel's explanation is not yet written.*")
	case j.Level.Valid():
		w.block("Overall judgement: " + j.Level.Label() + ".")
		if p := Paragraphs(j.Explanation); p != "" {
			w.block(p)
		}
	default:
		w.block("Overall judgement: *not decided yet.*")
	}
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
