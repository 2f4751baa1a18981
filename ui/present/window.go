package present

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"scrutiny/store"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// Options choose how "scrutiny present" starts.
type Options struct {
	// Theme names a theme; empty means the one the editor last chose
	// (the "theme" setting), or one to suit the terminal.
	Theme string
	// Now gives the clock for agenda timers; nil means time.Now.
	Now func() time.Time
}

// Run shows the present window on a read-only store until the user
// presses q or ctx is cancelled.
func Run(ctx context.Context, st *store.Store, opts Options) error {
	m := New(st, opts)
	p := tea.NewProgram(m, tea.WithContext(ctx))
	_, err := p.Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// Model is the whole present window: it follows the editor through
// the database and draws the slide for where the editor is.
type Model struct {
	st     *store.Store
	f      *Follower
	snap   Snapshot
	slide  SlideCache
	styles style.Styles
	fixed  bool // the theme was chosen, so the terminal's background is not asked
	chosen bool // chosen here (--theme, t or NO_COLOR): the editor's choice is not followed
	now    func() time.Time
	w, h   int
	err    error
	quit   bool
	page   int       // the page of a long slide, from 0
	keyAt  time.Time // the last key press: the hint shows for HintFor after it
}

// HintFor is how long the operator's hint stays after a key press: long
// enough to read, then the wall shows only the slide.
const HintFor = 5 * time.Second

// New builds the present window; the first Poll happens in Init.
func New(st *store.Store, opts Options) *Model {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	theme, fixed := opts.Theme, opts.Theme != ""
	chosen := fixed
	if !fixed && st != nil {
		if t, err := st.Setting(context.Background(), ThemeSetting); err == nil && style.Known(t) {
			theme, fixed = t, true
		}
	}
	if style.NoColor() {
		theme, fixed, chosen = "monochrome", true, true
	}
	if theme == "" {
		theme = style.Auto(true)
	}
	return &Model{st: st, f: NewFollower(st), styles: style.New(theme), fixed: fixed, chosen: chosen, now: now, w: 80, h: 24, keyAt: now()}
}

type presentPollMsg struct {
	snap    Snapshot
	changed bool
	err     error
}

type presentTickMsg struct{}

// poll asks the store whether anything changed; I/O stays out of View.
func (m *Model) poll() tea.Cmd {
	f := m.f
	return func() tea.Msg {
		s, changed, err := f.Poll(context.Background())
		return presentPollMsg{s, changed, err}
	}
}

func presentTick() tea.Cmd {
	return tea.Tick(PollEvery, func(time.Time) tea.Msg { return presentTickMsg{} })
}

// Init starts following.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{m.poll()}
	if !m.fixed {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	return tea.Batch(cmds...)
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
			if msg.snap.Pos != m.snap.Pos {
				// The editor moved on: the new slide starts at its first page.
				m.page = 0
			}
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
		// Any key brings the hint back.
		m.keyAt = m.now()
		switch msg.String() {
		case "q", "esc", "ctrl+c":
			m.quit = true
			return m, tea.Quit
		case "t":
			// A read-only window cannot save the choice; the editor does.
			m.styles = style.New(NextTheme(m.styles.Theme))
			m.fixed, m.chosen = true, true
		case "down", "pgdown", "space", "right":
			if _, pages := RenderPage(m.Slide(), m.w, m.h, 0, m.hint(), PlainPainter); m.page+1 < pages {
				m.page++
			}
		case "up", "pgup", "left":
			m.page = max(m.page-1, 0)
		}
	}
	return m, nil
}

// Slide is what the window shows now.
func (m *Model) Slide() Slide { return m.slide.Get(m.snap, m.snap.Version, m.now()) }

// hint is the operator's line: there for a few seconds after a key, then
// gone so the room sees only the slide. A problem with the file stays.
func (m *Model) hint() string {
	if m.err != nil {
		return "waiting for the file: " + text.OneLine(m.err.Error())
	}
	if m.now().Sub(m.keyAt) < HintFor {
		return "following the editor · t theme · q close"
	}
	return ""
}

// Render is the frame as a string; tests read it.
func (m *Model) Render() string {
	out, _ := FramePage(m.styles, m.Slide(), m.w, m.h, m.page, m.hint())
	return out
}

// View draws the window.
func (m *Model) View() tea.View {
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

// ThemeSetting is where the chosen theme is remembered between runs.
const ThemeSetting = "theme"

// NextTheme is the theme after name in the cycling order.
func NextTheme(name string) string {
	ns := style.Names()
	for i, n := range ns {
		if n == name {
			return ns[(i+1)%len(ns)]
		}
	}
	return ns[0]
}
