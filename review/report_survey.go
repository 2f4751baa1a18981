package review

import (
	"fmt"
	"strings"
)

// surveyName is the survey's name for a heading.
func surveyName(sv *Survey) string {
	if n := collapse(sv.Name); n != "" {
		return n
	}
	return "Untitled survey"
}

// stats works each question's figures out once: the results table, the
// summary and the appendix show the same numbers.
func (w *builder) stats(sv *Survey, q *Question) Stats {
	if s, ok := w.statsCache[q]; ok {
		return s
	}
	if w.statsCache == nil {
		w.statsCache = map[*Question]Stats{}
	}
	s := sv.QuestionStats(q)
	w.statsCache[q] = s
	return s
}

func (w *builder) attributes(sv *Survey) []string {
	if a, ok := w.attrCache[sv]; ok {
		return a
	}
	if w.attrCache == nil {
		w.attrCache = map[*Survey][]string{}
	}
	a := sv.AttributeNames()
	w.attrCache[sv] = a
	return a
}

// surveyAbout says how the survey was sent and how many answered:
// "Sent by text message on 12 February 2019. Responses: 57 of 670 (8.5%)."
func surveyAbout(sv *Survey) string {
	s := channelPhrase(sv.Channel)
	if !sv.Date.IsZero() {
		if s == "" {
			s = "Carried out"
		}
		s += " on " + sv.Date.Short()
	}
	if s != "" {
		s += ". "
	}
	n, sent, _, ok := sv.ResponseRate()
	if !ok {
		return s + capitalise(sv.ResponseRateText()) + "; how many were sent is not recorded."
	}
	return s + fmt.Sprintf("Responses: %d of %d (%s).", n, sent, Pct1(n, sent))
}

// channelPhrase says how a survey reached people, in words.
func channelPhrase(c Channel) string {
	switch c {
	case "":
		return ""
	case ChannelText:
		return "Sent by text message"
	case ChannelEmail:
		return "Sent by email"
	case ChannelPhone:
		return "Asked by phone"
	case ChannelPaper:
		return "Sent on paper"
	case ChannelOnline:
		return "Run online"
	case ChannelInPerson:
		return "Asked in person"
	}
	if e := collapse(string(c)); e != "" {
		return "Sent by " + e
	}
	return ""
}

// answered lists the questions that have figures (free text has none).
func answered(sv *Survey) []*Question {
	var qs []*Question
	for i := range sv.Questions {
		if sv.Questions[i].Kind != QuestionFreeText {
			qs = append(qs, &sv.Questions[i])
		}
	}
	return qs
}

// surveyResults adds the survey's results for section 5: a table of the
// scale questions, with the panel's thresholds in the column headings when
// every question shares them, and a table of the yes/no and choice
// questions with the share giving each answer.
func (w *builder) surveyResults(sv *Survey) {
	w.text(surveyAbout(sv))
	qs := answered(sv)
	if len(qs) == 0 {
		w.para(em("No questions with figures yet."))
		return
	}
	var scaleNames, choiceNames []string
	var scale, choice []Stats
	for _, q := range qs {
		s := w.stats(sv, q)
		if q.Kind == QuestionScale {
			scaleNames, scale = append(scaleNames, orDash(collapse(q.Text))), append(scale, s)
		} else {
			choiceNames, choice = append(choiceNames, orDash(collapse(q.Text))), append(choice, s)
		}
	}
	flagged := false
	if len(scale) > 0 {
		t := statsTable("Question", scaleNames, scale)
		t.Caption = surveyName(sv) + ": scores"
		w.add(Block{Kind: BlockTable, Table: t})
		flagged = anySmall(scale)
	}
	if len(choice) > 0 {
		t := &Table{Caption: surveyName(sv) + ": yes/no and choice questions", Head: []string{"Question", "Base", "Answers"},
			Align: []Align{AlignLeft, AlignRight, AlignLeft}, Widths: []int{52, 10, 38}, RowHeads: true}
		for i, s := range choice {
			t.Rows = append(t.Rows, []Text{plain(choiceNames[i]), plain(baseText(s)), plain(sharesLine(s))})
		}
		w.add(Block{Kind: BlockTable, Table: t})
		flagged = flagged || anySmall(choice)
	}
	if flagged {
		w.note(smallBaseNote)
	}
}

