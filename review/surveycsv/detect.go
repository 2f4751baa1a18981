package surveycsv

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"scrutiny/review"
)

// Beyond this many different values a column is free text, not a list of
// choices or an attribute worth splitting the figures by.
const maxChoices = 20

// colStat is what pass 1 learns about one column; its size is bounded
// whatever the file holds.
type colStat struct {
	n, excluded int
	yesno       int
	ints        int // whole numbers, bare or with a label ("10 - Extremely likely")
	inScale     int // of which within 0-10
	lo, hi      int // range of those within 0-10
	zero        bool
	labels      int         // values that are known scale words
	setHits     map[int]int // label set -> hits
	distinct    map[string]struct{}
	order       []string // first appearances, for choices
	overflow    bool
	maxLen      int
	words       int // most words in one answer
}

func newColStat() *colStat {
	return &colStat{lo: 11, hi: -1, setHits: map[int]int{}, distinct: map[string]struct{}{}}
}

// valClass is what one value is.
type valClass struct {
	kind  uint8
	point int // cInt and cLabel
	set   int // cLabel
	words int // cOther
}

const (
	cBad uint8 = iota // not text: reported on its row in pass 2
	cExcluded
	cYesNo
	cInt
	cLabel
	cOther
)

func classify(v string, labels labelIndex) valClass {
	switch {
	case textProblem(v) != "":
		return valClass{kind: cBad}
	case review.IsExcluded(v):
		return valClass{kind: cExcluded}
	}
	if _, ok := review.YesNo(v); ok {
		return valClass{kind: cYesNo}
	}
	if n, ok := leadingPoint(v); ok {
		return valClass{kind: cInt, point: n}
	}
	if h, ok := labels[review.NormWord(v)]; ok {
		return valClass{kind: cLabel, point: h.point, set: h.set}
	}
	c := valClass{kind: cOther}
	if len(v) > 10 {
		c.words = len(strings.Fields(v))
	}
	return c
}

// add counts a value that n cells of the column hold.
func (s *colStat) add(v string, n int, labels labelIndex) {
	if v == "" || n <= 0 {
		return
	}
	c := classify(v, labels)
	if c.kind == cBad {
		return
	}
	s.n += n
	if c.kind == cExcluded {
		s.excluded += n
		return
	}
	s.maxLen = max(s.maxLen, len(v))
	if !s.overflow {
		if _, ok := s.distinct[v]; !ok {
			if len(s.distinct) >= maxChoices {
				s.overflow = true
			} else {
				s.distinct[v] = struct{}{}
				s.order = append(s.order, v)
			}
		}
	}
	switch c.kind {
	case cYesNo:
		s.yesno += n
	case cInt:
		s.ints += n
		if c.point >= 0 && c.point <= 10 {
			s.inScale += n
			s.lo, s.hi = min(s.lo, c.point), max(s.hi, c.point)
			s.zero = s.zero || c.point == 0
		}
	case cLabel:
		s.labels += n
		s.setHits[c.set] += n
		s.lo, s.hi = min(s.lo, c.point), max(s.hi, c.point)
	default:
		s.words = max(s.words, c.words)
	}
}

// Headers that name an identifier, or ask for comments.
var (
	idHeader   = regexp.MustCompile(`(?i)^\s*(?:#|id|ref|reference|(?:respondent|response|record|row|survey|customer)(?:\s*(?:id|no\.?|number|ref))?)\s*$|(?i)\bid$`)
	textHeader = regexp.MustCompile(`(?i)\b(?:comments?|why|explain|describe|tell us|feedback|suggestions?|other \(please|anything else)\b`)
)

// rangeHint reads a scale range from a header: "Ease of contact (1-10)",
// "Score 0 to 10", "out of 5".
var (
	rangeHint = regexp.MustCompile(`(?i)\b([01])\s*(?:-|–|to)\s*(\d{1,2})\b`)
	outOfHint = regexp.MustCompile(`(?i)\bout of (\d{1,2})\b`)
)

func headerRange(h string) (int, int, bool) {
	if m := rangeHint.FindStringSubmatch(h); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		if hi >= 2 && hi <= 10 {
			return lo, hi, true
		}
	}
	if m := outOfHint.FindStringSubmatch(h); m != nil {
		hi, _ := strconv.Atoi(m[1])
		if hi >= 2 && hi <= 10 {
			return 1, hi, true
		}
	}
	return 0, 0, false
}

