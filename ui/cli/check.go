package cli

import (
	"context"
	"fmt"

	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "check",
		summary: "check the database file for damage",
		usage: `Usage: scrutiny check [--db FILE]

Reads the whole database and checks that it is sound. Prints "ok" when it is;
otherwise lists the problems and exits with status 1. If it is damaged, keep
the file, and restore your latest backup to a new file.

Example:
  scrutiny check
`,
		run: runCheck,
	})
}

func runCheck(ctx context.Context, a *app, args []string) (err error) {
	c := commands["check"]
	if err := a.parseNoArgs(c, a.newFlags(c), args); err != nil {
		return err
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	lines, err := st.Check(ctx)
	if err != nil {
		return err
	}
	if len(lines) == 1 && lines[0] == "ok" {
		fmt.Fprintf(a.stdout, "ok: %s is sound.\n", st.Path())
		return nil
	}
	for _, l := range lines {
		fmt.Fprintln(a.stdout, l)
	}
	return fmt.Errorf("%s is damaged (%s); keep it as it is and restore your latest backup to a new file",
		st.Path(), text.Count(len(lines), "problem", "problems"))
}
