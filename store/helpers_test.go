package store

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"scrutiny/review"
)

func openTemp(t testing.TB, opts Options) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "panel.scrutiny"), opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// richReview builds a review with every field of every type set, with
// awkward text, so a lost or swapped column shows up.
func richReview(tag string) *review.Review {
	d := func(y int, m time.Month, day int) review.Date { return review.D(y, m, day) }
	return &review.Review{
		Topic:        "Customers contacting us " + tag,
		ServiceArea:  "Contact centre | phones *and* email",
		WhyArea:      "Complaints rose \"a lot\"\nover two years",
		Start:        d(2019, time.January, 10),
		End:          d(2019, time.May, 2),
		BoardDate:    d(2019, time.July, 18),
		Stage:        review.StageDrafting,
		Introduction: "The panel met 8 times. Emoji 🏠 and عربى text.",
		Approach:     "We used <mystery shopping> & # headings",
		Summary:      "Improving, with work to do.",
		Scope: review.Scope{
			Aim:        "Find out how easy it is to contact the landlord",
			Objectives: []string{"Check call times", "Check email replies"},
			FocusAreas: []string{"Phones", "Email", "Web chat"},
			OutOfScope: []string{"Repairs quality"},
		},
		Judgement: review.Judgement{Level: review.Fair, Word: "Improving", Explanation: "Getting better each month"},
		Archived:  true,
		Meetings: []review.Meeting{{
			Date: d(2019, time.February, 7), StartTime: "18:00", EndTime: "20:30", Venue: "Community centre",
			Attendees: []string{"m1", "m2"}, Apologies: []string{"m3"},
			Agenda: []review.AgendaItem{{Title: "Welcome", Minutes: 5, Notes: "tea"}, {Title: "Evidence"}},
			Notes:  "Long notes\nwith lines", Decisions: []string{"Visit the call centre"},
			Expenses: []review.Expense{{MemberID: "m1", Description: "Bus fare", Pence: 340}},
		}},
		Evidence: []review.Evidence{
			{Kind: review.KindShadowing, Title: "Listening to calls", Date: d(2019, time.March, 1), Who: "Contact team", Notes: "Two hours"},
			{Kind: review.KindMysteryShop, Title: "Mystery shop", Date: d(2019, time.March, 9), Who: "Panel", Notes: "12 calls"},
		},
		Standards: []review.Standard{{Promise: "Calls answered within 4 minutes", Target: "at least 80%", Actual: "70%",
			Period: "end of February 2019", Source: "BI team", Verdict: review.MetNo, Evidence: "ev-x"}},
		Surveys: []review.Survey{{
			Name: "Customer survey", Date: d(2019, time.March, 20), Channel: review.ChannelText, Sent: 500,
			Evidence: "ev-y", High: 7, Low: 3,
			Questions: []review.Question{
				{ID: "q1", Text: "How satisfied?", Kind: review.QuestionScale, Min: 1, Max: 10,
					Labels: []string{"Very dissatisfied", "Very satisfied"}, Tally: map[string]int{"7": 3, "9": 1}, TallyExcluded: 2},
				{ID: "q2", Text: "Did we call back?", Kind: review.QuestionYesNo},
			},
			Respondents: review.RespondentsFrom([]review.Respondent{
				{Attrs: map[string]string{"contact method": "phone"}, Answers: map[string]string{"q1": "7", "q2": "yes"}},
				{Answers: map[string]string{"q1": review.Excluded, "q2": "no \"really\"\n\\"}},
			}),
		}},
		Recommendations: []review.Recommendation{{
			Text:      "Answer calls faster",
			SubPoints: []review.SubPoint{{ID: "s1", Text: "More staff at 9am"}, {ID: "s2", Text: "Call-back option"}},
			Response:  review.Response{Decision: review.Accepted, Words: "Agreed"},
			Actions:   []review.Action{{ID: "a1", Text: "Hire two advisers", Owner: "Head of contact", Due: d(2019, time.October, 1), Status: review.NotStarted}},
		}},
		Criteria: []review.Criterion{{Name: "Ease of contact", Level: review.Good, Rationale: "Most calls answered", Votes: [5]int{0, 1, 2, 5, 1}}},
	}
}

// saveRich stores r through the public Save* calls, filling IDs and links
// the way the UI would.
func saveRich(t testing.TB, s *Store, r *review.Review) {
	t.Helper()
	ctx := context.Background()
	for _, name := range []string{"Pat", "Sam"} {
		m := review.Member{Name: name + " " + r.Topic[len(r.Topic)-1:], Role: review.RoleChair, Joined: review.D(2018, 4, 1), Left: review.D(2020, 1, 1), Notes: "n"}
		if err := s.SaveMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
		r.MemberIDs = append(r.MemberIDs, m.ID)
		r.Members = append(r.Members, m)
	}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := range r.Meetings {
		r.Meetings[i].Attendees = r.MemberIDs
		must(s.SaveMeeting(ctx, r.ID, &r.Meetings[i]))
	}
	var evIDs []string
	for i := range r.Evidence {
		must(s.SaveEvidence(ctx, r.ID, &r.Evidence[i]))
		evIDs = append(evIDs, r.Evidence[i].ID)
	}
	r.Findings = []review.Finding{
		{Kind: review.GoodPractice, Text: "Friendly staff", EvidenceIDs: evIDs},
		{Kind: review.Issue, Text: "Long waits | at 9am", EvidenceIDs: evIDs[:1]},
	}
	for i := range r.Findings {
		must(s.SaveFinding(ctx, r.ID, &r.Findings[i]))
	}
	for i := range r.Standards {
		must(s.SaveStandard(ctx, r.ID, &r.Standards[i]))
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		must(s.SaveSurvey(ctx, r.ID, sv))
		saveOneThenRest(t, s, sv)
	}
	for i := range r.Recommendations {
		r.Recommendations[i].FindingIDs = []string{r.Findings[1].ID, r.Findings[0].ID}
		must(s.SaveRecommendation(ctx, r.ID, &r.Recommendations[i]))
	}
	for i := range r.Criteria {
		must(s.SaveCriterion(ctx, r.ID, &r.Criteria[i]))
	}
}

func sameReview(t testing.TB, want, got *review.Review) {
	t.Helper()
	if reflect.DeepEqual(want, got) {
		return
	}
	wv, gv := reflect.ValueOf(*want), reflect.ValueOf(*got)
	for i := 0; i < wv.NumField(); i++ {
		if !reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
			t.Errorf("field %s differs:\nwant %s\ngot  %s", wv.Type().Field(i).Name,
				fmt.Sprintf("%#v", wv.Field(i).Interface()), fmt.Sprintf("%#v", gv.Field(i).Interface()))
		}
	}
	t.FailNow()
}

// saveOneThenRest saves sv's first respondent with SaveRespondent and the
// rest with AddRespondents, and keeps the IDs they were given.
func saveOneThenRest(t testing.TB, s *Store, sv *review.Survey) {
	t.Helper()
	ctx := context.Background()
	list := sv.Respondents.List()
	if err := s.SaveRespondent(ctx, sv.ID, &list[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.AddRespondents(ctx, sv.ID, list[1:]); err != nil {
		t.Fatal(err)
	}
	for i := range list {
		sv.Respondents.IDs[i] = list[i].ID
	}
}
