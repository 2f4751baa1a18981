package cli

import (
	"bytes"
	"testing"
)

// The filter gives the same text however the output is cut into writes,
// and never swallows the text after an unterminated sequence.
func TestPlainWriterDropsControlsAcrossWrites(t *testing.T) {
	for in, want := range map[string]string{
		"Pat\x1b]0;title\x07 Smith\n":     "Pat Smith\n",
		"a\x1b[2Jb\u009b31mc\u0085d\n":    "abcd\n",
		"é £ ü\t\n":                       "é £ ü\t\n",
		"\x1b]0;never ended\nnext line\n": "\nnext line\n",
		"bell\x07 del\x7f cr\r\n":         "bell del cr\n",
		"\u009d8;;http://x\u009clink\n":   "link\n",
		"\x1bPdcs\x1b\\after\n":           "after\n",
	} {
		for cut := 0; cut <= len(in); cut++ {
			var b bytes.Buffer
			p := newPlainWriter(&b)
			p.Write([]byte(in[:cut]))
			p.Write([]byte(in[cut:]))
			if b.String() != want {
				t.Fatalf("%q cut at %d gave %q, want %q", in, cut, b.String(), want)
			}
		}
	}
}
