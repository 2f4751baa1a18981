package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// fieldKind says how a field is shown and edited.
type fieldKind int

const (
	fText    fieldKind = iota // one line of text
	fMulti                    // notes over several lines
	fLines                    // a list typed one item per line
	fDate                     // a date typed as text, checked on save
	fChoice                   // one of a few values, cycled with ←/→ or enter
	fAction                   // "+ add ...": enter starts typing a new item
	fHeading                  // a heading between groups; never focused
)

// field is one row of a form. Stages build fields as closures over the
// IDs of what they edit, so a field stays right after the review reloads.
type field struct {
	id    string // stable within the tab: "topic", "finding:ID"...
	label string
	kind  fieldKind
	get   func() string
	set   func(string) error // parse, save, and only then apply in memory
	add   func(string) (undo func() error, err error)
	// next, for an add, names the field to go on to once the new item is
	// saved (the new criterion's score, the next sub-point); nil or ""
	// goes on to the field after, as everywhere.
	next        func() string
	choices     []string
	placeholder string
	// enterSaves makes enter save a multi-line field and go on, as in a
	// one-line field (sub-points: one meaning of enter, new or old).
	enterSaves bool
	// ref is the item's number in the report ("F7"), shown before its value
	// and never part of what is typed.
	ref string
	// tone picks a style for the value (good practice, issue, warning).
	tone func(style.Styles) lipgloss.Style
	// check draws a choice as a tick box before the label across the whole
	// width ("[x] Shadowing the Hub"): for linking one item to others.
	check bool
}

func (f field) editable() bool {
	switch f.kind {
	case fText, fMulti, fLines, fDate, fAction:
		return true
	}
	return false
}

func (f field) multiline() bool { return f.kind == fMulti || f.kind == fLines }

func (f field) focusable() bool { return f.kind != fHeading }

// form is a scrollable column of fields with one focused. It saves a field
// when the user leaves it and reports success or failure on the status line.
type form struct {
	e       *env
	fields  []field
	focus   int
	offset  int
	editing bool
	input   textinput.Model
	area    textarea.Model
	keys    formKeys
	ekeys   editKeys
	w, h    int
	// changed is called after every successful save so the tab can
	// rebuild its fields (new items, new labels).
	changed func()
	cacheW  int
	cache   map[int][]string
	// goTo is the field an add asked to go on to, taken by the next move.
	goTo string
	// typeahead is what was typed on the focused choice field so far;
	// choosing is set by enter on a long choice, so letters pick from it.
	typeahead string
	choosing  bool
	// While a field is being typed: origin is its text when typing began
	// (what one ctrl+z goes back to), stored what the store holds now (the
	// last autosave), and seq counts edits so only the newest pause saves.
	origin, stored string
	seq            int
	// theirs is another writer's version of the field met by a save while
	// typing (conflict set); the commit offers it back (conflict.go).
	theirs   string
	conflict bool
}

func newForm(e *env) *form {
	f := &form{e: e, keys: newFormKeys(), ekeys: newEditKeys(), cache: map[int][]string{}}
	f.input = textinput.New()
	f.input.Prompt = ""
	f.area = textarea.New()
	f.area.ShowLineNumbers = false
	f.area.Prompt = ""
	f.area.MaxHeight = 0
	f.area.CharLimit = 0
	// A paste from a terminal without bracketed paste sends each line's
	// end as ctrl+j; it is a new line, not a lost character.
	f.area.KeyMap.InsertNewline.SetKeys("enter", "ctrl+m", "ctrl+j")
	// alt+letter and ctrl+t are the app's commands; a box that changed
	// the case of a word or swapped letters on them would surprise.
	for _, b := range []*key.Binding{&f.area.KeyMap.CapitalizeWordForward, &f.area.KeyMap.LowercaseWordForward,
		&f.area.KeyMap.UppercaseWordForward, &f.area.KeyMap.TransposeCharacterBackward} {
		b.SetEnabled(false)
	}
	f.restyle()
	return f
}

