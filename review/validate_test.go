package review

import (
	"strings"
	"testing"
	"time"
)

func messages(ps []Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Field + ": " + p.Message
	}
	return out
}

// hasProblem reports whether ps holds a problem on field whose message
// contains msg.
func hasProblem(ps []Problem, field, msg string) bool {
	for _, p := range ps {
		if p.Field == field && strings.Contains(p.Message, msg) {
			return true
		}
	}
	return false
}

func TestSampleReviewIsValid(t *testing.T) {
	r := reportSample()
	r.Recommendations[1].FindingIDs = []string{"f3"}
	if ps := r.Validate(); len(ps) != 0 {
		t.Fatalf("a complete review has problems:\n%s", strings.Join(messages(ps), "\n"))
	}
}

func TestEmptyReviewAsksForATopicOnly(t *testing.T) {
	ps := (&Review{}).Validate()
	if len(ps) != 1 || ps[0].Field != "topic" || ps[0].Message != "Give the review a topic" {
		t.Fatalf("empty review: %v", messages(ps))
	}
}

func TestValidateReview(t *testing.T) {
	for _, c := range []struct {
		name   string
		change func(r *Review)
		field  string
		msg    string
	}{
		{"blank topic", func(r *Review) { r.Topic = "  " }, "topic", "Give the review a topic"},
		{"dates reversed", func(r *Review) { r.End = D(2018, time.December, 1) }, "end", "The end date is before the start date"},
		{"board before start", func(r *Review) { r.BoardDate = D(2018, time.May, 2) }, "board_date", "The Board date is before the review started"},
		{"unknown stage", func(r *Review) { r.Stage = "done-ish" }, "stage", "is not a stage"},
		{"member twice", func(r *Review) { r.MemberIDs = append(r.MemberIDs, "m1") }, "members.3", "listed twice"},
		{"member not on roster", func(r *Review) { r.MemberIDs = append(r.MemberIDs, "ghost") }, "members.3", "missing from the roster"},
		{"member without name", func(r *Review) { r.Members[1].Name = "" }, "members.2.name", "Member 2: A panel member needs a name"},
		{"stranger at meeting", func(r *Review) { r.Meetings[0].Attendees = append(r.Meetings[0].Attendees, "x") }, "meetings.1.attendees", "not on this review's panel"},
		{"meeting times reversed", func(r *Review) { r.Meetings[1].EndTime = "09:00" }, "meetings.2.end_time", "The meeting ends before it starts"},
		{"empty objective", func(r *Review) { r.Scope.Objectives = append(r.Scope.Objectives, " ") }, "scope.objectives.3", "Objective 3 is empty"},
		{"evidence without title", func(r *Review) { r.Evidence[0].Title = "" }, "evidence.1.title", "Evidence 1: A piece of evidence needs a title"},
		{"finding without text", func(r *Review) { r.Findings[1].Text = "\n" }, "findings.2.text", "A finding needs some text"},
		{"finding to lost evidence", func(r *Review) { r.Findings[0].EvidenceIDs = []string{"gone"} }, "findings.1.evidence", "evidence that no longer exists"},
		{"standard to lost evidence", func(r *Review) { r.Standards[0].Evidence = "gone" }, "standards.1.evidence", "evidence that no longer exists"},
		{"survey without name", func(r *Review) { r.Surveys[0].Name = "" }, "surveys.1.name", "A survey needs a name"},
		{"more responses than sent", func(r *Review) { r.Surveys[0].Sent = 10 }, "surveys.1.sent", "only 10 were sent"},
		{"recommendation unlinked", func(r *Review) { r.Recommendations[0].FindingIDs = nil }, "recommendations.1.findings", "Link it to the findings"},
		{"recommendation to lost finding", func(r *Review) { r.Recommendations[0].FindingIDs = []string{"gone", "f1"} }, "recommendations.1.findings", "a finding that no longer exists"},
		{"blank sub-point", func(r *Review) { r.Recommendations[0].SubPoints[1].Text = "" }, "recommendations.1.subpoints.2", "Sub-point b needs some text"},
		{"criterion without name", func(r *Review) { r.Criteria[0].Name = "" }, "criteria.1.name", "A criterion needs a name"},
		{"own word unexplained", func(r *Review) { r.Judgement.Explanation = "" }, "judgement.explanation", "The panel's own word needs an explanation"},
		{"no judgement once reported", func(r *Review) { r.Judgement = Judgement{} }, "judgement.level", "The judgement needs a level or the panel's own word"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := reportSample()
			r.Recommendations[1].FindingIDs = []string{"f3"}
			c.change(r)
			ps := r.Validate()
			if !hasProblem(ps, c.field, c.msg) {
				t.Fatalf("want %s: %q among:\n%s", c.field, c.msg, strings.Join(messages(ps), "\n"))
			}
		})
	}
}

