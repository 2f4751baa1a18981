package surveycsv

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"scrutiny/review"
)

func read(t *testing.T, data string, o Options) *Preview {
	t.Helper()
	p, err := Read(strings.NewReader(data), o)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return p
}

func column(t *testing.T, p *Preview, header string) Column {
	t.Helper()
	for _, c := range p.Columns {
		if c.Header == header {
			return c
		}
	}
	t.Fatalf("no column %q in %+v", header, p.Columns)
	return Column{}
}

const goodCSV = "\uFEFFRespondent,Contact method,Ease of contacting us,How satisfied were you?,Would you use web chat?,Comments\r\n" +
	"1,Phone,7,Very satisfied,Yes,\"Long wait, but helpful\"\r\n" +
	"2,Email,10,fairly SATISFIED,no,\r\n" +
	"3,Phone,Don't know,Neither satisfied nor dissatisfied,Y,\"Said \"\"call back\"\"\nand nobody did\"\r\n" +
	"4,Self-service portal,,Very dissatisfied,N/A,Fine\r\n" +
	",,,,,\r\n" +
	"5,Phone,1,Fairly dissatisfied,No,\r\n"

func TestReadGoodFile(t *testing.T) {
	p := read(t, goodCSV, Options{})
	if !p.OK() {
		t.Fatalf("errors: %v", p.Errors)
	}
	if !p.BOM || p.Delimiter != ',' || p.Rows != 5 || p.BlankRows != 1 || p.Respondents().Len() != 5 {
		t.Fatalf("bom %v delim %q rows %d blank %d respondents %d", p.BOM, p.Delimiter, p.Rows, p.BlankRows, p.Respondents().Len())
	}
	want := map[string]string{
		"Respondent":              "ignore",
		"Contact method":          "attribute",
		"Ease of contacting us":   "scale 1-10",
		"How satisfied were you?": "scale 1-5",
		"Would you use web chat?": "yes/no",
		"Comments":                "free text",
	}
	for h, k := range want {
		if got := column(t, p, h).KindText(); got != k {
			t.Errorf("%s: %s, want %s", h, got, k)
		}
	}
	sat := column(t, p, "How satisfied were you?")
	if len(sat.Labels) != 5 || sat.Labels[4] != "Very satisfied" {
		t.Errorf("labels %v", sat.Labels)
	}
	ease := column(t, p, "Ease of contacting us")
	if ease.Answered != 3 || ease.Excluded != 1 || ease.Blank != 1 {
		t.Errorf("ease answered/excluded/blank %d/%d/%d", ease.Answered, ease.Excluded, ease.Blank)
	}
	r := p.Respondents().Row(2)
	if r.Attrs["Contact method"] != "Phone" || r.Answers[ease.QuestionID] != review.Excluded ||
		r.Answers[sat.QuestionID] != "3" || r.Answers[column(t, p, "Would you use web chat?").QuestionID] != "yes" {
		t.Errorf("respondent 3: %+v", r)
	}
	if got := r.Answers[column(t, p, "Comments").QuestionID]; got != "Said \"call back\"\nand nobody did" {
		t.Errorf("quoted comment %q", got)
	}
	if got := p.Respondents().Row(1).Answers[sat.QuestionID]; got != "4" {
		t.Errorf("case-insensitive label: %q, want 4", got)
	}
	// The survey's statistics from the imported answers.
	sv := p.Survey("Contact survey", 670)
	if len(sv.Questions) != 4 {
		t.Fatalf("questions %d", len(sv.Questions))
	}
	st := sv.QuestionStats(&sv.Questions[0])
	if st.Base != 3 || st.Excluded != 1 || st.Missing != 1 || st.MeanText() != "6.00" {
		t.Errorf("ease stats %+v", st)
	}
	if len(p.Sample) != 5 || p.Sample[0][1] != "Phone" {
		t.Errorf("sample %v", p.Sample)
	}
}

