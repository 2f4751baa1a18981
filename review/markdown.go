package review

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Escaping of user text for the report. Volunteers type whatever they like;
// none of it may turn into markup. The rules cover CommonMark, GitHub's
// tables and pandoc's markdown (which also reads ^, ~, $, {}, @citations and
// lettered lists), while keeping the text readable as plain text: characters
// are escaped only where they could mean something.

// EscapeInline makes s safe inside a line of markdown: a list item, a label
// or a sentence of the report. Line breaks collapse to spaces.
func EscapeInline(s string) string {
	return isolate(escapeLineStart(escapeText(collapse(s), false)))
}

// EscapeCell makes s safe inside a table cell: a pipe never ends the cell
// and a line break never ends the row.
func EscapeCell(s string) string {
	return isolate(escapeText(collapse(s), false))
}

// EscapeHeading makes s safe as the text of a heading: it stays one line,
// and a trailing # or {attributes} cannot be read as heading syntax.
func EscapeHeading(s string) string {
	return isolate(escapeText(collapse(s), true))
}

// Paragraphs turns body text into markdown blocks separated by blank lines.
// The volunteer's blank-line paragraphs stay paragraphs; a line break inside
// a paragraph stays a line break; lines starting "- " or "1. " become list
// items, because that is what the writer meant.
func Paragraphs(s string) string {
	s = normaliseBreaks(s)
	var blocks []string
	for _, para := range strings.Split(s, "\n\n") {
		blocks = append(blocks, paragraphBlocks(para)...)
	}
	return strings.Join(blocks, "\n\n")
}

var (
	bulletLine   = lazyRegexp(`^\s*[-*+•‣◦–]\s+(.*)$`)
	numberedLine = lazyRegexp(`^\s*([0-9]{1,9})[.)]\s+(.*)$`)
)

// paragraphBlocks splits one paragraph into runs of text lines, bullet
// lines and numbered lines, each run its own block.
func paragraphBlocks(para string) []string {
	var blocks, run []string
	kind := ""
	flush := func() {
		if len(run) == 0 {
			return
		}
		sep := "\n"
		if kind == "text" {
			// Two trailing spaces: a hard line break that is invisible
			// in plain text and understood by GitHub and pandoc.
			sep = "  \n"
		}
		blocks = append(blocks, strings.Join(run, sep))
		run = nil
	}
	for _, line := range strings.Split(para, "\n") {
		var k, out string
		if m := bulletLine().FindStringSubmatch(line); m != nil && strings.TrimSpace(m[1]) != "" {
			k, out = "bullet", "- "+EscapeInline(m[1])
		} else if m := numberedLine().FindStringSubmatch(line); m != nil && strings.TrimSpace(m[2]) != "" {
			k, out = "number", m[1]+". "+EscapeInline(m[2])
		} else {
			k, out = "text", EscapeInline(line)
		}
		if out == "" {
			continue
		}
		if k != kind {
			flush()
			kind = k
		}
		run = append(run, out)
	}
	flush()
	return blocks
}

// normaliseBreaks cleans s, turns every kind of line ending into "\n" and
// trims the end of each line, so a line of spaces counts as blank.
func normaliseBreaks(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n", "\u0085", "\n").Replace(s)
	s = stripBidiControls(Clean(s))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Join(lines, "\n")
}

// collapse cleans s and makes it one line with single spaces.
func collapse(s string) string {
	s = stripBidiControls(Clean(s))
	return strings.Join(strings.Fields(s), " ")
}

// escapeText backslash-escapes the characters that could start markup
// anywhere in a line. In headings # and { are escaped too.
func escapeText(s string, heading bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	prev := rune(-1)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '[', ']', '<', '>', '|', '~', '^', '$':
			b.WriteByte('\\')
		case '_':
			// snake_case stays as typed: an underscore between two
			// letters or digits cannot start emphasis.
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if !(isAlnum(prev) && isAlnum(next)) {
				b.WriteByte('\\')
			}
		case '&':
			if entityAt(s[i:]) {
				b.WriteByte('\\')
			}
		case '!':
			// "<!--" opens a comment even after "\<" for pandoc, which
			// then reads on to the next "-->" wherever it is.
			if prev == '<' {
				b.WriteByte('\\')
			}
		case '@':
			// pandoc reads "@name" as a citation; "a@b.org" it leaves.
			if !isAlnum(prev) {
				b.WriteByte('\\')
			}
		case '#', '{', '}':
			if heading {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isAlnum(r rune) bool { return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// entityAt reports whether s starts with something an HTML reader would
// take for an entity, such as "&amp;" or "&#124;".
func entityAt(s string) bool {
	for i := 1; i < len(s) && i < 40; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 1
		case c == '#' && i == 1, c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return false
}

// listMarker matches the start of a line that some markdown reader takes
// for a list item: "1.", "2)", and pandoc's "a.", "iv)", "(b)", "@.".
var listMarker = lazyRegexp(`^(\(?)([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|@|#)([.)])(\s|$)`)

// escapeLineStart escapes what only matters at the start of a line: list
// markers, headings, setext underlines, pandoc definition lists and divs.
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	if m := listMarker().FindStringSubmatchIndex(s); m != nil {
		if m[3] > m[2] { // "(1)": escaping the bracket is enough
			return `\` + s
		}
		dot := m[6]
		return s[:dot] + `\` + s[dot:]
	}
	switch s[0] {
	case '-', '+', '=', ':', '#', '%':
		return `\` + s
	}
	return s
}

// stripBidiControls drops the embedding, override and isolate controls a
// writer cannot see: left unbalanced they reorder the rest of the line,
// table borders included.
func stripBidiControls(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// isolate wraps right-to-left text in a first-strong isolate, so that in a
// row of a table or a line of the report it cannot pull the neighbouring
// punctuation and pipes into its own direction.
func isolate(s string) string {
	if !strings.ContainsFunc(s, isRTL) {
		return s
	}
	return "\u2068" + s + "\u2069"
}

func isRTL(r rune) bool {
	// Every right-to-left script starts at Hebrew (U+0591); checking that
	// first keeps the common Latin text off the slow table look-ups.
	if r < 0x0590 {
		return false
	}
	return unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko,
		unicode.Samaritan, unicode.Mandaic, unicode.Adlam)
}

// codeFence returns a fence longer than any run of backticks in body, so
// user text inside a code block can never close it early.
func codeFence(body string) string {
	longest, run := 0, 0
	for _, r := range body {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// KeyValueTable writes label/value pairs (already escaped for cells) as a
// two-column table. Markdown tables need a header row; an empty one shows
// as a blank bar in GitHub, pandoc and the preview, so the first pair is the
// header instead.
func KeyValueTable(rows [][2]string) string {
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	for i, row := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "| %s | %s |", row[0], row[1])
		if i == 0 {
			b.WriteString("\n|---|---|")
		}
	}
	return b.String()
}

// lazyRegexp compiles a pattern the first time it is used rather than when
// the program starts: every command, `--version` included, would pay for
// all of them otherwise.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
