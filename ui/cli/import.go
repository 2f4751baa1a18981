package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"scrutiny/store"
	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "import",
		summary: "add or update reviews from a JSON bundle made by export",
		usage: `Usage: scrutiny import [--db FILE] FILE.json

Reads a bundle written by "scrutiny export --format json" (on this laptop or
another one) and merges its reviews into the database by ID: new reviews are
added, changed ones updated, and importing the same bundle twice changes
nothing. Nothing is changed at all if the bundle cannot be read completely.

Example:
  scrutiny import all-reviews.json
`,
		run: runImport,
	})
}

func runImport(ctx context.Context, a *app, args []string) (err error) {
	c := commands["import"]
	pos, err := a.parse(c, a.newFlags(c), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef(c, "import needs exactly one bundle file, for example: scrutiny import reviews.json")
	}
	name := pos[0]
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("there is no file called %s", name)
		}
		return fmt.Errorf("cannot read %s: %w", name, err)
	}
	defer f.Close()
	if st, serr := f.Stat(); serr == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder; give the bundle file inside it", name)
	}
	st, err := a.openStore(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	res, err := st.ImportBundle(ctx, f)
	switch {
	case err == nil:
	case ctx.Err() != nil:
		// Ctrl-C: the transaction was rolled back whatever the driver
		// says about its statements.
		return errors.New("stopped; nothing was imported")
	case errors.Is(err, store.ErrBundle):
		// The store's message already says that nothing was changed.
		return fmt.Errorf("%s: %w", name, err)
	default:
		// Not the bundle's fault: the database could not take it.
		return fmt.Errorf("nothing was imported from %s into %s: %w", name, st.Path(), err)
	}
	fmt.Fprintf(a.stdout, "Read %s from %s: %d added, %d updated, %d unchanged.\n",
		text.Count(res.Reviews, "review", "reviews"), name, res.Added, res.Updated, res.Unchanged)
	return nil
}
