package ui

import (
	"slices"

	"scrutiny/review"
	"scrutiny/store"
)

// Saving standards, surveys and answers follows the workspace's rule: build
// the new value on a copy, save it, and only then put it in memory.

func (ws *workspace) standardIndex(id string) int {
	return slices.IndexFunc(ws.rev.Standards, func(s review.Standard) bool { return s.ID == id })
}

func (ws *workspace) surveyIndex(id string) int {
	return slices.IndexFunc(ws.rev.Surveys, func(s review.Survey) bool { return s.ID == id })
}

func (ws *workspace) saveStandard(id string, apply func(s *review.Standard)) error {
	return saveCopy(ws, ws.rev.Standards, ws.standardIndex(id), same, always(apply),
		patch(func(b, a *review.Standard) (review.Standard, error) {
			return ws.e.st.PatchStandard(ws.e.ctx, ws.rev.ID, b, a)
		}))
}

func (ws *workspace) addStandard(s review.Standard) (string, func() error, error) {
	return addItem(ws, &ws.rev.Standards, s, func(s *review.Standard) error { return ws.e.st.SaveStandard(ws.e.ctx, ws.rev.ID, s) },
		func(s *review.Standard) string { return s.ID }, store.KindStandard)
}

// cloneSurveyHead copies a survey's own fields and questions (tallies
// included) so an edit can be tried without touching memory; respondents
// are shared, the store does not save them with the survey.
func cloneSurveyHead(sv review.Survey) review.Survey {
	cp := sv
	cp.Questions = slices.Clone(sv.Questions)
	for i := range cp.Questions {
		q := &cp.Questions[i]
		q.Labels = slices.Clone(q.Labels)
		if q.Tally != nil {
			t := make(map[string]int, len(q.Tally))
			for k, v := range q.Tally {
				t[k] = v
			}
			q.Tally = t
		}
	}
	return cp
}

func (ws *workspace) saveSurvey(id string, apply func(sv *review.Survey) error) error {
	// A survey's questions are one column written whole; its answers are
	// saved on their own (addRespondent), never from here.
	return saveCopy(ws, ws.rev.Surveys, ws.surveyIndex(id), cloneSurveyHead, apply,
		func(_, sv *review.Survey) error { return ws.e.st.SaveSurvey(ws.e.ctx, ws.rev.ID, sv) })
}

func (ws *workspace) addSurvey(sv review.Survey) (string, func() error, error) {
	rs := sv.Respondents
	sv.Respondents = review.Respondents{}
	if err := ws.e.st.SaveSurvey(ws.e.ctx, ws.rev.ID, &sv); err != nil {
		return "", nil, err
	}
	sv.Respondents = rs
	ws.rev.Surveys = append(ws.rev.Surveys, sv)
	ws.touch()
	return sv.ID, ws.deleter(store.KindSurvey, sv.ID), nil
}

// addRespondent saves one person's answers (one transaction) and returns
// how to take them back.
func (ws *workspace) addRespondent(surveyID string, r review.Respondent) (func() error, error) {
	i := ws.surveyIndex(surveyID)
	if i < 0 {
		return nil, store.ErrNotFound
	}
	rs := []review.Respondent{r}
	if err := ws.e.st.AddRespondents(ws.e.ctx, surveyID, rs); err != nil {
		return nil, err
	}
	ws.rev.Surveys[i].Respondents.Append(rs[0])
	ws.touch()
	return ws.deleter(store.KindRespondent, rs[0].ID), nil
}
