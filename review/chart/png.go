package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"scrutiny/review"
)

// The Go fonts are embedded in the binary (BSD licence), so an image looks
// the same on every laptop, offline.
var fonts = sync.OnceValues(func() (*opentype.Font, *opentype.Font) {
	r, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic(err) // the embedded font is fixed: this cannot happen at run time
	}
	b, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic(err)
	}
	return r, b
})

// Painter draws charts as PNG at a fixed scale. Font faces keep state, so a
// Painter belongs to one document being written; it is not shared.
type Painter struct {
	scale         float64
	regular, bold font.Face
	ink           image.Image
	tones         [len(Palette)]image.Image
	enc           png.Encoder
	white         image.Image
}

// NewPainter returns a Painter drawing scale image pixels per CSS pixel.
func NewPainter(scale float64) *Painter {
	r, b := fonts()
	opt := &opentype.FaceOptions{Size: FontSize * scale, DPI: 72, Hinting: font.HintingFull}
	p := &Painter{scale: scale, enc: png.Encoder{CompressionLevel: png.BestSpeed}}
	p.regular, _ = opentype.NewFace(r, opt)
	p.bold, _ = opentype.NewFace(b, opt)
	p.ink = image.NewUniform(hex(Ink))
	p.white = image.NewUniform(color.White)
	for i, c := range Palette {
		p.tones[i] = image.NewUniform(hex(c))
	}
	return p
}

// PNG draws c and returns the image and its size in CSS pixels.
func (p *Painter) PNG(c *review.Chart) (data []byte, w, h float64) {
	d := Layout(c)
	s := p.scale
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(d.W*s)), int(math.Ceil(d.H*s))))
	draw.Draw(img, img.Bounds(), p.white, image.Point{}, draw.Src)
	box := func(x, y, w, h float64) image.Rectangle {
		return image.Rect(int(math.Round(x*s)), int(math.Round(y*s)), int(math.Round((x+w)*s)), int(math.Round((y+h)*s)))
	}
	for _, r := range d.Rects {
		draw.Draw(img, box(r.X, r.Y, r.W, r.H), p.tones[r.Tone%len(p.tones)], image.Point{}, draw.Src)
	}
	for _, l := range d.Lines {
		draw.Draw(img, box(l.X1-0.5, l.Y1, math.Max(1, l.X2-l.X1), l.Y2-l.Y1), p.ink, image.Point{}, draw.Src)
	}
	for _, l := range d.Labels {
		face := p.regular
		if l.Bold {
			face = p.bold
		}
		dr := font.Drawer{Dst: img, Src: p.ink, Face: face,
			Dot: fixed.Point26_6{X: fixed.Int26_6(l.X * s * 64), Y: fixed.Int26_6(l.Y * s * 64)}}
		dr.DrawString(drawable(face, l.S))
	}
	var buf bytes.Buffer
	_ = p.enc.Encode(&buf, img) // writing to memory cannot fail
	return buf.Bytes(), d.W, d.H
}

// drawable drops the characters the font has no glyph for (such as ✓ or
// right-to-left letters), rather than drawing boxes; the words beside them
// still say the same thing.
func drawable(face font.Face, s string) string {
	if _, ok := face.GlyphAdvance('⚠'); !ok {
		s = strings.ReplaceAll(s, "⚠", "(small base)")
	}
	return strings.Map(func(r rune) rune {
		if _, ok := face.GlyphAdvance(r); !ok {
			return -1
		}
		return r
	}, s)
}

func hex(s string) color.RGBA {
	v, _ := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}
