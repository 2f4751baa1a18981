package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/store"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// addThenType adds an item (undoable: the undo moves it to the bin),
// selects it and starts typing the given field. prefix is how the list
// names items of this kind ("survey:"), empty when it uses the bare ID.
func (s *splitTab) addThenType(what string, kind store.Kind, prefix, field string, add func() (string, error)) tea.Cmd {
	ws := s.ws
	var id string
	if ws.e.do("add "+what, func() error {
		var err error
		id, err = add()
		return err
	}, func() error { return ws.e.st.Delete(ws.e.ctx, kind, id) }) != nil {
		return nil
	}
	s.reload()
	s.select_(prefix + id)
	s.focusDetail(field)
	return s.f.startEdit()
}

// confirmRemove asks the question, then moves the item to the bin
// (undoable) and goes back to the list.
func (s *splitTab) confirmRemove(question, what string, kind store.Kind, id string) tea.Cmd {
	return send(confirmMsg{question: question, yes: func() tea.Cmd {
		s.detail = false
		s.ws.remove(what, kind, id)
		s.reload()
		return nil
	}})
}

// splitTab is a list of items beside (or above) a form for the selected
// one: Evidence, Findings and Recommendations share it.
type splitTab struct {
	ws     *workspace
	l      list
	f      *form
	detail bool // the form has the keys
	w, h   int
	keys   splitKeys

	listTitle   func() string
	count       func() int
	row         func(i int) (text string, tone func(style.Styles) lipgloss.Style)
	selectable  func(i int) bool // headings in a grouped list are not
	idAt        func(i int) string
	buildDetail func(id string) []field
	emptyDetail string
	extra       func(msg tea.KeyPressMsg) (bool, tea.Cmd)
	extraKeys   func() []key.Binding
	// forget drops what a tab caches from the review (its rows) so
	// reload builds it again; nil when nothing is cached.
	forget  func()
	shownID string
}

func newSplitTab(ws *workspace) *splitTab {
	s := &splitTab{ws: ws, l: newList(), f: newForm(ws.e), keys: newSplitKeys()}
	s.f.changed = func() { s.keepShown(); s.syncDetail(true) }
	return s
}

// keepShown puts the cursor back on the item whose details are shown after
// the rows were rebuilt (a new link can move a finding to another group),
// so the focus always follows the item being edited.
func (s *splitTab) keepShown() {
	if s.shownID == "" || s.selectedID() == s.shownID {
		return
	}
	n := s.count()
	s.l.setLen(n)
	for i := 0; i < n; i++ {
		if s.idAt(i) == s.shownID {
			s.l.set(i)
			return
		}
	}
}

func (s *splitTab) selectedID() string {
	if s.l.cursor < 0 || s.l.cursor >= s.count() {
		return ""
	}
	return s.idAt(s.l.cursor)
}

// syncDetail rebuilds the form when the selection changed (or always).
func (s *splitTab) syncDetail(always bool) {
	id := s.selectedID()
	if id == s.shownID && !always {
		return
	}
	if id != s.shownID {
		s.f.focus, s.f.offset = 0, 0
	}
	s.shownID = id
	if id == "" {
		s.f.setFields(nil)
		return
	}
	s.f.setFields(s.buildDetail(id))
}

func (s *splitTab) reload() {
	if s.forget != nil {
		s.forget()
	}
	if s.f.editing {
		return
	}
	s.l.setLen(s.count())
	s.keepShown()
	s.skipHeadings(1)
	s.syncDetail(true)
}

// skipHeadings moves the cursor off rows that cannot be selected.
func (s *splitTab) skipHeadings(dir int) {
	if s.selectable == nil {
		return
	}
	n := s.count()
	i := s.l.cursor
	for i >= 0 && i < n && !s.selectable(i) {
		i += dir
	}
	if i < 0 || i >= n {
		i = s.l.cursor
		for i >= 0 && i < n && !s.selectable(i) {
			i -= dir
		}
	}
	if i >= 0 && i < n {
		s.l.set(i)
	}
}

func (s *splitTab) select_(id string) bool {
	n := s.count()
	for i := 0; i < n; i++ {
		if s.idAt(i) == id {
			s.l.set(i)
			s.syncDetail(false)
			return true
		}
	}
	return false
}

func (s *splitTab) geometry() panes {
	return paneSplit(s.w, s.h)
}

func (s *splitTab) resize(w, h int) {
	s.w, s.h = w, h
	p := s.geometry()
	s.l.setHeight(p.listH - 1)
	s.f.resize(p.detW, p.detH-1)
}

func (s *splitTab) typing() bool  { return s.f.editing }
func (s *splitTab) commit() error { return s.f.commit() }
func (s *splitTab) restyle()      { s.f.restyle() }

func (s *splitTab) escape() bool {
	if s.f.stopChoosing() {
		return true
	}
	if s.detail {
		s.detail = false
		return true
	}
	return false
}

func (s *splitTab) help() helpMap {
	if s.f.editing {
		return editHelp(s.f)
	}
	var extra []key.Binding
	if s.extraKeys != nil {
		extra = s.extraKeys()
	}
	if s.detail {
		short := []key.Binding{s.f.keys.Edit, s.keys.Back}
		if fl, ok := s.f.focused(); ok && fl.kind == fChoice {
			short = append(short, s.f.keys.CycleBack)
		}
		short = append(short, extra...)
		return helpMap{short: short, full: append(append(bindings(s.f.keys), s.keys.Back, newTypeKeys().InField), extra...)}
	}
	short := append([]key.Binding{s.keys.Open}, extra...)
	return helpMap{short: short, full: append(append(bindings(s.l.keys), s.keys.Open, newTypeKeys().InList), extra...)}
}

