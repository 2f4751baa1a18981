package present

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"scrutiny/review"
	"scrutiny/ui/text"
)

// Slide is one thing shown large on the wall. It holds words only; the UI
// gives it a theme and the plain follower prints it as text, so both show
// the same thing.
type Slide struct {
	Context string // small line above: the review and the part of it
	Title   string
	Lines   []Line
	// Ticking is set when the slide shows a running timer and should be
	// drawn again every second.
	Ticking bool
}

// LineKind says how a line is drawn.
type LineKind int

const (
	Text    LineKind = iota // a paragraph, wrapped
	Big                     // the one thing to read from the back: a score, a verdict, a timer
	BarLine                 // a labelled bar
	Row                     // a table row (Header marks the heading row)
	Gap                     // an empty line, dropped first when space is short
)

// Line is one line (or paragraph) of a slide.
type Line struct {
	Kind  LineKind
	Text  string
	Bar   Bar
	Cells []string
	// Header marks a table's heading row; its cells also label the values
	// when a narrow screen stacks each row.
	Header bool
	// Lead and Tail go before and after a Big line's Text: in ordinary
	// letters above and below the block letters, or on the same line when
	// the window is too small for block letters ("Agreed:", "■■·· Fair").
	Lead, Tail string
	// Short is drawn in block letters, with ShortLead above it, when Text
	// is too long for the window at any size ("Good" under "Agreed: ■■■·").
	Short, ShortLead string
	// Tone colours a Big line or a table row's verdict.
	Tone Tone
	// Clip draws a Text line on one row, cut between words to the window,
	// for a reference such as a finding's opening words.
	Clip bool
}

// Bar is one labelled bar of a tally or chart.
type Bar struct {
	Label string // "■■■· Good", "7", "Very satisfied"
	N     int
	Max   int    // the longest bar's N, so bars share a scale
	Note  string // "5 (56%)"
}

func textLine(s string) Line { return Line{Kind: Text, Text: s} }

// bigLine is a Big line with words around it.
func bigLine(lead, s, tail string, tone Tone) Line {
	return Line{Kind: Big, Lead: lead, Text: s, Tail: tail, Tone: tone}
}

// Plain is the line's words in one piece, as a screen reader or a small
// window has them.
func (l Line) Plain() string {
	return strings.Join(strings.Fields(l.Lead+" "+l.Text+" "+l.Tail), " ")
}
func gap() Line { return Line{Kind: Gap} }

// TabTitle turns a Position.Tab into words for the wall.
func TabTitle(tab string) string {
	switch tab {
	case "":
		return "Overview"
	case "criteria":
		return "Scoring"
	case "response":
		return "Board response"
	}
	return strings.ToUpper(tab[:1]) + tab[1:]
}

// BuildSlide picks what to show for the editor's position: the item under
// the editor's cursor when it can be found, otherwise the review overview.
func BuildSlide(s Snapshot, now time.Time) Slide {
	r := s.Review
	if r == nil {
		return Slide{Title: "No review yet", Lines: []Line{textLine("The wall will follow the laptop once a review is open.")}}
	}
	// The stage comes first so a narrow screen cuts the topic, not it.
	ctx := Clean(r.Topic)
	if s.Pos.Tab != "" {
		ctx = TabTitle(Clean(s.Pos.Tab)) + " · " + ctx
	}
	var sl Slide
	ok := false
	switch s.Pos.ItemKind {
	case ItemCriterion:
		sl, ok = criterionSlide(r, s.Pos.ItemID)
	case ItemRecommendation:
		sl, ok = recommendationSlide(r, s.Pos)
	case ItemFinding:
		sl, ok = findingSlide(r, s.Pos.ItemID)
	case ItemEvidence:
		sl, ok = evidenceSlide(r, s.Pos.ItemID)
	case ItemStandards, ItemStandard:
		sl, ok = standardsSlide(r), true
	case ItemSurvey, ItemQuestion:
		sl, ok = surveySlide(r, s.Pos.ItemKind, s.Pos.ItemID)
	case ItemJudgement:
		sl, ok = judgementSlide(r), true
	case ItemMeeting:
		sl, ok = meetingSlide(r, s.Pos.ItemID)
	case ItemAgenda:
		sl, ok = agendaSlide(r, s.Pos, now)
	case ItemActionPlan:
		sl, ok = actionPlanSlide(r, s.Pos.ItemID, now)
	case ItemScorecard, ItemMeasure:
		sl, ok = scorecardSlide(r, s.Pos.ItemKind, s.Pos.ItemID)
	}
	if !ok {
		sl = overviewSlide(r)
	}
	sl.Context = ctx
	return sl
}

