package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"scrutiny/review"
)

func TestEditorLock(t *testing.T) {
	first := openTemp(t, Options{Editor: true})
	path := first.Path()
	if _, err := Open(path, Options{Editor: true}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second editor open = %v, want ErrLocked", err)
	}
	// Headless commands and the read-only viewer do not need the lock.
	other, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.CreateReview(context.Background(), &review.Review{Topic: "from a command"}); err != nil {
		t.Fatal(err)
	}
	other.Close()
	viewer, err := Open(path, Options{ReadOnly: true, Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	viewer.Close()

	first.Close()
	again, err := Open(path, Options{Editor: true})
	if err != nil {
		t.Fatalf("lock not released on Close: %v", err)
	}
	again.Close()
}

// The editor waits for a busy file for one second, not five, so the
// workspace can say the file is busy within two seconds and keep trying;
// headless commands keep the longer wait.
func TestEditorWaitsBrieflyForABusyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	for _, c := range []struct {
		editor bool
		want   int
	}{{true, 1000}, {false, 5000}} {
		st, err := Open(path, Options{Editor: c.editor})
		if err != nil {
			t.Fatal(err)
		}
		var ms int
		if err := st.db.QueryRowContext(context.Background(), "PRAGMA busy_timeout").Scan(&ms); err != nil {
			t.Fatal(err)
		}
		st.Close()
		if ms != c.want {
			t.Errorf("editor %v: busy timeout %d ms, want %d", c.editor, ms, c.want)
		}
	}
}
