package example_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestExampleReportGolden pins the whole report of the example review, so any
// change to the report or the example shows up as a readable diff. After a
// deliberate change, run: go test ./review/example -run Golden -update
func TestExampleReportGolden(t *testing.T) {
	got := review.Render(example.Review())
	golden := filepath.Join("testdata", "example.md")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./review/example -run Golden -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		line := 1
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				break
			}
			if got[i] == '\n' {
				line++
			}
		}
		t.Fatalf("the example report differs from %s from line %d on; if the change is intended, run go test ./review/example -run Golden -update", golden, line)
	}
	if !bytes.Equal(review.Render(example.Review()), got) {
		t.Fatal("rendering the same review twice gave different bytes")
	}
}
