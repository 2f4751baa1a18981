package chart_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"scrutiny/review"
	"scrutiny/review/chart"
	"scrutiny/review/example"
)

func exampleCharts(t *testing.T) []*review.Chart {
	t.Helper()
	var out []*review.Chart
	for _, b := range review.NewReport(example.Review()).Blocks {
		if b.Kind == review.BlockChart {
			out = append(out, b.Chart)
		}
	}
	if len(out) == 0 {
		t.Fatal("the example report has no charts")
	}
	return out
}

// One Painter keeps its buffers and glyphs from chart to chart; none of that
// may change a single byte of what it draws.
func TestPNGSameBytesWhateverCameBefore(t *testing.T) {
	charts := exampleCharts(t)
	shared := chart.NewPainter(1)
	for i := len(charts) - 1; i >= 0; i-- { // the other order from the fresh painters
		got, _, _ := shared.PNG(charts[i])
		want, _, _ := chart.NewPainter(1).PNG(charts[i])
		if !bytes.Equal(got, want) {
			t.Errorf("%s: a painter that drew other charts first wrote different bytes", charts[i].ID)
		}
	}
}

func TestPNGColours(t *testing.T) {
	allowed := map[[3]uint8]bool{{255, 255, 255}: true}
	for _, c := range append(chart.Palette[:], chart.Ink) {
		allowed[rgb(c)] = true
	}
	for _, c := range exampleCharts(t)[:4] {
		data, w, h := chart.NewPainter(1.5).PNG(c)
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		p, ok := img.(*image.Paletted)
		if !ok {
			t.Fatalf("%s: decoded as %T, want a paletted image", c.ID, img)
		}
		if b := p.Bounds(); b.Dx() < int(w*1.5) || b.Dy() < int(h*1.5) {
			t.Errorf("%s: image %v for %gx%g CSS pixels at 1.5", c.ID, b, w, h)
		}
		// Every bar is drawn in its palette colour, whole.
		d := chart.Layout(c)
		for _, r := range d.Rects {
			at := p.At(int((r.X+r.W/2)*1.5), int((r.Y+r.H/2)*1.5))
			cr, cg, cb, _ := at.RGBA()
			if got, want := [3]uint8{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8)}, rgb(chart.Palette[r.Tone%len(chart.Palette)]); got != want {
				t.Errorf("%s: bar drawn %v, want %v", c.ID, got, want)
			}
		}
		// The palette is paper, ink, the bar tones and greys between paper
		// and ink (the edges of letters); nothing else.
		for _, pc := range p.Palette {
			cr, cg, cb, _ := pc.RGBA()
			v := [3]uint8{uint8(cr >> 8), uint8(cg >> 8), uint8(cb >> 8)}
			grey := v[0] == v[1] && v[1] == v[2] && v[0] >= 0x1A
			if !allowed[v] && !grey {
				t.Errorf("%s: unexpected colour %v in the palette", c.ID, v)
			}
		}
	}
}

func rgb(s string) [3]uint8 {
	var v [3]uint8
	for i := range v {
		v[i] = uint8(unhex(s[1+2*i])<<4 | unhex(s[2+2*i]))
	}
	return v
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
