package reportview

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/ui/style"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// plainDraw is what a reader sees: the drawing with its styles stripped.
func plainDraw(rep *review.Report, width int) string {
	return ansi.Strip(Draw(rep, style.New("dark"), width))
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/reportview -update to create it)", err)
	}
	if string(want) != got {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs from line %d:\n--- got\n%s\n--- want\n%s", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs: %d lines, want %d", path, len(gl), len(wl))
	}
}

// The example review's report at 80 and 60 columns, as the Report tab
// shows it (colour stripped).
func TestExampleGolden(t *testing.T) {
	rep := review.NewReport(example.Review())
	for _, w := range []int{80, 60} {
		compareGolden(t, "example-"+itoa(w), plainDraw(rep, w)+"\n")
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// No line is wider than the width, at any width the preview can have, for
// the example and for the large synthetic review.
func TestNoLineWiderThanTheWidth(t *testing.T) {
	reps := map[string]*review.Report{
		"example": review.NewReport(example.Review()),
		"large":   review.NewReport(example.LargeReview(0)),
	}
	for name, rep := range reps {
		for _, w := range []int{40, 41, 50, 60, 72, 80, 99, 100, 120, 160, 200} {
			for i, l := range strings.Split(Draw(rep, style.New("dark"), w), "\n") {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s at %d: line %d is %d cells: %q", name, w, i+1, got, ansi.Strip(l))
				}
			}
		}
	}
}

var colour = regexp.MustCompile(`\x1b\[[0-9;:]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;:m]`)
