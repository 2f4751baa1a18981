package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/google/uuid"

	"scrutiny/review"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// followUpTab is the panel's check after the Board: the follow-up points
// (6 and 12 months on unless the panel changes them), and at each one what
// changed for every recommendation, a measure then and now, and the
// panel's verdict; last, the impact statement with the figures behind it.
type followUpTab struct {
	*splitTab
	keys followUpKeys
}

const impactRow = "impact"

func newFollowUpTab(ws *workspace) *followUpTab {
	s := &followUpTab{splitTab: newSplitTab(ws), keys: newFollowUpKeys()}
	s.listTitle = func() string { return fmt.Sprintf("Follow-up points (%d)", len(ws.rev.FollowUpPoints)) }
	s.count = func() int { return len(ws.rev.FollowUpPoints) + 1 }
	s.idAt = func(i int) string {
		if i == len(ws.rev.FollowUpPoints) {
			return impactRow
		}
		return "point:" + ws.rev.FollowUpPoints[i].ID
	}
	s.row = func(i int) (string, func(style.Styles) lipgloss.Style) {
		if i == len(ws.rev.FollowUpPoints) {
			return "Impact statement", nil
		}
		p := ws.rev.FollowUpPoints[i]
		t := text.OneLine(p.Title())
		if !p.Due.IsZero() {
			t += " · due " + p.Due.Short()
		}
		checked := 0
		for k := range ws.rev.Recommendations {
			if c, ok := ws.rev.Recommendations[k].CheckAt(p.ID); ok && c.Verdict != review.VerdictNone {
				checked++
			}
		}
		if !p.Held.IsZero() {
			t = "✓ " + t + fmt.Sprintf(" · held %s · %d of %d checked", p.Held.Short(), checked, len(ws.rev.Recommendations))
		} else {
			t = "○ " + t + " · not held yet"
		}
		return t, nil
	}
	s.emptyDetail = "Press ctrl+n to plan a follow-up point."
	s.buildDetail = func(id string) []field {
		if id == impactRow {
			return impactFields(ws)
		}
		return pointFields(ws, strings.TrimPrefix(id, "point:"))
	}
	s.extraKeys = func() []key.Binding { return []key.Binding{s.keys.Add, s.keys.Delete} }
	s.extra = s.handle
	s.reload()
	return s
}

func (s *followUpTab) jump(id string) bool {
	s.reload()
	return s.select_(id)
}

func (s *followUpTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	switch {
	case key.Matches(msg, s.keys.Add):
		if !ws.e.writable() {
			return true, nil
		}
		p := ws.rev.NextFollowUpPoint()
		id, err := uuid.NewV7()
		if err != nil {
			ws.e.fail("plan a follow-up point", err)
			return true, nil
		}
		p.ID = id.String()
		old := slices.Clone(ws.rev.FollowUpPoints)
		if ws.e.do("plan the "+p.Title()+" follow-up", func() error {
			return ws.saveHeader(func(r *review.Review) {
				r.FollowUpPoints = append(slices.Clone(r.FollowUpPoints), p)
			})
		}, func() error {
			return ws.saveHeader(func(r *review.Review) { r.FollowUpPoints = slices.Clone(old) })
		}) != nil {
			return true, nil
		}
		s.reload()
		s.select_("point:" + p.ID)
		if p.Due.IsZero() {
			s.focusDetail("pt-due")
			return true, s.f.startEdit()
		}
		s.focusDetail("pt-held")
		return true, nil
	case key.Matches(msg, s.keys.Delete):
		id := s.selectedID()
		if !strings.HasPrefix(id, "point:") {
			return true, nil
		}
		pid := strings.TrimPrefix(id, "point:")
		return true, send(confirmMsg{question: "Delete this follow-up point? What was recorded at it stays with each recommendation, and ctrl+z brings the point back.",
			yes: func() tea.Cmd {
				old := slices.Clone(ws.rev.FollowUpPoints)
				ws.e.do("delete the follow-up point", func() error {
					return ws.saveHeader(func(r *review.Review) {
						r.FollowUpPoints = slices.DeleteFunc(slices.Clone(r.FollowUpPoints), func(p review.FollowUpPoint) bool { return p.ID == pid })
					})
				}, func() error {
					return ws.saveHeader(func(r *review.Review) { r.FollowUpPoints = slices.Clone(old) })
				})
				s.detail = false
				s.reload()
				return nil
			}})
	}
	return false, nil
}

func pointByID(ws *workspace, pid string) review.FollowUpPoint {
	for _, p := range ws.rev.FollowUpPoints {
		if p.ID == pid {
			return p
		}
	}
	return review.FollowUpPoint{}
}

