package store_test

// Benchmarks on the large synthetic database (example.Large: 100 reviews,
// 10,000 evidence items, 30,000 findings, 5,000 recommendations, 1,000,000
// survey answers). The database is built once and kept under os.TempDir()
// between runs; delete it to rebuild. Run:
//
//	go test ./store/ -run '^$' -bench . -benchtime 20x
//
// Results and the machine they were measured on are in BENCHMARKS.md.

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/store"
)

var (
	largeOnce sync.Once
	largePath string
	largeErr  error
)

// benchScale is how many times the default large data the benchmarks use:
// SCRUTINY_BENCH_SCALE=10 runs them on 1,000 reviews (a file of about
// 1 GB, built in about half a minute and kept like the 1× one).
func benchScale() int {
	if n, err := strconv.Atoi(os.Getenv("SCRUTINY_BENCH_SCALE")); err == nil && n > 1 {
		return n
	}
	return 1
}

// largeDB returns the path of the cached large database, building it on
// first use (about a minute). A file left half-built by an interrupted run
// is never used: it is built under a temporary name and renamed.
func largeDB(b *testing.B) string {
	b.Helper()
	largeOnce.Do(func() {
		// v2: the large data gained Board responses, actions and updates.
		largePath = filepath.Join(os.TempDir(), "scrutiny-bench-large-v3.scrutiny")
		if n := benchScale(); n > 1 {
			largePath = filepath.Join(os.TempDir(), fmt.Sprintf("scrutiny-bench-large-x%d-v3.scrutiny", n))
		}
		if _, err := os.Stat(largePath); err == nil {
			// Bring a file cached by an older build up to date before
			// the read-only benchmarks open it.
			s, err := store.Open(largePath, store.Options{})
			if err != nil {
				largeErr = err
				return
			}
			largeErr = s.Close()
			return
		}
		tmp := largePath + ".building"
		os.Remove(tmp)
		os.Remove(tmp + "-wal")
		os.Remove(tmp + "-shm")
		start := time.Now()
		s, err := store.Open(tmp, store.Options{})
		if err != nil {
			largeErr = err
			return
		}
		if err := example.LargeWith(context.Background(), s, example.Scaled(benchScale()), nil); err != nil {
			s.Close()
			largeErr = err
			return
		}
		if err := s.Close(); err != nil {
			largeErr = err
			return
		}
		largeErr = os.Rename(tmp, largePath)
		fmt.Fprintf(os.Stderr, "built %s in %v\n", largePath, time.Since(start).Round(time.Second))
	})
	if largeErr != nil {
		b.Fatal(largeErr)
	}
	return largePath
}

