package accessible

import (
	"errors"
	"fmt"
	"time"

	"scrutiny/review"
	"scrutiny/ui/present"
	"scrutiny/ui/text"
)

// recLine names a recommendation in a menu: its number, its words, and
// how many sub-points and findings it has.
func recLine(i int, text_ string, subs, findings int) string {
	return fmt.Sprintf("Recommendation %d: %s (%s, based on %s)", i+1, text.OrEmpty(clean(text_), "not worded yet"),
		text.Count(subs, "sub-point", "sub-points"), text.Count(findings, "finding", "findings"))
}

// recommendations lists the review's recommendations and lets the panel
// add one, reword one, add sub-points, link its findings and record the
// Board's response.
func (s *session) recommendations() error {
	for {
		opts := make([]string, 0, len(s.r.Recommendations)+1)
		for i, rec := range s.r.Recommendations {
			opts = append(opts, recLine(i, rec.Text, len(rec.SubPoints), len(rec.FindingIDs)))
		}
		opts = append(opts, "Add a recommendation")
		i, err := s.p.choose("This review has "+text.Count(len(s.r.Recommendations), "recommendation", "recommendations")+". Choose one, or add one.",
			opts, "Back to the review")
		if err != nil {
			return err
		}
		if i == len(s.r.Recommendations) {
			t, err := s.p.required("What does the panel recommend? One line.")
			if err != nil {
				return err
			}
			rec := review.Recommendation{Text: t}
			if !s.saved(s.st.SaveRecommendation(s.ctx, s.r.ID, &rec), fmt.Sprintf("recommendation %d", i+1)) {
				continue
			}
			if err := s.reload(); err != nil {
				return err
			}
		}
		if err := s.recommendation(i); err != nil && !errors.Is(err, errBack) {
			return err
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

// recommendation works on the i-th recommendation until b.
func (s *session) recommendation(i int) error {
	for {
		if i >= len(s.r.Recommendations) {
			return nil
		}
		rec := s.r.Recommendations[i]
		s.show("recommendations", present.ItemRecommendation, rec.ID)
		opts := []string{"Hear it in full", "Change its wording", "Add a sub-point", "Choose the findings behind it", "Record the Board's response"}
		k, err := s.p.choose(fmt.Sprintf("Recommendation %d. What would you like to do?", i+1), opts, "Back to the recommendations")
		if err != nil {
			return err
		}
		switch k {
		case 0:
			s.p.say("Recommendation %d: %s", i+1, text.OrEmpty(clean(rec.Text), "not worded yet"))
			for j, sp := range rec.SubPoints {
				s.p.say("%d%c: %s", i+1, 'a'+rune(j%26), clean(sp.Text))
			}
			if len(rec.FindingIDs) == 0 {
				s.p.say("It is not yet linked to a finding.")
			}
			nums := s.r.Numbers()
			for _, id := range rec.FindingIDs {
				if f, ok := s.r.FindingByID(id); ok {
					s.p.say("Based on finding %s, %s: %s", nums.Findings[id], f.Kind, clean(f.Text))
				}
			}
			if !rec.Response.IsZero() || len(rec.Actions) > 0 {
				s.p.say("The Board's response: %s.", spokenStatus(&rec, review.FromTime(time.Now())))
			}
			if r := clean(rec.Response.Words); r != "" {
				s.p.say("The Board's words: %s", r)
			}
			continue
		case 1:
			if rec.Text, err = s.p.text("What does the panel recommend? One line.", rec.Text); err != nil {
				return err
			}
		case 2:
			t, err := s.p.required(fmt.Sprintf("Type sub-point %d%c, one line.", i+1, 'a'+rune(len(rec.SubPoints)%26)))
			if err != nil {
				return err
			}
			rec.SubPoints = append(append([]review.SubPoint(nil), rec.SubPoints...), review.SubPoint{Text: t})
		case 3:
			n := len(s.r.Findings)
			if n == 0 {
				s.p.say("There are no findings yet: add them from the review menu first.")
				continue
			}
			s.p.say("Which findings is this recommendation based on?")
			nums := s.r.Numbers()
			for j, f := range s.r.Findings {
				s.p.say("%d. Finding %s, %s: %s", j+1, nums.Findings[f.ID], f.Kind, clean(f.Text))
			}
			q := "Type the numbers separated by commas, or press Enter for none."
			if n == 1 {
				q = "Type 1, or press Enter for none."
			}
			picks, err := s.p.numbers(q, n)
			if err != nil {
				return err
			}
			rec.FindingIDs = nil
			for _, j := range picks {
				rec.FindingIDs = append(rec.FindingIDs, s.r.Findings[j].ID)
			}
		case 4:
			// The decision, its date, words and reason, as from the
			// review menu's "The Board's response and the action plan".
			if err := s.recordDecision(rec, i+1); err != nil && err != errBack {
				return err
			}
			if err := s.reload(); err != nil {
				return err
			}
			continue
		}
		s.saved(s.st.SaveRecommendation(s.ctx, s.r.ID, &rec), fmt.Sprintf("recommendation %d", i+1))
		if err := s.reload(); err != nil {
			return err
		}
	}
}
