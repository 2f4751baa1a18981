package review

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"plain", "Customers contacting Great Places", "Customers contacting Great Places"},
		{"keeps newline and tab", "a\nb\tc", "a\nb\tc"},
		{"unicode", "café 👩‍👩‍👧 עברית", "café 👩‍👩‍👧 עברית"},
		{"colour", "\x1b[1;31mred\x1b[0m text", "red text"},
		{"cursor moves", "a\x1b[2J\x1b[H\x1b[10;20Hb", "ab"},
		{"private mode", "x\x1b[?1049hy\x1b[?25l", "xy"},
		{"window title BEL", "\x1b]0;pwned\x07after", "after"},
		{"hyperlink ST", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"unterminated OSC", "ok\x1b]2;never ends", "ok"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"charset select", "a\x1b(Bb", "ab"},
		{"keypad mode", "a\x1b=b\x1b>c", "abc"},
		{"lone ESC at end", "end\x1b", "end"},
		{"8-bit CSI", "a\u009b31mb", "ab"},
		{"8-bit OSC", "a\u009d0;title\u009cb", "ab"},
		{"C0 controls", "a\x00b\x07c\x08d\re\x0bf\x0cg", "abcdefg"},
		{"DEL", "a\x7fb", "ab"},
		{"C1 NEL", "a\u0085b", "ab"},
		{"invalid UTF-8", "a\xffb\xc2", "a\uFFFDb\uFFFD"},
		{"raw 0x9b byte is not a CSI", "a\x9b31mb", "a\uFFFD31mb"},
		{"OSC cut by new ESC", "a\x1b]0;t\x1b[31mb", "ab"},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("%s: Clean(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// hasControl reports any character a terminal would act on.
func hasControl(s string) bool {
	for _, r := range s {
		if r == '\n' || r == '\t' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return true
		}
	}
	return false
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b[31mred", "\x1b]0;t\x07", "\u009b1m", "a\xffb", "\x1bP\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Clean(%q) = %q is not UTF-8", s, got)
		}
		if hasControl(got) {
			t.Fatalf("Clean(%q) = %q keeps a control character", s, got)
		}
		if len(got) > len(s)*3 {
			t.Fatalf("Clean(%q) grew to %d bytes", s, len(got))
		}
		if again := Clean(got); again != got {
			t.Fatalf("Clean is not stable: %q then %q", got, again)
		}
		if !hasControl(s) && utf8.ValidString(s) && got != s {
			t.Fatalf("Clean changed clean text %q to %q", s, got)
		}
	})
}

func BenchmarkCleanPlain(b *testing.B) {
	s := strings.Repeat("Customers contacting Great Places by phone. ", 20)
	for b.Loop() {
		Clean(s)
	}
}
