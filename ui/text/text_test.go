package text

import (
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestTruncateCountsCells(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want string
	}{{"abc", 3, "abc"}, {"abcdef", 4, "abc…"}, {"abcdef", 1, "…"}, {"abcdef", 0, ""}, {"日本語", 4, "日…"}, {"日本語", 6, "日本語"}} {
		if got := Truncate(c.s, c.w); got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
		if got := Width(Truncate(c.s, c.w)); got > c.w {
			t.Errorf("Truncate(%q, %d) is %d cells wide", c.s, c.w, got)
		}
	}
}

func TestTruncateWordsCutsBetweenWords(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want string
	}{
		{"the wait to get through", 23, "the wait to get through"},
		{"the wait to get through", 17, "the wait to get…"},
		{"the wait to get through", 16, "the wait to get…"},
		{"the wait to get through", 15, "the wait to…"},
		{"first point of contact, through", 28, "first point of contact…"},
		{"Places listened", 8, "Places…"},
		{"extraordinarily", 6, "extra…"},
		{"abc", 0, ""},
		{"日本 語です", 5, "日本…"},
	} {
		got := TruncateWords(c.s, c.w)
		if got != c.want {
			t.Errorf("TruncateWords(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
		if Width(got) > c.w {
			t.Errorf("TruncateWords(%q, %d) is %d cells wide", c.s, c.w, Width(got))
		}
	}
}

func TestPadIsExactlyTheWidth(t *testing.T) {
	for _, c := range []struct {
		s string
		w int
	}{{"", 3}, {"ab", 5}, {"abcdef", 4}, {"日本語", 5}} {
		if got := Width(Pad(c.s, c.w)); got != c.w {
			t.Errorf("Pad(%q, %d) is %d cells", c.s, c.w, got)
		}
	}
}

func TestWrapKeepsParagraphsAndFits(t *testing.T) {
	got := Wrap("one two three\n\nfour supercalifragilistic", 8)
	for _, l := range got {
		if Width(l) > 8 {
			t.Errorf("line %q is wider than 8", l)
		}
	}
	if !slices.Contains(got, "") || got[0] != "one two" {
		t.Errorf("Wrap lost the paragraph break or the first line: %q", got)
	}
}

func TestPluralAndCount(t *testing.T) {
	if Plural(1, "row", "rows") != "row" || Plural(0, "row", "rows") != "rows" {
		t.Error("Plural picks the wrong word")
	}
	if Count(1, "meeting", "meetings") != "1 meeting" || Count(3, "row", "rows") != "3 rows" {
		t.Error("Count reads wrong")
	}
}

func TestOneLineFoldsAndCleans(t *testing.T) {
	if got := OneLine("a\nb\x1b[2Jc\tz"); got != "a bc z" {
		t.Errorf("OneLine = %q", got)
	}
}

func TestCutSplitsBetweenClustersWithinTheWidth(t *testing.T) {
	for _, c := range []struct {
		s          string
		w          int
		head, tail string
	}{
		{"abcdef", 4, "abcd", "ef"}, {"abc", 5, "abc", ""}, {"日本語", 3, "日", "本語"}, {"日本語", 1, "日", "本語"},
		{"e\u0301te\u0301", 1, "e\u0301", "te\u0301"}, {"👍🏽ok", 2, "👍🏽", "ok"}, {"👍🏽ok", 1, "👍🏽", "ok"}, {"", 3, "", ""},
	} {
		head, tail := Cut(c.s, c.w)
		if head != c.head || tail != c.tail {
			t.Errorf("Cut(%q, %d) = %q, %q; want %q, %q", c.s, c.w, head, tail, c.head, c.tail)
		}
	}
}

func TestWidthOfPlainASCIIIsItsLength(t *testing.T) {
	for _, s := range []string{"", "abc", "a b~", "\x1b[1mbold\x1b[m", "日本", "e\u0301", "tab\there"} {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}
