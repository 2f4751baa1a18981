package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"scrutiny/review"
	"scrutiny/review/measurecsv"
	"scrutiny/store"
	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "measures",
		summary: "list the Tenant Satisfaction Measures and the panel's own; import results; print the scorecard",
		usage: `Usage: scrutiny measures [--db FILE]
       scrutiny measures scorecard [--db FILE]
       scrutiny measures add --code CODE [--name NAME] [--unit UNIT] [--direction WAY] [--counts TEXT] [--db FILE]
       scrutiny measures import [--check] [--db FILE] FILE.csv

With nothing after it, lists the 22 Tenant Satisfaction Measures (by code,
with the parts some are reported in), then the measures this panel tracks,
the TSMs it follows and its own indicators.

scorecard prints the panel's scorecard across all its reviews: for each
measure its latest result, target, met or not, the change since the period
before, the comparator and a small chart over time.

add starts tracking a measure. For a TSM give only its code
(--code TP01, --code "RP02 (1)"). For the panel's own indicator give a
short code, a name, a unit (%, per 1,000 homes, number, minutes, hours,
days or score) and which way is better (higher, lower or neither).

import reads a table of results as landlords publish them: a header row,
then one row per measure and period with the columns code, period, value
and, when known, base (the number of responses or homes); target, group
(or locality, tenure) and source columns may be added, and a comparator
column (such as the peer median) with a "comparator source" column saying
where it comes from. A period is a
financial year (2023/24), a quarter (2023/24 Q1), a calendar year (2023)
or a month (March 2024). A TSM the panel does not track yet is added. If
any row cannot be read, every such row is listed with its number and the
reason, and nothing is imported. A result for a period already there
replaces its value and base.

  --check   only check the file and show what would be imported

Examples:
  scrutiny measures
  scrutiny measures add --code TP01
  scrutiny measures add --code CALLS4 --name "Calls answered within 4 minutes" --unit % --direction higher
  scrutiny measures import --check tsm-2023-24.csv
  scrutiny measures import tsm-2023-24.csv
  scrutiny measures scorecard
`,
		run: runMeasures,
	})
}

func runMeasures(ctx context.Context, a *app, args []string) error {
	c := commands["measures"]
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, rest := args[0], args[1:]
		switch sub {
		case "import":
			return measuresImport(ctx, a, c, rest)
		case "add":
			return measuresAdd(ctx, a, c, rest)
		case "scorecard":
			return measuresScorecard(ctx, a, c, rest)
		case "help":
			fmt.Fprint(a.stdout, c.usage)
			return nil
		}
		return usagef(c, "measures can list, add, import or show the scorecard, not %q", sub)
	}
	if err := a.parseNoArgs(c, a.newFlags(c), args); err != nil {
		return err
	}
	var tracked []review.Measure
	if _, serr := os.Stat(a.db); serr == nil {
		st, err := a.openStore(true)
		if err != nil {
			return err
		}
		tracked, err = st.ListMeasures(ctx)
		cerr := st.Close()
		if err != nil {
			return err
		}
		if cerr != nil {
			return cerr
		}
	}
	printCatalogue(a.stdout, tracked)
	return nil
}

