package reportview

import (
	"strings"

	"scrutiny/review"
)

// colGap is what stands between two columns: a space, a rule, a space.
const colGap = 3

// minCol is the narrowest a column may be squeezed to (less when its widest
// cell is narrower); a table that cannot give every column that much is
// stacked instead.
const minCol = 10

// table draws a table with a bold header row over a heavy rule, its columns
// ruled apart and fitted to the width by the model's relative widths; rows
// that wrap get a light rule between them. When the columns cannot all be
// given a readable width, each row is stacked: its first cell in bold, the
// others under it as "Heading: value".
func (d *drawer) table(t *review.Table) []Line {
	n := len(t.Head)
	if n == 0 {
		return nil
	}
	head := make([][]word, n)
	for i, h := range t.Head {
		head[i] = words(review.Text{{S: h, Strong: true}}, roleText)
	}
	rows := make([][][]word, len(t.Rows))
	for r, row := range t.Rows {
		rows[r] = make([][]word, n)
		for i := range n {
			if i < len(row) {
				rows[r][i] = words(row[i], roleText)
			}
		}
	}
	colW := fitColumns(t, head, rows, d.width-colGap*(n-1))
	if colW == nil {
		return d.stacked(t, head, rows)
	}
	right := func(i int) bool { return i < len(t.Align) && t.Align[i] == review.AlignRight }
	line := func(cells [][]word) []Line {
		wrapped := make([][]Line, n)
		h := 1
		for i, c := range cells {
			wrapped[i] = wrap(c, nil, nil, colW[i])
			h = max(h, len(wrapped[i]))
		}
		out := make([]Line, h)
		for k := range h {
			var l Line
			for i := range n {
				if i > 0 {
					l = append(l, spaces(1), seg("│", roleRule), spaces(1))
				}
				var cell Line
				if k < len(wrapped[i]) {
					cell = wrapped[i][k]
				}
				pad := spaces(colW[i] - cell.Width())
				if right(i) {
					l = append(l, pad)
					l = append(l, cell...)
				} else {
					l = append(l, cell...)
					l = append(l, pad)
				}
			}
			out[k] = l
		}
		return out
	}
	rule := func(fill, cross string) Line {
		l := Line{}
		for i, w := range colW {
			if i > 0 {
				l = append(l, seg(fill+cross+fill, roleRule))
			}
			l = append(l, seg(strings.Repeat(fill, w), roleRule))
		}
		return l
	}
	body := make([][]Line, len(rows))
	tall := false
	for r, row := range rows {
		body[r] = line(row)
		tall = tall || len(body[r]) > 1
	}
	out := append(line(head), rule("━", "┿"))
	for r, ls := range body {
		if tall && r > 0 {
			out = append(out, rule("─", "┼"))
		}
		out = append(out, ls...)
	}
	return out
}

// stacked draws each row as a block: the first cell in bold (or the first
// heading, when the cell is blank), then each other cell that says
// something as "Heading: value", a blank line between rows.
func (d *drawer) stacked(t *review.Table, head [][]word, rows [][][]word) []Line {
	var out []Line
	for r, row := range rows {
		if r > 0 {
			out = append(out, nil)
		}
		title := row[0]
		if len(title) == 0 {
			title = head[0]
		}
		out = append(out, wrap(bolden(title), nil, nil, d.width)...)
		for i := 1; i < len(row); i++ {
			if len(row[i]) == 0 {
				continue
			}
			ws := append(append([]word(nil), head[i]...), row[i]...)
			if k := len(head[i]) - 1; k >= 0 {
				ws[k] = withColon(ws[k])
			}
			out = append(out, wrap(ws, []Seg{spaces(2)}, []Seg{spaces(4)}, d.width)...)
		}
	}
	return out
}

func bolden(ws []word) []word {
	out := make([]word, len(ws))
	for i, w := range ws {
		segs := make([]Seg, len(w.segs))
		for k, s := range w.segs {
			s.St |= bold
			segs[k] = s
		}
		out[i] = word{segs: segs, w: w.w}
	}
	return out
}

