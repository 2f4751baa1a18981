package surveycsv

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// TestLineLimitEdges: a line of exactly the limit passes, one byte more is
// refused at the right line, however the reads fall.
func TestLineLimitEdges(t *testing.T) {
	const max = 10
	for _, tc := range []struct {
		text string
		line int // 0: no error
	}{
		{strings.Repeat("a", max) + "\n" + strings.Repeat("b", max) + "\n", 0},
		{strings.Repeat("a", max), 0},
		{"a\n" + strings.Repeat("b", max+1) + "\nc\n", 2},
		{"\n\n\n" + strings.Repeat("b", max+1), 4},
	} {
		for _, slow := range []bool{false, true} {
			var src io.Reader = strings.NewReader(tc.text)
			if slow {
				src = iotest.OneByteReader(src)
			}
			lr := &limitReader{r: src, maxLine: max, maxTotal: 1 << 20}
			got, err := io.ReadAll(lr)
			var le *limitError
			switch {
			case tc.line == 0 && err != nil:
				t.Errorf("%q (one byte at a time %v): %v", tc.text, slow, err)
			case tc.line != 0 && (!errors.As(err, &le) || le.line != tc.line):
				t.Errorf("%q (one byte at a time %v): want line %d, got %v", tc.text, slow, tc.line, err)
			case tc.line != 0 && !strings.HasSuffix(string(got), strings.Repeat("b", max)):
				t.Errorf("%q: read %q before refusing", tc.text, got)
			}
		}
	}
}

// TestRowsAfterSizeGuess: the room made after the first rows (guessed
// from the file's size) holds every row, whether the guess was low or
// high, and the answers land in the right rows.
func TestRowsAfterSizeGuess(t *testing.T) {
	for _, tail := range []string{"", strings.Repeat("x", 200)} {
		var b strings.Builder
		b.WriteString("Method,Score\n")
		n := 3 * sizeRows
		for i := range n {
			m := "Phone"
			if i >= sizeRows {
				m += tail // later rows far longer (or not) than the first
			}
			b.WriteString(m + "," + strconv.Itoa(i%10+1) + "\n")
		}
		p, err := Read(strings.NewReader(b.String()), Options{Kinds: map[string]Kind{"Method": Attribute}})
		if err != nil || !p.OK() || p.Rows != n {
			t.Fatalf("rows %d of %d, %v %v", p.Rows, n, err, p.Errors)
		}
		rs := p.Respondents().List()
		for i, r := range rs {
			if got := r.Answers["q1"]; got != strconv.Itoa(i%10+1) {
				t.Fatalf("row %d: answer %q", i, got)
			}
		}
	}
}
