package store

import (
	"context"
	"sync"
	"testing"

	"scrutiny/review"
)

// TestWritesRacingClose: writes still on their way in other goroutines
// when the store closes (the wall's position writer can be one) end with
// an error, never a panic, and a closed store says it is closed. Under
// `go test -race` the old Close, which set the handle to nil while a write
// could be reading it, fails here as a data race.
func TestWritesRacingClose(t *testing.T) {
	ctx := context.Background()
	for range 20 {
		s := openTemp(t, Options{})
		r := &review.Review{Topic: "race"}
		if err := s.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 20 {
					e := review.Evidence{Title: "item", Notes: string(rune('a' + g + i))}
					_ = s.SaveEvidence(ctx, r.ID, &e)
					_, _ = s.ListReviews(ctx)
				}
			}()
		}
		s.Close()
		wg.Wait()
		if err := s.SaveEvidence(ctx, r.ID, &review.Evidence{Title: "late"}); err == nil {
			t.Fatal("a save after Close gave no error")
		}
		if err := s.Close(); err != nil {
			t.Fatalf("closing twice: %v", err)
		}
	}
}
