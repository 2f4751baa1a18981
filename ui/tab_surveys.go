package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// subview takes over the whole tab for a while: the figures of a
// survey, typing answers, entering a distribution, importing a CSV file.
type subview interface {
	update(msg tea.Msg) (cmd tea.Cmd, done bool)
	view(w, h int) string
	help() helpMap
	typing() bool
}

// svRow is a line of the list: a heading, a standard or a survey.
type svRow struct {
	id   string // "standard:ID" or "survey:ID"; empty for headings
	text string
	tone func(style.Styles) lipgloss.Style
}

// surveysTab is tab 9: the service standards with met / not met and
// the summary line, then the surveys with their response rates.
type surveysTab struct {
	*splitTab
	keys    surveysKeys
	rows    []svRow
	title   string
	builtAt int
	sub     subview
}

func newSurveysTab(ws *workspace) *surveysTab {
	s := &surveysTab{splitTab: newSplitTab(ws), builtAt: -1, keys: newSurveysKeys()}
	// The summary sits in the title, which never scrolls away in a short window.
	s.listTitle = func() string { s.build(); return s.title }
	s.count = func() int { s.build(); return len(s.rows) }
	s.idAt = func(i int) string { s.build(); return s.rows[i].id }
	s.selectable = func(i int) bool { s.build(); return s.rows[i].id != "" }
	s.row = func(i int) (string, func(style.Styles) lipgloss.Style) {
		s.build()
		return s.rows[i].text, s.rows[i].tone
	}
	s.emptyDetail = "Press alt+a to add a service standard, ctrl+n for a survey, or alt+i to import a survey from a CSV file."
	s.buildDetail = func(id string) []field {
		if sid, ok := strings.CutPrefix(id, "standard:"); ok {
			return standardFields(ws, sid)
		}
		return surveyFields(ws, strings.TrimPrefix(id, "survey:"))
	}
	s.extraKeys = func() []key.Binding {
		return []key.Binding{s.keys.AddStandard, s.keys.AddSurvey, s.keys.Import, s.keys.Figures, s.keys.Grid, s.keys.Tally, s.keys.Delete}
	}
	s.extra = s.handle
	// Every change from outside (undo, another window) reloads the tab,
	// so that is where a subview whose survey or question went is closed.
	s.forget = func() {
		s.builtAt = -1
		if st, ok := s.sub.(staler); ok && st.stale() {
			s.sub = nil
		}
	}
	// g opens the answer grid here, so the details' "first field" is home only.
	s.f.keys.First = bind([]string{"home"}, "home", "first")
	s.reload()
	return s
}

func heading(text string) svRow {
	return svRow{text: text, tone: func(st style.Styles) lipgloss.Style { return st.Heading }}
}

func metTone(m review.MetState) func(style.Styles) lipgloss.Style {
	return func(st style.Styles) lipgloss.Style {
		switch m {
		case review.MetYes:
			return st.Good
		case review.MetNo:
			return st.Issue
		}
		return st.Muted
	}
}

// build lays out the list; it runs again only after a change.
func (s *surveysTab) build() {
	if s.builtAt == s.ws.version && s.rows != nil {
		return
	}
	s.builtAt = s.ws.version
	r := s.ws.rev
	s.title = "Service standards and surveys"
	if len(r.Standards) > 0 {
		s.title = "Service standards: " + review.StandardsSummary(r.Standards)
	}
	head := "Service standards (none yet)"
	if len(r.Standards) > 0 {
		head = fmt.Sprintf("Service standards (%d)", len(r.Standards))
	}
	rows := []svRow{heading(head)}
	for _, st := range r.Standards {
		m, _ := st.Met()
		text := "  " + text.Pad(m.Label(), 12) + " " + text.OrEmpty(text.OneLine(st.Promise), "(no promise yet)")
		rows = append(rows, svRow{id: "standard:" + st.ID, text: text, tone: metTone(m)})
	}
	if len(r.Standards) == 0 {
		rows = append(rows, svRow{text: "  (none yet: press alt+a to add one)", tone: func(st style.Styles) lipgloss.Style { return st.Muted }})
	}
	rows = append(rows, svRow{}, heading(fmt.Sprintf("Surveys (%d)", len(r.Surveys))))
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		// The response rate comes first so a narrow list still shows it.
		rows = append(rows, svRow{id: "survey:" + sv.ID, text: "  " + sv.ResponseRateText() + " · " + text.OrEmpty(text.OneLine(sv.Name), "(unnamed survey)")})
	}
	if len(r.Surveys) == 0 {
		rows = append(rows, svRow{text: "  (none yet: press ctrl+n to add one, or alt+i to import a CSV file)", tone: func(st style.Styles) lipgloss.Style { return st.Muted }})
	}
	s.rows = rows
}

