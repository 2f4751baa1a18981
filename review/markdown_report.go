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
	if c == nil {
		return ""
	}
	labelW, bars := 0, 0
	for _, g := range c.Groups {
		for _, bar := range g.Bars {
			labelW = max(labelW, runewidth.StringWidth(chartLabel(bar.Label)))
			bars++
		}
	}
	if bars == 0 {
		return ""
	}
	named := len(c.Groups) > 1 || (len(c.Groups) == 1 && c.Groups[0].Label != "")
	indent := ""
	if named {
		indent = "  "
	}
	most := chartMax(c, -1)
	var lines []string
	for gi, g := range c.Groups {
		if c.PerGroup {
			most = chartMax(c, gi)
		}
		if named {
			lines = append(lines, isolate(runewidth.Truncate(orDash(collapse(g.Label)), 72, "…")))
		}
		for _, bar := range g.Bars {
			n := 0
			if most > 0 && bar.Value > 0 {
				n = max(1, min(barWidth, int(math.Round(bar.Value*barWidth/most))))
			}
			lines = append(lines, fmt.Sprintf("%s%s  %s%s  %s", indent,
				isolate(runewidth.FillRight(chartLabel(bar.Label), labelW)),
				strings.Repeat("█", n), strings.Repeat(" ", barWidth-n), isolate(collapse(bar.Text))))
		}
	}
	return strings.Join(lines, "\n")
}

func chartLabel(s string) string {
	l := collapse(s)
	if l == "" {
		l = "(blank)"
	}
	return runewidth.Truncate(l, maxLabelWidth, "…")
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
