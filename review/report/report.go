// Package report names the report's formats and renders a review in any of
// them: one report model (review.NewReport) drawn by one writer per format,
// so the command line, the workspace and the tests share the list.
package report

import (
	"scrutiny/review"
	"scrutiny/review/docx"
	"scrutiny/review/htmlreport"
)

// Format is one way of writing the report.
type Format struct {
	Name   string // as typed after --format: "md", "html", "docx"
	Ext    string // the file name's ending: ".md"
	Label  string // in words, for the screen: "Word document"
	Binary bool   // not text: never written to a terminal
	render func(*review.Report) []byte
}

// Formats lists every format of the report, markdown first.
func Formats() []Format {
	return []Format{
		{Name: "md", Ext: ".md", Label: "markdown", render: review.Markdown},
		{Name: "html", Ext: ".html", Label: "web page", render: htmlreport.HTML},
		{Name: "docx", Ext: ".docx", Label: "Word document", Binary: true, render: docx.DOCX},
	}
}

// Lookup finds a format by name.
func Lookup(name string) (Format, bool) {
	for _, f := range Formats() {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Render writes the review's report in this format.
func (f Format) Render(r *review.Review) []byte { return f.render(review.NewReport(r)) }

// RenderReport writes any document of the report model in this format,
// such as the tenants' summary (review.NewSummary).
func (f Format) RenderReport(rep *review.Report) []byte { return f.render(rep) }

// Export writes the review's report in the named format; markdown when the
// name is not a format's.
func Export(r *review.Review, name string) []byte {
	f, ok := Lookup(name)
	if !ok {
		f = Formats()[0]
	}
	return f.Render(r)
}
