package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// figuresView shows a survey's figures: the response rate, then for each
// question its base, average and percentages and a bar chart that reads
// without colour (every bar has its label, count and percentage). The
// figures can be split by a respondent attribute such as contact method.
type figuresView struct {
	s      *surveysTab
	id     string
	keys   figuresKeys
	offset int
	by     string // attribute to split by; "" for everyone
	lines  []string
	builtW int
	builtV int
	h      int
}

func newFiguresView(s *surveysTab, id string) *figuresView {
	return &figuresView{s: s, id: id, builtW: -1, keys: newFiguresKeys()}
}

func (v *figuresView) typing() bool { return false }

// nextSplit is the attribute alt+b splits by next ("" for everyone again) and
// whether the answers carry any attribute at all.
func (v *figuresView) nextSplit() (string, bool) {
	names := svByID(v.s.ws, v.id).AttributeNames()
	if v.by == "" && len(names) > 0 {
		return names[0], true
	}
	for i, n := range names {
		if n == v.by && i+1 < len(names) {
			return names[i+1], true
		}
	}
	return "", len(names) > 0
}

func (v *figuresView) help() helpMap {
	// The hint names what b does next, from this survey's own attributes.
	switch next, has := v.nextSplit(); {
	case next != "":
		v.keys.Split.SetHelp("alt+b", "split by "+text.OneLine(next))
	case has:
		v.keys.Split.SetHelp("alt+b", "everyone together")
	}
	return helpMap{short: []key.Binding{v.keys.Down, v.keys.Split, v.keys.Back}, full: bindings(v.keys)}
}

func (v *figuresView) update(msg tea.Msg) (tea.Cmd, bool) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if w, ok := msg.(tea.MouseWheelMsg); ok {
			if w.Button == tea.MouseWheelUp {
				v.offset -= 3
			} else {
				v.offset += 3
			}
		}
		return nil, false
	}
	if d, ok := scrollStep(km, v.keys.Up, v.keys.Down, v.keys.PageUp, v.keys.PageDown, max(1, v.h-2)); ok {
		v.offset += d
		return nil, false
	}
	switch {
	case key.Matches(km, v.keys.Back):
		return nil, true
	case key.Matches(km, v.keys.First):
		v.offset = 0
	case key.Matches(km, v.keys.Last):
		v.offset = 1 << 30
	case key.Matches(km, v.keys.Split):
		next, has := v.nextSplit()
		if !has {
			v.s.ws.e.note("These answers carry nothing about the people (such as contact method) to split by.")
		}
		v.by = next
		v.builtW = -1
		v.offset = 0
	}
	return nil, false
}

// scrollStep is how far a line-by-line or page-by-page key moves a page of
// text (the figures, the import preview), and whether km was one of them.
func scrollStep(km tea.KeyPressMsg, up, down, pageUp, pageDown key.Binding, page int) (int, bool) {
	switch {
	case key.Matches(km, up):
		return -1, true
	case key.Matches(km, down):
		return 1, true
	case key.Matches(km, pageUp):
		return -page, true
	case key.Matches(km, pageDown):
		return page, true
	}
	return 0, false
}

func (v *figuresView) view(w, h int) string {
	v.h = h
	if v.builtW != w || v.builtV != v.s.ws.version {
		v.lines = surveyFigureLines(svByID(v.s.ws, v.id), v.by, w)
		v.builtW, v.builtV = w, v.s.ws.version
	}
	st := v.s.ws.e.styles
	bodyH := max(1, h-1)
	v.offset = max(0, min(v.offset, len(v.lines)-bodyH))
	title := "Figures: " + text.OneLine(svByID(v.s.ws, v.id).Name)
	if v.by != "" {
		title += " · split by " + text.OneLine(v.by)
	}
	out := []string{st.Title.Render(text.Truncate(title, w))}
	end := min(len(v.lines), v.offset+bodyH)
	for _, l := range v.lines[v.offset:end] {
		out = append(out, markedLine(st, st.Warning, l))
	}
	return strings.Join(text.Box(out, w, h), "\n")
}

