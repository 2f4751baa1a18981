package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// A read-only window (a second copy of the app on a file another copy is
// editing) follows the editor: once a second it asks the store whether
// anything changed and, if so, reads the list or the open review again.

const followEvery = time.Second

type followMsg struct {
	version int64
	err     error
}

func (m *Model) followTick() tea.Cmd {
	st, ctx := m.e.st, m.e.ctx
	if st == nil {
		return nil
	}
	return tea.Tick(followEvery, func(time.Time) tea.Msg {
		v, err := st.DataVersion(ctx)
		return followMsg{version: v, err: err}
	})
}

// follow shows the other copy's changes; it keeps ticking until the app
// stops.
func (m *Model) follow(msg followMsg) tea.Cmd {
	if msg.err != nil || msg.version == m.seenVersion {
		return m.followTick()
	}
	first := m.seenVersion == 0
	m.seenVersion = msg.version
	if first {
		return m.followTick()
	}
	if m.ws != nil && m.screen == scrWorkspace {
		if err := m.ws.reload(); err != nil {
			// The review was deleted in the other window.
			m.e.note("The review shown was moved to the bin in the other window.")
			return tea.Batch(send(goHomeMsg{}), m.followTick())
		}
	} else {
		m.home.load()
	}
	return m.followTick()
}
