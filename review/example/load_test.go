package example_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/store"
)

// TestLoadExampleTwice loads the example into a real database file twice:
// the second load changes nothing, and the review read back renders the
// same report as the value it was built from.
func TestLoadExampleTwice(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(t.TempDir(), "p.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	id, err := example.Load(ctx, st)
	if err != nil || id != example.ID {
		t.Fatalf("Load: %q, %v", id, err)
	}
	res, err := st.ImportReviews(ctx, example.Review())
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Updated != 0 || res.Unchanged != 1 {
		t.Errorf("loading the example again: %+v, want it unchanged", res)
	}
	list, err := st.ListReviews(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("after two loads: %d reviews, %v", len(list), err)
	}
	got, err := st.LoadReview(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := review.Render(example.Review()), review.Render(got); !bytes.Equal(a, b) {
		t.Error("the example read back from the database renders a different report")
	}
	answers := 0
	for _, sv := range got.Surveys {
		for _, p := range sv.Respondents.List() {
			answers += len(p.Answers)
		}
	}
	if answers == 0 || len(got.Meetings) != 4 || len(got.Members) != 8 {
		t.Errorf("read back: %d answers, %d meetings, %d members", answers, len(got.Meetings), len(got.Members))
	}
}

// BenchmarkLargeFill measures "scrutiny demo --size large": one million
// survey answers and the rest, into a fresh file each time.
func BenchmarkLargeFill(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		st, err := store.Open(filepath.Join(b.TempDir(), "large.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := example.Large(ctx, st, nil); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
