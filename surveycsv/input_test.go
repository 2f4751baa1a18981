package surveycsv

import (
	"errors"
	"io"
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
