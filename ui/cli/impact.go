package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"scrutiny/review"
)

func init() {
	register(&command{
		name:    "impact",
		summary: "the panel's involvement and impact over a period: reviews, meetings, hours, expenses, recommendations made, accepted and implemented",
		usage: `Usage: scrutiny impact [--from DATE] [--to DATE] [--format md|csv] [-o FILE] [--db FILE]

Adds up the panel's involvement and its impact over a period, for the
landlord's annual report: the reviews, the meetings held and the volunteers'
time and expenses they took (inputs); the recommendations made to the Board,
and how many were accepted, partly accepted, not accepted or are still under
consideration (outputs); and how many the panel found implemented at its
latest follow-up, and the measures that moved (outcomes). Percentages are of
the recommendations made.

Meetings count when they fall in the period; recommendations count when their
review went to the Board in the period (its Board date, or its end date when
it has none). Without dates, everything counts.

  --from DATE    the first day of the period, e.g. 1/4/2019
  --to DATE      the last day, e.g. 31/3/2020
  --format md    a table to read or paste into a report (default)
  --format csv   one row per figure, for a spreadsheet
  -o FILE        write to FILE instead of the screen

Examples:
  scrutiny impact
  scrutiny impact --from 1/4/2019 --to 31/3/2020 --format csv -o impact.csv
`,
		run: runImpact,
	})
}

func runImpact(ctx context.Context, a *app, args []string) (err error) {
	c := commands["impact"]
	fs := a.newFlags(c)
	fromS := fs.String("from", "", "first day")
	toS := fs.String("to", "", "last day")
	format := fs.String("format", "md", "md or csv")
	out := outputFlag(fs)
	if err := a.parseNoArgs(c, fs, args); err != nil {
		return err
	}
	from, err := review.ParseDate(*fromS)
	if err != nil {
		return usagef(c, "--from: %v", err)
	}
	to, err := review.ParseDate(*toS)
	if err != nil {
		return usagef(c, "--to: %v", err)
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return usagef(c, "--to (%s) is before --from (%s)", to.Short(), from.Short())
	}
	*format = strings.ToLower(*format)
	if *format != "md" && *format != "csv" {
		return usagef(c, "--format must be md or csv, not %q", *format)
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	_, reviews, err := loadForAttendance(ctx, st, "")
	if err != nil {
		return err
	}
	im := review.ImpactOver(reviews, from, to)
	return a.emit(*out, func(w io.Writer) error {
		if *format == "csv" {
			return impactCSV(w, im)
		}
		_, err := io.WriteString(w, impactMarkdown(im, from, to))
		return err
	})
}

func periodText(from, to review.Date) string {
	switch {
	case from.IsZero() && to.IsZero():
		return "all the panel's work recorded"
	case from.IsZero():
		return "up to " + to.Short()
	case to.IsZero():
		return "from " + from.Short()
	}
	return from.Short() + " to " + to.Short()
}

func impactMarkdown(im review.Impact, from, to review.Date) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Panel involvement and impact\n\nPeriod: %s.\n\n", periodText(from, to))
	b.WriteString("| Figure | Number | Share of recommendations |\n|---|--:|--:|\n")
	for _, row := range im.ImpactRows() {
		share := row[2]
		if share == "" {
			share = "–"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", row[0], review.EscapeCell(row[1]), share)
	}
	if len(im.Moved) > 0 {
		b.WriteString("\nMeasures that moved:\n\n")
		for _, m := range im.Moved {
			b.WriteString("- " + review.EscapeInline(m) + "\n")
		}
	}
	return b.String()
}

func impactCSV(w io.Writer, im review.Impact) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"figure", "number", "percent"})
	for _, row := range im.ImpactRows() {
		n := row[1]
		switch row[0] {
		case "Volunteers' time":
			n = review.FormatHours(im.VolunteerMinutes)
			row[0] = "Volunteers' hours"
		case "Expenses":
			n = plainPounds(im.ExpensesPence)
		}
		_ = cw.Write([]string{row[0], n, strings.TrimSuffix(row[2], "%")})
	}
	for _, m := range im.Moved {
		_ = cw.Write([]string{"Measure that moved", sanitizeCSV(review.CleanLine(m)), ""})
	}
	cw.Flush()
	return cw.Error()
}

// sanitizeCSV guards a cell a spreadsheet would run as a formula.
func sanitizeCSV(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
