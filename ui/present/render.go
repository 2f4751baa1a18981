package present

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scrutiny/ui/text"
)

// Role is what a piece of a slide is, for a theme to style it.
type Role int

const (
	RoleContext Role = iota // the small line at the top
	RoleTitle
	RoleText
	RoleBig
	RoleLabel  // a bar's label
	RoleBar    // the filled part of a bar
	RoleNote   // the count beside a bar
	RoleHeader // a table's header row
	RoleCell
	RoleHint
	RoleCount   // a count or a verdict: full contrast and bold
	RoleGood    // a good verdict ("✓ Met"), also in words
	RoleIssue   // a bad verdict ("✗ Not met"), also in words
	RoleWarning // a timer past its time
)

// Tone says whether a big line or a verdict is good or bad news; it picks
// a colour, never the meaning, which is always in the words.
type Tone int

const (
	ToneNone Tone = iota
	ToneGood
	ToneIssue
	ToneWarning
)

func (t Tone) role(plain Role) Role {
	switch t {
	case ToneGood:
		return RoleGood
	case ToneIssue:
		return RoleIssue
	case ToneWarning:
		return RoleWarning
	}
	return plain
}

// Painter styles one piece of text for its role. Plain output leaves text
// as it is; the terminal UI applies its theme.
type Painter func(role Role, s string) string

// PlainPainter leaves every piece unstyled.
func PlainPainter(_ Role, s string) string { return s }

// Render lays out the first page of a slide; see RenderPage.
func Render(s Slide, width, height int, hint string, paint Painter) []string {
	lines, _ := RenderPage(s, width, height, 0, hint, paint)
	return lines
}

// RenderPage lays a slide out in exactly height lines of at most width
// cells: the context line, the title, the body, and the hint on the last
// line. The body grows with the window (block letters, taller bars, gaps
// between them) as far as it fits. Nothing is cut without saying so: a
// slide too long even at its smallest is split into pages, the last line
// says "1 of 2" and the keys, and a table keeps one layout on every page.
// page counts from 0 and is clamped; pages is how many there are.
func RenderPage(s Slide, width, height, page int, hint string, paint Painter) (lines []string, pages int) {
	lines, pages, _ = renderPage(s, width, height, page, hint, paint)
	return lines, pages
}

// renderPage also says at what scale the first block letters were drawn.
func renderPage(s Slide, width, height, page int, hint string, paint Painter) (lines []string, pages, scale int) {
	width, height = max(width, 10), max(height, 3)
	titleAll := text.Wrap(s.Title, width)
	if len(titleAll) == 0 || s.Title == "" {
		titleAll = nil
	}
	maxTitle := max(1, min(3, height/4))
	if len(titleAll) > maxTitle {
		titleAll = append(titleAll[:maxTitle-1:maxTitle-1], text.TruncateWords(strings.Join(titleAll[maxTitle-1:], " "), width))
	}
	if len(titleAll) > 1 && text.Width(titleAll[len(titleAll)-1]) > width {
		titleAll[len(titleAll)-1] = text.TruncateWords(titleAll[len(titleAll)-1], width)
	}
	b := newBodyLayout(s.Lines, width, height)
	// Squeezing the frame, from least to most: the blank line under the
	// title, the context line, the hint, the title's further lines. A
	// chart is read by all its bars at once, so they are worth all four.
	type frameFit struct{ blank, context, hint, fullTitle bool }
	fits := []frameFit{{true, true, true, true}, {false, true, true, true}, {false, false, true, true},
		{false, false, false, true}, {false, false, false, false}}
	bars := 0
	for _, l := range s.Lines {
		if l.Kind == BarLine {
			bars++
		}
	}
	for _, f := range fits {
		if !f.hint && hint == "" {
			continue
		}
		// The hint and the title's further lines make way only for a
		// chart whose bars would otherwise be split over two pages.
		if (!f.hint || !f.fullTitle) && bars <= height-len(titleAll)-1 {
			continue
		}
		top := 0
		if f.context && s.Context != "" {
			top++
		}
		title := titleAll
		if !f.fullTitle && len(title) > 1 {
			title = []string{text.TruncateWords(s.Title, width)}
		}
		top += len(title)
		if f.blank && len(title) > 0 {
			top++
		}
		bottom := 0
		if f.hint && hint != "" {
			bottom = 1
		}
		body, ok := b.best(height - top - bottom)
		if !ok {
			continue
		}
		return frame(s, title, f.context, f.blank, body, hint, f.hint, width, height, paint), 1, b.scale()
	}
	// Too long even at its smallest: pages, with the context and the whole
	// title on each so every page says what it is about.
	// A chart's bars come before the context line.
	top := len(titleAll)
	if s.Context != "" && height-top >= 4 && bars == 0 {
		top++
	}
	room := max(height-top-1, 1)
	blocks := b.render(b.smallest())
	pg := paginate(blocks, room, b.header)
	pages = len(pg)
	page = min(max(page, 0), pages-1)
	more := fmt.Sprintf("%d of %d · ↓ more", page+1, pages)
	if page == pages-1 {
		more = fmt.Sprintf("%d of %d · ↑ back", page+1, pages)
	}
	if hint != "" {
		more += " · " + hint
	}
	return frame(s, titleAll, top > len(titleAll), false, pg[page], more, true, width, height, paint), pages, 0
}

