package store_test

// Benchmarks on one review whose survey holds 1,000,000 answers (50,000
// people × 20 questions): what the panel waits for when a big survey is
// open. The file is built once (example.LargeWith, one review) and kept
// under os.TempDir() as scrutiny-bench-1m-answers-{csv,uuid}-v2.scrutiny. Run:
//
//	go test ./store/ -run '^$' -bench 'Million' -benchtime 10x
//
// These use only LoadReview, QuestionStats, QuestionStatsBy and
// review.Render, so the same file runs against older commits for a
// before-and-after pair.

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/store"
)

const millionRespondents = 50_000

// millionFiles are the two forms of the file: questions named as a CSV
// import names them (q1, q2...: how a survey this big arrives), and with
// UUIDs as typed-in questions get (the synthetic data's own form, whose
// keys make each stored answer four times longer).
var millionFiles = map[bool]*struct {
	once sync.Once
	path string
	err  error
}{true: {}, false: {}}

func millionDB(b *testing.B, short bool) string {
	b.Helper()
	f := millionFiles[short]
	f.once.Do(func() {
		name := "scrutiny-bench-1m-answers-uuid-v2.scrutiny"
		if short {
			name = "scrutiny-bench-1m-answers-csv-v2.scrutiny"
		}
		f.path = filepath.Join(os.TempDir(), name)
		if _, err := os.Stat(f.path); err == nil {
			// Bring a file cached by an older build up to date.
			s, err := store.Open(f.path, store.Options{})
			if err == nil {
				err = s.Close()
			}
			f.err = err
			return
		}
		tmp := f.path + ".building"
		for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(p)
		}
		s, err := store.Open(tmp, store.Options{})
		if err != nil {
			f.err = err
			return
		}
		size := example.LargeSize{Reviews: 1, RespondentsPer: millionRespondents, ShortQuestionIDs: short}
		if err := example.LargeWith(context.Background(), s, size, nil); err != nil {
			s.Close()
			f.err = err
			return
		}
		if f.err = s.Close(); f.err == nil {
			f.err = os.Rename(tmp, f.path)
		}
	})
	if f.err != nil {
		b.Fatal(f.err)
	}
	return f.path
}

// eachMillion runs fn on both forms of the file, as sub-benchmarks.
func eachMillion(b *testing.B, fn func(b *testing.B, s *store.Store, id string, r *review.Review)) {
	for _, short := range []bool{true, false} {
		name := "uuid-keys"
		if short {
			name = "csv-keys"
		}
		b.Run(name, func(b *testing.B) {
			s, id, r := loadMillion(b, short)
			fn(b, s, id, r)
		})
	}
}

func loadMillion(b *testing.B, short bool) (*store.Store, string, *review.Review) {
	s, err := store.Open(millionDB(b, short), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	id := biggestReview(b, s)
	r, err := s.LoadReview(context.Background(), id)
	if err != nil {
		b.Fatal(err)
	}
	if len(r.Surveys) != 1 || r.Surveys[0].Responses() != millionRespondents {
		b.Fatalf("the file does not hold one survey of %d people", millionRespondents)
	}
	return s, id, r
}

// BenchmarkMillionLoadReview: load the whole review, its 1,000,000 answers
// included. Target: under 50 ms and 30 MB allocated.
func BenchmarkMillionLoadReview(b *testing.B) {
	eachMillion(b, func(b *testing.B, s *store.Store, id string, _ *review.Review) {
		ctx := context.Background()
		b.ReportAllocs()
		b.ResetTimer()
		start := cpuTime()
		for range b.N {
			if _, err := s.LoadReview(ctx, id); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, start)
	})
}

// BenchmarkMillionFigures: the figures for every question of that survey,
// over everyone and split by contact method, as the Surveys tab and the
// report show them. Target: under 20 ms.
func BenchmarkMillionFigures(b *testing.B) {
	_, _, r := loadMillion(b, true)
	sv := &r.Surveys[0]
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			for i := range sv.Questions {
				sv.QuestionStats(&sv.Questions[i])
			}
		}
	})
	b.Run("by-attribute", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			for i := range sv.Questions {
				sv.QuestionStatsBy(&sv.Questions[i], "contact method")
			}
		}
	})
}

// BenchmarkMillionRender: the markdown report of that review, once loaded.
// Target: under 50 ms.
func BenchmarkMillionRender(b *testing.B) {
	_, _, r := loadMillion(b, true)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	var size int
	for range b.N {
		size = len(review.Render(r))
	}
	reportCPU(b, start)
	b.ReportMetric(float64(size), "bytes")
}
