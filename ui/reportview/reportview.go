// Package reportview draws the report (review.Report) for a terminal: the
// fourth writer of the one model, beside the markdown, the web page and the
// Word document. The Report tab scrolls what it draws.
//
// Like the other writers it only lays the blocks out, here in lines of at
// most a given number of cells: headings told apart by weight, rules and
// underline as well as colour; paragraphs and list items wrapped under
// themselves; tables fitted to the width from their relative column widths,
// or stacked row by row when the columns would be too narrow to read; charts
// as text bars with each value in words, scaled as the markdown scales them
// (review.ChartRows). Every piece of text is cleaned (text.Clean) before it
// is measured, and a word longer than its line is cut, so no line is ever
// wider than the width.
package reportview

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// MinWidth is the narrowest width Draw lays out for; a narrower one is
// drawn at this width.
const MinWidth = 20

// Draw lays rep out in lines of at most width cells, styled with st's
// semantic styles, joined by newlines.
func Draw(rep *review.Report, st style.Styles, width int) string {
	lines := Layout(rep, max(width, MinWidth))
	sh := newSheet(st)
	var b strings.Builder
	b.Grow(len(lines) * (width + 32))
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		sh.write(&b, l)
	}
	return b.String()
}

// Layout gives the report's lines before they are styled, for Draw and the
// tests.
func Layout(rep *review.Report, width int) []Line {
	d := &drawer{width: max(width, MinWidth)}
	var out []Line
	for i := range rep.Blocks {
		ls := d.block(&rep.Blocks[i])
		if len(ls) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, nil)
		}
		out = append(out, ls...)
	}
	return out
}

// Line is one line of the drawing: runs of text, each in one style.
type Line []Seg

// Seg is a run of text in one style.
type Seg struct {
	S  string
	St Sty
	W  int // cells
}

// String is the line's text without styles.
func (l Line) String() string {
	var b strings.Builder
	for _, s := range l {
		b.WriteString(s.S)
	}
	return b.String()
}

// Width is the line's width in cells.
func (l Line) Width() int {
	n := 0
	for _, s := range l {
		n += s.W
	}
	return n
}

// Sty is a role and its emphasis: role<<2 | italic | bold<<1.
type Sty uint8

// The roles a run of text can play; each is drawn with one of the theme's
// semantic styles.
const (
	roleText    Sty = iota << 2 // body text (st.Text)
	roleNote                    // side notes (st.Muted)
	roleTitle                   // the title, level 1 (st.Title)
	roleSection                 // sections, level 2 (st.Title)
	roleSub                     // level 3, underlined (st.Heading)
	roleMinor                   // level 4 and below, italic (st.Heading)
	roleMarker                  // list markers (st.Title)
	roleBar                     // the filled part of a bar (st.Bar)
	roleRule                    // rules and table lines (st.Border)
	nRoles      = iota
)

const (
	italic Sty = 1
	bold   Sty = 2
)

func seg(s string, st Sty) Seg { return Seg{S: s, St: st, W: text.Width(s)} }

func spaces(n int) Seg { return Seg{S: strings.Repeat(" ", max(n, 0)), St: roleText, W: max(n, 0)} }

// sheet holds how every role and emphasis is drawn: the escape sequences
// its lipgloss style puts before and after a run of text. They are worked
// out once per drawing; rendering each run through the style cost three
// quarters of the time of a drawing.
type sheet [nRoles << 2]struct{ pre, post string }

func newSheet(st style.Styles) *sheet {
	var sh sheet
	base := [nRoles]lipgloss.Style{
		roleText >> 2:    st.Text,
		roleNote >> 2:    st.Muted,
		roleTitle >> 2:   st.Title,
		roleSection >> 2: st.Title,
		roleSub >> 2:     st.Heading.Underline(true),
		roleMinor >> 2:   st.Heading.Italic(true),
		roleMarker >> 2:  st.Title,
		roleBar >> 2:     st.Bar,
		roleRule >> 2:    st.Border,
	}
	for r, s := range base {
		for e, v := range [4]lipgloss.Style{s, s.Italic(true), s.Bold(true), s.Italic(true).Bold(true)} {
			// "x" stands for the text: no escape sequence contains it.
			out := v.Render("x")
			i := strings.IndexByte(out, 'x')
			sh[r<<2|e].pre, sh[r<<2|e].post = out[:i], out[i+1:]
		}
	}
	return &sh
}

