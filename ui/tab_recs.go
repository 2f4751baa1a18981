package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/google/uuid"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// recsTab is tab 5: numbered recommendations with lettered sub-points,
// each linked to the findings behind it. One with no finding is flagged.
type recsTab struct {
	*splitTab
	keys recsKeys
}

const noFindingFlag = "⚠ no finding behind it"

func newRecsTab(ws *workspace) *recsTab {
	s := &recsTab{splitTab: newSplitTab(ws), keys: newRecsKeys()}
	s.listTitle = func() string {
		n := 0
		for _, r := range ws.rev.Recommendations {
			if len(r.FindingIDs) == 0 {
				n++
			}
		}
		t := fmt.Sprintf("Recommendations (%d)", len(ws.rev.Recommendations))
		if n > 0 {
			t += fmt.Sprintf(", %d with no finding", n)
		}
		return t
	}
	s.count = func() int { return len(ws.rev.Recommendations) }
	s.idAt = func(i int) string { return ws.rev.Recommendations[i].ID }
	s.row = func(i int) (string, func(style.Styles) lipgloss.Style) {
		r := ws.rev.Recommendations[i]
		t := fmt.Sprintf("%d. %s", i+1, text.OrEmpty(text.OneLine(r.Text), "(empty)"))
		if len(r.SubPoints) > 0 {
			t += fmt.Sprintf(" (+%d)", len(r.SubPoints))
		}
		// The flag is a symbol in its own column, not colour alone.
		if len(r.FindingIDs) == 0 {
			return "⚠ " + t, func(st style.Styles) lipgloss.Style { return st.Warning }
		}
		return "  " + t, nil
	}
	s.emptyDetail = "Press ctrl+n to write the first recommendation."
	s.buildDetail = func(id string) []field { return recFields(ws, id) }
	s.extraKeys = func() []key.Binding {
		return []key.Binding{s.keys.Add, s.keys.AddSub, s.keys.Delete, s.keys.MoveUp, s.keys.MoveDown}
	}
	s.extra = s.handle
	s.reload()
	return s
}

func (s *recsTab) jump(id string) bool {
	s.reload()
	rid, sub, _ := strings.Cut(strings.TrimPrefix(id, "rec:"), "/")
	if !s.select_(rid) {
		return false
	}
	s.focusDetail("")
	if sub != "" {
		s.f.focusID("sub:" + sub)
	}
	return true
}

func recByID(ws *workspace, id string) review.Recommendation {
	if i := ws.recIndex(id); i >= 0 {
		return ws.rev.Recommendations[i]
	}
	return review.Recommendation{}
}

func (s *recsTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	k := s.keys
	switch {
	case key.Matches(msg, k.Add):
		if !ws.e.writable() {
			return true, nil
		}
		return true, s.addThenType("a recommendation", store.KindRecommendation, "", "rec-text", func() (string, error) {
			id, _, err := ws.addRec(review.Recommendation{})
			return id, err
		})
	case key.Matches(msg, k.AddSub):
		if s.selectedID() == "" {
			return true, nil
		}
		s.focusDetail("add-sub")
		return true, s.f.startEdit()
	case key.Matches(msg, k.Delete):
		id := s.selectedID()
		if id == "" {
			return true, nil
		}
		if fl, ok := s.f.focused(); s.detail && ok && strings.HasPrefix(fl.id, "sub:") {
			return true, s.deleteSub(id, strings.TrimPrefix(fl.id, "sub:"))
		}
		i := ws.recIndex(id)
		return true, s.confirmRemove(fmt.Sprintf("Move recommendation %d to the bin?", i+1), "the recommendation", store.KindRecommendation, id)
	case key.Matches(msg, k.MoveUp), key.Matches(msg, k.MoveDown):
		d := -1
		if key.Matches(msg, k.MoveDown) {
			d = 1
		}
		if fl, ok := s.f.focused(); s.detail && ok && strings.HasPrefix(fl.id, "sub:") {
			s.moveSub(s.selectedID(), strings.TrimPrefix(fl.id, "sub:"), d)
			return true, nil
		}
		if s.detail {
			return false, nil
		}
		i := s.l.cursor
		j := i + d
		if i < 0 || j < 0 || j >= len(ws.rev.Recommendations) {
			return true, nil
		}
		if ws.move(fmt.Sprintf("recommendation %d", i+1), store.KindRecommendation, ws.rev.Recommendations[i].ID, i, j) {
			rs := ws.rev.Recommendations
			rs[i], rs[j] = rs[j], rs[i]
			ws.touch()
			s.l.set(j)
			s.syncDetail(true)
		}
		return true, nil
	}
	return false, nil
}

