package present

import (
	"cmp"
	"slices"
	"strings"
	"sync"

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

// inkCols is the first and last inked column of a glyph; a glyph with no
// ink (a space) has lo > hi.
func inkCols(g glyph) (lo, hi int) {
	lo, hi = glyphW, -1
	for y := range glyphH {
		for x := range glyphW {
			if g[y][x] {
				lo, hi = min(lo, x), max(hi, x)
			}
		}
	}
	return lo, hi
}

// digitCols is the columns every digit is drawn in: digits share one
// width, so a ticking timer does not shift from one second to the next.
var digitCols = sync.OnceValues(func() (int, int) {
	lo, hi := glyphW, -1
	for r := '0'; r <= '9'; r++ {
		if g, ok := glyphOf(r); ok {
			l, h := inkCols(g)
			lo, hi = min(lo, l), max(hi, h)
		}
	}
	return lo, hi
})

// spaceW is the width of a space between words, in pixels.
const spaceW = 3

// rasterise lays the glyphs of s side by side, each as wide as its ink
// (digits all as wide as the widest) with one blank column between them,
// and trims blank rows above and below so capitals and digits use every
// row they are given. Spacing letters by their own width, as print does,
// lets a word such as "judged" be drawn larger in the same width. ok is
// false when a rune has no glyph (the caller then writes the text in
// ordinary letters).
func rasterise(s string) (bitmap, bool) {
	rs := []rune(s)
	if len(rs) == 0 {
		return nil, false
	}
	type placed struct {
		g      glyph
		lo, hi int
	}
	var ps []placed
	w := 0
	for i, r := range rs {
		g, ok := glyphOf(r)
		if !ok {
			return nil, false
		}
		lo, hi := inkCols(g)
		switch {
		case r >= '0' && r <= '9':
			lo, hi = digitCols()
		case lo > hi:
			lo, hi = 0, spaceW-1
		}
		if i > 0 {
			w++
		}
		ps = append(ps, placed{g, lo, hi})
		w += hi - lo + 1
	}
	bm := make(bitmap, glyphH)
	for y := range bm {
		bm[y] = make([]bool, w)
	}
	x0 := 0
	for _, p := range ps {
		for y := range glyphH {
			for x := p.lo; x <= p.hi; x++ {
				bm[y][x0+x-p.lo] = p.g[y][x]
			}
		}
		x0 += p.hi - p.lo + 2
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

// draw turns the pixels into terminal rows: each pixel becomes sx cells
// wide and vn/vd half-rows tall (two half-rows share one cell row); when
// that is not a whole number, rows of pixels take turns to be a half-row
// taller.
func (bm bitmap) draw(sx, vn, vd int) []string {
	h := (len(bm)*vn + vd - 1) / vd
	var out []string
	for y := 0; y < h; y += 2 {
		var b strings.Builder
		for x := range len(bm[0]) * sx {
			top := bm[y*vd/vn][x/sx]
			bot := y+1 < h && bm[(y+1)*vd/vn][x/sx]
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
	scale int      // the vertical scale (rounded down), which sets how tall a capital is
	area  int      // rows × the widest row, the cells the drawing covers
	short bool     // drawn from the line's Short text
}

// bigScale is a pixel's size: sx cells wide, vn/vd half-rows tall.
type bigScale struct{ sx, vn, vd int }

// bigScales are the sizes tried: square pixels, and where tall allows,
// letters up to twice as tall as they are wide (a condensed type, as on
// signs: height is what the back row needs, and width is what runs out).
func bigScales(tall bool) []bigScale {
	var out []bigScale
	for sx := 8; sx >= 1; sx-- {
		out = append(out, bigScale{sx, sx, 1})
		if tall {
			out = append(out, bigScale{sx, 3 * sx, 2}, bigScale{sx, 2 * sx, 1})
		}
	}
	return out
}

// bigSizes lists every way s can be drawn in block letters within width
// cells and at most maxRows rows, largest first. It is empty when s has a
// character the font lacks or nothing fits.
func bigSizes(s string, width, maxRows int, tall bool) []bigSize {
	words := strings.Fields(s)
	if len(words) == 0 || width < glyphW {
		return nil
	}
	pixW := func(t string) int {
		bm, ok := rasterise(t)
		if !ok {
			return -1
		}
		return len(bm[0])
	}
	for _, w := range words {
		if pixW(w) < 0 {
			return nil
		}
	}
	var out []bigSize
	seen := map[bigScale]bool{}
	for _, sc := range bigScales(tall) {
		if seen[sc] {
			continue
		}
		seen[sc] = true
		// Break at spaces so each line fits the width.
		var lines []string
		cur := ""
		ok := true
		for _, w := range words {
			if pixW(w)*sc.sx > width {
				ok = false
				break
			}
			switch {
			case cur == "":
				cur = w
			case pixW(cur+" "+w)*sc.sx <= width:
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
			n += ((len(bm)*sc.vn+sc.vd-1)/sc.vd + 1) / 2
		}
		if n > maxRows {
			continue
		}
		var rows []string
		wide := 0
		for i, bm := range bms {
			if i > 0 {
				rows = append(rows, "")
			}
			for _, r := range bm.draw(sc.sx, sc.vn, sc.vd) {
				rows = append(rows, r)
				wide = max(wide, len([]rune(r)))
			}
		}
		out = append(out, bigSize{rows: rows, scale: sc.vn / sc.vd, area: len(rows) * wide})
	}
	// Largest first: the drawing that covers most of the window.
	slices.SortStableFunc(out, func(x, y bigSize) int { return cmp.Compare(y.area, x.area) })
	return out
}
