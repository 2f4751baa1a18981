package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/ui/text"
)

// answerKey is one possible answer to a question: what is stored and what
// people read.
type answerKey struct{ value, label string }

// answerKeys lists a question's possible answers in order.
func answerKeys(q *review.Question) []answerKey {
	switch q.Kind {
	case review.QuestionScale:
		lo, hi := q.ScaleRange()
		out := make([]answerKey, 0, hi-lo+1)
		for v := lo; v <= hi; v++ {
			label := strconv.Itoa(v)
			if i := v - lo; i < len(q.Labels) && q.Labels[i] != "" {
				label += "  " + q.Labels[i]
			}
			out = append(out, answerKey{strconv.Itoa(v), label})
		}
		return out
	case review.QuestionYesNo:
		return []answerKey{{"yes", "Yes"}, {"no", "No"}}
	case review.QuestionChoice:
		out := make([]answerKey, len(q.Labels))
		for i, l := range q.Labels {
			out[i] = answerKey{l, l}
		}
		return out
	}
	return nil
}

// gridView types answers fast during a meeting: one row per person, one
// column per question; digits and enter move along the row, and enter on
// the last question saves that person's answers at once.
type gridView struct {
	s     *surveysTab
	id    string
	keys  gridKeys
	qs    []int    // questions typed in the grid (free text is left out)
	cur   []string // the row being typed
	col   int
	buf   string
	added int
}

func newGridView(s *surveysTab, id string) subview {
	v := &gridView{s: s, id: id, keys: newGridKeys()}
	sv := svByID(s.ws, id)
	for i, q := range sv.Questions {
		if q.Kind != review.QuestionFreeText {
			v.qs = append(v.qs, i)
		}
	}
	if len(v.qs) == 0 {
		s.ws.e.complain("This survey has no questions with scores or choices to type: add questions in its details first.")
		return nil
	}
	v.cur = make([]string, len(v.qs))
	return v
}

func (v *gridView) typing() bool { return true }

func (v *gridView) stale() bool { return questionsGone(v.s.ws, v.id, v.qs) }

// questionsGone reports whether the survey, or any of the questions a view
// holds by position, is no longer there.
func questionsGone(ws *workspace, id string, qs []int) bool {
	i := ws.surveyIndex(id)
	if i < 0 {
		return true
	}
	n := len(ws.rev.Surveys[i].Questions)
	for _, q := range qs {
		if q >= n {
			return true
		}
	}
	return false
}

// undoThenGone takes back the last change (ctrl+z inside an entry view) and
// reports whether the view must close because its questions went with it.
func undoThenGone(ws *workspace, id string, qs []int) bool {
	if ws.e.undoLast() {
		if err := ws.reload(); err != nil {
			ws.e.fail("read the review again", err)
		}
	}
	return questionsGone(ws, id, qs)
}

func (v *gridView) help() helpMap {
	// How to stop comes before "don't know": the line under the grid says x.
	return helpMap{short: []key.Binding{v.keys.Digits, v.keys.Next, v.keys.Back, v.keys.DontKnow}, full: bindings(v.keys)}
}

func (v *gridView) question(c int) *review.Question {
	return &svByID(v.s.ws, v.id).Questions[v.qs[c]]
}

// cell turns what was typed into the stored answer, or says what is wrong.
func (v *gridView) cell(c int, typed string) (string, error) {
	if typed == "" || typed == review.Excluded {
		return typed, nil
	}
	q := v.question(c)
	switch q.Kind {
	case review.QuestionScale:
		n, err := strconv.Atoi(typed)
		lo, hi := q.ScaleRange()
		if err != nil || n < lo || n > hi {
			return "", fmt.Errorf("%s is not on the %d-%d scale", typed, lo, hi)
		}
		return strconv.Itoa(n), nil
	case review.QuestionYesNo:
		switch typed {
		case "y", "1":
			return "yes", nil
		case "n", "2", "0":
			return "no", nil
		}
		return "", fmt.Errorf("type y or n")
	case review.QuestionChoice:
		n, err := strconv.Atoi(typed)
		if err != nil || n < 1 || n > len(q.Labels) {
			return "", fmt.Errorf("type the number of a choice, 1 to %d", len(q.Labels))
		}
		return q.Labels[n-1], nil
	}
	return typed, nil
}

// settle stores the typed cell; false when it is not a valid answer.
func (v *gridView) settle() bool {
	if v.buf == "" {
		return true
	}
	ans, err := v.cell(v.col, v.buf)
	if err != nil {
		v.s.ws.e.complain(err.Error())
		return false
	}
	v.cur[v.col], v.buf = ans, ""
	return true
}

