// Package surveycsv reads a survey exported as CSV from a survey tool (one
// row per respondent, a header row) and turns it into a review.Survey.
//
// The file is read once, keeping each column's distinct values and one
// number per cell. Then the values decide what each column is (a scale
// question, yes/no, a choice, free text or a respondent attribute), each
// distinct value is checked against that, and every row that cannot be
// read is listed with its row number and the reason; then nothing can be
// imported.
// Memory stays bounded however the file is damaged: a line longer than
// Options.MaxLineBytes or a file larger than Options.MaxBytes stops the read
// at once with a plain message.
package surveycsv

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Default limits: far beyond any real survey export (100,000 respondents
// answering 20 questions is about 5 MB), small enough to refuse junk fast.
const (
	DefaultMaxLineBytes = 1 << 20   // 1 MiB in one line
	DefaultMaxBytes     = 256 << 20 // 256 MiB in the whole file
)

// errLineTooLong and errTooBig are raised by limitReader and turned into
// plain messages by Read.
type limitError struct {
	line  int   // 1-based line of the file where the limit was passed
	limit int64 // the limit passed
	whole bool  // true: the whole file is too big; false: one line is
}

func (e *limitError) Error() string {
	if e.whole {
		return fmt.Sprintf("the file is larger than %s: this is not a survey export I can read", size(e.limit))
	}
	return fmt.Sprintf("line %d of the file is longer than %s: this does not look like a survey export (or the file is damaged)", e.line, size(e.limit))
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<10 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// limitReader fails as soon as one line or the whole input passes a limit,
// so a 1 GB line costs at most MaxLineBytes of reading, not 1 GB of memory.
type limitReader struct {
	r        io.Reader
	maxLine  int64
	maxTotal int64
	total    int64
	lineLen  int64
	line     int
}

func (l *limitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		end := n
		if j >= 0 {
			end = i + j
		}
		if l.lineLen+int64(end-i) > l.maxLine {
			return i + int(l.maxLine-l.lineLen), &limitError{line: l.line + 1, limit: l.maxLine}
		}
		if j < 0 {
			l.lineLen += int64(end - i)
			break
		}
		l.line++
		l.lineLen = 0
		i = end + 1
	}
	l.total += int64(n)
	if l.total > l.maxTotal {
		return n, &limitError{limit: l.maxTotal, whole: true}
	}
	return n, err
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ErrEncoding and its kin describe whole-file problems found before any row
// is read.
var (
	ErrEmpty = errors.New("the file is empty: there is no header row")
)

// openInput wraps src in the limits, drops a UTF-8 BOM, refuses files that
// are plainly not CSV text, and sniffs the delimiter from the header line.
func openInput(src io.Reader, o *Options) (*bufio.Reader, rune, bool, error) {
	lr := &limitReader{r: &crReader{r: src}, maxLine: int64(o.MaxLineBytes), maxTotal: o.MaxBytes}
	br := bufio.NewReaderSize(lr, 64<<10)
	head, err := br.Peek(64 << 10)
	if err != nil && len(head) == 0 {
		var le *limitError
		if errors.As(err, &le) {
			return nil, 0, false, le
		}
		if err == io.EOF {
			return nil, 0, false, ErrEmpty
		}
		return nil, 0, false, err
	}
	if err := sniffEncoding(head); err != nil {
		return nil, 0, false, err
	}
	bom := bytes.HasPrefix(head, utf8BOM)
	if bom {
		br.Discard(len(utf8BOM))
		head = head[len(utf8BOM):]
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, 0, false, ErrEmpty
	}
	return br, sniffDelimiter(head), bom, nil
}

// sniffEncoding recognises what spreadsheet users most often pick by
// mistake, and says how to fix it.
func sniffEncoding(head []byte) error {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return errors.New("the file is saved as UTF-16 (\"Unicode text\"), not UTF-8: in your spreadsheet choose Save As, then \"CSV UTF-8\", and import that file")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return errors.New("this is an Excel workbook (.xlsx), not a CSV file: in Excel choose Save As, then \"CSV UTF-8\", and import that file")
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return errors.New("this is an old Excel workbook (.xls), not a CSV file: in Excel choose Save As, then \"CSV UTF-8\", and import that file")
	case bytes.HasPrefix(head, []byte("%PDF")):
		return errors.New("this is a PDF document, not a CSV file: export the survey results from the survey tool as CSV")
	}
	sample := head
	if len(sample) > 4096 {
		sample = sample[:4096]
	}
	nul, ctrl, oddNul := 0, 0, 0
	for i, c := range sample {
		switch {
		case c == 0:
			nul++
			ctrl++
			oddNul += i & 1
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			ctrl++
		}
	}
	// UTF-16 text of Latin letters has a zero byte in every other place,
	// nearly always on the same side; a program file has them anywhere.
	sameSide := max(oddNul, nul-oddNul)
	otherCtrl := ctrl - nul
	// A stray byte is reported on its row; a file full of them is refused.
	if nul*3 >= len(sample) && sameSide*10 >= nul*9 && otherCtrl*20 < len(sample) {
		return errors.New("the file looks like UTF-16 text (\"Unicode text\"), not UTF-8: in your spreadsheet choose Save As, then \"CSV UTF-8\", and import that file")
	}
	if ctrl*20 >= len(sample) {
		return errors.New("the file contains binary data, not text: it is not a CSV file")
	}
	return nil
}

// sniffDelimiter counts commas, semicolons and tabs outside quotes in the
// first line; spreadsheets in much of Europe write semicolons.
func sniffDelimiter(head []byte) rune {
	counts := map[byte]int{}
	inQuote := false
	for _, c := range head {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' {
			break
		}
		if c == ',' || c == ';' || c == '\t' {
			counts[c]++
		}
	}
	best, bestN := byte(','), counts[',']
	for _, c := range []byte{';', '\t'} {
		if counts[c] > bestN {
			best, bestN = c, counts[c]
		}
	}
	return rune(best)
}

