package cli

import (
	"bytes"
	bin "encoding/binary"
	"fmt"
	"io"
)

// plainWriter is what every command writes to the screen and to text
// files through: it drops terminal control sequences (CSI, OSC, DCS, SOS,
// PM and APC, in their 7-bit and 8-bit forms) and C0 and C1 control
// characters except newline and tab. The report builders already clean
// the text they are given; this catches every other path (a member's name
// in a table, a message quoting a file), so a name typed or imported with
// an escape sequence can never clear a screen or retitle a window. It also
// remembers the first write error, so a command whose output could not be
// written (a full disk, /dev/full, a closed pipe) does not exit 0.
type plainWriter struct {
	w     io.Writer
	state plainState
	err   error
	out   []byte
	// raw is set when the output turns out to be a binary document (a
	// workbook or a Word file, which are zip archives, or a PDF): those
	// are not text, and their bytes pass untouched.
	raw, started bool
}

type plainState int

const (
	pText      plainState = iota
	pC2                   // after 0xC2 in text: the next byte may make a C1 control
	pEsc                  // after ESC
	pCSI                  // in a control sequence, until its final byte
	pString               // in OSC, DCS..., until BEL or ST
	pStringEsc            // ESC inside a string: a backslash ends it
	pStringC2             // 0xC2 inside a string: 0x9C (ST) ends it
)

func newPlainWriter(w io.Writer) *plainWriter { return &plainWriter{w: w} }

// Unwrap gives the writer underneath (to ask whether it is a terminal).
func (p *plainWriter) Unwrap() io.Writer { return p.w }

func (p *plainWriter) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	if !p.started && len(b) > 0 {
		p.started = true
		p.raw = bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("%PDF"))
	}
	if p.raw {
		n, err := p.w.Write(b)
		if err != nil {
			p.err = err
		}
		return n, err
	}
	// Text with nothing to drop (almost all of a report or a bundle) is
	// passed on whole, or copied in runs; only the bytes that may start
	// or be part of a control go through step.
	if p.state == pText && plainRun(b) == len(b) {
		if _, err := p.w.Write(b); err != nil {
			p.err = err
			return 0, err
		}
		return len(b), nil
	}
	p.out = p.out[:0]
	for i := 0; i < len(b); {
		if p.state == pText {
			if n := plainRun(b[i:]); n > 0 {
				p.out = append(p.out, b[i:i+n]...)
				i += n
				continue
			}
		}
		p.step(b[i])
		i++
	}
	if len(p.out) > 0 {
		if _, err := p.w.Write(p.out); err != nil {
			p.err = err
			return 0, err
		}
	}
	return len(b), nil
}

// plainRun is how many bytes at the start of b are text that passes as
// it is: none below 0x20 (ESC, and the newline and tab that step keeps
// too), no DEL and no 0xC2 (which may start a C1 control). Eight bytes are
// looked at at once while none of them is one of those.
func plainRun(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := bin.LittleEndian.Uint64(b[i:])
		below := (x - ones*0x20) &^ x & highs
		del, c2 := x^(ones*0x7f), x^(ones*0xc2)
		if below|((del-ones)&^del&highs)|((c2-ones)&^c2&highs) != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c < 0x20 || c == 0x7f || c == 0xc2 {
			break
		}
	}
	return i
}

func (p *plainWriter) step(c byte) {
	switch p.state {
	case pText:
		switch {
		case c == 0x1b:
			p.state = pEsc
		case c == 0xc2:
			p.state = pC2
		case c == '\n' || c == '\t':
			p.out = append(p.out, c)
		case c < 0x20 || c == 0x7f:
			// dropped
		default:
			p.out = append(p.out, c)
		}
	case pC2:
		p.state = pText
		switch {
		case c == 0x9b:
			p.state = pCSI
		case c == 0x90 || c == 0x9d || c == 0x98 || c == 0x9e || c == 0x9f:
			p.state = pString
		case c >= 0x80 && c <= 0x9f:
			// another C1 control: dropped
		default:
			p.out = append(p.out, 0xc2)
			p.step(c)
		}
	case pEsc:
		p.state = pText
		switch c {
		case '[':
			p.state = pCSI
		case ']', 'P', 'X', '^', '_':
			p.state = pString
		default:
			if c < 0x20 || c >= 0x80 {
				p.step(c)
			}
			// else a two-byte escape: both dropped
		}
	case pCSI:
		switch {
		case c >= 0x40 && c <= 0x7e:
			p.state = pText
		case c < 0x20 || c >= 0x80:
			// Not a control sequence after all: end it here rather
			// than swallow the text that follows.
			p.state = pText
			p.step(c)
		}
	case pString, pStringEsc, pStringC2:
		prev := p.state
		p.state = pString
		switch {
		case c == 0x07:
			p.state = pText
		case prev == pStringEsc && c == '\\':
			p.state = pText
		case prev == pStringC2 && c == 0x9c:
			p.state = pText
		case c == 0x1b:
			p.state = pStringEsc
		case c == 0xc2:
			p.state = pStringC2
		case c == '\n':
			// An unterminated string ends at the line: the rest of
			// the output is not lost with it.
			p.state = pText
			p.out = append(p.out, c)
		}
	}
}

// failed is the first write error, as a plain sentence.
func (p *plainWriter) failed(what string) error {
	if p.err == nil {
		return nil
	}
	return fmt.Errorf("could not write %s: %v", what, p.err)
}
