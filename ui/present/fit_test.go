package present

import (
	"fmt"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
)

// longReview has slides too long for a small window: many standards with
// long targets and a recommendation with many long sub-points.
func longReview() *review.Review {
	r := example.WallReview()
	r.Findings = []review.Finding{{ID: "f1", Kind: review.GoodPractice, Text: strings.Repeat("Friendly and knowledgeable call handlers who explain the next steps clearly. ", 6)}}
	rec := &r.Recommendations[0]
	for i := range 9 {
		rec.SubPoints = append(rec.SubPoints, review.SubPoint{Text: fmt.Sprintf("Sub-point number %d asks the landlord to write to every caller who waited longer than ten minutes", i+3)})
	}
	for i := range 8 {
		r.Standards = append(r.Standards, review.Standard{Promise: fmt.Sprintf("Promise %d: repairs appointments kept on the day agreed with the tenant", i+4),
			Target: "within 4 working hours", Actual: "13 hours", Verdict: review.MetNo})
	}
	return r
}

var everySlide = append(append([]struct {
	name string
	pos  Position
}{}, roomSlides...),
	struct {
		name string
		pos  Position
	}{"overview", Position{}},
	struct {
		name string
		pos  Position
	}{"meeting", Position{Tab: "meetings", ItemKind: ItemMeeting, ItemID: "m1"}},
	struct {
		name string
		pos  Position
	}{"finding", Position{Tab: "findings", ItemKind: ItemFinding, ItemID: "f1"}},
)

// cellUse is the share of the window's cells covered by the slide's
// blocks (runs of lines with no blank line between them), each counted as
// the rectangle from its leftmost to its rightmost inked cell; and the
// widest line in cells. A word, a paragraph or a block-letter number
// covers its rectangle on the wall; the empty window around it does not.
func cellUse(lines []string, w, h int) (use float64, widest int) {
	n := 0
	left, right, rows := w, 0, 0
	end := func() {
		if rows > 0 && right > left {
			n += rows * (right - left)
		}
		left, right, rows = w, 0, 0
	}
	for _, l := range lines {
		widest = max(widest, len([]rune(l)))
		t := strings.TrimRight(l, " ")
		if t == "" {
			end()
			continue
		}
		rows++
		left = min(left, len([]rune(t))-len([]rune(strings.TrimLeft(t, " "))))
		right = max(right, len([]rune(t)))
	}
	end()
	return float64(n) / float64(w*h), widest
}

// words that a slide must show somewhere on one of its pages.
func mustShow(sl Slide) []string {
	var out []string
	for _, l := range sl.Lines {
		switch l.Kind {
		case Text:
			if l.Clip {
				// A reference cut to the window: its number must show.
				out = append(out, strings.Fields(l.Text)[0])
				continue
			}
			out = append(out, strings.Fields(l.Text)...)
		case Row:
			if l.Header {
				// A stacked table labels its values instead.
				continue
			}
			for _, c := range l.Cells {
				out = append(out, strings.Fields(c)...)
			}
		case BarLine:
			out = append(out, strings.Fields(l.Bar.Note)...)
		}
	}
	return out
}

// Every slide at every size from 40x12 to 250x70: exactly the window's
// lines, none wider than the window, and every word of it on some page.
func TestEverySlideFitsEverySize(t *testing.T) {
	wall := example.WallReview()
	wall.Findings = []review.Finding{{ID: "f1", Kind: review.Issue, Text: "Callers were not told how long they would wait"}}
	reviews := map[string]*review.Review{"wall": wall, "long": longReview()}
	for rname, r := range reviews {
		for _, es := range everySlide {
			sl := BuildSlide(Snapshot{Pos: es.pos, Review: r}, presentNow)
			want := mustShow(sl)
			// Not in parallel: the timing tests of other packages, run at the
			// same time by go test ./..., keep a core.
			t.Run(rname+"/"+es.name, func(t *testing.T) {
				least, most := 1.0, 0.0
				var leastAt, mostAt string
				defer func() {
					t.Logf("cell use of the first page from 40x12 to 250x70: least %.0f%% at %s, most %.0f%% at %s", 100*least, leastAt, 100*most, mostAt)
				}()
				for w := 40; w <= 250; w++ {
					for h := 12; h <= 70; h++ {
						if testing.Short() && (w%7 != 0 || h%5 != 0) {
							continue
						}
						var all strings.Builder
						lines, pages := RenderPage(sl, w, h, 0, presentHint, PlainPainter)
						if use, _ := cellUse(lines, w, h); use < least {
							least, leastAt = use, fmt.Sprintf("%dx%d", w, h)
						} else if use > most {
							most, mostAt = use, fmt.Sprintf("%dx%d", w, h)
						}
						for p := range pages {
							if p > 0 {
								lines, _ = RenderPage(sl, w, h, p, presentHint, PlainPainter)
							}
							if len(lines) != h {
								t.Fatalf("%s/%s %dx%d page %d: %d lines", rname, es.name, w, h, p, len(lines))
							}
							for _, l := range lines {
								if n := len([]rune(l)); n > w {
									t.Fatalf("%s/%s %dx%d page %d: a line of %d cells: %q", rname, es.name, w, h, p, n, l)
								}
							}
							if pages > 1 && !strings.Contains(lines[h-1], fmt.Sprintf("%d of %d", p+1, pages)) {
								t.Fatalf("%s/%s %dx%d: page %d does not say so: %q", rname, es.name, w, h, p, lines[h-1])
							}
							all.WriteString(strings.Join(lines, "\n") + "\n")
						}
						got := all.String()
						for _, word := range want {
							if !strings.Contains(got, word) {
								t.Fatalf("%s/%s %dx%d: %q is on no page:\n%s", rname, es.name, w, h, word, got)
							}
						}
					}
				}
			})
		}
	}
}

// The slides the room reads fill the window; the figures for every slide
// at a few sizes are logged. Every slide the room reads uses at least 40%
// of the cells at 80x24 and at 120x40.
func TestSlidesFillTheWindow(t *testing.T) {
	r := example.WallReview()
	floor := map[string][2]float64{ // at 80x24, at 120x40
		"criterion": {0.40, 0.40}, "survey": {0.40, 0.40}, "agenda": {0.40, 0.40},
		"standards": {0.40, 0.40}, "judgement": {0.40, 0.40}, "recommendation": {0.40, 0.40},
	}
	for _, size := range [][2]int{{40, 12}, {60, 20}, {80, 24}, {120, 40}, {250, 70}} {
		var row []string
		for _, es := range everySlide {
			w, h := size[0], size[1]
			lines := Render(BuildSlide(Snapshot{Pos: es.pos, Review: r}, presentNow), w, h, presentHint, PlainPainter)
			use, widest := cellUse(lines, w, h)
			row = append(row, fmt.Sprintf("%s %.0f%% (widest %d)", es.name, 100*use, widest))
			if widest > w {
				t.Errorf("%s at %dx%d: widest line %d", es.name, w, h, widest)
			}
			if f, ok := floor[es.name]; ok && (w == 80 || w == 120) {
				want := f[0]
				if w == 120 {
					want = f[1]
				}
				if use < want {
					t.Errorf("%s at %dx%d uses %.0f%% of the cells, want at least %.0f%%", es.name, w, h, 100*use, 100*want)
				}
			}
		}
		t.Logf("%dx%d: %s", size[0], size[1], strings.Join(row, ", "))
	}
}
