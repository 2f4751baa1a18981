package surveycsv

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"scrutiny/review"
)

// builder is pass 2: it checks each row against the columns' kinds and,
// while no row has failed, keeps the answers. They are kept compactly (one
// number per cell, pointing into a list of each column's values) and only
// become review.Respondent maps when the survey is made: 100,000 rows of
// 20 answers take 8 MB this way, against 120 MB as maps.
type builder struct {
	p       *Preview
	labels  labelIndex
	sampleN int
	points  []string // "0".."10", shared by every answer
	// codes remembers, per column, what each value seen became.
	codes    []map[string]cachedCode
	building bool
}

type cachedCode struct {
	code uint32
	why  string
}

// cells holds the answers of every row: row r, column c is
// codes[r*ncols+c], an index into values[c]; 0 is "no answer".
type cells struct {
	ncols  int
	codes  []uint32
	values [][]string
}

func (c *cells) rows() int {
	if c.ncols == 0 {
		return 0
	}
	return len(c.codes) / c.ncols
}

const maxInterned = 1000

func newBuilder(p *Preview, labels labelIndex, sampleN int) *builder {
	b := &builder{p: p, labels: labels, sampleN: sampleN, building: true}
	for i := 0; i <= 10; i++ {
		b.points = append(b.points, strconv.Itoa(i))
	}
	b.codes = make([]map[string]cachedCode, len(p.Columns))
	p.cells = cells{ncols: len(p.Columns), values: make([][]string, len(p.Columns))}
	for i := range p.Columns {
		b.codes[i] = map[string]cachedCode{}
		p.cells.values[i] = []string{""}
	}
	return b
}

func (b *builder) fail(e RowError) {
	b.p.Errors = append(b.p.Errors, e)
	b.building = false
	b.p.cells.codes = nil
}

// code returns the number standing for a value of column i, or why the
// value cannot be read.
func (b *builder) code(i int, c *Column, v string) (uint32, string) {
	if cc, ok := b.codes[i][v]; ok {
		return cc.code, cc.why
	}
	var cc cachedCode
	ans, why := "", textProblem(v)
	if why == "" {
		if c.Kind == Attribute {
			ans = strings.Clone(v)
		} else {
			ans, why = b.answer(c, v)
		}
	}
	if why == "" {
		vals := &b.p.cells.values[i]
		cc.code = uint32(len(*vals))
		*vals = append(*vals, ans)
	}
	cc.why = why
	if len(b.codes[i]) < maxInterned {
		b.codes[i][strings.Clone(v)] = cc
	}
	return cc.code, cc.why
}

// fit accepts a row with the header's number of values, or with extra
// values that are all blank (some tools pad rows with separators).
func fit(rec []string, n int) ([]string, bool) {
	if len(rec) < n {
		return rec, false
	}
	for _, v := range rec[n:] {
		if strings.TrimSpace(v) != "" {
			return rec, false
		}
	}
	return rec[:n], true
}

func blankRow(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func (b *builder) row(row int, rec []string, perr error) {
	p := b.p
	if perr != nil {
		pe, _ := perr.(*csv.ParseError)
		reason := perr.Error()
		if pe != nil {
			reason = quoteProblem(pe)
		}
		b.fail(RowError{Row: row, Reason: "this row cannot be read: " + reason})
		return
	}
	if blankRow(rec) {
		p.BlankRows++
		return
	}
	if len(p.Sample) < b.sampleN {
		p.Sample = append(p.Sample, append([]string(nil), rec...))
	}
	p.Rows++
	rec, ok := fit(rec, len(p.Columns))
	if !ok {
		b.fail(RowError{Row: row, Reason: fmt.Sprintf("this row has %d values but the header row has %d columns", len(rec), len(p.Columns))})
		return
	}
	base := len(p.cells.codes)
	if b.building {
		for range p.Columns {
			p.cells.codes = append(p.cells.codes, 0)
		}
	}
	for i := range p.Columns {
		c := &p.Columns[i]
		if c.Kind == Ignore {
			continue
		}
		v := strings.TrimSpace(rec[i])
		if v == "" {
			c.Blank++
			continue
		}
		code, why := b.code(i, c, v)
		if why != "" {
			b.fail(RowError{Row: row, Column: c.Header, Reason: why})
			continue
		}
		if c.Kind != Attribute && p.cells.values[i][code] == review.Excluded {
			c.Excluded++
		} else {
			c.Answered++
		}
		if b.building {
			p.cells.codes[base+i] = code
		}
	}
}

// answer turns one value into the stored answer, or says why it cannot.
func (b *builder) answer(c *Column, v string) (string, string) {
	if isExcludedAnswer(v) {
		return review.Excluded, ""
	}
	switch c.Kind {
	case Scale:
		n, ok := leadingPoint(v)
		if !ok {
			h, known := b.labels[normLabel(v)]
			if !known {
				return "", fmt.Sprintf("%q is not a number on the %d-%d scale or a scale word I know", clip(v), c.Min, c.Max)
			}
			n = h.point
		}
		if n < c.Min || n > c.Max {
			return "", fmt.Sprintf("%q is not on the %d-%d scale", clip(v), c.Min, c.Max)
		}
		if n <= 10 {
			return b.points[n], ""
		}
		return strconv.Itoa(n), ""
	case YesNo:
		yn, ok := review.YesNo(v)
		if !ok {
			return "", fmt.Sprintf("%q is not yes or no", clip(v))
		}
		return yn, ""
	}
	return strings.Clone(v), ""
}

// clip shortens a value quoted in a message.
func clip(v string) string {
	if len(v) <= 40 {
		return v
	}
	cut := 40
	for cut > 0 && v[cut]&0xC0 == 0x80 {
		cut--
	}
	return v[:cut] + "…"
}
