package cli

import (
	"context"

	"scrutiny/ui/accessible"
)

func init() {
	register(&command{
		name:    "accessible",
		summary: "plain questions and numbered menus, for screen readers (also: scrutiny --accessible)",
		usage: `Usage: scrutiny accessible [--db FILE]

Runs scrutiny as plain questions, one line at a time, with numbered menus: a
screen reader reads each line once, in order, and nothing is drawn with
colour or moves on the screen. It starts by itself when TERM=dumb.

You can choose a review, add evidence and findings, record the room's votes
and score each criterion, record the overall judgement, export the report,
and keep meetings, minutes, attendance and expenses.

Type the number of your choice and press Enter; b goes back, q quits.
`,
		run: func(ctx context.Context, a *app, args []string) error {
			c := commands["accessible"]
			if err := a.parseNoArgs(c, a.newFlags(c), args); err != nil {
				return err
			}
			return runAccessible(ctx, a)
		},
	})
}

// runAccessible is the plain mode for "scrutiny accessible", and what the
// workspace runs instead of the full-screen UI for --accessible or TERM=dumb
// (accessible.Wanted). The read-only notice goes to stdout, where a screen
// reader is listening.
func runAccessible(ctx context.Context, a *app) (err error) {
	st, err := a.openEditor(a.stdout)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	return accessible.Run(ctx, st, a.stdin, a.stdout, accessible.Options{})
}
