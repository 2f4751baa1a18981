package present

import (
	"strings"

	"charm.land/lipgloss/v2"

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
)

// Painter styles one piece of text for its role. Plain output leaves text
// as it is; the terminal UI applies its theme.
type Painter func(role Role, s string) string

// PlainPainter leaves every piece unstyled.
func PlainPainter(_ Role, s string) string { return s }

// Render lays a slide out in at most height lines of at most width cells:
// the context line, the title, the body, and the hint on the last line.
// When space is short it drops blank lines first, then shortens long
// paragraphs, so the title and the big line survive down to 40x12.
func Render(s Slide, width, height int, hint string, paint Painter) []string {
	if width < 10 {
		width = 10
	}
	if height < 3 {
		height = 3
	}
	var top []string
	if s.Context != "" {
		top = append(top, paint(RoleContext, text.Truncate(s.Context, width)))
	}
	var block []string
	title := text.Wrap(s.Title, width)
	if len(title) > 2 {
		title = title[:2]
		title[1] = text.Truncate(title[1]+" …", width)
	}
	for _, l := range title {
		block = append(block, paint(RoleTitle, l))
	}
	var bottom []string
	if hint != "" {
		bottom = append(bottom, paint(RoleHint, text.Truncate(hint, width)))
	}
	// Every bar of a chart matters more than the context line, so on a
	// small screen (a 1-10 chart at 40x12) the context line makes way.
	bars := 0
	for _, l := range s.Lines {
		if l.Kind == BarLine {
			bars++
		}
	}
	if len(top) > 0 && bars > height-len(top)-len(bottom)-len(block) {
		top = nil
	}
	// An eleven-point 0-10 chart still needs more: the hint goes, then the
	// title's second line.
	if len(bottom) > 0 && bars > height-len(bottom)-len(block) {
		bottom = nil
	}
	if len(block) > 1 && bars > height-len(block) {
		block = []string{paint(RoleTitle, text.Truncate(s.Title, width))}
	}
	avail := height - len(top) - len(bottom)
	body := layoutBody(s.Lines, width, avail-len(block), paint)
	// A blank line under the title when there is space for it.
	if len(block)+len(body) < avail && len(block) > 0 {
		block = append(block, "")
	}
	block = append(block, body...)
	// Spare lines go a third above and two thirds below the slide, which
	// sits where the eye expects it on a large screen.
	out := top
	for range max(avail-len(block), 0) / 3 {
		out = append(out, "")
	}
	out = append(out, block...)
	for len(out) < height-len(bottom) {
		out = append(out, "")
	}
	return append(out, bottom...)
}

// layoutBody fits the body lines into room lines.
func layoutBody(lines []Line, width, room int, paint Painter) []string {
	if room <= 0 {
		return nil
	}
	type block struct {
		kind LineKind
		rows []string
		line Line
	}
	var blocks []block
	barLabelW, barNoteW := 0, 0
	for _, l := range lines {
		if l.Kind == BarLine {
			barLabelW = max(barLabelW, lipgloss.Width(l.Bar.Label))
			barNoteW = max(barNoteW, lipgloss.Width(l.Bar.Note))
		}
	}
	barLabelW = min(barLabelW, max(width/3, 14))
	colW := tableWidths(lines, width)
	verdictW := 0
	for _, l := range lines {
		if l.Kind == Row && !l.Header && len(l.Cells) > 1 {
			verdictW = max(verdictW, lipgloss.Width(l.Cells[len(l.Cells)-1]))
		}
	}
	var headers []string
	for _, l := range lines {
		if l.Kind == Row && l.Header {
			headers = l.Cells
			break
		}
	}
	for _, l := range lines {
		switch l.Kind {
		case Gap:
			blocks = append(blocks, block{kind: Gap, rows: []string{""}})
		case Text, Big:
			role := RoleText
			if l.Kind == Big {
				role = RoleBig
			}
			var rows []string
			for _, w := range text.Wrap(l.Text, width) {
				rows = append(rows, paint(role, w))
			}
			blocks = append(blocks, block{kind: l.Kind, rows: rows})
		case BarLine:
			blocks = append(blocks, block{kind: BarLine, rows: []string{bar(l.Bar, width, barLabelW, barNoteW, paint)}})
		case Row:
			blocks = append(blocks, block{Row, tableRow(l, colW, headers, width, paint), l})
		}
	}
	count := func() int {
		n := 0
		for _, b := range blocks {
			n += len(b.rows)
		}
		return n
	}
	// Drop blank lines first, from the bottom up.
	for i := len(blocks) - 1; i >= 0 && count() > room; i-- {
		if blocks[i].kind == Gap {
			blocks = append(blocks[:i], blocks[i+1:]...)
		}
	}
	// Then shorten the longest paragraphs, keeping their first line.
	for count() > room {
		longest := -1
		for i, b := range blocks {
			if (b.kind == Text || b.kind == Row) && len(b.rows) > 1 && (longest < 0 || len(b.rows) > len(blocks[longest].rows)) {
				longest = i
			}
		}
		if longest < 0 {
			break
		}
		b := &blocks[longest]
		if c := b.line.Cells; b.kind == Row && len(c) > 1 {
			// A table row on one line keeps its verdict (the last cell,
			// such as "✗ Not met") in front of its shortened text.
			v := c[len(c)-1] + strings.Repeat(" ", max(0, verdictW-lipgloss.Width(c[len(c)-1])))
			b.rows = []string{paint(RoleCell, text.Truncate(v+"  "+c[0], width))}
			continue
		}
		b.rows = b.rows[:len(b.rows)-1]
		last := len(b.rows) - 1
		b.rows[last] = b.rows[last] + paint(RoleText, "…")
	}
	// A chart is read by its bars (the top score is the last one), so a
	// note under it goes before any bar does.
	hasBars := false
	for _, b := range blocks {
		hasBars = hasBars || b.kind == BarLine
	}
	for i := len(blocks) - 1; hasBars && i >= 0 && count() > room; i-- {
		if blocks[i].kind == Text {
			blocks = append(blocks[:i], blocks[i+1:]...)
		}
	}
	var out []string
	for _, b := range blocks {
		out = append(out, b.rows...)
	}
	if len(out) > room {
		// Still too long: keep what fits and say there is more.
		out = out[:room]
		out[room-1] = paint(RoleText, "…")
	}
	return out
}