// sharesLine gives each answer's share of the base: "Yes 39.0%, No 61.0%".
func sharesLine(s Stats) string {
	if s.Base == 0 {
		return "–"
	}
	parts := make([]string, 0, len(s.Counts))
	for _, c := range s.Counts {
		l := orDash(collapse(c.Label))
		parts = append(parts, capitalise(l)+" "+Pct1(c.N, s.Base))
	}
	return strings.Join(parts, ", ")
}

var smallBaseNote = fmt.Sprintf("⚠ Small base: fewer than %d answers, so read those figures with care.", SmallBaseUnder)

// small reports whether a row is flagged: answered, but by too few.
func small(s Stats) bool { return s.SmallBase && s.Base > 0 }

func anySmall(stats []Stats) bool {
	for _, s := range stats {
		if small(s) {
			return true
		}
	}
	return false
}

// baseText is a base as a table shows it, flagged the same way everywhere.
func baseText(s Stats) string {
	if small(s) {
		return fmt.Sprint(s.Base, " ⚠")
	}
	return fmt.Sprint(s.Base)
}

// statsTable is Question | Base | Average | % top score | % ≥ High |
// % ≤ Low.
func statsTable(first string, names []string, stats []Stats) *Table {
	hi, lo, shared := sharedThresholds(stats)
	hiHead, loHead := "% at or above high", "% at or below low"
	if shared {
		hiHead, loHead = fmt.Sprintf("%% ≥ %d", hi), fmt.Sprintf("%% ≤ %d", lo)
	}
	t := &Table{Head: []string{first, "Base", "Average", "% top score", hiHead, loHead},
		Align:  []Align{AlignLeft, AlignRight, AlignRight, AlignRight, AlignRight, AlignRight},
		Widths: []int{40, 9, 11, 11, 11, 11}, RowHeads: true}
	for i, s := range stats {
		avg, top, high, low := "–", "–", "–", "–"
		if s.HasMean && s.Base > 0 {
			avg, top, high, low = s.MeanText(), Num1(s.TopN, s.Base), Num1(s.HighN, s.Base), Num1(s.LowN, s.Base)
			if !shared {
				high += fmt.Sprintf(" (≥ %d)", s.High)
				low += fmt.Sprintf(" (≤ %d)", s.Low)
			}
		}
		t.Rows = append(t.Rows, []Text{plain(names[i]), plain(baseText(s)), plain(avg), plain(top), plain(high), plain(low)})
	}
	return t
}

// sharedThresholds reports the thresholds when every scale question uses
// the same ones, so they can go in the column headings.
func sharedThresholds(stats []Stats) (hi, lo int, ok bool) {
	for _, s := range stats {
		if !s.HasMean {
			continue
		}
		if !ok {
			hi, lo, ok = s.High, s.Low, true
			continue
		}
		if s.High != hi || s.Low != lo {
			return 0, 0, false
		}
	}
	return hi, lo, ok
}

func (w *builder) appendix() {
	r := w.r
	w.heading(2, "s9", "9. Appendix: survey detail")
	if len(r.Surveys) == 0 {
		w.para(em("No surveys recorded."))
		return
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		w.headingUser(3, "", "Survey: ", surveyName(sv))
		w.text(surveyAbout(sv))
		if len(sv.Questions) == 0 {
			w.para(em("No questions yet."))
		}
		for qi := range sv.Questions {
			w.questionDetail(sv, qi)
		}
	}
}

