package reportview

import (
	"testing"

	"charm.land/glamour/v2"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/ui/style"
)

// BenchmarkReportPreview is the Report tab's work for one preview of the
// example review at 100 columns: build the report and draw it. "glamour"
// is the old path (the markdown, then glamour's terminal renderer at the
// width the tab gave it), "terminal" this writer.
func BenchmarkReportPreview(b *testing.B) {
	r := example.Review()
	st := style.New("dark")
	const width = 100
	b.Run("glamour", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			md := string(review.Render(r))
			g, err := glamour.NewTermRenderer(glamour.WithStandardStyle(st.Markdown), glamour.WithWordWrap(width-2))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := g.Render(md); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("terminal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Draw(review.NewReport(r), st, width-2)
		}
	})
}

// BenchmarkReportPreviewLarge is the same for a review of the large
// synthetic data (100 evidence items, 300 findings, 50 recommendations).
func BenchmarkReportPreviewLarge(b *testing.B) {
	r := example.LargeReview(0)
	st := style.New("dark")
	b.ReportAllocs()
	for b.Loop() {
		Draw(review.NewReport(r), st, 98)
	}
}
