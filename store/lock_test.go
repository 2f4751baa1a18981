package store

import (
	"context"
	"errors"
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