// restyle applies the theme to the text editors.
func (f *form) restyle() {
	f.input.SetStyles(inputStyles(f.e.styles))
	f.area.SetStyles(areaStyles(f.e.styles))
}

// inputStyles are the one-line editor's styles for a theme. Monochrome
// starts from nothing so no colour escape can slip in.
func inputStyles(s style.Styles) textinput.Styles {
	ts := textinput.DefaultStyles(s.Dark)
	if s.Mono {
		ts = textinput.Styles{}
	}
	ts.Focused.Text = s.Editing
	ts.Focused.Placeholder = s.Muted
	ts.Focused.Prompt = s.Key
	ts.Blurred.Text = s.Text
	ts.Blurred.Placeholder = s.Muted
	ts.Blurred.Prompt = s.Muted
	ts.Cursor.Blink = false // nothing on screen blinks
	return ts
}

func areaStyles(s style.Styles) textarea.Styles {
	as := textarea.DefaultStyles(s.Dark)
	if s.Mono {
		as = textarea.Styles{}
	}
	as.Focused.Text = s.Text
	as.Focused.CursorLine = s.Text
	as.Focused.Placeholder = s.Muted
	as.Blurred.Text = s.Text
	as.Blurred.Placeholder = s.Muted
	as.Cursor.Blink = false
	return as
}

// setFields replaces the fields, keeping focus on the same field id.
func (f *form) setFields(fs []field) {
	var cur string
	if f.focus < len(f.fields) {
		cur = f.fields[f.focus].id
	}
	f.fields = fs
	f.cache = map[int][]string{}
	f.focus = 0
	found := false
	for i, fl := range fs {
		if fl.id == cur {
			f.focus = i
			found = true
			break
		}
	}
	if !found {
		f.focus = min(f.focus, len(fs)-1)
	}
	f.skip(1)
	f.ensureVisible()
}

func (f *form) resize(w, h int) {
	if w != f.w {
		f.cache = map[int][]string{}
	}
	f.w, f.h = w, h
	f.sizeEditors()
	f.ensureVisible()
}

func (f *form) focused() (field, bool) {
	if f.focus < 0 || f.focus >= len(f.fields) {
		return field{}, false
	}
	return f.fields[f.focus], true
}

// focusID moves focus to the field with the given id.
func (f *form) focusID(id string) bool {
	for i, fl := range f.fields {
		if fl.id == id {
			if f.editing && i != f.focus && f.commit() != nil {
				return false
			}
			if i != f.focus {
				f.typeahead = ""
			}
			f.focus = i
			f.ensureVisible()
			return true
		}
	}
	return false
}

// skip moves focus off headings in direction dir.
func (f *form) skip(dir int) {
	for f.focus >= 0 && f.focus < len(f.fields) && !f.fields[f.focus].focusable() {
		f.focus += dir
	}
	if f.focus < 0 || f.focus >= len(f.fields) {
		f.focus = max(0, min(f.focus, len(f.fields)-1))
		if dir > 0 {
			f.skip(-1)
		} else if len(f.fields) > 0 && !f.fields[f.focus].focusable() {
			for i := range f.fields {
				if f.fields[i].focusable() {
					f.focus = i
					break
				}
			}
		}
	}
}

func (f *form) move(d int) bool {
	f.typeahead, f.choosing = "", false
	if id := f.goTo; id != "" {
		f.goTo = ""
		if f.focusID(id) {
			return true
		}
	}
	i := f.focus + d
	for i >= 0 && i < len(f.fields) && !f.fields[i].focusable() {
		i += d
	}
	if i < 0 || i >= len(f.fields) {
		return false
	}
	f.focus = i
	f.ensureVisible()
	return true
}

// layout geometry.
func (f *form) stacked() bool { return f.w < 56 }
func (f *form) labelW() int {
	if f.stacked() {
		return 0
	}
	return min(18, max(15, f.w/4))
}
func (f *form) valueW() int {
	if f.stacked() {
		return max(4, f.w-4)
	}
	return max(4, f.w-f.labelW()-3)
}

