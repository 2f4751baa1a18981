package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"scrutiny/review"
)

// TestHelperChild is not a test: it is the body of the child processes
// that the crash, two-writer and lock tests start from this same binary.
func TestHelperChild(t *testing.T) {
	mode := os.Getenv("STORE_CHILD")
	if mode == "" {
		t.Skip("only runs as a child process")
	}
	path, reviewID := os.Getenv("STORE_PATH"), os.Getenv("STORE_REVIEW")
	ctx := context.Background()
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(3)
	}
	switch mode {
	case "crash":
		// Save edits forever, reporting each one only after the save
		// returned nil: that is the moment the UI says "saved".
		s, err := Open(path, Options{})
		if err != nil {
			fail(err)
		}
		rng := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
		for i := 0; ; i++ {
			e := review.Evidence{Kind: review.KindDocument, Title: "edit " + strconv.Itoa(i),
				Notes: strings.Repeat("notes ", rng.IntN(4000))}
			if err := s.SaveEvidence(ctx, reviewID, &e); err != nil {
				fail(err)
			}
			fmt.Printf("%s\n", e.ID)
			if i%7 == 3 {
				rs := make([]review.Respondent, 40)
				for j := range rs {
					rs[j].Answers = map[string]string{"q1": strconv.Itoa(rng.IntN(10) + 1)}
				}
				if err := s.AddRespondents(ctx, os.Getenv("STORE_SURVEY"), rs); err != nil {
					fail(err)
				}
				fmt.Printf("R%d %s\n", len(rs), rs[0].ID)
			}
		}
	case "writer":
		s, err := Open(path, Options{})
		if err != nil {
			fail(err)
		}
		n, _ := strconv.Atoi(os.Getenv("STORE_N"))
		for i := 0; i < n; i++ {
			e := review.Evidence{Kind: review.KindDocument, Title: os.Getenv("STORE_TAG") + strconv.Itoa(i)}
			if err := s.SaveEvidence(ctx, reviewID, &e); err != nil {
				fail(err)
			}
		}
		if err := s.Close(); err != nil {
			fail(err)
		}
		os.Exit(0)
	case "editor":
		s, err := Open(path, Options{Editor: true})
		if err != nil {
			fail(err)
		}
		fmt.Println("editing")
		time.Sleep(time.Minute)
		s.Close()
		os.Exit(0)
	}
}

func child(t *testing.T, mode string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), append([]string{"STORE_CHILD=" + mode}, env...)...)
	cmd.Stderr = os.Stderr
	return cmd
}

func setupReview(t *testing.T) (path, reviewID, surveyID string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "crash.scrutiny")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := &review.Review{Topic: "crash"}
	if err := s.CreateReview(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	sv := review.Survey{Name: "s", Questions: []review.Question{{ID: "q1", Kind: review.QuestionScale, Min: 1, Max: 10}}}
	if err := s.SaveSurvey(context.Background(), r.ID, &sv); err != nil {
		t.Fatal(err)
	}
	return path, r.ID, sv.ID
}

func TestCrashKeepsEverySavedEdit(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a unix test")
	}
	path, reviewID, surveyID := setupReview(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	saved := map[string]bool{}
	respondents := 0
	const rounds = 24
	for round := 0; round < rounds; round++ {
		cmd := child(t, "crash", "STORE_PATH="+path, "STORE_REVIEW="+reviewID, "STORE_SURVEY="+surveyID)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var lines []string
		done := make(chan struct{})
		go func() {
			defer close(done)
			// Only whole lines count: a line cut by the kill was never
			// reported.
			r := bufio.NewReader(out)
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				mu.Lock()
				lines = append(lines, strings.TrimSuffix(l, "\n"))
				mu.Unlock()
			}
		}()
		// Wait for the first save so the kill lands mid-loop, then a
		// random extra moment.
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			n := len(lines)
			mu.Unlock()
			if n > 0 || time.Now().After(deadline) {
				break
			}
			time.Sleep(2 * time.Millisecond)
		}
		time.Sleep(time.Duration(rng.IntN(120)) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL
		<-done
		cmd.Wait()
		mu.Lock()
		if len(lines) == 0 {
			t.Fatalf("round %d: the child saved nothing", round)
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "R") {
				var n int
				fmt.Sscanf(l, "R%d", &n)
				respondents += n
				continue
			}
			saved[l] = true
		}
		mu.Unlock()

		s, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		check, err := s.Check(ctx)
		if err != nil || len(check) != 1 || check[0] != "ok" {
			t.Fatalf("round %d: integrity %v %v", round, check, err)
		}
		r, err := s.LoadReview(ctx, reviewID)
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, e := range r.Evidence {
			have[e.ID] = true
		}
		for id := range saved {
			if !have[id] {
				t.Fatalf("round %d: edit %s was reported saved but is gone", round, id)
			}
		}
		if got := r.Surveys[0].Respondents.Len(); got < respondents {
			t.Fatalf("round %d: %d respondents, %d reported saved", round, got, respondents)
		}
		s.Close()
	}
	t.Logf("%d rounds, %d saved edits checked", rounds, len(saved))
}

func TestTwoProcessesWriteAtOnce(t *testing.T) {
	path, reviewID, _ := setupReview(t)
	const n = 150
	var cmds []*exec.Cmd
	for _, tag := range []string{"a", "b"} {
		cmd := child(t, "writer", "STORE_PATH="+path, "STORE_REVIEW="+reviewID, "STORE_TAG="+tag, "STORE_N="+strconv.Itoa(n))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	// This process reads while they write, as the present window would.
	s, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stop := make(chan struct{})
	readErr := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				readErr <- nil
				return
			default:
			}
			if _, err := s.LoadReview(context.Background(), reviewID); err != nil {
				readErr <- err
				return
			}
		}
	}()
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("a writer failed: %v", err)
		}
	}
	close(stop)
	if err := <-readErr; err != nil {
		t.Fatalf("reader failed during writes: %v", err)
	}
	r, err := s.LoadReview(context.Background(), reviewID)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range r.Evidence {
		seen[e.Title] = true
	}
	for _, tag := range []string{"a", "b"} {
		for i := 0; i < n; i++ {
			if !seen[tag+strconv.Itoa(i)] {
				t.Fatalf("%s%d missing", tag, i)
			}
		}
	}
	if len(r.Evidence) != 2*n {
		t.Fatalf("%d items, want %d", len(r.Evidence), 2*n)
	}
}

func TestEditorLockReleasedWhenProcessDies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.scrutiny")
	cmd := child(t, "editor", "STORE_PATH="+path)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "editing\n" {
		cmd.Process.Kill()
		t.Fatalf("child said %q, %v", line, err)
	}
	if _, err := Open(path, Options{Editor: true}); !errors.Is(err, ErrLocked) {
		cmd.Process.Kill()
		t.Fatalf("open while another process edits = %v", err)
	}
	cmd.Process.Kill()
	io.Copy(io.Discard, out)
	cmd.Wait()
	s, err := Open(path, Options{Editor: true})
	if err != nil {
		t.Fatalf("lock not released by the dead process: %v", err)
	}
	s.Close()
}
