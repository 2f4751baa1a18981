package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/store"
)

// offerTemplate asks whether to add the next ready-made set's criteria
// that the review does not have yet.
func (s *scoringTab) offerTemplate() tea.Cmd {
	ws := s.ws
	if !ws.e.writable() {
		return nil
	}
	ts := review.CriteriaTemplates()
	for range ts {
		if ws.e.templateTurn == nil {
			ws.e.templateTurn = map[string]int{}
		}
		i := ws.e.templateTurn[ws.rev.ID] % len(ts)
		ws.e.templateTurn[ws.rev.ID] = i + 1
		t := ts[i]
		add := ws.rev.CriteriaFromTemplate(t)
		if len(add) == 0 {
			continue
		}
		names := make([]string, len(add))
		for j, c := range add {
			names[j] = c.Name
		}
		return send(confirmMsg{
			question: fmt.Sprintf("Add the %d criteria of the set %q: %s? (n, then c again, offers another set)", len(add), t.Name, strings.Join(names, "; ")),
			yes: func() tea.Cmd {
				for _, c := range add {
					var id string
					if ws.e.do("add the criterion "+c.Name, func() error {
						var err error
						id, _, err = ws.addCriterion(c)
						return err
					}, func() error { return ws.deleter(store.KindCriterion, id)() }) != nil {
						break
					}
				}
				s.reload()
				return nil
			}})
	}
	ws.e.note("this review already has every ready-made criterion")
	return nil
}
