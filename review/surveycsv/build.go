package surveycsv

import (
	"encoding/csv"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"scrutiny/review"
)

// The file is read once. Each column keeps a dictionary of the distinct
// values it holds (survey answers repeat a great deal) and each row keeps
// one number per cell pointing into it. When every row has been read the
// columns' kinds are decided from the distinct values and their counts,
// each distinct value is checked once, and the rows are walked to list
// every bad cell. 100,000 rows of 20 answers take 8 MB this way, against
// 120 MB as review.Respondent maps, which are only made for the import.

// rawColumn is what reading learns about one column.
type rawColumn struct {
	ids    map[string]uint32 // value -> id; ids start at 1, 0 is blank
	vals   []string          // id -> value as written (trimmed)
	counts []int             // id -> how many cells hold it
	// one holds the ids of one-character ASCII values ("7"), most cells of
	// a 1-10 scale, which a map would hash each time.
	one [128]uint32
}

// Beyond this many distinct values a column is free text: values are no
// longer looked up, each cell simply gets its own id.
const maxDistinct = 4096

func newRawColumn() *rawColumn {
	return &rawColumn{ids: map[string]uint32{}, vals: []string{""}, counts: []int{0}}
}

func (c *rawColumn) id(v string) uint32 {
	short := len(v) == 1 && v[0] < 128
	if short {
		if id := c.one[v[0]]; id != 0 {
			c.counts[id]++
			return id
		}
	} else if id, ok := c.ids[v]; ok {
		c.counts[id]++
		return id
	}
	v = strings.Clone(v)
	id := uint32(len(c.vals))
	c.vals = append(c.vals, v)
	c.counts = append(c.counts, 1)
	if len(c.ids) < maxDistinct {
		c.ids[v] = id
		if short {
			c.one[v[0]] = id
		}
	}
	return id
}

// reader gathers the rows of one file.
type reader struct {
	p       *Preview
	sampleN int
	cols    []*rawColumn
	codes   []uint32 // raw ids, row by row
	rowNums []int    // the spreadsheet row number of each kept row
	// size is the file's length (0 if unknown) and seen the length of the
	// values read so far: after the first rows they tell roughly how many
	// rows there are, so codes is made once at that size instead of
	// being copied as it doubles (8 MB for 100,000 rows of 21 values).
	size, seen int64
}

func (r *reader) header(h []string) {
	r.cols = make([]*rawColumn, len(h))
	for i := range r.cols {
		r.cols[i] = newRawColumn()
	}
}

func (r *reader) row(row int, rec []string, perr error) {
	p := r.p
	if perr != nil {
		pe, _ := perr.(*csv.ParseError)
		reason := perr.Error()
		if pe != nil {
			reason = quoteProblem(pe)
		}
		p.Errors = append(p.Errors, RowError{Row: row, Reason: "this row cannot be read: " + reason})
		return
	}
	if blankRow(rec) {
		p.BlankRows++
		return
	}
	for i, v := range rec {
		// A free-text answer pasted from somewhere may carry control
		// characters; the answer is kept without them. (A file that is
		// binary throughout was refused before any row was read.)
		if hasControls(v) {
			rec[i] = review.Clean(v)
			p.Cleaned++
		}
	}
	if len(p.Sample) < r.sampleN {
		p.Sample = append(p.Sample, append([]string(nil), rec...))
	}
	p.Rows++
	rec, ok := fit(rec, len(r.cols))
	if !ok {
		p.Errors = append(p.Errors, RowError{Row: row, Reason: fmt.Sprintf("this row has %d values but the header row has %d columns", len(rec), len(r.cols))})
		return
	}
	for i, v := range rec {
		var id uint32
		if v = strings.TrimSpace(v); v != "" {
			id = r.cols[i].id(v)
		}
		r.codes = append(r.codes, id)
	}
	r.rowNums = append(r.rowNums, row)
	if r.size > 0 && len(r.rowNums) <= sizeRows {
		for _, v := range rec {
			r.seen += int64(len(v)) + 1
		}
		if len(r.rowNums) == sizeRows {
			r.reserve()
		}
	}
}

