package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"scrutiny/review"
	"scrutiny/review/trackersheet"
	"scrutiny/store"
)

func init() {
	register(&command{
		name:    "tracker",
		summary: "every recommendation of every review with its response and actions; export and import the landlord's spreadsheet",
		usage: `Usage: scrutiny tracker [--review ID] [--status WORD] [--overdue] [--db FILE]
       scrutiny tracker export -o FILE.xlsx|FILE.csv [--db FILE]
       scrutiny tracker import [--yes | --check] [--db FILE] FILE.xlsx|FILE.csv

scrutiny tracker prints one row per recommendation across every review: the
review, its number, the start of its text, the Board's decision, how many of
its actions are done, how many are overdue (past their due date today and
not done or dropped) and the next date due.

  --review ID     only this review ("scrutiny list" shows the IDs)
  --status WORD   only those with this decision (accepted, partly accepted,
                  not accepted, under consideration, none) or with an action
                  at this status (not started, on track, behind, done,
                  paused, dropped)
  --overdue       only those with an overdue action

tracker export writes the landlord's tracker: one row per action, and one per
recommendation without actions, with the columns Reference, Review,
Recommendation, Response, Reason, Action, Owner, Due, Status and Update. The
kind of file follows the name: .xlsx (with drop-down lists of the allowed
responses and statuses) or .csv.

tracker import reads the officer's filled-in copy back. It prints every
change it would make, then asks before applying them, all or nothing. A
reference that is not in this file, a response or status that is not one of
the allowed words, or a date that cannot be read refuses the whole file,
naming the row and the column, and nothing changes. An Update that differs
from the action's latest one is added as a new update, dated today.
Importing the same file twice changes nothing the second time.

  --yes     apply without asking
  --check   only show the changes

Examples:
  scrutiny tracker --overdue
  scrutiny tracker --status "partly accepted"
  scrutiny tracker export -o tracker.xlsx
  scrutiny tracker import tracker.xlsx
`,
		run: runTracker,
	})
}

func runTracker(ctx context.Context, a *app, args []string) (err error) {
	c := commands["tracker"]
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return runTrackerExport(ctx, a, c, args[1:])
		case "import":
			return runTrackerImport(ctx, a, c, args[1:])
		case "help":
			fmt.Fprint(a.stdout, c.usage)
			return nil
		}
	}
	fs := a.newFlags(c)
	id := fs.String("review", "", "review ID")
	status := fs.String("status", "", "decision or status")
	overdue := fs.Bool("overdue", false, "only overdue")
	if err := a.parseNoArgs(c, fs, args); err != nil {
		return err
	}
	if *status != "" {
		if err := review.ValidTrackerStatus(*status); err != nil {
			return usagef(c, "--status: %v", err)
		}
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	if *id != "" {
		sums, err := st.ListReviews(ctx)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(sums, func(s store.Summary) bool { return s.ID == *id }) {
			return notFound(store.ErrNotFound, *id)
		}
	}
	ts, err := st.TrackerBrief(ctx)
	if err != nil {
		return err
	}
	f := review.TrackerFilter{ReviewID: *id, Status: *status, Overdue: *overdue}
	_, err = io.WriteString(a.stdout, review.TrackerMarkdown(ts, f, review.Today()))
	return err
}

func runTrackerExport(ctx context.Context, a *app, c *command, args []string) (err error) {
	fs := a.newFlags(c)
	out := outputFlag(fs)
	if err := a.parseNoArgs(c, fs, args); err != nil {
		return err
	}
	write, err := trackerWriter(c, *out)
	if err != nil {
		return err
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	ts, err := st.Tracker(ctx)
	if err != nil {
		return err
	}
	return a.emit(*out, func(w io.Writer) error { return write(w, ts) })
}

func trackerWriter(c *command, out string) (func(io.Writer, []review.Tracked) error, error) {
	switch strings.ToLower(filepath.Ext(out)) {
	case ".xlsx":
		return trackersheet.WriteXLSX, nil
	case ".csv":
		return trackersheet.WriteCSV, nil
	case "":
		if out == "" {
			return nil, usagef(c, "say where to write the tracker: -o tracker.xlsx or -o tracker.csv")
		}
	}
	return nil, usagef(c, "the tracker is written as .xlsx or .csv, not %q", filepath.Ext(out))
}

func runTrackerImport(ctx context.Context, a *app, c *command, args []string) (err error) {
	fs := a.newFlags(c)
	yes := fs.Bool("yes", false, "apply without asking")
	check := fs.Bool("check", false, "only show the changes")
	rest, err := a.parse(c, fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef(c, "name one file to import: scrutiny tracker import tracker.xlsx")
	}
	name := rest[0]
	fh, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", name, err)
	}
	defer fh.Close()
	rows, err := trackersheet.Read(fh, name)
	if err != nil {
		return fmt.Errorf("%s cannot be imported: %v. Nothing was changed", filepath.Base(name), err)
	}
	st, err := a.openStore(*check)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	ts, err := st.Tracker(ctx)
	if err != nil {
		return err
	}
	plan, err := trackersheet.MakePlan(ts, rows, review.Today())
	if err != nil {
		return fmt.Errorf("%s cannot be imported: %v. Nothing was changed", filepath.Base(name), err)
	}
	if len(plan.Lines) == 0 {
		fmt.Fprintf(a.stdout, "%s changes nothing: every row is as recorded.\n", filepath.Base(name))
		return nil
	}
	fmt.Fprintf(a.stdout, "%s would change %d %s:\n", filepath.Base(name), len(plan.Lines), review.Plural(len(plan.Lines), "recommendation", "recommendations"))
	for _, l := range plan.Lines {
		fmt.Fprintln(a.stdout, "  "+review.CleanLine(l))
	}
	if *check {
		fmt.Fprintln(a.stdout, "Nothing was changed (--check).")
		return nil
	}
	if !*yes {
		fmt.Fprint(a.stdout, "Apply all of these changes? Type yes to apply: ")
		line, _ := bufio.NewReader(a.stdin).ReadString('\n')
		if w := strings.ToLower(strings.TrimSpace(line)); w != "yes" && w != "y" {
			fmt.Fprintln(a.stdout, "Nothing was changed.")
			return nil
		}
	}
	cs := make([]store.Changed, len(plan.Changed))
	for i := range plan.Changed {
		cs[i] = store.Changed{ReviewID: plan.Changed[i].ReviewID, Rec: &plan.Changed[i].Rec}
	}
	if err := st.SaveRecommendations(ctx, cs); err != nil {
		return fmt.Errorf("the changes could not be saved, so none was applied: %w", err)
	}
	fmt.Fprintf(a.stdout, "Applied: %d %s changed.\n", len(cs), review.Plural(len(cs), "recommendation", "recommendations"))
	return nil
}
