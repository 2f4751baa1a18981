package review

import (
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// The report must also convert cleanly with pandoc, whose markdown reads
// more syntax than GitHub's. These tests run when pandoc is installed.

func pandocHTML(t *testing.T, md string) string {
	t.Helper()
	path, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc is not installed")
	}
	// smart is off so quotes and dashes come back exactly as typed.
	cmd := exec.Command(path, "-f", "markdown-smart", "-t", "html", "--wrap=none")
	cmd.Stdin = strings.NewReader(md)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("pandoc: %v: %s", err, errb.String())
	}
	return out.String()
}

var (
	pdTableRe = regexp.MustCompile(`(?s)<tbody>(.*?)</tbody>`)
	pdTdRe    = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	pdH2Re    = regexp.MustCompile(`(?s)<h2[^>]*>(.*?)</h2>`)
	pdLiRe    = regexp.MustCompile(`(?s)<ul>\s*<li>(.*?)</li>\s*</ul>`)
	pdPRe     = regexp.MustCompile(`(?s)<p>Case (\d+)\.</p>\s*<p>(.*?)</p>`)
)

// cases lists the nasty texts that have something to show.
func pandocCases() []string {
	var out []string
	for _, s := range nasty {
		if collapse(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func readBack(t *testing.T, kind, s, got string) {
	t.Helper()
	if strings.Contains(got, "<") {
		t.Errorf("%s: markup leaked from %q: %s", kind, s, got)
	}
	if want := isolate(collapse(s)); html.UnescapeString(got) != want {
		t.Errorf("%s: %q reads back as %q, want %q", kind, s, html.UnescapeString(got), want)
	}
}

func TestPandocCells(t *testing.T) { pandocCells(t, pandocCases()) }

func TestPandocHeadings(t *testing.T) { pandocHeadings(t, pandocCases()) }

func TestPandocInline(t *testing.T) { pandocInline(t, pandocCases()) }

// TestPandocRandom checks escaping through pandoc with random mixtures of
// the characters and words markdown readers care about.
func TestPandocRandom(t *testing.T) {
	tokens := []string{"|", "\\", "\\", "*", "_", "#", "<", ">", "[", "]", "(", ")", "`", "~", "^", "$", "{", "}",
		"!", "@", "&", ";", ":", "-", "+", "=", ".", "1.", "a)", "(i)", "<!--", "-->", "<b>", "http://x.org",
		"&amp;", "&#35;", " ", " ", " ", "\n", "\n\n", "\t", "word", "snake_case", "é", "שלום", "👍", "%", "'", "\"", "\x1b[1m"}
	rng := rand.New(rand.NewPCG(1, 2))
	var cases []string
	for len(cases) < 400 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(tokens[rng.IntN(len(tokens))])
		}
		if collapse(b.String()) != "" {
			cases = append(cases, b.String())
		}
	}
	pandocCells(t, cases)
	pandocHeadings(t, cases)
	pandocInline(t, cases)
}

func pandocCells(t *testing.T, cases []string) {
	var md strings.Builder
	for i, s := range cases {
		fmt.Fprintf(&md, "Case %d.\n\n%s\n", i, cellTable(EscapeCell(s)))
	}
	out := pandocHTML(t, md.String())
	tables := pdTableRe.FindAllStringSubmatch(out, -1)
	if len(tables) != len(cases) {
		t.Fatalf("%d tables from %d cases:\n%s", len(tables), len(cases), out)
	}
	for i, tb := range tables {
		tds := pdTdRe.FindAllStringSubmatch(tb[1], -1)
		if len(tds) != 3 || tds[0][1] != "x" || tds[2][1] != "z" {
			t.Errorf("cell %q broke its row: %s", cases[i], tb[1])
			continue
		}
		readBack(t, "cell", cases[i], tds[1][1])
	}
}

func pandocHeadings(t *testing.T, cases []string) {
	var md strings.Builder
	for i, s := range cases {
		fmt.Fprintf(&md, "Case %d.\n\n## %s\n\n", i, EscapeHeading(s))
	}
	out := pandocHTML(t, md.String())
	hs := pdH2Re.FindAllStringSubmatch(out, -1)
	if len(hs) != len(cases) {
		t.Fatalf("%d headings from %d cases:\n%s", len(hs), len(cases), out)
	}
	for i, h := range hs {
		readBack(t, "heading", cases[i], h[1])
	}
}

func pandocInline(t *testing.T, cases []string) {
	var md strings.Builder
	for i, s := range cases {
		fmt.Fprintf(&md, "Case %d.\n\n- %s\n\nCase %d.\n\n%s\n\n", i, EscapeInline(s), i, EscapeInline(s))
	}
	out := pandocHTML(t, md.String())
	lis := pdLiRe.FindAllStringSubmatch(out, -1)
	ps := pdPRe.FindAllStringSubmatch(out, -1)
	if len(lis) != len(cases) || len(ps) != len(cases) {
		t.Fatalf("%d list items and %d paragraphs from %d cases:\n%s", len(lis), len(ps), len(cases), out)
	}
	for i := range cases {
		readBack(t, "list item", cases[i], lis[i][1])
		readBack(t, "paragraph", cases[i], ps[i][2])
	}
}

// pandocTags are the only tags the report may produce through pandoc.
var pandocTags = map[string]bool{
	"h1": true, "h2": true, "h3": true, "h4": true, "p": true, "br": true, "ul": true, "ol": true, "li": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "colgroup": true, "col": true,
	"pre": true, "code": true, "em": true, "strong": true,
	"section": true, // the wrapper around each report
}

func TestPandocReport(t *testing.T) {
	var all strings.Builder
	var counts []map[string]int
	for i, s := range nasty {
		md := Render(nastyReview(s))
		counts = append(counts, countKinds(md))
		// Each report becomes its own part, one heading level down.
		fmt.Fprintf(&all, "<div class=\"case%d\">\n\n%s\n</div>\n\n", i, md)
	}
	out := pandocHTML(t, all.String())
	// pandoc turns each div into a section carrying the class.
	marks := regexp.MustCompile(`<(?:div|section)[^>]*class="case\d+"[^>]*>`).FindAllStringIndex(out, -1)
	if len(marks) != len(nasty) {
		t.Fatalf("%d reports came back from %d", len(marks), len(nasty))
	}
	for i, m := range marks {
		end := len(out)
		if i+1 < len(marks) {
			end = marks[i+1][0]
		}
		body := out[m[1]:end]
		for _, m := range tagRe.FindAllStringSubmatch(body, -1) {
			if !pandocTags[m[2]] {
				t.Errorf("text %q made <%s> through pandoc", nasty[i], m[2])
			}
		}
		c := counts[i]
		for tag, want := range map[string]int{"<h1": 1, "<h2": len(wantSections) + 2 + len(afterBoard), "<h3": c["h3"], "<h4": c["h4"], "<table": c["table"], "<pre": c["chart"]} {
			if got := strings.Count(body, tag); got != want {
				t.Errorf("text %q: pandoc made %d %s, goldmark %d", nasty[i], got, tag, want)
			}
		}
	}
}
