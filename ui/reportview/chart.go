package reportview

import (
	"strings"

	"scrutiny/review"
	"scrutiny/ui/text"
)

// The sizes of a text chart, in cells. maxBar and maxLabel are the
// markdown's (review.TextChart): a bar of at most 30 cells, a label of at
// most 32 before it is cut with "…".
const (
	maxBar   = 30
	maxLabel = 32
	minBar   = 10 // the shortest a bar is squeezed to beside its label
	minValue = 12 // the narrowest a value may wrap in beside its bar
)

// chart draws a chart as the markdown does: "Chart: title" in italics, then
// a line per bar with its label, the bar and its value in words (group
// labels in bold above their bars), scaled by review.ChartRows. The bars
// shorten to fit the width, and a value too long for what is left wraps
// under itself. When a label, a short bar and the value cannot share a
// line, each label goes on its own line above its bar, whole.
func (d *drawer) chart(c *review.Chart) []Line {
	rows, named := review.ChartRows(c)
	if len(rows) == 0 {
		return nil
	}
	out := wrap(words(review.Text{{S: "Chart: " + c.Title, Em: true}}, roleText), nil, nil, d.width)
	out = append(out, nil)
	indent := 0
	if named {
		indent = 2
	}
	labelW, valueW := 0, 0
	for _, r := range rows {
		if !r.Group {
			labelW = max(labelW, text.Width(r.Label))
			valueW = max(valueW, text.Width(r.Text))
		}
	}
	labelW = min(labelW, maxLabel)
	// Label, two spaces, bar, two spaces, value.
	inline := d.width - indent - labelW - 4
	stack := inline-minBar < min(valueW, minValue)
	barW := max(minBar, min(maxBar, inline-valueW))
	if stack {
		barW = max(6, min(maxBar, d.width-indent-4-valueW))
	}
	for _, r := range rows {
		if r.Group {
			out = append(out, wrap(words(review.Text{{S: r.Label}}, roleText|bold), nil, nil, d.width)...)
			continue
		}
		var prefix []Seg
		if stack {
			out = append(out, wrap(words(review.Text{{S: r.Label}}, roleText), []Seg{spaces(indent)}, []Seg{spaces(indent)}, d.width)...)
			prefix = []Seg{spaces(indent + 2)}
		} else {
			l := text.Truncate(text.OneLine(r.Label), labelW)
			prefix = []Seg{spaces(indent), seg(l, roleText), spaces(labelW - text.Width(l) + 2)}
		}
		n := r.Cells(barW)
		prefix = append(prefix, seg(strings.Repeat("█", n), roleBar), spaces(barW-n+2))
		rest := []Seg{spaces(Line(prefix).Width())}
		value := words(review.Text{{S: r.Text}}, roleText)
		if len(value) == 0 {
			out = append(out, prefix)
			continue
		}
		out = append(out, wrap(value, prefix, rest, d.width)...)
	}
	return out
}