func (v *gridView) saveRow() {
	r := review.Respondent{Answers: map[string]string{}}
	for c, a := range v.cur {
		if a != "" {
			r.Answers[v.question(c).ID] = a
		}
	}
	if len(r.Answers) == 0 {
		v.s.ws.e.complain("This row is empty: type at least one answer.")
		return
	}
	ws := v.s.ws
	var undo func() error
	if ws.e.do("save the answers", func() error {
		var err error
		undo, err = ws.addRespondent(v.id, r)
		return err
	}, func() error {
		if err := undo(); err != nil {
			return err
		}
		return ws.reload()
	}) != nil {
		return
	}
	v.added++
	ws.e.status = fmt.Sprintf("%s: person %d saved", ws.e.status, svByID(ws, v.id).Respondents.Len())
	v.cur = make([]string, len(v.qs))
	v.col = 0
}

func (v *gridView) update(msg tea.Msg) (tea.Cmd, bool) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	k := v.keys
	switch {
	case key.Matches(km, k.Back):
		if v.buf != "" || strings.Join(v.cur, "") != "" {
			v.s.ws.e.note("The unfinished row was not saved.")
		}
		return nil, true
	case key.Matches(km, k.Undo):
		if v.buf != "" || strings.Join(v.cur, "") != "" {
			v.buf, v.cur, v.col = "", make([]string, len(v.qs)), 0
			v.s.ws.e.note("the row being typed was forgotten")
			return nil, false
		}
		return nil, undoThenGone(v.s.ws, v.id, v.qs)
	case key.Matches(km, k.Digits):
		if len(v.buf) < 2 && v.buf != review.Excluded && v.buf != "y" && v.buf != "n" {
			v.buf += km.String()
		}
	case key.Matches(km, k.YesNo) && v.question(v.col).Kind == review.QuestionYesNo:
		v.buf = km.String()
	case key.Matches(km, k.DontKnow):
		v.buf = review.Excluded
	case key.Matches(km, k.Erase):
		switch {
		case v.buf != "":
			if v.buf == review.Excluded {
				v.buf = ""
			} else {
				v.buf = v.buf[:len(v.buf)-1]
			}
		case v.cur[v.col] != "":
			v.cur[v.col] = ""
		case v.col > 0:
			v.col--
			v.cur[v.col] = ""
		}
	case key.Matches(km, k.Prev):
		if v.settle() && v.col > 0 {
			v.col--
		}
	case key.Matches(km, k.SaveRow):
		if v.settle() {
			v.saveRow()
		}
	case key.Matches(km, k.Next):
		if !v.settle() {
			return nil, false
		}
		if v.col < len(v.qs)-1 {
			v.col++
			return nil, false
		}
		if km.String() == "enter" {
			v.saveRow()
		}
	}
	return nil, false
}

// gridMore is the line above the grid's columns when some questions do not
// fit: "← 3 more questions" over the first column shown, "→ 6 more
// questions" ending at the last; "" when every question shows. Columns
// first..last-1 of n show, and the grid is width cells wide.
func gridMore(first, last, n, width int) string {
	if first <= 0 && last >= n {
		return ""
	}
	var left, right string
	if first > 0 {
		left = fmt.Sprintf("← %d more %s", first, text.Plural(first, "question", "questions"))
	}
	if k := n - last; k > 0 {
		right = fmt.Sprintf("→ %d more %s", k, text.Plural(k, "question", "questions"))
	}
	line := "      " + left
	if right != "" {
		line = text.Pad(line, max(text.Width(line)+2, width-text.Width(right))) + right
	}
	return line
}

func showAnswer(a string) string {
	switch a {
	case "":
		return "·"
	case review.Excluded:
		return "DK"
	case "yes":
		return "Y"
	case "no":
		return "N"
	}
	return a
}

