package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"

	"scrutiny/review"
)

// The published report gives, per question, an average to two decimals and
// percentages (of 10 out of 10, of scores at or above the high threshold, at
// or below the low one), but not the answers. scoreSpec holds counts that
// reproduce those figures as closely as whole numbers of people allow; they
// were found by trying every base up to the number of responses and keeping
// the one that matches the most published figures, the average first.
//
// First survey (57 of 670 by text; thresholds 7 and 3 as in that report):
// both averages match exactly (7.42 and 7.22). 7.22 cannot be reached with
// all 57 answering, so two people left the second question blank (base 55).
//
// Second survey (77 of 800; thresholds 6 and 3), published → ours:
//
//	listened to     6.71 36 58.8 23.5 → 6.71 35.3 58.8 23.5  (base 68)
//	handling        6.90 41 62.0 26.8 → 6.90 40.8 62.0 26.8  (base 71, all four exact)
//	kept informed   6.39 39 54.4 33.8 → 6.39 39.0 54.5 33.8  (base 77)
//	information     6.46 35 57.6 31.8 → 6.45 34.8 57.6 31.8  (base 66)
//	customer service 6.89 40 64.8 28.2 → 6.89 39.4 64.8 28.2 (base 71)
//
// No base fits every figure of the published table at once: its columns were
// evidently worked out on different bases.
type scoreSpec struct {
	base int // people who answered
	top  int // how many gave 10
	high int // how many scored at or above the high threshold (tens included)
	low  int // how many scored at or below the low threshold
	sum  int // the total of all answers, which fixes the average
}

// scores builds one answer per person for a 1-10 question with thresholds
// hi and lo, meeting spec exactly. Each band (low, middle, high, ten) is
// first filled with a spread of its own values, leaning to the ends of the
// scale as real surveys do; then single points are added or taken away, one
// person at a time in turn, without moving anyone out of their band, until
// the total is right. It panics on an impossible spec, which only a mistake
// in the table above can cause.
func scores(spec scoreSpec, hi, lo int) []int {
	type band struct {
		min, max, n int
		pattern     []int // the spread the band starts from
	}
	span := func(a, b int) []int {
		var out []int
		for v := a; v <= b; v++ {
			out = append(out, v)
		}
		return out
	}
	bands := []band{
		{1, lo, spec.low, append([]int{1, 1}, span(1, lo)...)},
		{lo + 1, hi - 1, spec.base - spec.high - spec.low, span(lo+1, hi-1)},
		{hi, 9, spec.high - spec.top, append(span(hi, 9), 8)},
		{10, 10, spec.top, []int{10}},
	}
	var vals, mins, maxs []int
	for _, b := range bands {
		if b.n < 0 {
			panic(fmt.Sprintf("demo: impossible survey spec %+v", spec))
		}
		for k := range b.n {
			vals = append(vals, b.pattern[k%len(b.pattern)])
			mins = append(mins, b.min)
			maxs = append(maxs, b.max)
		}
	}
	left := spec.sum
	for _, v := range vals {
		left -= v
	}
	for left != 0 {
		moved := false
		for i := range vals {
			switch {
			case left > 0 && vals[i] < maxs[i]:
				vals[i]++
				left--
				moved = true
			case left < 0 && vals[i] > mins[i]:
				vals[i]--
				left++
				moved = true
			}
		}
		if !moved {
			panic(fmt.Sprintf("demo: survey spec %+v asks for a total its bands cannot reach", spec))
		}
	}
	return vals
}

// contactMix lists each contact method with how many respondents used it.
type contactMix []struct {
	method string
	n      int
}

// newRespondents makes one respondent per person, tagged with how they made
// contact, with IDs from exID(first) upwards.
func newRespondents(first int, mix contactMix) []review.Respondent {
	var rs []review.Respondent
	for _, m := range mix {
		for range m.n {
			rs = append(rs, review.Respondent{
				ID:      exID(first + len(rs)),
				Attrs:   map[string]string{"contact method": m.method},
				Answers: map[string]string{},
			})
		}
	}
	return rs
}

