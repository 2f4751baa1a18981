package present

import (
	"slices"
	"strings"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/ui/text"
)

func TestActionPlanSlide(t *testing.T) {
	r := example.Review()
	now := time.Date(2020, 1, 15, 10, 0, 0, 0, time.UTC)
	pos := Position{ItemKind: ItemActionPlan, ItemID: r.Recommendations[0].ID, Tab: "response"}
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		got := strings.Join(Render(BuildSlide(Snapshot{Pos: pos, Review: r}, now), size[0], size[1], "", PlainPainter), "\n")
		// A late action's status is a sentence, read from the back of the
		// room; the recommendation, which goes on in its sub-points, says
		// so instead of stopping mid-sentence.
		for _, want := range []string{"Recommendation 1: action plan", "Accepted ✓", "2 of 3 actions done · 1 overdue", "Done ✓",
			"On track, but overdue by 15 days", "point of contact, through …", "(and 5 sub-points, 1a to 1e)"} {
			if !strings.Contains(strings.Join(strings.Fields(got), " "), want) {
				t.Errorf("%dx%d: slide lacks %q:\n%s", size[0], size[1], want, got)
			}
		}
		if strings.Contains(got, "⚠") || strings.Contains(got, "→ ·") {
			t.Errorf("%dx%d: the status is in symbols:\n%s", size[0], size[1], got)
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

// The recommendation's slide names its findings by their opening words,
// each on one line of a 60-column window, cut between words.
func TestRecommendationSlideCutsFindingsBetweenWords(t *testing.T) {
	r := example.Review()
	pos := Position{ItemKind: ItemRecommendation, ItemID: r.Recommendations[0].ID, Tab: "recommendations"}
	sl := BuildSlide(Snapshot{Pos: pos, Review: r}, time.Now())
	based := false
	for _, l := range sl.Lines {
		if l.Kind != Text || !strings.HasPrefix(l.Text, "F") {
			continue
		}
		based = true
		if w := text.Width(l.Text); w > 60 {
			t.Errorf("%q is %d cells wide", l.Text, w)
		}
		cut, ok := strings.CutSuffix(l.Text, "…")
		if !ok {
			continue
		}
		// What is left ends with a whole word of the finding.
		ref, words, _ := strings.Cut(cut, " ")
		f, _ := r.FindingByID(findingByRef(r, ref))
		if !strings.HasPrefix(f.Text, words) || (len(words) < len(f.Text) && !strings.ContainsAny(f.Text[len(words):len(words)+1], " ,;:")) {
			t.Errorf("%q cuts a word of %q", l.Text, f.Text)
		}
	}
	if !based {
		t.Fatalf("no findings on the slide: %+v", sl.Lines)
	}
	// In a window narrower than 60 each stays on its one line.
	lines := Render(sl, 50, 40, "", PlainPainter)
	at := slices.Index(lines, "Based on:")
	if at < 0 {
		t.Fatalf("no findings at 50 wide:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines[at+1:] {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "F") {
			t.Errorf("a finding goes on to a second line, %q:\n%s", l, strings.Join(lines, "\n"))
		}
	}
	for _, size := range [][2]int{{60, 20}, {80, 24}} {
		got := strings.Join(Render(sl, size[0], size[1], "", PlainPainter), "\n")
		for _, bad := range []string{"while the ca…", "Places l…", "get …"} {
			if strings.Contains(got, bad) {
				t.Errorf("%dx%d: %q:\n%s", size[0], size[1], bad, got)
			}
		}
	}
}

// findingByRef is the ID of the finding the report numbers ref ("F15").
func findingByRef(r *review.Review, ref string) string {
	for id, n := range r.Numbers().Findings {
		if n == ref {
			return id
		}
	}
	return ""
}