// tableRow lays out one row. When the screen is too narrow for the first
// column (the long text, such as a promise), each row is stacked instead:
// the text on its own lines and the other cells under it, labelled by the
// header, so nothing is cut to a stub.
func tableRow(l Line, colW []int, headers []string, width int, paint Painter) []string {
	role := RoleCell
	if l.Header {
		role = RoleHeader
	}
	if stackedTable(colW, width) {
		if l.Header {
			return nil
		}
		var rows []string
		for _, w := range text.Wrap(l.Cells[0], width) {
			rows = append(rows, paint(role, w))
		}
		var rest []string
		for i, c := range l.Cells[1:] {
			if c == "" {
				continue
			}
			if i+1 < len(headers) && !strings.HasSuffix(headers[i+1], "?") {
				c = headers[i+1] + " " + c
			}
			rest = append(rest, c)
		}
		// Pack whole cells per line so "✗ Not met" never splits.
		line := ""
		for _, c := range rest {
			switch {
			case line == "":
				line = c
			case lipgloss.Width(line+" · "+c) <= width-2:
				line += " · " + c
			default:
				rows = append(rows, paint(RoleNote, "  "+text.Truncate(line, width-2)))
				line = c
			}
		}
		if line != "" {
			rows = append(rows, paint(RoleNote, "  "+text.Truncate(line, width-2)))
		}
		return rows
	}
	var first []string
	if len(l.Cells) > 0 && len(colW) > 0 {
		first = text.Wrap(l.Cells[0], colW[0])
	}
	var rows []string
	for n := range max(len(first), 1) {
		cells := make([]string, len(colW))
		for i := range colW {
			switch {
			case i == 0 && n < len(first):
				cells[i] = text.Pad(first[n], colW[i])
			case n == 0 && i < len(l.Cells):
				cells[i] = text.Pad(text.Truncate(l.Cells[i], colW[i]), colW[i])
			default:
				cells[i] = text.Pad("", colW[i])
			}
		}
		rows = append(rows, paint(role, strings.TrimRight(strings.Join(cells, "  "), " ")))
	}
	return rows
}

// stackedTable reports whether the first column had to be squeezed below a
// readable width (tableWidths marks that with a negative width).
func stackedTable(colW []int, width int) bool { return len(colW) > 1 && colW[0] < 0 }

func bar(b Bar, width, labelW, noteW int, paint Painter) string {
	barW := width - labelW - noteW - 2
	fill := 0
	if b.Max > 0 && barW > 0 {
		fill = (b.N*barW + b.Max/2) / b.Max
		if b.N > 0 && fill == 0 {
			fill = 1
		}
	}
	label := text.Pad(text.Truncate(b.Label, labelW), labelW)
	s := paint(RoleLabel, label) + " "
	if fill > 0 {
		s += paint(RoleBar, strings.Repeat("█", fill))
	}
	return s + strings.Repeat(" ", max(barW-fill, 0)) + " " + paint(RoleNote, b.Note)
}

// tableWidths gives each column its natural width, squeezing the first
// (the long text, such as the promise) to fit the screen.
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
			w[i] = max(w[i], lipgloss.Width(c))
		}
	}
	if len(w) == 0 {
		return nil
	}
	colCap := max(width/4, 6)
	rest := width - 2*(len(w)-1)
	for i := 1; i < len(w); i++ {
		w[i] = min(w[i], colCap)
		rest -= w[i]
	}
	natural := w[0]
	w[0] = max(min(w[0], rest), 4)
	if len(w) > 1 && w[0] < min(20, natural) {
		w[0] = -w[0]
	}
	return w
}
