package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"scrutiny/review"
	"scrutiny/review/surveycsv"
	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "survey",
		summary: "import a survey's answers from a CSV file and print its figures",
		usage: `Usage: scrutiny survey import --review ID --name NAME [--sent N] [--by ATTRIBUTE]
                              [--channel HOW] [--column "HEADER=KIND"]... [--check]
                              [--db FILE] FILE.csv

Reads a CSV file exported from a survey tool or a spreadsheet (one row per
person who answered, a header row with the questions), adds it to a review
as a survey, then prints the figures for every question.

The file may use commas or semicolons, and may be saved as "CSV UTF-8".
Blank cells are "no answer"; "Don't know", "N/A", "Not applicable" and
"Prefer not to say" are counted but left out of the figures; words such as
"Very satisfied" become points on the scale. Columns that are not questions
(such as "Contact method") are kept about each person, to split figures by.

If any row cannot be read, every such row is listed with its row number and
the reason, and nothing is imported. Control characters in an answer (an
escape code pasted into a comment) are removed, and the import says how many
cells had them. Give - as FILE.csv to read the answers from standard input.

  --review ID      the review to add the survey to ("scrutiny list" shows IDs;
                   may be left out when the database holds only one review)
  --name NAME      the survey's name, e.g. "Customer contact survey"
  --sent N         how many people it was sent to, for the response rate
  --channel HOW    how it was sent: text, email, phone, paper, online or
                   in person
  --by ATTRIBUTE   also print the figures for each value of a column about
                   the person, e.g. --by "Contact method"
  --column "HEADER=KIND"
                   say what a column is instead of letting scrutiny guess:
                   KIND is scale 1-10, scale 0-10, scale 1-5 (any range),
                   yes/no, choice, free text, attribute or ignore; repeat it
                   for more columns
  --check          only check the file and show what would be imported

Examples:
  scrutiny survey import --review 0190a5c0-... --name "Contact survey" --sent 670 answers.csv
  scrutiny survey import --check answers.csv
  scrutiny survey import --check --column "Area=attribute" --column "Effort=scale 1-10" answers.csv
`,
		run: runSurvey,
	})
}

