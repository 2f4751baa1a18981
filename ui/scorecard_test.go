package ui

import (
	"context"
	"slices"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
)

func openScorecard(t *testing.T, w, h int) (*tester, *scorecardTab) {
	t.Helper()
	tt, _, _ := exampleTester(t, w, h)
	tt.press("ctrl+pgup") // from the first tab back round to the last
	s, ok := tt.m.ws.cur().(*scorecardTab)
	if !ok {
		t.Fatalf("ctrl+pgup from tab 1 opened %T, not the scorecard", tt.m.ws.cur())
	}
	return tt, s
}

func TestScorecardGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		w, h := size[0], size[1]
		tag := func(n string) string { return n + "-" + itoa(w) + "x" + itoa(h) }
		// The list itself is TestWorkspaceGolden's tab13-scorecard.
		tt, s := openScorecard(t, w, h)
		checkFrame(t, tt.screen(), w, h)
		s.select_(msTP01(tt))
		tt.press("enter")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("scorecard-detail"), tt.screen())
		tt.press("esc", "alt+p")
		checkFrame(t, tt.screen(), w, h)
		compareGolden(t, tag("scorecard-panel"), tt.screen())
	}
}

func msTP01(tt *tester) string {
	for _, m := range tt.m.ws.rev.Measures {
		if m.Code == "TP01" {
			return m.ID
		}
	}
	tt.t.Fatal("the example has no TP01")
	return ""
}

func TestScorecardShowsEachMeasureInWords(t *testing.T) {
	tt, _ := openScorecard(t, 220, 50)
	tt.contains("Scorecard (9 measures): 3 ✓ met, 6 ✗ not met", "✗ TP01", "✗ TP07", "✓ RINGBACK")
	want := map[string]string{
		"TP01":     "✗ TP01      71.0% ±2.6 points (target 75.0%), 2023/24, up 2.8 points, better, ▁█ · Overall satisfaction",
		"TP07":     "✗ TP07      65.0% ±2.8 points (target 72.0%), 2023/24, down 1.1 points, within the margin of error, █▁ · Keeps tenants informed",
		"RINGBACK": "✓ RINGBACK  14.0 minutes (target 60.0 minutes), February 2019 · Time to ring a customer back",
	}
	s := tt.m.ws.cur().(*scorecardTab)
	for i, l := range s.lines {
		if w, ok := want[l.row.Measure.Code]; ok {
			if got, _ := s.rowText(i); got != w {
				t.Errorf("row %s:\n got %q\nwant %q", l.row.Measure.Code, got, w)
			}
			delete(want, l.row.Measure.Code)
		}
	}
	if len(want) > 0 {
		t.Errorf("rows not shown: %v", want)
	}
}

func TestScorecardAddsAMeasureAndAResult(t *testing.T) {
	tt, s := openScorecard(t, 220, 50)
	st := s.ws.e.st
	tt.press("alt+p")
	tt.contains("All the panel's measures (9 tracked)", "Tenant Satisfaction Measures not tracked yet", "TP02")
	if !s.select_("tsm:TP02") {
		t.Fatal("TP02 is not offered")
	}
	tt.press("alt+a")
	tt.contains("added to this review's scorecard")
	r := loadReview(t, st, s.ws.rev.ID)
	if len(r.MeasureIDs) != 10 || r.Measures[9].Code != "TP02" || r.Measures[9].Name != "Satisfaction with repairs" {
		t.Fatalf("after adding TP02: %d measures, last %+v", len(r.MeasureIDs), r.Measures[len(r.Measures)-1])
	}
	tp02 := r.Measures[9].ID
	// Back on this review's scorecard, add a result by typing it.
	tt.press("alt+p")
	s.select_(tp02)
	tt.press("enter")
	if !s.f.focusID("ms-add") {
		t.Fatal("no field to add a result")
	}
	tt.press("enter")
	tt.typeText("2023/24 140")
	tt.press("enter")
	tt.contains("a percentage must be between 0 and 100")
	if ms, _ := st.ListMeasures(context.Background()); len(resultsOf(ms, tp02)) != 0 {
		t.Fatal("a refused result was saved")
	}
	tt.press("ctrl+u")
	tt.typeText("2023-24 74.5")
	tt.press("enter")
	ms, _ := st.ListMeasures(context.Background())
	if rs := resultsOf(ms, tp02); len(rs) != 1 || rs[0].Period != "2023/24" || rs[0].Value != 74.5 {
		t.Fatalf("TP02 results after typing: %+v", rs)
	}
	// Clearing the value moves the result to the bin; ctrl+z brings it back.
	rid := resultsOf(ms, tp02)[0].ID
	if !s.f.focusID("r-" + rid + "-value") {
		t.Fatal("no value field for the new result")
	}
	tt.press("enter", "ctrl+u", "enter")
	if ms, _ := st.ListMeasures(context.Background()); len(resultsOf(ms, tp02)) != 0 {
		t.Fatal("clearing the value did not move the result to the bin")
	}
	for s.detail || s.typing() {
		tt.press("esc")
	}
	tt.press("ctrl+z")
	if ms, _ := st.ListMeasures(context.Background()); len(resultsOf(ms, tp02)) != 1 {
		t.Fatalf("ctrl+z did not bring the result back: %q", tt.m.e.status)
	}
	tt.contains("74.5%", "2023/24")
	// d takes it out of the review, not out of the panel's measures.
	s.select_(tp02)
	tt.press("ctrl+d")
	if r := loadReview(t, st, s.ws.rev.ID); slices.Contains(r.MeasureIDs, tp02) {
		t.Error("d left TP02 in the review")
	}
	if ms, _ := st.ListMeasures(context.Background()); len(ms) != 10 {
		t.Errorf("the panel has %d measures after d, want 10", len(ms))
	}
	tt.press("ctrl+z")
	if r := loadReview(t, st, s.ws.rev.ID); !slices.Contains(r.MeasureIDs, tp02) {
		t.Error("ctrl+z did not put TP02 back")
	}
	// On the panel's list d moves the measure itself to the bin, after asking.
	tt.press("alt+p")
	s.select_(tp02)
	tt.press("ctrl+d", "y")
	if ms, _ := st.ListMeasures(context.Background()); len(ms) != 9 {
		t.Errorf("the panel has %d measures after d on its list, want 9", len(ms))
	}
	if r := loadReview(t, st, s.ws.rev.ID); len(r.Measures) != 9 {
		t.Errorf("the review still loads %d measures", len(r.Measures))
	}
}

