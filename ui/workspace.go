package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/ui/text"
)

// workspace shows one review, its tabs and the active tab.
type workspace struct {
	e      *env
	rev    *review.Review
	roster []review.Member
	tabs   []tab
	active int
	onTabs bool
	keys   wsKeys
	line   tabLineKeys
	w, h   int
	search *searchBox
	// version counts changes, so the report knows when to render again.
	version int
	nums    review.Numbers // the report's E and F numbers, as of numsAt
	numsAt  int
}

// numbers are the report's references (E3, F7) for what is on screen,
// worked out again only after a change.
func (ws *workspace) numbers() review.Numbers {
	if ws.nums.Findings == nil || ws.numsAt != ws.version {
		ws.nums, ws.numsAt = ws.rev.Numbers(), ws.version
	}
	return ws.nums
}

// evidenceRef and findingRef are one item's reference, "E?" and "F?" for
// one the report would not number.
func (ws *workspace) evidenceRef(id string) string {
	return text.OrEmpty(ws.numbers().Evidence[id], "E?")
}
func (ws *workspace) findingRef(id string) string {
	return text.OrEmpty(ws.numbers().Findings[id], "F?")
}

func newWorkspace(e *env, id string) (*workspace, error) {
	r, err := e.st.LoadReview(e.ctx, id)
	if err != nil {
		return nil, err
	}
	review.FollowMeasures(r)
	ws := &workspace{e: e, rev: r, keys: newWsKeys(), line: newTabLineKeys(), tabs: make([]tab, len(tabDefs))}
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

// tab returns the tab in slot i, creating it the first time.
func (ws *workspace) tab(i int) tab {
	if ws.tabs[i] == nil {
		ws.tabs[i] = tabDefs[i].make(ws)
		r := wsLayout(ws.w, ws.h)
		ws.tabs[i].resize(ws.w, r.bodyH)
	}
	return ws.tabs[i]
}

func (ws *workspace) cur() tab { return ws.tab(ws.active) }

// touch records that the review changed.
func (ws *workspace) touch() { ws.version++ }

// reload reads the review again from the store (after an undo or restore)
// and lets every tab rebuild.
func (ws *workspace) reload() error {
	r, err := ws.e.st.LoadReview(ws.e.ctx, ws.rev.ID)
	if err != nil {
		return err
	}
	review.FollowMeasures(r)
	ws.rev = r
	ws.loadRoster()
	ws.touch()
	for _, s := range ws.tabs {
		if s != nil {
			s.reload()
		}
	}
	return nil
}

func (ws *workspace) resize(w, h int) {
	ws.w, ws.h = w, h
	r := wsLayout(w, h)
	for _, s := range ws.tabs {
		if s != nil {
			s.resize(w, r.bodyH)
		}
	}
	if ws.search != nil {
		ws.search.resize(w, r.bodyH)
	}
}

func (ws *workspace) restyle() {
	for _, s := range ws.tabs {
		if s != nil {
			s.restyle()
		}
	}
	if ws.search != nil {
		ws.search.restyle()
	}
}

// tabHasKeys reports whether the keys are in the tab's body rather than on
// the tab line: only the place that has the keys shows the › marker, so
// the room (and a screen reader's cursor, which follows the first ›) never
// sees two places selected at once.
func (ws *workspace) tabHasKeys() bool { return !ws.onTabs }

func (ws *workspace) typing() bool {
	if ws.search != nil {
		return true
	}
	return !ws.onTabs && ws.cur().typing()
}

func (ws *workspace) commit() error {
	for _, s := range ws.tabs {
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
		l := ws.line
		return helpMap{short: []key.Binding{l.Move, l.Enter, l.Tab, l.Home},
			full: unclaimed(bindings(l), bindings(ws.keys))}
	}
	h := ws.cur().help()
	if ws.cur().typing() {
		// The tab keys type nothing, so they work while typing too.
		h.full = unclaimed(h.full, []key.Binding{ws.keys.AltTab, ws.keys.PrevTab, ws.keys.NextTab})
		return h
	}
	short := append(append([]key.Binding{}, h.short...), ws.keys.AltTab, ws.keys.Search)
	return helpMap{short: short, full: unclaimed(h.full, bindings(ws.keys))}
}

// unclaimed is own followed by the bindings of more whose keys own does not
// already use, so each key is listed once, with the meaning of the screen
// that gets it first (esc in a tab's details goes back to its list, not to
// the tab line).
func unclaimed(own, more []key.Binding) []key.Binding {
	out := append([]key.Binding{}, own...)
	for _, b := range more {
		if !slices.ContainsFunc(b.Keys(), func(k string) bool {
			return slices.ContainsFunc(own, func(o key.Binding) bool { return slices.Contains(o.Keys(), k) })
		}) {
			out = append(out, b)
		}
	}
	return out
}

// goTo switches tab, saving what is being typed first.
func (ws *workspace) goTo(i int) {
	if i == ws.active || i < 0 || i >= len(tabDefs) {
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
		// save long ago, another tab's problem) would only mislead here.
		ws.e.setStatus("", false)
	}
}

// refresher is a tab that has work to start after an update (the
// report starts drawing its preview).
type refresher interface{ refresh() tea.Cmd }

func (ws *workspace) update(msg tea.Msg) tea.Cmd {
	return tea.Batch(ws.handle(msg), ws.refresh())
}

// refresh is the current tab's work for what changed, if it has any.
func (ws *workspace) refresh() tea.Cmd {
	if r, ok := ws.cur().(refresher); ok && ws.search == nil {
		return r.refresh()
	}
	return nil
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
		if o, ok := ws.cur().(*overviewTab); ok {
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
	// Anything else (a finished report render...) goes to every tab.
	var cmds []tea.Cmd
	for _, s := range ws.tabs {
		if s != nil {
			cmds = append(cmds, s.update(msg))
		}
	}
	return tea.Batch(cmds...)
}

func (ws *workspace) key(msg tea.KeyPressMsg) tea.Cmd {
	k := ws.keys
	// Moving between tabs uses keys that type nothing, so they work even
	// while a field is being typed in (goTo saves it first).
	switch {
	case key.Matches(msg, k.AltTab):
		ws.goToKey(strings.TrimPrefix(msg.String(), "alt+"))
		return nil
	case key.Matches(msg, k.PrevTab):
		ws.goTo((ws.active + len(tabDefs) - 1) % len(tabDefs))
		return nil
	case key.Matches(msg, k.NextTab):
		ws.goTo((ws.active + 1) % len(tabDefs))
		return nil
	}
	if ws.cur().typing() && !ws.onTabs {
		return ws.cur().update(msg)
	}
	if key.Matches(msg, k.Search) {
		if ws.cur().commit() != nil {
			return nil
		}
		ws.search = newSearchBox(ws)
		r := wsLayout(ws.w, ws.h)
		ws.search.resize(ws.w, r.bodyH)
		return nil
	}
	if ws.onTabs {
		l := ws.line
		switch {
		case key.Matches(msg, l.Tab):
			// Only the tab line takes bare digits: nothing is typed there.
			ws.goToKey(msg.String())
		case key.Matches(msg, l.Move) && msg.String() == "left":
			ws.goTo((ws.active + len(tabDefs) - 1) % len(tabDefs))
		case key.Matches(msg, l.Move):
			ws.goTo((ws.active + 1) % len(tabDefs))
		case key.Matches(msg, l.Enter):
			ws.onTabs = false
		case key.Matches(msg, l.Home):
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

// goToKey opens the tab numbered k and puts the keys in it.
func (ws *workspace) goToKey(k string) {
	if i := tabByKey(k); i >= 0 {
		ws.goTo(i)
		ws.onTabs = false
	}
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
