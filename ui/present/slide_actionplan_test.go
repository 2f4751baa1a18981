package present

import (
	"strings"
	"testing"
	"time"

	"scrutiny/review/example"
)

func TestActionPlanSlide(t *testing.T) {
	r := example.Review()
	now := time.Date(2020, 1, 15, 10, 0, 0, 0, time.UTC)
	pos := Position{ItemKind: ItemActionPlan, ItemID: r.Recommendations[0].ID, Tab: "response"}
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		got := strings.Join(Render(BuildSlide(Snapshot{Pos: pos, Review: r}, now), size[0], size[1], "", PlainPainter), "\n")
		for _, want := range []string{"Recommendation 1: action plan", "Accepted ✓", "2 of 3 actions done · 1 overdue", "Done ✓", "⚠ overdue"} {
			if !strings.Contains(got, want) {
				t.Errorf("%dx%d: slide lacks %q:\n%s", size[0], size[1], want, got)
			}
		}
	}
	pos.ItemID = r.Recommendations[5].ID
	got := strings.Join(Render(BuildSlide(Snapshot{Pos: pos, Review: r}, now), 80, 24, "", PlainPainter), "\n")
	if !strings.Contains(got, "Under consideration ?") || !strings.Contains(got, "No actions agreed yet.") {
		t.Errorf("a recommendation without actions:\n%s", got)
	}
	r.Recommendations[0].Actions[0].Text = "\x1b[31mred\x1b[0m"
	pos.ItemID = r.Recommendations[0].ID
	if got := strings.Join(Render(BuildSlide(Snapshot{Pos: pos, Review: r}, now), 80, 24, "", PlainPainter), "\n"); strings.Contains(got, "\x1b") {
		t.Errorf("control characters reached the wall")
	}
}
