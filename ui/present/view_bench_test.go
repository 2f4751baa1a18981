package present

import (
	"testing"

	"scrutiny/review/example"
	"scrutiny/ui/style"
)

// BenchmarkPresentView is one frame of the wall: building the slide for a
// criterion with votes and drawing it at 80x24 in the dark theme. The
// present window draws one after every poll that found a change.
func BenchmarkPresentView(b *testing.B) {
	r := example.WallReview()
	s := style.New("dark")
	snap := Snapshot{Pos: Position{Tab: "criteria", ItemKind: ItemCriterion, ItemID: "c1"}, Review: r}
	for b.Loop() {
		_ = Frame(s, BuildSlide(snap, presentNow), 80, 24, presentHint)
	}
}
