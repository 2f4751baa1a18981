package review

import (
	"fmt"
	"slices"
	"strings"
)

// Problem is something in a review that needs the panel's attention. Field
// names what is wrong so a form can point at it ("end", "evidence.2.title");
// Message says it in words a volunteer understands.
type Problem struct {
	Field   string
	Message string
}

func (p Problem) String() string { return p.Message }

// problems collects Problems under a field prefix.
type problems struct {
	list   []Problem
	prefix string // "evidence.2."
	label  string // "Evidence E2 “Shadowing”: "
}

func (ps *problems) add(field, msg string) {
	ps.list = append(ps.list, Problem{Field: ps.prefix + field, Message: ps.label + msg})
}

// addAll adds an item's problems under the item's field prefix and label.
func (ps *problems) addAll(prefix, label string, items []Problem) {
	for _, p := range items {
		ps.list = append(ps.list, Problem{Field: prefix + p.Field, Message: label + p.Message})
	}
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// itemLabel introduces an item in a message: `Finding 3 ("Long waits"): `.
func itemLabel(kind string, n int, name string) string {
	name = strings.Join(strings.Fields(Clean(name)), " ")
	if r := []rune(name); len(r) > 40 {
		name = string(r[:39]) + "…"
	}
	if name == "" {
		return fmt.Sprintf("%s %d: ", kind, n)
	}
	return fmt.Sprintf("%s %d (%q): ", kind, n, name)
}

// Validate lists everything in the review that is missing, contradictory or
// points at something that no longer exists, in the order of the report.
// An empty list means nothing needs attention. Problems are advice for the
// panel: nothing here stops a review being saved.
func (r *Review) Validate() []Problem {
	var ps problems
	if blank(r.Topic) {
		ps.add("topic", "Give the review a topic")
	}
	if !r.Start.IsZero() && !r.End.IsZero() && r.End.Before(r.Start) {
		ps.add("end", "The end date is before the start date")
	}
	if !r.Start.IsZero() && !r.BoardDate.IsZero() && r.BoardDate.Before(r.Start) {
		ps.add("board_date", "The Board date is before the review started")
	}
	if r.Stage != "" && !slices.Contains(Stages, r.Stage) {
		ps.add("stage", fmt.Sprintf("%q is not a stage: choose one from the list", r.Stage))
	}

	members := map[string]bool{}
	for _, m := range r.Members {
		members[m.ID] = true
	}
	seenMember := map[string]bool{}
	for i, id := range r.MemberIDs {
		if seenMember[id] {
			ps.add(fmt.Sprintf("members.%d", i+1), "A panel member is listed twice on this review")
		}
		seenMember[id] = true
		if len(r.Members) > 0 && !members[id] {
			ps.add(fmt.Sprintf("members.%d", i+1), "A panel member of this review is missing from the roster")
		}
	}
	for i, m := range r.Members {
		ps.addAll(fmt.Sprintf("members.%d.", i+1), itemLabel("Member", i+1, m.Name), ValidateMember(m))
	}
	for i, m := range r.Meetings {
		ps.addAll(fmt.Sprintf("meetings.%d.", i+1), itemLabel("Meeting", i+1, m.Date.Short()), ValidateMeeting(m))
		for _, id := range append(append([]string(nil), m.Attendees...), m.Apologies...) {
			if !seenMember[id] && !members[id] {
				ps.add(fmt.Sprintf("meetings.%d.attendees", i+1), itemLabel("Meeting", i+1, m.Date.Short())+
					"Someone listed at this meeting is not on this review's panel")
				break
			}
		}
	}

	ps.addAll("scope.", "", validateScope(r.Scope))

	evidence := map[string]bool{}
	for i, e := range r.Evidence {
		evidence[e.ID] = true
		ps.addAll(fmt.Sprintf("evidence.%d.", i+1), itemLabel("Evidence", i+1, e.Title), ValidateEvidence(e))
	}
	findings := map[string]bool{}
	for i, f := range r.Findings {
		findings[f.ID] = true
		label := itemLabel("Finding", i+1, f.Text)
		ps.addAll(fmt.Sprintf("findings.%d.", i+1), label, ValidateFinding(f))
		for _, id := range f.EvidenceIDs {
			if !evidence[id] {
				ps.add(fmt.Sprintf("findings.%d.evidence", i+1), label+"It is linked to evidence that no longer exists")
				break
			}
		}
	}
	for i, st := range r.Standards {
		label := itemLabel("Service standard", i+1, st.Promise)
		ps.addAll(fmt.Sprintf("standards.%d.", i+1), label, ValidateStandard(st))
		if st.Evidence != "" && !evidence[st.Evidence] {
			ps.add(fmt.Sprintf("standards.%d.evidence", i+1), label+"It is linked to evidence that no longer exists")
		}
	}
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		label := itemLabel("Survey", i+1, sv.Name)
		ps.addAll(fmt.Sprintf("surveys.%d.", i+1), label, ValidateSurvey(sv))
		if sv.Evidence != "" && !evidence[sv.Evidence] {
			ps.add(fmt.Sprintf("surveys.%d.evidence", i+1), label+"It is linked to evidence that no longer exists")
		}
	}
	for i, rec := range r.Recommendations {
		label := itemLabel("Recommendation", i+1, rec.Text)
		ps.addAll(fmt.Sprintf("recommendations.%d.", i+1), label, ValidateRecommendation(rec))
		linked := false
		for _, id := range rec.FindingIDs {
			if findings[id] {
				linked = true
			} else {
				ps.add(fmt.Sprintf("recommendations.%d.findings", i+1), label+"It is linked to a finding that no longer exists")
			}
		}
		if !linked {
			ps.add(fmt.Sprintf("recommendations.%d.findings", i+1), label+"Link it to the findings that justify it")
		}
	}
	for i, c := range r.Criteria {
		ps.addAll(fmt.Sprintf("criteria.%d.", i+1), itemLabel("Criterion", i+1, c.Name), ValidateCriterion(c))
	}
	ps.addAll("judgement.", "", ValidateJudgement(r.Judgement, r.reported()))
	return ps.list
}