// frame puts the parts together and spreads the spare lines a third above
// and two thirds below, where the eye expects a slide on a large screen.
func frame(s Slide, title []string, context, blank bool, body [][]styled, hint string, showHint bool, width, height int, paint Painter) []string {
	var top, block []string
	if context && s.Context != "" {
		top = append(top, paint(RoleContext, text.TruncateWords(s.Context, width)))
	}
	for _, l := range title {
		block = append(block, paint(RoleTitle, text.Truncate(l, width)))
	}
	if blank && len(title) > 0 {
		block = append(block, "")
	}
	for _, bl := range body {
		for _, r := range bl {
			block = append(block, r.paint(paint, width))
		}
	}
	var bottom []string
	if showHint && hint != "" {
		bottom = append(bottom, paint(RoleHint, text.Truncate(hint, width)))
	}
	out := top
	spare := max(height-len(top)-len(block)-len(bottom), 0)
	for range spare / 3 {
		out = append(out, "")
	}
	out = append(out, block...)
	for len(out) < height-len(bottom) {
		out = append(out, "")
	}
	out = append(out, bottom...)
	if len(out) > height {
		out = out[:height]
	}
	return out
}

// styled is one row of the body as pieces with their roles, so it can be
// measured before it is painted.
type styled []piece

type piece struct {
	role Role
	s    string
	w    int // its width in cells, measured once
}

func mkPiece(role Role, s string) piece { return piece{role, s, text.Width(s)} }

func (r styled) width() int {
	n := 0
	for _, p := range r {
		n += p.w
	}
	return n
}

// paint draws the row, cutting the last pieces if a row would ever be
// wider than the window (it should not be; the cut keeps the promise).
func (r styled) paint(paint Painter, width int) string {
	var b strings.Builder
	left := width
	for _, p := range r {
		if left <= 0 {
			break
		}
		s, w := p.s, p.w
		if w > left {
			s = text.Truncate(s, left)
			w = text.Width(s)
		}
		left -= w
		if strings.TrimSpace(s) == "" {
			b.WriteString(s)
			continue
		}
		b.WriteString(paint(p.role, s))
	}
	return b.String()
}

func row(role Role, s string) styled { return styled{mkPiece(role, s)} }

// bodyLayout turns a slide's lines into rows for a given way of drawing
// them (a "look"): how large the block letters are, how tall the bars.
type bodyLayout struct {
	lines   []Line
	width   int
	bigs    map[int][]bigSize // block-letter sizes of each Big line, largest first
	looks   []look
	labelW  int
	noteW   int
	colW    []int
	headers []string
	stacked bool
	header  styled // the table's heading row, repeated on each page
	bigIdx  []int  // the indices of the Big lines

	fixed    map[int][]styled    // the rows of each text and table line
	cache    map[[2]int][]styled // block letters by line and size, bars by line and height
	rendered [][][]styled        // each look drawn, and its height in rows
	rows     []int
	chosen   int // the look best picked last, or -1
}

// look is one way of drawing the body.
type look struct {
	big    []int // per Big line, an index into its sizes; past the end means ordinary letters
	barH   int   // rows per bar
	barGap bool
	gaps   bool // the slide's own blank lines
}

