package example

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"scrutiny/review"
)

// figures works out, by hand, what a report would print for one 1-10
// question: base, average (2 dp), % of tens (0 dp), % at or above hi and at
// or below lo (1 dp).
func figures(sv review.Survey, qid string, hi, lo int) (base int, avg, top, high, low string) {
	sum, tens, nh, nl := 0, 0, 0, 0
	for _, r := range sv.Respondents.List() {
		a, ok := r.Answers[qid]
		if !ok || a == review.Excluded {
			continue
		}
		v, err := strconv.Atoi(a)
		if err != nil {
			panic(err)
		}
		base++
		sum += v
		if v == 10 {
			tens++
		}
		if v >= hi {
			nh++
		}
		if v <= lo {
			nl++
		}
	}
	pct := func(n, dp int) string {
		p := float64(n) * 100 / float64(base)
		return strconv.FormatFloat(math.Round(p*math.Pow10(dp))/math.Pow10(dp), 'f', dp, 64)
	}
	a := float64(sum) / float64(base)
	return base, strconv.FormatFloat(math.Round(a*100)/100, 'f', 2, 64), pct(tens, 0), pct(nh, 1), pct(nl, 1)
}

func TestExampleSurveysMatchTheReport(t *testing.T) {
	r := Review()
	s1, s2 := r.Surveys[0], r.Surveys[1]
	if s1.Respondents.Len() != 57 || s1.Sent != 670 || s2.Respondents.Len() != 77 || s2.Sent != 800 {
		t.Fatalf("survey sizes: %d of %d, %d of %d", s1.Respondents.Len(), s1.Sent, s2.Respondents.Len(), s2.Sent)
	}
	for i, want := range []string{"7.42", "7.22"} {
		if _, avg, _, _, _ := figures(s1, s1.Questions[i].ID, 7, 3); avg != want {
			t.Errorf("first survey question %d: average %s, the report says %s", i+1, avg, want)
		}
	}
	// Published figures; ours must equal them except where the comment on
	// scoreSpec says no whole number of people can.
	want := []string{
		"68 6.71 35 58.8 23.5",
		"71 6.90 41 62.0 26.8",
		"77 6.39 39 54.5 33.8",
		"66 6.45 35 57.6 31.8",
		"71 6.89 39 64.8 28.2",
	}
	for i, w := range want {
		b, avg, top, hi, lo := figures(s2, s2.Questions[i].ID, 6, 3)
		if got := fmt.Sprintf("%d %s %s %s %s", b, avg, top, hi, lo); got != w {
			t.Errorf("second survey question %d: got %s, want %s", i+1, got, w)
		}
	}
	phone := []string{
		"44 5.41 16 43.2 36.4",
		"43 5.40 21 51.2 44.2",
		"44 6.70 32 63.6 27.3",
		"44 6.50 30 61.4 27.3",
		"44 6.41 32 61.4 34.1",
		"44 6.20 32 61.4 34.1",
	}
	for i, w := range phone {
		q := s2.Questions[5+i]
		b, avg, top, hi, lo := figures(s2, q.ID, 6, 3)
		if got := fmt.Sprintf("%d %s %s %s %s", b, avg, top, hi, lo); got != w {
			t.Errorf("phone question %d: got %s, want %s", i+1, got, w)
		}
		for _, r := range s2.Respondents.List() {
			if _, ok := r.Answers[q.ID]; ok && r.Attrs["contact method"] != "phone" {
				t.Errorf("phone question %d answered by someone who used %s", i+1, r.Attrs["contact method"])
			}
		}
	}
	ones := func(q review.Question) (n int) {
		for _, r := range s2.Respondents.List() {
			if r.Answers[q.ID] == "1" {
				n++
			}
		}
		return n
	}
	if a, b := ones(s2.Questions[6]), ones(s2.Questions[10]); a != 16 || b != 11 {
		t.Errorf("gave 1: %d for time to resolve (report: 16 of 43), %d for quality (report: 11 of 44)", a, b)
	}
	for i, w := range []string{"6.84 33", "6.65 34", "6.07 32", "6.48 27", "6.75 35"} {
		_, avg, top, _, _ := figures(s2, s2.Questions[11+i].ID, 6, 3)
		if got := avg + " " + top; got != w {
			t.Errorf("overall question %d: got %s, want %s", i+1, got, w)
		}
	}
	if q := s2.Questions[len(s2.Questions)-1]; q.Kind != review.QuestionChoice {
		t.Errorf("the last question should be the choice about digital contact, not %q", q.Text)
	}
	methods := map[string]int{}
	for _, r := range s2.Respondents.List() {
		methods[r.Attrs["contact method"]]++
	}
	if fmt.Sprint(methods) != "map[email:12 in person:5 other:4 phone:49 self-service portal:7]" {
		t.Errorf("contact methods: %v", methods)
	}
}

