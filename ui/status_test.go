package ui

import (
	"testing"
)

// Moving to another tab clears a message the move did not cause: a hint
// or another tab's problem would only mislead on the new one.
func TestTabSwitchClearsOldMessages(t *testing.T) {
	tt, _ := newReviewTester(t, 80, 24)
	tt.typeText("Repairs")
	tt.press("esc")
	tt.contains("saved 14:03:22")
	tt.press("alt+2")
	tt.lacks("saved 14:03:22")

	tt.m.e.note("an old hint from before")
	tt.contains("an old hint from before")
	tt.press("alt+3")
	tt.lacks("an old hint from before")

	tt.m.e.complain("a problem on the evidence tab")
	tt.press("alt+1")
	tt.lacks("a problem on the evidence tab")
}

// A message asking the user to choose a survey goes once one is chosen,
// and is not carried to another screen; one that still applies stays.
func TestChooseASurveyGoesWhenOneIsChosen(t *testing.T) {
	const msg = "Choose a survey in the list first"
	tt, _, _ := exampleTester(t, 80, 24)
	tt.press("alt+9", "alt+f") // the cursor is on a service standard
	tt.contains(msg)
	tt.press("down") // another standard: still true
	tt.contains(msg)
	tt.press("end") // a survey
	tt.lacks(msg)
	tt.press("home", "alt+g")
	tt.contains(msg)
	tt.press("esc", "esc") // the tab line, then the list of reviews
	tt.lacks(msg)
}