// answer gives the values to a fixed shuffle of the respondents, so who
// answered what is mixed across contact methods but the same on every run.
func answer(rs []review.Respondent, qid string, vals []string, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 2019))
	order := rng.Perm(len(rs))
	rng.Shuffle(len(vals), func(i, j int) { vals[i], vals[j] = vals[j], vals[i] })
	for i, v := range vals {
		rs[order[i]].Answers[qid] = v
	}
}

func itoa(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

func scale(id int, text string) review.Question {
	return review.Question{ID: exID(id), Text: text, Kind: review.QuestionScale, Min: 1, Max: 10}
}

func firstSurvey() review.Survey {
	sv := review.Survey{
		ID: exID(601), Name: "First customer survey: ease of contact and satisfaction",
		Date: review.D(2019, 1, 28), Channel: review.ChannelText, Sent: 670, Evidence: eSurvey1,
		High: 7, Low: 3,
		Questions: []review.Question{
			scale(611, "How easy was it to contact Great Places?"),
			scale(612, "How satisfied are you with the way your query was handled?"),
		},
	}
	// 31 of 57 is 54.4%, 12 is 21.1%, 9 is 15.8%: the report's shares.
	sv.Respondents = newRespondents(10001, contactMix{
		{"phone", 31}, {"email", 12}, {"self-service portal", 9}, {"web chat", 3}, {"in person", 2},
	})
	answer(sv.Respondents, exID(611), itoa(scores(scoreSpec{base: 57, top: 20, high: 42, low: 9, sum: 423}, 7, 3)), 611)
	answer(sv.Respondents, exID(612), itoa(scores(scoreSpec{base: 55, top: 18, high: 39, low: 10, sum: 397}, 7, 3)), 612)
	return sv
}

// secondSurveySpecs are the five scored questions of the second survey, in
// the report's order; see scoreSpec for how they compare with it.
var secondSurveySpecs = []struct {
	text string
	spec scoreSpec
}{
	{"How well did Great Places listen to you?", scoreSpec{base: 68, top: 24, high: 40, low: 16, sum: 456}},
	{"How well was your query handled?", scoreSpec{base: 71, top: 29, high: 44, low: 19, sum: 490}},
	{"How well were you kept informed?", scoreSpec{base: 77, top: 30, high: 42, low: 26, sum: 492}},
	{"How good was the information or advice you were given?", scoreSpec{base: 66, top: 23, high: 38, low: 21, sum: 426}},
	{"How would you rate the customer service you received?", scoreSpec{base: 71, top: 28, high: 46, low: 20, sum: 489}},
}

func secondSurvey() review.Survey {
	sv := review.Survey{
		ID: exID(602), Name: "Second customer survey: what matters most",
		Date: review.D(2019, 2, 25), Channel: review.ChannelEmail, Sent: 800, Evidence: eSurvey2,
	}
	// 49 of 77 contacted by phone (63.6%), 12 by email, 7 on the portal, 5 in person, 4 another way.
	sv.Respondents = newRespondents(20001, contactMix{
		{"phone", 49}, {"email", 12}, {"self-service portal", 7}, {"in person", 5}, {"other", 4},
	})
	for i, q := range secondSurveySpecs {
		id := 621 + i
		sv.Questions = append(sv.Questions, scale(id, q.text))
		answer(sv.Respondents, exID(id), itoa(scores(q.spec, 6, 3)), uint64(id))
	}
	// About two thirds said yes or maybe (52 of 77, 67.5%).
	digital := review.Question{ID: exID(626), Text: "Would you use a digital way (web chat, the portal, email) to contact us next time?",
		Kind: review.QuestionChoice, Labels: []string{"yes", "maybe", "no"}}
	sv.Questions = append(sv.Questions, digital)
	var vals []string
	for _, c := range []struct {
		v string
		n int
	}{{"yes", 30}, {"maybe", 22}, {"no", 25}} {
		for range c.n {
			vals = append(vals, c.v)
		}
	}
	answer(sv.Respondents, digital.ID, vals, 626)
	return sv
}
