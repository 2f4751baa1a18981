package review

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
)

// Markdown writes the report as markdown that reads as plain text, renders
// on GitHub and converts with pandoc's default reader. Table separator rows
// carry the columns' relative widths as dashes, which is where pandoc takes
// column widths from, so long questions are not squashed into a column as
// narrow as "Base". Charts are drawn as text bars with their values.
func Markdown(rep *Report) []byte {
	var b bytes.Buffer
	for i := range rep.Blocks {
		s := mdBlock(&rep.Blocks[i])
		if s == "" {
			continue
		}
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

func mdBlock(bl *Block) string {
	switch bl.Kind {
	case BlockHeading:
		var t string
		for _, sp := range bl.Text {
			t += EscapeHeading(sp.S)
			if endsSpace(sp.S) {
				t += " "
			}
		}
		t = strings.TrimSpace(t)
		if t == "" {
			return ""
		}
		return strings.Repeat("#", max(1, min(6, bl.Level))) + " " + t
	case BlockPara:
		lines := make([]string, 0, len(bl.Lines))
		for _, l := range bl.Lines {
			if s := mdText(l, true); s != "" {
				lines = append(lines, s)
			}
		}
		// Two trailing spaces: a hard line break that is invisible in
		// plain text and understood by GitHub and pandoc.
		return strings.Join(lines, "  \n")
	case BlockFacts:
		// A list rather than a table: a markdown table needs a header
		// row, and these pairs have none.
		lines := make([]string, 0, len(bl.Facts))
		for _, f := range bl.Facts {
			lines = append(lines, "- **"+EscapeInline(f.Label)+":** "+mdText(f.Value, false))
		}
		return strings.Join(lines, "\n")
	case BlockList:
		return mdList(bl)
	case BlockTable:
		return mdTable(bl.Table)
	case BlockChart:
		chart := TextChart(bl.Chart)
		if chart == "" {
			return ""
		}
		fence := codeFence(chart)
		return "*Chart: " + EscapeInline(bl.Chart.Title) + "*\n\n" + fence + "text\n" + chart + "\n" + fence
	}
	return ""
}

func mdList(bl *Block) string {
	loose := false
	for _, it := range bl.Items {
		if len(it.Sub)+len(it.After) > 0 {
			loose = true
		}
	}
	var out []string
	for _, it := range bl.Items {
		marker := "- "
		if bl.Numbered {
			marker = it.Marker + ". "
		}
		pad := strings.Repeat(" ", len(marker))
		// Sub-points are lines of the item's paragraph rather than a
		// nested list: lettered lists are not markdown, and this reads
		// the same everywhere.
		lines := []string{marker + mdText(it.Text, true)}
		for _, sp := range it.Sub {
			lines = append(lines, pad+sp.Marker+". "+mdText(sp.Text, true))
		}
		s := strings.Join(lines, "  \n")
		for _, a := range it.After {
			s += "\n\n" + pad + mdText(a, true)
		}
		out = append(out, s)
	}
	if loose {
		return strings.Join(out, "\n\n")
	}
	return strings.Join(out, "\n")
}

func mdTable(t *Table) string {
	if len(t.Head) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("|")
	for _, h := range t.Head {
		b.WriteString(" " + EscapeCell(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Head {
		w := 3
		if i < len(t.Widths) {
			w = max(3, t.Widths[i])
		}
		if i < len(t.Align) && t.Align[i] == AlignRight {
			b.WriteString(strings.Repeat("-", w-1) + ":|")
		} else {
			b.WriteString(strings.Repeat("-", w) + "|")
		}
	}
	for _, row := range t.Rows {
		b.WriteString("\n|")
		for i := range t.Head {
			cell := ""
			if i < len(row) {
				cell = mdText(row[i], false)
			}
			if cell == "" {
				b.WriteString(" |")
			} else {
				b.WriteString(" " + cell + " |")
			}
		}
	}
	return b.String()
}

// mdText escapes each span for markdown and adds its emphasis. At the start
// of a line, what a reader could take for a list marker or heading is
// escaped as well.
func mdText(t Text, lineStart bool) string {
	var b strings.Builder
	for i, sp := range t {
		core := collapse(sp.S)
		if core == "" {
			if sp.S != "" && b.Len() > 0 {
				b.WriteByte(' ')
			}
			continue
		}
		if b.Len() > 0 && startsSpace(sp.S) {
			b.WriteByte(' ')
		}
		esc := escapeText(core, false)
		if lineStart && i == 0 {
			esc = escapeLineStart(esc)
		}
		esc = isolate(esc)
		switch {
		case sp.Strong:
			esc = "**" + esc + "**"
		case sp.Em:
			esc = "*" + esc + "*"
		}
		b.WriteString(esc)
		if endsSpace(sp.S) {
			b.WriteByte(' ')
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func startsSpace(s string) bool {
	for _, r := range s {
		return unicode.IsSpace(r)
	}
	return false
}

func endsSpace(s string) bool {
	return s != "" && unicode.IsSpace(rune(s[len(s)-1]))
}

// barWidth is the length of the longest bar of a text chart, in cells.
const barWidth = 30

// maxLabelWidth keeps a long label from pushing the bars off a page.
const maxLabelWidth = 32

// TextChart draws a chart as plain text, one line per bar: the label, a bar
// of █ scaled to the largest value (of its group, for charts whose groups
// have their own units), and the value in words. It reads the same in
// monochrome, on paper and to a screen reader; "" when there is nothing to
// draw.
func TextChart(c *Chart) string {
	rows, named := ChartRows(c)
	labelW := 0
	for _, r := range rows {
		if !r.Group {
			labelW = max(labelW, runewidth.StringWidth(chartLabel(r.Label)))
		}
	}
	if labelW == 0 {
		return ""
	}
	indent := ""
	if named {
		indent = "  "
	}
	lines := make([]string, 0, len(rows))
	for _, r := range rows {
		if r.Group {
			lines = append(lines, isolate(runewidth.Truncate(r.Label, 72, "…")))
			continue
		}
		n := r.Cells(barWidth)
		lines = append(lines, fmt.Sprintf("%s%s  %s%s  %s", indent,
			isolate(runewidth.FillRight(chartLabel(r.Label), labelW)),
			strings.Repeat("█", n), strings.Repeat(" ", barWidth-n), isolate(r.Text)))
	}
	return strings.Join(lines, "\n")
}

func chartLabel(s string) string { return runewidth.Truncate(s, maxLabelWidth, "…") }

// ChartRow is one line of a chart drawn as text: a group's label, or a bar
// with its label and its value in words. Text writers (the markdown here,
// the terminal preview) draw the same rows and scale the bars the same way.
type ChartRow struct {
	Group bool   // a group's label rather than a bar
	Label string // one line, cleaned: "(blank)" for a bar without a label, "–" for a group
	Text  string // a bar's value in words, one line, cleaned
	Tone  int
	// Value and Most are the bar's value and the end of its axis.
	Value, Most float64
}

// Cells is the length of the bar when the end of the axis is width cells:
// at least one cell for any value above zero, so a single answer shows.
func (r ChartRow) Cells(width int) int {
	if r.Group || r.Most <= 0 || r.Value <= 0 {
		return 0
	}
	return max(1, min(width, int(math.Round(r.Value*float64(width)/r.Most))))
}

// ChartRows lays c out as rows of text: each group's label when the groups
// are named (named is then true, and their bars go under them), then its
// bars. A chart with no bars gives no rows.
func ChartRows(c *Chart) (rows []ChartRow, named bool) {
	if c == nil {
		return nil, false
	}
	bars := 0
	for _, g := range c.Groups {
		bars += len(g.Bars)
	}
	if bars == 0 {
		return nil, false
	}
	named = len(c.Groups) > 1 || (len(c.Groups) == 1 && c.Groups[0].Label != "")
	rows = make([]ChartRow, 0, bars+len(c.Groups))
	most := chartMax(c, -1)
	for gi, g := range c.Groups {
		if c.PerGroup {
			most = chartMax(c, gi)
		}
		if named {
			rows = append(rows, ChartRow{Group: true, Label: orDash(collapse(g.Label))})
		}
		for _, bar := range g.Bars {
			l := collapse(bar.Label)
			if l == "" {
				l = "(blank)"
			}
			rows = append(rows, ChartRow{Label: l, Text: collapse(bar.Text), Tone: bar.Tone, Value: bar.Value, Most: most})
		}
	}
	return rows, named
}

// chartMax is the end of the value axis: the chart's own, or the largest
// value of group gi (of every group when gi < 0).
func chartMax(c *Chart, gi int) float64 {
	if c.Max > 0 && !c.PerGroup {
		return c.Max
	}
	most := 0.0
	for i, g := range c.Groups {
		if gi >= 0 && i != gi {
			continue
		}
		for _, b := range g.Bars {
			if b.Value > most && !math.IsInf(b.Value, 0) {
				most = b.Value
			}
		}
	}
	return most
}

// ChartMax is the end of the value axis of group gi (or of the whole chart
// when gi < 0), for writers that draw the bars themselves.
func ChartMax(c *Chart, gi int) float64 { return chartMax(c, gi) }