func TestNoJudgementNeededWhileScoping(t *testing.T) {
	if ps := ValidateJudgement(Judgement{}, false); len(ps) != 0 {
		t.Fatalf("scoping review asked for a judgement: %v", messages(ps))
	}
}

func TestValidateItems(t *testing.T) {
	for _, c := range []struct {
		name  string
		got   []Problem
		field string
		msg   string
	}{
		{"member role", ValidateMember(Member{Name: "A", Role: "boss"}), "role", "is not a role"},
		{"member left before joining", ValidateMember(Member{Name: "A", Joined: D(2020, 1, 1), Left: D(2019, 1, 1)}), "left", "The date they left is before the date they joined"},
		{"meeting date", ValidateMeeting(Meeting{}), "date", "A meeting needs a date"},
		{"meeting bad time", ValidateMeeting(Meeting{Date: D(2019, 1, 1), StartTime: "teatime"}), "start_time", `The start time "teatime" is not a time I can read`},
		{"meeting order", ValidateMeeting(Meeting{Date: D(2019, 1, 1), StartTime: "6pm", EndTime: "17:30"}), "end_time", "ends before it starts"},
		{"meeting zero length", ValidateMeeting(Meeting{Date: D(2019, 1, 1), StartTime: "18:00", EndTime: "6pm"}), "end_time", "same time"},
		{"attending and apologies", ValidateMeeting(Meeting{Date: D(2019, 1, 1), Attendees: []string{"a"}, Apologies: []string{"a"}}), "apologies", "both as attending and as sending apologies"},
		{"negative expense", ValidateMeeting(Meeting{Date: D(2019, 1, 1), Expenses: []Expense{{MemberID: "a", Pence: -250}}}), "expenses.1.amount", "negative"},
		{"expense for nobody", ValidateMeeting(Meeting{Date: D(2019, 1, 1), Expenses: []Expense{{Pence: 250}}}), "expenses.1.member", "Say who expense 1 is for"},
		{"agenda title", ValidateMeeting(Meeting{Date: D(2019, 1, 1), Agenda: []AgendaItem{{Minutes: 10}}}), "agenda.1.title", "Agenda item 1 needs a title"},
		{"agenda minutes", ValidateMeeting(Meeting{Date: D(2019, 1, 1), Agenda: []AgendaItem{{Title: "x", Minutes: -5}}}), "agenda.1.minutes", "cannot be negative"},
		{"evidence kind", ValidateEvidence(Evidence{Title: "x"}), "kind", "what kind of evidence"},
		{"finding kind", ValidateFinding(Finding{Text: "x"}), "kind", "good practice or an issue"},
		{"recommendation text", ValidateRecommendation(Recommendation{}), "text", "A recommendation needs some text"},
		{"action text", ValidateRecommendation(Recommendation{Text: "x", Actions: []Action{{}}}), "actions.1.text", "Action 1 needs some text"},
		{"criterion level", ValidateCriterion(Criterion{Name: "x", Level: 9}), "level", "poor, fair, good or excellent"},
		{"criterion votes", ValidateCriterion(Criterion{Name: "x", Votes: [5]int{0, -1}}), "votes", "cannot be negative"},
		{"evidence kind unknown", ValidateEvidence(Evidence{Title: "x", Kind: "seance"}), "kind", "not a kind of evidence"},
		{"evidence reach negative", ValidateEvidence(Evidence{Title: "x", Kind: KindConsultation, Reach: Reach{Saw: -1}}), "saw", "between 0 and"},
		{"evidence answered before asked", ValidateEvidence(Evidence{Title: "x", Kind: KindInfoRequest, Asked: D(2024, 5, 2), Received: D(2024, 5, 1)}), "received", "before the request"},
		{"member tenure unknown", ValidateMember(Member{Name: "Ann", Tenure: "owner"}), "tenure", "not a tenure"},
		{"judgement explained but empty", ValidateJudgement(Judgement{Explanation: "because"}, false), "level", "needs a level or the panel's own word"},
		{"judgement bad level", ValidateJudgement(Judgement{Level: -2}, false), "level", "must be poor, fair, good or excellent"},
		{"standard promise", ValidateStandard(Standard{}), "promise", "needs the promise"},
		{"survey sent", ValidateSurvey(&Survey{Name: "x", Sent: -1}), "sent", "cannot be negative"},
		{"survey channel", ValidateSurvey(&Survey{Name: "x", Channel: "pigeon"}), "channel", "not a way of sending"},
		{"survey thresholds", ValidateSurvey(&Survey{Name: "x", High: 3, Low: 6}), "low", "below the high threshold"},
		{"question text", ValidateSurvey(&Survey{Name: "x", Questions: []Question{{Kind: QuestionYesNo}}}), "questions.1.text", "Question 1: A question needs its wording"},
		{"question scale", ValidateQuestion(Question{Text: "x", Kind: QuestionScale, Min: 5, Max: 1}), "max", "top of the scale"},
		{"question kind", ValidateQuestion(Question{Text: "x"}), "kind", "what kind of answer"},
		{"question choices", ValidateQuestion(Question{Text: "x", Kind: QuestionChoice}), "labels", "needs its choices"},
		{"question tally", ValidateQuestion(Question{Text: "x", Kind: QuestionYesNo, Tally: map[string]int{"yes": -3}}), "tally", "cannot be negative"},
	} {
		if !hasProblem(c.got, c.field, c.msg) {
			t.Errorf("%s: want %s: %q among %v", c.name, c.field, c.msg, messages(c.got))
		}
	}
}

