package store

import (
	"fmt"
	"unicode/utf8"

	"scrutiny/review"
)

// BundleFormat and BundleVersion identify a scrutiny bundle; a reader
// refuses anything else, and any newer version.
const (
	BundleFormat  = "scrutiny-bundle"
	BundleVersion = 1
)

// Bundle JSON shapes. Field names are the documented format
// (notes/bundle-format.md): add fields, never rename them.

type bMember struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role,omitempty"`
	Joined string `json:"joined,omitempty"`
	Left   string `json:"left,omitempty"`
	Notes  string `json:"notes,omitempty"`
}

type bScope struct {
	Aim        string   `json:"aim,omitempty"`
	Objectives []string `json:"objectives,omitempty"`
	FocusAreas []string `json:"focus_areas,omitempty"`
	OutOfScope []string `json:"out_of_scope,omitempty"`
}

type bJudgement struct {
	Level       string `json:"level,omitempty"`
	Word        string `json:"word,omitempty"`
	Explanation string `json:"explanation,omitempty"`
}

type bReview struct {
	ID              string            `json:"id"`
	Topic           string            `json:"topic"`
	ServiceArea     string            `json:"service_area,omitempty"`
	WhyArea         string            `json:"why_area,omitempty"`
	Start           string            `json:"start,omitempty"`
	End             string            `json:"end,omitempty"`
	BoardDate       string            `json:"board_date,omitempty"`
	Stage           string            `json:"stage,omitempty"`
	Introduction    string            `json:"introduction,omitempty"`
	Approach        string            `json:"approach,omitempty"`
	Summary         string            `json:"summary,omitempty"`
	Scope           bScope            `json:"scope"`
	Judgement       bJudgement        `json:"judgement"`
	Archived        bool              `json:"archived,omitempty"`
	MemberIDs       []string          `json:"member_ids,omitempty"`
	Meetings        []bMeeting        `json:"meetings,omitempty"`
	Evidence        []bEvidence       `json:"evidence,omitempty"`
	Findings        []bFinding        `json:"findings,omitempty"`
	Standards       []bStandard       `json:"standards,omitempty"`
	Recommendations []bRecommendation `json:"recommendations,omitempty"`
	Criteria        []bCriterion      `json:"criteria,omitempty"`
	// Surveys come last: the exporter writes them itself, after the
	// rest of the review, so answers can be copied straight from the file.
	Surveys []bSurvey `json:"surveys,omitempty"`
}

type bMeeting struct {
	ID        string     `json:"id"`
	Date      string     `json:"date,omitempty"`
	StartTime string     `json:"start_time,omitempty"`
	EndTime   string     `json:"end_time,omitempty"`
	Venue     string     `json:"venue,omitempty"`
	Attendees []string   `json:"attendees,omitempty"`
	Apologies []string   `json:"apologies,omitempty"`
	Agenda    []jAgenda  `json:"agenda,omitempty"`
	Notes     string     `json:"notes,omitempty"`
	Decisions []string   `json:"decisions,omitempty"`
	Expenses  []jExpense `json:"expenses,omitempty"`
}

type bEvidence struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	Date  string `json:"date,omitempty"`
	Who   string `json:"who,omitempty"`
	Notes string `json:"notes,omitempty"`
}

type bFinding struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Text        string   `json:"text"`
	EvidenceIDs []string `json:"evidence_ids,omitempty"`
}

type bStandard struct {
	ID       string `json:"id"`
	Promise  string `json:"promise"`
	Target   string `json:"target,omitempty"`
	Actual   string `json:"actual,omitempty"`
	Period   string `json:"period,omitempty"`
	Source   string `json:"source,omitempty"`
	Verdict  string `json:"verdict,omitempty"` // "met", "not met" or absent
	Evidence string `json:"evidence_id,omitempty"`
}

type bSurvey struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Date        string        `json:"date,omitempty"`
	Channel     string        `json:"channel,omitempty"`
	Sent        int           `json:"sent,omitempty"`
	Evidence    string        `json:"evidence_id,omitempty"`
	High        int           `json:"high,omitempty"`
	Low         int           `json:"low,omitempty"`
	Questions   []jQuestion   `json:"questions,omitempty"`
	Respondents []bRespondent `json:"respondents,omitempty"`
}

