package example

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
	ones int // how many of the low scores are 1; 0 leaves it free
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
	if spec.ones > 0 {
		bands[0] = band{2, lo, spec.low - spec.ones, span(2, lo)}
		bands = append([]band{{1, 1, spec.ones, []int{1}}}, bands...)
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
// With a method, only respondents who made contact that way answer.
func answer(rs []review.Respondent, qid string, vals []string, seed uint64, method ...string) {
	var who []int
	for i, r := range rs {
		if len(method) == 0 || r.Attrs["contact method"] == method[0] {
			who = append(who, i)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 2019))
	order := rng.Perm(len(who))
	rng.Shuffle(len(vals), func(i, j int) { vals[i], vals[j] = vals[j], vals[i] })
	for i, v := range vals {
		rs[who[order[i]]].Answers[qid] = v
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
	rs := newRespondents(10001, contactMix{
		{"phone", 31}, {"email", 12}, {"self-service portal", 9}, {"web chat", 3}, {"in person", 2},
	})
	answer(rs, exID(611), itoa(scores(scoreSpec{base: 57, top: 20, high: 42, low: 9, sum: 423}, 7, 3)), 611)
	answer(rs, exID(612), itoa(scores(scoreSpec{base: 55, top: 18, high: 39, low: 10, sum: 397}, 7, 3)), 612)
	sv.Respondents = review.RespondentsFrom(rs)
	return sv
}

// scoredQuestion is one 1-10 question of the second survey with the
// answers that reproduce its published figures.
type scoredQuestion struct {
	text string
	spec scoreSpec
}

// addScored adds the questions with IDs from exID(firstID) upwards, each
// scored on that survey's thresholds (6 and 3). With a method, only
// respondents who made contact that way answer.
func addScored(sv *review.Survey, rs []review.Respondent, firstID int, qs []scoredQuestion, method ...string) {
	for i, q := range qs {
		id := firstID + i
		sv.Questions = append(sv.Questions, scale(id, q.text))
		answer(rs, exID(id), itoa(scores(q.spec, 6, 3)), uint64(id), method...)
	}
}

// secondSurveySpecs are the five scored questions of the second survey, in
// the report's order; see scoreSpec for how they compare with it.
var secondSurveySpecs = []scoredQuestion{
	{"How well did Great Places listen to you?", scoreSpec{base: 68, top: 24, high: 40, low: 16, sum: 456}},
	{"How well was your query handled?", scoreSpec{base: 71, top: 29, high: 44, low: 19, sum: 490}},
	{"How well were you kept informed?", scoreSpec{base: 77, top: 30, high: 42, low: 26, sum: 492}},
	{"How good was the information or advice you were given?", scoreSpec{base: 66, top: 23, high: 38, low: 21, sum: 426}},
	{"How would you rate the customer service you received?", scoreSpec{base: 71, top: 28, high: 46, low: 20, sum: 489}},
}

var phoneSpecs = []scoredQuestion{
	{"If you phoned: how happy were you with the wait to get through?", scoreSpec{base: 44, top: 7, high: 19, low: 16, sum: 238}},
	{"If you phoned: how happy were you with the time it took to resolve your query?", scoreSpec{base: 43, top: 9, high: 22, low: 19, sum: 232, ones: 16}},
	{"If you phoned: how helpful were the staff?", scoreSpec{base: 44, top: 14, high: 28, low: 12, sum: 295}},
	{"If you phoned: how competent were the staff?", scoreSpec{base: 44, top: 13, high: 27, low: 12, sum: 286}},
	{"If you phoned: how clearly was the answer explained?", scoreSpec{base: 44, top: 14, high: 27, low: 15, sum: 282}},
	{"If you phoned: how good was the answer you were given?", scoreSpec{base: 44, top: 14, high: 27, low: 15, sum: 273, ones: 11}},
}

var overallSpecs = []scoredQuestion{
	{"Overall: you can contact Great Places in the way you prefer", scoreSpec{base: 76, top: 25, high: 47, low: 18, sum: 520}},
	{"Overall: Great Places cares about its customers", scoreSpec{base: 77, top: 26, high: 46, low: 20, sum: 512}},
	{"Overall: Great Places is reliable and keeps its promises", scoreSpec{base: 76, top: 24, high: 40, low: 25, sum: 461}},
	{"Overall: Great Places is open and transparent", scoreSpec{base: 77, top: 21, high: 45, low: 21, sum: 499}},
	{"Overall: you trust Great Places", scoreSpec{base: 77, top: 27, high: 47, low: 19, sum: 520}},
}

func secondSurvey() review.Survey {
	sv := review.Survey{
		ID: exID(602), Name: "Second customer survey: what matters most",
		Date: review.D(2019, 2, 25), Channel: review.ChannelEmail, Sent: 800, Evidence: eSurvey2,
	}
	// 49 of 77 contacted by phone (63.6%), 12 by email, 7 on the portal, 5 in person, 4 another way.
	rs := newRespondents(20001, contactMix{
		{"phone", 49}, {"email", 12}, {"self-service portal", 7}, {"in person", 5}, {"other", 4},
	})
	addScored(&sv, rs, 621, secondSurveySpecs)
	// Questions about the call itself, for those who phoned (bases 43 and 44
	// of 49 in the report). Published → ours, average, % tens, % ≥ 6, % ≤ 3:
	//
	//	wait to get through  5.4 16 44.19 36.36 → 5.41 15.9 43.18 36.36 (base 44)
	//	time to resolve      5.4 21 51.16 44.19 → 5.40 20.9 51.16 44.19 (base 43; 16 gave 1, as reported)
	//	helpfulness          6.7 32 62.8 27.27  → 6.70 31.8 63.64 27.27 (base 44)
	//	competence           6.5 30 61.4 27.27  → 6.50 29.5 61.36 27.27 (base 44)
	//	clearly understood   6.4 32 61.4 34.09  → 6.41 31.8 61.36 34.09 (base 44)
	//	quality of response  6.2 32 61.4 34.09  → 6.20 31.8 61.36 34.09 (base 44; 11 gave 1, as reported)
	addScored(&sv, rs, 631, phoneSpecs, "phone")
	// How customers feel about Great Places overall. The report gives only
	// the average and the % of tens; both match (bases 76 or 77).
	addScored(&sv, rs, 641, overallSpecs)
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
	answer(rs, digital.ID, vals, 626)
	sv.Respondents = review.RespondentsFrom(rs)
	return sv
}