// sizeRows rows are measured before guessing the number of rows.
const sizeRows = 256

// reserve makes room for the rows the file probably holds, guessed from
// its size and the length of the rows so far (a little over: quotes and
// line ends are not counted).
func (r *reader) reserve() {
	n := len(r.cols)
	rows := int(r.size/max(1, r.seen/sizeRows)) + sizeRows
	if rows*n <= cap(r.codes) || rows > 1<<23/max(1, n) {
		return
	}
	codes := make([]uint32, len(r.codes), rows*n)
	copy(codes, r.codes)
	r.codes = codes
	nums := make([]int, len(r.rowNums), rows)
	copy(nums, r.rowNums)
	r.rowNums = nums
}

// finish checks every distinct value of every column against the kinds
// decided, lists every bad cell and keeps the answers.
func (r *reader) finish(labels labelIndex) {
	p := r.p
	n := len(r.cols)
	p.cells = cells{ncols: n, values: make([][]string, n)}
	points := make([]string, 11)
	for i := range points {
		points[i] = strconv.Itoa(i)
	}
	// For each column: raw id -> stored code, or why the value is bad.
	codeOf := make([][]uint32, n)
	whyOf := make([][]string, n)
	for i := range r.cols {
		c := &p.Columns[i]
		raw := r.cols[i]
		codeOf[i] = make([]uint32, len(raw.vals))
		whyOf[i] = make([]string, len(raw.vals))
		vals := []string{""}
		seen := map[string]uint32{}
		for id := 1; id < len(raw.vals); id++ {
			if c.Kind == Ignore {
				continue
			}
			v := raw.vals[id]
			ans, why := "", textProblem(v)
			if why == "" {
				if c.Kind == Attribute {
					ans = v
				} else {
					ans, why = answer(c, v, labels, points)
				}
			}
			if why != "" {
				whyOf[i][id] = why
				continue
			}
			code, ok := seen[ans]
			if !ok {
				code = uint32(len(vals))
				vals = append(vals, ans)
				if len(seen) < maxDistinct {
					seen[ans] = code
				}
			}
			codeOf[i][id] = code
			switch {
			case c.Kind != Attribute && ans == review.Excluded:
				c.Excluded += raw.counts[id]
			default:
				c.Answered += raw.counts[id]
			}
		}
		p.cells.values[i] = vals
	}
	bad := len(p.Errors) > 0
	var cellErrs []RowError
	for k, row := range r.rowNums {
		cells := r.codes[k*n : (k+1)*n]
		for i, id := range cells {
			if p.Columns[i].Kind == Ignore {
				cells[i] = 0
				continue
			}
			if id == 0 {
				p.Columns[i].Blank++
				continue
			}
			if why := whyOf[i][id]; why != "" {
				cellErrs = append(cellErrs, RowError{Row: row, Column: p.Columns[i].Header, Reason: why})
				bad = true
				continue
			}
			cells[i] = codeOf[i][id] // the raw id becomes the stored code, in place
		}
	}
	if len(cellErrs) > 0 {
		// Whole-row problems were listed while reading; put every problem
		// in row order (a row's cells are already in column order).
		p.Errors = append(p.Errors, cellErrs...)
		sort.SliceStable(p.Errors, func(a, b int) bool { return p.Errors[a].Row < p.Errors[b].Row })
	}
	if !bad {
		p.cells.codes = r.codes
	}
	r.codes, r.cols = nil, nil
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

// answer turns one value into the stored answer, or says why it cannot.
func answer(c *Column, v string, labels labelIndex, points []string) (string, string) {
	if review.IsExcluded(v) {
		return review.Excluded, ""
	}
	switch c.Kind {
	case Scale:
		n, ok := leadingPoint(v)
		if !ok {
			h, known := labels[review.NormWord(v)]
			if !known {
				return "", fmt.Sprintf("%q is not a number on the %d-%d scale or a scale word I know", clip(v), c.Min, c.Max)
			}
			n = h.point
		}
		if n < c.Min || n > c.Max {
			return "", fmt.Sprintf("%q is not on the %d-%d scale", clip(v), c.Min, c.Max)
		}
		if n <= 10 {
			return points[n], ""
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
