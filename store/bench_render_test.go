package store_test

import (
	"context"
	"testing"

	"scrutiny/review"
	"scrutiny/store"
)

// BenchmarkRenderLargestReview is the markdown report of the largest review
// of the large database: the work behind `scrutiny export` and the report
// tab, once the review is loaded (loading is BenchmarkLoadReview).
func BenchmarkRenderLargestReview(b *testing.B) {
	s, err := store.Open(largeDB(b), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r, err := s.LoadReview(context.Background(), biggestReview(b, s))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	var size int
	for i := 0; i < b.N; i++ {
		size = len(review.Render(r))
	}
	reportCPU(b, start)
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkLoadAndRenderLargestReview is the whole of one review's export
// from an open file: load the aggregate, then render it.
func BenchmarkLoadAndRenderLargestReview(b *testing.B) {
	s, err := store.Open(largeDB(b), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id := biggestReview(b, s)
	ctx := context.Background()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		r, err := s.LoadReview(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		if len(review.Render(r)) == 0 {
			b.Fatal("empty report")
		}
	}
	reportCPU(b, start)
}
