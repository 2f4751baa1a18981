package review

import (
	"slices"
	"strings"
)

// Respondents holds a survey's answers column by column: one coded slice
// per question and one per respondent attribute. A survey of 50,000 people
// answering 20 questions is then 20 slices of small numbers plus a few
// distinct words each, instead of 50,000 maps: the figures for a question
// are one pass over its codes, with no look-up per answer.
//
// The form is canonical, so two equal sets of answers are equal values:
// columns are sorted by key, a column holding no value at all is left out,
// and each column's values are numbered in the order they first appear.
type Respondents struct {
	IDs        []string // one per respondent, in order
	AttrCols   []Column // respondent attributes ("contact method"), by name
	AnswerCols []Column // answers, by question ID
}

// Column is one question's answers or one attribute's values.
type Column struct {
	Key string
	// Values are the distinct values; Values[0] is "" (no answer), and
	// every other value is used by at least one respondent.
	Values []string
	Codes  []uint32 // one per respondent, an index into Values
}

// Value is respondent i's value, "" when none.
func (c *Column) Value(i int) string { return c.Values[c.Codes[i]] }

// Len is how many respondents there are.
func (rs Respondents) Len() int { return len(rs.IDs) }

// AnswerColumn is the column of question qid; nil when nobody answered it.
func (rs Respondents) AnswerColumn(qid string) *Column { return findColumn(rs.AnswerCols, qid) }

// AttrColumn is the column of attribute name; nil when nobody has it.
func (rs Respondents) AttrColumn(name string) *Column { return findColumn(rs.AttrCols, name) }

func findColumn(cols []Column, key string) *Column {
	i, ok := slices.BinarySearchFunc(cols, key, func(c Column, k string) int { return strings.Compare(c.Key, k) })
	if !ok {
		return nil
	}
	return &cols[i]
}

// Answer is respondent i's answer to question qid, "" when none.
func (rs Respondents) Answer(i int, qid string) string {
	if c := rs.AnswerColumn(qid); c != nil {
		return c.Value(i)
	}
	return ""
}

// Attr is respondent i's attribute name, "" when none.
func (rs Respondents) Attr(i int, name string) string {
	if c := rs.AttrColumn(name); c != nil {
		return c.Value(i)
	}
	return ""
}

// Row is respondent i as one value, for editing one person and for the
// formats that write a person at a time. Empty maps are nil.
func (rs Respondents) Row(i int) Respondent {
	return Respondent{ID: rs.IDs[i], Attrs: rowMap(rs.AttrCols, i), Answers: rowMap(rs.AnswerCols, i)}
}

func rowMap(cols []Column, i int) map[string]string {
	var m map[string]string
	for k := range cols {
		if v := cols[k].Value(i); v != "" {
			if m == nil {
				m = make(map[string]string, len(cols))
			}
			m[cols[k].Key] = v
		}
	}
	return m
}

// List is every respondent as a map: for tests and small surveys only.
func (rs Respondents) List() []Respondent {
	out := make([]Respondent, rs.Len())
	for i := range out {
		out[i] = rs.Row(i)
	}
	return out
}

// RespondentsFrom puts respondents given one at a time into columns.
func RespondentsFrom(list []Respondent) Respondents {
	b := NewRespondentsBuilder(len(list))
	for i := range list {
		b.Add(list[i])
	}
	return b.Done()
}

// Append adds one respondent at the end. The columns are copied first
// (so a copy of the survey made earlier keeps what it had), which makes
// this the way for a person at a time, not for a file of answers: use a
// RespondentsBuilder for those.
func (rs *Respondents) Append(r Respondent) {
	b := NewRespondentsBuilder(rs.Len() + 1)
	b.addColumns(rs)
	b.Add(r)
	*rs = b.Done()
}

// SetID gives respondent i its ID.
func (rs *Respondents) SetID(i int, id string) { rs.IDs[i] = id }

// RespondentsBuilder makes Respondents row by row from values read in
// turn, sharing each column's repeated values; the store loads answers
// through it straight from their stored bytes.
type RespondentsBuilder struct {
	ids          []string
	attrs, answs colSet
	remap        []uint32 // AddRun's, reused
}

// colSet is the columns of one kind while they are built. seq remembers
// the order of the previous row's keys, which every row of a file or of
// the store usually repeats, so most keys are found without hashing.
type colSet struct {
	hint  int // respondents expected
	cols  []*colBuilder
	byKey map[string]*colBuilder
	seq   []*colBuilder
	pos   int
}