// reported reports whether the review has gone to the Board, after which
// it must carry a judgement.
func (r *Review) reported() bool {
	i := slices.Index(Stages, r.Stage)
	return i >= slices.Index(Stages, StageReported)
}

func validateScope(s Scope) []Problem {
	var ps problems
	ps.noBlankItems("objectives", "Objective", s.Objectives)
	ps.noBlankItems("focus_areas", "Focus area", s.FocusAreas)
	ps.noBlankItems("out_of_scope", "Out-of-scope item", s.OutOfScope)
	return ps.list
}

// noBlankItems flags each empty entry of a list the volunteer typed.
func (ps *problems) noBlankItems(field, label string, items []string) {
	for i, o := range items {
		if blank(o) {
			ps.add(fmt.Sprintf("%s.%d", field, i+1), fmt.Sprintf("%s %d is empty: write it or remove it", label, i+1))
		}
	}
}

// ValidateMember checks one roster entry.
func ValidateMember(m Member) []Problem {
	var ps problems
	if blank(m.Name) {
		ps.add("name", "A panel member needs a name")
	}
	if m.Role != "" && !slices.Contains(Roles, m.Role) {
		ps.add("role", fmt.Sprintf("%q is not a role: choose chair, member, facilitator or staff adviser", m.Role))
	}
	if m.Tenure != "" && !slices.Contains(Tenures, m.Tenure) {
		ps.add("tenure", fmt.Sprintf("%q is not a tenure: choose tenant, leaseholder, shared owner or other", m.Tenure))
	}
	if !m.Joined.IsZero() && !m.Left.IsZero() && m.Left.Before(m.Joined) {
		ps.add("left", "The date they left is before the date they joined")
	}
	return ps.list
}

