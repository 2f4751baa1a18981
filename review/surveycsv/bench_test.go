//go:build unix

package surveycsv

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/store"
)

// The benchmark file: 100,000 respondents, a contact method, 20 questions
// (16 on a 1-10 scale, 4 with satisfaction words), some blanks and
// "Don't know". About 13 MB; made once per test run, removed by TestMain.
const benchRows, benchQuestions = 100_000, 20

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchPath != "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

func benchFile(b *testing.B) string {
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "surveycsv-bench-")
		if err != nil {
			benchErr = err
			return
		}
		benchPath = filepath.Join(dir, "survey-100k.csv")
		benchErr = writeBenchCSV(benchPath)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func writeBenchCSV(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString("Contact method")
	for q := 1; q <= benchQuestions; q++ {
		if q > 16 {
			fmt.Fprintf(w, ",How satisfied are you with %d?", q)
		} else {
			fmt.Fprintf(w, ",Question %d (1-10)", q)
		}
	}
	w.WriteString("\n")
	methods := []string{"Phone", "Email", "Self-service portal", "In person", "Web chat"}
	sat := DefaultLabelSets[0].Names
	x := uint32(2463534242)
	for r := 0; r < benchRows; r++ {
		w.WriteString(methods[r%len(methods)])
		for q := 1; q <= benchQuestions; q++ {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			w.WriteByte(',')
			switch {
			case x%50 == 0:
			case x%50 == 1:
				w.WriteString("Don't know")
			case q > 16:
				w.WriteString(sat[x%5])
			default:
				w.WriteString(strconv.Itoa(int(1 + x%10)))
			}
		}
		w.WriteString("\n")
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// peakRSS resets the kernel's high-water mark of this process (Linux) and
// returns a function that reads it again, in MB.
func peakRSS() func() float64 {
	resetOK := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	return func() float64 {
		if !resetOK {
			return -1
		}
		data, err := os.ReadFile("/proc/self/status")
		if err != nil {
			return -1
		}
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
				kb, _ := strconv.Atoi(f[1])
				return float64(kb) / 1024
			}
		}
		return -1
	}
}

// BenchmarkImport100k reads, checks and imports the 100,000-row file into
// a real database file: the whole of "scrutiny survey import" except the
// printing. Targets: under 2 s, peak memory under 200 MB.
func BenchmarkImport100k(b *testing.B) {
	path := benchFile(b)
	ctx := context.Background()
	peak := 0.0
	cpu := time.Duration(0)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		st, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench%d.db", i)), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rv := &review.Review{Topic: "bench"}
		if err := st.CreateReview(ctx, rv); err != nil {
			b.Fatal(err)
		}
		// Start from a clean heap, as a fresh "scrutiny survey import"
		// process does, so the last round's garbage is not counted.
		runtime.GC()
		debug.FreeOSMemory()
		readPeak := peakRSS()
		cpu0 := cpuTime()
		b.StartTimer()

		p, err := ReadFile(path, Options{})
		if err != nil || !p.OK() {
			b.Fatalf("read: %v %v", err, p.Errors)
		}
		sv := p.SurveyHeader("bench", 200000)
		if err := Import(ctx, st, rv.ID, p, &sv); err != nil {
			b.Fatal(err)
		}

		b.StopTimer()
		cpu += cpuTime() - cpu0
		peak = max(peak, readPeak())
		if p.Rows != benchRows || len(sv.Questions) != benchQuestions || sv.ID == "" {
			b.Fatalf("%d rows, %d questions, survey %q", p.Rows, len(sv.Questions), sv.ID)
		}
		p, sv = nil, review.Survey{}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(peak, "peak-RSS-MB")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the processor time this process has used (all threads, user
// and system), to tell work from waiting when the machine is busy.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkReadOnly100k is the reading and checking alone (the preview).
func BenchmarkReadOnly100k(b *testing.B) {
	path := benchFile(b)
	for b.Loop() {
		p, err := ReadFile(path, Options{})
		if err != nil || !p.OK() {
			b.Fatal(err)
		}
	}
}

// BenchmarkSQLiteShellImport100k times the sqlite3 shell's .import of the
// same file into a fresh database, for comparison (no checking, every
// value stored as text in one table).
func BenchmarkSQLiteShellImport100k(b *testing.B) {
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("the sqlite3 shell is not installed")
	}
	path := benchFile(b)
	cpu0 := childCPUTime()
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(b.TempDir(), fmt.Sprintf("shell%d.db", i))
		out, err := exec.Command(sqlite, db, ".import --csv "+path+" answers").CombinedOutput()
		if err != nil || len(out) > 0 {
			b.Fatalf("sqlite3: %v %s", err, out)
		}
	}
	b.ReportMetric((childCPUTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// childCPUTime is the processor time used by finished child processes.
func childCPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestWriteBenchCSV writes the benchmark file to $SCRUTINY_BENCH_CSV, for
// the whole-command comparison in .ci/bench-survey-import.sh; without it the
// test does nothing.
func TestWriteBenchCSV(t *testing.T) {
	path := os.Getenv("SCRUTINY_BENCH_CSV")
	if path == "" {
		t.Skip("SCRUTINY_BENCH_CSV is not set")
	}
	if err := writeBenchCSV(path); err != nil {
		t.Fatal(err)
	}
}
