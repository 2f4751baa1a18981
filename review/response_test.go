package review

import (
	"strings"
	"testing"
)

func TestParseWords(t *testing.T) {
	for in, want := range map[string]Decision{"Accepted": Accepted, " partly  ACCEPTED ": PartlyAccepted, "": DecisionNone, "none": DecisionNone, "rejected": NotAccepted} {
		if got, err := ParseDecision(in); err != nil || got != want {
			t.Errorf("ParseDecision(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseDecision("maybe"); err == nil || !strings.Contains(err.Error(), `"maybe" is not a decision: use accepted, partly accepted, not accepted or under consideration`) {
		t.Errorf("bad decision: %v", err)
	}
	if st, note := LegacyStatus("Completed"); st != Done || note != "" {
		t.Errorf("Completed: %q %q", st, note)
	}
	if st, note := LegacyStatus("waiting for IT"); st != NotStarted || !strings.Contains(note, "waiting for IT") {
		t.Errorf("unknown legacy status: %q %q", st, note)
	}
	if v, err := ParseVerdict("Partly"); err != nil || v != PartlyDone {
		t.Errorf("verdict partly: %q %v", v, err)
	}
}

func TestOverdueIsWorkedOutFromToday(t *testing.T) {
	a := Action{Due: D(2020, 1, 31), Status: OnTrack}
	if a.Overdue(D(2020, 1, 31)) || !a.Overdue(D(2020, 2, 1)) {
		t.Error("overdue should start the day after the due date")
	}
	if got := a.OverdueText(D(2020, 2, 10)); got != "overdue by 10 days" {
		t.Errorf("OverdueText = %q", got)
	}
	for _, st := range []ActionStatus{Done, Dropped} {
		if (Action{Due: D(2020, 1, 31), Status: st}).Overdue(D(2021, 1, 1)) {
			t.Errorf("%s is never overdue", st)
		}
	}
	rec := Recommendation{Response: Response{Decision: Accepted}, Actions: []Action{a, {Status: Done}, {Due: D(2020, 6, 1), Status: Behind}}}
	if got := rec.StatusLine(D(2020, 3, 1)); got != "Accepted ✓ · 1 of 3 actions done · 1 overdue" {
		t.Errorf("StatusLine = %q", got)
	}
	if p := rec.Progress(D(2020, 3, 1)); p.NextDue != D(2020, 1, 31) || p.Short() != "1 of 3 done, 1 overdue" {
		t.Errorf("progress %+v %q", p, p.Short())
	}
}

func TestFollowUpPointsDefaultToSixAndTwelveMonths(t *testing.T) {
	ps := DefaultFollowUpPoints(D(2019, 8, 31))
	if len(ps) != 2 || ps[0].Due != D(2020, 2, 29) || ps[1].Due != D(2020, 8, 31) || ps[0].Label != "6 months" {
		t.Errorf("points %+v", ps)
	}
	r := &Review{BoardDate: D(2019, 5, 2)}
	r.FollowUpPoints = append(r.FollowUpPoints, r.NextFollowUpPoint())
	r.FollowUpPoints = append(r.FollowUpPoints, r.NextFollowUpPoint())
	if next := r.NextFollowUpPoint(); next.Label != "18 months" || next.Due != D(2020, 11, 2) {
		t.Errorf("after the defaults: %+v", next)
	}
}

func TestSuggestStageNeverForcesNorGoesBack(t *testing.T) {
	today := D(2020, 1, 1)
	r := &Review{Stage: StageReported, Recommendations: []Recommendation{
		{Response: Response{Decision: Accepted}}, {Response: Response{Decision: NotAccepted, Reason: "cost"}}}}
	if st, _, ok := r.SuggestStage(today); !ok || st != StageBoardResponse {
		t.Errorf("all answered: %q %v", st, ok)
	}
	r.Recommendations[0].Actions = []Action{{Text: "x", Status: Done}}
	if st, _, ok := r.SuggestStage(today); !ok || st != StageActionPlan {
		t.Errorf("actions for every agreed: %q %v", st, ok)
	}
	r.FollowUpPoints = []FollowUpPoint{{ID: "p", Held: D(2019, 12, 1)}}
	r.Recommendations[0].FollowUp = []Check{{PointID: "p", Verdict: Implemented}}
	if st, _, ok := r.SuggestStage(today); !ok || st != StageClosed {
		t.Errorf("all done and implemented: %q %v", st, ok)
	}
	r.Stage = StageClosed
	if _, _, ok := r.SuggestStage(today); ok {
		t.Error("suggested a stage back from closed")
	}
	r = &Review{Stage: StageReported, Recommendations: []Recommendation{{Response: Response{Decision: UnderConsideration}}}}
	if _, _, ok := r.SuggestStage(today); ok {
		t.Error("a recommendation still under consideration is not an answer")
	}
}

func TestValidateResponseNeedsReason(t *testing.T) {
	ps := ValidateRecommendation(Recommendation{Text: "x", Response: Response{Decision: PartlyAccepted},
		Actions: []Action{{Text: "y", Status: Dropped}}})
	var got []string
	for _, p := range ps {
		got = append(got, p.Field+": "+p.Message)
	}
	want := `response.reason: A response of "partly accepted" needs the reason the Board gave|actions.1.reason: Action 1 is dropped: say why`
	if strings.Join(got, "|") != want {
		t.Errorf("problems %q", got)
	}
}

func TestImpactOverAPeriod(t *testing.T) {
	r := &Review{BoardDate: D(2019, 5, 2),
		Meetings: []Meeting{{Date: D(2019, 1, 10), StartTime: "10:00", EndTime: "12:00", Attendees: []string{"m1"}},
			{Date: D(2019, 6, 1), StartTime: "10:00", EndTime: "11:00", Attendees: []string{"m1"}}},
		Members: []Member{{ID: "m1", Role: RoleMember}}, MemberIDs: []string{"m1"},
		FollowUpPoints: []FollowUpPoint{{ID: "p"}},
		Recommendations: []Recommendation{
			{Response: Response{Decision: Accepted}, FollowUp: []Check{{PointID: "p", Verdict: Implemented, Measure: "calls", AtReport: "70%", Now: "84%"}}},
			{Response: Response{Decision: PartlyAccepted}}, {Response: Response{Decision: NotAccepted}}}}
	im := ImpactOver([]*Review{r}, D(2019, 4, 1), D(2020, 3, 31))
	if im.Reviews != 1 || im.Meetings != 1 || im.VolunteerMinutes != 60 || im.Recommendations != 3 || im.Accepted != 1 ||
		im.Implemented != 1 || im.Percent(im.Accepted) != "33%" || len(im.Moved) != 1 || im.Moved[0] != "Recommendation 1: calls: 70% → 84%" {
		t.Errorf("impact %+v", im)
	}
	if im := ImpactOver([]*Review{r}, D(2020, 4, 1), Date{}); im.Reviews != 0 {
		t.Errorf("a later period: %+v", im)
	}
}
