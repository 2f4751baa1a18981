package accessible

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/present"
	"scrutiny/ui/text"
)

// Options tune Run.
type Options struct {
	// Dir is the folder offered for exported files; empty means the
	// current folder.
	Dir string
}

// Wanted reports whether plain mode should be used without being asked: a
// terminal that cannot draw a full-screen interface says TERM=dumb, and a
// screen-reader user sets ACCESSIBLE (as huh and other Charm programs read
// it) to anything but empty, 0 or false.
func Wanted(term, accessibleEnv string) bool {
	switch strings.ToLower(strings.TrimSpace(accessibleEnv)) {
	case "", "0", "false", "no":
	default:
		return true
	}
	return strings.TrimSpace(term) == "dumb"
}

// Run asks questions on out and reads answers from in until the person
// quits or the input ends. Every change is saved to st as soon as it is
// answered and confirmed only after the save succeeded.
func Run(ctx context.Context, st *store.Store, in io.Reader, out io.Writer, opts Options) error {
	s := &session{ctx: ctx, st: st, p: &prompter{in: bufio.NewReader(in), out: out}, opts: opts, pub: present.NewPublisher(st)}
	s.p.say("Scrutiny, plain mode. Each question ends with what to type; press Enter after each answer.")
	s.p.say("At any question, type q to leave or b to go back. At a menu, type m to hear the choices again.")
	if st.ReadOnly() {
		s.p.say("This file is open for reading only: you can look and export, but not change anything.")
	}
	err := s.home()
	if errors.Is(err, errQuit) || errors.Is(err, errBack) {
		s.p.say("Goodbye.")
		return nil
	}
	return err
}

type session struct {
	ctx  context.Context
	st   *store.Store
	p    *prompter
	opts Options
	r    *review.Review // the review being worked on
	pub  *present.Publisher
}

// home lets the person choose a review or start one.
func (s *session) home() error {
	for {
		sums, err := s.st.ListReviewTopics(s.ctx)
		if err != nil {
			return err
		}
		opts := make([]string, 0, len(sums)+1)
		for _, r := range sums {
			opts = append(opts, fmt.Sprintf("%s, stage: %s", clean(r.Topic), r.Stage))
		}
		opts = append(opts, "Start a new review")
		title := fmt.Sprintf("There are %d reviews. Choose a review.", len(sums))
		switch len(sums) {
		case 0:
			title = "There are no reviews yet."
		case 1:
			title = "There is 1 review. Choose a review."
		}
		i, err := s.p.choose(title, opts, "")
		if err != nil {
			return err
		}
		var id string
		if i == len(sums) {
			if id, err = s.newReview(); errors.Is(err, errBack) {
				continue
			} else if err != nil {
				return err
			}
		} else {
			id = sums[i].ID
		}
		if err := s.load(id); err != nil {
			return err
		}
		s.show("overview", "", "")
		if err := s.reviewMenu(); err != nil && !errors.Is(err, errBack) {
			return err
		}
	}
}

func (s *session) load(id string) error {
	r, err := s.st.LoadReview(s.ctx, id)
	if err != nil {
		return fmt.Errorf("could not read the review: %w", err)
	}
	s.r = r
	return nil
}

// show tells a present window on the wall what this session is doing, so
// a facilitator using a screen reader can still project for the room. A
// failure only means the wall lags; it never stops the session.
func (s *session) show(tab, kind, id string) {
	if s.r == nil {
		return
	}
	_ = s.pub.Publish(s.ctx, present.Position{ReviewID: s.r.ID, Tab: tab, ItemKind: kind, ItemID: id})
}

// reload picks up what was just saved (and anything saved elsewhere).
func (s *session) reload() error { return s.load(s.r.ID) }

// saved reports the outcome of a save in words; a failure keeps the
// session going so nothing else typed is lost.
func (s *session) saved(err error, what string) bool {
	if err != nil {
		if errors.Is(err, store.ErrReadOnly) {
			s.p.say("Not saved: this file is open for reading only.")
		} else {
			s.p.say("Not saved: %s. Nothing was changed.", err)
		}
		return false
	}
	s.p.say("Saved: %s.", what)
	return true
}

func (s *session) newReview() (string, error) {
	topic, err := s.p.required("What is the review's topic? For example: Customers contacting us.")
	if err != nil {
		return "", err
	}
	r := &review.Review{Topic: topic, Stage: review.StageScoping}
	if !s.saved(s.st.CreateReview(s.ctx, r), "the new review "+clean(topic)) {
		return "", errBack
	}
	return r.ID, nil
}