// markedLine styles a line by its first byte: \x01 a heading, \x02 a
// problem (in the given style), \x03 an all-clear, else plain text. Line
// builders mark lines this way so tests can read them without styles.
func markedLine(st style.Styles, problem lipgloss.Style, l string) string {
	switch {
	case strings.HasPrefix(l, "\x01"):
		return st.Heading.Render(l[1:])
	case strings.HasPrefix(l, "\x02"):
		return problem.Render(l[1:])
	case strings.HasPrefix(l, "\x03"):
		return st.Good.Render(l[1:])
	}
	return st.Text.Render(l)
}

// surveyFigureLines lays out the figures for width w. Lines starting with
// \x01 are headings and \x02 warnings; the view styles them, tests read them.
func surveyFigureLines(sv *review.Survey, by string, w int) []string {
	w = max(20, w)
	var out []string
	add := func(s string) {
		for _, l := range text.Wrap(s, w) {
			out = append(out, l)
		}
	}
	sent := "Responses: " + sv.ResponseRateText()
	if sv.Channel != "" {
		sent += ", sent by " + string(sv.Channel)
	}
	if !sv.Date.IsZero() {
		sent += " on " + sv.Date.Short()
	}
	add(sent)
	if len(sv.Questions) == 0 {
		add("This survey has no questions yet: press esc, then add them in the details.")
	}
	if by == "" {
		out = append(out, figuresTable(sv, w)...)
	}
	for i := range sv.Questions {
		q := &sv.Questions[i]
		out = append(out, "")
		for j, l := range text.Wrap(fmt.Sprintf("Q%d. %s (%s)", i+1, text.OneLine(text.OrEmpty(q.Text, "(no text)")), questionKindText(*q)), w) {
			if j == 0 {
				out = append(out, "\x01"+l)
			} else {
				out = append(out, "\x01    "+l)
			}
		}
		if by == "" {
			s := sv.QuestionStats(q)
			out = append(out, statLines(s, q.Kind, w, "")...)
			out = append(out, barLines(s, w)...)
			continue
		}
		groups := sv.QuestionStatsBy(q, by)
		names := make([]string, len(groups))
		stats := make([]review.Stats, len(groups))
		for j, g := range groups {
			names[j], stats[j] = fmt.Sprintf("%s (%d)", text.OneLine(g.Value), g.Size), g.Stats
		}
		// A table when it fits and the answers are numbers, else in words.
		if t := statsTable(names, stats, w); q.Kind == review.QuestionScale && t != nil {
			out = append(out, t[1:]...)
			continue
		}
		for j, g := range groups {
			out = append(out, statLines(g.Stats, q.Kind, w, names[j]+": ")...)
		}
	}
	return out
}

// figuresTable is one line per question: base, average, % top score and
// % at or above / at or below the thresholds, numbers right-aligned.
func figuresTable(sv *review.Survey, w int) []string {
	names := make([]string, len(sv.Questions))
	stats := make([]review.Stats, len(sv.Questions))
	for i := range sv.Questions {
		names[i], stats[i] = fmt.Sprintf("Q%d", i+1), sv.QuestionStats(&sv.Questions[i])
		// Comments are read, not counted: a small base says nothing there.
		if sv.Questions[i].Kind == review.QuestionFreeText {
			stats[i].SmallBase = false
		}
	}
	return statsTable(names, stats, w)
}

// statsTable is one line per name (a question, or a group of people); nil
// when w is too narrow, as the lines in words then say the same.
func statsTable(names []string, stats []review.Stats, w int) []string {
	rows := [][]string{{"", "Base", "Average", "Top score", "At/above", "At/below", "Excluded"}}
	for i, s := range stats {
		name := names[i]
		if s.SmallBase && s.Base > 0 {
			name += " *"
		}
		r := []string{name, fmt.Sprint(s.Base), "–", "–", "–", "–", fmt.Sprint(s.Excluded)}
		if s.HasMean && s.Base > 0 {
			r[2], r[3] = s.MeanText(), s.PctText(s.TopN)
			r[4] = fmt.Sprintf("%s (≥%d)", s.PctText(s.HighN), s.High)
			r[5] = fmt.Sprintf("%s (≤%d)", s.PctText(s.LowN), s.Low)
		}
		rows = append(rows, r)
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, c := range r {
			widths[j] = max(widths[j], text.Width(c))
		}
	}
	total := len(widths) * 2
	for _, x := range widths {
		total += x
	}
	if total > w {
		return nil // too narrow: the blocks below say the same
	}
	out := []string{""}
	for ri, r := range rows {
		var b strings.Builder
		for j, c := range r {
			if j == 0 {
				b.WriteString(text.Pad(c, widths[j]))
				continue
			}
			b.WriteString("  " + strings.Repeat(" ", widths[j]-text.Width(c)) + c)
		}
		line := "  " + b.String()
		if ri == 0 {
			line = "\x01" + line
		}
		out = append(out, line)
	}
	if strings.Contains(strings.Join(out, "\n"), " *") {
		out = append(out, fmt.Sprintf("  * small base: fewer than %d answers", review.SmallBaseUnder))
	}
	return out
}

