package present

import (
	"image/color"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"scrutiny/review"
	"scrutiny/ui/style"
)

// The presentation view shows one thing at a time, large and uncluttered,
// for a room reading a wall several metres away. It is drawn by the
// editor's presentation mode and by the separate "scrutiny present"
// window, from the same Slide, so both always agree.

// presentMinW and presentMinH are the smallest window the view fills: a
// facilitator enlarges the font until the terminal is about 40x12.
const (
	presentMinW = 40
	presentMinH = 12
)

// StylePainter styles each part of a slide from the theme. Nothing relies
// on colour alone: the level words and symbols, the bars' lengths and the
// counts carry the meaning, and the monochrome theme uses bold only.
// Counts and verdicts are bold in the text colour itself, never muted: a
// projector in a lit room washes out anything paler.
func StylePainter(s style.Styles) Painter {
	p := s.Palette
	fg := func(c color.Color, bold bool) lipgloss.Style {
		st := s.Base.Bold(bold)
		if c != nil && !s.Mono {
			st = st.Foreground(c)
		}
		return st
	}
	roles := map[Role]lipgloss.Style{
		RoleContext: fg(p.Muted, false),
		RoleHint:    fg(p.Muted, false),
		RoleNote:    fg(p.Muted, false),
		RoleTitle:   fg(p.Accent, true),
		RoleBig:     fg(p.Text, true),
		RoleBar:     fg(p.Accent, false),
		RoleHeader:  fg(p.Text, true),
		RoleCount:   fg(p.Text, true),
		RoleGood:    fg(p.Good, true),
		RoleIssue:   fg(p.Issue, true),
		RoleWarning: fg(p.Warning, true),
	}
	if s.Mono {
		roles[RoleBar] = s.Base
		roles[RoleTitle] = s.Base.Bold(true)
	}
	if p.Back != nil && !s.Mono {
		for r, st := range roles {
			roles[r] = st.Background(p.Back)
		}
	}
	plain := s.Text
	if p.Back != nil && !s.Mono {
		plain = plain.Background(p.Back)
	}
	return func(role Role, text string) string {
		if st, ok := roles[role]; ok {
			return st.Render(text)
		}
		return plain.Render(text)
	}
}

// Frame draws the first page of a slide; see FramePage.
func Frame(s style.Styles, sl Slide, w, h int, hint string) string {
	out, _ := FramePage(s, sl, w, h, 0, hint)
	return out
}

// FramePage draws one page of a slide filling w×h, the hint (or the page
// and its keys) on the last line. Every line is exactly w cells wide. A
// theme with its own page colour paints every cell with it, the blank ones
// too, so a terminal that ignores the request to change its background
// still shows dark text on the light page and not on black.
func FramePage(s style.Styles, sl Slide, w, h, page int, hint string) (string, int) {
	if w < 1 || h < 1 {
		return "", 1
	}
	// One cell of margin on each side when there is room to spare.
	margin := 0
	if w >= 60 {
		margin = 2
	} else if w > presentMinW {
		margin = 1
	}
	inner := w - 2*margin
	lines, pages := RenderPage(sl, inner, max(h, 3), page, hint, StylePainter(s))
	if len(lines) > h {
		lines = lines[:h]
	}
	pageOn, pageOff := "", ""
	if p := s.Palette; p.Back != nil && !s.Mono {
		st := lipgloss.NewStyle().Background(p.Back)
		if p.Text != nil {
			st = st.Foreground(p.Text)
		}
		pageOn, _, _ = strings.Cut(st.Render("\x00"), "\x00")
		pageOff = "\x1b[m"
	}
	left := strings.Repeat(" ", margin)
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > inner || w < 10 {
			// Below 10 cells the renderer cannot go; cut rather than spill.
			l = ansi.Truncate(l, max(w-margin, 0), "")
		}
		l = left + l + strings.Repeat(" ", max(w-margin-lipgloss.Width(l), 0))
		if w < 10 {
			l = ansi.Truncate(l, w, "")
		}
		if pageOn != "" {
			// Every reset inside the line turns the page colour back on.
			l = strings.ReplaceAll(l, "\x1b[m", "\x1b[m"+pageOn)
			l = strings.ReplaceAll(l, "\x1b[0m", "\x1b[0m"+pageOn)
			l = pageOn + l + pageOff
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n"), pages
}

// SlideCache keeps the last slide built: a survey slide computes the
// statistics of every answer, which must not run again on every frame.
// A slide with a running timer is always built afresh.
type SlideCache struct {
	key   slideKey
	slide Slide
	ok    bool
}

// slideKey is everything a slide without a timer depends on: the review
// (a reload replaces the pointer, a save bumps the version) and the
// editor's position.
type slideKey struct {
	rev     *review.Review
	version int64
	pos     Position
}

func (c *SlideCache) Get(snap Snapshot, version int64, now time.Time) Slide {
	k := slideKey{snap.Review, version, snap.Pos}
	if !c.ok || c.slide.Ticking || k != c.key {
		c.slide, c.key, c.ok = BuildSlide(snap, now), k, true
	}
	return c.slide
}