// valueLines are the wrapped, cleaned value of field i (cached per width).
func (f *form) valueLines(i int) []string {
	if f.cacheW != f.w {
		f.cache = map[int][]string{}
		f.cacheW = f.w
	}
	if ls, ok := f.cache[i]; ok {
		return ls
	}
	fl := f.fields[i]
	var ls []string
	switch {
	case fl.kind == fHeading, fl.kind == fAction:
		ls = []string{""}
	case fl.check:
		ls = text.Wrap(fl.get()+" "+text.OneLine(fl.label), max(4, f.w-4))
	default:
		v := ""
		if fl.get != nil {
			v = text.Clean(fl.get())
		}
		switch {
		case strings.TrimSpace(v) == "" && fl.ref == "":
			ls = nil
		case fl.kind == fLines:
			// Each item of a list is bulleted and wraps under itself, so
			// a long item never reads as two.
			for _, item := range strings.Split(v, "\n") {
				for j, l := range text.Wrap(item, max(2, f.valueW()-2)) {
					if j == 0 {
						ls = append(ls, "• "+l)
					} else {
						ls = append(ls, "  "+l)
					}
				}
			}
		case fl.ref != "":
			ls = text.Wrap(fl.ref+" "+v, f.valueW())
		default:
			ls = text.Wrap(v, f.valueW())
		}
	}
	f.cache[i] = ls
	return ls
}

// rowHeight is how many lines field i takes on screen.
func (f *form) rowHeight(i int) int {
	fl := f.fields[i]
	if fl.kind == fHeading {
		if i == 0 {
			return 1
		}
		return 2
	}
	n := len(f.valueLines(i))
	if f.editing && i == f.focus {
		if fl.multiline() {
			n = f.area.Height()
		} else {
			n = 1
		}
	}
	n = max(n, 1)
	if f.stacked() && !fl.check {
		n++
	}
	return n
}

func (f *form) rowStart(i int) int {
	y := 0
	for j := 0; j < i; j++ {
		y += f.rowHeight(j)
	}
	return y
}

func (f *form) ensureVisible() {
	if f.h <= 0 || len(f.fields) == 0 {
		return
	}
	top := f.rowStart(f.focus)
	bot := top + f.rowHeight(f.focus)
	// Keep a heading just above the focused field in view too.
	if f.focus > 0 && f.fields[f.focus-1].kind == fHeading && f.focus-1 >= 0 {
		top = f.rowStart(f.focus - 1)
	}
	if bot-f.offset > f.h {
		f.offset = bot - f.h
	}
	if top < f.offset {
		f.offset = top
	}
	f.offset = max(0, f.offset)
}

func (f *form) sizeEditors() {
	f.input.SetWidth(max(1, f.valueW()-1))
	f.area.SetWidth(max(2, f.valueW()))
	if fl, ok := f.focused(); ok && f.editing && fl.multiline() {
		lines := len(text.Wrap(f.area.Value(), f.valueW())) + 1
		f.area.SetHeight(max(3, min(lines, max(3, f.h-2))))
	}
}

// startEdit opens the editor on the focused field.
func (f *form) startEdit() tea.Cmd {
	fl, ok := f.focused()
	if !ok || !fl.editable() {
		return nil
	}
	if !f.e.writable() {
		return nil
	}
	f.editing = true
	v := ""
	if fl.get != nil {
		v = fl.get()
	}
	f.origin, f.stored = v, v
	f.theirs, f.conflict = "", false
	if fl.multiline() {
		f.area.SetValue(v)
		f.area.Placeholder = fl.placeholder
		f.sizeEditors()
		f.ensureVisible()
		return f.area.Focus()
	}
	f.input.SetValue(v)
	f.input.Placeholder = fl.placeholder
	f.input.CursorEnd()
	f.sizeEditors()
	f.ensureVisible()
	return f.input.Focus()
}