func overviewSlide(r *review.Review) Slide {
	sl := Slide{Title: Clean(r.Topic)}
	sl.Lines = append(sl.Lines, textLine("Stage: "+string(r.Stage)))
	sl.Lines = append(sl.Lines, textLine(fmt.Sprintf("%d evidence · %d findings · %d recommendations",
		len(r.Evidence), len(r.Findings), len(r.Recommendations))))
	if r.Judgement.Level.Valid() || r.Judgement.Word != "" {
		sl.Lines = append(sl.Lines, gap(), bigLine("Judgement:", Clean(r.Judgement.Label()), "", ToneNone))
	}
	return sl
}

func criterionSlide(r *review.Review, id string) (Slide, bool) {
	for _, c := range r.Criteria {
		if c.ID != id {
			continue
		}
		sl := Slide{Title: Clean(c.Name)}
		tally, total := c.Tally(), c.TotalVotes()
		most := 0
		for _, v := range tally {
			most = max(most, v.N)
		}
		for _, v := range tally {
			note := strconv.Itoa(v.N)
			if total > 0 {
				note += " (" + wholePct(v.N, total) + ")"
			}
			sl.Lines = append(sl.Lines, Line{Kind: BarLine, Bar: Bar{Label: v.Level.Label(), N: v.N, Max: most, Note: note}})
		}
		sl.Lines = append(sl.Lines, textLine(c.VoteSummary()))
		switch {
		case c.Level.Valid():
			l := bigLine("Agreed:", c.Level.Label(), "", ToneNone)
			l.Short, l.ShortLead = c.Level.Title(), "Agreed: "+c.Level.Symbol()
			sl.Lines = append(sl.Lines, gap(), l)
		case total > 0:
			// While the room votes, the count is what it watches.
			sl.Lines = append(sl.Lines, gap(), bigLine("", strconv.Itoa(total), text.Plural(total, "vote so far", "votes so far"), ToneNone))
		}
		if t := Clean(c.Rationale); t != "" {
			sl.Lines = append(sl.Lines, textLine(t))
		}
		return sl, true
	}
	return Slide{}, false
}

func recommendationSlide(r *review.Review, pos Position) (Slide, bool) {
	for i, rec := range r.Recommendations {
		if rec.ID != pos.ItemID {
			continue
		}
		// What is being typed shows in place of what was last saved.
		if pos.DraftOf == "text" {
			rec.Text = pos.Draft
		}
		rec.SubPoints = append([]review.SubPoint(nil), rec.SubPoints...)
		for j := range rec.SubPoints {
			if pos.DraftOf != "" && rec.SubPoints[j].ID == pos.DraftOf {
				rec.SubPoints[j].Text = pos.Draft
			}
		}
		// The number is what the room refers to ("let's go back to 3"),
		// so it is the large thing; the words are a sentence to read.
		sl := Slide{Lines: []Line{bigLine("Recommendation", strconv.Itoa(i+1), "", ToneNone)}}
		t := Clean(rec.Text)
		if t == "" {
			t = "(being drafted)"
		}
		sl.Lines = append(sl.Lines, gap(), textLine(t))
		for j, sp := range rec.SubPoints {
			sl.Lines = append(sl.Lines, textLine(fmt.Sprintf("%d%c. %s", i+1, 'a'+rune(j%26), Clean(sp.Text))))
		}
		if len(rec.FindingIDs) > 0 {
			// Name the findings by the report's numbers, each with its
			// opening words, so the room knows which they are.
			nums := r.Numbers().Findings
			// Each on one line of at most 60 cells (or the window), cut
			// between words.
			var based []Line
			for _, fid := range rec.FindingIDs {
				if f, ok := r.FindingByID(fid); ok {
					ref := text.OrEmpty(nums[fid], "F?")
					l := textLine(ref + " " + text.TruncateWords(Clean(f.Text), basedOnWidth-text.Width(ref)-1))
					l.Clip = true
					based = append(based, l)
				}
			}
			if n := len(rec.FindingIDs); len(based) == 0 {
				sl.Lines = append(sl.Lines, gap(), textLine(fmt.Sprintf("Based on %d %s", n, text.Plural(n, "finding", "findings"))))
			} else {
				sl.Lines = append(append(sl.Lines, gap(), textLine("Based on:")), based...)
			}
		}
		return sl, true
	}
	return Slide{}, false
}

// basedOnWidth is the most a "Based on" line takes: the finding's number
// and its opening words fit a window of the workspace's smallest width.
const basedOnWidth = 60