func newBodyLayout(lines []Line, width, height int) *bodyLayout {
	b := &bodyLayout{lines: lines, width: width, bigs: map[int][]bigSize{}, fixed: map[int][]styled{}, cache: map[[2]int][]styled{}, chosen: -1}
	var bigIdx []int
	// Letters may be drawn taller than wide only where no chart shares
	// the height: a chart's bars need it.
	tall := !slices.ContainsFunc(lines, func(l Line) bool { return l.Kind == BarLine })
	for i, l := range lines {
		switch l.Kind {
		case Big:
			// Block letters may take up to four fifths of the window, so
			// the rest of the slide still has room.
			maxRows := max(height*4/5, 3)
			b.bigs[i] = bigSizes(l.Text, width, maxRows, tall)
			if l.Short != "" {
				for _, sz := range bigSizes(l.Short, width, maxRows, tall) {
					sz.short = true
					b.bigs[i] = append(b.bigs[i], sz)
				}
				// Largest first; the whole text before the short one
				// of the same size.
				slices.SortStableFunc(b.bigs[i], func(x, y bigSize) int { return cmp.Compare(y.area, x.area) })
			}
			bigIdx = append(bigIdx, i)
		case BarLine:
			b.labelW = max(b.labelW, text.Width(l.Bar.Label))
			b.noteW = max(b.noteW, text.Width(l.Bar.Note))
		case Row:
			if l.Header && b.headers == nil {
				b.headers = l.Cells
			}
		}
	}
	// Labels as wide as they need up to half the window, so "Very
	// satisfied" is not cut when there is room; the bar takes the rest.
	b.labelW = min(b.labelW, max(width/2-b.noteW, 14), max(width-b.noteW-6, 1))
	b.colW = tableWidths(lines, width)
	b.stacked = stackedTable(b.colW, width)
	if b.headers != nil && !b.stacked {
		b.header = tableRow(Line{Kind: Row, Header: true, Cells: b.headers}, b.colW, b.headers, width)[0]
	}
	// Taller bars with gaps between them whenever they fit: at 30 rows
	// and more a five-point scale has bars three rows tall.
	barStyles := []look{{barH: 3, barGap: true}, {barH: 2, barGap: true}, {barH: 1, barGap: true}, {barH: 1}}
	if tall {
		barStyles = barStyles[len(barStyles)-1:]
	}
	// Every combination of sizes of the Big lines (a slide has one or
	// two), so a long sentence can go to ordinary letters while a number
	// stays large.
	combos := [][]int{{}}
	for _, i := range bigIdx {
		var next [][]int
		for _, c := range combos {
			for k := 0; k <= len(b.bigs[i]); k++ {
				next = append(next, append(append([]int(nil), c...), k))
			}
		}
		combos = next
	}
	for _, c := range combos {
		for _, gaps := range []bool{true, false} {
			for _, bs := range barStyles {
				b.looks = append(b.looks, look{big: c, barH: bs.barH, barGap: bs.barGap, gaps: gaps})
			}
		}
	}
	b.bigIdx = bigIdx
	return b
}

func (b *bodyLayout) smallest() look { return b.looks[len(b.looks)-1] }

// best picks, among the looks that fit in room rows, the one whose block
// letters cover the most of the window (the key figure is what the room
// came to read, and a sentence in block letters is read from the back),
// then the one that fills the most rows; among equals, the first.
func (b *bodyLayout) best(room int) ([][]styled, bool) {
	if b.rendered == nil {
		// Each look is drawn once, however many frames are tried.
		for _, lk := range b.looks {
			bl := b.render(lk)
			n := 0
			for _, r := range bl {
				n += len(r)
			}
			b.rendered = append(b.rendered, bl)
			b.rows = append(b.rows, n)
		}
	}
	best, bestN, bestBig := -1, -1, 0
	for i, n := range b.rows {
		if n > room {
			continue
		}
		big := 0
		for j, k := range b.looks[i].big {
			if sizes := b.bigs[b.bigIdx[j]]; k < len(sizes) {
				big += sizes[k].area
			}
		}
		if best < 0 || big > bestBig || (big == bestBig && n > bestN) {
			best, bestN, bestBig = i, n, big
		}
	}
	if best < 0 {
		return nil, false
	}
	b.chosen = best
	return b.rendered[best], true
}

// scale is the block-letter scale of the first Big line in the look last
// chosen, 0 when it is in ordinary letters.
func (b *bodyLayout) scale() int {
	if len(b.bigIdx) == 0 || b.chosen < 0 {
		return 0
	}
	k := b.looks[b.chosen].big[0]
	if sizes := b.bigs[b.bigIdx[0]]; k < len(sizes) {
		return sizes[k].scale
	}
	return 0
}

