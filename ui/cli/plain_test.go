package cli

import (
	"bytes"
	"math/rand/v2"
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

// TestPlainWriterRunsMatchSteps: the fast path for plain runs gives the
// same output as stepping every byte, however the input is split between
// writes.
func TestPlainWriterRunsMatchSteps(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte{'a', 'z', ' ', '\n', '\t', 0x1b, '[', ']', '2', 'J', 0x07, '\\', 0x7f, 0xc2, 0x9b, 0x9c, 0x85, 0xa3, 0x00, 0x80}
	for round := range 3000 {
		b := make([]byte, rng.IntN(120))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var want bytes.Buffer
		slow := newPlainWriter(&want)
		for _, c := range b {
			slow.step(c)
		}
		want.Write(slow.out)
		var got bytes.Buffer
		p := newPlainWriter(&got)
		p.started = true // never taken for a binary document
		for rest := b; len(rest) > 0; {
			n := 1 + rng.IntN(len(rest))
			p.Write(rest[:n])
			rest = rest[n:]
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("round %d: %q\nruns  %q\nsteps %q", round, b, got.Bytes(), want.Bytes())
		}
	}
}
