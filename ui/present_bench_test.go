package ui

import (
	"testing"

	"scrutiny/room"
	"scrutiny/ui/style"
)

// BenchmarkPresentView is one frame of the wall: building the slide for a
// criterion with votes and drawing it at 80x24 in the dark theme. The
// present window draws one after every poll that found a change.
func BenchmarkPresentView(b *testing.B) {
	r := roomReview()
	s := style.New("dark")
	snap := room.Snapshot{Pos: room.Position{Stage: "criteria", ItemKind: room.ItemCriterion, ItemID: "c1"}, Review: r}
	for b.Loop() {
		_ = presentView(s, room.BuildSlide(snap, presentNow), 80, 24, presentHint)
	}
}
