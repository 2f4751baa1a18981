package ui

import (
	"errors"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/text"
)

// overviewTab is tab 1: the review's header and who is on the panel.
type overviewTab struct{ *formTab }

const notOnReview = "not on this review"

func newOverview(ws *workspace) *overviewTab {
	s := &overviewTab{}
	s.formTab = newFormTab(ws, func() []field { return overviewFields(ws) })
	return s
}

func (s *overviewTab) editTopic() tea.Cmd {
	s.f.focusID("topic")
	return s.f.startEdit()
}

func textField(ws *workspace, id, label string, kind fieldKind, get func(r *review.Review) *string) field {
	return field{id: id, label: label, kind: kind,
		get: func() string { return *get(ws.rev) },
		set: func(v string) error { return ws.saveHeader(func(r *review.Review) { *get(r) = v }) },
	}
}

// topicField refuses to blank out a topic once there is one: the report,
// the list of reviews and the wall all name the review by it.
func topicField(ws *workspace) field {
	f := textField(ws, "topic", "Topic", fText, func(r *review.Review) *string { return &r.Topic })
	set := f.set
	f.set = func(v string) error {
		if strings.TrimSpace(v) == "" && strings.TrimSpace(ws.rev.Topic) != "" {
			return errors.New("a review needs a topic; type one, or press ctrl+z to keep the old one")
		}
		return set(v)
	}
	return f
}

func dateField(ws *workspace, id, label string, get func(r *review.Review) *review.Date) field {
	return field{id: id, label: label, kind: fDate, placeholder: datePlaceholder,
		get: func() string { return get(ws.rev).Short() },
		set: func(v string) error {
			d, err := ws.e.parseDate(v)
			if err != nil {
				return err
			}
			next := *ws.rev
			*get(&next) = d
			if !next.Start.IsZero() && !next.End.IsZero() && next.End.Before(next.Start) {
				return errors.New("the end date is before the start date")
			}
			return ws.saveHeader(func(r *review.Review) { *get(r) = d })
		},
	}
}

func linesField(ws *workspace, id, label string, get func(r *review.Review) *[]string) field {
	return field{id: id, label: label, kind: fLines, placeholder: "(empty: one per line)",
		get: func() string { return strings.Join(*get(ws.rev), "\n") },
		set: func(v string) error {
			var items []string
			if strings.TrimSpace(v) != "" {
				items = strings.Split(v, "\n")
			}
			return ws.saveHeader(func(r *review.Review) { *get(r) = items })
		},
	}
}

func overviewFields(ws *workspace) []field {
	stages := make([]string, len(review.Stages))
	for i, st := range review.Stages {
		stages[i] = string(st)
	}
	fs := []field{
		{id: "h-review", label: "The review", kind: fHeading},
		topicField(ws),
		textField(ws, "landlord", "Landlord", fText, func(r *review.Review) *string { return &r.Landlord }),
		textField(ws, "service", "Service area", fText, func(r *review.Review) *string { return &r.ServiceArea }),
		textField(ws, "why", "Why this area", fMulti, func(r *review.Review) *string { return &r.WhyArea }),
		dateField(ws, "start", "Start date", func(r *review.Review) *review.Date { return &r.Start }),
		dateField(ws, "end", "End date", func(r *review.Review) *review.Date { return &r.End }),
		dateField(ws, "board", "Board date", func(r *review.Review) *review.Date { return &r.BoardDate }),
		{id: "stage", label: "Stage", kind: fChoice, choices: stages,
			get: func() string { return string(ws.rev.Stage) },
			set: func(v string) error {
				return ws.saveHeader(func(r *review.Review) { r.Stage = review.Stage(v) })
			}},
		textField(ws, "intro", "Introduction", fMulti, func(r *review.Review) *string { return &r.Introduction }),
		{id: "h-panel", label: "Panel on this review", kind: fHeading},
	}
	roles := []string{notOnReview}
	for _, r := range review.Roles {
		roles = append(roles, string(r))
	}
	for _, m := range ws.roster {
		id := m.ID
		label := m.Name
		if !m.Left.IsZero() {
			label += " (left)"
		}
		fs = append(fs, field{id: "member:" + id, label: label, kind: fChoice, choices: roles,
			get: func() string {
				if !slices.Contains(ws.rev.MemberIDs, id) {
					return notOnReview
				}
				if m, ok := memberOf(ws, id); ok {
					return string(m.Role)
				}
				return string(review.RoleMember)
			},
			set:  func(v string) error { return setMembership(ws, id, v) },
			tone: nil,
		})
	}
	fs = append(fs, field{id: "addmember", label: "+ add a member", kind: fAction,
		placeholder: "their name, then enter",
		add: func(v string) (func() error, error) {
			m := review.Member{Name: v, Role: review.RoleMember}
			if err := ws.e.st.SaveMember(ws.e.ctx, &m); err != nil {
				return nil, err
			}
			ws.roster = append(ws.roster, m)
			err := ws.saveHeader(func(r *review.Review) { r.MemberIDs = append(slices.Clone(r.MemberIDs), m.ID) })
			st, ctx, rid := ws.e.st, ws.e.ctx, ws.rev.ID
			return func() error {
				cur, err := st.LoadReview(ctx, rid)
				if err != nil {
					return err
				}
				cur.MemberIDs = slices.DeleteFunc(cur.MemberIDs, func(x string) bool { return x == m.ID })
				if err := st.SaveReview(ctx, cur); err != nil {
					return err
				}
				return st.Delete(ctx, store.KindMember, m.ID)
			}, err
		}})
	fs = append(fs, outstandingRequests(ws)...)
	return fs
}

