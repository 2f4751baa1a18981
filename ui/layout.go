package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"scrutiny/ui/text"
)

// Layout is a pure function of the window size: these helpers turn a width
// and height into the sizes of the parts, so a view, a mouse click and a
// resize all agree on where things are.

// wsLayout splits a workspace of w x h into the title line, the tab tabs
// and the tab body.
type wsRects struct {
	titleY, tabsY, bodyY, bodyH int
	rule                        bool
}

func wsLayout(w, h int) wsRects {
	r := wsRects{titleY: 0, tabsY: 1, bodyY: 2}
	if h >= 24 {
		r.rule = true
		r.bodyY = 3
	}
	r.bodyH = max(1, h-r.bodyY)
	return r
}

// paneSplit decides whether a list and its detail sit side by side (wide
// windows) or stacked (narrow ones), and their sizes.
type panes struct {
	sideBySide   bool
	listW, listH int
	detW, detH   int
	detX, detY   int
}

func paneSplit(w, h int) panes {
	if w >= 90 {
		lw := max(30, w*2/5)
		return panes{sideBySide: true, listW: lw, listH: h, detW: w - lw - 3, detH: h, detX: lw + 3}
	}
	lh := max(3, h*2/5)
	return panes{listW: w, listH: lh, detW: w, detH: h - lh - 1, detY: lh + 1}
}

// overlay draws fg centred over bg (both w x h text blocks).
func overlay(bg string, w, h int, fg string) string {
	bl := text.Box(text.Lines(bg), w, h)
	fl := text.Lines(fg)
	fw := 0
	for _, l := range fl {
		fw = max(fw, ansi.StringWidth(l))
	}
	fw = min(fw, w)
	x := max(0, (w-fw)/2)
	y := max(0, (h-len(fl))/2)
	for i, l := range fl {
		if y+i >= h {
			break
		}
		row := bl[y+i]
		left := ansi.Truncate(row, x, "")
		right := ansi.TruncateLeft(row, x+fw, "")
		bl[y+i] = left + text.Pad(l, fw) + right
	}
	return strings.Join(bl, "\n")
}

// rule is a horizontal line w cells wide.
func rule(w int) string { return strings.Repeat("─", max(0, w)) }