func TestSemicolonsAndOptions(t *testing.T) {
	data := "Area;Score (0-10);Effort\nNorth;0;3\nSouth;10;4\nNorth;5;5\n"
	p := read(t, data, Options{})
	if p.Delimiter != ';' || !p.OK() {
		t.Fatalf("delim %q errors %v", p.Delimiter, p.Errors)
	}
	if got := column(t, p, "Score (0-10)").KindText(); got != "scale 0-10" {
		t.Errorf("score %s", got)
	}
	if got := column(t, p, "Effort").KindText(); got != "scale 1-5" {
		t.Errorf("effort %s", got)
	}
	p = read(t, data, Options{Scales: map[string][2]int{"effort": {1, 10}}, Kinds: map[string]Kind{"AREA": Choice}})
	if column(t, p, "Effort").KindText() != "scale 1-10" || column(t, p, "Area").Kind != Choice {
		t.Errorf("options ignored: %+v", p.Columns)
	}
	if got := column(t, p, "Area").Labels; strings.Join(got, ",") != "North,South" {
		t.Errorf("choices %v", got)
	}
	// A number with its label, as some tools export.
	p = read(t, "Likely to recommend\n10 - Extremely likely\n0 - Not at all likely\n7\n", Options{})
	c := column(t, p, "Likely to recommend")
	if c.KindText() != "scale 0-10" || p.Respondents().Row(0).Answers[c.QuestionID] != "10" || !p.OK() {
		t.Errorf("%s %v %v", c.KindText(), p.Respondents(), p.Errors)
	}
	// The caller's own words.
	own := LabelSet{Min: 1, Max: 3, Names: []string{"Worse", "Same", "Better"}}
	p = read(t, "Since last year\nbetter\nSame\nworse\n", Options{LabelSets: []LabelSet{own}})
	c = column(t, p, "Since last year")
	if c.KindText() != "scale 1-3" || p.Respondents().Row(0).Answers[c.QuestionID] != "3" {
		t.Errorf("own labels: %s %v", c.KindText(), p.Respondents())
	}
}