func findingSlide(r *review.Review, id string) (Slide, bool) {
	f, ok := r.FindingByID(id)
	if !ok {
		return Slide{}, false
	}
	kind, tone := "Issue", ToneIssue
	if f.Kind == review.GoodPractice {
		kind, tone = "Good practice", ToneGood
	}
	// The report's numbers, so "F7" said in the room is the one shown.
	nums := r.Numbers()
	sl := Slide{Title: "Finding " + nums.Findings[f.ID], Lines: []Line{bigLine("", kind, "", tone), gap(), textLine(Clean(f.Text))}}
	for _, eid := range f.EvidenceIDs {
		if e, ok := r.EvidenceByID(eid); ok {
			sl.Lines = append(sl.Lines, textLine("From: "+strings.TrimSpace(nums.Evidence[eid]+" "+Clean(e.Title))))
		}
	}
	return sl, true
}

func evidenceSlide(r *review.Review, id string) (Slide, bool) {
	e, ok := r.EvidenceByID(id)
	if !ok {
		return Slide{}, false
	}
	head := capitalise(Clean(string(e.Kind)))
	if !e.Date.IsZero() {
		head = strings.TrimPrefix(head+" · "+e.Date.Short(), " · ")
	}
	sl := Slide{Title: strings.TrimSpace(r.Numbers().Evidence[e.ID] + " " + Clean(e.Title)), Lines: []Line{textLine(head)}}
	if w := Clean(e.Who); w != "" {
		sl.Lines = append(sl.Lines, textLine("With: "+w))
	}
	if n := Clean(e.Notes); n != "" {
		sl.Lines = append(sl.Lines, gap(), textLine(n))
	}
	return sl, true
}

func standardsSlide(r *review.Review) Slide {
	sl := Slide{Title: "Service standards"}
	if len(r.Standards) == 0 {
		sl.Lines = append(sl.Lines, textLine("No service standards recorded yet."))
		return sl
	}
	sl.Lines = append(sl.Lines, Line{Kind: Row, Header: true, Cells: []string{"Promise", "Target", "Actual", "Met?"}})
	for _, st := range r.Standards {
		m, _ := st.Met()
		tone := ToneNone
		switch m {
		case review.MetYes:
			tone = ToneGood
		case review.MetNo:
			tone = ToneIssue
		}
		sl.Lines = append(sl.Lines, Line{Kind: Row, Tone: tone, Cells: []string{Clean(st.Promise), Clean(st.Target), Clean(st.Actual), m.Label()}})
	}
	// "3 of 6" large, the rest of the sentence in ordinary letters.
	met := 0
	for _, st := range r.Standards {
		if m, _ := st.Met(); m == review.MetYes {
			met++
		}
	}
	if s := review.StandardsSummary(r.Standards); s != "" {
		head := fmt.Sprintf("%d of %d", met, len(r.Standards))
		sl.Lines = append(sl.Lines, gap(), bigLine("", head, strings.TrimSpace(strings.TrimPrefix(s, head)), ToneNone))
	}
	return sl
}

func surveySlide(r *review.Review, kind, id string) (Slide, bool) {
	sid, qid, _ := strings.Cut(id, "/")
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		if sv.ID != sid {
			continue
		}
		var q *review.Question
		for j := range sv.Questions {
			qq := &sv.Questions[j]
			if (kind == ItemQuestion && qq.ID == qid) || (qid == "" && q == nil && qq.Kind != review.QuestionFreeText) {
				q = qq
			}
		}
		if q == nil {
			sl := Slide{Title: Clean(sv.Name), Lines: []Line{textLine(fmt.Sprintf("%d questions", len(sv.Questions)))}}
			if n, sent, _, ok := sv.ResponseRate(); ok {
				sl.Lines = append(sl.Lines, textLine(fmt.Sprintf("%d responses of %d sent (%s)", n, sent, review.Pct1(n, sent))))
			}
			return sl, true
		}
		st := sv.QuestionStats(q)
		sl := Slide{Title: Clean(q.Text)}
		most := 0
		for _, c := range st.Counts {
			most = max(most, c.N)
		}
		for _, c := range st.Counts {
			sl.Lines = append(sl.Lines, Line{Kind: BarLine, Bar: Bar{Label: Clean(c.Label), N: c.N, Max: most, Note: fmt.Sprintf("%d (%s)", c.N, wholePct(c.N, st.Base))}})
		}
		foot := fmt.Sprintf("%s · %d answers", Clean(sv.Name), st.Base)
		if st.HasMean {
			foot += " · average " + st.MeanText()
		}
		sl.Lines = append(sl.Lines, textLine(foot))
		return sl, true
	}
	return Slide{}, false
}

