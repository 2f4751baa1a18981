package ui

import (
	"strings"
	"testing"

	"scrutiny/review"
)

// openTab opens the tab with the given id by the keys a volunteer uses:
// tabs past the tenth are reached with ] from the tenth.
func openTab(tt *tester, id tabID) {
	i := tabIndex(id)
	tt.press("alt+0")
	for range i - tabIndex(tabMeetings) {
		tt.press("ctrl+pgdown")
	}
}

func TestResponseAndFollowUpGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		w, h := size[0], size[1]
		tag := func(n string) string { return n + "-" + itoa(w) + "x" + itoa(h) }
		tt, _, _ := exampleTester(t, w, h)
		// The tabs themselves are drawn by TestWorkspaceGolden.
		openTab(tt, tabResponse)
		tt.press("down", "enter")
		compareGolden(t, tag("response-detail"), tt.screen())
		tt.press("esc")
		openTab(tt, tabFollowUp)
		checkFrame(t, tt.screen(), w, h)
		tt.press("f1")
		compareGolden(t, tag("help-follow-up"), tt.screen())
	}
}

// An action is added with ctrl+n and its text, and an update with alt+u and one
// line, as quick as adding a finding; both are in the file at once.
func TestAddActionAndUpdate(t *testing.T) {
	tt, st, id := exampleTester(t, 80, 24)
	openTab(tt, tabResponse)
	tt.press("end") // recommendation 6, under consideration, no actions
	tt.contains("6. Under consideration ?")
	tt.press("ctrl+n")
	tt.typeText("Cost digital boards for the ten largest schemes")
	tt.press("enter")
	tt.press("alt+u")
	tt.typeText("Quotes asked from two suppliers — Head of Neighbourhoods")
	tt.press("enter")
	r := loadReview(t, st, id)
	rec := r.Recommendations[5]
	if len(rec.Actions) != 1 || rec.Actions[0].Text != "Cost digital boards for the ten largest schemes" || rec.Actions[0].Status != review.NotStarted {
		t.Fatalf("actions after a: %+v", rec.Actions)
	}
	u := rec.Actions[0].Updates
	if len(u) != 1 || u[0].Note != "Quotes asked from two suppliers" || u[0].By != "Head of Neighbourhoods" || u[0].Date != review.D(2026, 3, 14) {
		t.Fatalf("update after u: %+v", u)
	}
	tt.contains("Under consideration ? · 0 of 1 action done")
	// ctrl+z takes the update back, then the action.
	tt.press("esc", "ctrl+z")
	if r := loadReview(t, st, id); len(r.Recommendations[5].Actions[0].Updates) != 0 {
		t.Errorf("undo left the update: %+v", r.Recommendations[5].Actions[0])
	}
}

// The decision is cycled like any choice; a partly accepted one asks for
// the reason, and the list says the decision as a word and a symbol.
func TestRecordDecision(t *testing.T) {
	tt, st, id := exampleTester(t, 80, 24)
	openTab(tt, tabResponse)
	tt.press("end", "enter")
	tt.press("left") // under consideration → not accepted
	r := loadReview(t, st, id)
	if d := r.Recommendations[5].Response.Decision; d != review.NotAccepted {
		t.Fatalf("decision = %q", d)
	}
	tt.contains("6. Not accepted ✗", "⚠ Not accepted: say why below")
}

func TestFollowUpPointsDefaultFromTheBoard(t *testing.T) {
	tt, st, id := exampleTester(t, 80, 24)
	openTab(tt, tabFollowUp)
	tt.contains("✓ 6 months · due 2 November 2019 · held 7 November 2019 · 6 of 6 checked", "○ 12 months · due 2 May 2020 · not held yet")
	tt.press("ctrl+n")
	r := loadReview(t, st, id)
	if n := len(r.FollowUpPoints); n != 3 || r.FollowUpPoints[2].Label != "18 months" || r.FollowUpPoints[2].Due != review.D(2020, 11, 2) {
		t.Fatalf("points after a: %+v", r.FollowUpPoints)
	}
	if !strings.Contains(tt.screen(), "18 months") {
		t.Errorf("new point not shown:\n%s", tt.screen())
	}
}

// F5 on the Board response tab puts the selected recommendation's action
// plan on the wall.
func TestActionPlanOnTheWall(t *testing.T) {
	tt, _, _ := exampleTester(t, 80, 24)
	openTab(tt, tabResponse)
	tt.press("down", "f5")
	tt.contains("Recommendation 2: action plan", "Accepted ✓", "0 of 1 action done · 1 overdue", "Behind, overdue by")
	tt.press("esc")
	tt.contains("Board response (6)")
}