// ValidateMeeting checks one meeting on its own: its date, its times, who
// came, the agenda and the expenses.
func ValidateMeeting(m Meeting) []Problem {
	var ps problems
	if m.Date.IsZero() {
		ps.add("date", "A meeting needs a date")
	}
	start, startOK := clockField(&ps, "start_time", "start", m.StartTime)
	end, endOK := clockField(&ps, "end_time", "end", m.EndTime)
	switch {
	case startOK && endOK && end < start:
		ps.add("end_time", "The meeting ends before it starts")
	case startOK && endOK && end == start:
		ps.add("end_time", "The meeting ends at the same time as it starts")
	}
	came := map[string]bool{}
	for _, id := range m.Attendees {
		came[id] = true
	}
	for _, id := range m.Apologies {
		if came[id] {
			ps.add("apologies", "Someone is listed both as attending and as sending apologies")
			break
		}
	}
	for i, a := range m.Agenda {
		if blank(a.Title) {
			ps.add(fmt.Sprintf("agenda.%d.title", i+1), fmt.Sprintf("Agenda item %d needs a title", i+1))
		}
		if a.Minutes < 0 {
			ps.add(fmt.Sprintf("agenda.%d.minutes", i+1), fmt.Sprintf("The time for agenda item %d cannot be negative", i+1))
		}
	}
	for i, e := range m.Expenses {
		if e.Pence < 0 {
			ps.add(fmt.Sprintf("expenses.%d.amount", i+1), fmt.Sprintf("Expense %d is a negative amount: enter what was spent", i+1))
		}
		if blank(e.MemberID) {
			ps.add(fmt.Sprintf("expenses.%d.member", i+1), fmt.Sprintf("Say who expense %d is for", i+1))
		}
	}
	return ps.list
}

// clockField reads a meeting time if one was typed.
func clockField(ps *problems, field, which, s string) (int, bool) {
	if blank(s) {
		return 0, false
	}
	min, err := ParseClock(s)
	if err != nil {
		ps.add(field, fmt.Sprintf("The %s time %q is not a time I can read: type it like 18:30", which, strings.TrimSpace(s)))
		return 0, false
	}
	return min, true
}

// ValidateEvidence checks one evidence item.
func ValidateEvidence(e Evidence) []Problem {
	var ps problems
	if blank(e.Title) {
		ps.add("title", "A piece of evidence needs a title")
	}
	switch {
	case e.Kind == "":
		ps.add("kind", "Say what kind of evidence this is, such as a staff presentation or a mystery shop")
	case !slices.Contains(EvidenceKinds, e.Kind):
		ps.add("kind", fmt.Sprintf("%q is not a kind of evidence this app knows; choose one from the list, or other", e.Kind))
	}
	if !e.Asked.IsZero() && !e.Received.IsZero() && e.Received.Before(e.Asked) {
		ps.add("received", "The answer is dated before the request was made")
	}
	if !e.Asked.IsZero() && !e.Due.IsZero() && e.Due.Before(e.Asked) {
		ps.add("due", "The request is due before it was made")
	}
	for _, c := range []struct {
		field, what string
		n           int
	}{{"invited", "invited", e.Reach.Invited}, {"saw", "who saw it", e.Reach.Saw}, {"responded", "who responded", e.Reach.Responded},
		{"attended", "who attended", e.Reach.Attended}, {"apologies", "apologies", e.Reach.Apologies}} {
		if c.n < 0 || c.n > MaxCount {
			ps.add(c.field, fmt.Sprintf("The number %s must be between 0 and %d", c.what, MaxCount))
		}
	}
	return ps.list
}

// MaxCount bounds every count a person types (people reached, survey
// sent...), so sums of them can never overflow.
const MaxCount = 100_000_000

// ValidateFinding checks one finding on its own.
func ValidateFinding(f Finding) []Problem {
	var ps problems
	if blank(f.Text) {
		ps.add("text", "A finding needs some text")
	}
	if f.Kind != GoodPractice && f.Kind != Issue {
		ps.add("kind", "Say whether the finding is good practice or an issue")
	}
	return ps.list
}

// ValidateRecommendation checks one recommendation and its sub-points.
func ValidateRecommendation(rec Recommendation) []Problem {
	var ps problems
	if blank(rec.Text) {
		ps.add("text", "A recommendation needs some text")
	}
	for i, sp := range rec.SubPoints {
		if blank(sp.Text) {
			ps.add(fmt.Sprintf("subpoints.%d", i+1), fmt.Sprintf("Sub-point %s needs some text", Letter(i)))
		}
	}
	ps.addAll("response.", "", ValidateResponse(rec.Response))
	for i, a := range rec.Actions {
		if blank(a.Text) {
			ps.add(fmt.Sprintf("actions.%d.text", i+1), fmt.Sprintf("Action %d needs some text", i+1))
		}
		if a.Status.NeedsReason() && blank(a.Reason) {
			ps.add(fmt.Sprintf("actions.%d.reason", i+1), fmt.Sprintf("Action %d is %s: say why", i+1, a.Status))
		}
	}
	return ps.list
}

