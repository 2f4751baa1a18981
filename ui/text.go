package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"scrutiny/review"
)

// clean makes user text safe to draw: review.Clean removes terminal control
// sequences and control characters, so a pasted escape code cannot repaint
// the screen; tabs become spaces so columns keep their width.
func clean(s string) string {
	s = review.Clean(s)
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", "    ")
	}
	return s
}

// oneLine cleans s and folds it onto one line for list rows.
func oneLine(s string) string {
	s = clean(s)
	if strings.ContainsRune(s, '\n') {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// width is the number of terminal cells s takes (wide characters count 2).
func width(s string) int { return ansi.StringWidth(s) }

// trunc cuts s to at most w cells, marking the cut with an ellipsis.
func trunc(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad truncates or right-pads s to exactly w cells.
func pad(s string, w int) string {
	s = trunc(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// wrap breaks plain text into lines of at most w cells, at spaces when it
// can and inside very long words when it must.
func wrap(s string, w int) []string {
	if w < 1 {
		w = 1
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if para == "" {
			out = append(out, "")
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(para, w, ""), "\n")...)
	}
	for i, l := range out {
		// Wrap keeps a trailing space at a break; it would cost a cell.
		out[i] = strings.TrimRight(l, " ")
	}
	return out
}

// box gives exactly h lines of exactly w cells, cutting or padding.
func box(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := 0; i < h; i++ {
		if i < len(lines) {
			out[i] = pad(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return out
}

// side joins two columns of lines with a separator column between them.
func side(left []string, lw int, sep string, right []string, rw int, h int) []string {
	l := box(left, lw, h)
	r := box(right, rw, h)
	out := make([]string, h)
	for i := range out {
		out[i] = l[i] + sep + r[i]
	}
	return out
}

// splitLines splits rendered text into lines.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// orDash shows a muted placeholder for empty values.
func orEmpty(s, empty string) string {
	if strings.TrimSpace(s) == "" {
		return empty
	}
	return s
}

// plural is one or many, by n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