func (v *gridView) view(w, h int) string {
	st := v.s.ws.e.styles
	sv := svByID(v.s.ws, v.id)
	out := []string{st.Title.Render(text.Truncate(fmt.Sprintf("Type answers: %s · %d people so far", text.OneLine(sv.Name), sv.Respondents.Len()), w))}
	// Columns: "#" then one per question, as many as fit around the cursor.
	const cw = 5
	fit := max(1, (w-6)/cw)
	first := max(0, min(v.col-fit/2, len(v.qs)-fit))
	last := min(len(v.qs), first+fit)
	room := h - 9
	if more := gridMore(first, last, len(v.qs), 6+(last-first)*cw); more != "" {
		// Columns out of sight are said in words at the edge they are
		// beyond, so nobody thinks the survey ends at the window's edge.
		out = append(out, st.Text.Render(text.Truncate(more, w)))
		room--
	}
	head := text.Pad("  #", 6)
	for c := first; c < last; c++ {
		head += fmt.Sprintf("%*s", cw, fmt.Sprintf("Q%d", v.qs[c]+1))
	}
	out = append(out, st.Heading.Render(text.Truncate(head, w)))
	shown := max(0, min(sv.Respondents.Len(), room))
	for i := sv.Respondents.Len() - shown; i < sv.Respondents.Len(); i++ {
		line := text.Pad(fmt.Sprintf("%5d", i+1), 6)
		for c := first; c < last; c++ {
			line += fmt.Sprintf("%*s", cw, text.Truncate(showAnswer(sv.Respondents.Answer(i, v.question(c).ID)), cw-1))
		}
		out = append(out, st.Muted.Render(text.Truncate(line, w)))
	}
	line := st.Text.Render(text.Pad(fmt.Sprintf("%5d", sv.Respondents.Len()+1), 6))
	for c := first; c < last; c++ {
		cell := showAnswer(v.cur[c])
		if c == v.col {
			switch {
			case v.buf != "":
				cell = "[" + showAnswer(v.buf) + "]"
			case v.cur[c] != "":
				cell = "[" + showAnswer(v.cur[c]) + "]"
			default:
				cell = "[_]"
			}
			line += st.Selected.Render(fmt.Sprintf("%*s", cw, text.Truncate(cell, cw)))
			continue
		}
		line += st.Text.Render(fmt.Sprintf("%*s", cw, text.Truncate(cell, cw-1)))
	}
	out = append(out, line, "")
	q := v.question(v.col)
	out = append(out, st.Heading.Render(text.Truncate(fmt.Sprintf("Q%d. %s", v.qs[v.col]+1, text.OneLine(text.OrEmpty(q.Text, "(no text)"))), w)))
	var hint string
	switch q.Kind {
	case review.QuestionScale:
		lo, hi := q.ScaleRange()
		hint = fmt.Sprintf("Type %d to %d", lo, hi)
		if len(q.Labels) > 0 {
			hint += fmt.Sprintf(" (%d = %s, %d = %s)", lo, q.Labels[0], hi, q.Labels[len(q.Labels)-1])
		}
	case review.QuestionYesNo:
		hint = "Type y or n"
	case review.QuestionChoice:
		var cs []string
		for i, l := range q.Labels {
			cs = append(cs, fmt.Sprintf("%d %s", i+1, text.OneLine(l)))
		}
		hint = "Type the number: " + strings.Join(cs, ", ")
	}
	hint += "; x for don't know; enter for the next question (on the last one enter saves the row)."
	for _, l := range text.Wrap(hint, w) {
		out = append(out, st.Muted.Render(l))
	}
	return strings.Join(text.Box(out, w, h), "\n")
}

// tallyView enters a distribution when only a summary exists: for one
// question at a time, how many people gave each answer.
type tallyView struct {
	s    *surveysTab
	id   string
	keys tallyKeys
	qs   []int
	q    int // index into qs
	row  int // an answer, or len(answers) for "don't know"
	buf  string
	// typed marks that buf replaces the saved count.
	typed bool
}

func newTallyView(s *surveysTab, id string) subview {
	v := &tallyView{s: s, id: id, keys: newTallyKeys()}
	for i, q := range svByID(s.ws, id).Questions {
		if len(answerKeys(&q)) > 0 {
			v.qs = append(v.qs, i)
		}
	}
	if len(v.qs) == 0 {
		s.ws.e.complain("This survey has no questions with scores or choices: add questions in its details first.")
		return nil
	}
	return v
}

func (v *tallyView) typing() bool { return true }

func (v *tallyView) stale() bool { return questionsGone(v.s.ws, v.id, v.qs) }

func (v *tallyView) help() helpMap {
	return helpMap{short: []key.Binding{v.keys.Digits, v.keys.Down, v.keys.Question, v.keys.Back}, full: bindings(v.keys)}
}

func (v *tallyView) question() *review.Question {
	return &svByID(v.s.ws, v.id).Questions[v.qs[v.q]]
}

