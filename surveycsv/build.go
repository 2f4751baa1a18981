package surveycsv

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"scrutiny/review"
)

// builder is pass 2: it checks each row against the columns' kinds and,
// while no row has failed, builds the respondents.
type builder struct {
	p        *Preview
	labels   labelIndex
	sampleN  int
	points   []string            // "0".."10", shared by every answer
	intern   []map[string]string // per column: one copy of each repeated value
	nq       int
	building bool
	// answers remembers, per column, what each value seen became.
	answers []map[string]cachedAnswer
	// attrs shares one Attrs map between respondents with the same
	// attribute values, keyed by those values joined.
	attrs   map[string]map[string]string
	attrKey strings.Builder
}

type cachedAnswer struct{ ans, why string }

const maxInterned = 1000

func newBuilder(p *Preview, labels labelIndex, sampleN int) *builder {
	b := &builder{p: p, labels: labels, sampleN: sampleN, building: true}
	for i := 0; i <= 10; i++ {
		b.points = append(b.points, strconv.Itoa(i))
	}
	b.intern = make([]map[string]string, len(p.Columns))
	b.answers = make([]map[string]cachedAnswer, len(p.Columns))
	b.attrs = map[string]map[string]string{}
	for i, c := range p.Columns {
		if c.IsQuestion() {
			b.nq++
		}
		b.intern[i] = map[string]string{}
		b.answers[i] = map[string]cachedAnswer{}
	}
	return b
}

func (b *builder) fail(e RowError) {
	b.p.Errors = append(b.p.Errors, e)
	b.building = false
	b.p.Respondents = nil
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
	var r review.Respondent
	var attrs map[string]string
	if b.building {
		r.Answers = make(map[string]string, b.nq)
		b.attrKey.Reset()
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
		if c.Kind == Attribute {
			if why := textProblem(v); why != "" {
				b.fail(RowError{Row: row, Column: c.Header, Reason: why})
				continue
			}
			if b.building {
				if attrs == nil {
					attrs = map[string]string{}
				}
				v = b.keep(i, v)
				attrs[c.Header] = v
				fmt.Fprintf(&b.attrKey, "%d\x00%s\x00", i, v)
			}
			c.Answered++
			continue
		}
		ca, ok := b.answers[i][v]
		if !ok {
			ca.ans, ca.why = "", textProblem(v)
			if ca.why == "" {
				ca.ans, ca.why = b.answer(i, c, v)
			}
			if len(b.answers[i]) < maxCached {
				b.answers[i][strings.Clone(v)] = ca
			}
		}
		ans, why := ca.ans, ca.why
		if why != "" {
			b.fail(RowError{Row: row, Column: c.Header, Reason: why})
			continue
		}
		if ans == review.Excluded {
			c.Excluded++
		} else {
			c.Answered++
		}
		if b.building {
			r.Answers[c.QuestionID] = ans
		}
	}
	if b.building {
		if attrs != nil {
			key := b.attrKey.String()
			if shared, ok := b.attrs[key]; ok {
				attrs = shared
			} else if len(b.attrs) < maxInterned {
				b.attrs[key] = attrs
			}
		}
		r.Attrs = attrs
		p.Respondents = append(p.Respondents, r)
	}
}

// answer turns one value into the stored answer, or says why it cannot.
func (b *builder) answer(i int, c *Column, v string) (string, string) {
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
	case Choice:
		return b.keep(i, v), ""
	}
	return strings.Clone(v), ""
}

// keep returns one shared copy of a repeated value, so 100,000 rows saying
// "phone" hold one string, not 100,000 (and not the whole line behind it).
func (b *builder) keep(i int, v string) string {
	m := b.intern[i]
	if s, ok := m[v]; ok {
		return s
	}
	s := strings.Clone(v)
	if len(m) < maxInterned {
		m[s] = s
	}
	return s
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