// questionDetail adds one question's figures, its distribution as a chart,
// and its breakdown by each respondent attribute. Groups with no answers
// are left out, and a breakdown with fewer than two groups left is said in
// a sentence instead of a table of one row.
func (w *builder) questionDetail(sv *Survey, qi int) {
	q := &sv.Questions[qi]
	text := collapse(q.Text)
	if text == "" {
		text = "Question with no text"
	}
	w.headingUser(4, "", fmt.Sprintf("Q%d. ", qi+1), text)
	if q.Kind == QuestionFreeText {
		w.freeText(sv, q)
		return
	}
	s := w.stats(sv, q)
	w.text(statsSentence(q, s))
	if c := distributionChart(fmt.Sprintf("Q%d", qi+1), text, s.Counts); c != nil {
		w.chart(c)
	}
	for _, attr := range w.attributes(sv) {
		var groups []GroupStats
		for _, g := range sv.QuestionStatsBy(q, attr) {
			if g.Stats.Base > 0 {
				groups = append(groups, g)
			}
		}
		by := collapse(attr)
		if by == "" {
			by = "unnamed attribute"
		}
		if len(groups) == 0 {
			continue
		}
		if len(groups) == 1 {
			w.text(fmt.Sprintf("Every answer came from one %s: %s.", by, orDash(collapse(groups[0].Value))))
			continue
		}
		names := make([]string, len(groups))
		stats := make([]Stats, len(groups))
		for i, g := range groups {
			names[i], stats[i] = orDash(collapse(g.Value)), g.Stats
		}
		w.text("By " + by + ":")
		var t *Table
		if s.HasMean {
			t = statsTable(capitalise(by), names, stats)
		} else {
			t = sharesTable(capitalise(by), names, stats)
		}
		t.Caption = fmt.Sprintf("Q%d by %s", qi+1, by)
		w.add(Block{Kind: BlockTable, Table: t})
		if anySmall(stats) {
			w.note(smallBaseNote)
		}
		if s.HasMean {
			w.chart(averagesChart(q, fmt.Sprintf("Q%d", qi+1), by, names, stats))
		}
	}
}

// distributionChart shows how many gave each answer, with each count's
// share of the base.
func distributionChart(ref, question string, counts []Count) *Chart {
	if len(counts) == 0 {
		return nil
	}
	total := 0
	for _, c := range counts {
		total += c.N
	}
	c := &Chart{Title: ref + ": how people answered",
		Desc: fmt.Sprintf("The number giving each answer to “%s”, and its share of the %d answers counted.", question, total)}
	fig := &Table{Caption: ref + ": the figures of the chart", Head: []string{"Answer", "Number", "Share"},
		Align: []Align{AlignLeft, AlignRight, AlignRight}, Widths: []int{50, 25, 25}, RowHeads: true}
	g := BarGroup{}
	for _, n := range counts {
		l := collapse(n.Label)
		if n.Value != "" && l != n.Value && isNumber(n.Value) {
			l = n.Value + " " + l
		}
		if l == "" {
			l = "(blank)"
		}
		pct := "0.0%"
		if total > 0 {
			pct = Pct1(n.N, total)
		}
		g.Bars = append(g.Bars, Bar{Label: l, Value: float64(n.N), Text: fmt.Sprintf("%d (%s)", n.N, pct)})
		fig.Rows = append(fig.Rows, []Text{plain(l), plain(fmt.Sprint(n.N)), plain(pct)})
	}
	c.Groups = []BarGroup{g}
	c.Figures = fig
	return c
}

// averagesChart shows the average score of each group of respondents, on
// the question's whole scale; its figures are the table before it.
func averagesChart(q *Question, ref, by string, names []string, stats []Stats) *Chart {
	lo, hi := q.ScaleRange()
	c := &Chart{Title: fmt.Sprintf("%s: average score by %s", ref, by),
		Desc: fmt.Sprintf("The average score from %d to %d given by each %s; the figures are in the table before the chart.", lo, hi, by),
		Max:  float64(hi)}
	g := BarGroup{}
	for i, s := range stats {
		t := fmt.Sprintf("%s (%d %s)", s.MeanText(), s.Base, plural(s.Base, "answer", "answers"))
		if small(s) {
			t += " ⚠"
		}
		g.Bars = append(g.Bars, Bar{Label: names[i], Value: s.Mean, Text: t})
	}
	c.Groups = []BarGroup{g}
	return c
}

