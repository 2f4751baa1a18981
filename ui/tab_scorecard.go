package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/present"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// scoreLine is one row of the scorecard list: a measure the panel tracks,
// or (on the panel's list) a catalogue line it does not track yet.
type scoreLine struct {
	id      string // the measure's ID; "tsm:CODE" for an untracked catalogue line
	row     review.ScoreRow
	inThis  bool // the review reads it
	heading string
}

// scorecardTab is the landlord's performance: the measures this review
// reads, each with its latest result, target, met or not, the change since
// the period before and a chart; alt+p switches to every measure of the
// panel, across reviews, where alt+a adds one to this review.
type scorecardTab struct {
	*splitTab
	keys    scorecardKeys
	all     bool             // showing the panel's measures
	panel   []review.Measure // the panel's, read when the panel view opens
	lines   []scoreLine
	codeW   int // the width of the longest code shown, up to 10
	builtAt int
}

func newScorecardTab(ws *workspace) *scorecardTab {
	s := &scorecardTab{splitTab: newSplitTab(ws), builtAt: -1, keys: newScorecardKeys()}
	s.listTitle = s.title
	s.count = func() int { s.build(); return len(s.lines) }
	s.idAt = func(i int) string { s.build(); return s.lines[i].id }
	s.selectable = func(i int) bool { s.build(); return s.lines[i].id != "" }
	s.row = s.rowText
	s.emptyDetail = "This review reads no measures yet: press alt+p to see the panel's measures and the Tenant Satisfaction Measures, then alt+a to add one."
	s.buildDetail = s.fields
	s.extraKeys = func() []key.Binding {
		if s.all {
			return []key.Binding{s.keys.Panel, s.keys.Add, s.keys.New, s.keys.Remove}
		}
		return []key.Binding{s.keys.Panel, s.keys.New, s.keys.Remove}
	}
	s.extra = s.handle
	s.forget = func() { s.builtAt = -1 }
	s.reload()
	return s
}

func (s *scorecardTab) title() string {
	s.build()
	if s.all {
		return fmt.Sprintf("All the panel's measures (%d tracked), across reviews", len(s.panel))
	}
	met, notMet := 0, 0
	for _, l := range s.lines {
		if l.row.Has && l.row.Latest.HasTarget {
			switch l.row.Met {
			case review.MetYes:
				met++
			case review.MetNo:
				notMet++
			}
		}
	}
	return fmt.Sprintf("Scorecard (%s): %d ✓ met, %d ✗ not met", text.Count(len(s.ws.rev.Measures), "measure", "measures"), met, notMet)
}

// build works out the rows; it runs again only after a change.
func (s *scorecardTab) build() {
	if s.builtAt == s.ws.version && s.lines != nil {
		return
	}
	s.builtAt = s.ws.version
	r := s.ws.rev
	lines := []scoreLine{}
	if !s.all {
		for _, row := range review.Scorecard(review.WithSurveyResults(r.Measures, r)) {
			lines = append(lines, scoreLine{id: row.Measure.ID, row: row, inThis: true})
		}
		s.setLines(lines)
		return
	}
	in := map[string]bool{}
	for _, id := range r.MeasureIDs {
		in[id] = true
	}
	tracked := map[string]bool{}
	for _, row := range review.Scorecard(s.panel) {
		lines = append(lines, scoreLine{id: row.Measure.ID, row: row, inThis: in[row.Measure.ID]})
		tracked[strings.ToUpper(row.Measure.Code)] = true
	}
	var untracked []scoreLine
	for _, m := range review.TSMLines() {
		if !tracked[m.Code] {
			untracked = append(untracked, scoreLine{id: "tsm:" + m.Code, row: review.ScoreRow{Measure: m}})
		}
	}
	if len(untracked) > 0 {
		lines = append(lines, scoreLine{heading: "Tenant Satisfaction Measures not tracked yet (alt+a adds one)"})
		lines = append(lines, untracked...)
	}
	s.setLines(lines)
}