func (s *surveysTab) selectedSurvey() (string, bool) {
	id := s.selectedID()
	sid, ok := strings.CutPrefix(id, "survey:")
	return sid, ok && s.ws.surveyIndex(sid) >= 0
}

func (s *surveysTab) jump(id string) bool {
	s.reload()
	for _, prefix := range []string{"standard:", "survey:"} {
		if strings.HasPrefix(id, prefix) && s.select_(id) {
			s.focusDetail("")
			return true
		}
	}
	return s.select_("standard:"+id) || s.select_("survey:"+id)
}

func (s *surveysTab) typing() bool {
	if s.sub != nil {
		return s.sub.typing()
	}
	return s.splitTab.typing()
}

// stepper is a subview with steps: esc goes back one step before closing.
type stepper interface{ back() bool }

func (s *surveysTab) escape() bool {
	if s.sub != nil {
		if st, ok := s.sub.(stepper); ok && st.back() {
			return true
		}
		s.sub = nil
		s.reload()
		return true
	}
	return s.splitTab.escape()
}

func (s *surveysTab) help() helpMap {
	if s.sub != nil {
		return s.sub.help()
	}
	return s.splitTab.help()
}

// staler is a subview that can tell when what it shows is gone (an undo
// removed the survey or a question), so the tab closes it.
type staler interface{ stale() bool }

func (s *surveysTab) update(msg tea.Msg) tea.Cmd {
	if s.sub != nil {
		cmd, done := s.sub.update(msg)
		if done {
			s.sub = nil
			s.reload()
		}
		return cmd
	}
	// A preview that arrives after its screen was closed is dropped.
	if _, ok := msg.(csvPreviewMsg); ok {
		return nil
	}
	return s.splitTab.update(msg)
}

func (s *surveysTab) view(w, h int) string {
	if s.sub != nil {
		return s.sub.view(w, h)
	}
	return s.splitTab.view(w, h)
}

func (s *surveysTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	k := s.keys
	switch {
	case key.Matches(msg, k.AddStandard):
		if !s.ws.e.writable() {
			return true, nil
		}
		return true, s.addThenType("a service standard", store.KindStandard, "standard:", "st-promise", func() (string, error) {
			id, _, err := ws.addStandard(review.Standard{})
			return id, err
		})
	case key.Matches(msg, k.AddSurvey):
		if !s.ws.e.writable() {
			return true, nil
		}
		sv := review.Survey{}
		return true, s.addThenType("a survey", store.KindSurvey, "survey:", "sv-name", func() (string, error) {
			id, _, err := ws.addSurvey(sv)
			return id, err
		})
	case key.Matches(msg, k.Import):
		if !s.ws.e.writable() {
			return true, nil
		}
		if s.commit() != nil {
			return true, nil
		}
		s.sub = newImportView(s)
		return true, nil
	case key.Matches(msg, k.Figures), key.Matches(msg, k.Grid), key.Matches(msg, k.Tally):
		id, ok := s.selectedSurvey()
		if !ok {
			ws.e.complainWhile("Choose a survey in the list first.", func() bool {
				_, ok := s.selectedSurvey()
				return !ok
			})
			return true, nil
		}
		if s.commit() != nil {
			return true, nil
		}
		switch {
		case key.Matches(msg, k.Figures):
			s.sub = newFiguresView(s, id)
		case !s.ws.e.writable():
		case key.Matches(msg, k.Grid):
			s.sub = newGridView(s, id)
		default:
			s.sub = newTallyView(s, id)
		}
		return true, nil
	case key.Matches(msg, k.Delete):
		id := s.selectedID()
		if id == "" {
			return true, nil
		}
		if sid, ok := strings.CutPrefix(id, "standard:"); ok {
			st := ws.rev.Standards[ws.standardIndex(sid)]
			return true, s.confirmRemove(fmt.Sprintf("Move the standard %q to the bin?", text.Truncate(text.OneLine(text.OrEmpty(st.Promise, "(no promise)")), 40)),
				"the standard", store.KindStandard, sid)
		}
		if sid, ok := s.selectedSurvey(); ok {
			sv := &ws.rev.Surveys[ws.surveyIndex(sid)]
			return true, s.confirmRemove(fmt.Sprintf("Move the survey %q and its %d answers to the bin?", text.Truncate(text.OneLine(text.OrEmpty(sv.Name, "(unnamed)")), 40), sv.Respondents.Len()),
				"the survey", store.KindSurvey, sid)
		}
	}
	return false, nil
}

func stByID(ws *workspace, id string) review.Standard {
	if i := ws.standardIndex(id); i >= 0 {
		return ws.rev.Standards[i]
	}
	return review.Standard{}
}

var verdictChoices = []string{"not judged", "met", "not met"}

