//go:build unix

package trackersheet

// Benchmarks on the large synthetic database (example.Large: 5,000
// recommendations across 100 reviews, with responses and actions in the
// later stages). The database is shared with the store's benchmarks,
// cached under os.TempDir(). Run:
//
//	go test ./review/trackersheet/ -run '^$' -bench . -benchtime 10x
//
// Results are in BENCHMARKS.md.

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/store"
)

var (
	largeOnce sync.Once
	largeTS   []review.Tracked
	largeErr  error
)

// largeTracker reads the tracker of the large database, building the
// database on first use as the store's benchmarks do.
func largeTracker(b *testing.B) (*store.Store, []review.Tracked) {
	b.Helper()
	path := filepath.Join(os.TempDir(), "scrutiny-bench-large-v3.scrutiny")
	largeOnce.Do(func() {
		if _, err := os.Stat(path); err != nil {
			tmp := path + ".building"
			os.Remove(tmp)
			s, err := store.Open(tmp, store.Options{})
			if err != nil {
				largeErr = err
				return
			}
			if err := example.Large(context.Background(), s, nil); err != nil {
				s.Close()
				largeErr = err
				return
			}
			if largeErr = s.Close(); largeErr != nil {
				return
			}
			if largeErr = os.Rename(tmp, path); largeErr != nil {
				return
			}
		}
	})
	if largeErr != nil {
		b.Fatal(largeErr)
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ts, err := s.Tracker(context.Background())
	if err != nil || len(ts) != example.LargeReviews*example.LargeRecommendationsPer {
		b.Fatalf("tracker: %d recommendations, %v", len(ts), err)
	}
	return s, ts
}

var today = review.D(2026, 3, 14)

// cpuTime is the process's user plus system CPU: on a shared, busy machine
// it shows the work done, where wall time also counts waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkTracker is `scrutiny tracker` in process: read every
// recommendation with its actions and draw the table.
func BenchmarkTracker(b *testing.B) {
	s, _ := largeTracker(b)
	ctx := context.Background()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for range b.N {
		ts, err := s.TrackerBrief(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if md := review.TrackerMarkdown(ts, review.TrackerFilter{}, today); len(md) < 100000 {
			b.Fatalf("table of %d bytes", len(md))
		}
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkExportXLSX is `tracker export -o FILE.xlsx` less the file:
// read the tracker and write the workbook.
func BenchmarkExportXLSX(b *testing.B) {
	s, _ := largeTracker(b)
	ctx := context.Background()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for range b.N {
		ts, err := s.Tracker(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var w countWriter
		if err := WriteXLSX(&w, ts); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.n)/1e6, "MB")
	}
}

// BenchmarkImportPreview5000 reads a 5,000-row workbook in which every
// tenth status was changed and works out the preview against the whole
// tracker: what `tracker import` does before it asks.
func BenchmarkImportPreview5000(b *testing.B) {
	s, ts := largeTracker(b)
	rows := Rows(ts)
	if len(rows) < 5000 {
		b.Fatalf("only %d rows", len(rows))
	}
	rows = rows[:5000]
	changed := 0
	for i := range rows {
		if i%10 == 0 && rows[i][colAction] != "" {
			if rows[i][colStatus] == "done" {
				rows[i][colStatus] = "on track"
			} else {
				rows[i][colStatus] = "done"
			}
			changed++
		}
	}
	var buf bytes.Buffer
	if err := writeXLSXRows(&buf, rows); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	ctx := context.Background()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for range b.N {
		got, err := Read(bytes.NewReader(data), "tracker.xlsx")
		if err != nil || len(got) != 5000 {
			b.Fatalf("%d rows, %v", len(got), err)
		}
		cur, err := s.Tracker(ctx)
		if err != nil {
			b.Fatal(err)
		}
		p, err := MakePlan(cur, got, today)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Lines) == 0 || len(p.Lines) > changed {
			b.Fatalf("%d changes, %d rows changed", len(p.Lines), changed)
		}
	}
}