func (s *scorecardTab) setLines(lines []scoreLine) {
	s.lines, s.codeW = lines, 4
	for _, l := range lines {
		if l.heading == "" {
			s.codeW = min(10, max(s.codeW, text.Width(text.OneLine(l.row.Measure.Code))))
		}
	}
}

func (s *scorecardTab) rowText(i int) (string, func(style.Styles) lipgloss.Style) {
	l := s.lines[i]
	if l.heading != "" {
		return l.heading, func(st style.Styles) lipgloss.Style { return st.Heading }
	}
	m := l.row.Measure
	prefix := ""
	if s.all {
		prefix = "    "
		if l.inThis {
			prefix = "[x] "
		} else if !strings.HasPrefix(l.id, "tsm:") {
			prefix = "[ ] "
		}
	}
	code := prefix + text.Pad(text.Truncate(text.OneLine(m.Code), s.codeW), s.codeW)
	name := text.OneLine(m.Name)
	if !l.row.Has {
		if strings.HasPrefix(l.id, "tsm:") {
			return "  " + code + " " + name, func(st style.Styles) lipgloss.Style { return st.Muted }
		}
		return "  " + code + " no results yet · " + name, func(st style.Styles) lipgloss.Style { return st.Muted }
	}
	return scoreRowLine(l.row, code, name), scoreTone(l.row)
}

// scoreRowLine puts the figures first after the mark and the code, and the
// name last, so a narrow screen still shows met or not, the value, the
// target and the change.
func scoreRowLine(row review.ScoreRow, code, name string) string {
	m := row.Measure
	mark := "  "
	if row.Latest.HasTarget {
		mark = row.Met.Symbol() + " "
	}
	v := review.FormatValue(m.Unit, row.Latest.Value)
	if row.Margin != "" {
		v += " " + row.Margin
	}
	parts := []string{v}
	if row.Latest.HasTarget {
		parts[0] += " (target " + review.FormatValue(m.Unit, row.Latest.Target) + ")"
	}
	parts = append(parts, row.Latest.Period)
	if row.SmallBase {
		parts = append(parts, "small base")
	}
	if row.Change != "" {
		parts = append(parts, row.Change)
	}
	if len(row.Series) > 1 {
		parts = append(parts, row.Chart)
	}
	if c := m.ComparatorText(row.Latest); c != "" {
		parts = append(parts, "compared with "+text.OneLine(c))
	}
	return mark + code + " " + strings.Join(parts, ", ") + " · " + name
}

func scoreTone(row review.ScoreRow) func(style.Styles) lipgloss.Style {
	if !row.Latest.HasTarget {
		return nil
	}
	switch row.Met {
	case review.MetYes:
		return func(st style.Styles) lipgloss.Style { return st.Good }
	case review.MetNo:
		return func(st style.Styles) lipgloss.Style { return st.Issue }
	}
	return nil
}

// roomItem tells the wall what to show: the selected measure over time, or
// the whole scorecard.
func (s *scorecardTab) roomItem() (kind, id string, since int64) {
	if id := s.selectedID(); id != "" && !strings.HasPrefix(id, "tsm:") {
		return present.ItemMeasure, id, 0
	}
	return present.ItemScorecard, "-", 0
}

func (s *scorecardTab) jump(id string) bool {
	s.reload()
	return s.select_(strings.TrimPrefix(id, "measure:"))
}

// loadPanel reads the panel's measures for the panel view.
func (s *scorecardTab) loadPanel() bool {
	ms, err := s.ws.e.st.ListMeasures(s.ws.e.ctx)
	if err != nil {
		s.ws.e.fail("read the panel's measures", err)
		return false
	}
	s.panel = ms
	s.builtAt = -1
	return true
}

func (s *scorecardTab) reload() {
	if s.all {
		if ms, err := s.ws.e.st.ListMeasures(s.ws.e.ctx); err == nil {
			s.panel = ms
		}
	}
	s.splitTab.reload()
}