// ValidateCriterion checks one scored criterion.
func ValidateCriterion(c Criterion) []Problem {
	var ps problems
	if blank(c.Name) {
		ps.add("name", "A criterion needs a name")
	}
	if c.Level != LevelNone && !c.Level.Valid() {
		ps.add("level", "The score must be poor, fair, good or excellent")
	}
	for _, l := range Levels {
		if c.Votes[l] < 0 {
			ps.add("votes", "A vote count cannot be negative")
			break
		}
	}
	return ps.list
}

// ValidateJudgement checks the overall verdict. required is true once the
// report has gone to the Board: from then on there must be one.
func ValidateJudgement(j Judgement, required bool) []Problem {
	var ps problems
	word := !blank(j.Word)
	switch {
	case j.Level != LevelNone && !j.Level.Valid():
		ps.add("level", "The judgement must be poor, fair, good or excellent, or the panel's own word")
	case !word && j.Level == LevelNone && (required || !blank(j.Explanation)):
		ps.add("level", "The judgement needs a level or the panel's own word")
	}
	if word && blank(j.Explanation) {
		ps.add("explanation", "The panel's own word needs an explanation")
	}
	return ps.list
}

// ValidateStandard checks one service standard.
func ValidateStandard(st Standard) []Problem {
	var ps problems
	if blank(st.Promise) {
		ps.add("promise", "A service standard needs the promise it makes, such as \"Calls answered within 4 minutes\"")
	}
	if st.Verdict < MetUnknown || st.Verdict > MetNo {
		ps.add("verdict", "Say whether the standard was met, not met, or not judged")
	}
	return ps.list
}

// ValidateSurvey checks a survey's own details and its questions. It does
// not read the answers: the statistics report answers they cannot use.
func ValidateSurvey(sv *Survey) []Problem {
	var ps problems
	if blank(sv.Name) {
		ps.add("name", "A survey needs a name")
	}
	if sv.Sent < 0 {
		ps.add("sent", "The number of surveys sent cannot be negative")
	}
	if sv.Channel != "" && !slices.Contains(Channels, sv.Channel) {
		ps.add("channel", fmt.Sprintf("%q is not a way of sending a survey: choose text, email, phone, paper, online or in person", sv.Channel))
	}
	if sv.High != 0 && sv.Low != 0 && sv.Low >= sv.High {
		ps.add("low", "The low threshold must be below the high threshold")
	}
	if n := sv.Responses(); sv.Sent > 0 && n > sv.Sent {
		ps.add("sent", fmt.Sprintf("There are %d responses but only %d were sent", n, sv.Sent))
	}
	for i, q := range sv.Questions {
		ps.addAll(fmt.Sprintf("questions.%d.", i+1), fmt.Sprintf("Question %d: ", i+1), ValidateQuestion(q))
	}
	return ps.list
}

// ValidateQuestion checks one survey question.
func ValidateQuestion(q Question) []Problem {
	var ps problems
	if blank(q.Text) {
		ps.add("text", "A question needs its wording")
	}
	switch q.Kind {
	case QuestionScale:
		if q.Max != 0 || q.Min != 0 {
			if q.Max <= q.Min {
				ps.add("max", "The top of the scale must be above the bottom")
			}
		}
	case QuestionYesNo, QuestionFreeText:
	case QuestionChoice:
		if len(q.Labels) == 0 {
			ps.add("labels", "A choice question needs its choices")
		}
	default:
		ps.add("kind", "Say what kind of answer the question takes: a scale, yes or no, a choice or free text")
	}
	for _, n := range q.Tally {
		if n < 0 {
			ps.add("tally", "A count of answers cannot be negative")
			break
		}
	}
	if q.TallyExcluded < 0 {
		ps.add("tally", "The count of \"don't know\" answers cannot be negative")
	}
	return ps.list
}

// ValidateResponse checks a Board response: a partly or not accepted
// recommendation is owed a reason.
func ValidateResponse(r Response) []Problem {
	var ps problems
	if r.Decision.NeedsReason() && blank(r.Reason) {
		ps.add("reason", fmt.Sprintf("A response of %q needs the reason the Board gave", string(r.Decision)))
	}
	return ps.list
}