// write draws one line, joining neighbouring runs of the same style and
// leaving trailing spaces out.
func (sh *sheet) write(b *strings.Builder, l Line) {
	for len(l) > 0 && strings.TrimRight(l[len(l)-1].S, " ") == "" {
		l = l[:len(l)-1]
	}
	for i := 0; i < len(l); {
		j := i + 1
		for j < len(l) && l[j].St == l[i].St {
			j++
		}
		st := sh[l[i].St]
		b.WriteString(st.pre)
		for k, x := range l[i:j] {
			if i+k == len(l)-1 {
				x.S = strings.TrimRight(x.S, " ")
			}
			b.WriteString(x.S)
		}
		b.WriteString(st.post)
		i = j
	}
}

type drawer struct {
	width int
}

func (d *drawer) block(bl *review.Block) []Line {
	switch bl.Kind {
	case review.BlockHeading:
		return d.heading(bl)
	case review.BlockPara:
		role := roleText
		if bl.Note {
			role = roleNote
		}
		var out []Line
		for _, l := range bl.Lines {
			out = append(out, wrap(words(l, role), nil, nil, d.width)...)
		}
		return out
	case review.BlockFacts:
		return d.facts(bl.Facts)
	case review.BlockList:
		return d.list(bl.Items, bl.Numbered, 0)
	case review.BlockTable:
		return d.table(bl.Table)
	case review.BlockChart:
		return d.chart(bl.Chart)
	case review.BlockPageBreak:
		return []Line{{seg(strings.Repeat("┄", d.width), roleRule)}}
	}
	return nil
}

// heading: the title bold with a heavy rule under it, sections bold with a
// light rule, then underlined and italic headings, so the level shows in
// monochrome too. The text is the model's, numbers included.
func (d *drawer) heading(bl *review.Block) []Line {
	role, rule := roleMinor, ""
	switch {
	case bl.Level <= 1:
		role, rule = roleTitle, "━"
	case bl.Level == 2:
		role, rule = roleSection, "─"
	case bl.Level == 3:
		role = roleSub
	}
	ws := words(bl.Text, role|bold)
	if len(ws) == 0 {
		return nil
	}
	out := wrap(ws, nil, nil, d.width)
	if rule != "" {
		w := 0
		for _, l := range out {
			w = max(w, l.Width())
		}
		ruleRole := roleRule
		if bl.Level <= 1 {
			ruleRole = roleTitle
		}
		out = append(out, Line{seg(strings.Repeat(rule, w), ruleRole)})
	}
	return out
}

// facts: "Label: value" lines. The values line up in a column when the
// labels are short for the width, otherwise each pair wraps under itself.
func (d *drawer) facts(fs []review.Fact) []Line {
	lw := 0
	for _, f := range fs {
		lw = max(lw, text.Width(text.OneLine(f.Label))+1)
	}
	column := (lw+1)*5 <= d.width*2
	var out []Line
	for _, f := range fs {
		label := text.OneLine(f.Label) + ":"
		if column {
			first := []Seg{seg(label, roleText|bold), spaces(lw + 1 - text.Width(label))}
			out = append(out, wrap(words(f.Value, roleText), first, []Seg{spaces(lw + 1)}, d.width)...)
			continue
		}
		ws := append(words(review.Text{{S: label, Strong: true}}, roleText), words(f.Value, roleText)...)
		out = append(out, wrap(ws, nil, []Seg{spaces(2)}, d.width)...)
	}
	return out
}

