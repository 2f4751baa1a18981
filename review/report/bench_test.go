package report_test

import (
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/review/report"
)

// The targets: the example under 50 ms per format, the largest review of
// the large database under 200 ms. Each includes building the model.
func benchFormat(b *testing.B, r *review.Review, name string) {
	f, _ := report.Lookup(name)
	b.ReportAllocs()
	size := 0
	cpu := cpuNanos()
	for b.Loop() {
		size = len(f.Render(r))
	}
	if cpu := cpuNanos() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(size), "bytes")
}

func BenchmarkExampleMarkdown(b *testing.B) { benchFormat(b, example.Review(), "md") }
func BenchmarkExampleHTML(b *testing.B)     { benchFormat(b, example.Review(), "html") }
func BenchmarkExampleDOCX(b *testing.B)     { benchFormat(b, example.Review(), "docx") }
func BenchmarkLargeMarkdown(b *testing.B)   { benchFormat(b, example.LargeReview(0), "md") }
func BenchmarkLargeHTML(b *testing.B)       { benchFormat(b, example.LargeReview(0), "html") }
func BenchmarkLargeDOCX(b *testing.B)       { benchFormat(b, example.LargeReview(0), "docx") }
