package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The terminal's cursor sits on the selected row, wherever the row is.
func TestCursorSitsOnTheSelectedRow(t *testing.T) {
	tt, _ := newReviewTester(t, 100, 30)
	tt.press("esc", "3")
	tt.press("a")
	tt.typeText("Mystery shop of the phone line")
	tt.press("enter")
	tt.press("+")
	tt.typeText("Calls answered politely")
	tt.press("enter")
	for _, keys := range [][]string{{"esc"}, {"up"}, {"down"}} {
		tt.press(keys...)
		v := tt.m.View()
		lines := strings.Split(ansi.Strip(tt.m.Render()), "\n")
		if v.Cursor == nil {
			t.Fatalf("after %v: no cursor on the screen:\n%s", keys, strings.Join(lines, "\n"))
		}
		line := lines[v.Cursor.Y]
		if !strings.HasPrefix(string([]rune(line)[v.Cursor.X:]), "›") {
			t.Errorf("after %v: the cursor is at %d,%d on %q, not on the marked row", keys, v.Cursor.X, v.Cursor.Y, line)
		}
	}
	if selectedCursor("no marks\nhere") != nil {
		t.Error("with nothing selected the cursor must be hidden")
	}
}
