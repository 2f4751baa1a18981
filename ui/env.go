package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/present"
	"scrutiny/ui/style"
)

// env is what every screen and tab shares: the store, the styles, the
// status line and the undo stack. Screens hold a pointer to the one env.
type env struct {
	ctx    context.Context
	st     *store.Store
	pub    *present.Publisher // tells the wall where the editor is
	styles style.Styles
	now    func() time.Time

	readOnly bool
	// exportDir is where exports named without a folder go; "" is the
	// folder the app was started in.
	exportDir string
	// autosave is the pause in typing after which a field is saved while
	// still being typed; zero or less turns it off.
	autosave time.Duration

	status    string
	statusErr bool
	statusSeq int
	// statusApplies, when set, says whether the message still applies
	// ("Choose a survey in the list first" stops applying once one is
	// chosen); the root model clears it as soon as it does not (clearStale).
	statusApplies func() bool
	// busy is set when a save met a busy file; the root model then tries
	// the typing again shortly (busy.go).
	busy bool

	// undo is the stack of the place the user is in: the open review, or
	// the list of reviews (scope ""). Each review keeps its own stack, so
	// ctrl+z never reaches into a review the user has left.
	undo   []undoEntry
	scope  string
	stacks map[string][]undoEntry

	// templateTurn remembers, per review, which ready-made set of criteria
	// the Scoring tab offers next, so pressing its key again goes round them.
	templateTurn map[string]int
	// importFolder is where the last survey file came from, offered first
	// for the next one.
	importFolder string
	// loadExample fills the store with the example review (tests replace
	// it to make the load fail).
	loadExample func(ctx context.Context, st *store.Store) (string, error)
	// firstFrame is closed once the first frame has reached the terminal
	// (first_frame.go); nil in tests.
	firstFrame <-chan struct{}
}

// enterScope makes the undo stack of scope (a review's ID, or "" for the
// list of reviews) the current one, keeping the one being left for later.
func (e *env) enterScope(scope string) {
	if scope == e.scope {
		return
	}
	if e.stacks == nil {
		e.stacks = map[string][]undoEntry{}
	}
	e.stacks[e.scope] = e.undo
	e.undo = e.stacks[scope]
	delete(e.stacks, scope)
	e.scope = scope
}

// handLastUndo moves the newest undo entry to another scope's stack: a new
// review's creation is undone from inside that review.
func (e *env) handLastUndo(scope string) {
	if len(e.undo) == 0 || scope == e.scope {
		return
	}
	if e.stacks == nil {
		e.stacks = map[string][]undoEntry{}
	}
	last := e.undo[len(e.undo)-1]
	e.undo = e.undo[:len(e.undo)-1]
	e.stacks[scope] = append(e.stacks[scope], last)
}

// undoEntry reverses one change that the store has already confirmed.
type undoEntry struct {
	label string
	undo  func() error
}

const maxUndo = 200

// writable reports whether changes can be made; when they cannot, it tells
// the user why, so a key that would change something never just does nothing.
func (e *env) writable() bool {
	if e.readOnly {
		e.complain("This file is open for reading only, so nothing can be changed.")
		return false
	}
	return true
}

// do runs one store operation. Only when it returns nil does the status line
// say "saved" and the change become undoable; on an error the caller keeps
// what the user typed and the status line says why.
func (e *env) do(what string, op func() error, undo func() error) error {
	if e.readOnly {
		err := store.ErrReadOnly
		e.fail(what, err)
		return err
	}
	if err := op(); err != nil {
		e.fail(what, err)
		return err
	}
	e.saved()
	e.pushUndo(what, undo)
	return nil
}

// pushUndo adds a step to the undo stack of the current scope.
func (e *env) pushUndo(what string, undo func() error) {
	if undo == nil {
		return
	}
	e.undo = append(e.undo, undoEntry{label: what, undo: undo})
	if len(e.undo) > maxUndo {
		e.undo = e.undo[len(e.undo)-maxUndo:]
	}
}

