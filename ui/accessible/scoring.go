package accessible

import (
	"fmt"
	"path/filepath"
	"strings"

	"scrutiny/review"
	"scrutiny/store/atomicfile"
	"scrutiny/ui/present"
	"scrutiny/ui/text"
)

func (s *session) scoreCriterion() error {
	for {
		opts := make([]string, 0, len(s.r.Criteria)+2)
		for _, c := range s.r.Criteria {
			opts = append(opts, fmt.Sprintf("%s: %s", clean(c.Name), levelLabel(c.Level)))
		}
		opts = append(opts, "Add a criterion in the panel's own words", "Add criteria from a ready-made set")
		i, err := s.p.choose("Which criterion?", opts, "Back to the review")
		if err != nil {
			return err
		}
		switch i {
		case len(s.r.Criteria):
			name, err := s.p.required("Name the criterion, for example: Quality of the response to the query.")
			if err != nil {
				return err
			}
			c := review.Criterion{Name: name}
			if !s.saved(s.st.SaveCriterion(s.ctx, s.r.ID, &c), "criterion "+clean(name)) {
				continue
			}
			if err := s.reload(); err != nil {
				return err
			}
			i = len(s.r.Criteria) - 1
		case len(s.r.Criteria) + 1:
			if err := s.addTemplate(); err != nil {
				return err
			}
			if err := s.reload(); err != nil {
				return err
			}
			continue
		}
		if i < 0 || i >= len(s.r.Criteria) {
			continue
		}
		if err := s.score(s.r.Criteria[i]); err != nil {
			return err
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

func (s *session) addTemplate() error {
	ts := review.CriteriaTemplates()
	opts := make([]string, len(ts))
	for i, t := range ts {
		opts[i] = fmt.Sprintf("%s: %s", t.Name, strings.Join(t.Criteria, "; "))
	}
	i, err := s.p.choose("Which set of criteria?", opts, "Back without adding")
	if err != nil {
		return err
	}
	added := s.r.CriteriaFromTemplate(ts[i])
	if len(added) == 0 {
		s.p.say("This review already has all of those criteria.")
	}
	for _, c := range added {
		if !s.saved(s.st.SaveCriterion(s.ctx, s.r.ID, &c), "criterion "+c.Name) {
			break
		}
	}
	return nil
}

// tallyLines reads the room's votes as labelled lines.
func (s *session) tallyLines(c review.Criterion) {
	for _, v := range c.Tally() {
		s.p.say("%s: %s.", v.Level.Title(), text.Count(v.N, "vote", "votes"))
	}
	s.p.say("%s.", c.VoteSummary())
}

func (s *session) score(c review.Criterion) error {
	s.show("criteria", present.ItemCriterion, c.ID)
	s.p.say("Criterion: %s. Score now: %s.", clean(c.Name), levelLabel(c.Level))
	s.tallyLines(c)
	record, err := s.p.yes("Record the room's votes now?")
	if err != nil {
		return err
	}
	if record {
		for _, l := range review.Levels {
			if c.Votes[l], err = s.p.count(fmt.Sprintf("How many votes for %s?", l.String()), c.Votes[l]); err != nil {
				return err
			}
		}
		s.tallyLines(c)
	}
	opts := levelOptions()
	opts = append(opts, "Not scored yet")
	title := "What score did the panel agree?"
	if l, ok := c.Leading(); ok {
		title = fmt.Sprintf("What score did the panel agree? The room's votes lead to %s.", l.String())
	}
	i, err := s.p.choose(title, opts, "Back without saving")
	if err != nil {
		return err
	}
	c.Level = review.LevelNone
	if i < len(review.Levels) {
		c.Level = review.Levels[i]
	}
	if c.Rationale, err = s.p.text("Why did the panel give this score? One line.", c.Rationale); err != nil {
		return err
	}
	s.saved(s.st.SaveCriterion(s.ctx, s.r.ID, &c), fmt.Sprintf("%s scored %s", clean(c.Name), levelLabel(c.Level)))
	return nil
}

func (s *session) judgement() error {
	s.show("judgement", present.ItemJudgement, "")
	r := s.r
	if len(r.Criteria) == 0 {
		s.p.say("No criteria have been scored yet.")
	}
	for _, c := range r.Criteria {
		s.p.say("%s: %s.", clean(c.Name), levelLabel(c.Level))
	}
	if split := r.JudgementSplit(); split != nil {
		words := make([]string, len(split))
		for i, l := range split {
			words[i] = l.String()
		}
		s.p.say("The scores are split between %s; the panel may choose its own word, such as Improving.", strings.Join(words, " and "))
	}
	s.p.say("The judgement now: %s.", judgementWords(r.Judgement))
	opts := levelOptions()
	opts = append(opts, "The panel's own word, for example Improving")
	i, err := s.p.choose("What is the panel's overall judgement?", opts, "Back without saving")
	if err != nil {
		return err
	}
	j := r.Judgement
	if i < len(review.Levels) {
		j.Level, j.Word = review.Levels[i], ""
	} else {
		word, err := s.p.required("Type the panel's word.")
		if err != nil {
			return err
		}
		j.Level, j.Word = review.LevelNone, word
	}
	q := "Why did the panel reach this judgement? One line."
	if j.Word != "" {
		q = "Why did the panel choose its own word? One line; the report prints it beside the judgement."
	}
	if j.Explanation, err = s.p.text(q, j.Explanation); err != nil {
		return err
	}
	r.Judgement = j
	s.saved(s.st.SaveReview(s.ctx, r), "the overall judgement, "+judgementWords(j))
	return nil
}

func (s *session) exportReport() error {
	def := filepath.Join(s.opts.Dir, slug(s.r.Topic, "report")+".md")
	path, err := s.p.text("Which file should the report be written to?", def)
	if err != nil {
		return err
	}
	md := review.Render(s.r)
	if err := atomicfile.WriteBytes(path, md); err != nil {
		s.p.say("The report was not written: %s.", err)
		return nil
	}
	abs, _ := filepath.Abs(path)
	s.p.say("Wrote the report to %s, %d lines.", abs, strings.Count(string(md), "\n"))
	return nil
}

// slug makes a file name from a title: "Customers contacting us" gives
// "customers-contacting-us".
func slug(title, fallback string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 60 {
		out = strings.Trim(out[:60], "-")
	}
	if out == "" {
		return fallback
	}
	return out
}

// levelOptions lists the four levels as menu choices, with room for one
// more choice after them.
func levelOptions() []string {
	opts := make([]string, 0, len(review.Levels)+1)
	for _, l := range review.Levels {
		opts = append(opts, l.Title())
	}
	return opts
}
