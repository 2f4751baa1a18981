// Package measurecsv reads a table of measure results as landlords publish
// them (a header row, then one row per measure and period: code, period,
// value, base) and checks every row before anything is imported. It reads
// an io.Reader and imports no store: the command line writes what it gives.
package measurecsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"scrutiny/review"
)

// MaxBytes is far beyond any published results table (22 measures over 20
// years by 50 localities is about 1 MB) and small enough to refuse junk fast.
const MaxBytes = 16 << 20

// Row is one result the file gives, with its line in the file.
type Row struct {
	Line    int
	Code    string // canonical: "TP01", "RP02 (1)", or a panel indicator's code
	Measure review.Measure
	Result  review.Result
}

// Problem is a row that cannot be read, and why.
type Problem struct {
	Line   int
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("row %d: %s", p.Line, p.Reason) }

// Preview is what a file would import: every row, or the problems.
type Preview struct {
	Rows     []Row
	Problems []Problem
}

// OK reports whether every row can be read, so the import may go ahead.
func (p *Preview) OK() bool { return len(p.Problems) == 0 && len(p.Rows) > 0 }

// Lookup finds one of the panel's own measures by its code (any case).
type Lookup func(code string) (review.Measure, bool)

// The headers each column may have. Only code, period and value must be
// there; the rest may be left out.
var headers = map[string][]string{
	"code":     {"code", "measure", "tsm", "measure code", "indicator"},
	"period":   {"period", "year", "quarter", "month"},
	"value":    {"value", "result", "score", "figure", "%", "percentage"},
	"base":     {"base", "n", "responses", "number of responses", "homes", "out of"},
	"target":   {"target"},
	"group_by": {"group by", "split by", "split"},
	"group":    {"group", "locality", "area", "tenure"},
	"source":   {"source"},
	// The comparator is the panel's own addition to a published table
	// (for example the peer median), so it must say where it came from.
	"comparator":        {"comparator", "peer median", "benchmark"},
	"comparator_source": {"comparator source", "comparator from", "benchmark source"},
}

// Read reads the file. A code that is neither a line of the TSM catalogue
// nor one the panel has (known), a period that cannot be read, a value out
// of range for the measure, and a row that repeats an earlier one are each
// named with their row; nothing may then be imported.
func Read(src io.Reader, known Lookup) (*Preview, error) {
	raw, err := io.ReadAll(io.LimitReader(src, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxBytes {
		return nil, fmt.Errorf("the file is larger than %d MB: this is not a table of results", MaxBytes>>20)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	switch {
	case len(bytes.TrimSpace(raw)) == 0:
		return nil, errors.New("the file is empty")
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")):
		return nil, errors.New("this is an Excel workbook (.xlsx), not a CSV file: in Excel choose Save As, then \"CSV UTF-8\", and import that file")
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}), bytes.IndexByte(raw, 0) >= 0:
		return nil, errors.New("the file is not UTF-8 text (it may be saved as \"Unicode text\" or be binary): save it as \"CSV UTF-8\" and import that file")
	}
	r := csv.NewReader(bufio.NewReader(bytes.NewReader(raw)))
	r.Comma = delimiter(raw)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("the header row cannot be read: %v", err)
	}
	cols, groupHeader, err := columns(head)
	if err != nil {
		return nil, err
	}
	p := &Preview{}
	type key struct{ code, period, groupBy, group string }
	first := map[key]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			p.Problems = append(p.Problems, Problem{line, "it cannot be read as CSV (" + plainCSV(err) + ")"})
			continue
		}
		if blank(rec) {
			continue
		}
		row, why := readRow(rec, cols, groupHeader, known)
		row.Line = line
		if why == "" {
			k := key{strings.ToUpper(row.Code), row.Result.Period, row.Result.GroupBy, row.Result.Group}
			if at, dup := first[k]; dup {
				why = fmt.Sprintf("it repeats row %d (%s for %s%s)", at, row.Code, row.Result.Period, groupIn(row.Result))
			} else {
				first[k] = line
			}
		}
		if why != "" {
			p.Problems = append(p.Problems, Problem{line, why})
			continue
		}
		p.Rows = append(p.Rows, row)
	}
	if len(p.Rows) == 0 && len(p.Problems) == 0 {
		return nil, errors.New("the file has a header row but no results")
	}
	return p, nil
}

func groupIn(r review.Result) string {
	if g := r.GroupText(); g != "" {
		return ", " + g
	}
	return ""
}

