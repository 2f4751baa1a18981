package surveycsv

import (
	"strings"

	"scrutiny/review"
)

// LabelSet maps the words of one kind of scale to its points, for example
// "Very satisfied" to 5. Names holds the label printed for each point from
// Min upwards.
type LabelSet struct {
	Min, Max int
	Names    []string
	// Aliases are other spellings of a point ("fairly satisfied" = 4).
	Aliases map[string]int
}

// DefaultLabelSets are the five-point scales housing surveys use most
// (satisfaction, agreement, quality, ease and likelihood), matched without
// regard to case, spacing or curly apostrophes.
var DefaultLabelSets = []LabelSet{
	{Min: 1, Max: 5, Names: []string{"Very dissatisfied", "Fairly dissatisfied", "Neither satisfied nor dissatisfied", "Fairly satisfied", "Very satisfied"},
		Aliases: map[string]int{"dissatisfied": 2, "quite dissatisfied": 2, "neither": 3, "neutral": 3, "satisfied": 4, "quite satisfied": 4}},
	{Min: 1, Max: 5, Names: []string{"Strongly disagree", "Tend to disagree", "Neither agree nor disagree", "Tend to agree", "Strongly agree"},
		Aliases: map[string]int{"disagree": 2, "agree": 4, "somewhat disagree": 2, "somewhat agree": 4}},
	{Min: 1, Max: 5, Names: []string{"Very poor", "Poor", "Fair", "Good", "Very good"},
		Aliases: map[string]int{"average": 3, "ok": 3, "okay": 3, "excellent": 5}},
	{Min: 1, Max: 5, Names: []string{"Very difficult", "Fairly difficult", "Neither easy nor difficult", "Fairly easy", "Very easy"},
		Aliases: map[string]int{"difficult": 2, "easy": 4}},
	{Min: 1, Max: 5, Names: []string{"Very unlikely", "Fairly unlikely", "Neither likely nor unlikely", "Fairly likely", "Very likely"},
		Aliases: map[string]int{"unlikely": 2, "likely": 4}},
}

// labelIndex finds the point and set of a label.
type labelIndex map[string]labelHit

type labelHit struct {
	set   int // index into the sets
	point int
}

func buildLabelIndex(sets []LabelSet) labelIndex {
	idx := labelIndex{}
	// Later sets do not override earlier ones, so a caller's own sets
	// (placed first) win over the defaults.
	add := func(word string, h labelHit) {
		k := review.NormWord(word)
		if _, dup := idx[k]; !dup {
			idx[k] = h
		}
	}
	for si, s := range sets {
		for i, n := range s.Names {
			add(n, labelHit{si, s.Min + i})
		}
		for w, p := range s.Aliases {
			add(w, labelHit{si, p})
		}
	}
	return idx
}

// leadingPoint reads answers written as a number with its label, as many
// tools export them: "10 - Extremely likely", "1 (Very poor)", "4: Good".
func leadingPoint(v string) (int, bool) {
	i := 0
	for i < len(v) && i < 3 && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n := 0
	for _, c := range v[:i] {
		n = n*10 + int(c-'0')
	}
	if i == len(v) {
		return n, true
	}
	rest := strings.TrimLeft(v[i:], " ")
	if rest == "" {
		return n, true
	}
	switch rest[0] {
	case '-', '(', ':', '=':
		return n, true
	}
	if strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") {
		return n, true
	}
	return 0, false
}