// reportCPU adds the CPU time per operation next to the wall time.
func reportCPU(b *testing.B, start time.Duration) {
	if c := cpuTime(); c > 0 {
		b.ReportMetric(float64((c-start).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
	}
}

func BenchmarkOpenAndList(b *testing.B) {
	path := largeDB(b)
	ctx := context.Background()
	b.ResetTimer()
	var closing time.Duration
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		s, err := store.Open(path, store.Options{Editor: true})
		if err != nil {
			b.Fatal(err)
		}
		list, err := s.ListReviews(ctx)
		if err != nil || len(list) != example.LargeReviews*benchScale() {
			b.Fatalf("%d reviews, %v", len(list), err)
		}
		b.StopTimer()
		c := cpuTime()
		s.Close()
		closing += cpuTime() - c
		b.StartTimer()
	}
	reportCPU(b, start+closing)
}

// BenchmarkOpenAndListTopics is BenchmarkOpenAndList without the counts,
// as `scrutiny list` and the other places that only name the reviews do.
func BenchmarkOpenAndListTopics(b *testing.B) {
	path := largeDB(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		list, err := s.ListReviewTopics(ctx)
		if err != nil || len(list) != example.LargeReviews*benchScale() {
			b.Fatalf("%d reviews, %v", len(list), err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// biggestReview picks the review with the most rows.
func biggestReview(b *testing.B, s *store.Store) string {
	list, err := s.ListReviews(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	best, size := "", -1
	for _, sm := range list {
		if n := sm.Evidence + sm.Findings + sm.Recommendations; n > size {
			best, size = sm.ID, n
		}
	}
	return best
}

func BenchmarkLoadReview(b *testing.B) {
	s, err := store.Open(largeDB(b), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id := biggestReview(b, s)
	ctx := context.Background()
	r, err := s.LoadReview(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	answers := 0
	for _, sv := range r.Surveys {
		for _, rs := range sv.Respondents.List() {
			answers += len(rs.Answers)
		}
	}
	b.ReportMetric(float64(len(r.Evidence)+len(r.Findings)+len(r.Recommendations)), "items")
	b.ReportMetric(float64(answers), "answers")
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := s.LoadReview(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// peakSampler records the largest memory the Go runtime held from the OS
// while it ran, which is what the export's resident memory follows.
type peakSampler struct {
	stop chan struct{}
	done chan uint64
}

func samplePeak() *peakSampler {
	p := &peakSampler{make(chan struct{}), make(chan uint64)}
	runtime.GC()
	go func() {
		var peak uint64
		// runtime/metrics reads without stopping the world, unlike
		// ReadMemStats, so sampling does not slow the export down.
		sm := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"},
			{Name: "/memory/classes/os-stacks:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sm)
			var v uint64
			for _, x := range sm {
				if x.Value.Kind() == metrics.KindUint64 {
					v += x.Value.Uint64()
				}
			}
			if v > peak {
				peak = v
			}
			select {
			case <-p.stop:
				p.done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return p
}

func (p *peakSampler) end() uint64 { close(p.stop); return <-p.done }

// vmHWM is the process's peak resident memory (Linux only).
func vmHWM() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			f := strings.Fields(l)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

func BenchmarkExportAllJSON(b *testing.B) {
	s, err := store.Open(largeDB(b), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var peak uint64
	var size int64
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		p := samplePeak()
		cw := &countWriter{}
		if err := s.ExportBundle(ctx, cw); err != nil {
			b.Fatal(err)
		}
		if v := p.end(); v > peak {
			peak = v
		}
		size = cw.n
	}
	reportCPU(b, start)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(vmHWM(), "VmHWM-MB")
	b.ReportMetric(float64(size)/(1<<20), "bundle-MB")
}

// copyLarge gives a private copy of the large database to write into.
func copyLarge(b *testing.B) string {
	dst := filepath.Join(b.TempDir(), "copy.scrutiny")
	in, err := os.Open(largeDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	return dst
}

// BenchmarkSaveEvidence is one durable edit as the app makes it: one
// IMMEDIATE transaction, WAL, synchronous=FULL, committed to disk.
func BenchmarkSaveEvidence(b *testing.B) {
	path := copyLarge(b)
	s, err := store.Open(path, store.Options{Editor: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	id := biggestReview(b, s)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := review.Evidence{Kind: review.KindDocument, Title: "Benchmark edit " + strconv.Itoa(i), Notes: "Saved durably."}
		if err := s.SaveEvidence(ctx, id, &e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSqlite3ShellInsert is the yardstick for BenchmarkSaveEvidence:
// the same one-row insert into the same table of a copy of the same file,
// made by the sqlite3 shell with the same pragmas, each insert its own
// transaction. One shell runs all b.N inserts, so its start-up cost is
// spread out and the figure is the commit itself.
func BenchmarkSqlite3ShellInsert(b *testing.B) {
	shell, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("sqlite3 shell not installed")
	}
	path := copyLarge(b)
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	id := biggestReview(b, s)
	s.Close()
	var script bytes.Buffer
	w := bufio.NewWriter(&script)
	fmt.Fprintln(w, "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=1;")
	for i := 0; i < b.N; i++ {
		fmt.Fprintf(w, "INSERT INTO evidence (id, review_id, position, kind, title, held_on, who, notes) VALUES ('shell-%d-%d', '%s', %d, 'document', 'Benchmark edit %d', '', '', 'Saved durably.');\n",
			b.N, i, id, 100000+i, i)
	}
	w.Flush()
	cmd := exec.Command(shell, path)
	cmd.Stdin = &script
	b.ResetTimer()
	out, err := cmd.CombinedOutput()
	b.StopTimer()
	if err != nil {
		b.Fatalf("sqlite3: %v\n%s", err, out)
	}
}

// BenchmarkBin lists the bin of the large file: it must not read every
// table in full.
func BenchmarkBin(b *testing.B) {
	s, err := store.Open(largeDB(b), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := s.Bin(ctx); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}
