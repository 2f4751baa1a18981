package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// findingRow is a line of the grouped list: a heading, or a finding.
type findingRow struct {
	heading string
	id      string
	kind    review.FindingKind
	text    string
}

// findingsTab is tab 4: every finding, grouped by evidence or by kind,
// with the evidence behind each one linked or unlinked in the details.
type findingsTab struct {
	*splitTab
	keys    findingsKeys
	byKind  bool
	rows    []findingRow
	builtAt int // workspace version the rows were built from
}

const (
	linked    = "[x]"
	notLinked = "[ ]"
)

func newFindingsTab(ws *workspace) *findingsTab {
	s := &findingsTab{splitTab: newSplitTab(ws), builtAt: -1, keys: newFindingsKeys()}
	s.listTitle = func() string {
		how := "by evidence"
		if s.byKind {
			how = "by kind"
		}
		return fmt.Sprintf("Findings (%d), %s", len(ws.rev.Findings), how)
	}
	s.count = func() int { s.build(); return len(s.rows) }
	s.idAt = func(i int) string { s.build(); return s.rows[i].id }
	s.selectable = func(i int) bool { s.build(); return s.rows[i].id != "" }
	s.row = func(i int) (string, func(style.Styles) lipgloss.Style) {
		r := s.rows[i]
		if r.id == "" {
			return r.heading, func(st style.Styles) lipgloss.Style { return st.Heading }
		}
		// The words, not only the tick: a screen reader and a colour-blind
		// reader both get the kind.
		mark := "✓ Good practice:"
		if r.kind == review.Issue {
			mark = "✗ Issue:"
		}
		return "  " + mark + " " + ws.findingRef(r.id) + " " + text.OrEmpty(r.text, "(empty)"), findingTone(r.kind)
	}
	s.emptyDetail = "Findings are added under their evidence (tab 3), or here with a."
	s.buildDetail = func(id string) []field { return findingFields(ws, id) }
	s.extraKeys = func() []key.Binding { return []key.Binding{s.keys.Add, s.keys.Delete, s.keys.Group} }
	s.extra = s.handle
	s.forget = func() { s.builtAt = -1 }
	s.reload()
	return s
}

// build groups the findings; it runs again only after a change.
func (s *findingsTab) build() {
	if s.builtAt == s.ws.version && s.rows != nil {
		return
	}
	s.builtAt = s.ws.version
	r := s.ws.rev
	rows := []findingRow{}
	add := func(f review.Finding) {
		rows = append(rows, findingRow{id: f.ID, kind: f.Kind, text: text.OneLine(f.Text)})
	}
	if s.byKind {
		for _, k := range []review.FindingKind{review.GoodPractice, review.Issue} {
			n := 0
			for _, f := range r.Findings {
				if f.Kind == k {
					if n == 0 {
						rows = append(rows, findingRow{heading: findingLabel(k)})
					}
					add(f)
					n++
				}
			}
		}
	} else {
		// A finding shows under every piece of evidence it is linked to,
		// saying where else it is; headings carry the evidence's number
		// (as on tab 3) so "also under 2" can be found.
		num := s.ws.numbers().Evidence
		seen := map[string]bool{}
		for _, e := range r.Evidence {
			n := 0
			for _, f := range r.Findings {
				if !slices.Contains(f.EvidenceIDs, e.ID) {
					continue
				}
				if n == 0 {
					rows = append(rows, findingRow{heading: fmt.Sprintf("%s %s", num[e.ID], text.OrEmpty(text.OneLine(e.Title), "(untitled evidence)"))})
				}
				var also []string
				for _, other := range f.EvidenceIDs {
					if k, ok := num[other]; ok && other != e.ID {
						also = append(also, k)
					}
				}
				row := findingRow{id: f.ID, kind: f.Kind, text: text.OneLine(f.Text)}
				if len(also) > 0 {
					row.text = "(also under " + strings.Join(also, ", ") + ") " + row.text
				}
				rows = append(rows, row)
				seen[f.ID] = true
				n++
			}
		}
		// Findings with no evidence, or whose evidence is all in the bin.
		n := 0
		for _, f := range r.Findings {
			if seen[f.ID] {
				continue
			}
			if n == 0 {
				rows = append(rows, findingRow{heading: "No evidence linked yet"})
			}
			add(f)
			n++
		}
	}
	s.rows = rows
}