func TestExampleIsWholeAndLinked(t *testing.T) {
	r := Review()
	seen := map[string]string{}
	add := func(what, id string) {
		if len(id) != 36 || id[14] != '7' {
			t.Errorf("%s ID %q is not UUIDv7-shaped", what, id)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("%s and %s share the ID %s", prev, what, id)
		}
		seen[id] = what
	}
	add("review", r.ID)
	for _, m := range r.Members {
		add("member", m.ID)
	}
	for _, m := range r.Meetings {
		add("meeting", m.ID)
	}
	for _, e := range r.Evidence {
		add("evidence", e.ID)
	}
	for _, f := range r.Findings {
		add("finding", f.ID)
		if len(f.EvidenceIDs) == 0 {
			t.Errorf("finding %q has no evidence", f.Text)
		}
		for _, id := range f.EvidenceIDs {
			if _, ok := r.EvidenceByID(id); !ok {
				t.Errorf("finding %q names missing evidence %s", f.Text, id)
			}
		}
	}
	met := 0
	for _, s := range r.Standards {
		add("standard", s.ID)
		if s.Verdict == review.MetYes {
			met++
		}
	}
	if len(r.Standards) != 6 || met != 3 {
		t.Errorf("%d standards, %d met; the report has 6 with 3 met", len(r.Standards), met)
	}
	for _, sv := range r.Surveys {
		add("survey", sv.ID)
		for _, q := range sv.Questions {
			add("question", q.ID)
		}
		for _, p := range sv.Respondents.List() {
			add("respondent", p.ID)
		}
	}
	var subs []int
	for _, rec := range r.Recommendations {
		add("recommendation", rec.ID)
		subs = append(subs, len(rec.SubPoints))
		for _, sp := range rec.SubPoints {
			add("sub-point", sp.ID)
		}
		for _, id := range rec.FindingIDs {
			if _, ok := r.FindingByID(id); !ok {
				t.Errorf("recommendation %q names missing finding %s", rec.Text, id)
			}
		}
		if len(rec.FindingIDs) == 0 {
			t.Errorf("recommendation %q has no finding behind it", rec.Text)
		}
	}
	if fmt.Sprint(subs) != "[5 0 6 4 5 0]" {
		t.Errorf("sub-points per recommendation %v, the report has [5 0 6 4 5 0]", subs)
	}
	for _, c := range r.Criteria {
		add("criterion", c.ID)
		total := 0
		for _, v := range c.Votes {
			total += v
		}
		if total != 6 {
			t.Errorf("criterion %q has %d votes; six volunteers vote", c.Name, total)
		}
	}
	if len(r.Members) != 8 || len(r.Evidence) < 9 || len(r.Criteria) != 4 {
		t.Errorf("members %d, evidence %d, criteria %d", len(r.Members), len(r.Evidence), len(r.Criteria))
	}
	if r.Judgement.Word != "Improving" || r.Judgement.Level != review.LevelNone || r.Judgement.Explanation == "" {
		t.Errorf("judgement %+v", r.Judgement)
	}
	if !r.Start.Before(r.End) || !r.End.Before(r.BoardDate) || r.BoardDate.Long() != "Thursday 2 May 2019" {
		t.Errorf("dates %v %v %v", r.Start, r.End, r.BoardDate)
	}
}

func TestExampleIsTheSameEveryTime(t *testing.T) {
	a, b := Review(), Review()
	if fmt.Sprintf("%#v", a) != fmt.Sprintf("%#v", b) {
		t.Fatal("two calls to Review differ")
	}
}

func TestLargeReviewSizes(t *testing.T) {
	r := largeReview(7, largeMembers(), LargeRespondentsPer)
	answers := 0
	for _, sv := range r.Surveys {
		for _, p := range sv.Respondents.List() {
			answers += len(p.Answers)
		}
	}
	if len(r.Evidence) != 100 || len(r.Findings) != 300 || len(r.Recommendations) != 50 || answers != 10000 {
		t.Fatalf("evidence %d findings %d recommendations %d answers %d", len(r.Evidence), len(r.Findings), len(r.Recommendations), answers)
	}
	for _, d := range []review.Date{r.Start, r.End, r.BoardDate} {
		if _, err := review.ParseDate(d.String()); err != nil || d.Month > 12 {
			t.Errorf("bad date %v", d)
		}
	}
	if fmt.Sprintf("%#v", r) != fmt.Sprintf("%#v", largeReview(7, largeMembers(), LargeRespondentsPer)) {
		t.Error("largeReview is not deterministic")
	}
}

func TestExampleScorecard(t *testing.T) {
	r := Review()
	if len(r.Measures) != 9 || len(r.MeasureIDs) != 9 {
		t.Fatalf("%d measures, %d measure IDs; want the six standards' indicators and three TSMs", len(r.Measures), len(r.MeasureIDs))
	}
	tsm := 0
	for _, m := range r.Measures {
		if m.IsTSM() {
			tsm++
			for _, res := range m.Results {
				if res.Source != illustrative || res.HasComparator {
					t.Errorf("%s %s: a made-up figure must say so and carry no comparator", m.Code, res.Period)
				}
			}
		}
	}
	if tsm != 3 {
		t.Errorf("%d TSMs, want 3", tsm)
	}
	// Each standard follows its indicator and comes out as the report
	// judged it: 3 of 6 met.
	want := map[string]review.MetState{}
	for _, st := range r.Standards {
		want[st.ID], _ = st.Met()
	}
	review.FollowMeasures(r)
	for _, st := range r.Standards {
		if st.Measure == "" || st.Period != "February 2019" {
			t.Errorf("standard %q does not follow a measure (%q)", st.Promise, st.Period)
		}
		if got, _ := st.Met(); got != want[st.ID] {
			t.Errorf("standard %q: %v after following its measure, %v before", st.Promise, got, want[st.ID])
		}
	}
}
