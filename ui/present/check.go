package present

import (
	"fmt"
	"image/color"
	"time"

	"scrutiny/review/example"
	"scrutiny/ui/style"
)

// What "scrutiny present --check" says about a window and a theme, so the
// facilitator can set the projector up before the room arrives.

// capitalPixels is the height of a capital letter in the block-letter
// font, in its own pixels (two to a row at scale 1).
func capitalPixels() int {
	bm, ok := rasterise("H")
	if !ok {
		return 0
	}
	return len(bm)
}

// CapitalRows is how many rows tall a capital of the block letters is at
// w×h, measured by laying out the scoring slide of the example review:
// 0 when the window is too small for block letters.
func CapitalRows(w, h int) int {
	r := example.WallReview()
	sl := BuildSlide(Snapshot{Pos: Position{Tab: "criteria", ItemKind: ItemCriterion, ItemID: r.Criteria[0].ID}, Review: r}, time.Time{})
	margin := 0
	if w >= 60 {
		margin = 2
	} else if w > presentMinW {
		margin = 1
	}
	_, _, scale := renderPage(sl, w-2*margin, h, 0, "", PlainPainter)
	return (capitalPixels()*scale + 1) / 2
}

// backRow is the smallest share of the screen's height a capital may
// have to be read from the back row (the "8H" rule of thumb for rooms
// viewed at up to eight times the picture's height).
const backRow = 1.0 / 50

// ordinaryCapital is how much of a row a capital of the terminal's own
// font fills, near enough for advice.
const ordinaryCapital = 0.65

// Check describes the window and the theme in plain sentences.
func Check(w, h int, sizeKnown bool, theme string) []string {
	s := style.New(theme)
	var out []string
	if sizeKnown {
		out = append(out, fmt.Sprintf("Window: %d×%d (columns × rows).", w, h))
	} else {
		out = append(out, fmt.Sprintf("Window: not a terminal, so %d×%d is assumed (give --size to check another).", w, h))
	}
	out = append(out, "Theme: "+s.Theme+".")
	ord := ordinaryCapital / float64(h)
	out = append(out, fmt.Sprintf("Ordinary letters: a capital is about 1/%d of the screen's height.", int(1/ord+0.5)))
	if rows := CapitalRows(w, h); rows > 0 {
		out = append(out, fmt.Sprintf("Block letters (the agreed level, the judgement, the timer): a capital is %d rows, 1/%d of the height.",
			rows, int(float64(h)/float64(rows)+0.5)))
	} else {
		out = append(out, "Block letters: the window is too small for them, so the key figures are in bold ordinary letters.")
	}
	p := s.Palette
	if p.Mono {
		out = append(out, "Colour: none (monochrome): meaning is carried by words, symbols and bold.")
	} else {
		out = append(out, "Contrast on the page (4.5:1 is the least for reading, 7:1 is comfortable on a projector):")
		for _, r := range []struct {
			name string
			c    color.Color
		}{{"text", p.Text}, {"muted hints", p.Muted}, {"titles", p.Accent}, {"good", p.Good}, {"issue", p.Issue}, {"warning", p.Warning}} {
			if r.c == nil || p.Back == nil {
				continue
			}
			c := style.Contrast(r.c, p.Back)
			verdict := "comfortable"
			switch {
			case c < 4.5:
				verdict = "too faint"
			case c < 7:
				verdict = "readable, faint in a lit room"
			}
			out = append(out, fmt.Sprintf("  %-12s %5.1f:1  %s", r.name, c, verdict))
		}
		if p.Good != nil && p.Issue != nil {
			out = append(out, fmt.Sprintf("Good and issue colours differ by %.0f (typical vision), %.0f (protanopia), %.0f (deuteranopia); 20 or more tells them apart.",
				style.Difference(p.Good, p.Issue),
				style.Difference(style.Seen(p.Good, style.Protanopia), style.Seen(p.Issue, style.Protanopia)),
				style.Difference(style.Seen(p.Good, style.Deuteranopia), style.Seen(p.Issue, style.Deuteranopia))))
		}
	}
	// Fewer rows is larger type: the back row needs a capital of 1/50.
	maxRows := 32 // ordinaryCapital / backRow, rounded down
	switch {
	case w < presentMinW || h < presentMinH:
		out = append(out, fmt.Sprintf("Advice: the window is smaller than %d×%d: make the font smaller until it is at least that.", presentMinW, presentMinH))
	case h > maxRows:
		out = append(out, fmt.Sprintf("Advice: at %d rows ordinary letters are too small for the back row: make the font larger until the window is %d rows or fewer.", h, maxRows))
	default:
		out = append(out, "Advice: ordinary letters can be read from the back row at this size.")
	}
	out = append(out,
		"  For a room of 10, set the font so the window is between 40×12 and 80×24.",
		"  For a room of 20, set the font so the window is between 40×12 and 60×20.")
	return out
}