// render draws every line in one look; each block is one line of the
// slide, kept together on a page when it can be.
func (b *bodyLayout) render(lk look) [][]styled {
	var out [][]styled
	bars, nb := 0, 0
	for i, l := range b.lines {
		switch l.Kind {
		case Gap:
			if lk.gaps {
				out = append(out, []styled{nil})
			}
		case Text:
			if _, ok := b.fixed[i]; !ok {
				var rows []styled
				if l.Clip {
					rows = append(rows, row(RoleText, text.TruncateWords(l.Text, b.width)))
				} else {
					for _, w := range text.Wrap(l.Text, b.width) {
						rows = append(rows, row(RoleText, w))
					}
				}
				b.fixed[i] = rows
			}
			out = append(out, b.fixed[i])
		case Big:
			k := lk.big[nb]
			nb++
			key := [2]int{i, k}
			if rows, ok := b.cache[key]; ok {
				out = append(out, rows)
				continue
			}
			var rows []styled
			words := func(s string, role Role) {
				for _, w := range text.Wrap(s, b.width) {
					if s != "" {
						rows = append(rows, row(role, w))
					}
				}
			}
			if sizes := b.bigs[i]; k < len(sizes) {
				if sizes[k].short {
					words(l.ShortLead, RoleText)
				} else {
					words(l.Lead, RoleText)
				}
				for _, r := range sizes[k].rows {
					rows = append(rows, row(l.Tone.role(RoleBig), r))
				}
				words(l.Tail, RoleText)
			} else {
				words(l.Plain(), l.Tone.role(RoleBig))
			}
			b.cache[key] = rows
			out = append(out, rows)
		case BarLine:
			var rows []styled
			if bars > 0 && lk.barGap {
				rows = append(rows, nil)
			}
			bars++
			key := [2]int{i, -lk.barH}
			if _, ok := b.cache[key]; !ok {
				b.cache[key] = b.bar(l.Bar, lk.barH)
			}
			rows = append(rows, b.cache[key]...)
			out = append(out, rows)
		case Row:
			if l.Header && b.stacked {
				continue
			}
			// Text and tables look the same in every look: drawn once.
			if _, ok := b.fixed[i]; !ok {
				b.fixed[i] = tableRow(l, b.colW, b.headers, b.width)
			}
			out = append(out, b.fixed[i])
		}
	}
	return out
}

// bar draws one bar barH rows tall, its label and count on the middle row.
func (b *bodyLayout) bar(br Bar, barH int) []styled {
	barW := b.width - b.labelW - b.noteW - 2
	fill := 0
	if br.Max > 0 && barW > 0 {
		fill = (br.N*barW + br.Max/2) / br.Max
		if br.N > 0 && fill == 0 {
			fill = 1
		}
	}
	var rows []styled
	mid := (barH - 1) / 2
	for i := range barH {
		label, note := strings.Repeat(" ", b.labelW), ""
		if i == mid {
			label = text.Pad(text.Truncate(br.Label, b.labelW), b.labelW)
			note = br.Note
		}
		r := styled{mkPiece(RoleLabel, label+" ")}
		if fill > 0 {
			r = append(r, piece{RoleBar, strings.Repeat("█", fill), fill})
		}
		if note != "" {
			r = append(r, piece{RoleText, strings.Repeat(" ", max(barW-fill, 0)) + " ", max(barW-fill, 0) + 1}, mkPiece(RoleCount, note))
		}
		rows = append(rows, r)
	}
	return rows
}

// paginate splits the blocks into pages of at most room rows. A block
// goes whole onto the next page when it does not fit what is left, and is
// split only when it is taller than a page. A table's heading row starts
// every page after the first that continues the table.
func paginate(blocks [][]styled, room int, header styled) [][][]styled {
	var pages [][][]styled
	var cur [][]styled
	used := 0
	inTable, headerOnly := false, false
	flush := func() {
		if len(cur) > 0 && !headerOnly {
			pages = append(pages, cur)
		}
		cur, used, headerOnly = nil, 0, false
		if inTable && header != nil && room > 2 {
			cur = [][]styled{{header}}
			used, headerOnly = 1, true
		}
	}
	for _, bl := range blocks {
		isRow := len(bl) > 0 && header != nil && len(bl[0]) > 0 && bl[0][0].role == RoleCell
		if len(bl) == 1 && bl[0] == nil {
			// A blank line never starts a page.
			if used == 0 || used+1 > room {
				continue
			}
		}
		if used+len(bl) > room && used > 0 {
			inTable = isRow
			flush()
		}
		for len(bl) > room-used {
			// Taller than a page: split it.
			n := room - used
			cur = append(cur, bl[:n])
			bl = bl[n:]
			headerOnly = false
			inTable = isRow
			flush()
		}
		if len(bl) == 0 {
			continue
		}
		cur = append(cur, bl)
		used += len(bl)
		headerOnly = false
		inTable = isRow
	}
	if len(cur) > 0 && !headerOnly {
		pages = append(pages, cur)
	}
	if len(pages) == 0 {
		pages = [][][]styled{nil}
	}
	return pages
}

