package reportview

import (
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/ui/style"
)

// BenchmarkReportPreview is the Report tab's work for one preview of the
// example review at 100 columns: build the report and draw it (the tab
// gives the writer its width less a cell of margin on each side).
// BENCHMARKS.md has the glamour path it replaced, measured in the same run.
func BenchmarkReportPreview(b *testing.B) {
	r := example.Review()
	st := style.New("dark")
	b.ReportAllocs()
	for b.Loop() {
		Draw(review.NewReport(r), st, 98)
	}
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