type colBuilder struct {
	key    string
	values []string
	// packed holds each value of up to 7 bytes as one number (its bytes
	// and its length), 0 for longer ones, so the scan for a scale point
	// compares numbers in one small array instead of following strings.
	packed []uint64
	index  map[string]uint32 // built once values outgrow a short scan
	codes  []uint32
}

// pack is v as a number when it is 1 to 7 bytes long, else 0.
func pack(v []byte) uint64 {
	if len(v) == 0 || len(v) > 7 {
		return 0
	}
	p := uint64(len(v)) << 56
	for i, c := range v {
		p |= uint64(c) << (8 * i)
	}
	return p
}

// NewRespondentsBuilder starts an empty set for about n respondents.
func NewRespondentsBuilder(n int) *RespondentsBuilder {
	return &RespondentsBuilder{ids: make([]string, 0, n), attrs: colSet{hint: n}, answs: colSet{hint: n}}
}

// Next starts the next respondent.
func (b *RespondentsBuilder) Next(id string) {
	b.ids = append(b.ids, id)
	b.attrs.pos, b.answs.pos = 0, 0
}

// Answer sets the current respondent's answer to question key. The bytes
// are copied only when the value is new to the column.
func (b *RespondentsBuilder) Answer(key, value []byte) { b.answs.set(len(b.ids)-1, key, value) }

// Attr sets the current respondent's attribute key.
func (b *RespondentsBuilder) Attr(key, value []byte) { b.attrs.set(len(b.ids)-1, key, value) }

// Add adds one respondent given as maps.
func (b *RespondentsBuilder) Add(r Respondent) {
	b.Next(r.ID)
	for k, v := range r.Attrs {
		b.attrs.setString(len(b.ids)-1, k, v)
	}
	for k, v := range r.Answers {
		b.answs.setString(len(b.ids)-1, k, v)
	}
}

// AddIDs starts len(ids) respondents at once, given column by column
// afterwards with AddRun (the store's blocks).
func (b *RespondentsBuilder) AddIDs(ids ...string) {
	b.ids = append(b.ids, ids...)
	b.attrs.pos, b.answs.pos = 0, 0
}

// AddRun gives one column's values for the last n respondents started:
// values are the run's distinct values (values[0] is unused, standing for
// no answer) and codes index them, one per respondent, in order. Each
// distinct value is looked up once, and its bytes copied only when new to
// the column.
func (b *RespondentsBuilder) AddRun(attr bool, key []byte, values [][]byte, codes []uint32) {
	s := &b.answs
	if attr {
		s = &b.attrs
	}
	c := s.byKey[string(key)]
	if c == nil {
		c = s.column(string(key))
	}
	c.pad(len(b.ids) - len(codes))
	remap := b.remap[:0]
	remap = append(remap, 0)
	for _, v := range values[1:] {
		if len(v) == 0 {
			remap = append(remap, 0)
			continue
		}
		remap = append(remap, c.code(v))
	}
	b.remap = remap
	for _, code := range codes {
		c.codes = append(c.codes, remap[code])
	}
}

// SetIDs replaces the IDs: the builder then has len(ids) respondents.
func (b *RespondentsBuilder) SetIDs(ids []string) { b.ids = ids }

// NewColumn makes a column from values already coded elsewhere (the CSV
// reader codes each column as it reads): values must be distinct, with
// values[0] == "", and codes index them, one per respondent. codes is
// renumbered in place into the canonical order.
func NewColumn(key string, values []string, codes []uint32) Column {
	return canonical(key, values, codes)
}

// NewRespondents puts columns made by NewColumn together, one code per
// respondent in each: empty columns are left out, and the rest sorted.
func NewRespondents(ids []string, attrs, answers []Column) Respondents {
	tidy := func(cols []Column) []Column {
		var out []Column
		for _, c := range cols {
			if len(c.Values) > 1 {
				out = append(out, c)
			}
		}
		slices.SortFunc(out, func(a, b Column) int { return strings.Compare(a.Key, b.Key) })
		return out
	}
	return Respondents{IDs: ids, AttrCols: tidy(attrs), AnswerCols: tidy(answers)}
}

func (b *RespondentsBuilder) addColumns(rs *Respondents) {
	b.ids = append(b.ids, rs.IDs...)
	for _, c := range rs.AttrCols {
		b.attrs.adopt(c)
	}
	for _, c := range rs.AnswerCols {
		b.answs.adopt(c)
	}
}

// Done returns the respondents in canonical form; the builder is spent.
func (b *RespondentsBuilder) Done() Respondents {
	n := len(b.ids)
	return Respondents{IDs: b.ids, AttrCols: b.attrs.done(n), AnswerCols: b.answs.done(n)}
}

