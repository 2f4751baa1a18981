// Package htmlreport writes the report as one self-contained web page: the
// styles and the SVG charts are inside the file, there are no scripts and
// nothing is fetched, so it opens offline and can be published as it is.
// A print stylesheet lays it out on A4, so printing to PDF from any browser
// gives a Board paper.
package htmlreport

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"scrutiny/review"
	"scrutiny/review/chart"
)

// newPage lists the sections that start on a new printed page: the long
// ones, so a short section does not leave most of a page blank.
var newPage = map[string]bool{"s5": true, "s7": true, "s9": true}

// HTML writes the report as an HTML page. It is a pure function of the
// report: the same report gives the same bytes.
func HTML(rep *review.Report) []byte {
	var b strings.Builder
	b.Grow(256 << 10)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(rep.Title))
	fmt.Fprintf(&b, "<meta name=\"author\" content=\"%s\">\n", esc(rep.Author))
	if rep.Subject != "" {
		fmt.Fprintf(&b, "<meta name=\"description\" content=\"%s\">\n", esc(rep.Subject))
	}
	b.WriteString("<style>\n" + css + "</style>\n</head>\n<body>\n<main>\n")
	for i := range rep.Blocks {
		block(&b, &rep.Blocks[i])
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return []byte(b.String())
}

func block(b *strings.Builder, bl *review.Block) {
	switch bl.Kind {
	case review.BlockHeading:
		lvl := max(1, min(6, bl.Level))
		attrs := ""
		if bl.Anchor != "" {
			attrs = ` id="` + esc(bl.Anchor) + `"`
		}
		if lvl == 2 && newPage[bl.Anchor] {
			attrs += ` class="new-page"`
		}
		fmt.Fprintf(b, "<h%d%s>%s</h%d>\n", lvl, attrs, text(bl.Text), lvl)
	case review.BlockPara:
		class := ""
		if bl.Note {
			class = ` class="note"`
		}
		lines := make([]string, len(bl.Lines))
		for i, l := range bl.Lines {
			lines[i] = text(l)
		}
		fmt.Fprintf(b, "<p%s>%s</p>\n", class, strings.Join(lines, "<br>\n"))
	case review.BlockFacts:
		b.WriteString("<table class=\"facts\">\n<caption>About this paper</caption>\n<tbody>\n")
		for _, f := range bl.Facts {
			fmt.Fprintf(b, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", esc(f.Label), text(f.Value))
		}
		b.WriteString("</tbody>\n</table>\n")
	case review.BlockList:
		list(b, bl.Items, bl.Numbered, false)
	case review.BlockTable:
		table(b, bl.Table, "")
	case review.BlockChart:
		c := bl.Chart
		fmt.Fprintf(b, "<figure class=\"chart\" id=\"%s\">\n<figcaption>%s</figcaption>\n%s\n", esc(c.ID), esc(c.Title), chart.SVG(c))
		if c.Figures != nil {
			table(b, c.Figures, "figures")
		}
		b.WriteString("</figure>\n")
	case review.BlockPageBreak:
		b.WriteString("<div class=\"page-break\"></div>\n")
	}
}

func list(b *strings.Builder, items []review.Item, numbered, lettered bool) {
	tag := "ul"
	if numbered || lettered {
		tag = "ol"
	}
	open := "<" + tag
	if lettered {
		open += ` type="a"`
	}
	b.WriteString(open + ">\n")
	for _, it := range items {
		b.WriteString("<li")
		if it.Anchor != "" {
			b.WriteString(` id="` + esc(it.Anchor) + `"`)
		}
		if numbered {
			if n, err := strconv.Atoi(it.Marker); err == nil {
				fmt.Fprintf(b, ` value="%d"`, n)
			}
		}
		b.WriteString(">")
		t := text(it.Text)
		if it.Link != "" {
			t = `<a href="#` + esc(it.Link) + `">` + t + `</a>`
		}
		b.WriteString(t)
		if len(it.Sub) > 0 {
			b.WriteString("\n")
			list(b, it.Sub, false, true)
		}
		for _, a := range it.After {
			b.WriteString("\n<p>" + text(a) + "</p>")
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</" + tag + ">\n")
}

func table(b *strings.Builder, t *review.Table, class string) {
	if len(t.Head) == 0 {
		return
	}
	if class != "" {
		class = ` class="` + class + `"`
	}
	fmt.Fprintf(b, "<table%s>\n<caption>%s</caption>\n", class, esc(t.Caption))
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	if total > 0 && len(t.Widths) == len(t.Head) {
		b.WriteString("<colgroup>")
		for _, w := range t.Widths {
			fmt.Fprintf(b, `<col style="width:%d%%">`, w*100/total)
		}
		b.WriteString("</colgroup>\n")
	}
	right := func(i int) string {
		if i < len(t.Align) && t.Align[i] == review.AlignRight {
			return ` class="num"`
		}
		return ""
	}
	b.WriteString("<thead><tr>")
	for i, h := range t.Head {
		fmt.Fprintf(b, `<th scope="col"%s>%s</th>`, right(i), esc(h))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range t.Rows {
		b.WriteString("<tr>")
		for i := range t.Head {
			var cell review.Text
			if i < len(row) {
				cell = row[i]
			}
			if i == 0 && t.RowHeads {
				fmt.Fprintf(b, `<th scope="row">%s</th>`, text(cell))
				continue
			}
			fmt.Fprintf(b, `<td%s>%s</td>`, right(i), text(cell))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// text writes spans with their emphasis. Right-to-left text is isolated in
// <bdi>, so it cannot reorder the punctuation around it.
func text(t review.Text) string {
	var b strings.Builder
	for _, sp := range t {
		s := esc(sp.S)
		if s == "" {
			continue
		}
		if strings.ContainsFunc(sp.S, isRTL) {
			s = "<bdi>" + s + "</bdi>"
		}
		switch {
		case sp.Strong:
			s = "<strong>" + s + "</strong>"
		case sp.Em:
			s = "<em>" + s + "</em>"
		}
		b.WriteString(s)
	}
	return b.String()
}

func isRTL(r rune) bool {
	return r >= 0x0590 && unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// esc escapes text for HTML, dropping control characters and bidi
// overrides a reader cannot see.
func esc(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') {
			return -1
		}
		return r
	}, s)
	return chart.Text(s)
}
