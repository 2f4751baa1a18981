// Package ui is the terminal app: one root model that owns focus and layout,
// screens and tabs that are plain structs drawing into the size they are
// given, and one set of semantic styles. ARCHITECTURE.md sets out
// the rules (the save gate, what Update and View may do).
package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"scrutiny/review/example"
	"scrutiny/store"
	"scrutiny/ui/present"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// Options choose how the app starts.
type Options struct {
	// Theme names a theme ("dark", "light", "monochrome"...); empty follows
	// the terminal's background and NO_COLOR.
	Theme string
	// ReadOnly shows everything and changes nothing.
	ReadOnly bool
	// ReviewID opens that review straight away.
	ReviewID string
	// Now gives the clock for the status line; nil means time.Now.
	Now func() time.Time
	// ExportDir is where reports and minutes named without a folder are
	// written; empty means the folder the app was started in.
	ExportDir string
	// AutosaveAfter is the pause in typing after which the field being
	// typed is saved; zero means two seconds, below zero never.
	AutosaveAfter time.Duration
}

// defaultAutosave: a power cut loses at most this much typing.
const defaultAutosave = 2 * time.Second

// Minimum window size; below it the app shows one line asking for more room.
const (
	minW = 60
	minH = 20
)

// Run shows the app until the user quits or ctx is cancelled.
func Run(ctx context.Context, st *store.Store, opts Options) error {
	if opts.Theme != "" && !style.Known(opts.Theme) {
		return fmt.Errorf("there is no theme called %q: use %s", opts.Theme, strings.Join(style.Names(), ", "))
	}
	m := New(st, opts)
	// The first frame is drawn before Bubble Tea's window size message is
	// handled: drawn at the terminal's size, it is the right one rather
	// than an 80x24 frame redrawn a moment later.
	if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 && h > 0 {
		m.w, m.h = w, h
		m.resize()
		m.laidOut = true
	}
	// Saves must still work while the app closes because ctx ended.
	m.e.ctx = context.WithoutCancel(ctx)
	// Bubble Tea's own handler would quit on SIGTERM before the field being
	// typed is saved; stopOnSignal saves first.
	//
	// The renderer (ui/third_party/bubbletea) draws a new frame at once when
	// it has been quiet, so a key or the first frame waits for no tick;
	// while frames keep coming it draws at most 120 a second (Bubble Tea's
	// most), and a tick with nothing new stops it, so an idle app never
	// wakes for it.
	out := newFrameWatch(os.Stdout)
	m.e.firstFrame = out.drawn
	p := tea.NewProgram(m, tea.WithOutput(out), tea.WithoutSignalHandler(), tea.WithFPS(120))
	done := make(chan struct{})
	defer close(done)
	go stopOnSignal(ctx, p, done)
	_, err := p.Run()
	_ = m.e.pub.Flush() // the wall ends where the editor was
	if m.fault != nil {
		return m.fault
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		// A fault in a command's goroutine: Bubble Tea caught it and
		// restored the terminal; the model is still here to save from.
		f := &FaultError{Value: "a background task failed"}
		f.Saved = m.saveTyping()
		return f
	}
	if errors.Is(err, tea.ErrProgramKilled) {
		return nil
	}
	return err
}

// stopMsg asks the app to save what is being typed and quit.
type stopMsg struct{}

// stopOnSignal turns ctx ending (ctrl+c sent from outside) and the
// signals a closing terminal or shutdown sends (SIGTERM, SIGHUP; on Windows
// closing the console window, logging off and shutting down arrive as
// SIGTERM) into a save and a clean quit. If the app cannot finish within a
// few seconds it is stopped anyway.
func stopOnSignal(ctx context.Context, p *tea.Program, done <-chan struct{}) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sig)
	select {
	case <-done:
		return
	case <-ctx.Done():
	case <-sig:
	}
	p.Send(stopMsg{})
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		p.Kill()
	}
}

// screen is a full-window screen: welcome, home or a review's workspace.
type screen interface {
	update(msg tea.Msg) tea.Cmd
	view(w, h int) string
	resize(w, h int)
	// typing reports that keys go to a text field: "q" and "?" type.
	typing() bool
	// commit saves whatever the user is typing; nil when nothing is pending.
	commit() error
	help() helpMap
	restyle()
}