func runSurvey(ctx context.Context, a *app, args []string) (err error) {
	c := commands["survey"]
	if len(args) == 0 {
		return usagef(c, "say what to do: scrutiny survey import ...")
	}
	switch args[0] {
	case "import":
	case "-h", "--help", "-help", "help":
		fmt.Fprint(a.stdout, c.usage)
		return nil
	default:
		return usagef(c, "survey can only import for now, not %q", args[0])
	}
	fs := a.newFlags(c)
	id := fs.String("review", "", "review ID")
	name := fs.String("name", "", "survey name")
	sent := fs.Int("sent", 0, "how many were sent")
	channel := fs.String("channel", "", "how it was sent")
	by := fs.String("by", "", "attribute to split by")
	check := fs.Bool("check", false, "only check the file")
	opts := surveycsv.Options{Kinds: map[string]surveycsv.Kind{}, Scales: map[string][2]int{}}
	fs.Func("column", "HEADER=KIND", func(v string) error { return parseColumnKind(v, &opts) })
	pos, err := a.parse(c, fs, args[1:])
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef(c, "name the CSV file to import")
	case len(pos) > 1:
		return usagef(c, "give one CSV file, not %d (put a name with spaces in quotes)", len(pos))
	case *sent < 0:
		return usagef(c, "--sent must be 0 or more, not %d", *sent)
	}
	ch, err := parseChannel(*channel)
	if err != nil {
		return usagef(c, "%s", err)
	}
	path := pos[0]
	if *name == "" && !*check {
		return usagef(c, "give the survey a name with --name, for example --name %q", strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	}

	var p *surveycsv.Preview
	if path == "-" {
		p, err = surveycsv.ReadStream(a.stdin, opts)
	} else {
		p, err = surveycsv.ReadFile(path, opts)
	}
	if err != nil {
		return fmt.Errorf("%w; nothing was imported", err)
	}
	if !p.OK() {
		fmt.Fprintf(a.stderr, "%s of %s could not be read:\n", text.Count(len(p.Errors), "row", "rows"), filepath.Base(path))
		for _, e := range p.Errors {
			fmt.Fprintf(a.stderr, "  %s\n", text.OneLine(e.String()))
		}
		return fmt.Errorf("nothing was imported; correct %s and try again", path)
	}
	// The answers go into the database straight from the preview; the
	// figures are counted from its columns, made only after the import so
	// the two never take memory at the same time.
	sv := p.SurveyHeader(*name, *sent)
	sv.Channel = ch
	if *check {
		sv.Respondents = p.Respondents()
		fmt.Fprint(a.stdout, svOneLineEach(p.Describe()))
		fmt.Fprintln(a.stdout, "Every row can be read. Nothing was imported (--check).")
		return printSurvey(a.stdout, &sv, *by)
	}
	if len(sv.Questions) == 0 {
		return errors.New("the file has no question columns, so nothing was imported")
	}

	st, err := a.openStore(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	rid, err := pickReview(ctx, st, *id, "to add the survey to", "start one in the workspace first (run scrutiny)")
	if err != nil {
		return err
	}
	// The import itself checks that the review is there (and not in the
	// bin), in its own transaction: loading the review first would read
	// every answer of every survey it already has.
	if err := surveycsv.Import(ctx, st, rid, p, &sv); err != nil {
		return notFound(err, rid)
	}
	sv.Respondents = p.Respondents()
	fmt.Fprintf(a.stdout, "Imported %q: %s, %s.\n", text.OneLine(sv.Name),
		text.Count(sv.Respondents.Len(), "response", "responses"), text.Count(len(sv.Questions), "question", "questions"))
	if c := p.CleanedText(); c != "" {
		fmt.Fprintln(a.stdout, c)
	}
	return printSurvey(a.stdout, &sv, *by)
}

// parseColumnKind reads one --column "HEADER=KIND".
func parseColumnKind(v string, o *surveycsv.Options) error {
	i := strings.LastIndex(v, "=")
	if i <= 0 {
		return fmt.Errorf("give a column as \"HEADER=KIND\", for example \"Contact method=attribute\", not %q", v)
	}
	header, kind := strings.TrimSpace(v[:i]), strings.ToLower(strings.Join(strings.Fields(v[i+1:]), " "))
	if rest, ok := strings.CutPrefix(kind, "scale"); ok {
		lo, hi := 1, 10
		if rest = strings.TrimSpace(rest); rest != "" {
			if _, err := fmt.Sscanf(strings.ReplaceAll(rest, " ", ""), "%d-%d", &lo, &hi); err != nil || lo < 0 || hi <= lo || hi > 100 {
				return fmt.Errorf("%q is not a scale such as \"scale 1-10\"", v[i+1:])
			}
		}
		o.Kinds[header], o.Scales[header] = surveycsv.Scale, [2]int{lo, hi}
		return nil
	}
	for _, k := range surveycsv.Kinds {
		if string(k) == kind || (k == surveycsv.YesNo && kind == "yes no") || (k == surveycsv.FreeText && kind == "text") {
			o.Kinds[header] = k
			return nil
		}
	}
	return fmt.Errorf("%q is not a kind of column: use scale 1-10, yes/no, choice, free text, attribute or ignore", v[i+1:])
}

func parseChannel(s string) (review.Channel, error) {
	if s == "" {
		return "", nil
	}
	t := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), " "))
	for _, ch := range review.Channels {
		if string(ch) == t {
			return ch, nil
		}
	}
	return "", fmt.Errorf("--channel must be text, email, phone, paper, online or in person, not %q", s)
}

func svOneLineEach(s string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = text.OneLine(lines[i])
	}
	return strings.Join(lines, "\n")
}

