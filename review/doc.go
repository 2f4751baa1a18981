package review

import "strings"

// Report is the panel's report as a document: the one model that the
// markdown, HTML and Word writers each draw in their own way, so the three
// formats say the same thing in the same order. NewReport builds it from a
// review; the writers only lay it out.
//
// Text in the model is plain: cleaned of control characters but not
// escaped. Each writer escapes for its own format, which is why user text
// can never become markup in any of them.
type Report struct {
	Title   string // "Scrutiny report: Customers contacting Great Places"
	Author  string // the panel, for the document's properties
	Subject string // the service area
	Blocks  []Block
}

// BlockKind says what a block is.
type BlockKind int

const (
	BlockHeading   BlockKind = iota // Level, Anchor, Text
	BlockPara                       // Lines: one paragraph, a hard break between lines
	BlockList                       // Items, Numbered
	BlockTable                      // Table
	BlockChart                      // Chart
	BlockFacts                      // Facts: label and value pairs, such as the cover's
	BlockPageBreak                  // where a printed paper starts a new page
)

// Block is one part of the report.
type Block struct {
	Kind     BlockKind
	Level    int    // headings: 1 for the title, 2 for sections...
	Anchor   string // headings: a stable id for links ("s1", "f3")
	Text     Text   // headings
	Lines    []Text // paragraphs
	Items    []Item // lists
	Numbered bool   // lists: numbered (with Item.Marker) rather than bulleted
	Table    *Table
	Chart    *Chart
	Facts    []Fact
	Note     bool // paragraphs: a side note (small base warnings, sources)
}

// Span is a run of text with one emphasis.
type Span struct {
	S      string
	Em     bool
	Strong bool
}

// Text is a line of spans.
type Text []Span

// Plain is the text without emphasis.
func (t Text) Plain() string {
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.S)
	}
	return b.String()
}

func plain(s string) Text { return Text{{S: s}} }
func em(s string) Text    { return Text{{S: s, Em: true}} }

// Item is one entry of a list. Numbered lists carry their own markers
// ("1", "2"...), so the writers never renumber what the panel numbered;
// Sub holds lettered sub-points and After the lines that follow the item
// (the findings behind a recommendation, the Board's answer).
type Item struct {
	Marker string
	Anchor string // the item's own id ("f3", "r2")
	Link   string // the anchor the item points to (the contents list)
	Text   Text
	Sub    []Item
	After  []Text
}

// Align is a column's alignment.
type Align int

const (
	AlignLeft Align = iota
	AlignRight
)

// Table is a table with a caption, a header row and rows. Widths are
// relative: markdown turns them into separator dashes (which pandoc reads
// as column widths), HTML into percentages, Word into grid columns.
type Table struct {
	Caption string
	Head    []string
	Align   []Align
	Widths  []int
	Rows    [][]Text
	// RowHeads: the first cell of each row names the row (th scope="row").
	RowHeads bool
}

// Fact is a label and its value.
type Fact struct {
	Label string
	Value Text
}

// Chart is a bar chart: groups of labelled bars, each with its value in
// words, so it reads without colour. Every format draws it from this one
// model: text bars in markdown, SVG in HTML, an image in Word.
type Chart struct {
	ID    string // stable within the report: "chart-3"
	Title string
	Desc  string // one sentence saying what the bars show
	// Groups hold the bars; a chart of one unnamed group is a plain list
	// of bars.
	Groups []BarGroup
	// PerGroup scales each group on its own, for groups in different
	// units (a standard in minutes beside one in percent).
	PerGroup bool
	// Max is the end of the value axis; zero means the largest value.
	Max float64
	// Figures is the chart's data as a table, for readers who cannot see
	// the bars.
	Figures *Table
}

// BarGroup is a set of bars under one label.
type BarGroup struct {
	Label string
	Bars  []Bar
}

// Bar is one bar: its label, its value and the value as it is written
// beside the bar. Tone picks a colour from the palette; the label always
// says the same thing in words.
type Bar struct {
	Label string
	Value float64
	Text  string
	Tone  int
}
