package store

import (
	"bytes"
	"fmt"
	"io"
)

// controlEscaper writes JSON with C1 control characters (U+0080 to U+009F)
// and DEL escaped as \u00XX. encoding/json escapes only the C0 controls,
// and an 8-bit CSI in a topic would otherwise reach a terminal the bundle
// is printed on. In JSON these bytes can only be inside strings, where an
// escape means the same character, so the bundle reads back unchanged.
type controlEscaper struct {
	w      io.Writer
	c2     bool // the last byte written was 0xC2, held back
	out    []byte
	failed error
}

func (e *controlEscaper) Write(b []byte) (int, error) {
	if e.failed != nil {
		return 0, e.failed
	}
	// Most of a bundle has neither byte: such a buffer is passed on
	// whole, and one that has them is copied in runs between them.
	if !e.c2 && bytes.IndexByte(b, 0xc2) < 0 && bytes.IndexByte(b, 0x7f) < 0 {
		if _, err := e.w.Write(b); err != nil {
			e.failed = err
			return 0, err
		}
		return len(b), nil
	}
	e.out = e.out[:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if e.c2 {
			e.c2 = false
			if c >= 0x80 && c <= 0x9f {
				e.out = fmt.Appendf(e.out, `\u%04x`, c)
				continue
			}
			e.out = append(e.out, 0xc2)
		}
		switch c {
		case 0xc2:
			e.c2 = true
		case 0x7f:
			e.out = append(e.out, `\u007f`...)
		default:
			// Copy up to the next byte that needs a look.
			j := i + 1
			for j < len(b) && b[j] != 0xc2 && b[j] != 0x7f {
				j++
			}
			e.out = append(e.out, b[i:j]...)
			i = j - 1
		}
	}
	if _, err := e.w.Write(e.out); err != nil {
		e.failed = err
		return 0, err
	}
	return len(b), nil
}

// flush writes a held-back 0xC2 (the end of the output cannot complete it).
func (e *controlEscaper) flush() error {
	if !e.c2 || e.failed != nil {
		return e.failed
	}
	e.c2 = false
	_, err := e.w.Write([]byte{0xc2})
	return err
}