func printCatalogue(w io.Writer, tracked []review.Measure) {
	follows := map[string]bool{}
	for _, m := range tracked {
		follows[strings.ToUpper(m.Code)] = true
	}
	mark := func(code string) string {
		if follows[code] {
			return "* "
		}
		return "  "
	}
	fmt.Fprintln(w, "Tenant Satisfaction Measures")
	fmt.Fprintln(w, "("+review.TSMEdition+")")
	kind := review.TSMKind("")
	for _, t := range review.TSMs() {
		if t.Kind != kind {
			kind = t.Kind
			fmt.Fprintf(w, "\n%s%s\n", strings.ToUpper(string(kind[:1])), kind[1:])
		}
		if len(t.Parts) == 0 {
			fmt.Fprintf(w, "%s%-9s %s (%s, %s)\n", mark(t.Code), t.Code, t.Name, unitWord(t.Unit), t.Direction)
			continue
		}
		fmt.Fprintf(w, "  %-9s %s\n", t.Code, t.Name)
		for _, l := range t.Lines() {
			fmt.Fprintf(w, "%s  %-9s %s (%s, %s)\n", mark(l.Code), l.Code, l.Name, unitWord(l.Unit), l.Direction)
		}
	}
	var own []review.Measure
	for _, m := range tracked {
		if !m.IsTSM() {
			own = append(own, m)
		}
	}
	fmt.Fprintln(w)
	if len(tracked) > 0 {
		fmt.Fprintln(w, "* the panel tracks this measure")
		fmt.Fprintln(w)
	}
	if len(own) == 0 {
		fmt.Fprintln(w, "The panel's own indicators: none yet (scrutiny measures add --code ... adds one).")
		return
	}
	fmt.Fprintln(w, "The panel's own indicators")
	for _, m := range own {
		fmt.Fprintf(w, "  %-9s %s (%s, %s)\n", text.OneLine(m.Code), text.OneLine(m.Name), unitWord(m.Unit), m.Direction)
	}
}

func unitWord(u review.MeasureUnit) string {
	if u == review.UnitPct {
		return "per cent"
	}
	if u == "" {
		return "no unit"
	}
	return string(u)
}

func measuresScorecard(ctx context.Context, a *app, c *command, args []string) (err error) {
	if err := a.parseNoArgs(c, a.newFlags(c), args); err != nil {
		return err
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	ms, err := st.ListMeasures(ctx)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		fmt.Fprintln(a.stderr, "The panel tracks no measures yet: scrutiny measures add --code TP01, or scrutiny measures import FILE.csv.")
		return nil
	}
	for _, row := range review.Scorecard(ms) {
		cells := review.ScorecardCells(row)
		fmt.Fprintln(a.stdout, text.OneLine(cells[0]))
		for i, h := range review.ScorecardColumns[1:] {
			if v := cells[i+1]; v != "" {
				fmt.Fprintf(a.stdout, "  %-25s %s\n", h+":", text.OneLine(v))
			}
		}
	}
	return nil
}

func measuresAdd(ctx context.Context, a *app, c *command, args []string) (err error) {
	fs := a.newFlags(c)
	code := fs.String("code", "", "the measure's code")
	name := fs.String("name", "", "its short name")
	unit := fs.String("unit", "", "its unit")
	dir := fs.String("direction", "", "higher, lower or neither")
	counts := fs.String("counts", "", "what it counts")
	if err := a.parseNoArgs(c, fs, args); err != nil {
		return err
	}
	canon, tsm, problem := review.ReadMeasureCode(*code)
	var m review.Measure
	switch {
	case strings.TrimSpace(*code) == "":
		return usagef(c, "give the measure a code with --code, for example --code TP01")
	case problem != "":
		return usagef(c, "%s", problem)
	case tsm:
		for _, l := range review.TSMLines() {
			if l.Code == canon {
				m = l
			}
		}
		if *unit != "" || *dir != "" {
			return usagef(c, "%s is a Tenant Satisfaction Measure: its unit and direction are the regulator's, so leave out --unit and --direction", canon)
		}
		if *name != "" {
			m.Name = *name
		}
	default:
		if strings.TrimSpace(*name) == "" {
			return usagef(c, "say what the panel's own measure is with --name, for example --name \"Calls answered within 4 minutes\"")
		}
		u, ok := readUnit(*unit)
		if !ok {
			return usagef(c, "--unit should be %%, per 1,000 homes, number, minutes, hours, days or score, not %q", *unit)
		}
		d, ok := readDirection(*dir)
		if !ok {
			return usagef(c, "--direction should be higher, lower or neither, not %q", *dir)
		}
		m = review.Measure{Code: canon, Name: strings.TrimSpace(*name), Unit: u, Direction: d}
	}
	if *counts != "" {
		m.Counts = *counts
	}
	st, err := a.openStore(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	if err := st.SaveMeasure(ctx, &m); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "The panel now tracks %s %s.\n", text.OneLine(m.Code), text.OneLine(m.Name))
	return nil
}

