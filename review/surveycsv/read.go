package surveycsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"scrutiny/review"
)

// Kind is what a column of the file becomes.
type Kind string

const (
	Scale     Kind = "scale"     // a numeric scale question (labels mapped to points)
	YesNo     Kind = "yes/no"    // a yes/no question
	Choice    Kind = "choice"    // a single-choice question
	FreeText  Kind = "free text" // comments
	Attribute Kind = "attribute" // about the respondent: contact method, area...
	Ignore    Kind = "ignore"    // left out of the import
)

// Kinds lists every column kind, for screens that let the user choose.
var Kinds = []Kind{Scale, YesNo, Choice, FreeText, Attribute, Ignore}

// Options let the caller decide what the sniffing would otherwise guess.
type Options struct {
	// Kinds chooses the kind of a column by its header (case-insensitive).
	Kinds map[string]Kind
	// Scales fixes the range of a scale column by its header: {1, 10}.
	Scales map[string][2]int
	// LabelSets are the caller's own scale words; they win over
	// DefaultLabelSets, which are always tried after them.
	LabelSets []LabelSet
	// PreviewRows is how many rows the preview keeps (default 5).
	PreviewRows  int
	MaxLineBytes int   // default DefaultMaxLineBytes
	MaxBytes     int64 // default DefaultMaxBytes
}

func (o Options) withDefaults() Options {
	if o.PreviewRows <= 0 {
		o.PreviewRows = 5
	}
	if o.MaxLineBytes <= 0 {
		o.MaxLineBytes = DefaultMaxLineBytes
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	return o
}

func lookup[V any](m map[string]V, header string) (V, bool) {
	if v, ok := m[header]; ok {
		return v, true
	}
	for k, v := range m {
		if strings.EqualFold(strings.TrimSpace(k), strings.TrimSpace(header)) {
			return v, true
		}
	}
	var zero V
	return zero, false
}

// Column is one column of the file and what it will become.
type Column struct {
	Index  int
	Header string
	Kind   Kind
	// Why says in plain words why the kind was chosen.
	Why      string
	Min, Max int      // scale range
	Labels   []string // scale labels from Min up, or the choices
	// QuestionID is the ID the question gets (question kinds only), so
	// respondents' answers can refer to it before the survey is saved.
	// Question IDs only need to be unique within their survey (questions
	// are stored inside it), so they are short, "q1", "q2"...: every
	// respondent's answers are keyed by them, and 36-character UUIDs would
	// make a 100,000-row import write five times as much.
	QuestionID string
	Answered   int // values read (scale points, yes/no, choices, text)
	Excluded   int // "Don't know" / "N/A"
	Blank      int // no answer
}

// IsQuestion reports whether the column becomes a survey question.
func (c Column) IsQuestion() bool {
	return c.Kind == Scale || c.Kind == YesNo || c.Kind == Choice || c.Kind == FreeText
}

// KindText describes the kind for people: "scale 1-10", "yes/no".
func (c Column) KindText() string {
	if c.Kind == Scale {
		return fmt.Sprintf("scale %d-%d", c.Min, c.Max)
	}
	return string(c.Kind)
}

// RowError is a row that could not be read. Rows are numbered as a
// spreadsheet shows them: the header is row 1, the first answers row 2.
type RowError struct {
	Row    int
	Column string // empty when the whole row is wrong
	Reason string
}

func (e RowError) String() string {
	if e.Column == "" {
		return fmt.Sprintf("row %d: %s", e.Row, e.Reason)
	}
	return fmt.Sprintf("row %d, column %q: %s", e.Row, e.Column, e.Reason)
}

// Preview is what the file holds and what importing it would do.
type Preview struct {
	Columns   []Column
	Sample    [][]string // the first rows as they are in the file
	Rows      int        // rows of answers (not the header, not blank rows)
	BlankRows int        // rows with nothing in them, skipped
	Delimiter rune       // ',' or ';' (or tab)
	BOM       bool       // the file started with a UTF-8 byte order mark
	// Cleaned counts the cells whose control characters (an escape
	// sequence, a bell, C1 codes pasted into a free-text answer) were
	// removed: the answer is kept without them.
	Cleaned int
	// Errors lists every row that could not be read. When it is not
	// empty nothing can be imported.
	Errors []RowError
	cells  cells
}

// OK reports whether the file can be imported.
func (p *Preview) OK() bool { return len(p.Errors) == 0 }

// Respondents hands the rows over in columns, one per question and one
// per attribute header (columns sharing a header share it, the last
// non-blank value winning); empty when there are errors. The respondents'
// IDs are blank until the survey is imported.
func (p *Preview) Respondents() review.Respondents {
	if !p.OK() {
		return review.Respondents{}
	}
	c := &p.cells
	n := c.rows()
	column := func(i int) []uint32 {
		codes := make([]uint32, n)
		for r := range codes {
			codes[r] = c.codes[r*c.ncols+i]
		}
		return codes
	}
	var answers, attrs []review.Column
	attrAt := map[string]int{}
	for i, col := range p.Columns {
		switch {
		case col.IsQuestion():
			answers = append(answers, review.NewColumn(col.QuestionID, c.values[i], column(i)))
		case col.Kind == Attribute:
			codes := column(i)
			k, seen := attrAt[col.Header]
			if !seen {
				attrAt[col.Header] = len(attrs)
				attrs = append(attrs, review.Column{Key: col.Header, Values: c.values[i], Codes: codes})
				continue
			}
			attrs[k] = mergeColumns(attrs[k], c.values[i], codes)
		}
	}
	for k := range attrs {
		attrs[k] = review.NewColumn(attrs[k].Key, attrs[k].Values, attrs[k].Codes)
	}
	return review.NewRespondents(make([]string, n), attrs, answers)
}

// mergeColumns lays a later column of the same header over an earlier one:
// where the later has a value, it wins.
func mergeColumns(early review.Column, values []string, codes []uint32) review.Column {
	vals := append([]string(nil), early.Values...)
	at := make(map[string]uint32, len(vals))
	for i, v := range vals {
		at[v] = uint32(i)
	}
	remap := make([]uint32, len(values))
	for i, v := range values[1:] {
		k, ok := at[v]
		if !ok {
			k = uint32(len(vals))
			at[v] = k
			vals = append(vals, v)
		}
		remap[i+1] = k
	}
	out := append([]uint32(nil), early.Codes...)
	for r, code := range codes {
		if code != 0 {
			out[r] = remap[code]
		}
	}
	return review.Column{Key: early.Key, Values: vals, Codes: out}
}

// ReadFile reads and checks a CSV file; see Read. A pipe or a FIFO, which
// cannot be read twice, is read into memory first (within MaxBytes).
func ReadFile(path string, o Options) (*Preview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, plainOSError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a CSV file", path)
	}
	if err == nil && !st.Mode().IsRegular() {
		p, err := ReadStream(f, o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return p, nil
	}
	p, err := Read(f, o)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

func plainOSError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("there is no such file")
	case errors.Is(err, os.ErrPermission):
		return errors.New("you do not have permission to read it")
	}
	return err
}