// printSurvey writes the response rate and the statistics table, then the
// answers to yes/no and choice questions, then (with --by) the table again
// for each group.
func printSurvey(w io.Writer, sv *review.Survey, by string) error {
	fmt.Fprintf(w, "\nSurvey: %s\nResponses: %s\n\n", text.OneLine(sv.Name), sv.ResponseRateText())
	writeStatsTable(w, sv, func(q *review.Question) review.Stats { return sv.QuestionStats(q) })
	for i := range sv.Questions {
		q := &sv.Questions[i]
		if q.Kind != review.QuestionYesNo && q.Kind != review.QuestionChoice {
			continue
		}
		s := sv.QuestionStats(q)
		fmt.Fprintf(w, "\n%s\n", text.OneLine(q.Text))
		rows := [][]string{}
		for _, c := range s.Counts {
			rows = append(rows, []string{"  " + text.OneLine(c.Label), strconv.Itoa(c.N), s.PctText(c.N)})
		}
		svAligned(w, rows, []bool{false, true, true})
	}
	if by == "" {
		return nil
	}
	attr := ""
	for _, n := range sv.AttributeNames() {
		if strings.EqualFold(n, strings.TrimSpace(by)) {
			attr = n
		}
	}
	if attr == "" {
		names := sv.AttributeNames()
		if len(names) == 0 {
			return fmt.Errorf("the survey has no columns about the person to split by (--by %q)", by)
		}
		return fmt.Errorf("there is no column %q to split by; the file has: %s", by, strings.Join(names, ", "))
	}
	groups := map[string]map[string]review.Stats{} // value -> question ID -> stats
	var order []string
	for i := range sv.Questions {
		q := &sv.Questions[i]
		for _, g := range sv.QuestionStatsBy(q, attr) {
			if groups[g.Value] == nil {
				groups[g.Value] = map[string]review.Stats{}
				order = append(order, g.Value)
			}
			groups[g.Value][q.ID] = g.Stats
		}
	}
	for _, v := range order {
		fmt.Fprintf(w, "\n%s: %s\n\n", text.OneLine(attr), text.OneLine(v))
		m := groups[v]
		writeStatsTable(w, sv, func(q *review.Question) review.Stats { return m[q.ID] })
	}
	return nil
}

// writeStatsTable prints one line per question: base, excluded, average,
// % top score, % at or above and at or below the thresholds, % satisfied
// and NPS where they apply. The thresholds go in the header when every
// scale question shares them, and beside each figure otherwise.
func writeStatsTable(w io.Writer, sv *review.Survey, stats func(*review.Question) review.Stats) {
	high, low, same := 0, 0, true
	first := true
	for i := range sv.Questions {
		q := &sv.Questions[i]
		if q.Kind != review.QuestionScale {
			continue
		}
		h, l := sv.Thresholds(q)
		if first {
			high, low, first = h, l, false
		} else if h != high || l != low {
			same = false
		}
	}
	hiHead, loHead := "At or above", "At or below"
	if same && !first {
		hiHead, loHead = fmt.Sprintf("%d or more", high), fmt.Sprintf("%d or less", low)
	}
	rows := [][]string{{"Question", "Base", "Excluded", "Average", "Top score", hiHead, loHead, "Satisfied", "NPS"}}
	small := false
	for i := range sv.Questions {
		q := &sv.Questions[i]
		s := stats(q)
		text := svClip(text.OneLine(q.Text), 40)
		if s.SmallBase && s.Base > 0 {
			text += " *"
			small = true
		}
		row := []string{text, strconv.Itoa(s.Base), strconv.Itoa(s.Excluded), "–", "–", "–", "–", "–", "–"}
		if s.HasMean && s.Base > 0 {
			row[3], row[4] = s.MeanText(), s.PctText(s.TopN)
			row[5], row[6] = s.PctText(s.HighN), s.PctText(s.LowN)
			if !same {
				row[5] += fmt.Sprintf(" (≥%d)", s.High)
				row[6] += fmt.Sprintf(" (≤%d)", s.Low)
			}
			if s.HasSatisfied {
				row[7] = s.PctText(s.SatisfiedN)
			}
			if s.HasNPS {
				row[8] = s.NPSText()
			}
		}
		rows = append(rows, row)
	}
	svAligned(w, rows, []bool{false, true, true, true, true, true, true, true, true})
	if small {
		fmt.Fprintf(w, "* small base: fewer than %d answers, so treat these figures with care\n", review.SmallBaseUnder)
	}
}

// svAligned pads columns to their widest cell (counted in characters),
// numbers to the right.
func svAligned(w io.Writer, rows [][]string, right []bool) {
	widths := make([]int, len(right))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func svClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
