package cli

import (
	"context"
	"fmt"
	"time"

	"scrutiny/review/example"
)

func init() {
	register(&command{
		name:    "demo",
		summary: "load the example review (or --size large: synthetic data for testing speed)",
		usage: `Usage: scrutiny demo [--size example|large] [--scale N] [--db FILE]

Loads the example review "Customers contacting Great Places" into the
database, so you can look around and see a finished report. Loading it again
changes nothing.

  --size large   instead fill the database with made-up data for speed tests:
                 100 reviews, 10,000 evidence items, 30,000 findings,
                 5,000 recommendations and 1,000,000 survey answers.
                 It goes only into a file with no other reviews, for
                 example --db large.db.
  --scale N      with --size large: N times as much (N × 100 reviews).

Examples:
  scrutiny demo
  scrutiny demo --size large --db large.db
  scrutiny demo --size large --scale 10 --db large10.db
`,
		run: runDemo,
	})
}

func runDemo(ctx context.Context, a *app, args []string) (err error) {
	c := commands["demo"]
	fs := a.newFlags(c)
	size := fs.String("size", "example", "example or large")
	scale := fs.Int("scale", 1, "with --size large: times the default data")
	if err := a.parseNoArgs(c, fs, args); err != nil {
		return err
	}
	if *scale < 1 || *scale > 100 || (*scale != 1 && *size != "large") {
		return usagef(c, "--scale must be a whole number from 1 to 100, with --size large")
	}
	if *size != "example" && *size != "large" {
		return usagef(c, "--size must be example or large, not %q", *size)
	}
	st, err := a.openStore(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)

	if *size == "large" {
		// Made-up reviews mixed in with a panel's real ones would be a
		// nuisance to remove, so the large data only goes into a file that
		// holds nothing else.
		sums, err := st.ListReviewTopics(ctx)
		if err != nil {
			return err
		}
		for _, s := range sums {
			if !example.IsLarge(s.ID) {
				return fmt.Errorf("%s already holds other reviews (such as %q), and the made-up data would be mixed in with them; "+
					"use a separate file, for example: scrutiny demo --size large --db large.db", st.Path(), s.Topic)
			}
		}
		start := time.Now()
		if err := example.LargeWith(ctx, st, example.Scaled(*scale), func(msg string) { fmt.Fprintln(a.stderr, msg) }); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "Filled %s with the large synthetic data in %s.\n", st.Path(),
			time.Since(start).Round(100*time.Millisecond))
		return nil
	}
	ex := example.Review()
	res, err := st.ImportReviews(ctx, ex)
	if err != nil {
		return err
	}
	switch {
	case res.Added > 0:
		fmt.Fprintf(a.stdout, "Loaded the example review %q into %s.\nIts ID is %s.\n", ex.Topic, st.Path(), ex.ID)
	case res.Updated > 0:
		fmt.Fprintf(a.stdout, "The example review %q was already in %s; it is now back as it was first loaded.\n", ex.Topic, st.Path())
	default:
		fmt.Fprintf(a.stdout, "The example review %q is already in %s; nothing changed.\n", ex.Topic, st.Path())
	}
	return nil
}