// textProblem says why a value is not readable text, or "" when it is.
func textProblem(s string) string {
	if utf8.ValidString(s) {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return fmt.Sprintf("it contains binary data (byte 0x%02X), not text", c)
			}
		}
		return ""
	}
	if looksLatin1(s) {
		return "it is not UTF-8 text: the file looks like it was saved as Windows-1252 / Latin-1 (for example £ or é from older Excel); save it as \"CSV UTF-8\" and import it again"
	}
	return "it contains bytes that are not UTF-8 text (binary data or a damaged file)"
}

// looksLatin1 reports whether the invalid bytes of s are the printable
// Windows-1252 range, as a legacy "CSV (comma delimited)" save produces.
func looksLatin1(s string) bool {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			if s[i] < 0x80 || s[i] == 0x81 || s[i] == 0x8D || s[i] == 0x8F || s[i] == 0x90 || s[i] == 0x9D {
				return false
			}
		}
		i += w
	}
	return true
}

// hasControls reports a valid UTF-8 value with control characters that
// review.Clean removes: C0 other than NUL, tab, newline and carriage
// return, DEL, and C1. A value that is not UTF-8 is left to textProblem.
func hasControls(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		// A zero byte is the mark of binary data, not of pasted text:
		// the row is reported, as before.
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
			return utf8.ValidString(s)
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return utf8.ValidString(s)
		}
	}
	return false
}

// crReader turns lone carriage returns (the line ends of old Mac
// spreadsheets) into newlines, leaving CR LF as it is, so such a file reads
// as rows instead of one long line with no answers.
type crReader struct {
	r    io.Reader
	held bool // a CR ended the last chunk: its meaning waits for the next byte
	pend []byte
	buf  [32 << 10]byte
	err  error
}

func (c *crReader) Read(p []byte) (int, error) {
	for len(c.pend) == 0 {
		if c.err != nil {
			if !c.held {
				return 0, c.err
			}
			c.held = false
			c.pend = append(c.pend[:0], '\n')
			break
		}
		n, err := c.r.Read(c.buf[:])
		c.err = err
		if n == 0 && err == nil {
			return 0, nil
		}
		out := c.pend[:0]
		in := c.buf[:n]
		if c.held && n > 0 {
			c.held = false
			if in[0] == '\n' {
				out = append(out, '\r')
			} else {
				out = append(out, '\n')
			}
		}
		for i, b := range in {
			switch {
			case b != '\r':
				out = append(out, b)
			case i+1 < n && in[i+1] == '\n':
				out = append(out, '\r')
			case i+1 < n:
				out = append(out, '\n')
			default:
				c.held = true
			}
		}
		c.pend = out
	}
	n := copy(p, c.pend)
	c.pend = c.pend[n:]
	return n, nil
}
