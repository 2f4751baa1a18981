package ui

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

func init() {
	// Another test file of this package may define -update first.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updateGoldens() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// compareGolden checks got against testdata/workspace/NAME.golden.
func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "workspace", name+".golden")
	if updateGoldens() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run Golden -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestWorkspaceGolden draws every screen and tab of the example review
// at 80x24 and 60x20 and compares the text (colour stripped).
func TestWorkspaceGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		w, h := size[0], size[1]
		tag := func(n string) string { return n + "-" + itoa(w) + "x" + itoa(h) }

		// Welcome on an empty database.
		st := openStore(t)
		tt := newTester(t, st, w, h, Options{})
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("welcome"), tt.screen())

		tt, _, _ = exampleTester(t, w, h)
		for _, d := range tabDefs {
			if len(d.key) == 1 {
				tt.press("alt+" + d.key)
			} else {
				openTab(tt, d.id) // past the tenth: no alt+digit
			}
			s := tt.screen()
			checkFrame(t, s, w, h)
			compareGolden(t, tag("tab"+d.key+"-"+slug(d.title)), s)
		}
		// The Surveys tab: a survey's details, its figures, and a standard.
		tt.press("alt+9", "end", "enter")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("surveys-detail"), tt.screen())
		tt.press("esc", "alt+f")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("surveys-figures"), tt.screen())
		tt.press("esc", "home", "enter")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("surveys-standard"), tt.screen())
		// The Meetings tab: a meeting's details, a member's, and its help.
		tt.press("esc", "alt+0", "enter")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("meetings-detail"), tt.screen())
		tt.press("esc", "end", "enter")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("meetings-member"), tt.screen())
		tt.press("esc", "f1")
		compareGolden(t, tag("help-meetings"), tt.screen())
		tt.press("esc")
		// A list tab with its details open, and a field being typed.
		tt.press("alt+3", "enter")
		compareGolden(t, tag("evidence-detail"), tt.screen())
		tt.press("down", "enter")
		compareGolden(t, tag("evidence-editing"), tt.screen())
		tt.press("esc", "esc", "esc", "esc")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("home"), tt.screen())
		tt.press("f1")
		compareGolden(t, tag("help-home"), tt.screen())
	}
	tt, _, _ := exampleTester(t, 40, 12)
	compareGolden(t, "too-small-40x12", tt.screen())
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func slug(s string) string {
	var b []byte
	for _, c := range []byte(s) {
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+32)
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return string(b)
}
