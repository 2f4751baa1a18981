package ui

import (
	"fmt"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
)

// A fault in the program itself (a panic) must not take what the user is
// typing with it, nor leave them at a shell prompt wondering whether the
// app finished normally. The root model catches a panic in Update and in
// View, saves the field being typed, quits, and Run returns a FaultError,
// so the command line prints one plain sentence and exits non-zero.

// FaultError is a fault the workspace stopped for.
type FaultError struct {
	Value string // what the panic said, for a bug report
	Stack []byte
	// Saved says what became of the typing: nil when it was saved (or
	// there was none), else why not.
	Saved error
}

func (f *FaultError) Error() string {
	typing := "What you were typing was saved first"
	if f.Saved != nil {
		typing = "What you were typing could not be saved (" + f.Saved.Error() + ")"
	}
	return fmt.Sprintf("the workspace stopped because of a fault in the program (%s). %s; everything saved before is kept. "+
		"Please report the fault, saying what you were doing, then start scrutiny again.", f.Value, typing)
}

// caught records a recovered panic once and saves the typing.
func (m *Model) caught(r any) {
	if m.fault != nil {
		return
	}
	m.fault = &FaultError{Value: fmt.Sprint(r), Stack: debug.Stack()}
	m.sameFrame = false
	m.fault.Saved = m.saveTyping()
	m.quitting = true
}

// saveTyping commits the field being typed, even if that too fails badly.
func (m *Model) saveTyping() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the save failed too: %v", r)
		}
	}()
	return m.current().commit()
}

// Update handles one message; see update.
func (m *Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	if m.fault != nil {
		return m, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			m.caught(r)
			model, cmd = m, tea.Quit
		}
	}()
	m.sameFrame = false
	model, cmd = m.update(msg)
	if m.home.wantProgress {
		m.home.wantProgress = false
		cmd = tea.Batch(cmd, m.home.progressCmd())
	}
	if retry := m.afterBusy(); retry != nil {
		cmd = tea.Batch(cmd, retry)
	}
	if m.e.st != nil && m.e.st.Damaged() {
		// A read on the way found damage before the whole-file check.
		m.showDamaged(nil)
	}
	return model, cmd
}

// View draws the whole window; see view. A fault while drawing is caught
// like one in Update; the next message (the follower ticks every second)
// quits. After a message that changed nothing (sameFrame) it is the frame
// drawn last, not drawn again: Bubble Tea asks for a frame after every
// message, and the follower's tick comes every second.
func (m *Model) View() (v tea.View) {
	if m.sameFrame && m.frame != nil {
		return *m.frame
	}
	defer func() {
		if r := recover(); r != nil {
			m.caught(r)
			v = tea.View{}
			m.frame = nil
		}
	}()
	v = m.view()
	m.frame = &v
	return v
}

// Fault is the fault the workspace stopped for, or nil.
func (m *Model) Fault() *FaultError { return m.fault }
