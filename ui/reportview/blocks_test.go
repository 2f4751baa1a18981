package reportview

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"scrutiny/review"
	"scrutiny/ui/style"
)

// sink is a report with one of every block kind and the text that is hard
// to lay out: control characters, a word longer than any line, wide
// characters, right-to-left text, a blank label.
func sink() *review.Report {
	long := strings.Repeat("abcdefghij", 13)
	return &review.Report{Title: "T", Blocks: []review.Block{
		{Kind: review.BlockHeading, Level: 1, Text: review.Text{{S: "Scrutiny report: \x1b]0;pwned\x07Repairs"}}},
		{Kind: review.BlockFacts, Facts: []review.Fact{{Label: "Landlord", Value: review.Text{{S: "Homes\r\x1b[2J First"}}}, {Label: "Board", Value: review.Text{{S: "2 May"}}}}},
		{Kind: review.BlockPageBreak},
		{Kind: review.BlockHeading, Level: 2, Text: review.Text{{S: "7. Recommendations"}}},
		{Kind: review.BlockPara, Lines: []review.Text{{{S: "Plain, "}, {S: "in italics", Em: true}, {S: " and "}, {S: "bold", Strong: true}, {S: "."}}, {{S: long}}}},
		{Kind: review.BlockPara, Note: true, Lines: []review.Text{{{S: "⚠ Small base: read with care."}}}},
		{Kind: review.BlockHeading, Level: 3, Text: review.Text{{S: "Third level"}}},
		{Kind: review.BlockHeading, Level: 4, Text: review.Text{{S: "Fourth level"}}},
		{Kind: review.BlockList, Numbered: true, Items: []review.Item{
			{Marker: "1", Text: review.Text{{S: "Settle contacts at the first point of contact, through"}},
				Sub:   []review.Item{{Marker: "a", Text: review.Text{{S: "training so that everyone in the team can handle every type of query"}}}, {Marker: "b", Text: review.Text{{S: "sharing"}}}},
				After: []review.Text{{{S: "Board response: Accepted ✓, 2 May 2019 — agreed in full, with a plan."}}}},
			{Marker: "10", Text: review.Text{{S: "日本語のテキストは二つのセルを使います日本語のテキストは二つのセルを使います"}}},
		}},
		{Kind: review.BlockList, Items: []review.Item{{Text: review.Text{{S: "שלום עולם and more words to wrap under the bullet"}}}}},
		{Kind: review.BlockTable, Table: &review.Table{Head: []string{"Question", "Base", "Average"}, Align: []review.Align{review.AlignLeft, review.AlignRight, review.AlignRight}, Widths: []int{40, 8, 10},
			Rows: [][]review.Text{{{{S: "How easy was it to contact Great Places?"}}, {{S: "57"}}, {{S: "7.42"}}}, {{{S: "Overall", Strong: true}}, {{S: "5"}}, {{S: long}}}}}},
		{Kind: review.BlockChart, Chart: &review.Chart{Title: "Votes", Groups: []review.BarGroup{{Label: "Timeliness", Bars: []review.Bar{{Label: "Poor", Value: 0, Text: "0 votes"}, {Label: "Good", Value: 4, Text: "4 votes"}, {Label: "", Value: 1, Text: "1 vote"}}}}}},
	}}
}

func TestEveryBlockFitsAndNothingLeaks(t *testing.T) {
	rep := sink()
	for _, w := range []int{20, 40, 60, 80, 200} {
		lines := Layout(rep, w)
		var all strings.Builder
		for i, l := range lines {
			if got := l.Width(); got > w {
				t.Errorf("at %d, line %d is %d cells: %q", w, i+1, got, l.String())
			}
			for _, r := range l.String() {
				if unicode.IsControl(r) {
					t.Errorf("at %d, line %d holds control character %U: %q", w, i+1, r, l.String())
				}
			}
			all.WriteString(strings.TrimSpace(l.String()))
		}
		// The long word is cut, never dropped: its pieces run on.
		if !strings.Contains(all.String(), strings.Repeat("abcdefghij", 13)) {
			t.Errorf("at %d the long word lost letters", w)
		}
		for _, theme := range style.Names() {
			out := Draw(rep, style.New(theme), w)
			for i, l := range strings.Split(out, "\n") {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s at %d: drawn line %d is %d cells", theme, w, i+1, got)
				}
			}
			if strings.Contains(out, "pwned") && strings.Contains(out, "\x1b]") || strings.Contains(out, "\x1b[2J") || strings.ContainsRune(out, '\r') {
				t.Errorf("%s: a control sequence of the text reached the terminal", theme)
			}
		}
	}
}

func TestHowEachBlockIsDrawn(t *testing.T) {
	got := plainDraw(sink(), 60)
	for _, want := range []string{
		// Headings: the model's own numbers; the title over a heavy rule,
		// a section over a light one, each as long as its text.
		"Scrutiny report: Repairs\n━━━━━━━━━━━━━━━━━━━━━━━━\n",
		"7. Recommendations\n──────────────────\n",
		// Facts as "Label: value", the values in a column.
		"Landlord: Homes First\nBoard:    2 May\n",
		// A page break is a thin rule across the width.
		strings.Repeat("┄", 60),
		"Plain, in italics and bold.",
		// The model's markers, right-aligned; sub-points and the line after
		// indented to the item's text, which wraps under itself.
		" 1. Settle contacts at the first point of contact, through\n" +
			"    a. training so that everyone in the team can handle\n" +
			"       every type of query\n" +
			"    b. sharing\n\n" +
			"    Board response: Accepted ✓, 2 May 2019 — agreed in full,\n" +
			"    with a plan.\n",
		"10. 日本語",
		"• שלום עולם and more words to wrap under the bullet",
		// A table: bold header over a heavy rule, right-aligned numbers.
		"Question                                 │ Base │    Average\n━━━━",
		"How easy was it to contact Great Places? │   57 │       7.42\n",
		// A chart: each bar's value in words; a blank label says so.
		"Chart: Votes\n\nTimeliness\n  Poor       ",
		"  Good     ██████████████████████████████  4 votes\n",
		"  (blank)  ████████                        1 vote",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing:\n%s\nin:\n%s", want, got)
		}
	}
	// The notes are dimmed (muted), the rest is text.
	st := style.New("dark")
	if out := Draw(sink(), st, 60); !strings.Contains(out, strings.TrimSuffix(st.Muted.Render("⚠"), "\x1b[m")) {
		t.Errorf("the side note is not drawn muted")
	}
}

// Headings differ by more than colour: in monochrome the title and the
// sections keep their rules, level 3 is underlined and level 4 italic.
func TestHeadingsDifferWithoutColour(t *testing.T) {
	out := Draw(sink(), style.New("monochrome"), 60)
	for _, want := range []string{`\x1b\[1(;4)+mThird level`, `\x1b\[1;3mFourth level`, "━━━", "───"} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("monochrome drawing has no %q", want)
		}
	}
	if colour.MatchString(out) {
		t.Error("monochrome drawing has colour")
	}
}
