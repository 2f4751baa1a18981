package present

import (
	"context"
	"errors"
	"time"

	"scrutiny/review"
	"scrutiny/store"
)

// PollEvery is how often the present window asks whether anything changed:
// well inside the one second the room should wait to see an edit.
const PollEvery = 250 * time.Millisecond

// Snapshot is what the wall shows: where the editor is and the review as
// last saved.
type Snapshot struct {
	Pos     Position
	Review  *review.Review // nil when the database has no review yet
	Version int64
	// Theme is the theme the editor last chose, so the wall can follow it.
	Theme string
}

// Follower reloads from a (usually read-only) store whenever another
// process commits.
type Follower struct {
	st      *store.Store
	version int64
	loaded  bool
	snap    Snapshot
}

// NewFollower follows st.
func NewFollower(st *store.Store) *Follower { return &Follower{st: st} }

// Poll asks the store for its data version, a cheap query, and reloads the
// position and the review only when it moved. changed is true on the first
// call and whenever something was saved since the last one.
func (f *Follower) Poll(ctx context.Context) (snap Snapshot, changed bool, err error) {
	v, err := f.st.DataVersion(ctx)
	if err != nil {
		return f.snap, false, err
	}
	if f.loaded && v == f.version {
		return f.snap, false, nil
	}
	next, err := f.load(ctx)
	if err != nil {
		return f.snap, false, err
	}
	next.Version = v
	if t, err := f.st.Setting(ctx, "theme"); err == nil {
		next.Theme = t
	}
	f.snap, f.version, f.loaded = next, v, true
	return f.snap, true, nil
}

func (f *Follower) load(ctx context.Context) (Snapshot, error) {
	pos, err := ReadPosition(ctx, f.st)
	if err != nil {
		return Snapshot{}, err
	}
	// The editor's review first; when it has gone (to the bin), the most
	// recently changed one, so the wall never goes blank needlessly.
	if pos.ReviewID != "" {
		r, err := f.st.LoadReview(ctx, pos.ReviewID)
		if err == nil {
			review.FollowMeasures(r)
			return Snapshot{Pos: pos, Review: r}, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return Snapshot{}, err
		}
		pos = Position{}
	}
	sums, err := f.st.ListReviewTopics(ctx)
	if err != nil {
		return Snapshot{}, err
	}
	if len(sums) == 0 {
		return Snapshot{Pos: pos}, nil
	}
	r, err := f.st.LoadReview(ctx, sums[0].ID)
	if err != nil {
		return Snapshot{}, err
	}
	return Snapshot{Pos: pos, Review: r}, nil
}