// undoLast reverses the most recent change. The caller reloads what it shows.
func (e *env) undoLast() bool {
	if len(e.undo) == 0 {
		if e.scope == "" {
			e.note("nothing to undo here; changes inside a review are undone from inside that review")
		} else {
			e.note("nothing to undo in this review")
		}
		return false
	}
	u := e.undo[len(e.undo)-1]
	if err := u.undo(); err != nil {
		if errors.Is(err, store.ErrChanged) {
			// Undoing would overwrite someone else's newer version: the
			// step is dropped, so the next ctrl+z reaches the one before.
			e.undo = e.undo[:len(e.undo)-1]
			e.complain("Not undone: " + u.label + ": it was changed elsewhere since (an import or another copy of scrutiny), so their version stays.")
			return true
		}
		e.fail("undo "+u.label, err)
		return false
	}
	e.undo = e.undo[:len(e.undo)-1]
	e.setStatus("undone: "+u.label+" (saved "+e.now().Format("15:04:05")+")", false)
	return true
}

// parseDate reads a date typed in a field. New items start with no date,
// so a forgotten field is never reported as fact; "today" (or the Today
// key) fills in the day it is.
func (e *env) parseDate(v string) (review.Date, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "today":
		return review.FromTime(e.now()), nil
	case "yesterday":
		return review.FromTime(e.now().AddDate(0, 0, -1)), nil
	}
	return review.ParseDate(v)
}

// exportPath turns the file name the user typed into the full path an
// export is written to.
func (e *env) exportPath(p string) (string, error) {
	if !filepath.IsAbs(p) && e.exportDir != "" {
		p = filepath.Join(e.exportDir, p)
	}
	return filepath.Abs(p)
}

func (e *env) saved() { e.setStatus("saved "+e.now().Format("15:04:05"), false) }

// setStatus shows a message and counts it, so a screen change can tell a
// message it caused from one left over from before (see workspace.goTo).
func (e *env) setStatus(s string, isErr bool) {
	e.status, e.statusErr = s, isErr
	e.statusSeq++
	e.statusApplies = nil
}

// noteWhile shows a message that lasts only while applies reports true:
// one that asks for something the user then does.
func (e *env) noteWhile(s string, applies func() bool) {
	e.note(s)
	e.statusApplies = applies
}

// complainWhile is noteWhile for a problem.
func (e *env) complainWhile(s string, applies func() bool) {
	e.complain(s)
	e.statusApplies = applies
}

// clearStale clears a message said with noteWhile or complainWhile that no
// longer applies, or (left) any such message, when the place it was said
// about is left.
func (e *env) clearStale(left bool) {
	if e.statusApplies != nil && (left || !e.statusApplies()) {
		e.setStatus("", false)
	}
}

// note shows a neutral message.
func (e *env) note(s string) { e.setStatus(s, false) }

// fail shows an error in plain English. A busy file is tried again
// (busy.go).
func (e *env) fail(what string, err error) {
	e.setStatus(friendly(what, err), true)
	if errors.Is(err, store.ErrBusy) {
		e.busy = true
	}
}

// complain shows a problem with what the user typed (not a store error).
func (e *env) complain(s string) { e.setStatus(s, true) }

// friendly turns an error into a sentence a volunteer can act on.
func friendly(what string, err error) string {
	var msg string
	switch {
	case errors.Is(err, store.ErrReadOnly):
		msg = "this file is open for reading only, so nothing can be changed"
	case errors.Is(err, store.ErrBusy):
		msg = "the file is busy (another program is writing to it). What you typed is kept, and saving is tried again every second"
	case errors.Is(err, store.ErrNotFound):
		msg = "it is no longer there (it may have been deleted)"
	case errors.Is(err, context.Canceled):
		msg = "the app is closing"
	default:
		msg = err.Error()
		if strings.Contains(msg, "not implemented") {
			msg = "saving is not available in this build"
		}
	}
	if what == "" {
		return "Not saved: " + msg
	}
	return fmt.Sprintf("Could not %s: %s", what, msg)
}

// Messages screens send to the root model through commands.
type (
	openReviewMsg struct{ id string }
	goHomeMsg     struct{}
	// confirmMsg asks a yes/no question; yes runs only after "y" or enter.
	confirmMsg struct {
		question string
		yes      func() tea.Cmd
	}
	reloadMsg struct{}
)

func send(m tea.Msg) tea.Cmd { return func() tea.Msg { return m } }