func (f *form) editorValue() string {
	fl, _ := f.focused()
	if fl.multiline() {
		v := f.area.Value()
		if fl.kind == fLines {
			var keep []string
			for _, l := range strings.Split(v, "\n") {
				if t := strings.TrimSpace(l); t != "" {
					keep = append(keep, t)
				}
			}
			return strings.Join(keep, "\n")
		}
		return strings.TrimRight(v, " \n")
	}
	return strings.TrimSpace(f.input.Value())
}

func (f *form) stopEdit() {
	f.editing = false
	f.input.Blur()
	f.area.Blur()
	f.ensureVisible()
}

// commit saves the field being edited. On failure the editor stays open
// with the user's text and the status line says why.
func (f *form) commit() error {
	if !f.editing {
		return nil
	}
	fl, ok := f.focused()
	if !ok {
		f.stopEdit()
		return nil
	}
	v := f.editorValue()
	if fl.kind == fAction {
		if v == "" {
			f.stopEdit()
			return nil
		}
		var undo func() error
		err := f.e.do("add "+strings.TrimPrefix(fl.label, "+ add "), func() error {
			u, err := fl.add(v)
			undo = u
			return err
		}, func() error {
			if undo == nil {
				return nil
			}
			return undo()
		})
		if err != nil {
			return err
		}
		f.stopEdit()
		f.notify()
		if fl.next != nil {
			f.goTo = fl.next()
		}
		return nil
	}
	origin, cur := f.origin, f.stored
	if v == origin && cur == origin {
		if f.e.statusErr {
			// An earlier failed try of this field is no longer true.
			f.e.note(lowerFirst(fl.label) + " not changed")
		}
		f.stopEdit()
		return nil
	}
	set := fl.set
	label := lowerFirst(fl.label)
	err := f.e.do("save "+label, func() error {
		theirs, conflict, err := saveOver(fl, cur, v)
		if conflict {
			f.theirs, f.conflict = theirs, true
		}
		return err
	}, nil)
	if err != nil {
		return err
	}
	// One undo step for the whole time the field was typed in, however many
	// pauses saved it on the way; after meeting another version, the step
	// brings that version back instead.
	switch {
	case f.conflict && f.theirs != v:
		theirs := f.theirs
		f.e.pushUndo("save "+label, undoIfStill(fl, v, func() error { return set(theirs) }))
		f.e.note(keptYours(label, theirs))
	case v != origin:
		f.e.pushUndo("save "+label, undoIfStill(fl, v, func() error { return set(origin) }))
	}
	f.stored = v
	f.stopEdit()
	f.notify()
	return nil
}

// autosaveMsg arrives a short pause after a key was typed in a field; the
// root model hands it to the form that asked for it.
type autosaveMsg struct {
	f   *form
	seq int
}

// afterTyping asks for an autosave once typing has paused, so a power cut
// or a closed lid loses at most that pause's worth of typing.
func (f *form) afterTyping() tea.Cmd {
	d := f.e.autosave
	fl, ok := f.focused()
	if d <= 0 || !ok || (fl.kind != fText && fl.kind != fMulti && fl.kind != fLines) {
		return nil
	}
	f.seq++
	seq := f.seq
	return tea.Tick(d, func(time.Time) tea.Msg { return autosaveMsg{f: f, seq: seq} })
}

// autosave saves the text being typed without closing the editor. It adds
// no undo step: the field's commit adds one for the whole typing session.
// A failure says why on the status line and keeps the typing.
func (f *form) autosave(seq int) {
	if !f.editing || seq != f.seq || f.e.readOnly {
		return
	}
	fl, ok := f.focused()
	if !ok || fl.set == nil || fl.kind == fAction || fl.kind == fDate {
		return
	}
	v := f.editorValue()
	if v == f.stored || v == "" {
		// A field cleared to be typed again is not worth saving empty.
		return
	}
	theirs, conflict, err := saveOver(fl, f.stored, v)
	if err != nil {
		f.e.fail("save "+lowerFirst(fl.label), err)
		return
	}
	if conflict {
		f.theirs, f.conflict = theirs, true
	}
	f.stored = v
	f.e.saved()
}

func (f *form) notify() {
	f.cache = map[int][]string{}
	if f.changed != nil {
		f.changed()
	}
	f.ensureVisible()
}

