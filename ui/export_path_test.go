package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// The export prompt shows the whole path, folder included, and enter
// writes the report exactly there.
func TestExportPromptShowsTheFolder(t *testing.T) {
	tt, _, _ := exampleTester(t, 160, 30)
	want := filepath.Join(tt.m.e.exportDir, "customers-contacting-great-places.md")
	tt.press("alt+8", "ctrl+e")
	tt.contains("Save as: " + want)
	tt.press("enter")
	tt.contains("report exported to " + want)
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}
}
