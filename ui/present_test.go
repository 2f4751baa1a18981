package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/review/example"
	"scrutiny/ui/present"
)

var f5 = tea.KeyPressMsg{Code: tea.KeyF5}

func TestPresentationModeTakesVotes(t *testing.T) {
	st := openStore(t)
	r := &review.Review{Topic: "Customers contacting us"}
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Timeliness and ease of contact", "Quality of the response to the query"} {
		if err := st.SaveCriterion(ctx(), r.ID, &review.Criterion{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	// 40x12 is below the editor's minimum, but the wall view must work there.
	tt := newTester(t, st, 40, 12, Options{ReviewID: r.ID})
	tt.press("alt+6")
	tt.send(f5)
	tt.contains("Scoring · Customers contacting us", "Timeliness and ease of contact", "■■■■ Excellent", "No votes yet", "1-4 vote")
	checkFrame(t, tt.screen(), 40, 12)

	tt.press("3", "3", "2", "4", "backspace")
	tt.contains("Most votes for good (2 of 3)")
	got, err := st.LoadReview(ctx(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v := got.Criteria[0].Votes; v != [5]int{0, 0, 1, 2, 0} {
		t.Errorf("saved votes = %v, want fair 1, good 2", v)
	}
	pos, err := tt.position()
	if err != nil || pos.ReviewID != r.ID || pos.Tab != "criteria" || pos.ItemKind != present.ItemCriterion || pos.ItemID != got.Criteria[0].ID {
		t.Errorf("published position = %+v, %v", pos, err)
	}

	// The theme cycles, shows at once and is remembered for next time.
	tt.press("t")
	if th, _ := st.Setting(ctx(), present.ThemeSetting); th != "light" || tt.m.e.styles.Theme != "light" {
		t.Errorf("theme after t = %q (saved %q), want light", tt.m.e.styles.Theme, th)
	}
	if again := New(st, Options{}); again.e.styles.Theme != "light" {
		t.Errorf("a new window starts in %q, want the remembered light", again.e.styles.Theme)
	}

	tt.press("esc")
	tt.lacks("1-4 vote")
	tt.send(windowSize(80, 24))
	tt.contains("Timeliness and ease of contact")
	// Leaving presentation, digits switch tabs again.
	tt.press("alt+7")
	pos, _ = tt.position()
	if pos.Tab != "judgement" || pos.ItemKind != present.ItemJudgement {
		t.Errorf("after moving to Judgement the wall was told %+v", pos)
	}
}

func TestVotesNeedACriterion(t *testing.T) {
	st := openStore(t)
	r := &review.Review{Topic: "Repairs"}
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 80, 24, Options{ReviewID: r.ID})
	tt.send(f5)
	tt.press("3")
	tt.contains("Repairs")
	if !strings.Contains(tt.m.e.status, "votes go to a criterion") {
		t.Errorf("status = %q", tt.m.e.status)
	}
	tt.press("ctrl+c")
}

func TestScoringVoteKeyOpensTheWall(t *testing.T) {
	st := openStore(t)
	r := &review.Review{Topic: "Repairs"}
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveCriterion(ctx(), r.ID, &review.Criterion{Name: "Ease of reporting a repair"}); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 80, 24, Options{ReviewID: r.ID})
	tt.press("alt+6", "alt+v", "2", "2", "3", "esc")
	tt.contains("Criterion 1 · votes: fair 2, good 1")
	got, _ := st.LoadReview(ctx(), r.ID)
	if got.Criteria[0].Votes != [5]int{0, 0, 2, 1, 0} {
		t.Errorf("votes = %v", got.Criteria[0].Votes)
	}
	// ctrl+z takes back the last vote like any other change.
	tt.press("ctrl+z")
	got, _ = st.LoadReview(ctx(), r.ID)
	if got.Criteria[0].Votes != [5]int{0, 0, 2, 0, 0} {
		t.Errorf("after undo votes = %v", got.Criteria[0].Votes)
	}
}

func TestWallFollowsSurveysAndStandards(t *testing.T) {
	st := openStore(t)
	r := example.WallReview()
	r.ID = ""
	r.Surveys[0].Questions = append(r.Surveys[0].Questions,
		review.Question{ID: "q2", Text: "Any other comments?", Kind: review.QuestionFreeText},
		review.Question{ID: "q3", Text: "Would you recommend us to a friend?", Kind: review.QuestionYesNo, Tally: map[string]int{"yes": 40, "no": 10}})
	if _, err := st.ImportReviews(ctx(), r); err != nil {
		t.Fatal(err)
	}
	sums, _ := st.ListReviews(ctx())
	tt := newTester(t, st, 100, 30, Options{ReviewID: sums[0].ID})
	tt.press("alt+9")
	tt.send(f5)
	tt.contains("Service standards", "Calls answered within 4 minutes", "✗ Not met")
	tt.press("esc")
	s, ok := tt.m.ws.cur().(interface{ select_(string) bool })
	if !ok || !s.select_("survey:s1") {
		t.Skip("the surveys tab does not list survey:s1 here")
	}
	tt.send(f5)
	tt.contains("How satisfied were you with the response to your query?", "Very satisfied", "21 (37%)")
	// Down goes to the next question with a chart, skipping free text.
	tt.press("down")
	tt.contains("Would you recommend us to a friend?", "40 (80%)")
	pos, _ := tt.position()
	if pos.ItemKind != present.ItemQuestion || !strings.HasSuffix(pos.ItemID, "/q3") {
		t.Errorf("the present window was told %+v", pos)
	}
	tt.press("up")
	tt.contains("How satisfied were you")
}

func TestScoringOffersReadyMadeCriteria(t *testing.T) {
	st := openStore(t)
	r := &review.Review{Topic: "Contact"}
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 100, 30, Options{ReviewID: r.ID})
	tt.press("alt+6", "alt+c")
	tt.contains("Add the 4 criteria of the set \"Customer contact\"")
	tt.press("n", "alt+c") // the next set
	tt.contains("\"Any service\"")
	tt.press("n", "alt+c", "n", "alt+c", "n", "alt+c") // round to the first again
	tt.contains("Customer contact")
	tt.press("y")
	tt.contains("Timeliness and ease of contact", "Overall level of customer service")
	got, _ := st.LoadReview(ctx(), r.ID)
	if len(got.Criteria) != 4 || got.Criteria[1].Name != "Quality of the response to the query" {
		t.Fatalf("criteria = %+v", got.Criteria)
	}
}

func TestPresentationStepsThroughCriteria(t *testing.T) {
	st := openStore(t)
	r := &review.Review{Topic: "Contact"}
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"First criterion", "Second criterion"} {
		if err := st.SaveCriterion(ctx(), r.ID, &review.Criterion{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	tt := newTester(t, st, 40, 12, Options{ReviewID: r.ID})
	tt.press("alt+6")
	tt.send(f5)
	tt.contains("First criterion")
	tt.press("down", "4")
	tt.contains("Second criterion", "One vote, for excellent")
	tt.press("up")
	tt.contains("First criterion", "No votes yet")
	got, _ := st.LoadReview(ctx(), r.ID)
	if got.Criteria[0].Votes != [5]int{} || got.Criteria[1].Votes != [5]int{0, 0, 0, 0, 1} {
		t.Errorf("votes went to the wrong criterion: %v %v", got.Criteria[0].Votes, got.Criteria[1].Votes)
	}
}

// The wall shows a recommendation as it is typed, before it is saved.
func TestWallShowsTheRecommendationBeingDrafted(t *testing.T) {
	st := openStore(t)
	r := &review.Review{Topic: "Contact"}
	if err := st.CreateReview(ctx(), r); err != nil {
		t.Fatal(err)
	}
	tt := newTester(t, st, 100, 30, Options{ReviewID: r.ID})
	tt.press("alt+5", "ctrl+n")
	tt.typeText("Publish call waiting")
	pos, err := tt.position()
	if err != nil || pos.ItemKind != present.ItemRecommendation || pos.DraftOf != "text" || pos.Draft != "Publish call waiting" {
		t.Fatalf("position while typing = %+v, %v", pos, err)
	}
	saved, _ := st.LoadReview(ctx(), r.ID)
	sl := present.BuildSlide(present.Snapshot{Pos: pos, Review: saved}, fixedNow())
	if got := strings.Join(present.Render(sl, 40, 12, "", present.PlainPainter), "\n"); !strings.Contains(got, "Publish call waiting") {
		t.Errorf("the wall does not show the draft:\n%s", got)
	}
}