// cycle moves a choice field to the next (d=1) or previous (d=-1) value
// and saves it at once.
func (f *form) cycle(d int) {
	fl, ok := f.focused()
	if !ok || fl.kind != fChoice || len(fl.choices) == 0 {
		return
	}
	if !f.e.writable() {
		return
	}
	old := fl.get()
	i := 0
	for j, c := range fl.choices {
		if c == old {
			i = j
		}
	}
	f.choose(fl.choices[(i+d+len(fl.choices))%len(fl.choices)])
}

// choose saves next as the focused choice field's value, undoably.
func (f *form) choose(next string) {
	fl, _ := f.focused()
	old := fl.get()
	set := fl.set
	if f.e.do("save "+lowerFirst(fl.label), func() error { return set(next) },
		undoIfStill(fl, next, func() error { return set(old) })) == nil {
		f.notify()
	}
}

// update handles a message; handled is false when the form did not use it
// (so the tab can, e.g. tab out of the last field into another pane).
func (f *form) update(msg tea.Msg) (handled bool, cmd tea.Cmd) {
	if f.editing {
		return true, f.updateEditing(msg)
	}
	if km, ok := msg.(tea.KeyPressMsg); ok && f.choosing {
		switch km.String() {
		case "enter", "esc":
			f.choosing = false
			f.e.note("")
			return true, nil
		}
		if typed(km) != "" {
			return true, f.typeInto(km)
		}
		if !key.Matches(km, f.keys.Cycle, f.keys.CycleBack) {
			f.choosing = false
		}
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := f.keys
		switch {
		case key.Matches(msg, k.Up):
			return f.move(-1), nil
		case key.Matches(msg, k.Down):
			return f.move(1), nil
		case key.Matches(msg, k.Prev):
			return f.move(-1), nil
		case key.Matches(msg, k.Next):
			return f.move(1), nil
		case key.Matches(msg, k.PageUp):
			for i := 0; i < max(1, f.h/3); i++ {
				f.move(-1)
			}
			return true, nil
		case key.Matches(msg, k.PageDown):
			for i := 0; i < max(1, f.h/3); i++ {
				f.move(1)
			}
			return true, nil
		case key.Matches(msg, k.First):
			f.focus = 0
			f.skip(1)
			f.ensureVisible()
			return true, nil
		case key.Matches(msg, k.Last):
			f.focus = len(f.fields) - 1
			f.skip(-1)
			f.ensureVisible()
			return true, nil
		case key.Matches(msg, k.Edit):
			fl, ok := f.focused()
			if !ok {
				return false, nil
			}
			if fl.kind == fChoice && !fl.check && len(fl.choices) > 2 {
				// Letters pick from a long list only once asked to: a
				// sentence typed on the field must never change it.
				f.choosing, f.typeahead = true, ""
				f.e.note(text.OneLine(fl.label) + ": type the first letters of a choice, or ←/→; enter when done")
				return true, nil
			}
			if fl.kind == fChoice {
				f.cycle(1)
				return true, nil
			}
			return true, f.startEdit()
		case key.Matches(msg, k.Cycle):
			if fl, ok := f.focused(); ok && fl.kind == fChoice {
				f.cycle(1)
				return true, nil
			}
			if typed(msg) != "" {
				return true, f.typeInto(msg)
			}
			return false, nil
		case key.Matches(msg, k.CycleBack):
			if fl, ok := f.focused(); ok && fl.kind == fChoice {
				f.cycle(-1)
				return true, nil
			}
			return false, nil
		}
	case tea.MouseWheelMsg:
		f.scroll(msg.Button)
		return true, nil
	}
	if km, ok := msg.(tea.KeyPressMsg); ok && typed(km) != "" {
		// Typing on a selected field types into it, like writing on a
		// paper form; it is never a command, whatever the letter.
		return true, f.typeInto(km)
	}
	return false, nil
}

