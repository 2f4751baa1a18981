package review

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// gm renders markdown the way GitHub reads it (tables and strikethrough),
// without autolinking, so any tag in the output means markup leaked.
var gm = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

func toHTML(t testing.TB, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := gm.Convert([]byte(md), &b); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return b.String()
}

// nasty is text a volunteer might type or paste that could break markdown.
var nasty = []string{
	"plain words",
	"a | b || c",
	`back\slash and \| and \\| and trailing \`,
	"*bold* **strong** _under_ __twice__ snake_case_name _x",
	"# not a heading ##",
	"## closing hashes #",
	"<b>html</b> <!-- comment --> <http://example.com> <a@b.co>",
	"> quote",
	"[link](http://x) ![img](y) [ref]: http://z",
	"`code` ``two`` ```fence```",
	"- dash",
	"+ plus",
	"* star",
	"1. one",
	"2) two",
	"a. letter",
	"(iv) roman",
	"---",
	"===",
	"***",
	"___",
	":   definition",
	"line one\nline two\r\nline three\rline four",
	"para one\n\npara two",
	"tab\there",
	"~~strike~~ ~sub~ ^sup^ $math$ $$x$$",
	"{#id .class} heading attrs",
	"&amp; &#124; &lt; AT&T Q&A",
	"a very long word: " + strings.Repeat("Supercalifragilistic", 30),
	"emoji 👩‍👩‍👧 🇬🇧 ✓ ■",
	"עברית | עם קו",
	"مرحبا بالعالم",
	"bidi \u202Eoverride\u202C end",
	"escape \x1b[31mred\x1b[0m \x1b]0;title\x07 bell\a nul\x00 del\x7f c1\u0085\u009b31m",
	"    indented code",
	"\u2028line sep\u2029para sep",
	"| --- | --- |",
	"x\n| --- | --- |\ny",
	"@citation [@cite] ^[note]",
	"",
	"   ",
}

// cellTable puts the text in the middle column of a three-column table.
func cellTable(cell string) string {
	return "| a | b | c |\n|---|---|---|\n| x | " + cell + " | z |\n"
}

var tdRe = regexp.MustCompile(`(?s)<td>(.*?)</td>`)

// checkCell asserts that the escaped text stays inside its cell and reads
// back, through a markdown renderer, as the original text on one line.
func checkCell(t testing.TB, s string) {
	t.Helper()
	cell := EscapeCell(s)
	if strings.ContainsAny(cell, "\n\r") {
		t.Fatalf("cell for %q holds a line break: %q", s, cell)
	}
	if unescapedPipe(cell) {
		t.Fatalf("cell for %q holds an unescaped pipe: %q", s, cell)
	}
	out := toHTML(t, cellTable(cell))
	tds := tdRe.FindAllStringSubmatch(out, -1)
	if len(tds) != 3 {
		t.Fatalf("row for %q has %d cells, want 3:\n%s", s, len(tds), out)
	}
	if tds[0][1] != "x" || tds[2][1] != "z" {
		t.Fatalf("neighbouring cells changed for %q:\n%s", s, out)
	}
	got := tds[1][1]
	if strings.Contains(got, "<") {
		t.Fatalf("markup leaked from %q: %s", s, got)
	}
	if want := isolate(collapse(s)); html.UnescapeString(got) != want {
		t.Fatalf("cell for %q reads back as %q, want %q", s, html.UnescapeString(got), want)
	}
}

// unescapedPipe reports a | not preceded by an odd run of backslashes.
func unescapedPipe(s string) bool {
	bs := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			bs++
			continue
		case '|':
			if bs%2 == 0 {
				return true
			}
		}
		bs = 0
	}
	return false
}

// checkHeading asserts that the escaped text is one heading of its own
// level that reads back as the original text.
func checkHeading(t testing.TB, s string) {
	t.Helper()
	h := EscapeHeading(s)
	if strings.ContainsAny(h, "\n\r") {
		t.Fatalf("heading for %q holds a line break: %q", s, h)
	}
	want := isolate(collapse(s))
	out := toHTML(t, "## Q1. "+h+"\n")
	if !strings.HasPrefix(out, "<h2>") || !strings.HasSuffix(out, "</h2>\n") || strings.Count(out, "<h") != 1 {
		t.Fatalf("heading for %q did not stay one heading:\n%s", s, out)
	}
	got := strings.TrimSuffix(strings.TrimPrefix(out, "<h2>"), "</h2>\n")
	if strings.Contains(got, "<") {
		t.Fatalf("markup leaked from %q: %s", s, got)
	}
	if g := html.UnescapeString(got); g != strings.TrimSpace("Q1. "+want) {
		t.Fatalf("heading for %q reads back as %q, want %q", s, g, "Q1. "+want)
	}
}

// checkInline asserts that escaped text is plain text both as a list item
// and at the start of a paragraph.
func checkInline(t testing.TB, s string) {
	t.Helper()
	in := EscapeInline(s)
	if strings.ContainsAny(in, "\n\r") {
		t.Fatalf("inline text for %q holds a line break: %q", s, in)
	}
	want := isolate(collapse(s))
	if want == "" {
		return
	}
	for _, c := range []struct{ md, open, close string }{
		{in + "\n", "<p>", "</p>\n"},
		{"- " + in + "\n", "<ul>\n<li>", "</li>\n</ul>\n"},
		{"Label: " + in + "\n", "<p>Label: ", "</p>\n"},
	} {
		out := toHTML(t, c.md)
		if !strings.HasPrefix(out, c.open) || !strings.HasSuffix(out, c.close) {
			t.Fatalf("inline text for %q changed the block around it:\n%s", s, out)
		}
		got := strings.TrimSuffix(strings.TrimPrefix(out, c.open), c.close)
		if strings.Contains(got, "<") {
			t.Fatalf("markup leaked from %q: %s", s, got)
		}
		if g := html.UnescapeString(got); g != want {
			t.Fatalf("inline text for %q reads back as %q, want %q", s, g, want)
		}
	}
}

// allowedInParagraphs are the only tags body text may produce.
var tagRe = regexp.MustCompile(`<(/?)([a-z0-9]+)[^>]*>`)

func checkParagraphs(t testing.TB, s string) {
	t.Helper()
	md := Paragraphs(s)
	out := toHTML(t, "Before.\n\n"+md+"\n\nAfter.\n")
	for _, m := range tagRe.FindAllStringSubmatch(out, -1) {
		switch m[2] {
		case "p", "br", "ul", "ol", "li":
		default:
			t.Fatalf("body text %q produced <%s>:\n%s", s, m[2], out)
		}
	}
	if !strings.HasPrefix(out, "<p>Before.</p>\n") || !strings.HasSuffix(out, "<p>After.</p>\n") {
		t.Fatalf("body text %q swallowed its neighbours:\n%s", s, out)
	}
	for _, r := range []string{"\x1b", "\x00", "\u202E"} {
		if strings.Contains(md, r) {
			t.Fatalf("body text kept control %q: %q", r, md)
		}
	}
}

func TestEscapeNasty(t *testing.T) {
	for _, s := range nasty {
		checkCell(t, s)
		checkHeading(t, s)
		checkInline(t, s)
		checkParagraphs(t, s)
	}
}

func TestEscapeKeepsPlainTextReadable(t *testing.T) {
	for in, want := range map[string]string{
		"Customers contacting Great Places": "Customers contacting Great Places",
		"snake_case stays":                  "snake_case stays",
		"Q&A and R&D":                       "Q&A and R&D",
		"Flat #3, 2 + 2 = 4":                "Flat #3, 2 + 2 = 4",
		"It's 80% (of calls)":               "It's 80% (of calls)",
		"1. First":                          `1\. First`,
		"- dash":                            `\- dash`,
		"a | b":                             `a \| b`,
		"x <y>":                             `x \<y\>`,
		"  lots \n of   space ":             "lots of space",
	} {
		if got := EscapeInline(in); got != want {
			t.Errorf("EscapeInline(%q) = %q, want %q", in, got, want)
		}
	}
	if got := EscapeHeading("Flat #3 {x}"); got != `Flat \#3 \{x\}` {
		t.Errorf("EscapeHeading = %q", got)
	}
	if got := EscapeCell("1. a\nb"); got != "1. a b" {
		t.Errorf("EscapeCell = %q", got)
	}
}