func (s *findingsTab) jump(id string) bool {
	s.reload()
	id = strings.TrimPrefix(id, "finding:")
	if s.select_(id) {
		s.focusDetail("")
		return true
	}
	return false
}

func (s *findingsTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	switch {
	case key.Matches(msg, s.keys.Group):
		if s.detail {
			return false, nil
		}
		id := s.selectedID()
		s.byKind = !s.byKind
		s.reload()
		if id != "" {
			s.select_(id)
		}
		return true, nil
	case key.Matches(msg, s.keys.Add):
		if !ws.e.writable() {
			return true, nil
		}
		return true, s.addThenType("a finding", store.KindFinding, "", "fi-text", func() (string, error) {
			id, _, err := ws.addFinding(review.Finding{Kind: review.Issue})
			return id, err
		})
	case key.Matches(msg, s.keys.Delete):
		id := s.selectedID()
		if id == "" {
			return true, nil
		}
		return true, confirmDeleteFinding(ws, id, func() { s.detail = false; s.reload() })
	}
	return false, nil
}

func findingFields(ws *workspace, id string) []field {
	get := func() review.Finding { f, _ := ws.rev.FindingByID(id); return f }
	set := func(apply func(f *review.Finding)) error { return ws.saveFinding(id, apply) }
	f := get()
	fs := []field{
		{id: "fi-kind", label: "Kind", kind: fChoice, tone: findingTone(f.Kind),
			choices: []string{findingLabel(review.GoodPractice), findingLabel(review.Issue)},
			get:     func() string { return findingLabel(get().Kind) },
			set: func(v string) error {
				k := review.Issue
				if v == findingLabel(review.GoodPractice) {
					k = review.GoodPractice
				}
				return set(func(f *review.Finding) { f.Kind = k })
			}},
		{id: "fi-text", label: "Finding", kind: fMulti, placeholder: "(what the panel found)",
			get: func() string { return get().Text },
			set: func(v string) error { return set(func(f *review.Finding) { f.Text = v }) }},
		{id: "h-evidence", label: "Evidence behind it (enter links or unlinks)", kind: fHeading},
	}
	for _, e := range ws.rev.Evidence {
		eid := e.ID
		fs = append(fs, linkField("link:"+eid, ws.evidenceRef(eid)+" "+text.OrEmpty(text.OneLine(e.Title), "(untitled)"), eid,
			func() []string { return get().EvidenceIDs },
			func(edit func(*[]string)) error {
				return set(func(f *review.Finding) { edit(&f.EvidenceIDs) })
			}))
	}
	if len(ws.rev.Evidence) == 0 {
		fs = append(fs, field{id: "noev", label: "No evidence yet: add it on tab 3.", kind: fHeading})
	}
	return fs
}

// linkField is a tick box that links the item being edited to another one:
// a finding to its evidence, a recommendation to its findings. ids reads the
// item's links; save applies edit to them and stores the item.
func linkField(id, label, target string, ids func() []string, save func(edit func(*[]string)) error) field {
	return field{id: id, label: label, kind: fChoice, check: true,
		choices: []string{notLinked, linked},
		get: func() string {
			if slices.Contains(ids(), target) {
				return linked
			}
			return notLinked
		},
		set: func(v string) error {
			return save(func(list *[]string) {
				*list = slices.DeleteFunc(*list, func(x string) bool { return x == target })
				if v == linked {
					*list = append(*list, target)
				}
			})
		}}
}
