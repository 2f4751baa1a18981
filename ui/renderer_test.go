package ui

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The renderer in ui/third_party/bubbletea sleeps while nothing changes and
// draws a new view when woken. These check that no frame is lost to the
// sleep: the view after a quiet spell, and the last of a burst, reach the
// terminal.

type counterModel struct{ n int }

type bumpMsg struct{}

func (m *counterModel) Init() tea.Cmd { return nil }
func (m *counterModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(bumpMsg); ok {
		m.n++
	}
	return m, nil
}
func (m *counterModel) View() tea.View { return tea.NewView(frameText(m.n)) }

// frameText is the text of frame n: every letter differs from frame
// n-1's, so the renderer, which writes only changed cells, writes it all.
func frameText(n int) string {
	b := make([]byte, 10)
	for i := range b {
		b[i] = byte('a' + (n+i)%26)
	}
	return string(b)
}

// lockedBuffer is the terminal's side: the renderer writes from its own
// goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		b.mu.Lock()
		got := b.buf.String()
		b.mu.Unlock()
		if strings.Contains(got, want) {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("%q never reached the terminal", want)
}

func TestRendererDrawsAfterSleeping(t *testing.T) {
	out := &lockedBuffer{}
	p := tea.NewProgram(&counterModel{}, tea.WithInput(nil), tea.WithOutput(out),
		tea.WithWindowSize(40, 5), tea.WithoutSignalHandler(), tea.WithFPS(120))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	out.waitFor(t, frameText(0))

	// Long enough for the renderer to stop ticking.
	time.Sleep(100 * time.Millisecond)
	p.Send(bumpMsg{})
	out.waitFor(t, frameText(1))

	// A burst is drawn together, and its last view is drawn.
	time.Sleep(100 * time.Millisecond)
	for range 200 {
		p.Send(bumpMsg{})
	}
	out.waitFor(t, frameText(201))

	p.Quit()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