func (s *session) reviewMenu() error {
	tasks := []struct {
		name string
		run  func() error
	}{
		{"Hear a summary of this review", s.summary},
		{"Add evidence", s.addEvidence},
		{"Add a finding", s.addFinding},
		{"Score a criterion", s.scoreCriterion},
		{"Record the overall judgement", s.judgement},
		{"Export the report", s.exportReport},
		{"Meetings, minutes and attendance", s.meetings},
		{"Panel members of this review", s.members},
		{"The scope: aim, objectives and focus areas", s.scope},
		{"Recommendations", s.recommendations},
		{"The Board's response and the action plan", s.responses},
	}
	names := make([]string, len(tasks))
	for i, t := range tasks {
		names[i] = t.name
	}
	for {
		title := fmt.Sprintf("Review: %s. What would you like to do?", clean(s.r.Topic))
		i, err := s.p.choose(title, names, "Choose another review")
		if err != nil {
			return err
		}
		if err := tasks[i].run(); err != nil && !errors.Is(err, errBack) {
			return err
		}
		if err := s.reload(); err != nil {
			return err
		}
	}
}

func (s *session) summary() error {
	r := s.r
	s.p.say("Topic: %s.", clean(r.Topic))
	s.p.say("Stage: %s.", r.Stage)
	if !r.Start.IsZero() {
		s.p.say("Started %s.", r.Start.Long())
	}
	if !r.BoardDate.IsZero() {
		s.p.say("Goes to the Board on %s.", r.BoardDate.Long())
	}
	s.p.say("%s, %s, %s, %s.", text.Count(len(r.Evidence), "evidence item", "evidence items"), text.Count(len(r.Findings), "finding", "findings"),
		text.Count(len(r.Recommendations), "recommendation", "recommendations"), text.Count(len(r.Meetings), "meeting", "meetings"))
	for _, c := range r.Criteria {
		s.p.say("Criterion %s: %s.", clean(c.Name), levelLabel(c.Level))
	}
	s.p.say("Overall judgement: %s.", judgementWords(r.Judgement))
	if e := strings.TrimSpace(r.Judgement.Explanation); e != "" {
		s.p.say("Why: %s", clean(e))
	}
	return nil
}

// levelLabel gives a rating as its word only: the gauge the screen shows
// beside it ("■■■·") would be read out as shapes.
func levelLabel(l review.Level) string {
	if !l.Valid() {
		return "Not scored yet"
	}
	return l.Title()
}

// judgementWords is the verdict in words: the panel's own word, or the
// level's.
func judgementWords(j review.Judgement) string {
	switch {
	case strings.TrimSpace(j.Word) != "":
		return clean(j.Word)
	case j.Level.Valid():
		return j.Level.Title()
	}
	return "Not decided yet"
}

func (s *session) addEvidence() error {
	kinds := make([]string, len(review.EvidenceKinds))
	for i, k := range review.EvidenceKinds {
		kinds[i] = capital(string(k))
	}
	i, err := s.p.choose("What kind of evidence is it?", kinds, "Back without adding")
	if err != nil {
		return err
	}
	e := review.Evidence{Kind: review.EvidenceKinds[i]}
	if e.Title, err = s.p.required("Give it a short title, for example: Visit to the contact centre."); err != nil {
		return err
	}
	if e.Date, err = s.p.date("When was it? Type a date like 2 May 2019, or press Enter to leave it blank.", review.Date{}); err != nil {
		return err
	}
	if e.Who, err = s.p.text("Who took part, presented or was interviewed? Press Enter to leave it blank.", ""); err != nil {
		return err
	}
	if e.Notes, err = s.p.text("What was done? One line; press Enter to leave it blank.", ""); err != nil {
		return err
	}
	s.saved(s.st.SaveEvidence(s.ctx, s.r.ID, &e), fmt.Sprintf("evidence %q", clean(e.Title)))
	return nil
}

func (s *session) addFinding() error {
	i, err := s.p.choose("Is this finding good practice or an issue?", []string{"Good practice", "An issue to improve"}, "Back without adding")
	if err != nil {
		return err
	}
	f := review.Finding{Kind: review.GoodPractice}
	if i == 1 {
		f.Kind = review.Issue
	}
	if f.Text, err = s.p.required("What did the panel find? One line."); err != nil {
		return err
	}
	if n := len(s.r.Evidence); n > 0 {
		s.p.say("Which evidence is this finding based on?")
		nums := s.r.Numbers()
		for j, e := range s.r.Evidence {
			s.p.say("%d. Evidence %s: %s (%s)", j+1, nums.Evidence[e.ID], clean(e.Title), e.Kind)
		}
		picks, err := s.p.numbers("Type the numbers separated by commas, or press Enter for none.", n)
		if err != nil {
			return err
		}
		for _, j := range picks {
			f.EvidenceIDs = append(f.EvidenceIDs, s.r.Evidence[j].ID)
		}
	}
	s.saved(s.st.SaveFinding(s.ctx, s.r.ID, &f), fmt.Sprintf("%s finding %q", f.Kind, clean(f.Text)))
	return nil
}
