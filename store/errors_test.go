package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"scrutiny/review"
)

func TestDiskFullIsPlainEnglish(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "full"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	// A page limit makes SQLite report SQLITE_FULL exactly as a full disk.
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.Exec("PRAGMA max_page_count = " + itoa(pages)); err != nil {
		t.Fatal(err)
	}
	e := review.Evidence{Title: "big", Notes: strings.Repeat("x", 200_000)}
	err := s.SaveEvidence(ctx, r.ID, &e)
	if !errors.Is(err, ErrDiskFull) || err.Error() != "The disk is full: nothing was saved. Free some space and try again." {
		t.Fatalf("err = %v", err)
	}
	if e.ID != "" {
		t.Fatal("failed save handed out an ID")
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil || len(got.Evidence) != 0 {
		t.Fatalf("after a failed save: %v %v", got, err)
	}
}

func itoa(n int) string {
	b := []byte{}
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}
