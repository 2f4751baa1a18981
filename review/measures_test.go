package review

import (
	"strings"
	"testing"
	"time"
)

func TestMarginOfErrorHandChecked(t *testing.T) {
	// 1.96 * sqrt(0.71 * 0.29 / 1000) = 0.02812: ±2.8 points.
	pts, ok := MarginOfError(71, 1000, 0)
	if !ok || MarginText(pts) != "±2.8 points" {
		t.Errorf("p=0.71, n=1000: got %v %v, want ±2.8 points", MarginText(pts), ok)
	}
	// With N=5000 the correction is sqrt(4000/4999) = 0.8945: 2.516.
	pts, ok = MarginOfError(71, 1000, 5000)
	if !ok || MarginText(pts) != "±2.5 points" {
		t.Errorf("with N=5000: got %v %v, want ±2.5 points", MarginText(pts), ok)
	}
	if pts < 2.51 || pts > 2.52 {
		t.Errorf("with N=5000: %v, want about 2.516", pts)
	}
	// A census has no sampling error; no answers has no margin at all.
	if pts, ok := MarginOfError(71, 500, 500); !ok || pts != 0 {
		t.Errorf("census: got %v %v", pts, ok)
	}
	for _, c := range []struct {
		pct float64
		n   int
	}{{71, 0}, {-1, 10}, {101, 10}} {
		if _, ok := MarginOfError(c.pct, c.n, 0); ok {
			t.Errorf("MarginOfError(%v, %d) should not be ok", c.pct, c.n)
		}
	}
}

func TestChangeInWords(t *testing.T) {
	tp01 := Measure{Code: "TP01", Unit: UnitPct, Direction: HigherBetter}
	rp01 := Measure{Code: "RP01", Unit: UnitPct, Direction: LowerBetter}
	ch01 := Measure{Code: "CH01 (1)", Unit: UnitPerThousand, Direction: NoDirection}
	calls := Measure{Code: "WAIT", Unit: UnitMinutes, Direction: LowerBetter}
	r := func(v float64, base int) Result { return Result{Value: v, Base: base} }
	for _, c := range []struct {
		m         Measure
		prev, cur Result
		want      string
	}{
		{tp01, r(68, 0), r(71, 0), "up 3.0 points, better"},
		{tp01, r(71, 0), r(68, 0), "down 3.0 points, worse"},
		{rp01, r(4.5, 0), r(3.5, 0), "down 1.0 point, better"},
		{rp01, r(3.5, 0), r(4.5, 0), "up 1.0 point, worse"},
		{calls, r(14, 0), r(9.5, 0), "down 4.5 minutes, better"},
		{ch01, r(30.2, 0), r(35.6, 0), "up 5.4 per 1,000 homes"},
		{tp01, r(71, 0), r(71.04, 0), "no change"},
		// 2 points is inside the ±2.8 of a base of 1,000.
		{tp01, r(71, 1000), r(73, 1000), "up 2.0 points, within the margin of error"},
		{tp01, r(71, 1000), r(75, 1000), "up 4.0 points, better"},
	} {
		if got := c.m.Change(c.prev, c.cur); got != c.want {
			t.Errorf("%s %v -> %v: got %q, want %q", c.m.Code, c.prev.Value, c.cur.Value, got, c.want)
		}
	}
}

func TestCatalogueHasTheTwentyTwoMeasures(t *testing.T) {
	cat := TSMs()
	if len(cat) != 22 {
		t.Fatalf("%d codes, want 22", len(cat))
	}
	seen := map[string]bool{}
	tp, mi := 0, 0
	for _, m := range cat {
		if seen[m.Code] {
			t.Errorf("%s appears twice", m.Code)
		}
		seen[m.Code] = true
		if strings.TrimSpace(m.Name) == "" || strings.TrimSpace(m.Counts) == "" {
			t.Errorf("%s has no name or no description", m.Code)
		}
		if m.Kind == TSMPerception {
			tp++
		} else {
			mi++
		}
		for _, p := range m.Parts {
			if p.Name == "" || p.Counts == "" {
				t.Errorf("%s has a part without a name", m.Code)
			}
		}
	}
	if tp != 12 || mi != 10 {
		t.Errorf("%d perception and %d management measures, want 12 and 10", tp, mi)
	}
	for _, code := range []string{"TP01", "TP12", "BS01", "BS05", "RP01", "RP02", "NM01", "CH01", "CH02"} {
		if !seen[code] {
			t.Errorf("%s is missing", code)
		}
	}
	parts := map[string]int{"RP02": 2, "NM01": 2, "CH01": 2, "CH02": 2}
	for _, m := range cat {
		if len(m.Parts) != parts[m.Code] {
			t.Errorf("%s has %d parts, want %d", m.Code, len(m.Parts), parts[m.Code])
		}
	}
	if n := len(TSMLines()); n != 26 {
		t.Errorf("%d lines, want 26 (18 whole codes and 4 codes in 2 parts)", n)
	}
	cat[0].Name = "changed"
	if TSMs()[0].Name == "changed" {
		t.Error("TSMs gave the catalogue itself, not a copy")
	}
}