// list: bullets, or the model's own markers ("1", "2a") right-aligned so
// the text lines up; each item wraps under its own text, its sub-points
// and the lines after it indented to that text. A list whose items have
// sub-points or lines after them has a blank line between items.
func (d *drawer) list(items []review.Item, numbered bool, indent int) []Line {
	marks := make([]string, len(items))
	mw := 0
	for i, it := range items {
		m := "•"
		if numbered && it.Marker != "" {
			m = text.OneLine(it.Marker) + "."
		}
		marks[i] = m
		mw = max(mw, text.Width(m))
	}
	loose := false
	for _, it := range items {
		loose = loose || len(it.Sub)+len(it.After) > 0
	}
	at := indent + mw + 1
	var out []Line
	for i, it := range items {
		if loose && i > 0 {
			out = append(out, nil)
		}
		first := []Seg{spaces(indent + mw - text.Width(marks[i])), seg(marks[i], roleMarker), spaces(1)}
		out = append(out, wrap(words(it.Text, roleText), first, []Seg{spaces(at)}, d.width)...)
		if len(it.Sub) > 0 {
			// Sub-points carry letters ("a", "b"), drawn as the markdown
			// draws them; one without a marker gets a bullet.
			out = append(out, d.list(it.Sub, true, at)...)
		}
		for _, a := range it.After {
			out = append(out, nil)
			out = append(out, wrap(words(a, roleText), []Seg{spaces(at)}, []Seg{spaces(at)}, d.width)...)
		}
	}
	return out
}

// words splits text into words of styled runs: every kind of space (line
// breaks included) separates words, except the no-break space, which
// stays inside its word. Each span is cleaned first.
func words(t review.Text, role Sty) []word {
	var out []word
	var cur word
	flush := func() {
		if len(cur.segs) > 0 {
			out = append(out, cur)
			cur = word{}
		}
	}
	for _, sp := range t {
		st := role
		if sp.Em {
			st |= italic
		}
		if sp.Strong {
			st |= bold
		}
		s := text.Clean(sp.S)
		start := -1
		add := func(end int) {
			if start < 0 {
				return
			}
			sg := seg(s[start:end], st)
			cur.segs = append(cur.segs, sg)
			cur.w += sg.W
			start = -1
		}
		for i, r := range s {
			if unicode.IsSpace(r) && r != '\u00a0' {
				add(i)
				flush()
				continue
			}
			if start < 0 {
				start = i
			}
		}
		add(len(s))
	}
	flush()
	return out
}

type word struct {
	segs []Seg
	w    int
}

// wrap lays words out in lines no wider than width: the first line starts
// with first, the others with rest (a hanging indent). A word wider than a
// whole line is cut between grapheme clusters.
func wrap(ws []word, first, rest []Seg, width int) []Line {
	var out []Line
	start := func(prefix []Seg) (Line, int) {
		l := make(Line, len(prefix), len(prefix)+8)
		copy(l, prefix)
		return l, max(2, width-Line(prefix).Width())
	}
	cur, room := start(first)
	used := 0 // cells of words on cur
	newline := func() {
		out = append(out, cur)
		cur, room = start(rest)
		used = 0
	}
	for _, w := range ws {
		gap := 0
		if used > 0 {
			gap = 1
		}
		if used+gap+w.w > room && used > 0 {
			if _, restRoom := start(rest); w.w <= restRoom {
				newline()
				gap = 0
			}
		}
		if used+gap+w.w <= room {
			if gap > 0 {
				cur = append(cur, space(cur[len(cur)-1].St, w.segs[0].St))
			}
			cur = append(cur, w.segs...)
			used += gap + w.w
			continue
		}
		// Too long for any line: fill what is left of this one (or a
		// fresh one when little is left), then cut line by line.
		if used > 0 && room-used-gap < 4 {
			newline()
			gap = 0
		}
		if gap > 0 {
			cur = append(cur, space(cur[len(cur)-1].St, w.segs[0].St))
			used++
		}
		segs := w.segs
		for len(segs) > 0 {
			sg := segs[0]
			if used+sg.W <= room {
				cur = append(cur, sg)
				used += sg.W
				segs = segs[1:]
				continue
			}
			head, tail := text.Cut(sg.S, room-used)
			if head == "" || (used > 0 && text.Width(head) > room-used) {
				newline()
				continue
			}
			cur = append(cur, seg(head, sg.St))
			used += text.Width(head)
			segs[0] = seg(tail, sg.St)
			if tail == "" {
				segs = segs[1:]
			}
			newline()
		}
	}
	if used > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// space is the space between two words: in their style when they share
// one (so an underline runs on), plain otherwise.
func space(prev, next Sty) Seg {
	if prev == next {
		return Seg{S: " ", St: prev, W: 1}
	}
	return Seg{S: " ", St: roleText, W: 1}
}
