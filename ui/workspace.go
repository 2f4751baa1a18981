package ui

import (
	"scrutiny/ui/text"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
)

// stage is one tab of the review workspace. Stages are plain structs owned
// by the workspace; they draw into the size they are given and never do
// I/O in view.
type stage interface {
	update(msg tea.Msg) tea.Cmd // keys, and mouse with Y relative to the stage body
	view(w, h int) string
	resize(w, h int)
	typing() bool  // a text field has the keys
	commit() error // save what is being typed
	help() helpMap // short help, and every key the stage accepts
	reload()       // the review changed underneath: rebuild what is shown
	jump(id string) bool
	escape() bool // esc while not typing; false lets the workspace take it
	restyle()
}

// stageDef names a tab. Other files replace a slot with registerStage from
// their own init function.
type stageDef struct {
	key   string // "1".."9", "0"
	title string
	short string
	make  func(ws *workspace) stage
}

var stageDefs = []stageDef{
	{"1", "Overview", "Over", func(ws *workspace) stage { return newOverview(ws) }},
	{"2", "Scope", "Scope", func(ws *workspace) stage { return newScope(ws) }},
	{"3", "Evidence", "Evid", func(ws *workspace) stage { return newEvidenceStage(ws) }},
	{"4", "Findings", "Find", func(ws *workspace) stage { return newFindingsStage(ws) }},
	{"5", "Recommendations", "Recs", func(ws *workspace) stage { return newRecsStage(ws) }},
	{"6", "Scoring", "Score", func(ws *workspace) stage { return newScoringStage(ws) }},
	{"7", "Judgement", "Judge", func(ws *workspace) stage { return newJudgementStage(ws) }},
	{"8", "Report", "Report", func(ws *workspace) stage { return newReportStage(ws) }},
	{"9", "Surveys & standards", "Surveys", func(ws *workspace) stage {
		return newPlaceholder(ws, "Surveys and service standards will appear here.")
	}},
	{"0", "Meetings", "Meet", func(ws *workspace) stage {
		return newPlaceholder(ws, "Meetings and attendance will appear here.")
	}},
}

// registerStage puts a stage in the slot named by k ("9", "0"...).
func registerStage(k, title, short string, mk func(ws *workspace) stage) {
	for i := range stageDefs {
		if stageDefs[i].key == k {
			stageDefs[i] = stageDef{k, title, short, mk}
			return
		}
	}
	stageDefs = append(stageDefs, stageDef{k, title, short, mk})
}

type wsKeys struct {
	Stage, PrevStage, NextStage, Search, Back key.Binding
	TabLeft, TabRight, Enter                  key.Binding
}

func newWsKeys() wsKeys {
	return wsKeys{
		Stage:     bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}, "1-9,0", "go to a stage"),
		PrevStage: bind([]string{"["}, "[", "previous stage"),
		NextStage: bind([]string{"]"}, "]", "next stage"),
		Search:    bind([]string{"/"}, "/", "search this review"),
		Back:      bind([]string{"esc"}, "esc", "back: tabs, then list"),
		TabLeft:   bind([]string{"left"}, "←/→", "tabs: change stage"),
		TabRight:  bind([]string{"right"}, "→", "tabs: next stage"),
		Enter:     bind([]string{"enter", "down"}, "enter/↓", "tabs: into the stage"),
	}
}

// workspace shows one review, its stage tabs and the active stage.
type workspace struct {
	e      *env
	rev    *review.Review
	roster []review.Member
	stages []stage
	active int
	onTabs bool
	keys   wsKeys
	w, h   int
	search *searchBox
	// version counts changes, so the report knows when to render again.
	version int
}

func newWorkspace(e *env, id string) (*workspace, error) {
	r, err := e.st.LoadReview(e.ctx, id)
	if err != nil {
		return nil, err
	}
	ws := &workspace{e: e, rev: r, keys: newWsKeys(), stages: make([]stage, len(stageDefs))}
	ws.loadRoster()
	if cur, _ := e.st.Setting(e.ctx, "last_review"); cur != id && !e.readOnly {
		_ = e.st.SetSetting(e.ctx, "last_review", id)
	}
	return ws, nil
}

func (ws *workspace) loadRoster() {
	ms, err := ws.e.st.ListMembers(ws.e.ctx)
	if err != nil {
		ws.e.fail("read the panel roster", err)
		return
	}
	ws.roster = ms
}

// stage returns the stage in slot i, creating it the first time.
func (ws *workspace) stage(i int) stage {
	if ws.stages[i] == nil {
		ws.stages[i] = stageDefs[i].make(ws)
		r := wsLayout(ws.w, ws.h)
		ws.stages[i].resize(ws.w, r.bodyH)
	}
	return ws.stages[i]
}

func (ws *workspace) cur() stage { return ws.stage(ws.active) }

// touch records that the review changed.
func (ws *workspace) touch() { ws.version++ }

// reload reads the review again from the store (after an undo or restore)
// and lets every stage rebuild.
func (ws *workspace) reload() error {
	r, err := ws.e.st.LoadReview(ws.e.ctx, ws.rev.ID)
	if err != nil {
		return err
	}
	ws.rev = r
	ws.loadRoster()
	ws.touch()
	for _, s := range ws.stages {
		if s != nil {
			s.reload()
		}
	}
	return nil
}