func judgementSlide(r *review.Review) Slide {
	sl := Slide{Title: "Overall judgement"}
	if len(r.Criteria) > 0 {
		sl.Lines = append(sl.Lines, Line{Kind: Row, Header: true, Cells: []string{"Criterion", "Level"}})
	}
	for _, c := range r.Criteria {
		l := review.LevelNone.Symbol() + " Not scored"
		if c.Level.Valid() {
			l = c.Level.Label()
		}
		sl.Lines = append(sl.Lines, Line{Kind: Row, Cells: []string{Clean(c.Name), l}})
	}
	l := bigLine("", Clean(r.Judgement.Label()), "", ToneNone)
	if r.Judgement.Word == "" && r.Judgement.Level.Valid() {
		l.Short, l.ShortLead = r.Judgement.Level.Title(), r.Judgement.Level.Symbol()
	}
	sl.Lines = append(sl.Lines, gap(), l)
	if e := Clean(r.Judgement.Explanation); e != "" {
		sl.Lines = append(sl.Lines, textLine(e))
	}
	return sl
}

func findMeeting(r *review.Review, id string) (int, *review.Meeting) {
	for i := range r.Meetings {
		if r.Meetings[i].ID == id {
			return i, &r.Meetings[i]
		}
	}
	return -1, nil
}

func meetingSlide(r *review.Review, id string) (Slide, bool) {
	_, m := findMeeting(r, id)
	if m == nil {
		return Slide{}, false
	}
	sl := Slide{Title: "Meeting " + m.Date.Short()}
	when := ""
	if m.StartTime != "" {
		when = Clean(m.StartTime)
		if m.EndTime != "" {
			when += " to " + Clean(m.EndTime)
		}
	}
	if v := Clean(m.Venue); v != "" {
		when = strings.TrimPrefix(when+" · "+v, " · ")
	}
	if when != "" {
		sl.Lines = append(sl.Lines, textLine(when))
	}
	for i, it := range m.Agenda {
		l := fmt.Sprintf("%d. %s", i+1, Clean(it.Title))
		if it.Minutes > 0 {
			l += fmt.Sprintf(" (%d min)", it.Minutes)
		}
		sl.Lines = append(sl.Lines, textLine(l))
	}
	return sl, true
}

func agendaSlide(r *review.Review, pos Position, now time.Time) (Slide, bool) {
	mid, idx, _ := strings.Cut(pos.ItemID, "/")
	_, m := findMeeting(r, mid)
	i, err := strconv.Atoi(idx)
	if m == nil || err != nil || i < 0 || i >= len(m.Agenda) {
		return Slide{}, false
	}
	it := m.Agenda[i]
	sl := Slide{Title: Clean(it.Title)}
	sl.Lines = append(sl.Lines, textLine(fmt.Sprintf("Agenda item %d of %d", i+1, len(m.Agenda))))
	allowed := time.Duration(it.Minutes) * time.Minute
	switch {
	case pos.Since > 0 && it.Minutes > 0:
		// The room wants to know how long is left, not how long it has
		// talked; past the time it counts up in the warning style.
		el := max(now.Sub(time.UnixMilli(pos.Since)), 0)
		if el <= allowed {
			sl.Lines = append(sl.Lines, gap(), bigLine("", Clock(allowed-el), "left of "+text.Count(it.Minutes, "minute", "minutes"), ToneNone))
		} else {
			sl.Lines = append(sl.Lines, gap(), bigLine("", Clock(el-allowed)+" over", text.Count(it.Minutes, "minute", "minutes")+" were allowed", ToneWarning))
		}
		sl.Ticking = true
	case pos.Since > 0:
		el := max(now.Sub(time.UnixMilli(pos.Since)), 0)
		sl.Lines = append(sl.Lines, gap(), bigLine("", Clock(el), "so far", ToneNone))
		sl.Ticking = true
	case it.Minutes > 0:
		sl.Lines = append(sl.Lines, gap(), bigLine("Time allowed:", Clock(allowed), "", ToneNone))
	}
	if n := Clean(it.Notes); n != "" {
		sl.Lines = append(sl.Lines, textLine(n))
	}
	if i+1 < len(m.Agenda) {
		sl.Lines = append(sl.Lines, gap(), textLine("Next: "+Clean(m.Agenda[i+1].Title)))
	}
	return sl, true
}

// Clock shows a duration as minutes and seconds: "12:05", or "1:02:05".
func Clock(d time.Duration) string {
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Clean keeps user text on one line and drops terminal control sequences,
// so nothing typed or imported can move the cursor on the wall.
func Clean(s string) string { return review.CleanLine(s) }

// wholePct is part of whole as a whole percentage, rounded half away from
// zero on the exact ratio like every other figure (1 of 8 is 13%, not 12%).
func wholePct(part, whole int) string {
	if whole <= 0 {
		return "–"
	}
	return review.Ratio(100*int64(part), int64(whole), 0) + "%"
}
