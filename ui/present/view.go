package present

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"

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
func StylePainter(s style.Styles) Painter {
	big := s.Heading
	bar := s.Title
	if s.Mono {
		big = lipgloss.NewStyle().Bold(true)
		bar = lipgloss.NewStyle()
	}
	return func(role Role, text string) string {
		switch role {
		case RoleContext, RoleNote, RoleHint:
			return s.Muted.Render(text)
		case RoleTitle:
			return s.Title.Render(text)
		case RoleBig:
			return big.Render(text)
		case RoleBar:
			return bar.Render(text)
		case RoleHeader:
			return s.Heading.Render(text)
		}
		return s.Text.Render(text)
	}
}

// Frame draws a slide filling w×h with one line of hints at the
// bottom. Below 40x12 it still draws, cutting from the bottom, because the
// wall is more use slightly clipped than blank.
func Frame(s style.Styles, sl Slide, w, h int, hint string) string {
	if w < 1 || h < 1 {
		return ""
	}
	// One cell of margin on each side when there is room to spare.
	margin := 0
	if w >= 60 {
		margin = 2
	} else if w > presentMinW {
		margin = 1
	}
	lines := Render(sl, w-2*margin, max(h, 3), hint, StylePainter(s))
	if len(lines) > h {
		lines = lines[:h]
	}
	left := strings.Repeat(" ", margin)
	for i, l := range lines {
		lines[i] = left + l + strings.Repeat(" ", max(w-margin-lipgloss.Width(l), 0))
	}
	return strings.Join(lines, "\n")
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
