package cli

import (
	"context"
	"errors"
	"io"
	"os"

	"scrutiny/store"
	"scrutiny/ui"
	"scrutiny/ui/accessible"
)

// runWorkspace is what "scrutiny" with no command does: open the database
// as the editor and hand it to the interactive workspace. This is the one
// place the terminal UI is started from.
func runWorkspace(ctx context.Context, a *app) (err error) {
	if a.accessible || accessible.Wanted(a.getenv("TERM"), a.getenv("ACCESSIBLE")) {
		return runAccessible(ctx, a)
	}
	if !isTerminal(a.stdout) {
		return errors.New("the workspace needs a terminal window, but the output here goes to a file or another program; " +
			"run scrutiny in a terminal, or use a command such as scrutiny list or scrutiny export (see scrutiny --help)")
	}
	st, err := a.openEditor(a.stderr)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	return startUI(ctx, a, st)
}

// startUI runs the full-screen workspace on an open store.
func startUI(ctx context.Context, a *app, st *store.Store) error {
	return ui.Run(ctx, st, ui.Options{Theme: a.theme, ReadOnly: st.ReadOnly()})
}

// isTerminal reports whether w is a terminal (a console on Windows).
func isTerminal(w io.Writer) bool {
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = u.Unwrap()
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
