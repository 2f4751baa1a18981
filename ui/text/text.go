// Package text holds the one copy of each helper that measures, cuts, pads
// and wraps text for a terminal, so every screen of the workspace, the wall
// and the command line agree on what "80 cells" means.
package text

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"scrutiny/review"
)

// Clean makes user text safe to draw: review.Clean removes terminal control
// sequences and control characters, so a pasted escape code cannot repaint
// the screen; tabs become spaces so columns keep their width.
func Clean(s string) string {
	s = review.Clean(s)
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", "    ")
	}
	return s
}

// OneLine cleans s and folds it onto one line for list rows.
func OneLine(s string) string {
	s = Clean(s)
	if strings.ContainsRune(s, '\n') {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// Width is the number of terminal cells s takes (wide characters count 2).
// Printable ASCII, most of what is measured, is one cell a byte; anything
// else (escape sequences included) is measured by grapheme clusters.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// Truncate cuts s to at most w cells, marking the cut with an ellipsis.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// TruncateWords cuts plain text s to at most w cells between words, marking
// the cut with an ellipsis, so a sentence never ends in a piece of a word
// ("while the call…" rather than "while the ca…"); the punctuation before
// the cut goes too. A first word longer than w is cut like Truncate.
func TruncateWords(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	head := ansi.Truncate(s, w-1, "")
	if rest := s[len(head):]; !strings.HasPrefix(rest, " ") {
		i := strings.LastIndexByte(head, ' ')
		if i <= 0 {
			return Truncate(s, w)
		}
		head = head[:i]
	}
	head = strings.TrimRight(head, " ,;:·-–—")
	if head == "" {
		return Truncate(s, w)
	}
	return head + "…"
}

// Pad truncates or right-pads s to exactly w cells.
func Pad(s string, w int) string {
	s = Truncate(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft right-aligns s in w cells, for numbers in a column; a longer s
// is left whole.
func PadLeft(s string, w int) string {
	if n := Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// Wrap breaks plain text into lines of at most w cells, at spaces when it
// can and inside very long words when it must.
func Wrap(s string, w int) []string {
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

// Cut splits plain text after at most w cells, between grapheme clusters,
// for a word too long for its line: head+tail is s. A cluster wider than w
// on its own stays whole in head, so the cut always makes progress.
func Cut(s string, w int) (head, tail string) {
	head = ansi.Truncate(s, max(w, 0), "")
	if !strings.HasPrefix(s, head) {
		head = "" // not plain text; should not happen
	}
	if head == "" && s != "" {
		// The first cluster alone is wider than w; none is wider than 2.
		if head = ansi.Truncate(s, 2, ""); head == "" || !strings.HasPrefix(s, head) {
			return s, ""
		}
	}
	return head, s[len(head):]
}

// Box gives exactly h lines of exactly w cells, cutting or padding.
func Box(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := 0; i < h; i++ {
		if i < len(lines) {
			out[i] = Pad(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", w)
		}
	}
	return out
}

// Side joins two columns of lines with a separator column between them.
func Side(left []string, lw int, sep string, right []string, rw int, h int) []string {
	l := Box(left, lw, h)
	r := Box(right, rw, h)
	out := make([]string, h)
	for i := range out {
		out[i] = l[i] + sep + r[i]
	}
	return out
}

// Lines splits rendered text into lines.
func Lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// OrEmpty gives empty in place of a blank value.
func OrEmpty(s, empty string) string {
	if strings.TrimSpace(s) == "" {
		return empty
	}
	return s
}

// Plural is one or many, by n: Plural(1, "row", "rows") is "row".
func Plural(n int, one, many string) string { return review.Plural(n, one, many) }

// Count is n with the right noun: Count(3, "row", "rows") is "3 rows".
func Count(n int, one, many string) string { return strconv.Itoa(n) + " " + Plural(n, one, many) }