func (s *colSet) column(key string) *colBuilder {
	if c := s.byKey[key]; c != nil {
		return c
	}
	if s.byKey == nil {
		s.byKey = map[string]*colBuilder{}
	}
	c := &colBuilder{key: key, values: []string{""}, packed: []uint64{0}, codes: make([]uint32, 0, s.hint)}
	s.byKey[key] = c
	s.cols = append(s.cols, c)
	return c
}

func (s *colSet) adopt(c Column) {
	cb := s.column(c.Key)
	cb.values = slices.Clone(c.Values)
	cb.packed = make([]uint64, len(c.Values))
	for i, v := range c.Values {
		cb.packed[i] = pack([]byte(v))
	}
	cb.codes = slices.Clone(c.Codes)
}

// find is the column for key, trying the key the previous row had in the
// same place first.
func (s *colSet) find(key []byte) *colBuilder {
	var c *colBuilder
	if s.pos < len(s.seq) && s.seq[s.pos].key == string(key) {
		c = s.seq[s.pos]
	} else {
		c = s.byKey[string(key)]
		if c == nil {
			c = s.column(string(key))
		}
		s.seq = append(s.seq[:s.pos], c)
	}
	s.pos++
	return c
}

func (s *colSet) set(row int, key, value []byte) {
	if len(value) == 0 {
		return
	}
	c := s.find(key)
	c.pad(row)
	c.codes = append(c.codes, c.code(value))
}

func (s *colSet) setString(row int, key, value string) {
	if value == "" {
		return
	}
	s.column(key).setValue(row, value)
}

func (c *colBuilder) setValue(row int, value string) {
	c.pad(row)
	c.codes = append(c.codes, c.code([]byte(value)))
}

// pad fills the rows before row with "no answer", so the next code
// appended is row's; a value given twice for one row keeps the last.
func (c *colBuilder) pad(row int) {
	if len(c.codes) > row {
		c.codes = c.codes[:row]
	}
	for len(c.codes) < row {
		c.codes = append(c.codes, 0)
	}
}

// shortScan is how many values are compared one by one before a column
// builds a hash index: most columns hold a handful of scale points.
const shortScan = 12

func (c *colBuilder) code(v []byte) uint32 {
	if p := pack(v); p != 0 && c.index == nil {
		for i := 1; i < len(c.packed); i++ {
			if c.packed[i] == p {
				return uint32(i)
			}
		}
		if len(c.values) <= shortScan {
			return c.add(v, p)
		}
	}
	if c.index == nil {
		for i := 1; i < len(c.values); i++ {
			if c.values[i] == string(v) {
				return uint32(i)
			}
		}
		if len(c.values) > shortScan {
			c.index = make(map[string]uint32, 2*len(c.values))
			for i, s := range c.values[1:] {
				c.index[s] = uint32(i + 1)
			}
		}
	} else if i, ok := c.index[string(v)]; ok {
		return i
	}
	return c.add(v, pack(v))
}

// add makes v the column's next value.
func (c *colBuilder) add(v []byte, p uint64) uint32 {
	s := string(v)
	c.values = append(c.values, s)
	c.packed = append(c.packed, p)
	code := uint32(len(c.values) - 1)
	if c.index != nil {
		c.index[s] = code
	}
	return code
}

// done pads every column to n rows, numbers its values in order of first
// appearance, drops unused values and empty columns, and sorts by key.
func (s *colSet) done(n int) []Column {
	var out []Column
	for _, c := range s.cols {
		c.pad(n)
		col := canonical(c.key, c.values, c.codes)
		if len(col.Values) > 1 {
			out = append(out, col)
		}
	}
	slices.SortFunc(out, func(a, b Column) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// canonical renumbers codes (in place) so values appear in order of first
// use; a column already in that order is returned as it is.
func canonical(key string, values []string, codes []uint32) Column {
	remap := make([]uint32, len(values))
	next := uint32(1)
	inOrder := true
	for _, c := range codes {
		if c == 0 || remap[c] != 0 {
			continue
		}
		remap[c] = next
		inOrder = inOrder && c == next
		next++
	}
	if inOrder && int(next) == len(values) {
		return Column{Key: key, Values: values, Codes: codes}
	}
	vals := make([]string, next)
	for old, nw := range remap {
		if nw != 0 {
			vals[nw] = values[old]
		}
	}
	for i, c := range codes {
		codes[i] = remap[c]
	}
	return Column{Key: key, Values: vals, Codes: codes}
}