// tableRow lays out one row in the slide's one table layout. When the
// screen is too narrow for the first column (the long text, such as a
// promise), every row is stacked: the text on its own lines and the other
// cells under it, labelled by the header, so nothing is cut to a stub.
func tableRow(l Line, colW []int, headers []string, width int) []styled {
	role := RoleCell
	if l.Header {
		role = RoleHeader
	}
	last := role
	if !l.Header && len(l.Cells) > 1 {
		last = l.Tone.role(RoleCount)
	}
	if stackedTable(colW, width) {
		var rows []styled
		for _, w := range text.Wrap(l.Cells[0], width) {
			rows = append(rows, row(role, w))
		}
		type cell struct {
			s    string
			role Role
		}
		var rest []cell
		for i, c := range l.Cells[1:] {
			if c == "" {
				continue
			}
			r := RoleNote
			if i+2 == len(l.Cells) {
				r = last
			}
			if i+1 < len(headers) && !strings.HasSuffix(headers[i+1], "?") {
				c = headers[i+1] + " " + c
			}
			rest = append(rest, cell{c, r})
		}
		// Pack whole cells per line so "✗ Not met" never splits.
		line := styled{mkPiece(RoleNote, "  ")}
		for _, c := range rest {
			switch {
			case len(line) == 1:
				line = append(line, mkPiece(c.role, text.Truncate(c.s, width-2)))
			case line.width()+3+text.Width(c.s) <= width:
				line = append(line, mkPiece(RoleNote, " · "), mkPiece(c.role, c.s))
			default:
				rows = append(rows, line)
				line = styled{mkPiece(RoleNote, "  "), mkPiece(c.role, text.Truncate(c.s, width-2))}
			}
		}
		if len(line) > 1 {
			rows = append(rows, line)
		}
		return rows
	}
	var first []string
	if len(l.Cells) > 0 && len(colW) > 0 {
		first = text.Wrap(l.Cells[0], colW[0])
	}
	var rows []styled
	for n := range max(len(first), 1) {
		var r styled
		for i := range colW {
			var s string
			switch {
			case i == 0 && n < len(first):
				s = text.Pad(first[n], colW[i])
			case n == 0 && i < len(l.Cells):
				s = text.Pad(l.Cells[i], colW[i])
			default:
				s = text.Pad("", colW[i])
			}
			if i > 0 {
				r = append(r, mkPiece(role, "  "))
			}
			rl := role
			if i == len(colW)-1 && n == 0 {
				rl = last
			}
			r = append(r, mkPiece(rl, s))
		}
		// Trailing padding would only cost cells.
		for len(r) > 0 {
			lp := &r[len(r)-1]
			if t := strings.TrimRight(lp.s, " "); t != lp.s {
				lp.s, lp.w = t, text.Width(t)
			}
			if lp.s != "" {
				break
			}
			r = r[:len(r)-1]
		}
		rows = append(rows, r)
	}
	return rows
}

// stackedTable reports whether the first column had to be squeezed below a
// readable width (tableWidths marks that with a negative width).
func stackedTable(colW []int, width int) bool { return len(colW) > 1 && colW[0] < 0 }

// tableWidths gives each column its natural width, squeezing the first
// (the long text, such as the promise) to fit the screen. A table whose
// other columns would have to be cut is stacked instead, so a target such
// as "within 4 working hours" is never cut to "within 4 wo…".
func tableWidths(lines []Line, width int) []int {
	var w []int
	for _, l := range lines {
		if l.Kind != Row {
			continue
		}
		for i, c := range l.Cells {
			if i >= len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], text.Width(c))
		}
	}
	if len(w) == 0 {
		return nil
	}
	rest := width - 2*(len(w)-1)
	for i := 1; i < len(w); i++ {
		rest -= w[i]
	}
	natural := w[0]
	// The first column takes the spare width, so the verdicts line up at
	// the right of a wide window rather than in the middle of it.
	w[0] = max(rest, 4)
	if len(w) > 1 && (rest < 4 || w[0] < min(20, natural)) {
		w[0] = -w[0]
	}
	return w
}
