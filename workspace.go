package main

import (
	"context"
	"fmt"

	"scrutiny/store"
)

// runWorkspace is what "scrutiny" with no command does: open the database
// as the editor and hand it to the interactive workspace. This is the one
// place the terminal UI is started from.
func runWorkspace(ctx context.Context, a *app) (err error) {
	st, err := store.Open(a.db, store.Options{Editor: true})
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	// The interactive workspace is not part of this build yet; until it is,
	// say so and point at what already works.
	_ = ctx
	fmt.Fprintf(a.stdout, `The scrutiny workspace is not available in this build yet.
Your database is %s.

Meanwhile these commands work:
  scrutiny demo              load the example review
  scrutiny list              list the reviews
  scrutiny export -o r.md    write a review's report
  scrutiny --help            all commands
`, st.Path())
	return nil
}
