package review

import (
	"fmt"
	"math/big"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestPct1HandChecked(t *testing.T) {
	cases := []struct {
		part, whole int
		want        string
	}{
		{57, 670, "8.5%"}, // response rate to the first survey
		{49, 77, "63.6%"}, // contacted by phone
		{16, 43, "37.2%"}, // phone callers who scored time to resolve 1
		{77, 800, "9.6%"}, // the report printed 9.5%
		{1, 16, "6.3%"},   // 6.25 exactly: half rounds away from zero
		{-1, 16, "-6.3%"}, // and away from zero below it
		{1, 3, "33.3%"},
		{2, 3, "66.7%"},
		{0, 5, "0.0%"},
		{5, 5, "100.0%"},
		{5, 0, "–"},
	}
	for _, c := range cases {
		if got := Pct1(c.part, c.whole); got != c.want {
			t.Errorf("Pct1(%d, %d) = %q, want %q", c.part, c.whole, got, c.want)
		}
	}
}

// ratRound is an independent reference: big.Rat rounding, half away from zero.
func ratRound(num, den int64, dec int) string {
	r := new(big.Rat).SetFrac64(num, den)
	neg := r.Sign() < 0
	r.Abs(r)
	scale := new(big.Rat).SetInt64(1)
	for i := 0; i < dec; i++ {
		scale.Mul(scale, big.NewRat(10, 1))
	}
	r.Mul(r, scale)
	r.Add(r, big.NewRat(1, 2))
	q := new(big.Int).Quo(r.Num(), r.Denom())
	s := q.String()
	for len(s) <= dec {
		s = "0" + s
	}
	if dec > 0 {
		s = s[:len(s)-dec] + "." + s[len(s)-dec:]
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return s
}

func TestRatioMatchesExactRounding(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		den := rng.Int63n(5000) + 1
		num := rng.Int63n(2*den*10) - den*10
		dec := rng.Intn(3)
		if got, want := Ratio(num, den, dec), ratRound(num, den, dec); got != want {
			t.Fatalf("Ratio(%d, %d, %d) = %q, want %q", num, den, dec, got, want)
		}
	}
}

func respondents(answers ...string) Respondents {
	rs := make([]Respondent, len(answers))
	for i, a := range answers {
		rs[i] = Respondent{ID: strconv.Itoa(i), Answers: map[string]string{}}
		if a != "<absent>" {
			rs[i].Answers["q"] = a
		}
	}
	return RespondentsFrom(rs)
}

func TestScaleStatsByHand(t *testing.T) {
	q := Question{ID: "q", Kind: QuestionScale, Min: 1, Max: 10}
	sv := Survey{Questions: []Question{q},
		Respondents: respondents("10", "10", "9", "6", "3", "1", "n/a", "", "Don't know", "<absent>", "11", "seven")}
	s := sv.QuestionStats(&sv.Questions[0])
	if s.Base != 6 || s.Excluded != 2 || s.Missing != 2 || s.Invalid != 2 {
		t.Fatalf("base/excluded/missing/invalid = %d/%d/%d/%d, want 6/2/2/2", s.Base, s.Excluded, s.Missing, s.Invalid)
	}
	if !s.HasMean || s.Mean != 6.5 || s.MeanText() != "6.50" {
		t.Errorf("mean = %v %q, want 6.5 \"6.50\"", s.Mean, s.MeanText())
	}
	if s.High != 6 || s.Low != 3 {
		t.Errorf("thresholds = %d, %d; want 6, 3", s.High, s.Low)
	}
	if s.TopN != 2 || s.PctText(s.TopN) != "33.3%" || s.HighN != 4 || s.PctText(s.HighN) != "66.7%" ||
		s.LowN != 2 || s.PctText(s.LowN) != "33.3%" {
		t.Errorf("top/high/low = %d/%d/%d", s.TopN, s.HighN, s.LowN)
	}
	if !s.SmallBase {
		t.Error("a base of 6 is a small base")
	}
	if s.HasNPS || s.HasSatisfied {
		t.Error("1-10 scale has neither NPS nor % satisfied")
	}
	if len(s.Counts) != 10 || s.Counts[9].Value != "10" || s.Counts[9].N != 2 || s.Counts[0].N != 1 {
		t.Errorf("counts = %+v", s.Counts)
	}
}

func TestTallyAddsToRespondents(t *testing.T) {
	q := Question{ID: "q", Kind: QuestionScale, Min: 1, Max: 10,
		Tally: map[string]int{"10": 3, "5": 2, Excluded: 1}, TallyExcluded: 4}
	sv := Survey{Questions: []Question{q}, Respondents: respondents("10", "1", "")}
	s := sv.QuestionStats(&sv.Questions[0])
	if s.Base != 7 || s.Excluded != 5 || s.Missing != 1 {
		t.Fatalf("base/excluded/missing = %d/%d/%d, want 7/5/1", s.Base, s.Excluded, s.Missing)
	}
	if s.Sum != 51 || s.TopN != 4 {
		t.Errorf("sum %d top %d, want 51 and 4", s.Sum, s.TopN)
	}
	if s.MeanText() != "7.29" { // 51/7 = 7.2857...
		t.Errorf("mean %s, want 7.29", s.MeanText())
	}
	if got := sv.Responses(); got != 3+10 {
		t.Errorf("responses = %d, want 13 (3 respondents + tally of 10)", got)
	}
}

func TestFivePointSatisfiedAndLabels(t *testing.T) {
	labels := []string{"Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied"}
	q := Question{ID: "q", Kind: QuestionScale, Min: 1, Max: 5, Labels: labels}
	sv := Survey{Questions: []Question{q}, Respondents: respondents("5", "4", "4", "3", "1", "2", "5", "N/A")}
	s := sv.QuestionStats(&sv.Questions[0])
	if !s.HasSatisfied || s.SatisfiedN != 4 || s.PctText(s.SatisfiedN) != "57.1%" {
		t.Errorf("satisfied = %v %d %s, want 4 of 7 = 57.1%%", s.HasSatisfied, s.SatisfiedN, s.PctText(s.SatisfiedN))
	}
	if s.High != 4 || s.Low != 2 || s.HighN != 4 || s.LowN != 2 {
		t.Errorf("thresholds %d/%d counts %d/%d, want 4/2 and 4/2", s.High, s.Low, s.HighN, s.LowN)
	}
	if s.Counts[4].Label != "Very satisfied" || s.Counts[0].Label != "Very dissatisfied" {
		t.Errorf("labels = %+v", s.Counts)
	}
}

func TestNPS(t *testing.T) {
	q := Question{ID: "q", Kind: QuestionScale, Min: 0, Max: 10}
	sv := Survey{Questions: []Question{q}, Respondents: respondents("10", "10", "9", "5", "7", "8", "0", "6")}
	s := sv.QuestionStats(&sv.Questions[0])
	// promoters 3, detractors 3 (5, 0, 6), passives 2: NPS 0
	if !s.HasNPS || s.Promoters != 3 || s.Detractors != 3 || s.NPSText() != "0" {
		t.Errorf("NPS %v %d %d %q", s.HasNPS, s.Promoters, s.Detractors, s.NPSText())
	}
	sv.Respondents = respondents("10", "10", "9", "5")
	s = sv.QuestionStats(&sv.Questions[0])
	if s.NPS != 50 || s.NPSText() != "+50" {
		t.Errorf("NPS = %v %q, want 50 +50", s.NPS, s.NPSText())
	}
	sv.Respondents = respondents("1", "2", "9")
	if got := sv.QuestionStats(&sv.Questions[0]).NPSText(); got != "-33" {
		t.Errorf("NPS = %q, want -33", got)
	}
}

func TestThresholdsOnOtherScales(t *testing.T) {
	cases := []struct {
		min, max, high, low int
		wantHigh, wantLow   int
	}{
		{1, 10, 0, 0, 6, 3},
		{0, 10, 0, 0, 6, 3},
		{1, 5, 0, 0, 4, 2},
		{1, 7, 0, 0, 5, 2},
		{0, 5, 0, 0, 3, 1},
		{1, 3, 0, 0, 3, 1},
		{1, 10, 7, 4, 7, 4},
		{1, 5, 10, 1, 5, 1},
		{0, 0, 0, 0, 6, 3}, // no range saved: read as 1-10
	}
	for _, c := range cases {
		sv := Survey{High: c.high, Low: c.low}
		q := Question{Kind: QuestionScale, Min: c.min, Max: c.max}
		h, l := sv.Thresholds(&q)
		if h != c.wantHigh || l != c.wantLow {
			t.Errorf("%d-%d with %d/%d: got %d/%d, want %d/%d", c.min, c.max, c.high, c.low, h, l, c.wantHigh, c.wantLow)
		}
	}
}

func TestResponseRate(t *testing.T) {
	sv := Survey{Sent: 670, Respondents: RespondentsFrom(make([]Respondent, 57))}
	if got := sv.ResponseRateText(); got != "57 of 670, 8.5%" {
		t.Errorf("got %q", got)
	}
	n, sent, pct, ok := sv.ResponseRate()
	if n != 57 || sent != 670 || !ok || pct < 8.507 || pct > 8.508 {
		t.Errorf("got %d %d %v %v", n, sent, pct, ok)
	}
	// 77 of 800 from a hand-entered summary only.
	sv = Survey{Sent: 800, Questions: []Question{{ID: "a", Kind: QuestionScale, Tally: map[string]int{"10": 30, "1": 40}, TallyExcluded: 7}}}
	if got := sv.ResponseRateText(); got != "77 of 800, 9.6%" {
		t.Errorf("got %q", got)
	}
	sv.Sent = 0
	if _, _, _, ok := sv.ResponseRate(); ok || sv.ResponseRateText() != "77 responses" {
		t.Errorf("unknown sent: ok %v text %q", ok, sv.ResponseRateText())
	}
}

// The Great Places second survey: 77 responses, 49 by phone; of the 43
// phone callers who answered "time to resolve", 16 scored it 1.
func TestStatsByContactMethod(t *testing.T) {
	q := Question{ID: "q", Kind: QuestionScale, Min: 1, Max: 10}
	sv := Survey{Sent: 800, Questions: []Question{q}}
	add := func(method string, n int, answer func(i int) string) {
		for i := 0; i < n; i++ {
			r := Respondent{Attrs: map[string]string{"contact method": method}, Answers: map[string]string{}}
			if a := answer(i); a != "" {
				r.Answers["q"] = a
			}
			sv.Respondents.Append(r)
		}
	}
	add("phone", 49, func(i int) string {
		switch {
		case i < 16:
			return "1"
		case i < 43:
			return strconv.Itoa(2 + i%9)
		}
		return ""
	})
	add("email", 12, func(int) string { return "8" })
	add("self-service portal", 7, func(int) string { return "9" })
	add("in person", 5, func(int) string { return "10" })
	add("", 4, func(int) string { return "5" })

	if got := sv.ResponseRateText(); got != "77 of 800, 9.6%" {
		t.Errorf("response rate %q", got)
	}
	groups := sv.QuestionStatsBy(&sv.Questions[0], "contact method")
	var order []string
	for _, g := range groups {
		order = append(order, fmt.Sprintf("%s:%d", g.Value, g.Size))
	}
	if want := "phone:49 email:12 self-service portal:7 in person:5 not given:4"; strings.Join(order, " ") != want {
		t.Fatalf("groups %v, want %s", order, want)
	}
	if got := Pct1(groups[0].Size, sv.Respondents.Len()); got != "63.6%" {
		t.Errorf("phone share %s, want 63.6%%", got)
	}
	phone := groups[0].Stats
	if phone.Base != 43 || phone.Missing != 6 || phone.Counts[0].N != 16 || phone.PctText(phone.Counts[0].N) != "37.2%" {
		t.Errorf("phone: base %d missing %d scored 1: %d (%s)", phone.Base, phone.Missing, phone.Counts[0].N, phone.PctText(phone.Counts[0].N))
	}
	if got := sv.AttributeNames(); len(got) != 1 || got[0] != "contact method" {
		t.Errorf("attribute names %v", got)
	}
}

func TestYesNoAndChoice(t *testing.T) {
	yn := Question{ID: "q", Kind: QuestionYesNo}
	sv := Survey{Questions: []Question{yn}, Respondents: respondents("Yes", "no", "Y", "maybe", "N/A", "")}
	s := sv.QuestionStats(&sv.Questions[0])
	if s.Base != 3 || s.Invalid != 1 || s.Counts[0].N != 2 || s.Counts[1].N != 1 || s.HasMean {
		t.Errorf("yes/no: %+v", s)
	}
	ch := Question{ID: "q", Kind: QuestionChoice, Labels: []string{"phone", "email", "letter"}}
	sv = Survey{Questions: []Question{ch}, Respondents: respondents("email", "phone", "email", "web chat", "")}
	s = sv.QuestionStats(&sv.Questions[0])
	var got []string
	for _, c := range s.Counts {
		got = append(got, fmt.Sprintf("%s=%d", c.Value, c.N))
	}
	if strings.Join(got, " ") != "phone=1 email=2 letter=0 web chat=1" || s.Base != 4 {
		t.Errorf("choice counts %v base %d", got, s.Base)
	}
	ft := Question{ID: "q", Kind: QuestionFreeText}
	sv = Survey{Questions: []Question{ft}, Respondents: respondents("long wait", "", "Don't know")}
	s = sv.QuestionStats(&sv.Questions[0])
	if s.Base != 1 || s.Missing != 1 || s.Excluded != 1 || len(s.Counts) != 0 {
		t.Errorf("free text: %+v", s)
	}
}

// Property: for random surveys the figures stay in range and add up.
func TestStatsProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	scales := [][2]int{{1, 10}, {0, 10}, {1, 5}, {1, 7}, {0, 5}, {1, 3}}
	for iter := 0; iter < 500; iter++ {
		sc := scales[rng.Intn(len(scales))]
		q := Question{ID: "q", Kind: QuestionScale, Min: sc[0], Max: sc[1], Tally: map[string]int{}}
		tallied := 0
		for i := 0; i < rng.Intn(4); i++ {
			n := rng.Intn(50)
			v := strconv.Itoa(sc[0] + rng.Intn(sc[1]-sc[0]+1))
			q.Tally[v] += n
			tallied += n
		}
		q.TallyExcluded = rng.Intn(3)
		sv := Survey{High: rng.Intn(11), Low: rng.Intn(11), Questions: []Question{q}}
		n := rng.Intn(200)
		for i := 0; i < n; i++ {
			var a string
			switch rng.Intn(10) {
			case 0:
				a = ""
			case 1:
				a = Excluded
			case 2:
				a = strconv.Itoa(rng.Intn(30) - 5) // often out of range
			default:
				a = strconv.Itoa(sc[0] + rng.Intn(sc[1]-sc[0]+1))
			}
			sv.Respondents.Append(Respondent{Answers: map[string]string{"q": a}})
		}
		s := sv.QuestionStats(&sv.Questions[0])
		if got := s.Base + s.Excluded + s.Missing + s.Invalid; got != n+tallied+q.TallyExcluded {
			t.Fatalf("base+excluded+missing+invalid = %d, want %d", got, n+tallied+q.TallyExcluded)
		}
		sum := 0
		for _, c := range s.Counts {
			sum += c.N
			inRange(t, "count pct", c.Pct)
		}
		if sum != s.Base {
			t.Fatalf("counts add to %d, base %d", sum, s.Base)
		}
		for _, p := range []float64{s.TopPct, s.HighPct, s.LowPct, s.SatisfiedPct} {
			inRange(t, "pct", p)
		}
		for _, part := range []int{s.TopN, s.HighN, s.LowN, s.SatisfiedN} {
			if s.Base > 0 {
				f, err := strconv.ParseFloat(strings.TrimSuffix(Pct1(part, s.Base), "%"), 64)
				if err != nil {
					t.Fatal(err)
				}
				inRange(t, "Pct1", f)
			}
		}
		if s.NPS < -100 || s.NPS > 100 {
			t.Fatalf("NPS %v out of range", s.NPS)
		}
		if s.Base > 0 && (s.Mean < float64(sc[0]) || s.Mean > float64(sc[1])) {
			t.Fatalf("mean %v outside %d-%d", s.Mean, sc[0], sc[1])
		}
		if s.High < sc[0] || s.High > sc[1] || s.Low < sc[0] || s.Low > sc[1] {
			t.Fatalf("thresholds %d/%d outside %d-%d", s.High, s.Low, sc[0], sc[1])
		}
		if s.SmallBase != (s.Base < 30) {
			t.Fatalf("small base flag %v for base %d", s.SmallBase, s.Base)
		}
	}
}

func inRange(t *testing.T, what string, p float64) {
	t.Helper()
	if p < 0 || p > 100 {
		t.Fatalf("%s %v outside 0-100", what, p)
	}
}
