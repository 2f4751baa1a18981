package ui

import (
	"context"
	"time"

	"scrutiny/store"

	tea "charm.land/bubbletea/v2"
)

// Every window follows the other writers of its file: once a second it
// asks the store whether anything changed and, if so, reads the list or
// the open review again. A read-only window (a second copy of the app on a
// file another copy is editing) follows the editor; the editor follows
// imports and `survey import` run from another shell, so its next save is
// made on top of their changes instead of undoing them. Tabs keep the
// field being typed as it is (see conflict.go for what its save does).

const followEvery = time.Second

type followMsg struct {
	version int64
	err     error
}

func (m *Model) followTick() tea.Cmd {
	st, ctx, ro := m.e.st, m.e.ctx, m.e.readOnly
	if st == nil {
		return nil
	}
	return tea.Tick(followEvery, func(time.Time) tea.Msg {
		v, err := version(ctx, st, ro)
		return followMsg{version: v, err: err}
	})
}

func version(ctx context.Context, st *store.Store, readOnly bool) (int64, error) {
	if !readOnly {
		// The editor's own saves are already in memory: only another
		// connection's commits are news.
		return st.OthersVersion(ctx)
	}
	return st.DataVersion(ctx)
}

// follow shows the other copy's changes; it keeps ticking until the app
// stops.
func (m *Model) follow(msg followMsg) tea.Cmd {
	// A terminal that has not answered the background query by now never
	// will: the theme's page colours are set from here on.
	asked := m.askingBackground
	m.askingBackground = false
	if msg.err != nil || msg.version == m.seenVersion {
		m.sameFrame = !asked
		return m.followTick()
	}
	m.seenVersion = msg.version
	if m.ws != nil && m.screen == scrWorkspace {
		if err := m.ws.reload(); err != nil {
			if m.ws.typing() {
				// Leaving would lose the typing: its save says what
				// happened instead.
				return m.followTick()
			}
			// The review was deleted in the other window.
			m.e.note("The review shown was moved to the bin in the other window.")
			return tea.Batch(send(goHomeMsg{}), m.followTick())
		}
	} else {
		m.home.load()
	}
	if !m.e.readOnly && !m.e.statusErr {
		m.e.note("Changes saved elsewhere (an import or another copy of scrutiny) are now shown.")
	}
	return m.followTick()
}