func TestValidItemsHaveNoProblems(t *testing.T) {
	for name, ps := range map[string][]Problem{
		"member":    ValidateMember(Member{Name: "Pat", Role: RoleChair}),
		"meeting":   ValidateMeeting(Meeting{Date: D(2019, 1, 1), StartTime: "18:00", EndTime: "20:00", Expenses: []Expense{{MemberID: "a", Pence: 0}}}),
		"evidence":  ValidateEvidence(Evidence{Title: "x", Kind: KindInterview}),
		"finding":   ValidateFinding(Finding{Text: "x", Kind: Issue}),
		"rec":       ValidateRecommendation(Recommendation{Text: "x", SubPoints: []SubPoint{{Text: "y"}}}),
		"criterion": ValidateCriterion(Criterion{Name: "x", Level: Fair, Votes: [5]int{0, 1, 2}}),
		"level":     ValidateJudgement(Judgement{Level: Good}, true),
		"word":      ValidateJudgement(Judgement{Word: "Improving", Explanation: "on a journey"}, true),
		"standard":  ValidateStandard(Standard{Promise: "x"}),
		"question":  ValidateQuestion(Question{Text: "x", Kind: QuestionScale, Min: 1, Max: 10}),
	} {
		if len(ps) != 0 {
			t.Errorf("%s: unexpected problems %v", name, messages(ps))
		}
	}
}

func TestLetter(t *testing.T) {
	for i, want := range map[int]string{0: "a", 1: "b", 25: "z", 26: "aa", 27: "ab", 51: "az", 52: "ba", 701: "zz", 702: "aaa"} {
		if got := Letter(i); got != want {
			t.Errorf("Letter(%d) = %q, want %q", i, got, want)
		}
	}
}

// A judgement may have both a level and the panel's own word ("Fair —
// improving"), as real reports do.
func TestJudgementMayHaveLevelAndWord(t *testing.T) {
	if ps := ValidateJudgement(Judgement{Level: Fair, Word: "improving", Explanation: "Calls are answered faster"}, true); len(ps) != 0 {
		t.Errorf("level and word together: %v", ps)
	}
}