type screenID int

const (
	scrWelcome screenID = iota
	scrHome
	scrWorkspace
	scrDamaged
)

// Model is the root of the app.
type Model struct {
	e        *env
	opts     Options
	w, h     int
	screen   screenID
	welcome  *welcomeScreen
	home     *homeScreen
	ws       *workspace
	help     help.Model
	footer   footerCache
	keys     globalKeys
	showHelp bool
	// helpOffset is how far the help screen is scrolled.
	helpOffset int
	mouse      bool
	confirm    *confirmMsg
	// quitArmed is set when a save failed on quitting: a second ctrl+c
	// leaves anyway.
	quitArmed  bool
	themeFixed bool
	// askingBackground is set from asking the terminal for its background
	// until it answers (or the first follow tick, a second later, for a
	// terminal that never does): meanwhile the theme's page colours are not
	// set, so the answer is the terminal's own colour, not the theme's.
	askingBackground bool
	quitting         bool
	room             roomState // presentation mode (room.go)
	// seenVersion is the store's data version the window last showed
	// (follow.go).
	seenVersion int64
	// fault is the panic the app stopped for (fault.go).
	fault *FaultError
	// damaged is the screen shown once the file is found damaged.
	damaged *damagedScreen
	// retrying is set while a retry of a busy save is on its way.
	retrying bool
	// sameFrame is set by a message that changed nothing on screen, so View
	// gives frame, the last one drawn, again (fault.go).
	sameFrame bool
	frame     *tea.View
	// laidOut is set once the screens are laid out at m.w x m.h.
	laidOut bool
}

// New builds the app on an open store. It reads the list of reviews (and
// opens opts.ReviewID) so the first frame is complete; the reviews' action
// plans are read by Init's command, after it.
func New(st *store.Store, opts Options) *Model {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	theme := opts.Theme
	if theme == "" {
		theme = rememberedTheme(st)
	}
	fixed := theme != ""
	if !fixed {
		theme = style.Auto(true)
	}
	e := &env{ctx: context.Background(), st: st, pub: present.NewPublisher(st),
		loadExample: func(ctx context.Context, st *store.Store) (string, error) { return example.Load(ctx, st) }, styles: style.New(theme), now: now,
		readOnly: opts.ReadOnly || (st != nil && st.ReadOnly()), autosave: opts.AutosaveAfter, exportDir: opts.ExportDir}
	if e.autosave == 0 {
		e.autosave = defaultAutosave
	}
	m := &Model{e: e, opts: opts, help: help.New(), keys: newGlobalKeys(), mouse: true,
		themeFixed: fixed || style.NoColor(), w: 80, h: 24}
	m.help.Styles = e.styles.Help
	if st != nil {
		// Taken before anything is read, so a change committed elsewhere
		// while the first screen loads is followed, not missed.
		m.seenVersion, _ = version(e.ctx, st, e.readOnly)
	}
	m.welcome = newWelcome(e)
	m.home = newHome(e)
	m.home.loadList()
	switch {
	case opts.ReviewID != "":
		if err := m.openReview(opts.ReviewID); err != nil {
			e.fail("open the review", err)
			m.screen = scrHome
		}
	case len(m.home.all) == 0 && len(m.home.bin) == 0:
		m.screen = scrWelcome
	default:
		m.screen = scrHome
	}
	switch {
	case st != nil && st.ReadOnlyReason() != "":
		e.note("Read only: " + st.ReadOnlyReason() + ".")
	case e.readOnly:
		e.note("Read only: another copy of scrutiny is editing this file. Look here, change things there.")
	}
	if st != nil && st.Damaged() {
		// Reading the list already met the damage: never the welcome
		// screen of an empty file.
		m.showDamaged(nil)
	}
	return m
}

// Init reads what the first frame left out, checks the whole file, starts
// following other writers and asks the terminal for its background so the
// theme can follow it. The action plans are read before the file is
// checked: both use the store's one connection, and the check takes longer.
func (m *Model) Init() tea.Cmd {
	follow := tea.Batch(m.followTick(), tea.Sequence(m.home.progressCmd(), checkSound(m.e.ctx, m.e.st)))
	if m.themeFixed {
		return follow
	}
	m.askingBackground = true
	return tea.Batch(tea.RequestBackgroundColor, follow)
}