func withColon(w word) word {
	segs := append(append([]Seg(nil), w.segs...), seg(":", w.segs[len(w.segs)-1].St))
	return word{segs: segs, w: w.w + 1}
}

// fitColumns gives each column its width: its widest cell when the whole
// table fits, otherwise the room shared by the model's relative widths, a
// column that needs less than its share giving the rest to the others.
// Then columns whose longest word would be cut take cells from columns with
// room to spare. Nil means the room is too small for a readable table.
func fitColumns(t *review.Table, head []([]word), rows [][][]word, room int) []int {
	n := len(head)
	natural := make([]int, n) // the widest cell on one line
	longest := make([]int, n) // the widest word of up to 2*minCol cells (a longer one is cut anyway)
	measure := func(i int, ws []word) {
		w := 0
		for k, x := range ws {
			if k > 0 {
				w++
			}
			w += x.w
			if x.w <= 2*minCol {
				longest[i] = max(longest[i], x.w)
			}
		}
		natural[i] = max(natural[i], w, 1)
	}
	headW := make([]int, n)
	for i := range n {
		measure(i, head[i])
		headW[i] = natural[i]
		for _, r := range rows {
			measure(i, r[i])
		}
	}
	need, floor := 0, 0
	for i := range n {
		need += natural[i]
		floor += min(natural[i], minCol)
	}
	if need <= room {
		return natural
	}
	if floor > room {
		return nil
	}
	weight := make([]int, n)
	for i := range n {
		weight[i] = 1
		if i < len(t.Widths) && t.Widths[i] > 0 {
			weight[i] = t.Widths[i]
		}
	}
	// Share the room by weight; a column whose widest cell is narrower
	// than its share keeps only that, and the rest is shared again.
	w := make([]int, n)
	fixed := make([]bool, n)
	for {
		left, wsum := room, 0
		for i := range n {
			if fixed[i] {
				left -= w[i]
			} else {
				wsum += weight[i]
			}
		}
		if wsum == 0 {
			break
		}
		changed := false
		for i := range n {
			if !fixed[i] && natural[i]*wsum <= left*weight[i] {
				w[i], fixed[i], changed = natural[i], true, true
			}
		}
		if changed {
			continue
		}
		given := 0
		for i := range n {
			if !fixed[i] {
				w[i] = left * weight[i] / wsum
				given += w[i]
			}
		}
		for i := 0; given < left; i = (i + 1) % n {
			if !fixed[i] {
				w[i]++
				given++
			}
		}
		break
	}
	// No column below its floor; then, where cells can be moved from a
	// column with more than it needs so far, no word cut; then no short
	// heading (such as "% top score" over a column of numbers) wrapped,
	// but not at the cost of squeezing a column of text below 2*minCol.
	goals := []struct{ want, spare func(int) int }{
		{func(i int) int { return min(natural[i], minCol) }, func(int) int { return 0 }},
		{func(i int) int { return min(natural[i], longest[i]) }, func(int) int { return 0 }},
		{func(i int) int {
			if headW[i] <= 2*minCol {
				return min(natural[i], headW[i])
			}
			return 0
		}, func(k int) int { return min(natural[k], 2*minCol) }},
	}
	keep := make([]int, n) // what each column keeps of the goals met so far
	for _, g := range goals {
		floor := func(k int) int { return max(keep[k], g.want(k), g.spare(k)) }
		for i := range n {
			for w[i] < g.want(i) {
				j := -1
				for k := range n {
					if k != i && w[k] > floor(k) && (j < 0 || w[k]-floor(k) > w[j]-floor(j)) {
						j = k
					}
				}
				if j < 0 {
					break
				}
				w[j]--
				w[i]++
			}
		}
		for i := range n {
			keep[i] = max(keep[i], min(w[i], g.want(i)))
		}
	}
	for i := range n {
		if w[i] < min(natural[i], minCol) {
			return nil
		}
	}
	return w
}