func (s *scorecardTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	switch {
	case key.Matches(msg, s.keys.Panel):
		if s.detail {
			return false, nil
		}
		id := s.selectedID()
		if !s.all && !s.loadPanel() {
			return true, nil
		}
		s.all = !s.all
		s.builtAt = -1
		s.l.set(0)
		s.reload()
		if id != "" {
			s.select_(id)
		}
		return true, nil
	case key.Matches(msg, s.keys.Add) && s.all && !s.detail:
		if !ws.e.writable() {
			return true, nil
		}
		return true, s.addSelected()
	case key.Matches(msg, s.keys.New) && !s.detail:
		if !ws.e.writable() {
			return true, nil
		}
		return true, s.addOwn()
	case key.Matches(msg, s.keys.Remove) && s.all && !s.detail:
		id := s.selectedID()
		m, ok := s.measure(id)
		if !ok || !ws.e.writable() {
			return true, nil
		}
		return true, send(confirmMsg{question: "Move " + text.OneLine(m.Code) + " and its " +
			text.Count(len(m.Results), "result", "results") + " to the bin? Every review stops reading it.", yes: func() tea.Cmd {
			s.detail = false
			ws.remove("the measure", store.KindMeasure, id)
			s.loadPanel()
			s.reload()
			return nil
		}})
	case key.Matches(msg, s.keys.Remove) && !s.all && !s.detail:
		id := s.selectedID()
		if id == "" || !ws.e.writable() {
			return true, nil
		}
		before := slices.Clone(ws.rev.MeasureIDs)
		after := slices.DeleteFunc(slices.Clone(before), func(x string) bool { return x == id })
		if ws.e.do("take the measure out of this review", func() error { return s.setReviewMeasures(after) },
			func() error { return ws.e.st.SaveReview(ws.e.ctx, withMeasureIDs(ws.rev, before)) }) == nil {
			ws.e.note("taken out of this review; the panel still tracks it (alt+p shows all its measures). ctrl+z puts it back.")
		}
		s.detail = false
		s.reload()
		return true, nil
	}
	return false, nil
}

// withMeasureIDs is a copy of r's header naming ids, for undo.
func withMeasureIDs(r *review.Review, ids []string) *review.Review {
	cp := *r
	cp.MeasureIDs = ids
	return &cp
}

// addSelected adds the selected measure (tracking a catalogue line first)
// to this review.
func (s *scorecardTab) addSelected() tea.Cmd {
	ws := s.ws
	id := s.selectedID()
	if id == "" {
		return nil
	}
	if slices.Contains(ws.rev.MeasureIDs, id) {
		ws.e.note("This review already reads it.")
		return nil
	}
	if code, ok := strings.CutPrefix(id, "tsm:"); ok {
		var m review.Measure
		for _, l := range review.TSMLines() {
			if l.Code == code {
				m = l
			}
		}
		if ws.e.do("track "+code, func() error { return ws.e.st.SaveMeasure(ws.e.ctx, &m) },
			ws.deleter(store.KindMeasure, m.ID)) != nil {
			return nil
		}
		s.panel = append(s.panel, m)
		id = m.ID
	}
	before := slices.Clone(ws.rev.MeasureIDs)
	after := append(slices.Clone(before), id)
	if ws.e.do("add the measure to this review", func() error { return s.setReviewMeasures(after) },
		func() error { return ws.e.st.SaveReview(ws.e.ctx, withMeasureIDs(ws.rev, before)) }) == nil {
		ws.e.note("added to this review's scorecard (alt+p goes back to it)")
	}
	s.reload()
	s.select_(id)
	return nil
}

