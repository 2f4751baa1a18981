package review

import (
	"strings"
	"unicode/utf8"
)

// Clean removes terminal control sequences and control characters from user
// text before it is drawn or written anywhere: escape sequences (CSI, OSC,
// DCS and the rest, in their 7-bit and 8-bit forms), C0 and C1 controls and
// DEL. Newlines and tabs stay. Bytes that are not UTF-8 become U+FFFD, so a
// pasted binary cannot smuggle an 8-bit control past the terminal.
//
// Text pasted from a terminal can carry colour codes, and a hostile file can
// carry sequences that retitle the window, move the cursor or rewrite what
// is already on screen; none of that belongs in a review.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b: // ESC
			i = skipEscape(s, i+size)
			continue
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x90 || r == 0x9d || r == 0x98 || r == 0x9e || r == 0x9f: // DCS, OSC, SOS, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// other controls, \r included: it returns the cursor
			// and lets later text overwrite earlier text.
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s is valid UTF-8 with no control characters other
// than newline and tab, the common case, so Clean can return it as is.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			// C1 controls are U+0080-U+009F, encoded as 0xC2 0x80-0x9F.
			if c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0 {
				return false
			}
		}
	}
	return utf8.ValidString(s)
}

// skipEscape returns the index after the escape sequence whose ESC ended
// just before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// nF sequences: intermediate bytes, then one final byte.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence. A sequence cut short swallows only its own bytes.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString skips the body of an OSC, DCS, SOS, PM or APC string up to and
// including its terminator: BEL, ESC \ or the 8-bit ST. An unterminated one
// runs to the end of the text, as it would in a terminal.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			// Any other ESC cancels the string and starts a sequence
			// of its own.
			return i
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
		i++
	}
	return i
}

// CleanLine is Clean for places that show text on one line (the wall, plain
// mode prompts): line breaks and runs of spaces fold into single spaces.
func CleanLine(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// Plural is one or many, by n. The domain's messages and ui/text share it,
// so "1 row" and "2 rows" read the same everywhere.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