func readUnit(s string) (review.MeasureUnit, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "%", "percent", "per cent", "percentage":
		return review.UnitPct, true
	case "per 1,000 homes", "per 1000 homes", "per 1,000", "per 1000", "rate":
		return review.UnitPerThousand, true
	case "number", "count":
		return review.UnitCount, true
	case "minutes", "mins":
		return review.UnitMinutes, true
	case "hours":
		return review.UnitHours, true
	case "days":
		return review.UnitDays, true
	case "score", "":
		return review.UnitScore, true
	}
	return "", false
}

func readDirection(s string) (review.Direction, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "higher", "up", "higher is better":
		return review.HigherBetter, true
	case "lower", "down", "lower is better":
		return review.LowerBetter, true
	case "neither", "none", "":
		return review.NoDirection, true
	}
	return "", false
}

func measuresImport(ctx context.Context, a *app, c *command, args []string) (err error) {
	fs := a.newFlags(c)
	check := fs.Bool("check", false, "only check the file")
	pos, err := a.parse(c, fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef(c, "name the CSV file to import")
	case len(pos) > 1:
		return usagef(c, "give one CSV file, not %d (put a name with spaces in quotes)", len(pos))
	}
	path := pos[0]
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s cannot be opened (%v); nothing was imported", path, errors.Unwrap(err))
	}
	defer f.Close()

	var st *store.Store
	var tracked []review.Measure
	if _, serr := os.Stat(a.db); serr == nil || !*check {
		if st, err = a.openStore(*check); err != nil {
			return err
		}
		defer closeStore(st, &err)
		if tracked, err = st.ListMeasures(ctx); err != nil {
			return err
		}
	}
	known := func(code string) (review.Measure, bool) {
		for _, m := range tracked {
			if strings.EqualFold(m.Code, code) {
				return m, true
			}
		}
		return review.Measure{}, false
	}
	p, err := measurecsv.Read(f, known)
	if err != nil {
		return fmt.Errorf("%s: %w; nothing was imported", filepath.Base(path), err)
	}
	if !p.OK() {
		fmt.Fprintf(a.stderr, "%s of %s could not be read:\n", text.Count(len(p.Problems), "row", "rows"), filepath.Base(path))
		for _, pr := range p.Problems {
			fmt.Fprintf(a.stderr, "  %s\n", text.OneLine(pr.String()))
		}
		return fmt.Errorf("nothing was imported; correct %s and try again", path)
	}
	for _, row := range p.Rows {
		fmt.Fprintln(a.stdout, text.OneLine(previewLine(row)))
	}
	if *check {
		fmt.Fprintf(a.stdout, "Every row can be read (%s). Nothing was imported (--check).\n", text.Count(len(p.Rows), "result", "results"))
		return nil
	}
	rows := make([]store.MeasureImport, len(p.Rows))
	for i, r := range p.Rows {
		rows[i] = store.MeasureImport{Code: r.Code, Result: r.Result}
	}
	res, err := st.ImportMeasureResults(ctx, rows)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Imported %s: %d new, %d changed, %d already there.\n",
		text.Count(len(p.Rows), "result", "results"), res.Added, res.Updated, res.Unchanged)
	if len(res.NewMeasures) > 0 {
		fmt.Fprintf(a.stdout, "The panel now also tracks %s.\n", strings.Join(res.NewMeasures, ", "))
	}
	return nil
}

func previewLine(r measurecsv.Row) string {
	m := r.Measure
	s := fmt.Sprintf("row %d: %s %s, %s: %s", r.Line, r.Code, m.Name, r.Result.Period, review.FormatValue(m.Unit, r.Result.Value))
	if g := r.Result.GroupText(); g != "" {
		s += ", " + g
	}
	if r.Result.Base > 0 {
		s += fmt.Sprintf(" (base %d)", r.Result.Base)
	}
	if r.Result.HasTarget {
		s += ", target " + review.FormatValue(m.Unit, r.Result.Target)
	}
	return s
}