// typeInto starts typing in the focused field with the key that was
// pressed. A choice jumps to the next choice starting with that letter; a
// tick box or a heading says how it is changed instead.
func (f *form) typeInto(km tea.KeyPressMsg) tea.Cmd {
	fl, ok := f.focused()
	if !ok {
		return nil
	}
	if fl.editable() {
		cmd := f.startEdit()
		if !f.editing {
			return cmd
		}
		if fl.kind == fLines && strings.TrimSpace(f.area.Value()) != "" {
			// A list takes one item per line: typing starts the next item.
			f.area.CursorEnd()
			f.area.InsertString("\n")
		}
		return tea.Batch(cmd, f.updateEditing(km))
	}
	if fl.kind == fChoice && !fl.check {
		if f.choosing {
			if !f.chooseByLetter(typed(km)) {
				f.e.note("no choice starts with that: " + strings.Join(fl.choices, ", "))
			}
			return nil
		}
		hint := "←/→ to change it"
		if len(fl.choices) > 2 {
			hint = "enter, then its first letters, or ←/→ to change it"
		}
		f.e.note(text.OneLine(fl.label) + " is a choice, not text: " + hint + ".")
		return nil
	}
	f.e.note("enter ticks or unticks this; typing goes into a text field")
	return nil
}

// stopChoosing ends picking from a long choice (esc); false when it was
// not picking, so esc can step back as usual.
func (f *form) stopChoosing() bool {
	if !f.choosing {
		return false
	}
	f.choosing = false
	f.e.note("")
	return true
}

// chooseByLetter moves a choice field to the choice that starts with what
// was typed on it: "co" picks consultation, where "c" alone goes round the
// choices starting with c.
func (f *form) chooseByLetter(letter string) bool {
	fl, _ := f.focused()
	cur := fl.get()
	start := slices.Index(fl.choices, cur)
	find := func(prefix string, from int) (string, bool) {
		for n := from; n <= len(fl.choices); n++ {
			c := fl.choices[(start+n+len(fl.choices))%len(fl.choices)]
			if strings.HasPrefix(strings.ToLower(c), prefix) {
				return c, true
			}
		}
		return "", false
	}
	letter = strings.ToLower(letter)
	c, ok := find(f.typeahead+letter, 0)
	if ok && f.typeahead != "" {
		f.typeahead += letter
	} else if c, ok = find(letter, 1); ok {
		f.typeahead = letter
	}
	if !ok {
		f.typeahead = ""
		return false
	}
	if c != cur {
		f.choose(c)
	}
	return true
}

func (f *form) scroll(b tea.MouseButton) {
	total := f.rowStart(len(f.fields))
	switch b {
	case tea.MouseWheelUp:
		f.offset = max(0, f.offset-3)
	case tea.MouseWheelDown:
		f.offset = max(0, min(f.offset+3, total-f.h))
	}
}