func resultsOf(ms []review.Measure, id string) []review.Result {
	for _, m := range ms {
		if m.ID == id {
			return m.Results
		}
	}
	return nil
}

func TestScorecardLinksFindingsAndStandards(t *testing.T) {
	tt, s := openScorecard(t, 220, 50)
	st := s.ws.e.st
	id := msTP01(tt)
	s.select_(id)
	tt.press("enter")
	f0 := s.ws.rev.Findings[0].ID
	if !s.f.focusID("cite:" + f0) {
		t.Fatal("no tick box to cite TP01 in the first finding")
	}
	tt.press("enter")
	r := loadReview(t, st, s.ws.rev.ID)
	if !slices.Contains(r.Findings[0].MeasureIDs, id) {
		t.Errorf("the first finding does not cite TP01: %v", r.Findings[0].MeasureIDs)
	}
	s0 := s.ws.rev.Standards[0].ID
	if !s.f.focusID("follow:" + s0) {
		t.Fatal("no tick box to make a standard follow TP01")
	}
	tt.press("enter")
	r = loadReview(t, st, s.ws.rev.ID)
	if r.Standards[0].Measure != id {
		t.Errorf("standard 1 follows %q, want TP01", r.Standards[0].Measure)
	}
	if got := s.ws.rev.Standards[0]; got.Actual != "71%" || got.Period != "2023/24" {
		t.Errorf("standard 1 on screen: %q for %q, want TP01's latest", got.Actual, got.Period)
	}
}

func TestScorecardSurveyQuestionAsATSM(t *testing.T) {
	st := openStore(t)
	r := example.Review()
	five := []string{"Very dissatisfied", "Fairly dissatisfied", "Neither", "Fairly satisfied", "Very satisfied"}
	r.Surveys[0].Questions = append(r.Surveys[0].Questions, review.Question{ID: "0169e2b4-1a00-7000-8000-000000009999",
		Text: "Overall, how satisfied are you with Great Places?", Kind: review.QuestionScale, Min: 1, Max: 5, Labels: five,
		Tally: map[string]int{"5": 300, "4": 410, "3": 120, "2": 100, "1": 70}})
	r.Surveys[0].Date = review.D(2024, 10, 1)
	if _, err := st.ImportReviews(ctx(), r); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 220, 50, Options{ReviewID: r.ID})
	tt.press("ctrl+pgup")
	s := tt.m.ws.cur().(*scorecardTab)
	id := msTP01(tt)
	s.select_(id)
	tt.press("enter")
	if !s.f.focusID("ask:0169e2b4-1a00-7000-8000-000000009999") {
		t.Fatal("the five-point question is not offered as asking TP01")
	}
	tt.press("enter")
	got := loadReview(t, st, r.ID)
	q := got.Surveys[0].Questions[len(got.Surveys[0].Questions)-1]
	if q.Measure != "TP01" {
		t.Fatalf("question marked %q, want TP01", q.Measure)
	}
	// 710 of 1,000 satisfied: the 2024/25 result, ±2.8 points; from
	// 5,000 homes, ±2.5.
	for s.detail || s.typing() {
		tt.press("esc")
	}
	tt.contains("71.0% ±2.8 points", "2024/25")
	s.select_(id)
	tt.press("enter")
	if !s.f.focusID("pop:0169e2b4-1a00-7000-8000-000000009999") {
		t.Fatal("no field for the homes the survey was drawn from")
	}
	tt.press("enter")
	tt.typeText("5000")
	tt.press("enter")
	for s.detail || s.typing() {
		tt.press("esc")
	}
	tt.contains("71.0% ±2.5 points", "2024/25")
	got = loadReview(t, st, r.ID)
	srs := review.SurveyResults(got)
	if len(srs) != 1 || srs[0].Result.Period != "2024/25" || srs[0].Result.Value != 71 || srs[0].Result.Base != 1000 ||
		srs[0].Result.Population != 5000 {
		t.Errorf("survey results: %+v", srs)
	}
}
