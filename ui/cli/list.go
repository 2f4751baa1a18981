package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"

	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "list",
		summary: "list the reviews: ID, a tab, then the topic",
		usage: `Usage: scrutiny list [--db FILE]

Prints one line per review: its ID, a tab, then its topic. Use the ID with
"scrutiny export --review ID". Reviews in the bin are not listed.

Example:
  scrutiny list
`,
		run: runList,
	})
}

func runList(ctx context.Context, a *app, args []string) (err error) {
	c := commands["list"]
	if err := a.parseNoArgs(c, a.newFlags(c), args); err != nil {
		return err
	}
	if _, serr := os.Stat(a.db); errors.Is(serr, os.ErrNotExist) {
		fmt.Fprintf(a.stderr, "There are no reviews yet (no database at %s).\n", a.db)
		return nil
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	sums, err := st.ListReviewTopics(ctx)
	if err != nil {
		return err
	}
	if len(sums) == 0 {
		fmt.Fprintf(a.stderr, "There are no reviews in %s yet.\n", a.db)
		return nil
	}
	// One write for the whole list, not one per review.
	out := bufio.NewWriter(a.stdout)
	for _, s := range sums {
		fmt.Fprintf(out, "%s\t%s\n", s.ID, text.OneLine(s.Topic))
	}
	// A failed write is kept by the screen's writer, which says so as
	// every command's output does.
	_ = out.Flush()
	return nil
}