func (m *Model) current() screen {
	switch m.screen {
	case scrWelcome:
		return m.welcome
	case scrDamaged:
		return m.damaged
	case scrWorkspace:
		if m.ws != nil {
			return m.ws
		}
	}
	return m.home
}

// refresh lets the open tab start what a new size or theme needs (the
// Report tab draws its preview again), rather than wait for the next key.
func (m *Model) refresh() tea.Cmd {
	if m.screen == scrWorkspace && m.ws != nil {
		return m.ws.refresh()
	}
	return nil
}

// SetTheme switches every style to the named theme.
func (m *Model) SetTheme(name string) {
	m.e.styles = style.New(name)
	m.help.Styles = m.e.styles.Help
	m.footer = footerCache{}
	m.welcome.restyle()
	m.home.restyle()
	if m.ws != nil {
		m.ws.restyle()
	}
}

func (m *Model) bodyHeight() int { return m.h - 1 - m.statusLines() }

func (m *Model) statusLines() int {
	if text.Width(m.e.status) > m.w && m.e.statusErr {
		return 2
	}
	return 1
}

func (m *Model) resize() {
	if m.w < minW || m.h < minH {
		return
	}
	m.help.SetWidth(m.w)
	bh := m.bodyHeight()
	m.welcome.resize(m.w, bh)
	m.home.resize(m.w, bh)
	if m.ws != nil {
		m.ws.resize(m.w, bh)
	}
}

func (m *Model) openReview(id string) error {
	ws, err := newWorkspace(m.e, id)
	if err != nil {
		return err
	}
	m.ws = ws
	m.e.enterScope(id)
	m.screen = scrWorkspace
	m.resize()
	return nil
}

// quit saves what is being typed, then leaves. If the save fails the app
// stays, showing why; ctrl+c again leaves anyway.
func (m *Model) quit(force bool) tea.Cmd {
	if err := m.current().commit(); err != nil && !force && !m.quitArmed {
		m.quitArmed = true
		m.e.complain(m.e.status + " — fix it, or press ctrl+c again to leave without saving it.")
		return nil
	}
	m.quitting = true
	return tea.Quit
}

