package chart

import (
	"fmt"
	"strings"

	"scrutiny/review"
)

// SVG draws c as an inline SVG image for a web page: role="img" with a
// <title> and <desc> that screen readers announce, then the bars. The text
// is escaped, so a label cannot open an element.
func SVG(c *review.Chart) string {
	d := Layout(c)
	var b strings.Builder
	id := Attr(c.ID)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="%s-t %s-d" class="chart">`,
		num(d.W), num(d.H), num(d.W), num(d.H), id, id)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, Text(c.Title), id, Text(c.Desc))
	fmt.Fprintf(&b, `<g font-family="Arial, Helvetica, sans-serif" font-size="%s" fill="%s">`, num(FontSize), Ink)
	for _, r := range d.Rects {
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, num(r.X), num(r.Y), num(r.W), num(r.H), Palette[r.Tone%len(Palette)])
	}
	for _, l := range d.Lines {
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1"/>`, num(l.X1), num(l.Y1), num(l.X2), num(l.Y2), Ink)
	}
	for _, l := range d.Labels {
		weight := ""
		if l.Bold {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s"%s>%s</text>`, num(l.X), num(l.Y), weight, Text(l.S))
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// Text escapes s for XML or HTML text, dropping what XML 1.0 cannot hold.
func Text(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range review.Clean(s) {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Attr is Text for attribute values.
func Attr(s string) string { return Text(s) }
