package style

import (
	"image/color"

	colorful "github.com/lucasb-eyer/go-colorful"
)

// Colour checks for a wall in a lit room and for colour-blind readers,
// worked out from a theme's own colours so a new or changed theme is
// measured, not assumed.

// Contrast is the WCAG 2 contrast ratio between two colours, from 1 (the
// same) to 21 (black on white).
func Contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	cc, _ := colorful.MakeColor(c)
	r, g, b := cc.LinearRgb()
	return 0.2126*r + 0.7152*g + 0.0722*b
}

// Vision is a way of seeing colour.
type Vision int

const (
	Typical Vision = iota
	Protanopia
	Deuteranopia
)

func (v Vision) String() string {
	switch v {
	case Protanopia:
		return "protanopia"
	case Deuteranopia:
		return "deuteranopia"
	}
	return "typical vision"
}

// machado holds the matrices of Machado, Oliveira and Fernandes (2009) at
// full severity, applied to linear RGB.
var machado = map[Vision][3][3]float64{
	Protanopia: {
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998},
	},
	Deuteranopia: {
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881},
	},
}

// Seen is the colour as a person with that vision sees it.
func Seen(c color.Color, v Vision) color.Color {
	cc, _ := colorful.MakeColor(c)
	m, ok := machado[v]
	if !ok {
		return cc
	}
	r, g, b := cc.LinearRgb()
	out := [3]float64{}
	for i := range 3 {
		out[i] = m[i][0]*r + m[i][1]*g + m[i][2]*b
	}
	return colorful.LinearRgb(out[0], out[1], out[2]).Clamped()
}

// Difference is the CIEDE2000 colour difference on the usual 0-100 scale:
// about 2 is just noticeable side by side, 10 and more reads as two
// different colours at a glance.
func Difference(a, b color.Color) float64 {
	ca, _ := colorful.MakeColor(a)
	cb, _ := colorful.MakeColor(b)
	return 100 * ca.DistanceCIEDE2000(cb)
}
