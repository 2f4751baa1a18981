package example

import "scrutiny/review"

// WallReview is a small review in the middle of a meeting, with one of
// each thing the wall can show: a voted criterion, a recommendation with
// sub-points, a scale question, three standards and a timed agenda.
func WallReview() *review.Review {
	c := review.Criterion{ID: "c1", Name: "Customer kept informed during their interaction", Level: review.Fair,
		Rationale: "Callers were not told how long they would wait."}
	for range 4 {
		c.AddVote(review.Fair)
		c.AddVote(review.Good)
	}
	c.AddVote(review.Poor)
	q := review.Question{ID: "q1", Text: "How satisfied were you with the response to your query?", Kind: review.QuestionScale, Min: 1, Max: 5,
		Labels: []string{"Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied"},
		Tally:  map[string]int{"1": 3, "2": 5, "3": 8, "4": 21, "5": 20}}
	return &review.Review{
		ID: "r1", Topic: "Customers contacting Great Places", Stage: review.StageDrafting,
		Criteria: []review.Criterion{c},
		Recommendations: []review.Recommendation{{ID: "rec1", Text: "Tell callers their place in the queue and how long they can expect to wait",
			SubPoints:  []review.SubPoint{{Text: "Test the message with tenants"}, {Text: "Report waiting times to the panel each quarter"}},
			FindingIDs: []string{"f1", "f2"}}},
		Surveys: []review.Survey{{ID: "s1", Name: "Text survey", Sent: 670, Questions: []review.Question{q}}},
		Standards: []review.Standard{
			{Promise: "Calls answered within 4 minutes", Target: "80%", Actual: "70%", Verdict: review.MetNo},
			{Promise: "Emails answered within 2 working days", Target: "90%", Actual: "95%", Verdict: review.MetYes},
			{Promise: "Complaints acknowledged within 3 days", Target: "100%", Actual: "not measured"}},
		Meetings: []review.Meeting{{ID: "m1", Date: review.MustDate("2019-03-07"), Agenda: []review.AgendaItem{
			{Title: "Welcome", Minutes: 5}, {Title: "Score the criteria", Minutes: 20}, {Title: "Next steps", Minutes: 10}}}},
	}
}