// save writes the typed count for the current row, with its undo.
func (v *tallyView) save() bool {
	if !v.typed {
		return true
	}
	n := 0
	if v.buf != "" {
		var err error
		if n, err = strconv.Atoi(v.buf); err != nil || n < 0 || n > review.MaxCount {
			v.s.ws.e.complain(fmt.Sprintf("Type a whole number from 0 to %d.", review.MaxCount))
			return false
		}
	}
	q := v.question()
	qid := q.ID
	keys := answerKeys(q)
	value := review.Excluded
	if v.row < len(keys) {
		value = keys[v.row].value
	}
	setCount := func(sv *review.Survey, n int) error {
		for i := range sv.Questions {
			if sv.Questions[i].ID != qid {
				continue
			}
			q := &sv.Questions[i]
			if value == review.Excluded {
				q.TallyExcluded = n
				return nil
			}
			if q.Tally == nil {
				q.Tally = map[string]int{}
			}
			if n == 0 {
				delete(q.Tally, value)
			} else {
				q.Tally[value] = n
			}
			return nil
		}
		return fmt.Errorf("the question is no longer there")
	}
	old := q.Tally[value]
	if value == review.Excluded {
		old = q.TallyExcluded
	}
	ws := v.s.ws
	if ws.e.do("save the count", func() error {
		return ws.saveSurvey(v.id, func(sv *review.Survey) error { return setCount(sv, n) })
	}, func() error {
		if err := ws.saveSurvey(v.id, func(sv *review.Survey) error { return setCount(sv, old) }); err != nil {
			return err
		}
		return nil
	}) != nil {
		return false
	}
	v.buf, v.typed = "", false
	return true
}

func (v *tallyView) rows() int { return len(answerKeys(v.question())) + 1 }

func (v *tallyView) update(msg tea.Msg) (tea.Cmd, bool) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	k := v.keys
	switch {
	case key.Matches(km, k.Back):
		return nil, v.save()
	case key.Matches(km, k.Undo):
		if v.typed {
			v.buf, v.typed = "", false
			return nil, false
		}
		return nil, undoThenGone(v.s.ws, v.id, v.qs)
	case key.Matches(km, k.Digits):
		if !v.typed {
			v.buf, v.typed = "", true
		}
		if len(v.buf) < 7 {
			v.buf += km.String()
		}
	case key.Matches(km, k.Erase):
		if !v.typed {
			v.buf, v.typed = v.current(), true
		}
		if v.buf != "" {
			v.buf = v.buf[:len(v.buf)-1]
		}
	case key.Matches(km, k.Save):
		v.save()
	case key.Matches(km, k.Up):
		if v.save() && v.row > 0 {
			v.row--
		}
	case key.Matches(km, k.Down):
		if v.save() && v.row < v.rows()-1 {
			v.row++
		}
	case key.Matches(km, k.Question):
		if !v.save() {
			return nil, false
		}
		if km.String() == "left" {
			v.q = (v.q + len(v.qs) - 1) % len(v.qs)
		} else {
			v.q = (v.q + 1) % len(v.qs)
		}
		v.row = 0
	}
	return nil, false
}

// current is the saved count of the current row, as text.
func (v *tallyView) current() string {
	q := v.question()
	keys := answerKeys(q)
	n := q.TallyExcluded
	if v.row < len(keys) {
		n = q.Tally[keys[v.row].value]
	}
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func (v *tallyView) view(w, h int) string {
	st := v.s.ws.e.styles
	sv := svByID(v.s.ws, v.id)
	q := v.question()
	out := []string{
		st.Title.Render(text.Truncate("How many gave each answer: "+text.OneLine(sv.Name), w)),
		st.Heading.Render(text.Truncate(fmt.Sprintf("Q%d of %d. %s", v.q+1, len(v.qs), text.OneLine(text.OrEmpty(q.Text, "(no text)"))), w)),
		"",
	}
	keys := answerKeys(q)
	lw := len("Don't know / N/A")
	for _, a := range keys {
		lw = max(lw, text.Width(text.OneLine(a.label)))
	}
	lw = min(lw, max(8, w-24))
	total := q.TallyExcluded
	for _, n := range q.Tally {
		total += n
	}
	for i := 0; i <= len(keys); i++ {
		label := "Don't know / N/A"
		n := q.TallyExcluded
		if i < len(keys) {
			label, n = text.OneLine(keys[i].label), q.Tally[keys[i].value]
		}
		cell := ""
		if n > 0 {
			cell = strconv.Itoa(n)
		}
		line := "  " + text.Pad(label, lw) + "  "
		if i == v.row {
			if v.typed {
				cell = v.buf + "_"
			}
			out = append(out, st.Text.Render(line)+st.Selected.Render(fmt.Sprintf("[%7s]", cell)))
			continue
		}
		out = append(out, st.Text.Render(line+fmt.Sprintf(" %7s ", text.OrEmpty(cell, "·"))))
	}
	out = append(out, "", st.Label.Render(fmt.Sprintf("  %s  %9d entered by hand", text.Pad("Total", lw), total)))
	if n := sv.Respondents.Len(); n > 0 {
		out = append(out, st.Muted.Render(text.Truncate(fmt.Sprintf("  (plus %d people whose own answers were typed or imported)", n), w)))
	}
	for _, l := range text.Wrap("Type a number and press enter; ←/→ for another question; esc saves and goes back.", w) {
		out = append(out, st.Muted.Render(l))
	}
	return strings.Join(text.Box(out, w, h), "\n")
}
