package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// escapeSlowly is what controlEscaper must write for all of b: every DEL
// and every UTF-8 C1 control (0xC2 0x80 to 0xC2 0x9F) as \u00XX.
func escapeSlowly(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == 0x7f:
			out = append(out, `\u007f`...)
		case b[i] == 0xc2 && i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] <= 0x9f:
			out = fmt.Appendf(out, `\u%04x`, b[i+1])
			i++
		default:
			out = append(out, b[i])
		}
	}
	return out
}

// TestControlEscaperInChunks: however the bytes are split between writes,
// including a 0xC2 at the end of one write and its second byte at the
// start of the next, the output is the same.
func TestControlEscaperInChunks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{'a', '"', 0x7f, 0xc2, 0x80, 0x9b, 0x9f, 0xa0, 0xa3, 0xc3}
	for round := range 2000 {
		b := make([]byte, rng.IntN(200))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var got bytes.Buffer
		e := &controlEscaper{w: &got}
		for rest := b; len(rest) > 0; {
			n := 1 + rng.IntN(len(rest))
			if _, err := e.Write(rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
		}
		if err := e.flush(); err != nil {
			t.Fatal(err)
		}
		if want := escapeSlowly(b); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("round %d: %q\ngot  %q\nwant %q", round, b, got.Bytes(), want)
		}
	}
}
