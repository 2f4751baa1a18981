package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// levelChoices are the scores as the user sees them: always word and symbol.
func levelChoices() []string               { return labels(review.LevelNone, review.Levels) }
func levelFromLabel(v string) review.Level { return fromLabel(v, review.LevelNone, review.Levels) }

func levelTone(l review.Level) func(style.Styles) lipgloss.Style {
	return func(s style.Styles) lipgloss.Style {
		switch l {
		case review.Poor:
			return s.Issue
		case review.Fair:
			return s.Warning
		case review.Good, review.Excellent:
			return s.Good
		}
		return s.Muted
	}
}

// scoringTab is tab 6: the criteria with their agreed level and rationale.
type scoringTab struct {
	*formTab
	keys scoringKeys
}

func newScoringTab(ws *workspace) *scoringTab {
	s := &scoringTab{keys: newScoringKeys()}
	s.formTab = newFormTab(ws, func() []field { return scoringFields(ws) })
	s.intro = "Score each criterion poor, fair, good or excellent (←/→), with the reason."
	s.extraKeys = func() []key.Binding { return []key.Binding{s.keys.Add, s.keys.Vote, s.keys.Template, s.keys.Delete} }
	s.extra = func(msg tea.KeyPressMsg) (bool, tea.Cmd) {
		switch {
		case key.Matches(msg, s.keys.Vote):
			return true, send(startVotingMsg{})
		case key.Matches(msg, s.keys.Template):
			return true, s.offerTemplate()
		case key.Matches(msg, s.keys.Add):
			s.f.focusID("addcrit")
			return true, s.f.startEdit()
		case key.Matches(msg, s.keys.Delete):
			fl, ok := s.f.focused()
			if !ok || !strings.HasPrefix(fl.id, "crit") {
				return true, nil
			}
			id := fl.id[strings.Index(fl.id, ":")+1:]
			i := ws.criterionIndex(id)
			if i < 0 {
				return true, nil
			}
			name := ws.rev.Criteria[i].Name
			return true, send(confirmMsg{
				question: fmt.Sprintf("Move the criterion %q to the bin?", text.Truncate(text.OneLine(name), 40)),
				yes: func() tea.Cmd {
					ws.remove("the criterion", store.KindCriterion, id)
					s.reload()
					return nil
				}})
		}
		return false, nil
	}
	return s
}

func scoringFields(ws *workspace) []field {
	var fs []field
	for i, c := range ws.rev.Criteria {
		id := c.ID
		fs = append(fs,
			field{id: "h-crit:" + id, label: criterionHeading(i, c), kind: fHeading},
			field{id: "crit:" + id, label: "Criterion", kind: fText,
				get: func() string { return critByID(ws, id).Name },
				set: func(v string) error { return ws.saveCriterion(id, func(c *review.Criterion) { c.Name = v }) }},
			field{id: "critlevel:" + id, label: "Score", kind: fChoice, choices: levelChoices(),
				tone: levelTone(c.Level),
				get:  func() string { return critByID(ws, id).Level.Label() },
				set: func(v string) error {
					return ws.saveCriterion(id, func(c *review.Criterion) { c.Level = levelFromLabel(v) })
				}},
			field{id: "critwhy:" + id, label: "Why", kind: fMulti, placeholder: "(the reason for this score)",
				get: func() string { return critByID(ws, id).Rationale },
				set: func(v string) error { return ws.saveCriterion(id, func(c *review.Criterion) { c.Rationale = v }) }},
		)
	}
	fs = append(fs, field{id: "addcrit", label: "+ add a criterion", kind: fAction, placeholder: "what the panel scores",
		add: func(v string) (func() error, error) {
			_, undo, err := ws.addCriterion(review.Criterion{Name: v})
			return undo, err
		},
		next: func() string { return "critlevel:" + ws.rev.Criteria[len(ws.rev.Criteria)-1].ID }})
	return fs
}

func critByID(ws *workspace, id string) review.Criterion {
	if i := ws.criterionIndex(id); i >= 0 {
		return ws.rev.Criteria[i]
	}
	return review.Criterion{}
}

// judgementTab is tab 7: the verdict and the summary.
type judgementTab struct{ *formTab }

func newJudgementTab(ws *workspace) *judgementTab {
	s := &judgementTab{newFormTab(ws, func() []field {
		return []field{
			{id: "h-verdict", label: "Overall judgement: " + ws.rev.Judgement.Label(), kind: fHeading},
			{id: "verdict", label: "Level", kind: fChoice, choices: levelChoices(),
				tone: levelTone(ws.rev.Judgement.Level),
				get:  func() string { return ws.rev.Judgement.Level.Label() },
				set: func(v string) error {
					return ws.saveHeader(func(r *review.Review) { r.Judgement.Level = levelFromLabel(v) })
				}},
			// The panel's word stands beside the level ("Fair — improving")
			// or on its own; typing one never clears the other.
			{id: "word", label: "Own word", kind: fText, placeholder: "(optional, e.g. Improving)",
				get: func() string { return ws.rev.Judgement.Word },
				set: func(v string) error {
					return ws.saveHeader(func(r *review.Review) { r.Judgement.Word = v })
				}},
			textField(ws, "explanation", "Explanation", fMulti, func(r *review.Review) *string { return &r.Judgement.Explanation }),
			{id: "h-summary", label: "Review summary", kind: fHeading},
			textField(ws, "summary", "Summary", fMulti, func(r *review.Review) *string { return &r.Summary }),
		}
	})}
	s.intro = "A level, the panel's own word, or both (Fair — improving), with the explanation."
	return s
}
