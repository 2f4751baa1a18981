package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// Another program holding the file (a long import, a backup tool) makes a
// save wait. The workspace's store waits at most 1 s, so the status line
// says so within two seconds; the typing stays in its field, and the root
// model tries to save it again every second until the file is free.

const busyRetryEvery = time.Second

type busyRetryMsg struct{}

// afterBusy asks for a retry when a save has just met a busy file.
func (m *Model) afterBusy() tea.Cmd {
	if !m.e.busy || m.retrying {
		return nil
	}
	m.retrying = true
	return tea.Tick(busyRetryEvery, func(time.Time) tea.Msg { return busyRetryMsg{} })
}

// retryBusy saves what is being typed again; a file still busy sets busy
// once more, and afterBusy asks for the next try.
func (m *Model) retryBusy() {
	m.retrying = false
	if !m.e.busy {
		return
	}
	m.e.busy = false
	_ = m.current().commit()
}
