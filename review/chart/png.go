package chart

import (
	"bytes"
	"image"
	"image/color"
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

// The image's colours, by palette index. A chart is white paper, ink, the
// bar tones and the greys of anti-aliased ink on white (text never sits on
// a bar), so a small palette holds every pixel. A paletted PNG is written
// without trying five row filters per row, which was most of the time of an
// RGBA image. More than 16 entries make it 8 bits a pixel, which the encoder
// copies row by row; at 4 bits it packs pixel by pixel, and that cost more
// than deflating twice the bytes.
const (
	paper   = 0
	inkIdx  = 1
	toneIdx = 2
	greyIdx = toneIdx + len(Palette)
	greys   = 15 // shades strictly between paper and ink
)

var palette = sync.OnceValue(func() color.Palette {
	p := make(color.Palette, 0, greyIdx+greys)
	white, ink := color.RGBA{255, 255, 255, 255}, hex(Ink)
	p = append(p, white, ink)
	for _, c := range Palette {
		p = append(p, hex(c))
	}
	mix := func(a, b uint8, t float64) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
	for k := 1; k <= greys; k++ {
		t := float64(k) / float64(greys+1)
		p = append(p, color.RGBA{mix(white.R, ink.R, t), mix(white.G, ink.G, t), mix(white.B, ink.B, t), 255})
	}
	return p
})

// shade maps a glyph coverage (0 to 255) to a palette index.
var shade = sync.OnceValue(func() (s [256]uint8) {
	for a := range s {
		switch k := int(math.Round(float64(a) * float64(greys+1) / 255)); {
		case k == 0:
			s[a] = paper
		case k > greys:
			s[a] = inkIdx
		default:
			s[a] = uint8(greyIdx + k - 1)
		}
	}
	return s
})

// darkness orders paper, the greys and ink from light to dark, so two
// glyphs touching the same pixel keep the darker of the two.
func darkness(i uint8) int {
	switch {
	case i == paper:
		return 0
	case i == inkIdx:
		return greys + 1
	case int(i) >= greyIdx:
		return int(i) - greyIdx + 1
	}
	return -1 // a bar tone: text does not draw over it
}

// Painter draws charts as PNG at a fixed scale. Font faces keep state, so a
// Painter belongs to one document being written; it is not shared. It keeps
// its pixel buffer and the encoder's buffers from one chart to the next;
// nothing it keeps changes what is drawn.
type Painter struct {
	scale         float64
	regular, bold font.Face
	enc           png.Encoder
	pix           []uint8
	pool          encoderPool
	glyphs        map[glyphKey]glyph
}

// A glyph's coverage depends only on the face, the rune and where the dot
// falls inside its pixel, and a chart's labels repeat the same few dozen
// characters at the same few offsets: rasterizing each once per document
// was a fifth of the time.
type glyphKey struct {
	face   font.Face
	r      rune
	dx, dy fixed.Int26_6 // the dot's position inside its pixel
}

type glyph struct {
	off     image.Point // the mask's corner from the dot's pixel
	w, h    int
	cov     []uint8
	advance fixed.Int26_6
}

func (p *Painter) glyph(face font.Face, dot fixed.Point26_6, c rune) glyph {
	k := glyphKey{face, c, dot.X & 63, dot.Y & 63}
	if g, ok := p.glyphs[k]; ok {
		return g
	}
	at := fixed.Point26_6{X: k.dx, Y: k.dy}
	dr, mask, mp, advance, _ := face.Glyph(at, c)
	g := glyph{off: dr.Min, w: dr.Dx(), h: dr.Dy(), advance: advance}
	if !dr.Empty() {
		g.cov = make([]uint8, g.w*g.h)
		a, ok := mask.(*image.Alpha)
		for y := range g.h {
			for x := range g.w {
				if ok {
					g.cov[y*g.w+x] = a.Pix[(mp.Y+y-a.Rect.Min.Y)*a.Stride+mp.X+x-a.Rect.Min.X]
				} else {
					_, _, _, al := mask.At(mp.X+x, mp.Y+y).RGBA()
					g.cov[y*g.w+x] = uint8(al >> 8)
				}
			}
		}
	}
	if p.glyphs == nil {
		p.glyphs = map[glyphKey]glyph{}
	}
	p.glyphs[k] = g
	return g
}

type encoderPool struct{ b *png.EncoderBuffer }

func (p *encoderPool) Get() *png.EncoderBuffer  { b := p.b; p.b = nil; return b }
func (p *encoderPool) Put(b *png.EncoderBuffer) { p.b = b }

// NewPainter returns a Painter drawing scale image pixels per CSS pixel.
func NewPainter(scale float64) *Painter {
	r, b := fonts()
	opt := &opentype.FaceOptions{Size: FontSize * scale, DPI: 72, Hinting: font.HintingFull}
	p := &Painter{scale: scale, enc: png.Encoder{CompressionLevel: png.BestSpeed}}
	p.enc.BufferPool = &p.pool
	p.regular, _ = opentype.NewFace(r, opt)
	p.bold, _ = opentype.NewFace(b, opt)
	return p
}

// PNG draws c and returns the image and its size in CSS pixels.
func (p *Painter) PNG(c *review.Chart) (data []byte, w, h float64) {
	d := Layout(c)
	s := p.scale
	iw, ih := int(math.Ceil(d.W*s)), int(math.Ceil(d.H*s))
	if cap(p.pix) < iw*ih {
		p.pix = make([]uint8, iw*ih)
	}
	img := &image.Paletted{Pix: p.pix[:iw*ih], Stride: iw, Rect: image.Rect(0, 0, iw, ih), Palette: palette()}
	clear(img.Pix)
	box := func(x, y, w, h float64) image.Rectangle {
		return image.Rect(int(math.Round(x*s)), int(math.Round(y*s)), int(math.Round((x+w)*s)), int(math.Round((y+h)*s)))
	}
	for _, r := range d.Rects {
		fill(img, box(r.X, r.Y, r.W, r.H), uint8(toneIdx+r.Tone%len(Palette)))
	}
	for _, l := range d.Lines {
		fill(img, box(l.X1-0.5, l.Y1, math.Max(1, l.X2-l.X1), l.Y2-l.Y1), inkIdx)
	}
	for _, l := range d.Labels {
		face := p.regular
		if l.Bold {
			face = p.bold
		}
		p.text(img, face, fixed.Point26_6{X: fixed.Int26_6(l.X * s * 64), Y: fixed.Int26_6(l.Y * s * 64)}, drawable(face, l.S))
	}
	var buf bytes.Buffer
	buf.Grow(iw * ih / 8)
	_ = p.enc.Encode(&buf, img) // writing to memory cannot fail
	return buf.Bytes(), d.W, d.H
}

func fill(img *image.Paletted, r image.Rectangle, i uint8) {
	r = r.Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := img.Pix[y*img.Stride+r.Min.X : y*img.Stride+r.Max.X]
		for x := range row {
			row[x] = i
		}
	}
}

// text draws s as font.Drawer does (kerning, then each glyph's coverage),
// writing palette indices straight into the image instead of blending
// colours pixel by pixel through image/draw.
func (p *Painter) text(img *image.Paletted, face font.Face, dot fixed.Point26_6, s string) {
	sh := shade()
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, c)
		}
		g := p.glyph(face, dot, c)
		at := image.Point{X: dot.X.Floor(), Y: dot.Y.Floor()}.Add(g.off)
		dot.X += g.advance
		prev = c
		dr := image.Rectangle{Min: at, Max: at.Add(image.Point{X: g.w, Y: g.h})}
		clip := dr.Intersect(img.Rect)
		for y := clip.Min.Y; y < clip.Max.Y; y++ {
			cov := g.cov[(y-dr.Min.Y)*g.w:]
			row := img.Pix[y*img.Stride:]
			for x := clip.Min.X; x < clip.Max.X; x++ {
				i := sh[cov[x-dr.Min.X]]
				if d := darkness(row[x]); d >= 0 && darkness(i) > d {
					row[x] = i
				}
			}
		}
	}
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