// addOwn starts a new indicator of the panel's own, in this review, and
// puts the cursor on its name.
func (s *scorecardTab) addOwn() tea.Cmd {
	ws := s.ws
	code := ""
	for n := 1; ; n++ {
		code = fmt.Sprintf("OWN%d", n)
		free := true
		for _, m := range append(slices.Clone(s.panel), ws.rev.Measures...) {
			free = free && !strings.EqualFold(m.Code, code)
		}
		if free {
			break
		}
	}
	m := review.Measure{Code: code, Unit: review.UnitPct, Direction: review.HigherBetter}
	err := ws.e.do("add an indicator", func() error {
		if err := ws.e.st.SaveMeasure(ws.e.ctx, &m); err != nil {
			return err
		}
		s.panel = append(s.panel, m)
		return s.setReviewMeasures(append(slices.Clone(ws.rev.MeasureIDs), m.ID))
	}, ws.deleter(store.KindMeasure, m.ID))
	if err != nil {
		return nil
	}
	s.reload()
	s.select_(m.ID)
	s.focusDetail("ms-name")
	return s.f.startEdit()
}

// fields is the detail of one measure: what it is, its results (latest
// first), the findings that cite it, the standards that follow it and, for
// a perception measure, the survey questions that ask it.
func (s *scorecardTab) fields(id string) []field {
	if code, ok := strings.CutPrefix(id, "tsm:"); ok {
		for _, m := range review.TSMLines() {
			if m.Code == code {
				return []field{
					{id: "h-what", label: m.Code + " " + m.Name, kind: fHeading},
					{id: "h-counts", label: m.Counts, kind: fHeading},
					{id: "h-track", label: "Not tracked yet: alt+a adds it to this review.", kind: fHeading},
				}
			}
		}
		return nil
	}
	get := func() review.Measure { m, _ := s.measure(id); return m }
	set := func(apply func(m *review.Measure) error) error { return s.saveMeasure(id, apply) }
	m := get()
	var fs []field
	if m.IsTSM() {
		fs = append(fs,
			field{id: "h-what", label: m.Code + ": a Tenant Satisfaction Measure, " + unitWords(m), kind: fHeading},
			field{id: "h-counts", label: m.Counts, kind: fHeading})
	} else {
		fs = append(fs,
			field{id: "ms-code", label: "Code", kind: fText, placeholder: "(a short code, used to import results)",
				get: func() string { return get().Code },
				set: func(v string) error {
					return set(func(m *review.Measure) error { m.Code = strings.TrimSpace(v); return nil })
				}},
			field{id: "ms-name", label: "Name", kind: fText, placeholder: "(e.g. calls answered within 4 minutes)",
				get: func() string { return get().Name },
				set: func(v string) error { return set(func(m *review.Measure) error { m.Name = v; return nil }) }},
			field{id: "ms-counts", label: "What it counts", kind: fMulti, placeholder: "(in plain words)",
				get: func() string { return get().Counts },
				set: func(v string) error { return set(func(m *review.Measure) error { m.Counts = v; return nil }) }},
			field{id: "ms-unit", label: "Unit", kind: fChoice, choices: unitChoices(),
				get: func() string { return string(get().Unit) },
				set: func(v string) error {
					return set(func(m *review.Measure) error { m.Unit = review.MeasureUnit(v); return nil })
				}},
			field{id: "ms-dir", label: "Better is", kind: fChoice, choices: dirChoices(),
				get: func() string { return string(get().Direction) },
				set: func(v string) error {
					return set(func(m *review.Measure) error { m.Direction = review.Direction(v); return nil })
				}})
	}
	fs = append(fs, field{id: "h-results", label: "Results, latest first", kind: fHeading})
	fs = append(fs, field{id: "ms-add", label: "+ add a result", kind: fAction, placeholder: "(the period and the value: 2024/25 72.5)",
		add: func(v string) (func() error, error) {
			r, err := readResultLine(v, get())
			if err != nil {
				return nil, err
			}
			if err := s.ws.e.st.SaveResult(s.ws.e.ctx, id, &r); err != nil {
				return nil, err
			}
			s.putResult(id, r)
			review.FollowMeasures(s.ws.rev)
			return s.ws.deleter(store.KindResult, r.ID), nil
		}})
	series := m.Series()
	slices.Reverse(series)
	for _, r := range series {
		fs = append(fs, s.resultFields(m, r)...)
	}
	fs = append(fs, s.linkFields(m)...)
	return fs
}