// ReadStream is Read for a source that can be read only once (standard
// input, a pipe): it is read into memory first, within MaxBytes.
func ReadStream(r io.Reader, o Options) (*Preview, error) {
	o = o.withDefaults()
	b, err := io.ReadAll(io.LimitReader(r, o.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > o.MaxBytes {
		return nil, &limitError{limit: o.MaxBytes, whole: true}
	}
	return Read(bytes.NewReader(b), o)
}

// Read checks every row of a CSV export and works out its columns. A
// returned error means the file as a whole cannot be read (not UTF-8 text,
// empty, a line too long); problems with single rows are in Preview.Errors.
func Read(src io.ReadSeeker, o Options) (*Preview, error) {
	o = o.withDefaults()
	p := &Preview{}
	sets := append(append([]LabelSet{}, o.LabelSets...), DefaultLabelSets...)
	labels := buildLabelIndex(sets)
	r := &reader{p: p, sampleN: o.PreviewRows}
	if size, err := src.Seek(0, io.SeekEnd); err == nil {
		r.size = size
	}
	header, err := eachRecord(src, &o, p, r.row, r.header)
	if err != nil {
		return nil, err
	}
	// Decide what each column is from its distinct values and their counts.
	p.Columns = make([]Column, len(header))
	nq := 0
	for i, h := range header {
		st := newColStat()
		raw := r.cols[i]
		for id := 1; id < len(raw.vals); id++ {
			st.add(raw.vals[id], raw.counts[id], labels)
		}
		p.Columns[i] = decide(i, h, st, &o, sets)
		if p.Columns[i].IsQuestion() {
			nq++
			p.Columns[i].QuestionID = "q" + strconv.Itoa(nq)
		}
	}
	r.finish(labels)
	return p, nil
}

// eachRecord runs fn over every data row. The header is checked and named
// first; onHeader (if set) sees the names.
func eachRecord(src io.ReadSeeker, o *Options, p *Preview, fn func(row int, rec []string, perr error), onHeader func([]string)) ([]string, error) {
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	br, delim, bom, err := openInput(src, o)
	if err != nil {
		return nil, err
	}
	if p != nil {
		p.Delimiter, p.BOM = delim, bom
	}
	cr := csv.NewReader(br)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rec, err := cr.Read()
	if err != nil {
		return nil, headerError(err)
	}
	header, err := headerNames(rec)
	if err != nil {
		return nil, err
	}
	if onHeader != nil {
		onHeader(header)
	}
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return header, nil
		}
		var le *limitError
		if errors.As(err, &le) {
			return nil, le
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return nil, err
		}
		if pe != nil {
			fn(row, nil, pe)
			continue
		}
		fn(row, rec, nil)
	}
}

func headerError(err error) error {
	var le *limitError
	if errors.As(err, &le) {
		return le
	}
	if err == io.EOF {
		return ErrEmpty
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("the header row (row 1) cannot be read: %s", quoteProblem(pe))
	}
	return err
}

func quoteProblem(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return "a quote mark (\") appears in the middle of a value that is not itself in quotes"
	case errors.Is(pe.Err, csv.ErrQuote):
		return "a quoted value is never closed or has text after its closing quote; the rest of the file may have been swallowed by it"
	}
	return pe.Err.Error()
}

// headerNames names blank headers "Column N" and makes repeats distinct.
func headerNames(rec []string) ([]string, error) {
	out := make([]string, len(rec))
	seen := map[string]int{}
	for i, h := range rec {
		h = strings.TrimSpace(h)
		if why := textProblem(h); why != "" {
			return nil, fmt.Errorf("the header row (row 1) cannot be read: %s", why)
		}
		if h == "" {
			h = "Column " + strconv.Itoa(i+1)
		}
		key := strings.ToLower(h)
		seen[key]++
		if n := seen[key]; n > 1 {
			h = fmt.Sprintf("%s (%d)", h, n)
		}
		out[i] = h
	}
	if len(out) == 1 && out[0] == "Column 1" {
		return nil, ErrEmpty
	}
	return out, nil
}