// statsSentence gives the question's figures in words.
func statsSentence(q *Question, s Stats) string {
	parts := []string{fmt.Sprintf("Base: %d", s.Base)}
	if s.HasMean && s.Base > 0 {
		lo, hi := q.ScaleRange()
		parts = append(parts,
			fmt.Sprintf("average %s on a scale of %d to %d", s.MeanText(), lo, hi),
			fmt.Sprintf("top score (%d): %s", hi, s.PctText(s.TopN)),
			fmt.Sprintf("%d or more: %s", s.High, s.PctText(s.HighN)),
			fmt.Sprintf("%d or less: %s", s.Low, s.PctText(s.LowN)))
		if s.HasSatisfied {
			parts = append(parts, "satisfied (top two points): "+s.PctText(s.SatisfiedN))
		}
		if s.HasNPS {
			parts = append(parts, "Net Promoter Score: "+s.NPSText())
		}
	} else if s.Base > 0 {
		parts = append(parts, sharesLine(s))
	}
	out := strings.Join(parts, "; ") + "."
	var notes []string
	if s.Excluded > 0 {
		notes = append(notes, fmt.Sprintf("%d answered \"don't know\" or \"not applicable\" and are left out of the base.", s.Excluded))
	}
	if s.Missing > 0 {
		notes = append(notes, fmt.Sprintf("%d gave no answer.", s.Missing))
	}
	if s.Invalid > 0 {
		notes = append(notes, fmt.Sprintf("%d answers could not be read and are left out.", s.Invalid))
	}
	if small(s) {
		notes = append(notes, smallBaseNote)
	}
	if len(notes) > 0 {
		out += " " + strings.Join(notes, " ")
	}
	return out
}

// sharesTable breaks a yes/no or choice question down by group: the share
// of each group giving each answer. Columns are matched by answer value,
// since groups can give different answers outside the listed choices.
func sharesTable(first string, names []string, stats []Stats) *Table {
	var values []string
	t := &Table{Head: []string{first, "Base"}, Align: []Align{AlignLeft, AlignRight}, Widths: []int{30, 10}, RowHeads: true}
	seen := map[string]bool{}
	for _, s := range stats {
		for _, c := range s.Counts {
			if !seen[c.Value] {
				seen[c.Value] = true
				values = append(values, c.Value)
				t.Head = append(t.Head, "% "+orDash(collapse(c.Label)))
				t.Align = append(t.Align, AlignRight)
				t.Widths = append(t.Widths, 10)
			}
		}
	}
	for i, s := range stats {
		row := []Text{plain(names[i]), plain(baseText(s))}
		for _, v := range values {
			cell := "–"
			if s.Base > 0 {
				n := 0
				for _, c := range s.Counts {
					if c.Value == v {
						n = c.N
					}
				}
				cell = Num1(n, s.Base)
			}
			row = append(row, plain(cell))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if (r < '0' || r > '9') && !(i == 0 && r == '-' && len(s) > 1) {
			return false
		}
	}
	return true
}

// maxComments caps the written answers quoted for one question, so a large
// survey cannot bury the report.
const maxComments = 50

func (w *builder) freeText(sv *Survey, q *Question) {
	var items []Item
	total := 0
	col := sv.Respondents.AnswerColumn(q.ID)
	if col == nil {
		col = &Column{Values: []string{""}}
	}
	// Each distinct answer is tidied and checked once, however many gave it.
	shown := make([]string, len(col.Values))
	for code, raw := range col.Values {
		if a := collapse(raw); a != "" && !IsExcluded(raw) {
			shown[code] = a
		}
	}
	for _, code := range col.Codes {
		a := shown[code]
		if a == "" {
			continue
		}
		total++
		if len(items) < maxComments {
			items = append(items, Item{Text: plain(a)})
		}
	}
	switch total {
	case 0:
		w.para(em("No written answers yet."))
		return
	case 1:
		w.text("1 written answer:")
	default:
		w.text(fmt.Sprintf("%d written answers:", total))
	}
	w.add(Block{Kind: BlockList, Items: items})
	if total > len(items) {
		w.text(fmt.Sprintf("And %d more, not shown here.", total-len(items)))
	}
}