func unitWords(m review.Measure) string {
	return "in " + unitName(m.Unit) + ", " + string(m.Direction)
}

func unitName(u review.MeasureUnit) string {
	if u == review.UnitPct {
		return "per cent"
	}
	return string(u)
}

func unitChoices() []string {
	out := make([]string, len(review.MeasureUnits))
	for i, u := range review.MeasureUnits {
		out[i] = string(u)
	}
	return out
}

func dirChoices() []string {
	out := make([]string, len(review.Directions))
	for i, d := range review.Directions {
		out[i] = string(d)
	}
	return out
}

// resultFields are one result: a heading with the figure in words, then
// each part that can be changed.
func (s *scorecardTab) resultFields(m review.Measure, r review.Result) []field {
	id, rid := m.ID, r.ID
	if rid == "" {
		// Worked out from a survey, not stored: shown, not edited.
		return []field{{id: "h-survey-" + r.Period, label: r.Period + ": " + review.FormatValue(m.Unit, r.Value) +
			" " + m.Margin(r) + " (" + text.OneLine(r.Source) + ", base " + fmt.Sprint(r.Base) + ")", kind: fHeading}}
	}
	get := func() review.Result {
		cur, _ := s.measure(id)
		for _, x := range cur.Results {
			if x.ID == rid {
				return x
			}
		}
		return review.Result{}
	}
	set := func(apply func(r *review.Result) error) error {
		if err := s.saveResult(id, rid, apply); err != nil {
			return err
		}
		review.FollowMeasures(s.ws.rev)
		return nil
	}
	head := r.Period + ": " + review.FormatValue(m.Unit, r.Value)
	if mg := m.Margin(r); mg != "" {
		head += " " + mg
	}
	if m.SmallBase(r) {
		head += ", small base"
	}
	if r.HasTarget {
		head += ", " + m.Met(r).Label() + " (" + m.TargetText(r) + ")"
	}
	p := "r-" + rid + "-"
	fs := []field{
		{id: p + "h", label: head, kind: fHeading},
		{id: p + "value", label: "Value", kind: fText, placeholder: "(blank moves this result to the bin)",
			get: func() string {
				// A result in the bin has no value: blank, as its clearing left it.
				if r := get(); r.ID != "" {
					return numberText(r.Value, true)
				}
				return ""
			},
			set: func(v string) error {
				if strings.TrimSpace(v) == "" {
					return s.binResult(id, rid)
				}
				n, ok := review.ReadNumber(v)
				if !ok {
					return fmt.Errorf("type the value as a number, such as 72.5")
				}
				if err := s.unbinResult(id, rid); err != nil {
					return err
				}
				return set(func(r *review.Result) error { r.Value = n; return nil })
			}},
		{id: p + "base", label: "Base", kind: fText, placeholder: "(responses or homes it is out of)",
			get: func() string { return numberText(float64(get().Base), get().Base > 0) },
			set: func(v string) error {
				n, err := readCount(v)
				if err != nil {
					return err
				}
				return set(func(r *review.Result) error { r.Base = n; return nil })
			}},
	}
	if m.Sampled() {
		fs = append(fs, field{id: p + "pop", label: "Homes surveyed from", kind: fText, placeholder: "(for the margin of error; blank if not known)",
			get: func() string { return numberText(float64(get().Population), get().Population > 0) },
			set: func(v string) error {
				n, err := readCount(v)
				if err != nil {
					return err
				}
				return set(func(r *review.Result) error { r.Population = n; return nil })
			}})
	}
	fs = append(fs,
		field{id: p + "target", label: "Target", kind: fText, placeholder: "(blank: no target)",
			get: func() string { x := get(); return numberText(x.Target, x.HasTarget) },
			set: func(v string) error {
				n, has, err := readOptionalNumber(v)
				if err != nil {
					return err
				}
				return set(func(r *review.Result) error { r.Target, r.HasTarget = n, has; return nil })
			}},
		field{id: p + "comp", label: "Comparator", kind: fText, placeholder: "(e.g. the peer median; blank: none)",
			get: func() string { x := get(); return numberText(x.Comparator, x.HasComparator) },
			set: func(v string) error {
				n, has, err := readOptionalNumber(v)
				if err != nil {
					return err
				}
				return set(func(r *review.Result) error { r.Comparator, r.HasComparator = n, has; return nil })
			}},
		field{id: p + "compsrc", label: "Comparator from", kind: fText, placeholder: "(where the comparator comes from)",
			get: func() string { return get().ComparatorSource },
			set: func(v string) error { return set(func(r *review.Result) error { r.ComparatorSource = v; return nil }) }},
		field{id: p + "src", label: "Source", kind: fText, placeholder: "(where the figure comes from)",
			get: func() string { return get().Source },
			set: func(v string) error { return set(func(r *review.Result) error { r.Source = v; return nil }) }})
	for _, g := range m.Groups(r.Period) {
		gid := g.ID
		fs = append(fs, field{id: p + "g-" + gid, label: text.OneLine(g.GroupText()), kind: fText,
			get: func() string {
				cur, _ := s.measure(id)
				for _, x := range cur.Results {
					if x.ID == gid {
						return numberText(x.Value, true)
					}
				}
				return ""
			},
			set: func(v string) error {
				n, ok := review.ReadNumber(v)
				if !ok {
					return fmt.Errorf("type the value as a number, such as 72.5")
				}
				return s.saveResult(id, gid, func(r *review.Result) error { r.Value = n; return nil })
			}})
	}
	return fs
}