func memberOf(ws *workspace, id string) (review.Member, bool) {
	for _, m := range ws.roster {
		if m.ID == id {
			return m, true
		}
	}
	return review.Member{}, false
}

// setMembership puts a member on or off this review, with a role.
func setMembership(ws *workspace, id, v string) error {
	if v == notOnReview {
		return ws.saveHeader(func(r *review.Review) {
			r.MemberIDs = slices.DeleteFunc(slices.Clone(r.MemberIDs), func(x string) bool { return x == id })
		})
	}
	m, ok := memberOf(ws, id)
	if !ok {
		return store.ErrNotFound
	}
	if string(m.Role) != v {
		before := m
		m.Role = review.Role(v)
		if _, err := ws.e.st.PatchMember(ws.e.ctx, &before, &m); err != nil {
			return ws.patched(err, nil)
		}
		for i := range ws.roster {
			if ws.roster[i].ID == id {
				ws.roster[i] = m
			}
		}
	}
	if slices.Contains(ws.rev.MemberIDs, id) {
		ws.touch()
		return nil
	}
	return ws.saveHeader(func(r *review.Review) { r.MemberIDs = append(slices.Clone(r.MemberIDs), id) })
}

// scopeTab is tab 2.
type scopeTab struct{ *formTab }

func newScope(ws *workspace) *scopeTab {
	s := &scopeTab{newFormTab(ws, func() []field {
		return []field{
			{id: "h-scope", label: "What the panel set out to look at", kind: fHeading},
			textField(ws, "aim", "Aim", fMulti, func(r *review.Review) *string { return &r.Scope.Aim }),
			linesField(ws, "objectives", "Objectives", func(r *review.Review) *[]string { return &r.Scope.Objectives }),
			linesField(ws, "focus", "Focus areas", func(r *review.Review) *[]string { return &r.Scope.FocusAreas }),
			linesField(ws, "outofscope", "Out of scope", func(r *review.Review) *[]string { return &r.Scope.OutOfScope }),
			textField(ws, "approach", "Our approach", fMulti, func(r *review.Review) *string { return &r.Approach }),
		}
	})}
	s.intro = "Lists take one item per line. Enter edits; esc or tab saves."
	return s
}

// outstandingRequests lists the information requests still waiting for the
// landlord's answer, so the panel sees what to chase.
func outstandingRequests(ws *workspace) []field {
	var fs []field
	today := review.FromTime(ws.e.now())
	for _, e := range ws.rev.Evidence {
		if !e.Outstanding() {
			continue
		}
		if fs == nil {
			fs = append(fs, field{id: "h-requests", label: "Waiting for the landlord", kind: fHeading})
		}
		line := ws.evidenceRef(e.ID) + " " + text.OrEmpty(text.OneLine(e.Title), "(untitled request)")
		if !e.Asked.IsZero() {
			line += " · asked " + e.Asked.Short()
		}
		if !e.Due.IsZero() {
			line += " · due " + e.Due.Short()
			if e.Due.Before(today) {
				line += " (overdue)"
			}
		}
		fs = append(fs, field{id: "req:" + e.ID, label: "  " + line, kind: fHeading})
	}
	return fs
}