func TestReadMeasureCode(t *testing.T) {
	for _, c := range []struct {
		in, want string
		tsm      bool
		problem  string
	}{
		{"tp01", "TP01", true, ""},
		{" TP 01 ", "TP01", true, ""},
		{"RP02(1)", "RP02 (1)", true, ""},
		{"rp02 (2)", "RP02 (2)", true, ""},
		{"CH01a", "CH01 (1)", true, ""},
		{"CH02.2", "CH02 (2)", true, ""},
		{"RP02", "RP02", true, "reported in parts"},
		{"RP02 (3)", "RP023", true, "has no part"},
		{"TP01 (1)", "TP01(1)", true, "reported whole"},
		{"calls4", "CALLS4", false, ""},
		{"TP13", "TP13", false, ""},
	} {
		code, tsm, problem := ReadMeasureCode(c.in)
		if tsm != c.tsm || (c.problem == "" && (code != c.want || problem != "")) ||
			(c.problem != "" && !strings.Contains(problem, c.problem)) {
			t.Errorf("ReadMeasureCode(%q) = %q, %v, %q; want %q, %v, ~%q", c.in, code, tsm, problem, c.want, c.tsm, c.problem)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]string{
		"2023/24": "2023/24", "2023-24": "2023/24", "2023/2024": "2023/24", "FY 2023/24": "2023/24",
		"2099/00": "2099/00", "2023/24 Q1": "2023/24 Q1", "Q4 2023/24": "2023/24 Q4", "2023-24 q3": "2023/24 Q3",
		"2023": "2023", "2024-03": "March 2024", "Mar 2024": "March 2024", "march 2024": "March 2024",
	} {
		got, err := CanonicalPeriod(in)
		if err != nil || got != want {
			t.Errorf("CanonicalPeriod(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	// The fast path for canonical forms agrees with the full parser.
	for _, c := range []string{"2023/24", "2099/00", "2023/24 Q1", "2023/24 Q4", "2023", "March 2024", "December 1999"} {
		fast, ok := parseCanonical(c)
		p, err := ParsePeriod(strings.ToLower(c) + " ")
		if !ok || err != nil || fast != p || fast.String() != c {
			t.Errorf("%q: fast %+v %v, full %+v %v", c, fast, ok, p, err)
		}
	}
	for _, bad := range []string{"2023/25", "2023/24 Q5", "Smarch 2024", "1800", "2023-24"} {
		if _, ok := parseCanonical(bad); ok {
			t.Errorf("parseCanonical(%q) took a form String does not write", bad)
		}
	}
	for _, bad := range []string{"", "2023/25", "last year", "2024-13", "Q5 2023/24", "Smarch 2024", "12345"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) should fail", bad)
		}
	}
	q4, _ := ParsePeriod("2023/24 Q4")
	fy, _ := ParsePeriod("2023/24")
	if q4.Start != 2024*12+0 || fy.Start != 2023*12+3 || !fy.Before(q4) {
		t.Errorf("Q4 starts %d, year %d", q4.Start, fy.Start)
	}
	if got := FinancialYearOf(D(2024, time.February, 15)).String(); got != "2023/24" {
		t.Errorf("15 Feb 2024 is in %s", got)
	}
	if got := FinancialYearOf(D(2024, time.April, 1)).String(); got != "2024/25" {
		t.Errorf("1 Apr 2024 is in %s", got)
	}
}

func TestCheckValue(t *testing.T) {
	if CheckValue(UnitPct, 101) == "" || CheckValue(UnitPct, -0.1) == "" || CheckValue(UnitPerThousand, -1) == "" {
		t.Error("out-of-range values were accepted")
	}
	if CheckValue(UnitPct, 100) != "" || CheckValue(UnitPct, 0) != "" || CheckValue(UnitScore, -40) != "" {
		t.Error("in-range values were refused")
	}
}

func TestScorecardRow(t *testing.T) {
	m := Measure{Code: "TP01", Name: "Overall satisfaction", Unit: UnitPct, Direction: HigherBetter, Results: []Result{
		{Period: "2023/24", Value: 71, Base: 1000, Target: 75, HasTarget: true},
		{Period: "2022/23", Value: 66, Base: 900},
		{Period: "2023/24", GroupBy: "locality", Group: "Bolton", Value: 60, Base: 80},
		{Period: "2023/24 Q1", Value: 70, Base: 20},
	}}
	row := Scorecard([]Measure{m})[0]
	if row.Latest.Period != "2023/24" {
		// The year ends after its first quarter, so it is the latest.
		t.Errorf("latest is %s", row.Latest.Period)
	}
	if !row.HasPrevious || row.Previous.Period != "2022/23" {
		t.Errorf("previous is %+v", row.Previous)
	}
	if row.Met != MetNo || row.Change != "up 5.0 points, better" || row.Margin != "±2.8 points" {
		t.Errorf("row: met %v, change %q, margin %q", row.Met, row.Change, row.Margin)
	}
	if len(row.Series) != 3 || row.Series[0].Period != "2022/23" || row.Chart != "▁█▇" {
		t.Errorf("series %v, chart %q", row.Series, row.Chart)
	}
	if g := m.Groups("2023/24"); len(g) != 1 || g[0].GroupText() != "Bolton (locality)" {
		t.Errorf("groups %v", g)
	}
	small := Result{Value: 70, Base: 20}
	if !m.SmallBase(small) || m.SmallBase(Result{Value: 70, Base: 30}) {
		t.Error("small base flag wrong")
	}
	rp := Measure{Code: "RP01", Unit: UnitPct, Direction: LowerBetter}
	if rp.Met(Result{Value: 2, Target: 3, HasTarget: true}) != MetYes || rp.Met(Result{Value: 4, Target: 3, HasTarget: true}) != MetNo {
		t.Error("lower-is-better target judged the wrong way")
	}
	if (Measure{Direction: NoDirection}).Met(Result{Value: 4, Target: 3, HasTarget: true}) != MetUnknown {
		t.Error("a measure with no direction was judged")
	}
	if rp.Margin(Result{Value: 2, Base: 1000}) != "" {
		t.Error("a management measure got a margin of error")
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]float64{1, 2, 3, 4, 5, 6, 7, 8}); got != "▁▂▃▄▅▆▇█" {
		t.Errorf("got %q", got)
	}
	if got := Sparkline([]float64{5, 5}); got != "▅▅" {
		t.Errorf("flat: got %q", got)
	}
	if Sparkline(nil) != "" {
		t.Error("empty series drew something")
	}
}

func TestFollowMeasuresAndSurveyResults(t *testing.T) {
	five := []string{"Very dissatisfied", "Fairly dissatisfied", "Neither", "Fairly satisfied", "Very satisfied"}
	q := Question{ID: "q1", Text: "Overall, how satisfied?", Kind: QuestionScale, Min: 1, Max: 5, Labels: five,
		Tally: map[string]int{"5": 40, "4": 31, "3": 10, "2": 10, "1": 9}, Measure: "tp01", Population: 5000}
	r := &Review{
		Measures: []Measure{{ID: "m1", Code: "TP01", Unit: UnitPct, Direction: HigherBetter, Results: []Result{
			{Period: "2022/23", Value: 66, Target: 70, HasTarget: true}}}},
		Standards: []Standard{{Promise: "Tenants satisfied overall", Measure: "m1"}, {Promise: "Own", Actual: "5%"}},
		Surveys:   []Survey{{Name: "STAR", Date: D(2023, time.October, 1), Questions: []Question{q}}},
	}
	srs := SurveyResults(r)
	if len(srs) != 1 || srs[0].Problem != "" || srs[0].Result.Period != "2023/24" || srs[0].Result.Value != 71 ||
		srs[0].Result.Base != 100 || srs[0].Result.Population != 5000 {
		t.Fatalf("survey results %+v", srs)
	}
	ms := WithSurveyResults(r.Measures, r)
	if len(ms[0].Results) != 2 || len(r.Measures[0].Results) != 1 {
		t.Fatalf("WithSurveyResults: %d results, original now %d", len(ms[0].Results), len(r.Measures[0].Results))
	}
	if row := Scorecard(ms)[0]; row.Latest.Value != 71 || row.Change != "up 5.0 points, within the margin of error" {
		t.Errorf("row from survey: %+v", row)
	}
	FollowMeasures(r)
	st := r.Standards[0]
	if st.Actual != "66%" || st.Period != "2022/23" || st.Target != "at least 70.0%" {
		t.Errorf("followed standard %+v", st)
	}
	if m, _ := st.Met(); m != MetNo {
		t.Errorf("followed standard is %v", m)
	}
	if r.Standards[1].Actual != "5%" {
		t.Error("a standard without a measure changed")
	}
	r.Surveys[0].Date = Date{}
	if srs := SurveyResults(r); srs[0].Problem == "" {
		t.Error("a survey without a date gave a result")
	}
}

func TestPerformanceSectionKeepsControlsOut(t *testing.T) {
	r := &Review{Measures: []Measure{{ID: "m", Code: "OWN\x1b[2J1", Name: "Calls \x1b]0;pwned\x07answered | fast", Unit: UnitPct,
		Direction: HigherBetter, Results: []Result{{Period: "2023/24", Value: 70, Target: 80, HasTarget: true, Source: "BI\x1b[31m team",
			Comparator: 75, HasComparator: true, ComparatorSource: "peer\x00 median"}, {Period: "2022/23", Value: 65}}}}}
	md := string(Render(r))
	if strings.ContainsAny(md, "\x1b\x00\x07") {
		t.Errorf("a control character reached the report:\n%q", md)
	}
	for _, want := range []string{"### Performance", "✗ Not met", "75.0% (peer median)", "answered \\| fast", "up 5.0 points, better",
		"Results over time", "source: BI team"} {
		if !strings.Contains(md, want) {
			t.Errorf("the section lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(string(Render(&Review{})), "Performance") {
		t.Error("a review with no measures got a Performance section")
	}
}
