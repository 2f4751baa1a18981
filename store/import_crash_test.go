package store

import (
	"bufio"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"scrutiny/review"
)

const crashImportRows = 10_000

// TestImportCrashChild is not a test: it is the body of the child process
// of TestImportSurveyKilled. It imports surveys one after another and
// reports each only once ImportSurvey has returned nil.
func TestImportCrashChild(t *testing.T) {
	path := os.Getenv("STORE_IMPORT_CHILD")
	if path == "" {
		t.Skip("only runs as a child process")
	}
	s, err := Open(path, Options{})
	if err != nil {
		os.Exit(3)
	}
	for {
		rows, _ := importRows(crashImportRows)
		sv := review.Survey{Name: "killed", Questions: []review.Question{{ID: "q1", Kind: review.QuestionScale}}}
		if err := s.ImportSurvey(context.Background(), os.Getenv("STORE_REVIEW"), &sv, rows); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString(sv.ID + "\n")
	}
}

// TestImportSurveyKilled kills a process part-way through imports, again
// and again: afterwards every survey in the file has all its respondents,
// none is empty or half there, and every import reported done is there.
func TestImportSurveyKilled(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is a unix test")
	}
	path := filepath.Join(t.TempDir(), "killed.scrutiny")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := &review.Review{Topic: "killed"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	s.Close()
	rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	reported := map[string]bool{}
	for round := range 6 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "STORE_IMPORT_CHILD="+path, "STORE_REVIEW="+r.ID)
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		done := make(chan struct{})
		go func() {
			defer close(done)
			br := bufio.NewReader(out)
			for {
				l, err := br.ReadString('\n')
				if err != nil {
					return // a line cut by the kill was never reported
				}
				mu.Lock()
				reported[strings.TrimSuffix(l, "\n")] = true
				mu.Unlock()
			}
		}()
		time.Sleep(time.Duration(50+rng.IntN(400)) * time.Millisecond)
		cmd.Process.Kill()
		<-done
		cmd.Wait()

		s, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if check, err := s.Check(ctx); err != nil || len(check) != 1 || check[0] != "ok" {
			t.Fatalf("round %d: integrity %v %v", round, check, err)
		}
		rows, err := s.db.Query("SELECT s.id, " + respondentCountSQL + " FROM surveys s")
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for rows.Next() {
			var id string
			var n int
			rows.Scan(&id, &n)
			have[id] = true
			if n != crashImportRows {
				t.Errorf("round %d: survey %s has %d respondents, not %d", round, id, n, crashImportRows)
			}
		}
		rows.Close()
		mu.Lock()
		for id := range reported {
			if !have[id] {
				t.Errorf("round %d: survey %s was reported imported but is not in the file", round, id)
			}
		}
		mu.Unlock()
		s.Close()
	}
	t.Logf("%d imports reported and found whole", len(reported))
}