func plainCSV(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// delimiter picks the commonest of comma, semicolon and tab in the header
// line: spreadsheets in much of Europe write semicolons.
func delimiter(raw []byte) rune {
	line, _, _ := bytes.Cut(raw, []byte("\n"))
	best, n := ',', bytes.Count(line, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if k := bytes.Count(line, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}

// columns finds each column by its header. A group column headed
// "locality", "area" or "tenure" also names what the groups are, so a
// file need not have a separate "group by" column.
func columns(head []string) (cols map[string]int, groupHeader string, err error) {
	cols = map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(h, "_", " ")), " "))
		for name, aliases := range headers {
			for _, a := range aliases {
				if h == a {
					if _, dup := cols[name]; dup {
						return nil, "", fmt.Errorf("the header row has two %s columns; keep one", name)
					}
					cols[name] = i
					if name == "group" && h != "group" {
						groupHeader = h
					}
				}
			}
		}
	}
	var missing []string
	for _, need := range []string{"code", "period", "value"} {
		if _, ok := cols[need]; !ok {
			missing = append(missing, need)
		}
	}
	if len(missing) > 0 {
		return nil, "", fmt.Errorf("the header row has no %s column: the first row should name the columns code, period, value and base", strings.Join(missing, " or "))
	}
	return cols, groupHeader, nil
}

func cell(rec []string, cols map[string]int, name string) string {
	i, ok := cols[name]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func readRow(rec []string, cols map[string]int, groupHeader string, known Lookup) (Row, string) {
	for _, c := range rec {
		if !utf8.ValidString(c) {
			return Row{}, "it is not UTF-8 text: save the file as \"CSV UTF-8\" and import it again"
		}
	}
	var row Row
	raw := cell(rec, cols, "code")
	if raw == "" {
		return row, "it has no code"
	}
	code, tsm, problem := review.ReadMeasureCode(raw)
	if problem != "" {
		return row, problem
	}
	if tsm {
		for _, m := range review.TSMLines() {
			if m.Code == code {
				row.Measure = m
			}
		}
	}
	if m, ok := known(code); ok {
		row.Measure = m
	} else if !tsm {
		return row, fmt.Sprintf("%q is not a Tenant Satisfaction Measure (TP01 to TP12, BS01 to BS05, RP01, RP02, NM01, CH01, CH02) nor one of the panel's own measures", review.Clean(raw))
	}
	row.Code = code
	res := &row.Result
	period, err := review.CanonicalPeriod(cell(rec, cols, "period"))
	if err != nil {
		return row, err.Error()
	}
	res.Period = period
	v, ok := review.ReadNumber(cell(rec, cols, "value"))
	if !ok {
		if cell(rec, cols, "value") == "" {
			return row, "it has no value"
		}
		return row, fmt.Sprintf("the value %q is not a number", review.Clean(cell(rec, cols, "value")))
	}
	if why := review.CheckValue(row.Measure.Unit, v); why != "" {
		return row, fmt.Sprintf("the value %s is out of range for %s: %s", strconv.FormatFloat(v, 'f', -1, 64), code, why)
	}
	res.Value = v
	if b := cell(rec, cols, "base"); b != "" {
		n, ok := review.ReadNumber(b)
		if !ok || n < 0 || n != float64(int(n)) {
			return row, fmt.Sprintf("the base %q is not a whole number of responses or homes", review.Clean(b))
		}
		res.Base = int(n)
	}
	if t := cell(rec, cols, "target"); t != "" {
		n, ok := review.ReadNumber(t)
		if !ok {
			return row, fmt.Sprintf("the target %q is not a number", review.Clean(t))
		}
		if why := review.CheckValue(row.Measure.Unit, n); why != "" {
			return row, fmt.Sprintf("the target %s is out of range for %s: %s", t, code, why)
		}
		res.Target, res.HasTarget = n, true
	}
	if c := cell(rec, cols, "comparator"); c != "" {
		n, ok := review.ReadNumber(c)
		if !ok {
			return row, fmt.Sprintf("the comparator %q is not a number", review.Clean(c))
		}
		src := review.CleanLine(cell(rec, cols, "comparator_source"))
		if src == "" {
			return row, "it has a comparator but no comparator source: say where the figure comes from"
		}
		res.Comparator, res.HasComparator, res.ComparatorSource = n, true, src
	}
	res.GroupBy = review.Clean(cell(rec, cols, "group_by"))
	res.Group = review.Clean(cell(rec, cols, "group"))
	if res.Group != "" && res.GroupBy == "" {
		res.GroupBy = groupHeader
	}
	res.Source = review.Clean(cell(rec, cols, "source"))
	return row, ""
}
