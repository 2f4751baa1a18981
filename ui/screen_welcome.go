package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/text"
)

// welcomeScreen greets an empty database.
type welcomeScreen struct {
	e      *env
	choice int
	keys   welcomeKeys
	w, h   int
}

func newWelcome(e *env) *welcomeScreen {
	return &welcomeScreen{e: e, keys: newWelcomeKeys()}
}

var welcomeChoices = []string{"Start a new review", "Load the example review (to look around first)"}

func (s *welcomeScreen) resize(w, h int) { s.w, s.h = w, h }
func (s *welcomeScreen) typing() bool    { return false }
func (s *welcomeScreen) commit() error   { return nil }
func (s *welcomeScreen) restyle()        {}
func (s *welcomeScreen) help() helpMap {
	return helpMap{short: []key.Binding{s.keys.Choose, s.keys.New}, full: bindings(s.keys)}
}

func (s *welcomeScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.keys.Up):
			s.choice = 0
		case key.Matches(msg, s.keys.Down):
			s.choice = 1
		case key.Matches(msg, s.keys.Choose):
			return s.choose(s.choice)
		case key.Matches(msg, s.keys.New):
			return s.choose(0)
		}
	case tea.MouseClickMsg:
		// The choices sit on lines 6 and 7 of the welcome text.
		if y := msg.Mouse().Y - welcomeTop; y == 0 || y == 1 {
			s.choice = y
			return s.choose(y)
		}
	}
	return nil
}

const welcomeTop = 6

func (s *welcomeScreen) choose(i int) tea.Cmd {
	if i == 0 {
		return createReview(s.e)
	}
	var id string
	err := s.e.do("load the example review", func() error {
		var err error
		id, err = s.e.loadExample(s.e.ctx, s.e.st)
		return err
	}, nil)
	if err != nil {
		return nil
	}
	s.e.note("The example review is loaded. Press esc twice for the list of reviews.")
	return send(openReviewMsg{id: id})
}

// createReview makes a new, empty review and opens it on its topic.
func createReview(e *env) tea.Cmd {
	r := &review.Review{Stage: review.StageScoping}
	err := e.do("create the review", func() error { return e.st.CreateReview(e.ctx, r) },
		func() error { return e.st.Delete(e.ctx, store.KindReview, r.ID) })
	if err != nil {
		return nil
	}
	e.handLastUndo(r.ID)
	e.note("New review created: type its topic and press enter.")
	return tea.Sequence(send(openReviewMsg{id: r.ID}), send(editTopicMsg{}))
}

// editTopicMsg opens the topic field of the review just created.
type editTopicMsg struct{}

func (s *welcomeScreen) view(w, h int) string {
	st := s.e.styles
	lines := []string{
		"",
		st.Title.Render("  Welcome to scrutiny"),
		"",
		"  " + st.Text.Render(text.Truncate("Keep a tenant scrutiny review in one place: scope, evidence,", w-4)),
		"  " + st.Text.Render(text.Truncate("findings, recommendations and the report for the Board.", w-4)),
		"",
	}
	for i, c := range welcomeChoices {
		if i == s.choice {
			lines = append(lines, "  "+st.Selected.Render("› "+text.Truncate(c, w-6)))
		} else {
			lines = append(lines, "    "+st.Text.Render(text.Truncate(c, w-6)))
		}
	}
	lines = append(lines, "", "  "+st.Muted.Render(text.Truncate("Everything is saved as you go, on this computer only.", w-4)))
	return strings.Join(text.Box(lines, w, h), "\n")
}