type bRespondent struct {
	ID      string            `json:"id"`
	Attrs   map[string]string `json:"attrs,omitempty"`
	Answers map[string]string `json:"answers,omitempty"`
}

type bRecommendation struct {
	ID            string      `json:"id"`
	Text          string      `json:"text"`
	SubPoints     []jSubPoint `json:"sub_points,omitempty"`
	FindingIDs    []string    `json:"finding_ids,omitempty"`
	BoardResponse string      `json:"board_response,omitempty"`
	Actions       []jAction   `json:"actions,omitempty"`
}

type bCriterion struct {
	ID        string         `json:"id"`
	Name      string         `json:"name"`
	Level     string         `json:"level,omitempty"`
	Rationale string         `json:"rationale,omitempty"`
	Votes     map[string]int `json:"votes,omitempty"` // by level word
}

func levelWord(l review.Level) string {
	if l == review.LevelNone {
		return ""
	}
	return l.String()
}

func verdictWord(m review.MetState) string {
	switch m {
	case review.MetYes:
		return "met"
	case review.MetNo:
		return "not met"
	}
	return ""
}

func verdictFrom(s string) (review.MetState, error) {
	switch s {
	case "":
		return review.MetUnknown, nil
	case "met":
		return review.MetYes, nil
	case "not met":
		return review.MetNo, nil
	}
	return 0, fmt.Errorf("%q is not a verdict (met or not met)", s)
}

func memberTo(m review.Member) bMember {
	return bMember{m.ID, m.Name, string(m.Role), m.Joined.String(), m.Left.String(), m.Notes}
}

func memberFrom(b bMember) (review.Member, error) {
	m := review.Member{ID: b.ID, Name: b.Name, Role: review.Role(b.Role), Notes: b.Notes}
	var err error
	if m.Joined, err = parseISO(b.Joined); err != nil {
		return m, err
	}
	m.Left, err = parseISO(b.Left)
	return m, err
}

func reviewTo(r *review.Review) *bReview {
	b := &bReview{
		ID: r.ID, Topic: r.Topic, ServiceArea: r.ServiceArea, WhyArea: r.WhyArea,
		Start: r.Start.String(), End: r.End.String(), BoardDate: r.BoardDate.String(), Stage: string(r.Stage),
		Introduction: r.Introduction, Approach: r.Approach, Summary: r.Summary,
		Scope:     bScope{r.Scope.Aim, r.Scope.Objectives, r.Scope.FocusAreas, r.Scope.OutOfScope},
		Judgement: bJudgement{levelWord(r.Judgement.Level), r.Judgement.Word, r.Judgement.Explanation},
		Archived:  r.Archived, MemberIDs: r.MemberIDs,
	}
	for _, m := range r.Meetings {
		b.Meetings = append(b.Meetings, bMeeting{m.ID, m.Date.String(), m.StartTime, m.EndTime, m.Venue,
			m.Attendees, m.Apologies, agendaTo(m.Agenda), m.Notes, m.Decisions, expensesTo(m.Expenses)})
	}
	for _, e := range r.Evidence {
		b.Evidence = append(b.Evidence, bEvidence{e.ID, string(e.Kind), e.Title, e.Date.String(), e.Who, e.Notes})
	}
	for _, f := range r.Findings {
		b.Findings = append(b.Findings, bFinding{f.ID, string(f.Kind), f.Text, f.EvidenceIDs})
	}
	for _, st := range r.Standards {
		b.Standards = append(b.Standards, bStandard{st.ID, st.Promise, st.Target, st.Actual, st.Period, st.Source,
			verdictWord(st.Verdict), st.Evidence})
	}
	for _, sv := range r.Surveys {
		b.Surveys = append(b.Surveys, bSurvey{sv.ID, sv.Name, sv.Date.String(), string(sv.Channel), sv.Sent, sv.Evidence,
			sv.High, sv.Low, questionsTo(sv.Questions), convert(sv.Respondents, func(rs review.Respondent) bRespondent {
				return bRespondent{rs.ID, rs.Attrs, rs.Answers}
			})})
	}
	for _, rec := range r.Recommendations {
		b.Recommendations = append(b.Recommendations, bRecommendation{rec.ID, rec.Text, subPointsTo(rec.SubPoints),
			rec.FindingIDs, rec.BoardResponse, actionsTo(rec.Actions)})
	}
	for _, c := range r.Criteria {
		bc := bCriterion{ID: c.ID, Name: c.Name, Level: levelWord(c.Level), Rationale: c.Rationale}
		for _, l := range review.Levels {
			if c.Votes[l] != 0 {
				if bc.Votes == nil {
					bc.Votes = map[string]int{}
				}
				bc.Votes[l.String()] = c.Votes[l]
			}
		}
		b.Criteria = append(b.Criteria, bc)
	}
	return b
}