func (f *form) updateEditing(msg tea.Msg) tea.Cmd {
	fl, _ := f.focused()
	if km, ok := msg.(tea.KeyPressMsg); ok {
		k := f.ekeys
		switch {
		case key.Matches(km, k.Discard):
			// Only text this copy saved is put back, never another
			// writer's version met while typing.
			putBack := f.stored != f.origin && fl.set != nil && (fl.get == nil || fl.get() == f.stored)
			if putBack {
				// A pause already saved some of it: put the text back as it
				// was before typing began.
				if err := fl.set(f.origin); err != nil {
					f.e.fail("put back "+lowerFirst(fl.label), err)
					return nil
				}
				f.stored = f.origin
			}
			f.stopEdit()
			if putBack {
				f.notify()
			}
			f.e.note("typing forgotten; the saved text is back")
			return nil
		case key.Matches(km, k.Today) && fl.kind == fDate:
			f.input.SetValue(review.FromTime(f.e.now()).Short())
			f.input.CursorEnd()
			return f.afterTyping()
		case key.Matches(km, k.Done), key.Matches(km, k.Save):
			_ = f.commit()
			return nil
		case key.Matches(km, k.NextField):
			if f.commit() == nil {
				f.move(1)
			}
			return nil
		case key.Matches(km, k.PrevField):
			if f.commit() == nil {
				f.move(-1)
			}
			return nil
		}
		if !fl.multiline() {
			// A one-line field is a line on a paper form: enter and ↓ go
			// on to the next one, ↑ back to the one before.
			switch km.String() {
			case "enter", "down":
				if f.commit() == nil {
					f.move(1)
				}
				return nil
			case "up":
				if f.commit() == nil {
					f.move(-1)
				}
				return nil
			}
		} else if fl.enterSaves && km.String() == "enter" {
			if f.commit() == nil {
				f.move(1)
			}
			return nil
		} else if f.atEdge(km.String()) {
			// ↓ on the last line of a long field, or ↑ on its first, goes
			// on to the next or previous field.
			if f.commit() == nil {
				if km.String() == "up" {
					f.move(-1)
				} else {
					f.move(1)
				}
			}
			return nil
		}
	}
	if _, ok := msg.(tea.MouseMsg); ok {
		return nil
	}
	var cmd tea.Cmd
	before := f.editorValue()
	if fl.multiline() {
		f.area, cmd = f.area.Update(msg)
		before := f.area.Height()
		f.sizeEditors()
		if f.area.Height() != before {
			f.ensureVisible()
		}
	} else {
		f.input, cmd = f.input.Update(msg)
	}
	if f.editorValue() != before {
		// Only a change of text starts the pause; moving the cursor does not.
		return tea.Batch(cmd, f.afterTyping())
	}
	return cmd
}

// hidden counts the lines of field i's text above and below the editor's
// window while it is being typed; zero when it all shows.
func (f *form) hidden(i int) (above, below int) {
	fl := f.fields[i]
	if !f.editing || i != f.focus || !fl.multiline() {
		return 0, 0
	}
	total := len(text.Wrap(f.area.Value(), max(1, f.area.Width())))
	above = f.area.ScrollYOffset()
	below = max(0, total-above-f.area.Height())
	return above, below
}

// atEdge reports whether key k would leave the multi-line editor: ↓ on
// its last line or ↑ on its first.
func (f *form) atEdge(k string) bool {
	switch k {
	case "down":
		return f.area.Line() >= f.area.LineCount()-1 && f.area.LineInfo().RowOffset >= f.area.LineInfo().Height-1
	case "up":
		return f.area.Line() == 0 && f.area.LineInfo().RowOffset == 0
	}
	return false
}

// click focuses the field at line y of the form (0 = first visible line);
// a click on the field that already has focus edits or cycles it.
func (f *form) click(y int) tea.Cmd {
	line := f.offset + y
	acc := 0
	for i := range f.fields {
		h := f.rowHeight(i)
		if line < acc+h {
			if !f.fields[i].focusable() {
				return nil
			}
			if f.editing {
				if i == f.focus {
					return nil
				}
				if f.commit() != nil {
					return nil
				}
			}
			if i == f.focus {
				if f.fields[i].kind == fChoice {
					f.cycle(1)
					return nil
				}
				return f.startEdit()
			}
			f.focus = i
			f.ensureVisible()
			return nil
		}
		acc += h
	}
	return nil
}

// view draws the visible part of the form, exactly w x h.
func (f *form) view(w, h int, active bool) string {
	if w != f.w || h != f.h {
		f.resize(w, h)
	}
	s := f.e.styles
	var out []string
	acc := 0
	end := f.offset + h
	for i := range f.fields {
		if acc >= end {
			break
		}
		rh := f.rowHeight(i)
		if acc+rh <= f.offset {
			acc += rh
			continue
		}
		lines := f.renderRow(i, active, s)
		for j, l := range lines {
			if y := acc + j; y >= f.offset && y < end {
				out = append(out, l)
			}
		}
		acc += rh
	}
	if len(f.fields) == 0 {
		out = append(out, s.Muted.Render("nothing here yet"))
	}
	return strings.Join(text.Box(out, w, h), "\n")
}

