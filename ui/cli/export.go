package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"scrutiny/review"
	"scrutiny/review/report"
	"scrutiny/store"
	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "export",
		summary: "write a review's report (markdown, web page, Word) or a bundle of reviews (JSON)",
		usage: `Usage: scrutiny export [--review ID] [--format md|html|docx|json] [-o FILE] [--db FILE]

Writes the report of one review as markdown, as a web page or as a Word
document, or a JSON bundle of one or all reviews to move them to another
laptop (read it there with scrutiny import). Without -o the result goes to
the screen (standard output); a Word document needs -o.

  --review ID      the review to export; for a report it may be left out when
                   the database holds only one review ("scrutiny list" shows IDs)
  --format md      the report as markdown, plain text that pandoc converts (default)
  --format html    the report as one web page with its charts inside; print it
                   to PDF from any browser for an A4 Board paper
  --format docx    the report as a Word document with a cover sheet, headings,
                   tables, numbered recommendations and charts
  --format json    a bundle: the review given with --review, or every review
  --summary        instead of the report, a short "You said, we did" for
                   tenants: one line per recommendation with what the panel
                   asked, what the landlord agreed and what has happened, for a
                   newsletter or the landlord's website (md, html or docx)
  -o FILE          write to FILE; an existing FILE is replaced only once the
                   new one is completely written

Examples:
  scrutiny export -o report.md
  scrutiny export --format docx -o board-paper.docx
  scrutiny export --format html -o report.html
  scrutiny export --review 0190a5c0-... --format md -o report.md
  scrutiny export --format json -o all-reviews.json
  scrutiny export --summary -o you-said-we-did.md
`,
		run: runExport,
	})
}

func runExport(ctx context.Context, a *app, args []string) (err error) {
	c := commands["export"]
	fs := a.newFlags(c)
	id := fs.String("review", "", "review ID")
	format := fs.String("format", "md", "md, html, docx or json")
	summary := fs.Bool("summary", false, "You said, we did")
	out := outputFlag(fs)
	pos, err := a.parse(c, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef(c, "export takes no arguments, but was given %q (use -o FILE to name the output file)", pos[0])
	}
	switch f := strings.ToLower(strings.TrimPrefix(*format, ".")); f {
	case "md", "markdown":
		*format = "md"
	case "html", "htm", "web":
		*format = "html"
	case "docx", "word":
		*format = "docx"
	case "json":
		*format = "json"
	default:
		return usagef(c, "--format must be md, html, docx or json, not %q", *format)
	}
	if *format == "docx" && (*out == "" || *out == "-") {
		return usagef(c, "a Word document cannot be shown on the screen: name the file with -o, for example -o board-paper.docx")
	}
	if *summary && *format == "json" {
		return usagef(c, "--summary is a page for tenants (md, html or docx), not a bundle")
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)

	var fill func(w io.Writer) error
	if *format == "json" {
		var ids []string
		if *id != "" {
			// Check first so a wrong ID gives a sentence, not an empty bundle.
			if _, err := st.LoadReview(ctx, *id); err != nil {
				return notFound(err, *id)
			}
			ids = []string{*id}
		}
		fill = func(w io.Writer) error { return st.ExportBundle(ctx, w, ids...) }
	} else {
		rid, err := pickReview(ctx, st, *id, "to export", "run scrutiny demo to load the example")
		if err != nil {
			return err
		}
		r, err := st.LoadReview(ctx, rid)
		if err != nil {
			return notFound(err, rid)
		}
		data := report.Export(r, *format)
		if *summary {
			f, _ := report.Lookup(*format)
			data = f.RenderReport(review.NewSummary(r, review.Today()))
		}
		fill = func(w io.Writer) error { _, err := w.Write(data); return err }
	}
	return a.emit(*out, fill)
}

// pickReview returns id, or the only review when id is empty; with several
// reviews it lists them so the user can choose. purpose finishes "there are
// no reviews in FILE ..." and next says what to do about it.
func pickReview(ctx context.Context, st *store.Store, id, purpose, next string) (string, error) {
	if id != "" {
		return id, nil
	}
	sums, err := st.ListReviewTopics(ctx)
	if err != nil {
		return "", err
	}
	switch len(sums) {
	case 0:
		return "", fmt.Errorf("there are no reviews in %s %s; %s", st.Path(), purpose, next)
	case 1:
		return sums[0].ID, nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "there are %d reviews; choose one with --review ID:\n", len(sums))
	for i, s := range sums {
		if i == 20 {
			fmt.Fprintf(&b, "  ... and %d more (scrutiny list shows them all)\n", len(sums)-i)
			break
		}
		fmt.Fprintf(&b, "  %s  %s\n", s.ID, text.OneLine(s.Topic))
	}
	return "", fmt.Errorf("%s", strings.TrimRight(b.String(), "\n"))
}