func standardFields(ws *workspace, id string) []field {
	set := func(apply func(s *review.Standard)) error { return ws.saveStandard(id, apply) }
	st := stByID(ws, id)
	// The result says whether it was worked out from the figures or is
	// the panel's own call, so nobody mistakes one for the other.
	m, computed := st.Met()
	result := "Result: " + m.Label() + " (" + st.Explain() + ")"
	// Otherwise "Panel's call: not met" under "✓ Met" reads as a contradiction.
	note := ""
	if computed && st.Verdict != m {
		note = "The figures decide; the panel's call is kept for when they cannot."
	}
	fs := []field{
		{id: "st-promise", label: "Promise", kind: fText, placeholder: "(e.g. 80% of calls answered within 4 minutes)",
			get: func() string { return stByID(ws, id).Promise },
			set: func(v string) error { return set(func(s *review.Standard) { s.Promise = v }) }},
		{id: "st-target", label: "Target", kind: fText, placeholder: "(e.g. at least 80%, within 4 working hours)",
			get: func() string { return stByID(ws, id).Target },
			set: func(v string) error { return set(func(s *review.Standard) { s.Target = v }) }},
		{id: "st-actual", label: "Actual", kind: fText, placeholder: "(e.g. 70%, 14 minutes, 7.1)",
			get: func() string { return stByID(ws, id).Actual },
			set: func(v string) error { return set(func(s *review.Standard) { s.Actual = v }) }},
		{id: "st-result", label: result, kind: fHeading},
		{id: "st-note", label: note, kind: fHeading},
		{id: "st-verdict", label: "Panel's call", kind: fChoice, choices: verdictChoices,
			get: func() string { return verdictChoices[stByID(ws, id).Verdict] },
			set: func(v string) error {
				for i, c := range verdictChoices {
					if c == v {
						return set(func(s *review.Standard) { s.Verdict = review.MetState(i) })
					}
				}
				return fmt.Errorf("%q is not met, not met or not judged", v)
			}},
		{id: "st-period", label: "Period", kind: fText, placeholder: "(e.g. end of February 2019)",
			get: func() string { return stByID(ws, id).Period },
			set: func(v string) error { return set(func(s *review.Standard) { s.Period = v }) }},
		{id: "st-source", label: "Source", kind: fText, placeholder: "(who gave the figure)",
			get: func() string { return stByID(ws, id).Source },
			set: func(v string) error { return set(func(s *review.Standard) { s.Source = v }) }},
	}
	if note == "" {
		fs = slices.DeleteFunc(fs, func(f field) bool { return f.id == "st-note" })
	}
	return fs
}

func svByID(ws *workspace, id string) *review.Survey {
	if i := ws.surveyIndex(id); i >= 0 {
		return &ws.rev.Surveys[i]
	}
	return &review.Survey{}
}

// question kinds offered when editing a question, as words.
var questionKindChoices = []string{"scale 1-10", "scale 0-10", "scale 1-5", "yes/no", "choice", "free text"}

func questionKindText(q review.Question) string {
	if q.Kind == review.QuestionScale {
		lo, hi := q.ScaleRange()
		return fmt.Sprintf("scale %d-%d", lo, hi)
	}
	return string(q.Kind)
}

func applyQuestionKind(q *review.Question, v string) {
	switch v {
	case "scale 1-10":
		q.Kind, q.Min, q.Max = review.QuestionScale, 1, 10
	case "scale 0-10":
		q.Kind, q.Min, q.Max = review.QuestionScale, 0, 10
	case "scale 1-5":
		q.Kind, q.Min, q.Max = review.QuestionScale, 1, 5
	default:
		q.Kind, q.Min, q.Max = review.QuestionKind(v), 0, 0
	}
}

func parseCount(v, what string) (int, error) {
	t := strings.TrimSpace(strings.ReplaceAll(v, ",", ""))
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > review.MaxCount {
		return 0, fmt.Errorf("%s must be a whole number such as 670 (at most %d), not %q", what, review.MaxCount, v)
	}
	return n, nil
}

