package accessible

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"scrutiny/review"
	"scrutiny/ui/present"
)

// responses is the Board's response and the action plan, by numbered
// menus: choose a recommendation, then record the decision, add an action
// or report progress on one.
func (s *session) responses() error {
	for {
		today := review.FromTime(time.Now())
		opts := make([]string, len(s.r.Recommendations))
		for i := range s.r.Recommendations {
			rec := &s.r.Recommendations[i]
			opts[i] = fmt.Sprintf("Recommendation %d: %s. %s", i+1, spokenStatus(rec, today), clean(rec.Text))
		}
		if len(opts) == 0 {
			s.p.say("This review has no recommendations yet.")
			return errBack
		}
		i, err := s.p.choose("Which recommendation?", opts, "Back to the review")
		if err != nil {
			return err
		}
		if err := s.responseMenu(s.r.Recommendations[i].ID); err != nil && err != errBack {
			return err
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

// spokenStatus is a recommendation's decision and progress in words only,
// as the plain mode says ratings: "Accepted, 2 of 3 actions done, 1
// overdue".
func spokenStatus(rec *review.Recommendation, today review.Date) string {
	st := rec.Response.Decision.Title()
	if p := rec.Progress(today); p.Total > 0 {
		st += ", " + strings.ReplaceAll(p.Text(), " · ", ", ")
	}
	return st
}

func (s *session) recByID(id string) (review.Recommendation, int) {
	for i, r := range s.r.Recommendations {
		if r.ID == id {
			return r, i + 1
		}
	}
	return review.Recommendation{}, 0
}

func (s *session) responseMenu(id string) error {
	s.show("response", present.ItemActionPlan, id)
	for {
		rec, n := s.recByID(id)
		if n == 0 {
			return errBack
		}
		today := review.FromTime(time.Now())
		s.p.say("Recommendation %d: %s", n, clean(rec.Text))
		s.p.say("%s.", spokenStatus(&rec, today))
		for j, a := range rec.Actions {
			line := fmt.Sprintf("Action %d.%d: %s. %s", n, j+1, clean(a.Text), a.Status.Title())
			if o := a.OverdueText(today); o != "" {
				line += ", " + o
			}
			s.p.say("%s.", line)
		}
		opts := []string{"Record the Board's decision", "Add an action"}
		for j, a := range rec.Actions {
			opts = append(opts, fmt.Sprintf("Update action %d.%d: %s", n, j+1, clean(a.Text)))
		}
		i, err := s.p.choose("What would you like to do?", opts, "Choose another recommendation")
		if err != nil {
			return err
		}
		switch i {
		case 0:
			err = s.recordDecision(rec, n)
		case 1:
			err = s.addAction(rec, n)
		default:
			err = s.updateAction(rec, n, i-2)
		}
		if err != nil && err != errBack {
			return err
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

func decisionOptions() []string {
	out := make([]string, len(review.Decisions))
	for i, d := range review.Decisions {
		out[i] = d.Title()
	}
	return out
}

func (s *session) recordDecision(rec review.Recommendation, n int) error {
	i, err := s.p.choose(fmt.Sprintf("The Board's decision on recommendation %d? Now: %s.", n, rec.Response.Decision.Title()), decisionOptions(), "Back")
	if err != nil {
		return err
	}
	r := rec.Response
	r.Decision = review.Decisions[i]
	if r.Date, err = s.p.date("The date of the decision, for example 2 May 2019.", r.Date); err != nil {
		return err
	}
	if r.Words, err = s.p.text("The Board's words, if any.", r.Words); err != nil {
		return err
	}
	if r.Decision.NeedsReason() {
		for r.Reason == "" {
			if r.Reason, err = s.p.required("Why did the Board not accept it in full?"); err != nil {
				return err
			}
		}
		if r.Reason, err = s.p.text("The reason.", r.Reason); err != nil {
			return err
		}
	} else if r.Reason, err = s.p.text("A reason, if the Board gave one.", r.Reason); err != nil {
		return err
	}
	rec.Response = r
	s.saved(s.st.SaveRecommendation(s.ctx, s.r.ID, &rec), fmt.Sprintf("recommendation %d is %s", n, r.Decision))
	return nil
}

func (s *session) addAction(rec review.Recommendation, n int) error {
	text, err := s.p.required("What will the landlord do?")
	if err != nil {
		return err
	}
	a := review.Action{Text: text, Status: review.NotStarted}
	if a.Owner, err = s.p.text("Who owns it? A name or a role.", ""); err != nil {
		return err
	}
	if a.Due, err = s.p.date("When is it due? For example 30 September 2019. Press Enter for no date.", review.Date{}); err != nil {
		return err
	}
	rec.Actions = append(slices.Clone(rec.Actions), a)
	s.saved(s.st.SaveRecommendation(s.ctx, s.r.ID, &rec), fmt.Sprintf("action %d.%d %q", n, len(rec.Actions), clean(text)))
	return nil
}

func statusOptions() []string {
	out := make([]string, len(review.ActionStatuses))
	for i, st := range review.ActionStatuses {
		out[i] = st.Title()
	}
	return out
}

func (s *session) updateAction(rec review.Recommendation, n, j int) error {
	rec.Actions = slices.Clone(rec.Actions)
	a := &rec.Actions[j]
	a.Updates = slices.Clone(a.Updates)
	i, err := s.p.choose(fmt.Sprintf("Action %d.%d is %s. Its status now?", n, j+1, a.Status.Title()), statusOptions(), "Back")
	if err != nil {
		return err
	}
	a.Status = review.ActionStatuses[i]
	note, err := s.p.text("What has happened? Press Enter to add no note.", "")
	if err != nil {
		return err
	}
	if note != "" {
		by, err := s.p.text("Who reported it? Press Enter to leave it blank.", "")
		if err != nil {
			return err
		}
		a.Updates = append(a.Updates, review.ActionUpdate{Date: review.FromTime(time.Now()), Note: note, By: by})
	}
	if a.Status.NeedsReason() {
		if a.Reason, err = s.p.text(fmt.Sprintf("Why is it %s?", a.Status), a.Reason); err != nil {
			return err
		}
		if a.Reason == "" {
			a.Reason = note
		}
	}
	s.saved(s.st.SaveRecommendation(s.ctx, s.r.ID, &rec), fmt.Sprintf("action %d.%d is %s", n, j+1, a.Status))
	return nil
}