func TestParagraphs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"one", "one"},
		{"one\ntwo", "one  \ntwo"},
		{"one\n\n\n two \n", "one\n\ntwo"},
		{"We found:\n- slow calls\n- * kind staff", "We found:\n\n- slow calls\n- \\* kind staff"},
		{"Steps:\n1. ask\n2) wait", "Steps:\n\n1. ask\n2. wait"},
		{"# not heading\n---", "\\# not heading  \n\\---"},
		{"a\r\nb\rc", "a  \nb  \nc"},
	} {
		if got := Paragraphs(c.in); got != c.want {
			t.Errorf("Paragraphs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRightToLeftIsIsolated(t *testing.T) {
	got := EscapeCell("שלום")
	if got != "\u2068שלום\u2069" {
		t.Errorf("EscapeCell of Hebrew = %q, want it wrapped in an isolate", got)
	}
	if got := EscapeCell("plain"); got != "plain" {
		t.Errorf("left-to-right text was wrapped: %q", got)
	}
}

func TestCodeFenceOutlastsBackticks(t *testing.T) {
	for body, want := range map[string]string{"x": "```", "a ``` b": "````", "`````": "``````"} {
		if got := codeFence(body); got != want {
			t.Errorf("codeFence(%q) = %q, want %q", body, got, want)
		}
	}
}

func FuzzEscapeCell(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCell(t, s) })
}

func FuzzEscapeHeading(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkHeading(t, s) })
}

func FuzzEscapeInline(f *testing.F) {
	for _, s := range nasty {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInline(t, s)
		checkParagraphs(t, s)
	})
}
