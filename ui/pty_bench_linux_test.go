package ui

// Whole-program timings in a pseudo-terminal, as a person sees them: the
// real binary on the large database, its output read from the terminal's
// other end. Linux only (the terminal is opened with Linux ioctls). Run:
//
//	go test ./ui/ -run '^$' -bench 'PTY' -benchtime 1x
//	SCRUTINY_PTY_BIN=/path/to/other/scrutiny go test ...   (the same on another build)
//
// Results and the machine are in BENCHMARKS.md.

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// openPTY opens a new pseudo-terminal of w x h cells: the controlling
// side, and the terminal the program gets.
func openPTY(b *testing.B, w, h int) (*os.File, *os.File) {
	b.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		b.Skip("no pseudo-terminals here:", err)
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), req, uintptr(arg)); e != 0 {
			b.Fatalf("ioctl %#x: %v", req, e)
		}
	}
	var unlock int32
	ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock))
	var n uint32
	ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n))
	ws := struct{ row, col, x, y uint16 }{uint16(h), uint16(w), 0, 0}
	ioctl(syscall.TIOCSWINSZ, unsafe.Pointer(&ws))
	pts, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		b.Fatal(err)
	}
	return ptm, pts
}

// ptyApp is the binary running in a pseudo-terminal; reads arrive on out
// with the time each was read.
type ptyApp struct {
	cmd  *exec.Cmd
	ptm  *os.File
	out  chan ptyRead
	seen bytes.Buffer
}

type ptyRead struct {
	at   time.Time
	data []byte
}

func startPTY(b *testing.B, bin, db string) (*ptyApp, time.Time) {
	ptm, pts := openPTY(b, 120, 40)
	cmd := exec.Command(bin, "--db", db)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	a := &ptyApp{cmd: cmd, ptm: ptm, out: make(chan ptyRead, 1024)}
	go func() {
		defer close(a.out)
		for {
			buf := make([]byte, 64<<10)
			n, err := ptm.Read(buf)
			if n > 0 {
				a.out <- ptyRead{time.Now(), buf[:n]}
			}
			if err != nil {
				return
			}
		}
	}()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	pts.Close()
	b.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		ptm.Close()
	})
	return a, start
}

// waitFor reads until the output so far holds want; it returns when the
// read that completed it arrived.
func (a *ptyApp) waitFor(b *testing.B, want string) time.Time {
	deadline := time.After(10 * time.Second)
	for {
		select {
		case r, ok := <-a.out:
			if !ok {
				b.Fatalf("the program ended before showing %q", want)
			}
			a.seen.Write(r.data)
			if strings.Contains(a.seen.String(), want) {
				a.seen.Reset()
				return r.at
			}
		case <-deadline:
			b.Fatalf("no %q within 10 s; last output %q", want, tail(a.seen.String()))
		}
	}
}

// settle reads until the terminal has been quiet for d.
func (a *ptyApp) settle(d time.Duration) {
	for {
		select {
		case <-a.out:
		case <-time.After(d):
			return
		}
	}
}

func tail(s string) string { return s[max(0, len(s)-300):] }

// ptyBinary is the binary built from this tree, or SCRUTINY_PTY_BIN when
// set (another build, for a before-and-after pair). The other build makes
// its own large file with the same demo, since a file of a newer format
// cannot be opened by an older build.
func ptyBinary(b *testing.B) (string, string) {
	db, _ := largeDB(b)
	bin := filepath.Join(filepath.Dir(db), "scrutiny")
	if other := os.Getenv("SCRUTINY_PTY_BIN"); other != "" {
		bin = other
		db = filepath.Join(filepath.Dir(db), "other.db")
		if out, err := exec.Command(bin, "--db", db, "demo", "--size", "large").CombinedOutput(); err != nil {
			b.Fatalf("%s demo --size large: %v\n%s", bin, err, out)
		}
	}
	return bin, db
}

// BenchmarkPTYLaunchToFirstFrame: from starting the program to the home
// screen's help line arriving at the terminal, on the large database.
func BenchmarkPTYLaunchToFirstFrame(b *testing.B) {
	bin, db := ptyBinary(b)
	var ms []float64
	for range max(b.N, 10) {
		a, start := startPTY(b, bin, db)
		ms = append(ms, float64(a.waitFor(b, "quit").Sub(start).Microseconds())/1000)
		a.cmd.Process.Kill()
		a.cmd.Wait()
	}
	reportSpread(b, ms)
}

// BenchmarkPTYKeyToFrame: from a key written to the terminal to the first
// bytes of the frame it causes, pressing ↓ and ↑ by turns on the home
// screen and in the largest review, at irregular intervals so the presses
// fall anywhere between two of the renderer's ticks. Then the program is
// left alone for 5 s and its processor time read: idle-cpu-% is the share
// of one core it used.
func BenchmarkPTYKeyToFrame(b *testing.B) {
	bin, db := ptyBinary(b)
	a, _ := startPTY(b, bin, db)
	a.waitFor(b, "quit")
	a.settle(300 * time.Millisecond)
	var ms []float64
	press := func(n int) {
		for i := range n {
			a.settle(time.Duration(15+rand.IntN(40)) * time.Millisecond)
			k := "\x1b[B"
			if i%2 == 1 {
				k = "\x1b[A"
			}
			t0 := time.Now()
			if _, err := a.ptm.WriteString(k); err != nil {
				b.Fatal(err)
			}
			select {
			case r := <-a.out:
				ms = append(ms, float64(r.at.Sub(t0).Microseconds())/1000)
			case <-time.After(2 * time.Second):
				b.Fatal("no frame after a key press")
			}
		}
	}
	presses := max(b.N, 200)
	press(presses / 2)
	a.ptm.WriteString("\r") // open the review under the cursor
	a.settle(500 * time.Millisecond)
	press(presses - presses/2)
	reportSpread(b, ms)

	a.settle(500 * time.Millisecond)
	before := procCPU(b, a.cmd.Process.Pid)
	t0 := time.Now()
	a.settle(5 * time.Second)
	used := procCPU(b, a.cmd.Process.Pid) - before
	b.ReportMetric(100*used.Seconds()/time.Since(t0).Seconds(), "idle-cpu-%")
}

// procCPU is the processor time process pid has used, from /proc: the
// nanoseconds each of its threads has run (schedstat), or where the kernel
// keeps no such count, the clock ticks of /proc/PID/stat (1/100 s, so 0.2%
// of a core over 5 s).
func procCPU(b *testing.B, pid int) time.Duration {
	if tasks, _ := filepath.Glob("/proc/" + strconv.Itoa(pid) + "/task/*/schedstat"); len(tasks) > 0 {
		var ns int64
		for _, t := range tasks {
			raw, err := os.ReadFile(t)
			if err != nil {
				continue // a thread that ended meanwhile
			}
			if f := strings.Fields(string(raw)); len(f) > 0 {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				ns += n
			}
		}
		return time.Duration(ns)
	}
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		b.Fatal(err)
	}
	f := strings.Fields(string(raw[bytes.LastIndexByte(raw, ')')+2:]))
	ut, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return time.Duration(ut+st) * time.Second / 100 // clock ticks of 1/100 s on Linux
}

func reportSpread(b *testing.B, ms []float64) {
	sort.Float64s(ms)
	q := func(p float64) float64 { return ms[min(len(ms)-1, int(p*float64(len(ms))))] }
	b.ReportMetric(q(0.5), "median-ms")
	b.ReportMetric(q(0.9), "p90-ms")
	b.ReportMetric(q(0.99), "p99-ms")
	b.ReportMetric(float64(len(ms)), "samples")
}