// statLines is the summary of one question's figures in words.
func statLines(s review.Stats, kind review.QuestionKind, w int, prefix string) []string {
	parts := []string{fmt.Sprintf("%d answered", s.Base)}
	if s.Excluded > 0 {
		parts = append(parts, fmt.Sprintf("%d don't know / N/A", s.Excluded))
	}
	if s.Missing > 0 {
		parts = append(parts, fmt.Sprintf("%d left it blank", s.Missing))
	}
	if s.Invalid > 0 {
		parts = append(parts, fmt.Sprintf("%d not on the scale", s.Invalid))
	}
	var out []string
	for _, l := range text.Wrap(prefix+strings.Join(parts, " · "), w-2) {
		out = append(out, "  "+l)
	}
	if s.HasMean && s.Base > 0 {
		top := "top score"
		if len(s.Counts) > 0 {
			top = "gave " + s.Counts[len(s.Counts)-1].Value
		}
		fig := []string{"average " + s.MeanText(), top + " " + s.PctText(s.TopN),
			fmt.Sprintf("%d or more %s", s.High, s.PctText(s.HighN)), fmt.Sprintf("%d or less %s", s.Low, s.PctText(s.LowN))}
		if s.HasSatisfied {
			fig = append(fig, "satisfied (top two) "+s.PctText(s.SatisfiedN))
		}
		if s.HasNPS {
			fig = append(fig, "Net Promoter Score "+s.NPSText())
		}
		for _, l := range text.Wrap(strings.Join(fig, " · "), w-2) {
			out = append(out, "  "+l)
		}
	}
	if s.SmallBase && s.Base > 0 && kind != review.QuestionFreeText {
		out = append(out, fmt.Sprintf("\x02  ⚠ small base: fewer than %d answers, treat with care", review.SmallBaseUnder))
	}
	return out
}

// barLines draws one bar per answer: label, bar, count and percentage, so
// the chart says everything in characters, never in colour.
func barLines(s review.Stats, w int) []string {
	if len(s.Counts) == 0 {
		return nil
	}
	lw, most := 0, 0
	for _, c := range s.Counts {
		lw = max(lw, text.Width(text.OneLine(c.Label)))
		most = max(most, c.N)
	}
	lw = min(lw, max(4, w/3))
	nw := len(fmt.Sprint(most))
	// "  label │bar│ count  100.0%"
	barW := w - 2 - lw - 2 - 1 - nw - 8
	out := make([]string, 0, len(s.Counts))
	for _, c := range s.Counts {
		label := text.Pad(text.OneLine(c.Label), lw)
		pct := s.PctText(c.N)
		if barW < 4 {
			out = append(out, fmt.Sprintf("  %s %*d %7s", label, nw, c.N, pct))
			continue
		}
		out = append(out, fmt.Sprintf("  %s │%s %*d %7s", label, bar(c.N, most, barW), nw, c.N, pct))
	}
	return out
}

// bar is n of most drawn in width cells, with eighth blocks for the end.
func bar(n, most, width int) string {
	if most <= 0 || width <= 0 {
		return strings.Repeat(" ", max(0, width))
	}
	eighths := n * width * 8 / most
	if n > 0 && eighths == 0 {
		eighths = 1 // a single answer still shows
	}
	full, part := eighths/8, eighths%8
	s := strings.Repeat("█", full)
	if part > 0 {
		s += string([]rune(" ▏▎▍▌▋▊▉")[part])
		full++
	}
	return s + strings.Repeat(" ", width-full)
}
