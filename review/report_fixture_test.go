package review

import "time"

// reportSample is a small review in the shape of the Great Places report,
// with figures the tests can check by hand.
func reportSample() *Review {
	r := &Review{
		ID:           "rev1",
		Topic:        "Customers contacting Great Places",
		ServiceArea:  "Customer contact",
		WhyArea:      "The Board asked us to look at first contact.\n\nWe know first impressions shape trust.",
		Start:        D(2019, time.January, 7),
		End:          D(2019, time.March, 29),
		BoardDate:    D(2019, time.May, 2),
		Stage:        StageReported,
		Introduction: "Insight is a group of volunteer customers.",
		Summary:      "Staff were rated well; processes less so.",
		Scope: Scope{
			Aim:        "Use customer feedback to shape how contact is handled.",
			Objectives: []string{"Review The Hub", "Test service delivery"},
			FocusAreas: []string{"The service offer"},
		},
		MemberIDs: []string{"m1", "m2"},
		Members: []Member{
			{ID: "m1", Name: "Pat Jones", Role: RoleChair},
			{ID: "m2", Name: "Sam Lee", Role: RoleMember},
		},
		Meetings: []Meeting{
			{ID: "mt1", Date: D(2019, time.January, 7), StartTime: "10:00", EndTime: "12:00", Attendees: []string{"m1", "m2"}},
			{ID: "mt2", Date: D(2019, time.March, 29), StartTime: "10:00", EndTime: "11:30", Attendees: []string{"m1"}},
		},
		Evidence: []Evidence{
			{ID: "e1", Kind: KindPerformanceData, Title: "Overview of customer access", Date: D(2019, time.January, 7), Who: "Business Intelligence team", Notes: "We heard the performance trends."},
			{ID: "e2", Kind: KindShadowing, Title: "Shadowing the Customer Hub", Date: D(2019, time.February, 4), Notes: "We listened to calls."},
			{ID: "e3", Kind: KindSurvey, Title: "Texting customers"},
		},
		Findings: []Finding{
			{ID: "f1", Kind: Issue, Text: "Long waits on the phone", EvidenceIDs: []string{"e2", "e3"}},
			{ID: "f2", Kind: GoodPractice, Text: "Calls are answered with a friendly greeting", EvidenceIDs: []string{"e2"}},
			{ID: "f3", Kind: Issue, Text: "Noticeboards are out of date"},
		},
		Standards: []Standard{
			{ID: "s1", Promise: "80% of calls answered within 4 minutes", Target: "at least 80%", Actual: "70%", Period: "end of February 2019", Source: "Business Intelligence team", Verdict: MetNo, Evidence: "e1"},
			{ID: "s2", Promise: "Ring backs within 1 working hour", Target: "within 1 working hour", Actual: "14 minutes", Period: "end of February 2019", Verdict: MetYes, Evidence: "e1"},
			{ID: "s3", Promise: "Web chats answered quickly", Target: "fast", Actual: "slow", Verdict: MetUnknown},
		},
		Surveys: []Survey{{
			ID: "sv1", Name: "Ease of contact", Channel: ChannelText, Sent: 670, Evidence: "e3",
			Questions: []Question{
				{ID: "q1", Text: "How easy was it to contact us?", Kind: QuestionScale, Min: 1, Max: 10,
					Tally: map[string]int{"1": 5, "3": 4, "6": 10, "7": 8, "8": 10, "10": 20}},
				{ID: "q2", Text: "Would you use web chat?", Kind: QuestionYesNo},
				{ID: "q3", Text: "Anything else?", Kind: QuestionFreeText},
			},
			Respondents: RespondentsFrom([]Respondent{
				{ID: "p1", Attrs: map[string]string{"contact method": "phone"}, Answers: map[string]string{"q2": "yes", "q3": "Be quicker | please"}},
				{ID: "p2", Attrs: map[string]string{"contact method": "email"}, Answers: map[string]string{"q2": "no"}},
			}),
		}},
		Recommendations: []Recommendation{
			{ID: "r1", Text: "Customer Hub: resolve more queries at first contact, considering:", FindingIDs: []string{"f1", "f2"},
				SubPoints: []SubPoint{{ID: "r1a", Text: "training so all the team are multi-skilled"}, {ID: "r1b", Text: "a way to share learning"}}},
			{ID: "r2", Text: "Review the communal noticeboards"},
		},
		Criteria: []Criterion{
			{ID: "c1", Name: "Timeliness and ease of contact", Level: Good, Votes: [5]int{0, 0, 2, 5, 0}},
			{ID: "c2", Name: "Customer kept informed", Level: Fair, Rationale: "Call backs were missed."},
		},
		Judgement: Judgement{Word: "Improving", Explanation: "Neither fair nor good summed it up.\n\nThe service is on a journey."},
	}
	return r
}
