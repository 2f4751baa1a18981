package review

import (
	"fmt"
	"strings"

	"github.com/mattn/go-runewidth"
)

// surveyName is the survey's name for a heading.
func surveyName(sv *Survey) string {
	if n := EscapeHeading(sv.Name); n != "" {
		return n
	}
	return "Untitled survey"
}

// stats works each question's figures out once: the results table and the
// appendix show the same numbers.
func (w *reportWriter) stats(sv *Survey, q *Question) Stats {
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

func (w *reportWriter) attributes(sv *Survey) []string {
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
// "Sent by text message on 12 February 2019. Responses: 57 of 670, 8.5%."
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
	if e := EscapeInline(string(c)); e != "" {
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

// surveyResults writes the survey's results table for section 5: one row per
// question, with the panel's thresholds in the column headings when every
// question shares them.
func (w *reportWriter) surveyResults(sv *Survey) {
	w.block(surveyAbout(sv))
	qs := answered(sv)
	if len(qs) == 0 {
		w.block("*No questions with figures yet.*")
		return
	}
	stats := make([]Stats, len(qs))
	for i, q := range qs {
		stats[i] = w.stats(sv, q)
	}
	w.block(statsTable("Question", rowNames(qs), stats))
	if anySmall(stats) {
		w.block(smallBaseNote)
	}
}

var smallBaseNote = fmt.Sprintf("⚠ Small base: fewer than %d answers, so read those figures with care.", SmallBaseUnder)

func rowNames(qs []*Question) []string {
	names := make([]string, len(qs))
	for i, q := range qs {
		names[i] = orDash(EscapeCell(q.Text))
	}
	return names
}

func anySmall(stats []Stats) bool {
	for _, s := range stats {
		if s.SmallBase && (s.Base > 0 || len(s.Counts) > 0) {
			return true
		}
	}
	return false
}

// statsTable writes Question | Base | Average | % top score | % ≥ High |
// % ≤ Low. Names must already be escaped for a cell.
func statsTable(first string, names []string, stats []Stats) string {
	hi, lo, shared := sharedThresholds(stats)
	hiHead, loHead := "% at or above high", "% at or below low"
	if shared {
		hiHead, loHead = fmt.Sprintf("%% ≥ %d", hi), fmt.Sprintf("%% ≤ %d", lo)
	}
	var t strings.Builder
	fmt.Fprintf(&t, "| %s | Base | Average | %% top score | %s | %s |\n|---|---:|---:|---:|---:|---:|", first, hiHead, loHead)
	for i, s := range stats {
		base := fmt.Sprint(s.Base)
		if s.SmallBase && s.Base > 0 {
			base += " ⚠"
		}
		avg, top, high, low := "–", "–", "–", "–"
		if s.HasMean && s.Base > 0 {
			avg, top, high, low = s.MeanText(), Num1(s.TopN, s.Base), Num1(s.HighN, s.Base), Num1(s.LowN, s.Base)
			if !shared {
				high += fmt.Sprintf(" (≥ %d)", s.High)
				low += fmt.Sprintf(" (≤ %d)", s.Low)
			}
		}
		fmt.Fprintf(&t, "\n| %s | %s | %s | %s | %s | %s |", names[i], base, avg, top, high, low)
	}
	return t.String()
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

func (w *reportWriter) appendix() {
	r := w.r
	w.block("## 9. Appendix: survey detail")
	if len(r.Surveys) == 0 {
		w.block("*No surveys recorded.*")
		return
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		w.blockf("### Survey: %s", surveyName(sv))
		w.block(surveyAbout(sv))
		if len(sv.Questions) == 0 {
			w.block("*No questions yet.*")
		}
		for qi := range sv.Questions {
			w.questionDetail(sv, qi)
		}
	}
}

// questionDetail writes one question's figures, its distribution as a
// chart that reads without colour, and its breakdown by respondent
// attributes.
func (w *reportWriter) questionDetail(sv *Survey, qi int) {
	q := &sv.Questions[qi]
	text := EscapeHeading(q.Text)
	if text == "" {
		text = "Question with no text"
	}
	w.blockf("#### Q%d. %s", qi+1, text)
	if q.Kind == QuestionFreeText {
		w.freeText(sv, q)
		return
	}
	s := w.stats(sv, q)
	w.block(statsSentence(q, s))
	if chart := Chart(s.Counts); chart != "" {
		fence := codeFence(chart)
		w.block(fence + "text\n" + chart + "\n" + fence)
	}
	for _, attr := range w.attributes(sv) {
		groups := sv.QuestionStatsBy(q, attr)
		if len(groups) < 2 || !anyAnswered(groups) {
			continue
		}
		names := make([]string, len(groups))
		stats := make([]Stats, len(groups))
		for i, g := range groups {
			names[i], stats[i] = orDash(EscapeCell(g.Value)), g.Stats
		}
		head, by := capitalise(EscapeCell(attr)), EscapeInline(attr)
		if head == "" {
			head, by = "Unnamed attribute", "unnamed attribute"
		}
		w.blockf("By %s:", by)
		if s.HasMean {
			w.block(statsTable(head, names, stats))
			if anySmall(stats) {
				w.block(smallBaseNote)
			}
		} else {
			w.block(sharesTable(head, names, stats))
		}
	}
}

func anyAnswered(groups []GroupStats) bool {
	for _, g := range groups {
		if g.Stats.Base > 0 {
			return true
		}
	}
	return false
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
	if s.SmallBase && s.Base > 0 {
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
func sharesTable(first string, names []string, stats []Stats) string {
	var values, labels []string
	seen := map[string]bool{}
	for _, s := range stats {
		for _, c := range s.Counts {
			if !seen[c.Value] {
				seen[c.Value] = true
				values = append(values, c.Value)
				labels = append(labels, "% "+orDash(EscapeCell(c.Label)))
			}
		}
	}
	var t strings.Builder
	t.WriteString("| " + first + " | Base")
	for _, l := range labels {
		t.WriteString(" | " + l)
	}
	t.WriteString(" |\n|---|---:" + strings.Repeat("|---:", len(labels)) + "|")
	for i, s := range stats {
		fmt.Fprintf(&t, "\n| %s | %d", names[i], s.Base)
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
			t.WriteString(" | " + cell)
		}
		t.WriteString(" |")
	}
	return t.String()
}

// maxComments caps the written answers quoted for one question, so a large
// survey cannot bury the report.
const maxComments = 50

func (w *reportWriter) freeText(sv *Survey, q *Question) {
	var lines []string
	total := 0
	for i := range sv.Respondents {
		a := EscapeInline(sv.Respondents[i].Answers[q.ID])
		if a == "" || IsExcluded(sv.Respondents[i].Answers[q.ID]) {
			continue
		}
		total++
		if len(lines) < maxComments {
			lines = append(lines, "- "+a)
		}
	}
	switch total {
	case 0:
		w.block("*No written answers yet.*")
		return
	case 1:
		w.block("1 written answer:")
	default:
		w.blockf("%d written answers:", total)
	}
	w.block(strings.Join(lines, "\n"))
	if total > len(lines) {
		w.blockf("And %d more, not shown here.", total-len(lines))
	}
}

// barWidth is the length of the longest bar of a chart, in cells.
const barWidth = 30

// maxLabelWidth keeps a long answer label from pushing the bars off a page.
const maxLabelWidth = 32

// Chart draws a distribution as plain text, one line per answer: the label,
// a bar of █ scaled to the largest count, the count and its share of all
// the counts (the base: "don't know" answers are not among the counts).
// Everything is in words and figures, so it reads the same in monochrome,
// on paper and to a screen reader. It returns "" when there is nothing to
// draw.
func Chart(counts []Count) string {
	if len(counts) == 0 {
		return ""
	}
	labels := make([]string, len(counts))
	most, total, labelW, countW := 0, 0, 0, 0
	for i, c := range counts {
		l := strings.Join(strings.Fields(stripBidiControls(Clean(c.Label))), " ")
		if c.Value != "" && l != c.Value && isNumber(c.Value) {
			l = c.Value + " " + l
		}
		if l == "" {
			l = "(blank)"
		}
		l = runewidth.Truncate(l, maxLabelWidth, "…")
		labels[i] = l
		labelW = max(labelW, runewidth.StringWidth(l))
		most = max(most, c.N)
		total += c.N
		countW = max(countW, len(fmt.Sprint(c.N)))
	}
	var b strings.Builder
	for i, c := range counts {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		if most > 0 {
			n = (c.N*barWidth + most/2) / most
			if c.N > 0 && n == 0 {
				n = 1
			}
		}
		b.WriteString(isolate(runewidth.FillRight(labels[i], labelW)))
		b.WriteString("  ")
		b.WriteString(strings.Repeat("█", n) + strings.Repeat(" ", barWidth-n))
		pct := "0.0"
		if total > 0 {
			pct = Num1(c.N, total)
		}
		fmt.Fprintf(&b, "  %*d  %5s%%", countW, c.N, pct)
	}
	return b.String()
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
