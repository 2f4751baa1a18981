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

// The fields real reports need: the landlord, an information request's
// dates (listed on the overview while it is outstanding), a consultation's
// reach, and the kind chosen by typing its first letters.
func TestReportFieldsOnScreen(t *testing.T) {
	tt, st := newReviewTester(t, 100, 30)
	tt.typeText("Anti-social behaviour")
	tt.press("enter")
	tt.typeText("Riverside Homes")
	tt.press("enter", "alt+3", "ctrl+n")
	tt.typeText("Case figures for 2023")
	tt.press("enter")
	s := tt.m.ws.cur().(*evidenceTab)
	s.f.focusID("ev-kind")
	tt.typeText("interview") // a choice is not text: typing on it changes nothing
	if k := loadReview(t, st, tt.m.ws.rev.ID).Evidence[0].Kind; k != review.KindPresentation {
		t.Fatalf("typing on the kind changed it to %q", k)
	}
	tt.contains("Kind is a choice, not text")
	tt.press("enter") // now letters pick: interview, then information request
	tt.typeText("i")
	tt.typeText("i")
	tt.press("enter")
	if k := loadReview(t, st, tt.m.ws.rev.ID).Evidence[0].Kind; k != review.KindInfoRequest {
		t.Fatalf("kind = %q", k)
	}
	s.f.focusID("ev-asked")
	tt.typeText("2 May 2023")
	tt.press("enter")
	tt.typeText("16 May 2023")
	tt.press("enter")
	tt.press("esc", "alt+1")
	tt.contains("Waiting for the landlord", "E1 Case figures for 2023 · asked 2 May 2023 · due 16 May 2023 (overdue)")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if r.Landlord != "Riverside Homes" || r.Evidence[0].Asked != review.D(2023, 5, 2) || r.Evidence[0].Due != review.D(2023, 5, 16) {
		t.Fatalf("landlord %q, evidence %+v", r.Landlord, r.Evidence[0])
	}

	tt.press("alt+3", "enter")
	s.f.focusID("ev-kind")
	tt.press("enter")
	tt.typeText("cons") // consultation, past case file and complaint reviews
	tt.press("enter")
	if k := loadReview(t, st, tt.m.ws.rev.ID).Evidence[0].Kind; k != review.KindConsultation {
		t.Fatalf("kind = %q", k)
	}
	s.f.focusID("ev-invited")
	tt.typeText("40")
	tt.press("enter")
	tt.typeText("lots")
	tt.press("enter")
	tt.contains(`"lots" is not a number of people`)
	tt.press("ctrl+z")
	s.f.focusID("ev-responded")
	tt.typeText("27")
	tt.press("enter")
	if got := loadReview(t, st, tt.m.ws.rev.ID).Evidence[0].Reach; got != (review.Reach{Invited: 40, Responded: 27}) {
		t.Fatalf("reach = %+v", got)
	}
}

// Deleting a finding that recommendations rest on says which ones, and
// the wall names the findings behind a recommendation by number.
func TestFindingsBehindRecommendationsAreNamed(t *testing.T) {
	tt, _, _ := exampleTester(t, 100, 30)
	r := tt.m.ws.rev
	fid := r.Recommendations[0].FindingIDs[0]
	ref := tt.m.ws.findingRef(fid)
	tt.press("alt+4")
	s := tt.m.ws.cur().(*findingsTab)
	if !s.select_(fid) {
		t.Fatal("cannot select the finding")
	}
	tt.press("ctrl+d")
	tt.contains("Move the finding "+ref, "based on this finding (1")
	tt.press("n")
	tt.press("alt+5", "f5")
	tt.contains("Based on:", ref+" ")
}

// Only the place that has the keys shows the › marker: the tab line after
// esc, the form's field in a form, the list or the details in a list tab.
// (The terminal's cursor, which a screen reader follows, goes to the
// first ›, so a second one would also send it to the wrong place.)
func TestOneFocusMarker(t *testing.T) {
	tt, _, _ := exampleTester(t, 80, 24)
	markedLine := func(step string, want int) {
		t.Helper()
		lines := strings.Split(tt.screen(), "\n")
		var at []int
		for i, l := range lines {
			if strings.Contains(l, "›") {
				at = append(at, i)
			}
		}
		if len(at) != 1 || (want >= 0 && at[0] != want) {
			t.Fatalf("%s: › on lines %v, want one on line %d:\n%s", step, at, want, tt.screen())
		}
	}
	const tabLine = 1
	steps := []struct {
		keys []string
		name string
		line int // -1: anywhere below the tab line
	}{
		{[]string{"alt+1"}, "a form", -1},
		{[]string{"esc"}, "esc from the form", tabLine},
		{[]string{"enter"}, "back into the form", -1},
		{[]string{"alt+3"}, "a list", -1},
		{[]string{"enter"}, "its details", -1},
		{[]string{"esc", "esc"}, "esc from the list", tabLine},
		{[]string{"enter", "enter", "esc"}, "the details, then esc", -1},
	}
	for _, s := range steps {
		tt.press(s.keys...)
		markedLine(s.name, s.line)
		if s.line < 0 && tt.m.ws.onTabs {
			t.Fatalf("%s: the tab line has the keys", s.name)
		}
	}
	// The marker in the details is on the field, not on the list's row.
	tt.press("enter")
	for _, l := range strings.Split(tt.screen(), "\n") {
		if strings.Contains(l, "›") && !strings.Contains(l, "Kind") {
			t.Fatalf("in the details the › is on %q:\n%s", l, tt.screen())
		}
	}
}

// In a list tab's details shift+tab is what the help says, the previous
// field; only before the first field does it go back to the list, as tab
// does after the last.
func TestShiftTabInDetailsIsPreviousField(t *testing.T) {
	tt, _, _ := exampleTester(t, 80, 24)
	tt.press("alt+3", "enter", "down", "down")
	s := tt.m.ws.cur().(*evidenceTab)
	tt.press("shift+tab")
	if !s.detail || s.f.focus != 1 {
		t.Fatalf("shift+tab: details %v, field %d; want the details, field 1", s.detail, s.f.focus)
	}
	tt.press("shift+tab", "shift+tab")
	if s.detail {
		t.Fatal("shift+tab before the first field stayed in the details")
	}
}