func (f *form) renderRow(i int, active bool, s style.Styles) []string {
	fl := f.fields[i]
	focused := i == f.focus && active
	if fl.kind == fHeading {
		h := s.Heading.Render(text.Truncate(text.OneLine(fl.label), f.w))
		if i == 0 {
			return []string{h}
		}
		return []string{"", h}
	}
	marker := "  "
	if focused {
		marker = s.Selected.Render("›") + " "
	}
	label := text.OneLine(fl.label)
	var vals []string
	switch {
	case f.editing && i == f.focus:
		if fl.multiline() {
			vals = text.Lines(f.area.View())
		} else {
			vals = []string{f.input.View()}
		}
	case fl.kind == fAction:
		label = ""
		txt := fl.label
		if focused {
			vals = []string{s.Selected.Render(txt)}
		} else {
			vals = []string{s.Key.Render(txt)}
		}
	default:
		vs := f.valueLines(i)
		if len(vs) == 0 {
			hint := text.OrEmpty(fl.placeholder, "(empty)")
			vals = []string{s.Muted.Render(text.Truncate(hint, f.valueW()))}
		} else {
			st := s.Text
			if fl.tone != nil {
				st = fl.tone(s)
			}
			vals = make([]string, len(vs))
			for j, v := range vs {
				vals[j] = st.Render(v)
			}
			if fl.kind == fChoice && focused {
				vals[0] += s.Muted.Render("  ‹ ›")
			}
		}
	}
	ls := s.Label
	if focused {
		ls = s.Selected
	}
	if fl.check {
		vs := f.valueLines(i)
		st := s.Text
		if fl.tone != nil {
			st = fl.tone(s)
		}
		if focused {
			st = s.Selected
		}
		out := make([]string, len(vs))
		for j, v := range vs {
			if j == 0 {
				out[j] = marker + st.Render(v)
			} else {
				out[j] = "      " + st.Render(v)
			}
		}
		return out
	}
	if f.stacked() {
		out := []string{marker + ls.Render(text.Truncate(label, f.w-2))}
		if fl.kind == fAction {
			out = []string{marker + vals[0]}
			return out
		}
		for _, v := range vals {
			out = append(out, "    "+v)
		}
		return out
	}
	lw := f.labelW()
	above, below := f.hidden(i)
	out := make([]string, 0, len(vals))
	for j, v := range vals {
		switch {
		case j == 0:
			lab := text.Pad(text.Truncate(label, lw), lw)
			if label != "" {
				lab = ls.Render(lab)
			}
			out = append(out, marker+lab+" "+v)
		case j == 1 && above > 0:
			// Long text being typed says what is out of sight.
			out = append(out, "  "+s.Muted.Render(text.Pad(fmt.Sprintf("↑ %d more", above), lw))+" "+v)
		case j == len(vals)-1 && below > 0:
			out = append(out, "  "+s.Muted.Render(text.Pad(fmt.Sprintf("↓ %d more", below), lw))+" "+v)
		default:
			out = append(out, "  "+strings.Repeat(" ", lw)+" "+v)
		}
	}
	return out
}

// datePlaceholder shows in an empty date field: dates start blank, so the
// report never states a day nobody chose.
const datePlaceholder = "not set: type a date such as 2 May 2019, or today"

// labelled is a domain value shown by its label (a level, a decision...).
type labelled interface {
	comparable
	Label() string
}

// labels are the choices of a field for one of the domain's lists: none
// first, then every value, each by its label.
func labels[T labelled](none T, all []T) []string {
	out := []string{none.Label()}
	for _, v := range all {
		out = append(out, v.Label())
	}
	return out
}

// fromLabel is the value whose label is s; none when no value has it.
func fromLabel[T labelled](s string, none T, all []T) T {
	for _, v := range all {
		if v.Label() == s {
			return v
		}
	}
	return none
}

// lowerFirst puts a field's label into a sentence: "save end date", but
// "save Helen Brierley" when the label is a name (its next word also
// starts with a capital).
func lowerFirst(s string) string {
	fs := strings.Fields(s)
	if len(fs) > 1 && fs[1] != "" && unicode.IsUpper([]rune(fs[1])[0]) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