// binResult moves a result to the bin when its value is cleared: a figure
// entered by mistake must be able to go. The form's save of the field
// makes it one undo step: undo types the old value back, and the value
// field's set brings the result back from the bin first (unbinResult).
func (s *scorecardTab) binResult(id, rid string) error {
	if err := s.ws.e.st.Delete(s.ws.e.ctx, store.KindResult, rid); err != nil {
		return err
	}
	for _, c := range s.measureCopies(id) {
		c.Results = slices.DeleteFunc(slices.Clone(c.Results), func(r review.Result) bool { return r.ID == rid })
	}
	review.FollowMeasures(s.ws.rev)
	s.changed()
	return nil
}

// unbinResult brings result rid of measure id back from the bin when it is
// not in memory, so a value typed over a binned result restores it.
func (s *scorecardTab) unbinResult(id, rid string) error {
	m, ok := s.measure(id)
	if !ok || slices.ContainsFunc(m.Results, func(r review.Result) bool { return r.ID == rid }) {
		return nil
	}
	if err := s.ws.e.st.Restore(s.ws.e.ctx, store.KindResult, rid); err != nil {
		return err
	}
	ms, err := s.ws.e.st.ListMeasures(s.ws.e.ctx)
	if err != nil {
		return err
	}
	for _, fresh := range ms {
		if fresh.ID == id {
			for _, c := range s.measureCopies(id) {
				c.Results = fresh.Results
			}
		}
	}
	s.changed()
	return nil
}