func (ws *workspace) resize(w, h int) {
	ws.w, ws.h = w, h
	r := wsLayout(w, h)
	for _, s := range ws.stages {
		if s != nil {
			s.resize(w, r.bodyH)
		}
	}
	if ws.search != nil {
		ws.search.resize(w, r.bodyH)
	}
}

func (ws *workspace) restyle() {
	for _, s := range ws.stages {
		if s != nil {
			s.restyle()
		}
	}
	if ws.search != nil {
		ws.search.restyle()
	}
}

func (ws *workspace) typing() bool {
	if ws.search != nil {
		return true
	}
	return !ws.onTabs && ws.cur().typing()
}

func (ws *workspace) commit() error {
	for _, s := range ws.stages {
		if s != nil {
			if err := s.commit(); err != nil {
				return err
			}
		}
	}
	return nil
}

func (ws *workspace) help() helpMap {
	if ws.search != nil {
		return ws.search.help()
	}
	if ws.onTabs {
		return helpMap{short: []key.Binding{ws.keys.TabLeft, ws.keys.Enter, ws.keys.Stage, ws.keys.Back},
			full: bindings(ws.keys)}
	}
	h := ws.cur().help()
	if ws.cur().typing() {
		return h
	}
	short := append(append([]key.Binding{}, h.short...), ws.keys.Stage, ws.keys.Search)
	full := append(append([]key.Binding{}, h.full...), bindings(ws.keys)...)
	return helpMap{short: short, full: full}
}

// goTo switches stage, saving what is being typed first.
func (ws *workspace) goTo(i int) {
	if i == ws.active || i < 0 || i >= len(stageDefs) {
		return
	}
	seq := ws.e.statusSeq
	if err := ws.cur().commit(); err != nil {
		return
	}
	ws.active = i
	ws.cur().reload()
	if ws.e.statusSeq == seq {
		// Nothing was said by this move: an older message (a hint, a
		// save long ago, another stage's problem) would only mislead here.
		ws.e.setStatus("", false)
	}
}

// refresher is a stage that has work to start after an update (the
// report starts drawing its preview).
type refresher interface{ refresh() tea.Cmd }

func (ws *workspace) update(msg tea.Msg) tea.Cmd {
	cmd := ws.handle(msg)
	if r, ok := ws.cur().(refresher); ok && ws.search == nil {
		return tea.Batch(cmd, r.refresh())
	}
	return cmd
}

func (ws *workspace) handle(msg tea.Msg) tea.Cmd {
	if ws.search != nil {
		switch msg.(type) {
		case tea.KeyPressMsg, tea.PasteMsg:
			return ws.search.update(msg)
		}
	}
	switch msg := msg.(type) {
	case editTopicMsg:
		ws.goTo(0)
		ws.onTabs = false
		if o, ok := ws.cur().(*overviewStage); ok {
			return o.editTopic()
		}
		return nil
	case tea.KeyPressMsg:
		return ws.key(msg)
	case tea.MouseMsg:
		return ws.mouse(msg)
	case tea.PasteMsg:
		if !ws.onTabs {
			return ws.cur().update(msg)
		}
		return nil
	}
	// Anything else (a finished report render...) goes to every stage.
	var cmds []tea.Cmd
	for _, s := range ws.stages {
		if s != nil {
			cmds = append(cmds, s.update(msg))
		}
	}
	return tea.Batch(cmds...)
}

func (ws *workspace) key(msg tea.KeyPressMsg) tea.Cmd {
	k := ws.keys
	if ws.cur().typing() && !ws.onTabs {
		return ws.cur().update(msg)
	}
	switch {
	case key.Matches(msg, k.Stage):
		for i, d := range stageDefs {
			if d.key == msg.String() {
				ws.goTo(i)
				ws.onTabs = false
			}
		}
		return nil
	case key.Matches(msg, k.PrevStage):
		ws.goTo((ws.active + len(stageDefs) - 1) % len(stageDefs))
		return nil
	case key.Matches(msg, k.NextStage):
		ws.goTo((ws.active + 1) % len(stageDefs))
		return nil
	case key.Matches(msg, k.Search):
		if ws.cur().commit() != nil {
			return nil
		}
		ws.search = newSearchBox(ws)
		r := wsLayout(ws.w, ws.h)
		ws.search.resize(ws.w, r.bodyH)
		return nil
	}
	if ws.onTabs {
		switch {
		case key.Matches(msg, k.TabLeft):
			ws.goTo((ws.active + len(stageDefs) - 1) % len(stageDefs))
		case key.Matches(msg, k.TabRight):
			ws.goTo((ws.active + 1) % len(stageDefs))
		case key.Matches(msg, k.Enter):
			ws.onTabs = false
		case key.Matches(msg, k.Back):
			return send(goHomeMsg{})
		}
		return nil
	}
	if key.Matches(msg, k.Back) {
		if ws.cur().escape() {
			return nil
		}
		ws.onTabs = true
		return nil
	}
	return ws.cur().update(msg)
}