func surveyFields(ws *workspace, id string) []field {
	set := func(apply func(sv *review.Survey) error) error { return ws.saveSurvey(id, apply) }
	channels := []string{"(not set)"}
	for _, c := range review.Channels {
		channels = append(channels, string(c))
	}
	sv := svByID(ws, id)
	fs := []field{
		{id: "sv-name", label: "Name", kind: fText, placeholder: "(what the survey is called)",
			get: func() string { return svByID(ws, id).Name },
			set: func(v string) error { return set(func(sv *review.Survey) error { sv.Name = v; return nil }) }},
		{id: "sv-date", label: "Date", kind: fDate, placeholder: "e.g. 28 January 2019",
			get: func() string { return svByID(ws, id).Date.Short() },
			set: func(v string) error {
				d, err := ws.e.parseDate(v)
				if err != nil {
					return err
				}
				return set(func(sv *review.Survey) error { sv.Date = d; return nil })
			}},
		{id: "sv-channel", label: "How it was sent", kind: fChoice, choices: channels,
			get: func() string { return text.OrEmpty(string(svByID(ws, id).Channel), "(not set)") },
			set: func(v string) error {
				if v == "(not set)" {
					v = ""
				}
				return set(func(sv *review.Survey) error { sv.Channel = review.Channel(v); return nil })
			}},
		{id: "sv-sent", label: "Number sent", kind: fText, placeholder: "(e.g. 670; blank if not known)",
			get: func() string { return countText(svByID(ws, id).Sent) },
			set: func(v string) error {
				n, err := parseCount(v, "how many were sent")
				if err != nil {
					return err
				}
				return set(func(sv *review.Survey) error { sv.Sent = n; return nil })
			}},
		{id: "sv-high", label: "% at or above", kind: fText, placeholder: "6 (on a 1-10 scale)",
			get: func() string { return countText(svByID(ws, id).High) },
			set: func(v string) error { return setThreshold(set, v, true) }},
		{id: "sv-low", label: "% at or below", kind: fText, placeholder: "3 (on a 1-10 scale)",
			get: func() string { return countText(svByID(ws, id).Low) },
			set: func(v string) error { return setThreshold(set, v, false) }},
		{id: "sv-rate", label: "Responses: " + sv.ResponseRateText(), kind: fHeading},
		{id: "sv-questions", label: fmt.Sprintf("Questions (%d): alt+f for figures, alt+g to type answers, alt+t for a distribution", len(sv.Questions)), kind: fHeading},
	}
	for i, q := range sv.Questions {
		qid := q.ID
		setQ := func(apply func(q *review.Question)) error {
			return set(func(sv *review.Survey) error {
				for j := range sv.Questions {
					if sv.Questions[j].ID == qid {
						apply(&sv.Questions[j])
						return nil
					}
				}
				return store.ErrNotFound
			})
		}
		getQ := func() review.Question {
			for _, q := range svByID(ws, id).Questions {
				if q.ID == qid {
					return q
				}
			}
			return review.Question{}
		}
		fs = append(fs,
			field{id: "q:" + qid, label: fmt.Sprintf("Q%d", i+1), kind: fText, placeholder: "(the question)",
				get: func() string { return getQ().Text },
				set: func(v string) error { return setQ(func(q *review.Question) { q.Text = v }) }},
			field{id: "qk:" + qid, label: "  answers", kind: fChoice, choices: questionKindChoices,
				get: func() string { return questionKindText(getQ()) },
				set: func(v string) error { return setQ(func(q *review.Question) { applyQuestionKind(q, v) }) }},
			field{id: "ql:" + qid, label: "  labels", kind: fLines, placeholder: "(optional: one per line, lowest first, or the choices)",
				get: func() string { return strings.Join(getQ().Labels, "\n") },
				set: func(v string) error {
					var ls []string
					for _, l := range strings.Split(v, "\n") {
						if l = strings.TrimSpace(l); l != "" {
							ls = append(ls, l)
						}
					}
					return setQ(func(q *review.Question) { q.Labels = ls })
				}},
		)
	}
	fs = append(fs, field{id: "sv-addq", label: "+ add a question (scale 1-10; change it after)", kind: fAction, placeholder: "the question",
		add: func(v string) (func() error, error) {
			q := review.Question{ID: newQuestionID(svByID(ws, id)), Text: v, Kind: review.QuestionScale, Min: 1, Max: 10}
			err := set(func(sv *review.Survey) error { sv.Questions = append(sv.Questions, q); return nil })
			if err != nil {
				return nil, err
			}
			return func() error {
				return set(func(sv *review.Survey) error {
					for j := range sv.Questions {
						if sv.Questions[j].ID == q.ID {
							sv.Questions = append(sv.Questions[:j], sv.Questions[j+1:]...)
							break
						}
					}
					return nil
				})
			}, nil
		}})
	return fs
}

// newQuestionID gives a question an ID unique within its survey. Question
// IDs are only ever looked up inside their survey, so "q7" is enough.
func newQuestionID(sv *review.Survey) string {
	used := map[string]bool{}
	for _, q := range sv.Questions {
		used[q.ID] = true
	}
	for n := len(sv.Questions) + 1; ; n++ {
		if id := "q" + strconv.Itoa(n); !used[id] {
			return id
		}
	}
}

func setThreshold(set func(func(sv *review.Survey) error) error, v string, high bool) error {
	n, err := parseCount(v, "the threshold")
	if err != nil {
		return err
	}
	if n > 10 {
		return fmt.Errorf("thresholds are on the 1-10 scale: %d is more than 10", n)
	}
	return set(func(sv *review.Survey) error {
		if high {
			sv.High = n
		} else {
			sv.Low = n
		}
		return nil
	})
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
