package present

import (
	"context"
	"path/filepath"
	"testing"

	"scrutiny/review/example"
	"scrutiny/store"
)

// benchStores fills a database with the large synthetic data and opens it
// twice, as the editor and the present window do.
func benchStores(b *testing.B) (ed, ro *store.Store, reviewID string) {
	b.Helper()
	ctx := context.Background()
	db := filepath.Join(b.TempDir(), "large.db")
	ed, err := store.Open(db, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ed.Close() })
	if err := example.Large(ctx, ed, nil); err != nil {
		b.Fatal(err)
	}
	ro, err = store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ro.Close() })
	sums, err := ed.ListReviews(ctx)
	if err != nil || len(sums) == 0 {
		b.Fatal(err)
	}
	return ed, ro, sums[0].ID
}

// BenchmarkPollNothingChanged is the present window's cost every 250 ms
// while the room is talking and nobody types.
func BenchmarkPollNothingChanged(b *testing.B) {
	ctx := context.Background()
	ed, ro, id := benchStores(b)
	if err := NewPublisher(ed).Publish(ctx, Position{ReviewID: id}); err != nil {
		b.Fatal(err)
	}
	f := NewFollower(ro)
	f.Poll(ctx)
	b.ResetTimer()
	for b.Loop() {
		if _, changed, err := f.Poll(ctx); err != nil || changed {
			b.Fatal(changed, err)
		}
	}
}

// BenchmarkFollowAMove is the editor moving to another item of a large
// review and the present window catching up: one publish and one reload.
func BenchmarkFollowAMove(b *testing.B) {
	ctx := context.Background()
	ed, ro, id := benchStores(b)
	f := NewFollower(ro)
	f.Poll(ctx)
	kinds := []string{ItemJudgement, ItemStandards}
	pub := NewPublisher(ed)
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		if err := pub.Publish(ctx, Position{ReviewID: id, ItemKind: kinds[i%2]}); err != nil {
			b.Fatal(err)
		}
		if _, changed, err := f.Poll(ctx); err != nil || !changed {
			b.Fatal(changed, err)
		}
	}
}

// BenchmarkPublishPosition is the editor's cost of telling the wall it
// moved: one small transaction, synced to the disk.
func BenchmarkPublishPosition(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(b.TempDir(), "p.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	pub := NewPublisher(st)
	i := 0
	for b.Loop() {
		i++
		if err := pub.Publish(ctx, Position{ReviewID: "r", ItemKind: ItemCriterion, ItemID: string(rune('a' + i%2))}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostPosition is what the editor pays per move now: Post hands
// the position to the writer goroutine, which writes at most one every
// PostGap. Reported: the time per move in the key's path, and how many
// commits the moves became.
func BenchmarkPostPosition(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(filepath.Join(b.TempDir(), "p.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	pub := NewPublisher(st)
	v0, _ := st.DataVersion(ctx)
	i := 0
	for b.Loop() {
		i++
		if err := pub.Post(ctx, Position{ReviewID: "r", ItemKind: ItemCriterion, ItemID: string(rune('a' + i%2))}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if err := pub.Flush(); err != nil {
		b.Fatal(err)
	}
	v1, _ := st.DataVersion(ctx)
	b.ReportMetric(float64(v1-v0), "commits")
}