func (s *recsTab) deleteSub(rid, sid string) tea.Cmd {
	ws := s.ws
	return send(confirmMsg{question: "Delete this sub-point? ctrl+z brings it back.", yes: func() tea.Cmd {
		old := recByID(ws, rid).SubPoints
		if ws.e.do("delete the sub-point", func() error {
			return ws.saveRec(rid, func(r *review.Recommendation) {
				r.SubPoints = slices.DeleteFunc(r.SubPoints, func(p review.SubPoint) bool { return p.ID == sid })
			})
		}, func() error {
			return ws.saveRec(rid, func(r *review.Recommendation) { r.SubPoints = slices.Clone(old) })
		}) == nil {
			s.syncDetail(true)
		}
		return nil
	}})
}

func (s *recsTab) moveSub(rid, sid string, d int) {
	ws := s.ws
	old := recByID(ws, rid).SubPoints
	i := slices.IndexFunc(old, func(p review.SubPoint) bool { return p.ID == sid })
	j := i + d
	if i < 0 || j < 0 || j >= len(old) {
		return
	}
	if ws.e.do("move the sub-point", func() error {
		return ws.saveRec(rid, func(r *review.Recommendation) { r.SubPoints[i], r.SubPoints[j] = r.SubPoints[j], r.SubPoints[i] })
	}, func() error {
		return ws.saveRec(rid, func(r *review.Recommendation) { r.SubPoints = slices.Clone(old) })
	}) == nil {
		s.syncDetail(true)
		s.f.focusID("sub:" + sid)
	}
}

func recFields(ws *workspace, id string) []field {
	set := func(apply func(r *review.Recommendation)) error { return ws.saveRec(id, apply) }
	n := ws.recIndex(id) + 1
	rec := recByID(ws, id)
	fs := []field{
		{id: "rec-text", label: fmt.Sprintf("Text of no. %d", n), kind: fMulti, placeholder: "(what the panel recommends)",
			get: func() string { return recByID(ws, id).Text },
			set: func(v string) error { return set(func(r *review.Recommendation) { r.Text = v }) }},
	}
	if len(rec.FindingIDs) == 0 {
		fs = append(fs, field{id: "flag", label: noFindingFlag + ": link one below", kind: fHeading})
	}
	fs = append(fs, field{id: "h-subs", label: "Sub-points", kind: fHeading})
	for i, p := range rec.SubPoints {
		pid := p.ID
		fs = append(fs, field{id: "sub:" + pid, label: fmt.Sprintf("%d%c", n, 'a'+i), kind: fMulti, enterSaves: true,
			get: func() string {
				for _, q := range recByID(ws, id).SubPoints {
					if q.ID == pid {
						return q.Text
					}
				}
				return ""
			},
			set: func(v string) error {
				return set(func(r *review.Recommendation) {
					for k := range r.SubPoints {
						if r.SubPoints[k].ID == pid {
							r.SubPoints[k].Text = v
						}
					}
				})
			}})
	}
	fs = append(fs, field{id: "add-sub", label: "+ add a sub-point", kind: fAction, placeholder: "the next lettered point",
		add: func(v string) (func() error, error) {
			old := recByID(ws, id).SubPoints
			// Sub-points get their ID here so each can be found, moved
			// and deleted on its own before the review is read again.
			sid, err := uuid.NewV7()
			if err != nil {
				return nil, err
			}
			err = set(func(r *review.Recommendation) {
				r.SubPoints = append(r.SubPoints, review.SubPoint{ID: sid.String(), Text: v})
			})
			return func() error {
				return ws.saveRec(id, func(r *review.Recommendation) { r.SubPoints = slices.Clone(old) })
			}, err
		},
		// Lettered points come one after another, as on paper.
		next: func() string { return "add-sub" }})
	fs = append(fs, field{id: "h-findings", label: "Findings behind it (enter links or unlinks)", kind: fHeading})
	// In the report's order (F1, F2...), which a tick never changes, so
	// the finding just ticked stays where it is.
	order := slices.Clone(ws.rev.Findings)
	nums := ws.numbers().Findings
	slices.SortStableFunc(order, func(a, b review.Finding) int { return refOrder(nums[a.ID]) - refOrder(nums[b.ID]) })
	for _, f := range order {
		fid := f.ID
		mark := "✓ "
		if f.Kind == review.Issue {
			mark = "✗ "
		}
		lf := linkField("rlink:"+fid, ws.findingRef(fid)+" "+mark+text.OrEmpty(text.OneLine(f.Text), "(empty)"), fid,
			func() []string { return recByID(ws, id).FindingIDs },
			func(edit func(*[]string)) error {
				return set(func(r *review.Recommendation) { edit(&r.FindingIDs) })
			})
		lf.tone = findingTone(f.Kind)
		fs = append(fs, lf)
	}
	if len(ws.rev.Findings) == 0 {
		fs = append(fs, field{id: "nofind", label: "No findings yet: add them under the evidence (tab 3).", kind: fHeading})
	}
	return fs
}

// refOrder sorts references such as "F12" by their number; one without a
// number goes last.
func refOrder(ref string) int {
	n, err := strconv.Atoi(strings.TrimLeft(ref, "EF"))
	if err != nil {
		return 1 << 30
	}
	return n
}
