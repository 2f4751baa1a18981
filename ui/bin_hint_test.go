package ui

import (
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/store"
)

// Deleting inside a review says where the thing went and how to get it
// back; the list of reviews says how to reach the bin, and marks which of
// its two tabs is shown without relying on colour.
func TestBinIsExplainedWhereverThingsAreDeleted(t *testing.T) {
	tt, _, _ := exampleTester(t, 120, 30)
	tt.press("alt+3", "ctrl+d", "y")
	tt.contains("moved to the bin (saved 14:03:22)", "ctrl+z undoes it", "restore it later from the Bin on the list of reviews")
	tt.press("esc", "esc")
	tt.contains("[Reviews]", "tab: the bin")
	tt.press("tab")
	tt.contains("[Bin (1)]", "Enter puts the selected one back")
}

// In the bin, the help line says what enter does there: restore.
func TestBinHelpLineSaysRestore(t *testing.T) {
	st := openStore(t)
	r := &review.Review{Topic: "Gone for now"}
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(ctx(), store.KindReview, r.ID); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 80, 24, Options{})
	tt.press("tab")
	tt.contains("Gone for now", "enter restore")
	if strings.Contains(tt.screen(), "enter open") {
		t.Fatalf("the bin's help line says open:\n%s", tt.screen())
	}
}
