package surveycsv

import (
	"strings"
	"testing"
)

// Control characters pasted into a free-text answer no longer refuse the
// whole file: the answer is kept without them, and the preview counts the
// cells cleaned. A zero byte still marks a row as binary.
func TestControlCharactersInAnswersAreRemoved(t *testing.T) {
	src := "Contact method,Ease (1-10),Comments\n" +
		"Phone,7,\"Good \x1b]0;PWNED\x07\x1b[2Jservice\"\n" +
		"Email,8,Rang\x07 back \u009b31mquickly\n" +
		"Phone,6,Fine\n"
	p := read(t, src, Options{})
	if !p.OK() {
		t.Fatalf("errors: %v", p.Errors)
	}
	if p.Cleaned != 2 {
		t.Errorf("cleaned %d cells, want 2", p.Cleaned)
	}
	if !strings.Contains(p.Describe(), "removed from 2 cells") {
		t.Errorf("the preview does not say so:\n%s", p.Describe())
	}
	c := column(t, p, "Comments")
	var got []string
	rs := p.Respondents()
	for i := 0; i < rs.Len(); i++ {
		got = append(got, rs.Answer(i, c.QuestionID))
	}
	if strings.Join(got, "|") != "Good service|Rang back quickly|Fine" {
		t.Errorf("answers %q", got)
	}
}

// Lines ended by a lone carriage return (old Mac spreadsheets) are rows.
func TestLoneCarriageReturnsEndRows(t *testing.T) {
	p := read(t, "Contact method,Ease (1-10)\rPhone,7\rEmail,8\rPhone,9\r", Options{})
	if !p.OK() || p.Rows != 3 {
		t.Fatalf("rows %d, errors %v", p.Rows, p.Errors)
	}
	// A quoted answer over two lines with CR LF inside keeps its break.
	p = read(t, "Comments,Ease (1-10)\r\n\"two\r\nlines\",7\r\n", Options{})
	if !p.OK() || p.Rows != 1 {
		t.Fatalf("CR LF file: rows %d, errors %v", p.Rows, p.Errors)
	}
}

// A source that can be read only once (standard input, a pipe) is read.
func TestReadStream(t *testing.T) {
	p, err := ReadStream(strings.NewReader("Contact method,Ease (1-10)\nPhone,7\nEmail,8\n"), Options{})
	if err != nil || !p.OK() || p.Rows != 2 {
		t.Fatalf("%v %+v", err, p)
	}
	if _, err := ReadStream(strings.NewReader(strings.Repeat("x", 2000)), Options{MaxBytes: 1000}); err == nil {
		t.Error("a stream over the size limit was read")
	}
}
