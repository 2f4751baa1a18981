package ui

import (
	"strings"
	"testing"

	"scrutiny/review"
)

// A new finding keeps the focus when its first evidence is ticked, even
// though the tick moves it into that evidence's group in the list.
func TestFocusFollowsTheFindingBeingEdited(t *testing.T) {
	tt, _, _ := exampleTester(t, 100, 30)
	tt.press("alt+4", "ctrl+n")
	tt.typeText("A brand new finding")
	tt.press("esc", "down", "enter")
	s := tt.m.ws.cur().(*findingsTab)
	f, ok := tt.m.ws.rev.FindingByID(s.selectedID())
	if !ok || f.Text != "A brand new finding" || len(f.EvidenceIDs) != 1 {
		t.Fatalf("the list selects %+v after the tick", f)
	}
	if s.shownID != f.ID || !s.detail {
		t.Fatalf("the details show %q (detail %v), want the new finding", s.shownID, s.detail)
	}
	tt.lacks("nothing here yet")
	tt.contains("› [x]")
	// The next tick still works on the same finding.
	tt.press("down", "enter")
	if g, _ := tt.m.ws.rev.FindingByID(f.ID); len(g.EvidenceIDs) != 2 {
		t.Fatalf("second tick gave %v", g.EvidenceIDs)
	}
}

// Typing a sentence into a form never runs a command: every letter, digit,
// q and ? lands in the field, and ↓ carries on into the next field.
func TestTypingIsNeverACommand(t *testing.T) {
	const sentence = "The quick brown fox jumps over the lazy dog 1234567890 q? +! /[] ad"
	tt, st, id := exampleTester(t, 80, 24)
	before := loadReview(t, st, id)
	tt.press("alt+2") // Scope: the aim is selected
	tt.typeText(sentence)
	tt.press("down")
	tt.typeText(sentence)
	tt.press("tab")
	if tt.m.quitting || tt.m.showHelp || tt.m.ws == nil || tabDefs[tt.m.ws.active].id != tabScope {
		t.Fatalf("typing acted as a command:\n%s", tt.screen())
	}
	r := loadReview(t, st, id)
	if !strings.HasSuffix(r.Scope.Aim, sentence) {
		t.Errorf("aim = %q", r.Scope.Aim)
	}
	// A list takes one item per line: typing on it starts a new item.
	if n := len(r.Scope.Objectives); n != len(before.Scope.Objectives)+1 || r.Scope.Objectives[n-1] != sentence {
		t.Errorf("objectives = %q", r.Scope.Objectives)
	}
	if len(r.Evidence) != len(before.Evidence) || len(r.Findings) != len(before.Findings) || len(r.Recommendations) != len(before.Recommendations) {
		t.Error("typing added or removed an item")
	}
}

// New items start with no date: a date nobody typed must never reach the
// report. "today" fills one in.
func TestNewItemsHaveNoDate(t *testing.T) {
	tt, st := newReviewTester(t, 80, 24)
	tt.typeText("Anti-social behaviour")
	tt.press("enter", "alt+3", "ctrl+n")
	tt.typeText("Interview with the ASB team")
	tt.press("enter")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if !r.Start.IsZero() || len(r.Evidence) != 1 || !r.Evidence[0].Date.IsZero() {
		t.Fatalf("start %v, evidence %+v: a date was filled in", r.Start, r.Evidence)
	}
	tt.contains("not set: type a date")
	tt.m.ws.cur().(*evidenceTab).f.focusID("ev-date")
	tt.typeText("today")
	tt.press("enter")
	if d := loadReview(t, st, tt.m.ws.rev.ID).Evidence[0].Date; d != review.FromTime(fixedNow()) {
		t.Fatalf("today gave %v", d)
	}
}
