package present

import (
	"strings"

	"golang.org/x/image/font/basicfont"
)

// Block letters for the one thing the room must read from the back. The
// glyphs come from the X11 "fixed" 7x13 font that golang.org/x/image ships
// (public domain, all of printable ASCII), drawn with half-block characters:
// a terminal cell is about twice as tall as it is wide, so its top and
// bottom halves are square pixels and the letters keep their shape. Half
// blocks (▀ ▄ █) are in every terminal font, unlike sextants.

const (
	glyphW = 6 // the inked width of a glyph; the advance is one more
	glyphH = 13
)

var face = basicfont.Face7x13

// glyph is one character as rows of pixels, glyphW wide and glyphH tall.
type glyph [glyphH][glyphW]bool

// glyphOf finds the pixels of r. The level gauge's ■ and · and a few
// punctuation marks the font lacks are drawn here, so "■■·· Fair" can be
// drawn large with its symbol; any other rune is refused.
func glyphOf(r rune) (glyph, bool) {
	var g glyph
	switch r {
	case '■':
		// A square sitting on the baseline, as tall as a lower-case x.
		for y := 4; y <= 10; y++ {
			for x := 0; x < glyphW; x++ {
				g[y][x] = true
			}
		}
		return g, true
	case '·':
		for y := 6; y <= 8; y++ {
			for x := 2; x <= 3; x++ {
				g[y][x] = true
			}
		}
		return g, true
	case '–', '—':
		r = '-'
	case '’', '‘':
		r = '\''
	}
	for _, rg := range face.Ranges {
		if r < rg.Low || r >= rg.High || r == '\ufffd' {
			continue
		}
		top := (int(r-rg.Low) + rg.Offset) * glyphH
		for y := range glyphH {
			for x := range glyphW {
				_, _, _, a := face.Mask.At(x, top+y).RGBA()
				g[y][x] = a > 0x7fff
			}
		}
		return g, true
	}
	return g, false
}

// bitmap is a line of text as pixels, one row per slice.
type bitmap [][]bool

// rasterise lays the glyphs of s side by side with one blank column
// between them, and trims blank rows above and below so capitals and
// digits use every row they are given. ok is false when a rune has no
// glyph (the caller then writes the text in ordinary letters).
func rasterise(s string) (bitmap, bool) {
	rs := []rune(s)
	if len(rs) == 0 {
		return nil, false
	}
	w := len(rs)*(glyphW+1) - 1
	bm := make(bitmap, glyphH)
	for y := range bm {
		bm[y] = make([]bool, w)
	}
	for i, r := range rs {
		g, ok := glyphOf(r)
		if !ok {
			return nil, false
		}
		for y := range glyphH {
			for x := range glyphW {
				bm[y][i*(glyphW+1)+x] = g[y][x]
			}
		}
	}
	blank := func(row []bool) bool {
		for _, p := range row {
			if p {
				return false
			}
		}
		return true
	}
	for len(bm) > 0 && blank(bm[0]) {
		bm = bm[1:]
	}
	for len(bm) > 0 && blank(bm[len(bm)-1]) {
		bm = bm[:len(bm)-1]
	}
	if len(bm) == 0 {
		return nil, false
	}
	return bm, true
}

// draw turns the pixels into terminal rows at a whole-number scale: each
// pixel becomes scale×scale, and two pixel rows share one cell row.
func (bm bitmap) draw(scale int) []string {
	h := len(bm) * scale
	var out []string
	for y := 0; y < h; y += 2 {
		var b strings.Builder
		for x := range len(bm[0]) * scale {
			top := bm[y/scale][x/scale]
			bot := y+1 < h && bm[(y+1)/scale][x/scale]
			switch {
			case top && bot:
				b.WriteRune('█')
			case top:
				b.WriteRune('▀')
			case bot:
				b.WriteRune('▄')
			default:
				b.WriteByte(' ')
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

// bigSize is one way to draw a piece of text large: at a scale, broken
// into lines at spaces.
type bigSize struct {
	rows  []string // the terminal rows, blank rows between lines included
	scale int
	short bool // drawn from the line's Short text
}

// bigSizes lists every way s can be drawn in block letters within width
// cells and at most maxRows rows, largest first. It is empty when s has a
// character the font lacks or nothing fits.
func bigSizes(s string, width, maxRows int) []bigSize {
	words := strings.Fields(s)
	if len(words) == 0 || width < glyphW {
		return nil
	}
	cellW := func(n int, scale int) int { return (n*(glyphW+1) - 1) * scale }
	var out []bigSize
	for scale := 8; scale >= 1; scale-- {
		// Break at spaces so each line fits the width.
		var lines []string
		cur := ""
		ok := true
		for _, w := range words {
			if cellW(len([]rune(w)), scale) > width {
				ok = false
				break
			}
			switch {
			case cur == "":
				cur = w
			case cellW(len([]rune(cur+" "+w)), scale) <= width:
				cur += " " + w
			default:
				lines = append(lines, cur)
				cur = w
			}
		}
		if !ok {
			continue
		}
		lines = append(lines, cur)
		var bms []bitmap
		n := len(lines) - 1
		for _, l := range lines {
			bm, ok := rasterise(l)
			if !ok {
				return nil
			}
			bms = append(bms, bm)
			n += (len(bm)*scale + 1) / 2
		}
		if n > maxRows {
			continue
		}
		var rows []string
		for i, bm := range bms {
			if i > 0 {
				rows = append(rows, "")
			}
			rows = append(rows, bm.draw(scale)...)
		}
		out = append(out, bigSize{rows: rows, scale: scale})
	}
	return out
}
