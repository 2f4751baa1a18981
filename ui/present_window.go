package ui

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"scrutiny/room"
	"scrutiny/store"
	"scrutiny/ui/style"
)

// PresentOptions choose how "scrutiny present" starts.
type PresentOptions struct {
	// Theme names a theme; empty means the one the editor last chose
	// (the "theme" setting), or one to suit the terminal.
	Theme string
	// Now gives the clock for agenda timers; nil means time.Now.
	Now func() time.Time
}

// RunPresent shows the present window on a read-only store until the user
// presses q or ctx is cancelled.
func RunPresent(ctx context.Context, st *store.Store, opts PresentOptions) error {
	m := NewPresent(st, opts)
	p := tea.NewProgram(m, tea.WithContext(ctx))
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// PresentModel is the whole present window: it follows the editor through
// the database and draws the slide for where the editor is.
type PresentModel struct {
	st     *store.Store
	f      *room.Follower
	snap   room.Snapshot
	slide  slideCache
	styles style.Styles
	fixed  bool // the theme was chosen, so the terminal's background is not asked
	chosen bool // chosen here (--theme, t or NO_COLOR): the editor's choice is not followed
	now    func() time.Time
	w, h   int
	err    error
	quit   bool
}

// NewPresent builds the present window; the first Poll happens in Init.
func NewPresent(st *store.Store, opts PresentOptions) *PresentModel {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	theme, fixed := opts.Theme, opts.Theme != ""
	chosen := fixed
	if !fixed && st != nil {
		if t, err := st.Setting(context.Background(), themeSetting); err == nil && style.Known(t) {
			theme, fixed = t, true
		}
	}
	if style.NoColor() {
		theme, fixed, chosen = "monochrome", true, true
	}
	if theme == "" {
		theme = style.Auto(true)
	}
	return &PresentModel{st: st, f: room.NewFollower(st), styles: style.New(theme), fixed: fixed, chosen: chosen, now: now, w: 80, h: 24}
}

type presentPollMsg struct {
	snap    room.Snapshot
	changed bool
	err     error
}

type presentTickMsg struct{}

// poll asks the store whether anything changed; I/O stays out of View.
func (m *PresentModel) poll() tea.Cmd {
	f := m.f
	return func() tea.Msg {
		s, changed, err := f.Poll(context.Background())
		return presentPollMsg{s, changed, err}
	}
}

func presentTick() tea.Cmd {
	return tea.Tick(room.PollEvery, func(time.Time) tea.Msg { return presentTickMsg{} })
}

// Init starts following.
func (m *PresentModel) Init() tea.Cmd {
	cmds := []tea.Cmd{m.poll()}
	if !m.fixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Update handles one message.
func (m *PresentModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		if !m.fixed {
			m.styles = style.New(style.Auto(msg.IsDark()))
		}
	case presentPollMsg:
		m.err = msg.err
		if msg.err == nil {
			m.snap = msg.snap
			// The facilitator changing theme on the laptop changes the wall.
			if t := msg.snap.Theme; !m.chosen && style.Known(t) && t != m.styles.Theme {
				m.styles = style.New(t)
				m.fixed = true
			}
		}
		return m, presentTick()
	case presentTickMsg:
		return m, m.poll()
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "esc", "ctrl+c":
			m.quit = true
			return m, tea.Quit
		case "t":
			// A read-only window cannot save the choice; the editor does.
			m.styles = style.New(nextTheme(m.styles.Theme))
			m.fixed, m.chosen = true, true
		}
	}
	return m, nil
}

// Slide is what the window shows now.
func (m *PresentModel) Slide() room.Slide { return m.slide.get(m.snap, m.snap.Version, m.now()) }

// Render is the frame as a string; tests read it.
func (m *PresentModel) Render() string {
	hint := "following the editor · t theme · q close"
	if m.err != nil {
		hint = "waiting for the file: " + oneLine(m.err.Error())
	}
	return presentView(m.styles, m.Slide(), m.w, m.h, hint)
}

// View draws the window.
func (m *PresentModel) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.WindowTitle = "scrutiny: present"
	if p := m.styles.Palette; p.Back != nil {
		v.BackgroundColor = p.Back
		v.ForegroundColor = p.Text
	}
	if m.quit {
		return v
	}
	v.SetContent(m.Render())
	return v
}

// themeSetting is where the chosen theme is remembered between runs.
const themeSetting = "theme"

// nextTheme is the theme after name in the cycling order.
func nextTheme(name string) string {
	ns := style.Names()
	for i, n := range ns {
		if n == name {
			return ns[(i+1)%len(ns)]
		}
	}
	return ns[0]
}