func TestEveryBadRowListed(t *testing.T) {
	rows := []string{"Contact method,Ease (1-10),Satisfied?"}
	for i := 0; i < 40; i++ {
		rows = append(rows, "Phone,7,Yes")
	}
	rows[5] = "Phone,11,Yes"          // row 6: out of scale
	rows[9] = "Phone,7"               // row 10: ragged
	rows[12] = "Email,seven-ish,Yes"  // row 13: not a scale point
	rows[20] = "Phone,7,maybe"        // row 21: not yes/no
	rows[30] = "Caf\xe9,7,Yes"        // row 31: Latin-1
	rows[33] = "Ph\x00one,7,Yes"      // row 34: binary
	rows[35] = "Phone,7,Yes,extra"    // row 36: ragged the other way
	rows[38] = "Phone,\"7\" days,Yes" // row 39: bad quotes
	p := read(t, strings.Join(rows, "\n")+"\n", Options{})
	if p.OK() || p.Respondents().Len() != 0 {
		t.Fatal("a file with bad rows must not be importable")
	}
	wantRows := []int{6, 10, 13, 21, 31, 34, 36, 39}
	var got []int
	for _, e := range p.Errors {
		got = append(got, e.Row)
	}
	if len(got) != len(wantRows) {
		t.Fatalf("errors %v", p.Errors)
	}
	for i := range got {
		if got[i] != wantRows[i] {
			t.Fatalf("error rows %v, want %v (%v)", got, wantRows, p.Errors)
		}
	}
	msgs := make([]string, len(p.Errors))
	for i, e := range p.Errors {
		msgs[i] = e.String()
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`row 6, column "Ease (1-10)": "11" is not on the 1-10 scale`,
		"row 10: this row has 2 values but the header row has 3 columns",
		`"seven-ish" is not a number on the 1-10 scale`,
		`"maybe" is not yes or no`,
		"Windows-1252 / Latin-1",
		"binary data (byte 0x00)",
		"row 39: this row cannot be read: a quoted value",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
}

func TestWholeFileProblems(t *testing.T) {
	cases := map[string]struct {
		data string
		want string
	}{
		"empty":        {"", "empty"},
		"blank":        {"\r\n\r\n", "empty"},
		"bom only":     {"\uFEFF", "empty"},
		"utf16 bom":    {"\xff\xfeR\x00e\x00s\x00", "UTF-16"},
		"utf16 no bom": {"R\x00e\x00s\x00p\x00,\x00", "UTF-16"},
		"xlsx":         {"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"},
		"binary":       {"\x01\x02\x03\x04abc\x05\x06\x07\x08\x0b\x0cdef\x0e\x0f,\x10\x11\x12ghi\n", "binary"},
		"latin1 head":  {"Caf\xe9,Score\n", "Latin-1"},
		"bad header":   {"a,\"b\nc", "header row"},
	}
	for name, c := range cases {
		_, err := Read(strings.NewReader(c.data), Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to mention %q", name, err, c.want)
		}
	}
	if _, err := Read(strings.NewReader(""), Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
}

// endless serves a header then one line of n bytes with no newline, without
// holding it in memory, and records how far it was read.
type endless struct {
	head string
	n    int64
	pos  int64
	max  int64
}

func (e *endless) Read(p []byte) (int, error) {
	total := int64(len(e.head)) + e.n
	if e.pos >= total {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && e.pos < total {
		if e.pos < int64(len(e.head)) {
			p[k] = e.head[e.pos]
		} else {
			p[k] = 'x'
		}
		k++
		e.pos++
	}
	e.max = max(e.max, e.pos)
	return k, nil
}

func (e *endless) Seek(off int64, whence int) (int64, error) {
	if whence != io.SeekStart {
		return 0, errors.New("only from the start")
	}
	e.pos = off
	return off, nil
}

func TestGigabyteLineFailsFast(t *testing.T) {
	src := &endless{head: "Score,Comments\n7,", n: 1 << 30}
	_, err := Read(src, Options{})
	if err == nil || !strings.Contains(err.Error(), "line 2 of the file is longer than 1 MB") {
		t.Fatalf("error %v", err)
	}
	if src.max > 2<<20 {
		t.Errorf("read %d bytes of a 1 GB line before giving up", src.max)
	}
	// A quoted value spanning many short lines is bounded by the file limit.
	_, err = Read(bytes.NewReader([]byte("A,B\n1,\""+strings.Repeat("x\n", 3000))), Options{MaxBytes: 4096})
	if err == nil || !strings.Contains(err.Error(), "larger than 4 KB") {
		t.Fatalf("file limit: %v", err)
	}
}

func TestDuplicateAndBlankHeaders(t *testing.T) {
	p := read(t, "Score,Score,,\n1,2,,\n3,4,,\n", Options{})
	if len(p.Columns) != 4 || p.Columns[1].Header != "Score (2)" || p.Columns[2].Header != "Column 3" || p.Columns[2].Kind != Ignore {
		t.Errorf("columns %+v", p.Columns)
	}
}

// TestYesMaybeNoIsAChoice: a yes/no column with "maybe" answers is a
// choice of three, read without errors; one stray word in a yes/no column
// stays a mistake the preview names.
func TestYesMaybeNoIsAChoice(t *testing.T) {
	p := read(t, "Would you recommend us\nyes\nmaybe\nno\nYes\n", Options{})
	c := column(t, p, "Would you recommend us")
	if c.Kind != Choice || !p.OK() {
		t.Fatalf("kind %v, ok %v, errors %v", c.Kind, p.OK(), p.Errors)
	}
	for _, want := range []string{"yes", "maybe", "no"} {
		found := false
		for _, l := range c.Labels {
			found = found || strings.EqualFold(l, want)
		}
		if !found {
			t.Errorf("the choices %q leave out %q", c.Labels, want)
		}
	}
	p = read(t, "Again\nyes\nno\nyes\nno\nyse\nyes\n", Options{})
	if c := column(t, p, "Again"); c.Kind != YesNo || p.OK() {
		t.Fatalf("a typo made the column %v (ok %v)", c.Kind, p.OK())
	}
}