// decide chooses what a column becomes. The caller's Options win; then the
// values speak: (nearly) all yes/no, then (nearly) all scale points or
// scale words, then a short list of values (a choice when the header asks
// a question, otherwise an attribute), and anything else is free text.
func decide(i int, h string, s *colStat, o *Options, sets []LabelSet) Column {
	c := Column{Index: i, Header: h}
	answers := s.n - s.excluded
	scaleLike := s.inScale + s.labels
	kind, forced := lookup(o.Kinds, h)
	switch {
	case forced:
		c.Kind, c.Why = kind, "chosen"
	case s.n == 0 && strings.HasPrefix(h, "Column "):
		c.Kind, c.Why = Ignore, "no header and no values"
	case idHeader.MatchString(h):
		c.Kind, c.Why = Ignore, "looks like a respondent number (choose attribute to keep it)"
	case answers == 0:
		c.Kind, c.Why = FreeText, "no answers in any row"
	case mostly(s.yesno, answers) && s.yesno < answers && thirdAnswer(s, answers):
		// "yes", "no" and "maybe": three answers to choose from, not a
		// yes/no question with mistakes in it.
		c.Kind, c.Why = Choice, "yes, no and another answer"
	case mostly(s.yesno, answers):
		c.Kind, c.Why = YesNo, fmt.Sprintf("%d of %d answers are yes or no", s.yesno, answers)
		if s.yesno == answers {
			c.Why = "every answer is yes or no"
		}
	case mostly(scaleLike, answers):
		c.Kind = Scale
		c.Why = fmt.Sprintf("%d of %d answers are scale points or scale words", scaleLike, answers)
		if scaleLike == answers {
			c.Why = "every answer is a scale point or a scale word"
		}
	case textHeader.MatchString(h) || s.words >= 6:
		c.Kind, c.Why = FreeText, "comments"
	case !s.overflow && s.maxLen <= 40:
		c.Kind = Attribute
		c.Why = fmt.Sprintf("%d different values", len(s.distinct))
		if strings.HasSuffix(h, "?") {
			c.Kind = Choice
		}
	default:
		c.Kind, c.Why = FreeText, "many different answers"
	}
	switch c.Kind {
	case Scale:
		c.Min, c.Max, c.Labels = scaleRange(h, s, o, sets)
	case Choice:
		c.Labels = append([]string(nil), s.order...)
	}
	return c
}

// mostly reports whether hits of the answers fit a kind well enough to
// take it, leaving the rest to be listed as bad rows: more than half fit,
// and at most one in ten (or two, in a small file) do not.
// middleAnswers are what a yes/no question's third answer is usually
// called: one of them is a third answer when given by at least a tenth of
// the people; any other word must come at least twice.
var middleAnswers = map[string]bool{"maybe": true, "not sure": true, "unsure": true, "sometimes": true, "partly": true}

// thirdAnswer reports whether the answers that are not yes or no are one
// short answer given as a choice, rather than a stray mistake.
func thirdAnswer(s *colStat, answers int) bool {
	if s.overflow || len(s.distinct) > 6 {
		return false
	}
	var other []string
	for _, v := range s.order {
		if _, yn := review.YesNo(v); !yn {
			other = append(other, v)
		}
	}
	if len(other) != 1 {
		return false
	}
	n := answers - s.yesno
	return n >= 2 || (middleAnswers[review.NormWord(other[0])] && n*10 >= answers)
}

func mostly(hits, answers int) bool {
	stray := answers - hits
	return hits > 0 && hits*2 > answers && stray <= max(2, answers/10)
}

// scaleRange works out a scale column's range: the caller's choice, then a
// hint in the header, then the scale words used, then the values: from 0
// when anyone answered 0 (else 1) up to the first of 5, 7 or 10 that holds
// the highest answer.
func scaleRange(h string, s *colStat, o *Options, sets []LabelSet) (int, int, []string) {
	best, bestN := -1, 0
	for set, n := range s.setHits {
		if n > bestN || n == bestN && set < best {
			best, bestN = set, n
		}
	}
	var labels []string
	if best >= 0 {
		labels = sets[best].Names
	}
	if r, ok := lookup(o.Scales, h); ok && r[1] > r[0] {
		return r[0], r[1], labelsFor(labels, sets, best, r[0], r[1])
	}
	if lo, hi, ok := headerRange(h); ok {
		return lo, hi, labelsFor(labels, sets, best, lo, hi)
	}
	if best >= 0 && s.inScale == 0 {
		st := sets[best]
		return st.Min, st.Max, st.Names
	}
	if s.inScale == 0 && s.labels == 0 {
		return 1, 10, nil // nothing to go on: the scale panels use most
	}
	lo := 1
	if s.zero {
		lo = 0
	}
	hi := 10
	for _, top := range []int{5, 7, 10} {
		if s.hi <= top {
			hi = top
			break
		}
	}
	return lo, hi, labelsFor(labels, sets, best, lo, hi)
}

// labelsFor keeps a label set's names only when they fit the range.
func labelsFor(names []string, sets []LabelSet, best, lo, hi int) []string {
	if best < 0 || sets[best].Min != lo || sets[best].Max != hi {
		return nil
	}
	return names
}