// update handles one message.
func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer m.roomAfterUpdate()
	// A message asking for something done by this update goes.
	defer m.e.clearStale(false)
	switch msg := msg.(type) {
	case autosaveMsg:
		msg.f.autosave(msg.seq)
		return m, nil
	case followMsg:
		return m, m.follow(msg)
	case progressMsg:
		m.home.gotProgress(msg)
		return m, nil
	case busyRetryMsg:
		m.retryBusy()
		return m, nil
	case soundMsg:
		if msg.damaged {
			m.showDamaged(msg.problems)
			// A read may have shown the screen first, with less to say.
			m.damaged.problems = msg.problems
		}
		return m, nil
	case stopMsg:
		// The system is closing the app (SIGTERM, SIGHUP, the window or
		// the laptop closing): save what is being typed and leave.
		return m, m.quit(true)
	}
	if cmd, ok := m.roomUpdate(msg); ok {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if m.laidOut && msg.Width == m.w && msg.Height == m.h {
			// The size Bubble Tea sends at start, which Run laid out.
			m.sameFrame = true
			return m, nil
		}
		m.w, m.h = msg.Width, msg.Height
		m.resize()
		m.laidOut = true
		return m, m.refresh()
	case tea.ColorProfileMsg, tea.EnvMsg:
		// Bubble Tea's news at start: nothing drawn depends on it (colours
		// are given in full and Bubble Tea converts them for the terminal).
		m.sameFrame = true
		return m, nil
	case tea.BackgroundColorMsg:
		m.askingBackground = false
		if !m.themeFixed {
			m.SetTheme(style.Auto(msg.IsDark()))
		}
		return m, m.refresh()
	case openReviewMsg:
		if err := m.current().commit(); err != nil {
			return m, nil
		}
		m.e.clearStale(true)
		if err := m.openReview(msg.id); err != nil {
			m.e.fail("open the review", err)
		}
		return m, nil
	case goHomeMsg:
		if err := m.current().commit(); err != nil {
			return m, nil
		}
		m.e.clearStale(true)
		m.home.load()
		m.ws = nil
		m.e.enterScope("")
		m.screen = scrHome
		if len(m.home.all) == 0 && len(m.home.bin) == 0 {
			m.screen = scrWelcome
		}
		m.resize()
		return m, nil
	case confirmMsg:
		c := msg
		m.confirm = &c
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		if m.confirm != nil || m.showHelp || !m.mouse {
			return m, nil
		}
		return m, m.current().update(msg)
	}
	return m, m.current().update(msg)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if msg.String() != "ctrl+c" {
		m.quitArmed = false
	}
	if m.confirm != nil {
		switch msg.String() {
		case "y", "Y", "enter":
			c := m.confirm
			m.confirm = nil
			return c.yes()
		case "n", "N", "esc", "q":
			m.confirm = nil
			m.e.note("nothing changed")
		case "ctrl+c":
			m.confirm = nil
			return m.quit(false)
		}
		return nil
	}
	if msg.String() == "ctrl+c" {
		return m.quit(m.quitArmed)
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m.quit(false)
		case msg.String() == "esc", key.Matches(msg, m.keys.Help):
			m.showHelp = false
		case msg.String() == "down":
			m.helpOffset++
		case msg.String() == "up":
			m.helpOffset = max(0, m.helpOffset-1)
		case msg.String() == "pgdown", msg.String() == "space":
			m.helpOffset += max(1, m.bodyHeight()-4)
		case msg.String() == "pgup":
			m.helpOffset = max(0, m.helpOffset-max(1, m.bodyHeight()-4))
		}
		return nil
	}
	if key.Matches(msg, m.keys.Mouse) {
		m.mouse = !m.mouse
		if m.mouse {
			m.e.note("mouse on: click and scroll; ctrl+o turns it off to copy text")
		} else {
			m.e.note("mouse off: the terminal can select and copy text; ctrl+o turns it back on")
		}
		return nil
	}
	cur := m.current()
	// Quit and help are ctrl and F keys, so they work while typing too.
	switch {
	case key.Matches(msg, m.keys.Quit):
		return m.quit(false)
	case key.Matches(msg, m.keys.Help):
		m.showHelp, m.helpOffset = true, 0
		return nil
	}
	if !cur.typing() {
		switch {
		case key.Matches(msg, m.keys.Undo):
			if m.e.undoLast() && m.ws != nil && m.screen == scrWorkspace {
				if err := m.ws.reload(); err != nil {
					// The undone change was the review's creation.
					return send(goHomeMsg{})
				}
			}
			if m.screen != scrWorkspace {
				m.home.load()
			}
			return nil
		}
	}
	return cur.update(msg)
}

// view draws the whole window.
func (m *Model) view() tea.View {
	var v tea.View
	v.AltScreen = true
	v.WindowTitle = "scrutiny"
	if m.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	if p := m.e.styles.Palette; p.Back != nil && (!m.askingBackground || m.themeFixed) {
		v.BackgroundColor = p.Back
		v.ForegroundColor = p.Text
	}
	if m.quitting {
		return v
	}
	frame := m.Render()
	v.SetContent(frame)
	if !m.room.presenting {
		v.Cursor = selectedCursor(frame)
	}
	return v
}

// Render is the frame as a string (what View shows); tests read it.
func (m *Model) Render() string {
	if m.room.presenting {
		return m.presentRender()
	}
	if m.w < minW || m.h < minH {
		return tooSmall(m.w, m.h)
	}
	s := m.e.styles
	bh := m.bodyHeight()
	cur := m.current()
	var body string
	switch {
	case m.showHelp:
		body = m.fullHelp(cur, bh)
	default:
		body = cur.view(m.w, bh)
	}
	if m.confirm != nil {
		body = overlay(body, m.w, bh, m.dialog(m.confirm.question, "y or enter: yes    n or esc: no"))
	}
	var st string
	if m.e.statusErr {
		st = strings.Join(text.Box(text.Wrap(text.OneLine(m.e.status), m.w), m.w, m.statusLines()), "\n")
		st = s.StatusErr.Render(st)
	} else {
		right := ""
		if m.e.readOnly {
			right = "read only"
		}
		if !m.mouse {
			right = strings.TrimSpace(right + "  mouse off")
		}
		left := text.Pad(text.OneLine(m.e.status), max(0, m.w-text.Width(right)-1))
		st = s.Status.Render(left) + " " + s.Muted.Render(right)
	}
	return body + "\n" + st + "\n" + m.helpLine(cur)
}

