package store

import (
	"context"
	"database/sql"
	"fmt"

	"scrutiny/review"
)

// A survey's questions live in its row, as JSON; its respondents have a
// table of their own (respondents.go).
var surveyTable = table{
	name: "surveys", parent: "review_id", what: "survey", label: "name",
	cols: []string{"name", "held_on", "channel", "sent", "evidence_id", "high", "low", "questions"},
}

func surveyVals(sv *review.Survey) []any {
	return []any{sv.Name, sv.Date.String(), string(sv.Channel), sv.Sent, sv.Evidence, sv.High, sv.Low,
		js(questionsTo(sv.Questions))}
}

func scanSurvey(rows *sql.Rows) (review.Survey, error) {
	var sv review.Survey
	var date, channel, qs string
	if err := rows.Scan(&sv.ID, &sv.Name, &date, &channel, &sv.Sent, &sv.Evidence, &sv.High, &sv.Low, &qs); err != nil {
		return sv, err
	}
	sv.Channel = review.Channel(channel)
	var err error
	if sv.Date, err = parseISO(date); err != nil {
		return sv, err
	}
	var jq []jQuestion
	if err := unjs(qs, &jq); err != nil {
		return sv, err
	}
	sv.Questions = questionsFrom(jq)
	return sv, nil
}

var (
	upsertSurvey = hot(surveyTable.upsertSQL())
	importSurvey = surveyTable.importSQL(1)
	qSurveys     = hot(surveyTable.selectSQL("position, rowid"))
)

// SaveSurvey saves the survey and its questions (not respondents). Empty
// question IDs are filled in sv.
func (s *Store) SaveSurvey(ctx context.Context, reviewID string, sv *review.Survey) error {
	if err := sv.CheckLimits(); err != nil {
		return limitError("survey", err)
	}
	// Answers are keyed by question ID, so every question needs one.
	for i := range sv.Questions {
		fillID(&sv.Questions[i].ID)
	}
	return s.saveItem(ctx, surveyTable, upsertSurvey, reviewID, &sv.ID, surveyVals(sv))
}

// loadSurveys reads a review's surveys, and their respondents unless
// respondents is false (the bundle copies those straight from the file:
// see copyRespondents).
func loadSurveys(ctx context.Context, tx *wtx, r *review.Review, respondents bool) error {
	if err := loadList(ctx, tx, qSurveys, r.ID, scanSurvey, &r.Surveys); err != nil {
		return err
	}
	if !respondents {
		return nil
	}
	for i := range r.Surveys {
		if err := loadRespondents(ctx, tx, &r.Surveys[i]); err != nil {
			return err
		}
	}
	return nil
}

// The question shape is both the JSON of the questions column and part of
// the bundle, so the two cannot drift apart.
type jQuestion struct {
	ID            string         `json:"id"`
	Text          string         `json:"text"`
	Kind          string         `json:"kind"`
	Min           int            `json:"min"`
	Max           int            `json:"max"`
	Labels        []string       `json:"labels,omitempty"`
	Tally         map[string]int `json:"tally,omitempty"`
	TallyExcluded int            `json:"tally_excluded,omitempty"`
	Measure       string         `json:"measure,omitempty"`
	Population    int            `json:"population,omitempty"`
}

func questionsTo(a []review.Question) []jQuestion {
	return convert(a, func(q review.Question) jQuestion {
		return jQuestion{q.ID, q.Text, string(q.Kind), q.Min, q.Max, q.Labels, q.Tally, q.TallyExcluded, q.Measure, q.Population}
	})
}

func questionsFrom(a []jQuestion) []review.Question {
	return convert(a, func(q jQuestion) review.Question {
		var labels []string
		if len(q.Labels) > 0 {
			labels = q.Labels
		}
		var tally map[string]int
		if len(q.Tally) > 0 {
			tally = q.Tally
		}
		return review.Question{ID: q.ID, Text: q.Text, Kind: review.QuestionKind(q.Kind), Min: q.Min, Max: q.Max,
			Labels: labels, Tally: tally, TallyExcluded: q.TallyExcluded, Measure: q.Measure, Population: q.Population}
	})
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

func surveyTo(sv review.Survey) bSurvey {
	return bSurvey{sv.ID, sv.Name, sv.Date.String(), string(sv.Channel), sv.Sent, sv.Evidence,
		sv.High, sv.Low, questionsTo(sv.Questions), respondentsTo(&sv.Respondents)}
}

func surveyFrom(c *checker, b bSurvey) review.Survey {
	c.id("survey", b.ID)
	c.list("respondents", len(b.Respondents))
	if b.Sent < 0 {
		c.fail(fmt.Errorf("survey %q was sent to a negative number of people", b.Name))
	}
	out := review.Survey{ID: b.ID, Name: b.Name, Date: c.date(b.Date), Channel: review.Channel(b.Channel),
		Sent: b.Sent, Evidence: b.Evidence, High: b.High, Low: b.Low, Questions: questionsFrom(b.Questions)}
	for _, q := range b.Questions {
		c.id("question", q.ID)
	}
	rb := review.NewRespondentsBuilder(len(b.Respondents))
	for _, rs := range b.Respondents {
		rb.Add(respondentFrom(c, rs))
	}
	out.Respondents = rb.Done()
	return out
}
