// Package chart draws the report's bar charts (review.Chart) as SVG for the
// web page and as PNG for the Word document. Both come from one layout, so
// the two formats show the same bars, labels and values.
//
// The drawing is our own rather than a chart library's: a horizontal bar
// chart is a few rectangles and labels, the SVG needs its own <title>,
// <desc> and role for screen readers, and one layout drawn twice keeps the
// web page and the Word document identical and fast.
package chart

import (
	"math"
	"strings"

	"github.com/mattn/go-runewidth"

	"scrutiny/review"
)

// Palette holds the bar colours: a colour-blind-safe set (after Okabe and
// Ito), darkened so each bar has at least 3:1 contrast with the white page
// as WCAG 2.2 asks of graphics. Every bar also carries its label and value
// in words, so no colour is the only way to tell bars apart.
var Palette = [...]string{"#005A9C", "#A8500A", "#117A53", "#8E3B73"}

// Ink is the colour of text and axes (17:1 on white).
const Ink = "#1A1A1A"

// Sizes of the layout, in CSS pixels.
const (
	Width     = 680.0
	pad       = 8.0
	labelW    = 180.0
	valueW    = 190.0
	rowH      = 22.0
	barH      = 14.0
	groupH    = 22.0
	FontSize  = 12.0
	charWidth = 6.6 // an average character of a sans-serif face at FontSize
)

// Rect is a bar.
type Rect struct {
	X, Y, W, H float64
	Tone       int
}

// Label is a line of text; Y is its baseline.
type Label struct {
	X, Y float64
	S    string
	Bold bool
}

// Line is an axis.
type Line struct{ X1, Y1, X2, Y2 float64 }

// Drawing is a laid-out chart.
type Drawing struct {
	W, H   float64
	Rects  []Rect
	Labels []Label
	Lines  []Line
}

// Layout places the bars, labels and axes of c.
func Layout(c *review.Chart) Drawing {
	d := Drawing{W: Width}
	barX := pad + labelW
	barArea := Width - 2*pad - labelW - valueW
	named := len(c.Groups) > 1 || (len(c.Groups) == 1 && c.Groups[0].Label != "")
	y := pad
	most := review.ChartMax(c, -1)
	for gi, g := range c.Groups {
		if c.PerGroup {
			most = review.ChartMax(c, gi)
		}
		if named {
			d.Labels = append(d.Labels, Label{X: pad, Y: y + 15, S: fit(orDash(g.Label), Width-2*pad), Bold: true})
			y += groupH
		}
		top := y
		for _, b := range g.Bars {
			w := 0.0
			if most > 0 && b.Value > 0 && !math.IsInf(b.Value, 0) {
				w = math.Max(2, math.Min(barArea, b.Value*barArea/most))
			}
			d.Labels = append(d.Labels, Label{X: pad + 4, Y: y + 15, S: fit(orDash(b.Label), labelW-10)})
			if w > 0 {
				d.Rects = append(d.Rects, Rect{X: barX, Y: y + (rowH-barH)/2, W: w, H: barH, Tone: b.Tone})
			}
			d.Labels = append(d.Labels, Label{X: barX + w + 6, Y: y + 15, S: fit(b.Text, valueW+barArea-w-8)})
			y += rowH
		}
		d.Lines = append(d.Lines, Line{X1: barX, Y1: top, X2: barX, Y2: y})
	}
	d.H = y + pad
	return d
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// fit shortens s to about w pixels, ending it with "…" when cut.
func fit(s string, w float64) string {
	s = strings.Join(strings.Fields(review.CleanLine(s)), " ")
	most := int(w / charWidth)
	if runewidth.StringWidth(s) <= most {
		return s
	}
	return runewidth.Truncate(s, most, "…")
}

// Summary gives every bar's label and value in one line, for the
// alternative text of an image.
func Summary(c *review.Chart) string {
	var parts []string
	for _, g := range c.Groups {
		var bars []string
		for _, b := range g.Bars {
			bars = append(bars, orDash(b.Label)+" "+b.Text)
		}
		s := strings.Join(bars, ", ")
		if g.Label != "" {
			s = g.Label + ": " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ") + "."
}
