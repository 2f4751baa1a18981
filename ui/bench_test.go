package ui

import (
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"scrutiny/review/example"
	"scrutiny/store"
)

// largeDB makes the database the way a person would, by running the real
// `scrutiny demo --size large`, and returns its path and the ID of its
// largest review.
func largeDB(b *testing.B) (string, string) {
	b.Helper()
	dir := b.TempDir()
	bin := filepath.Join(dir, "scrutiny")
	if out, err := exec.Command("go", "build", "-o", bin, "scrutiny").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	path := filepath.Join(dir, "large.db")
	if out, err := exec.Command(bin, "--db", path, "demo", "--size", "large").CombinedOutput(); err != nil {
		b.Fatalf("scrutiny demo --size large: %v\n%s", err, out)
	}
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	list, err := st.ListReviews(ctx())
	if err != nil || len(list) == 0 {
		b.Fatal("no reviews", err)
	}
	best, size := "", -1
	for _, r := range list {
		if n := r.Evidence + r.Findings + r.Recommendations; n > size {
			best, size = r.ID, n
		}
	}
	return path, best
}

// BenchmarkKeyPress measures one key press handled and the next frame drawn
// (Update plus View) on the largest review, moving through the evidence,
// findings and recommendations lists and the overview and scope forms.
// Commands the key returns run outside the timing, as Bubble Tea runs them
// off the update loop. It reports the median and 99th percentile.
func BenchmarkKeyPress(b *testing.B) {
	path, id := largeDB(b)
	st, err := store.Open(path, store.Options{Editor: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	m := New(st, Options{ReviewID: id, Theme: "dark", Now: fixedNow})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	var script []tea.KeyPressMsg
	for _, k := range []string{"3", "4", "5", "1", "2", "6", "7"} {
		script = append(script, keyMsg(k))
		for i := 0; i < 12; i++ {
			script = append(script, keyMsg("down"))
		}
		script = append(script, keyMsg("enter"), keyMsg("down"), keyMsg("down"), keyMsg("esc"))
	}
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := script[i%len(script)]
		t0 := time.Now()
		_, cmd := m.Update(k)
		_ = m.View()
		durs = append(durs, time.Since(t0))
		b.StopTimer()
		for _, msg := range runCmd(cmd) {
			m.Update(msg)
		}
		if m.confirm != nil || m.e.statusErr {
			b.Fatalf("unexpected state after %q: %s", k.String(), m.e.status)
		}
		b.StartTimer()
	}
	b.StopTimer()
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(durs[len(durs)/2]), "median-ms")
	b.ReportMetric(ms(durs[len(durs)*99/100]), "p99-ms")
}

// BenchmarkHomeFirstFrame measures start-up to the first complete frame of
// the home screen on the large database: open the file, build the app,
// size it and draw.
func BenchmarkHomeFirstFrame(b *testing.B) {
	path, _ := largeDB(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := store.Open(path, store.Options{Editor: true})
		if err != nil {
			b.Fatal(err)
		}
		m := New(st, Options{Theme: "dark"})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		v := m.View()
		if m.screen != scrHome || len(m.home.all) != example.LargeReviews || v.Content == "" {
			b.Fatalf("not the home screen with every review: %d", len(m.home.all))
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(time.Millisecond), "ms/frame")
}