// Limits that keep a hostile or broken bundle from exhausting memory or
// the disk; real reviews are far below them.
const (
	maxBundleBytes = 2 << 30
	maxIDLen       = 100
	maxListLen     = 1 << 20
)

// bundleError explains what is wrong with a bundle in plain English.
func bundleError(format string, a ...any) error {
	return &plainError{msg: "This bundle cannot be imported: " + fmt.Sprintf(format, a...) + ". Nothing was changed."}
}

// checker validates IDs as it converts, collecting the first problem.
type checker struct {
	where string
	err   error
	seen  map[string]bool
}

func (c *checker) id(what, id string) {
	if c.err != nil {
		return
	}
	switch {
	case id == "":
		c.err = bundleError("%s: a %s has no id", c.where, what)
	case len(id) > maxIDLen || !utf8.ValidString(id):
		c.err = bundleError("%s: a %s has an id that is too long or not text", c.where, what)
	case c.seen[what+"\x00"+id]:
		c.err = bundleError("%s: the %s id %q appears twice", c.where, what, id)
	}
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	c.seen[what+"\x00"+id] = true
}

func (c *checker) date(s string) review.Date {
	d, err := parseISO(s)
	if err != nil && c.err == nil {
		c.err = bundleError("%s: %v", c.where, err)
	}
	return d
}

func (c *checker) fail(err error) {
	if err != nil && c.err == nil {
		c.err = bundleError("%s: %v", c.where, err)
	}
}

func (c *checker) list(what string, n int) {
	if n > maxListLen && c.err == nil {
		c.err = bundleError("%s: too many %s (%d)", c.where, what, n)
	}
}