// roomy reports whether the field being typed is long text that does not
// fit the details pane, so the editor takes the whole tab.
func (s *splitTab) roomy() bool {
	fl, ok := s.f.focused()
	if !ok || !s.f.editing || !fl.multiline() {
		return false
	}
	p := s.geometry()
	if p.sideBySide && p.detH >= 16 {
		return false
	}
	return len(text.Wrap(s.f.area.Value(), s.f.valueW()))+2 > p.detH-3
}

// newKeyHint names the key that adds an item on this tab, for hints.
func (s *splitTab) newKeyHint() string {
	if s.extraKeys != nil {
		for _, b := range s.extraKeys() {
			if slices.Contains(b.Keys(), "ctrl+n") {
				return "ctrl+n to " + b.Help().Desc
			}
		}
	}
	return "ctrl+n to add one"
}

// focusDetail moves the keys to the form, on the field with the given id
// when there is one.
func (s *splitTab) focusDetail(fieldID string) {
	s.syncDetail(false)
	s.detail = true
	if fieldID != "" {
		s.f.focusID(fieldID)
	}
}

func (s *splitTab) update(msg tea.Msg) tea.Cmd {
	p := s.geometry()
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		m := msg.Mouse()
		if (p.sideBySide && m.X < p.listW) || (!p.sideBySide && m.Y < p.listH) {
			if s.f.commit() != nil {
				return nil
			}
			s.detail = false
			if s.l.click(m.Y - 1) {
				s.skipHeadings(1)
				s.syncDetail(false)
			}
			return nil
		}
		s.detail = true
		return s.f.click(m.Y - p.detY - 1)
	case tea.MouseWheelMsg:
		m := msg.Mouse()
		if (p.sideBySide && m.X < p.listW) || (!p.sideBySide && m.Y < p.listH) {
			s.l.update(msg)
			s.syncDetail(false)
			return nil
		}
		s.f.scroll(msg.Button)
		return nil
	case tea.KeyPressMsg:
		if !s.f.editing && s.extra != nil {
			if done, cmd := s.extra(msg); done {
				return cmd
			}
		}
		if s.detail {
			if !s.f.editing && !s.f.choosing && key.Matches(msg, s.keys.Back) {
				s.detail = false
				return nil
			}
			handled, cmd := s.f.update(msg)
			if !handled && (msg.String() == "tab" || msg.String() == "shift+tab") {
				// tab past the last field, or shift+tab before the
				// first, goes back to the list.
				s.detail = false
			}
			return cmd
		}
		if key.Matches(msg, s.keys.Open) {
			if s.selectedID() != "" {
				s.focusDetail("")
			}
			return nil
		}
		if typed(msg) != "" {
			// Text typed in a list is never a command: say where it can go.
			s.ws.e.note("Typing goes into a field: enter opens this item, or " + s.newKeyHint() + ".")
			return nil
		}
		before := s.l.cursor
		if s.l.update(msg) {
			dir := 1
			if s.l.cursor < before {
				dir = -1
			}
			s.skipHeadings(dir)
			s.syncDetail(false)
		}
		return nil
	case tea.PasteMsg:
		if s.f.editing {
			_, cmd := s.f.update(msg)
			return cmd
		}
	}
	return nil
}

func (s *splitTab) view(w, h int) string {
	if w != s.w || h != s.h {
		s.resize(w, h)
	}
	if s.roomy() {
		// Long text gets the whole tab while it is typed, so its start
		// never scrolls out of a short details pane.
		fl, _ := s.f.focused()
		head := s.ws.e.styles.Heading.Render(text.Truncate("Typing: "+text.OneLine(fl.label)+" (tab or esc when done)", w))
		return head + "\n" + s.f.view(w, h-1, true)
	}

	st := s.ws.e.styles
	p := s.geometry()
	s.l.setLen(s.count())
	lt := st.Heading
	if s.detail {
		lt = st.Muted
	}
	listLines := []string{lt.Render(text.Truncate(s.listTitle(), p.listW))}
	// The list marks its selected row with › only while it has the keys;
	// when the details or the tab line have them, the row whose details
	// are shown is underlined instead.
	listHasKeys := !s.detail && s.ws.tabHasKeys()
	body := s.l.view(p.listW, p.listH-1, func(i int, sel bool) string {
		line, tone := s.row(i)
		line = mark(sel && listHasKeys) + text.Truncate(line, p.listW-1)
		switch {
		case sel && listHasKeys:
			return st.Selected.Render(text.Pad(line, p.listW))
		case sel:
			return st.Editing.Render(line)
		case tone != nil:
			return tone(st).Render(line)
		}
		return st.Text.Render(line)
	})
	listLines = append(listLines, text.Lines(body)...)
	if s.count() == 0 {
		listLines[1] = st.Muted.Render(text.Truncate("Nothing yet: press ctrl+n to add.", p.listW))
	}
	dt := st.Muted
	if s.detail {
		dt = st.Heading
	}
	var detLines []string
	if s.selectedID() == "" {
		detLines = []string{dt.Render("Details"), st.Muted.Render(text.Truncate(s.emptyDetail, p.detW))}
	} else {
		hint := "details"
		if !s.detail {
			hint = "details (enter to change)"
		}
		detLines = append([]string{dt.Render(text.Truncate(hint, p.detW))}, text.Lines(s.f.view(p.detW, p.detH-1, s.detail && s.ws.tabHasKeys()))...)
	}
	if p.sideBySide {
		sep := st.Border.Render(" │ ")
		return strings.Join(text.Side(listLines, p.listW, sep, detLines, p.detW, h), "\n")
	}
	out := text.Box(listLines, w, p.listH)
	out = append(out, st.Border.Render(rule(w)))
	out = append(out, text.Box(detLines, w, p.detH)...)
	return strings.Join(text.Box(out, w, h), "\n")
}
