package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// selectedCursor puts the terminal's own cursor on the selected row (the
// one marked ›), so a screen reader's review cursor, which follows the
// terminal's, finds what is selected. It is nil, and the cursor hidden,
// when nothing on the screen is marked.
func selectedCursor(frame string) *tea.Cursor {
	for y, line := range strings.Split(frame, "\n") {
		plain := ansi.Strip(line)
		if i := strings.Index(plain, "›"); i >= 0 {
			c := tea.NewCursor(ansi.StringWidth(plain[:i]), y)
			c.Blink = false // nothing on screen blinks
			return c
		}
	}
	return nil
}