// reviewFrom validates and converts one bundle review.
func reviewFrom(b *bReview) (*review.Review, error) {
	c := &checker{where: "a review"}
	c.id("review", b.ID)
	if c.err != nil {
		return nil, c.err
	}
	c.where = fmt.Sprintf("review %q", b.Topic)
	if utf8.RuneCountInString(b.Topic) > 200 {
		c.where = fmt.Sprintf("review %s", b.ID)
	}
	r := &review.Review{
		ID: b.ID, Topic: b.Topic, ServiceArea: b.ServiceArea, WhyArea: b.WhyArea,
		Start: c.date(b.Start), End: c.date(b.End), BoardDate: c.date(b.BoardDate), Stage: review.Stage(b.Stage),
		Introduction: b.Introduction, Approach: b.Approach, Summary: b.Summary,
		Scope:    review.Scope{Aim: b.Scope.Aim, Objectives: nilIfEmpty(b.Scope.Objectives), FocusAreas: nilIfEmpty(b.Scope.FocusAreas), OutOfScope: nilIfEmpty(b.Scope.OutOfScope)},
		Archived: b.Archived, MemberIDs: nilIfEmpty(b.MemberIDs),
	}
	var err error
	r.Judgement.Level, err = review.ParseLevel(b.Judgement.Level)
	c.fail(err)
	r.Judgement.Word, r.Judgement.Explanation = b.Judgement.Word, b.Judgement.Explanation
	c.list("meetings", len(b.Meetings))
	c.list("evidence items", len(b.Evidence))
	c.list("findings", len(b.Findings))
	c.list("surveys", len(b.Surveys))
	for _, m := range b.Meetings {
		c.id("meeting", m.ID)
		r.Meetings = append(r.Meetings, review.Meeting{ID: m.ID, Date: c.date(m.Date), StartTime: m.StartTime,
			EndTime: m.EndTime, Venue: m.Venue, Attendees: nilIfEmpty(m.Attendees), Apologies: nilIfEmpty(m.Apologies),
			Agenda: agendaFrom(m.Agenda), Notes: m.Notes, Decisions: nilIfEmpty(m.Decisions), Expenses: expensesFrom(m.Expenses)})
	}
	for _, e := range b.Evidence {
		c.id("evidence item", e.ID)
		r.Evidence = append(r.Evidence, review.Evidence{ID: e.ID, Kind: review.EvidenceKind(e.Kind), Title: e.Title,
			Date: c.date(e.Date), Who: e.Who, Notes: e.Notes})
	}
	for _, f := range b.Findings {
		c.id("finding", f.ID)
		r.Findings = append(r.Findings, review.Finding{ID: f.ID, Kind: review.FindingKind(f.Kind), Text: f.Text,
			EvidenceIDs: nilIfEmpty(f.EvidenceIDs)})
	}
	for _, st := range b.Standards {
		c.id("service standard", st.ID)
		v, err := verdictFrom(st.Verdict)
		c.fail(err)
		r.Standards = append(r.Standards, review.Standard{ID: st.ID, Promise: st.Promise, Target: st.Target,
			Actual: st.Actual, Period: st.Period, Source: st.Source, Verdict: v, Evidence: st.Evidence})
	}
	for _, sv := range b.Surveys {
		c.id("survey", sv.ID)
		c.list("respondents", len(sv.Respondents))
		if sv.Sent < 0 {
			c.fail(fmt.Errorf("survey %q was sent to a negative number of people", sv.Name))
		}
		out := review.Survey{ID: sv.ID, Name: sv.Name, Date: c.date(sv.Date), Channel: review.Channel(sv.Channel),
			Sent: sv.Sent, Evidence: sv.Evidence, High: sv.High, Low: sv.Low, Questions: questionsFrom(sv.Questions)}
		for _, q := range sv.Questions {
			c.id("question", q.ID)
		}
		if len(sv.Respondents) > 0 {
			out.Respondents = make([]review.Respondent, len(sv.Respondents))
		}
		for i, rs := range sv.Respondents {
			c.id("respondent", rs.ID)
			out.Respondents[i] = review.Respondent{ID: rs.ID, Attrs: nilIfEmptyMap(rs.Attrs), Answers: nilIfEmptyMap(rs.Answers)}
		}
		r.Surveys = append(r.Surveys, out)
	}
	for _, rec := range b.Recommendations {
		c.id("recommendation", rec.ID)
		acts, err := actionsFrom(rec.Actions)
		c.fail(err)
		r.Recommendations = append(r.Recommendations, review.Recommendation{ID: rec.ID, Text: rec.Text,
			SubPoints: subPointsFrom(rec.SubPoints), FindingIDs: nilIfEmpty(rec.FindingIDs),
			BoardResponse: rec.BoardResponse, Actions: acts})
	}
	for _, cr := range b.Criteria {
		c.id("criterion", cr.ID)
		l, err := review.ParseLevel(cr.Level)
		c.fail(err)
		out := review.Criterion{ID: cr.ID, Name: cr.Name, Level: l, Rationale: cr.Rationale}
		for w, n := range cr.Votes {
			vl, err := review.ParseLevel(w)
			if err == nil && vl == review.LevelNone {
				err = fmt.Errorf("votes need a level")
			}
			if err == nil && n < 0 {
				err = fmt.Errorf("a negative number of votes")
			}
			c.fail(err)
			if err == nil {
				out.Votes[vl] = n
			}
		}
		r.Criteria = append(r.Criteria, out)
	}
	if c.err != nil {
		return nil, c.err
	}
	return r, nil
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func nilIfEmptyMap(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}
