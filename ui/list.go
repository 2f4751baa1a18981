package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/ui/text"
)

// list is a cursor over n one-line rows. It draws only the rows that fit,
// so a review with thousands of items costs no more than one with ten.
type list struct {
	cursor, offset int
	n, h           int
	keys           listKeys
}

func newList() list { return list{keys: newListKeys()} }

func (l *list) setLen(n int) {
	l.n = n
	if l.cursor >= n {
		l.cursor = max(0, n-1)
	}
	l.clamp()
}

func (l *list) setHeight(h int) { l.h = max(1, h); l.clamp() }

func (l *list) clamp() {
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.h > 0 && l.cursor >= l.offset+l.h {
		l.offset = l.cursor - l.h + 1
	}
	if l.offset > max(0, l.n-l.h) {
		l.offset = max(0, l.n-l.h)
	}
	l.offset = max(0, l.offset)
}

func (l *list) set(i int) {
	l.cursor = max(0, min(i, l.n-1))
	l.clamp()
}

// update moves the cursor; it reports whether the message was used.
func (l *list) update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, l.keys.Up):
			if l.cursor == 0 {
				return false
			}
			l.set(l.cursor - 1)
		case key.Matches(msg, l.keys.Down):
			if l.cursor >= l.n-1 {
				return false
			}
			l.set(l.cursor + 1)
		case key.Matches(msg, l.keys.PageUp):
			l.set(l.cursor - max(1, l.h-1))
		case key.Matches(msg, l.keys.PageDown):
			l.set(l.cursor + max(1, l.h-1))
		case key.Matches(msg, l.keys.First):
			l.set(0)
		case key.Matches(msg, l.keys.Last):
			l.set(l.n - 1)
		default:
			return false
		}
		return true
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			l.set(l.cursor - 3)
		case tea.MouseWheelDown:
			l.set(l.cursor + 3)
		}
		return true
	}
	return false
}

// click selects the row at line y of the pane; it reports whether a row
// was there.
func (l *list) click(y int) bool {
	i := l.offset + y
	if y < 0 || i >= l.n {
		return false
	}
	l.set(i)
	return true
}

// mark is the one-cell gutter before a row: › on the selected row, so the
// cursor shows on a projector and in monochrome, not by colour alone.
func mark(sel bool) string {
	if sel {
		return "›"
	}
	return " "
}

// view draws rows offset..offset+h with row(i, selected) giving each line.
func (l *list) view(w, h int, row func(i int, selected bool) string) string {
	l.setHeight(h)
	out := make([]string, 0, h)
	for i := l.offset; i < l.n && len(out) < h; i++ {
		out = append(out, row(i, i == l.cursor))
	}
	return strings.Join(text.Box(out, w, h), "\n")
}