func (ws *workspace) mouse(msg tea.MouseMsg) tea.Cmd {
	m := msg.Mouse()
	r := wsLayout(ws.w, ws.h)
	if c, ok := msg.(tea.MouseClickMsg); ok && m.Y == r.tabsY {
		for i, z := range tabZones(ws.w, ws.active) {
			if m.X >= z[0] && m.X < z[1] {
				ws.goTo(i)
				ws.onTabs = false
				return nil
			}
		}
		_ = c
		return nil
	}
	if m.Y < r.bodyY {
		return nil
	}
	if ws.search != nil {
		return nil
	}
	ws.onTabs = false
	m.Y -= r.bodyY
	switch msg.(type) {
	case tea.MouseClickMsg:
		return ws.cur().update(tea.MouseClickMsg(m))
	case tea.MouseWheelMsg:
		return ws.cur().update(tea.MouseWheelMsg(m))
	}
	return nil
}

// tabLabels picks each tab's label to fit the width: full titles when they
// fit; otherwise the longest other titles are shortened one at a time, then
// the current one when that lets every tab keep a name; only then do the
// tabs farthest from the current one shrink to their number. A volunteer reads "5 Recs" more easily than a bare
// "5", so every tab keeping a name matters more than the current tab's full
// title.
func tabLabels(w, active int) []string {
	n := len(stageDefs)
	ls := make([]string, n)
	for i, d := range stageDefs {
		ls[i] = d.key + " " + d.title
	}
	total := func() int {
		t := 0
		for i, l := range ls {
			t += tabCellWidth(l, i == active)
		}
		return t
	}
	// Shorten the longest other titles first.
	for total() > w {
		best, gain := -1, 0
		for i, d := range stageDefs {
			if i == active || ls[i] != d.key+" "+d.title {
				continue
			}
			if g := text.Width(d.title) - text.Width(d.short); g > 0 && g >= gain {
				best, gain = i, g
			}
		}
		if best < 0 {
			break
		}
		ls[best] = stageDefs[best].key + " " + stageDefs[best].short
	}
	if total() > w && active >= 0 && active < n {
		full := ls[active]
		ls[active] = stageDefs[active].key + " " + stageDefs[active].short
		if total() > w {
			// Numbers are needed anyway: the current tab keeps its title.
			ls[active] = full
		}
	}
	// Then numbers only, farthest from the current tab first.
	for total() > w {
		best, dist := -1, -1
		for i, d := range stageDefs {
			dd := i - active
			if dd < 0 {
				dd = -dd
			}
			if i != active && ls[i] != d.key && dd > dist {
				best, dist = i, dd
			}
		}
		if best < 0 {
			break
		}
		ls[best] = stageDefs[best].key
	}
	if total() > w && active >= 0 && active < n {
		ls[active] = stageDefs[active].key + " " + stageDefs[active].short
	}
	return ls
}

// tabCellWidth is the cells a tab takes: a space before each label, and
// brackets around the current one, so it shows without colour.
func tabCellWidth(label string, current bool) int {
	if current {
		return text.Width(label) + 3
	}
	return text.Width(label) + 1
}

// tabZones gives the [x0, x1) cells of each tab on the tabs line.
func tabZones(w, active int) [][2]int {
	ls := tabLabels(w, active)
	out := make([][2]int, len(ls))
	x := 0
	for i, l := range ls {
		n := tabCellWidth(l, i == active)
		out[i] = [2]int{x, x + n}
		x += n
	}
	return out
}

func (ws *workspace) view(w, h int) string {
	s := ws.e.styles
	r := wsLayout(w, h)
	topic := text.OrEmpty(text.OneLine(ws.rev.Topic), "(untitled review)")
	right := string(ws.rev.Stage)
	if ws.e.readOnly {
		right = "read only · " + right
	}
	title := s.Title.Render(text.Truncate(topic, max(10, w-text.Width(right)-3)))
	title = text.Pad(title, w-text.Width(right)) + s.Muted.Render(right)
	var tabs strings.Builder
	for i, l := range tabLabels(w, ws.active) {
		// Each tab is one space then its label; the current one is
		// bracketed and drawn in the tab style (reversed in monochrome),
		// with › before it when the tabs have the keys. (No underline:
		// lipgloss draws it cell by cell and breaks the reverse at spaces.)
		switch {
		case i == ws.active && ws.onTabs:
			tabs.WriteString(s.Selected.Render("›[" + l + "]"))
		case i == ws.active:
			tabs.WriteString(" " + s.TabActive.Render("["+l+"]"))
		default:
			tabs.WriteString(" " + s.Tab.Render(l))
		}
	}
	lines := []string{title, text.Pad(tabs.String(), w)}
	if r.rule {
		lines = append(lines, s.Border.Render(rule(w)))
	}
	var body string
	if ws.search != nil {
		body = ws.search.view(w, r.bodyH)
	} else {
		body = ws.cur().view(w, r.bodyH)
	}
	return strings.Join(lines, "\n") + "\n" + body
}