// linkFields tie the measure to the review: findings that cite it,
// standards that follow it, survey questions that ask it.
func (s *scorecardTab) linkFields(m review.Measure) []field {
	ws := s.ws
	id := m.ID
	var fs []field
	if len(ws.rev.Findings) > 0 {
		fs = append(fs, field{id: "h-cite", label: "Findings that cite it (enter ticks or unticks)", kind: fHeading})
		for _, f := range ws.rev.Findings {
			fid := f.ID
			fs = append(fs, linkField("cite:"+fid, text.OrEmpty(text.OneLine(f.Text), "(empty finding)"), id,
				func() []string { f, _ := ws.rev.FindingByID(fid); return f.MeasureIDs },
				func(edit func(*[]string)) error {
					return ws.saveFinding(fid, func(f *review.Finding) {
						f.MeasureIDs = slices.Clone(f.MeasureIDs)
						edit(&f.MeasureIDs)
					})
				}))
		}
	}
	if len(ws.rev.Standards) > 0 {
		fs = append(fs, field{id: "h-follow", label: "Service standards that follow its latest result", kind: fHeading})
		for _, st := range ws.rev.Standards {
			sid := st.ID
			fs = append(fs, field{id: "follow:" + sid, label: text.OrEmpty(text.OneLine(st.Promise), "(empty standard)"),
				kind: fChoice, check: true, choices: []string{notLinked, linked},
				get: func() string {
					if i := ws.standardIndex(sid); i >= 0 && ws.rev.Standards[i].Measure == id {
						return linked
					}
					return notLinked
				},
				set: func(v string) error {
					err := ws.saveStandard(sid, func(st *review.Standard) {
						st.Measure = ""
						if v == linked {
							st.Measure = id
						}
					})
					if err == nil {
						review.FollowMeasures(ws.rev)
					}
					return err
				}})
		}
	}
	if !m.Sampled() {
		return fs
	}
	var qs []field
	for _, sv := range ws.rev.Surveys {
		svID := sv.ID
		for _, q := range sv.Questions {
			if st := sv.QuestionStats(&q); !st.HasSatisfied {
				continue
			}
			qid := q.ID
			qs = append(qs, field{id: "ask:" + qid, label: text.OneLine(sv.Name) + ": " + text.OneLine(q.Text),
				kind: fChoice, check: true, choices: []string{notLinked, linked},
				get: func() string {
					if q, ok := s.question(svID, qid); ok && strings.EqualFold(q.Measure, m.Code) {
						return linked
					}
					return notLinked
				},
				set: func(v string) error {
					err := ws.saveSurvey(svID, func(sv *review.Survey) error {
						sv.Questions = slices.Clone(sv.Questions)
						for i := range sv.Questions {
							if sv.Questions[i].ID == qid {
								sv.Questions[i].Measure = ""
								if v == linked {
									sv.Questions[i].Measure = m.Code
								}
							}
						}
						return nil
					})
					s.builtAt = -1
					return err
				}})
			if strings.EqualFold(q.Measure, m.Code) {
				qs = append(qs, field{id: "pop:" + qid, label: "    from how many homes", kind: fText,
					placeholder: "(for the margin of error; blank if not known)",
					get: func() string {
						q, _ := s.question(svID, qid)
						return numberText(float64(q.Population), q.Population > 0)
					},
					set: func(v string) error {
						n, err := readCount(v)
						if err != nil {
							return err
						}
						err = ws.saveSurvey(svID, func(sv *review.Survey) error {
							sv.Questions = slices.Clone(sv.Questions)
							for i := range sv.Questions {
								if sv.Questions[i].ID == qid {
									sv.Questions[i].Population = n
								}
							}
							return nil
						})
						s.builtAt = -1
						return err
					}})
			}
		}
	}
	if len(qs) > 0 {
		fs = append(fs, field{id: "h-ask", label: "Survey questions that ask it (their % satisfied becomes the year's result)", kind: fHeading})
		fs = append(fs, qs...)
	}
	return fs
}

func (s *scorecardTab) question(surveyID, qid string) (review.Question, bool) {
	for _, sv := range s.ws.rev.Surveys {
		if sv.ID != surveyID {
			continue
		}
		for _, q := range sv.Questions {
			if q.ID == qid {
				return q, true
			}
		}
	}
	return review.Question{}, false
}