func savePoint(ws *workspace, pid string, edit func(p *review.FollowUpPoint)) error {
	return ws.saveHeader(func(r *review.Review) {
		r.FollowUpPoints = slices.Clone(r.FollowUpPoints)
		for i := range r.FollowUpPoints {
			if r.FollowUpPoints[i].ID == pid {
				edit(&r.FollowUpPoints[i])
			}
		}
	})
}

func checkVerdictChoices() []string { return labels(review.VerdictNone, review.Verdicts) }
func verdictFromLabel(s string) review.Verdict {
	return fromLabel(s, review.VerdictNone, review.Verdicts)
}

func pointFields(ws *workspace, pid string) []field {
	get := func() review.FollowUpPoint { return pointByID(ws, pid) }
	fs := []field{
		{id: "pt-label", label: "Name", kind: fText, placeholder: "(e.g. 6 months)",
			get: func() string { return get().Label },
			set: func(v string) error { return savePoint(ws, pid, func(p *review.FollowUpPoint) { p.Label = v }) }},
		dateOfField(ws.e, "pt-due", "Planned for", func() review.Date { return get().Due }, func(d review.Date) error {
			return savePoint(ws, pid, func(p *review.FollowUpPoint) { p.Due = d })
		}),
		dateOfField(ws.e, "pt-held", "Held on", func() review.Date { return get().Held }, func(d review.Date) error {
			return savePoint(ws, pid, func(p *review.FollowUpPoint) { p.Held = d })
		}),
	}
	today := ws.today()
	for i := range ws.rev.Recommendations {
		rec := &ws.rev.Recommendations[i]
		rid := rec.ID
		check := func() review.Check { c, _ := recByIDPtr(ws, rid).CheckAt(pid); return c }
		setCheck := func(edit func(c *review.Check)) error {
			return ws.saveRec(rid, func(r *review.Recommendation) {
				r.FollowUp = slices.Clone(r.FollowUp)
				c, _ := r.CheckAt(pid)
				edit(&c)
				r.SetCheck(c)
			})
		}
		p := fmt.Sprintf("chk:%s/", rid)
		fs = append(fs,
			field{id: p + "h", label: fmt.Sprintf("%d. %s · %s", i+1, text.OrEmpty(text.OneLine(rec.Text), "(empty)"), rec.StatusLine(today)), kind: fHeading},
			field{id: p + "verdict", label: "Verdict", kind: fChoice, choices: checkVerdictChoices(),
				get: func() string { return check().Verdict.Label() },
				set: func(v string) error { return setCheck(func(c *review.Check) { c.Verdict = verdictFromLabel(v) }) }},
			field{id: p + "changed", label: "What changed", kind: fMulti, placeholder: "(what the panel found has changed)",
				get: func() string { return check().Changed },
				set: func(v string) error { return setCheck(func(c *review.Check) { c.Changed = v }) }},
			field{id: p + "measure", label: "Measure", kind: fText, placeholder: "(optional: calls answered in 4 minutes)",
				get: func() string { return check().Measure },
				set: func(v string) error { return setCheck(func(c *review.Check) { c.Measure = v }) }},
			field{id: p + "then", label: "At the report", kind: fText, placeholder: "(e.g. 70%)",
				get: func() string { return check().AtReport },
				set: func(v string) error { return setCheck(func(c *review.Check) { c.AtReport = v }) }},
			field{id: p + "now", label: "Now", kind: fText, placeholder: "(e.g. 84%)",
				get: func() string { return check().Now },
				set: func(v string) error { return setCheck(func(c *review.Check) { c.Now = v }) }},
		)
	}
	if len(ws.rev.Recommendations) == 0 {
		fs = append(fs, field{id: "norec", label: "No recommendations yet: write them on tab 5.", kind: fHeading})
	}
	return fs
}

func recByIDPtr(ws *workspace, id string) *review.Recommendation {
	if i := ws.recIndex(id); i >= 0 {
		return &ws.rev.Recommendations[i]
	}
	return &review.Recommendation{}
}

func impactFields(ws *workspace) []field {
	im := review.ImpactOf(ws.rev)
	fs := []field{
		{id: "impact", label: "Impact statement", kind: fMulti, placeholder: "(what the review changed, in the panel's words)",
			get: func() string { return ws.rev.Impact },
			set: func(v string) error { return ws.saveHeader(func(r *review.Review) { r.Impact = v }) }},
		{id: "h-figures", label: "The figures (from meetings, responses and checks)", kind: fHeading},
	}
	for i, row := range im.ImpactRows() {
		line := row[0] + ": " + row[1]
		if row[2] != "" {
			line += " (" + row[2] + ")"
		}
		fs = append(fs, field{id: fmt.Sprintf("fig:%d", i), label: "  " + line, kind: fHeading})
	}
	for i, m := range im.Moved {
		fs = append(fs, field{id: fmt.Sprintf("moved:%d", i), label: "  ↑ " + text.OneLine(m), kind: fHeading})
	}
	return fs
}