// footerCache keeps the help line between frames: measuring and styling it
// was half the time of drawing a frame, and it only changes when the keys
// on offer, the width or the theme do.
type footerCache struct {
	key  []byte
	line string
}

// helpLine is the help line for cur, padded to the window.
func (m *Model) helpLine(cur screen) string {
	h := cur.help()
	typing := cur.typing()
	k := append(m.footer.key[:0:0], strconv.Itoa(m.w)...)
	if typing {
		k = append(k, 't')
	}
	for _, b := range h.short {
		hk := b.Help()
		k = append(k, 0)
		k = append(k, hk.Key...)
		k = append(k, 1)
		k = append(k, hk.Desc...)
		if !b.Enabled() {
			k = append(k, 2)
		}
	}
	if m.footer.line != "" && bytes.Equal(k, m.footer.key) {
		return m.footer.line
	}
	m.footer = footerCache{key: k, line: text.Pad(m.help.ShortHelpView(m.shortHelp(h, typing)), m.w)}
	return m.footer.line
}

// shortHelp is the help line's keys: the screen's, then "F1 all keys" and
// "ctrl+q quit" (not while typing). When they do not all fit, the line
// keeps the keys that matter most (the screen's add key, ctrl+n, the one
// used most, then the others in the order the screen gives them), each
// said in its first words ("open", not "open; in the bin: restore"), and F1
// says there are more keys; quit always shows, so nobody is stuck.
func (m *Model) shortHelp(h helpMap, typing bool) []key.Binding {
	var tail []key.Binding
	if !typing {
		tail = []key.Binding{m.keys.Help, m.keys.Quit}
	}
	measure := m.help
	measure.SetWidth(0)
	fits := func(bs []key.Binding) bool { return text.Width(measure.ShortHelpView(bs)) <= m.w }
	if all := append(append([]key.Binding{}, h.short...), tail...); fits(all) {
		return all
	}
	tail = []key.Binding{bind(m.keys.Help.Keys(), m.keys.Help.Help().Key, "more keys")}
	if !typing {
		tail = append(tail, m.keys.Quit)
	}
	short := make([]key.Binding, len(h.short))
	for i, b := range h.short {
		short[i] = bind(b.Keys(), b.Help().Key, terse(b.Help().Desc))
		short[i].SetEnabled(b.Enabled())
	}
	keep := make([]bool, len(short))
	picked := func() []key.Binding {
		var out []key.Binding
		for i, b := range short {
			if keep[i] {
				out = append(out, b)
			}
		}
		return append(out, tail...)
	}
	for _, i := range byImportance(h.short) {
		keep[i] = true
		if !fits(picked()) {
			keep[i] = false
		}
	}
	return picked()
}

// byImportance orders the indices of a help line's keys for keeping when
// the line is short of room: the add key first, then the screen's order.
func byImportance(bs []key.Binding) []int {
	var add, rest []int
	for i, b := range bs {
		if slices.ContainsFunc(b.Keys(), func(k string) bool { return slices.Contains(keyNew, k) }) {
			add = append(add, i)
		} else {
			rest = append(rest, i)
		}
	}
	return append(add, rest...)
}

// terse is a key's description without what qualifies it: up to the first
// " (" or "; ". Descriptions are written so their first words say it.
func terse(desc string) string {
	for _, sep := range []string{" (", "; "} {
		if i := strings.Index(desc, sep); i > 0 {
			desc = desc[:i]
		}
	}
	return desc
}

// helpBindings are the entries of the help screen: the current screen's
// keys, then the global ones. ctrl+z undoes the last change only when
// nothing is being typed (Model.key); while typing, the screen's own
// ctrl+z (forget the typing) is the one that holds, so only it is listed.
func (m *Model) helpBindings(cur screen) []key.Binding {
	global := bindings(m.keys)
	if cur.typing() {
		global = slices.DeleteFunc(global, func(b key.Binding) bool { return sameHelp(b, m.keys.Undo) })
	}
	var all []key.Binding
	seen := map[string]bool{}
	for _, b := range append(append([]key.Binding{}, cur.help().full...), global...) {
		hk := b.Help()
		if id := hk.Key + "\x00" + hk.Desc; !seen[id] && hk.Key != "" {
			seen[id] = true
			all = append(all, b)
		}
	}
	return all
}

// sameHelp reports whether two bindings show as the same help entry.
func sameHelp(a, b key.Binding) bool { return a.Help() == b.Help() }

// fullHelp lists every key the current screen accepts, then the global
// ones, after the one sentence that explains them all. Descriptions wrap
// under themselves rather than being cut, in two columns when the window
// is wide enough; ↑/↓ and page keys scroll a list taller than the window.
func (m *Model) fullHelp(cur screen, h int) string {
	s := m.e.styles
	all := m.helpBindings(cur)
	kw := 0
	for _, b := range all {
		kw = max(kw, text.Width(b.Help().Key))
	}
	kw = min(kw, 20)
	cols := 1
	if m.w >= 2*(kw+1+30)+2 {
		cols = 2
	}
	colW := (m.w - 2*(cols-1)) / cols
	var entries [][]string
	total := 0
	for _, b := range all {
		hk := b.Help()
		desc := text.Wrap(hk.Desc, max(8, colW-kw-1))
		e := make([]string, len(desc))
		for i, d := range desc {
			k := ""
			if i == 0 {
				k = hk.Key
			}
			e[i] = s.Key.Render(text.Pad(k, kw)) + " " + s.Text.Render(text.Pad(d, colW-kw-1))
		}
		entries = append(entries, e)
		total += len(e)
	}
	// Split into columns of about equal height, keeping each entry whole.
	var columns [][]string
	var col []string
	for _, e := range entries {
		if cols > 1 && len(columns) < cols-1 && len(col) > 0 && len(col)+len(e) > (total+cols-1)/cols {
			columns = append(columns, col)
			col = nil
		}
		col = append(col, e...)
	}
	columns = append(columns, col)
	var body []string
	for r := 0; r < len(columns[0]); r++ {
		var b strings.Builder
		for c, cl := range columns {
			if c > 0 {
				b.WriteString("  ")
			}
			if r < len(cl) {
				b.WriteString(cl[r])
			} else {
				b.WriteString(strings.Repeat(" ", colW))
			}
		}
		body = append(body, b.String())
	}
	head := []string{s.Title.Render("All keys") + s.Muted.Render("  (esc or F1 to close)")}
	for _, l := range text.Wrap(editingRule, m.w) {
		head = append(head, s.Text.Render(l))
	}
	head = append(head, "")
	room := max(1, h-len(head))
	m.helpOffset = max(0, min(m.helpOffset, len(body)-room))
	shown := body[m.helpOffset:]
	if len(shown) > room {
		shown = append(shown[:room-1], s.Muted.Render("… more below: ↓ or pgdn"))
	}
	if m.helpOffset > 0 && len(shown) > 0 {
		shown[0] = s.Muted.Render("… more above: ↑ or pgup")
	}
	return strings.Join(text.Box(append(head, shown...), m.w, h), "\n")
}

func (m *Model) dialog(question, hint string) string {
	s := m.e.styles
	w := min(m.w-4, max(40, text.Width(question)+4))
	var lines []string
	for _, l := range text.Wrap(text.OneLine(question), w-4) {
		lines = append(lines, s.Heading.Render(l))
	}
	lines = append(lines, "", s.Muted.Render(hint))
	return s.Dialog.Width(w).Render(strings.Join(lines, "\n"))
}

// tooSmall is the single plain line shown when the window is too small.
func tooSmall(w, h int) string {
	msg := fmt.Sprintf("Please make this window bigger: scrutiny needs at least %d×%d (now %d×%d).", minW, minH, w, h)
	if w > 0 && text.Width(msg) > w {
		// Narrow: the same facts in fewer words, so the sizes still show.
		msg = fmt.Sprintf("Window too small: need %d×%d, now %d×%d", minW, minH, w, h)
		msg = text.Truncate(msg, w)
	}
	return msg
}
