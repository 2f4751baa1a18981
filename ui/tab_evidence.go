package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// evidenceTab is tab 3: what the panel did and saw, with the findings
// that came from each piece of evidence right under it.
type evidenceTab struct {
	*splitTab
	keys evidenceKeys
}

func newEvidenceTab(ws *workspace) *evidenceTab {
	s := &evidenceTab{splitTab: newSplitTab(ws), keys: newEvidenceKeys()}
	s.listTitle = func() string { return fmt.Sprintf("Evidence (%d)", len(ws.rev.Evidence)) }
	s.count = func() int { return len(ws.rev.Evidence) }
	s.idAt = func(i int) string { return ws.rev.Evidence[i].ID }
	s.row = func(i int) (string, func(style.Styles) lipgloss.Style) {
		e := ws.rev.Evidence[i]
		// Title first, so a narrow pane still shows what matters.
		t := fmt.Sprintf("%-3s %s · %s", ws.evidenceRef(e.ID), text.OrEmpty(text.OneLine(e.Title), "(untitled)"), e.Kind)
		if !e.Date.IsZero() {
			t += ", " + e.Date.Short()
		}
		return t, nil
	}
	s.emptyDetail = "Press ctrl+n to add the first piece of evidence: a presentation, a mystery shop, a survey..."
	s.buildDetail = func(id string) []field { return evidenceFields(ws, id) }
	s.extraKeys = func() []key.Binding {
		return []key.Binding{s.keys.Add, s.keys.AddGood, s.keys.AddIssue, s.keys.Delete, s.keys.MoveUp, s.keys.MoveDown}
	}
	s.extra = s.handle
	s.reload()
	return s
}

func (s *evidenceTab) jump(id string) bool {
	s.reload()
	if strings.HasPrefix(id, "finding:") {
		fid := strings.TrimPrefix(id, "finding:")
		for _, e := range s.ws.rev.Evidence {
			if f, ok := s.ws.rev.FindingByID(fid); ok && slices.Contains(f.EvidenceIDs, e.ID) {
				s.select_(e.ID)
				s.focusDetail(id)
				return true
			}
		}
		return false
	}
	if s.select_(strings.TrimPrefix(id, "evidence:")) {
		s.focusDetail("")
		return true
	}
	return false
}

func (s *evidenceTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	k := s.keys
	switch {
	case key.Matches(msg, k.Add):
		if !ws.e.writable() {
			return true, nil
		}
		e := review.Evidence{Kind: review.KindPresentation}
		return true, s.addThenType("evidence", store.KindEvidence, "", "ev-title", func() (string, error) {
			id, _, err := ws.addEvidence(e)
			return id, err
		})
	case key.Matches(msg, k.AddGood), key.Matches(msg, k.AddIssue):
		if s.selectedID() == "" {
			return true, nil
		}
		target := "add-good"
		if key.Matches(msg, k.AddIssue) {
			target = "add-issue"
		}
		s.focusDetail(target)
		return true, s.f.startEdit()
	case key.Matches(msg, k.Delete):
		if s.detail {
			fl, ok := s.f.focused()
			if ok && strings.HasPrefix(fl.id, "finding:") {
				return true, confirmDeleteFinding(ws, strings.TrimPrefix(fl.id, "finding:"), s.reload)
			}
		}
		id := s.selectedID()
		if id == "" {
			return true, nil
		}
		e, _ := ws.rev.EvidenceByID(id)
		return true, s.confirmRemove(fmt.Sprintf("Move the evidence %q to the bin? Its findings stay, unlinked.", text.Truncate(text.OneLine(text.OrEmpty(e.Title, "(untitled)")), 40)),
			"the evidence", store.KindEvidence, id)
	case !s.detail && (key.Matches(msg, k.MoveUp) || key.Matches(msg, k.MoveDown)):
		i := s.l.cursor
		j := i - 1
		if key.Matches(msg, k.MoveDown) {
			j = i + 1
		}
		if i < 0 || j < 0 || j >= len(ws.rev.Evidence) {
			return true, nil
		}
		id := ws.rev.Evidence[i].ID
		if ws.move("the evidence", store.KindEvidence, id, i, j) {
			ev := ws.rev.Evidence
			ev[i], ev[j] = ev[j], ev[i]
			ws.touch()
			s.l.set(j)
		}
		return true, nil
	}
	return false, nil
}

func evidenceKindChoices() []string {
	out := make([]string, len(review.EvidenceKinds))
	for i, k := range review.EvidenceKinds {
		out[i] = string(k)
	}
	return out
}

func evByID(ws *workspace, id string) review.Evidence {
	e, _ := ws.rev.EvidenceByID(id)
	return e
}

func findingTone(k review.FindingKind) func(style.Styles) lipgloss.Style {
	return func(s style.Styles) lipgloss.Style {
		if k == review.GoodPractice {
			return s.Good
		}
		return s.Issue
	}
}

// findingLabel is the kind as a word with a symbol, never colour alone.
func findingLabel(k review.FindingKind) string {
	if k == review.GoodPractice {
		return "✓ good practice"
	}
	return "✗ issue"
}

func evidenceFields(ws *workspace, id string) []field {
	set := func(apply func(e *review.Evidence)) error { return ws.saveEvidence(id, apply) }
	fs := []field{
		{id: "ev-kind", label: "Kind", kind: fChoice, choices: evidenceKindChoices(),
			get: func() string { return string(evByID(ws, id).Kind) },
			set: func(v string) error { return set(func(e *review.Evidence) { e.Kind = review.EvidenceKind(v) }) }},
		{id: "ev-title", label: "Title", kind: fText, placeholder: "(what was it?)",
			get: func() string { return evByID(ws, id).Title },
			set: func(v string) error { return set(func(e *review.Evidence) { e.Title = v }) }},
		{id: "ev-date", label: "Date", kind: fDate, placeholder: datePlaceholder,
			get: func() string { return evByID(ws, id).Date.Short() },
			set: func(v string) error {
				d, err := ws.e.parseDate(v)
				if err != nil {
					return err
				}
				return set(func(e *review.Evidence) { e.Date = d })
			}},
		{id: "ev-who", label: "Who", kind: fText, placeholder: "(who presented or took part)",
			get: func() string { return evByID(ws, id).Who },
			set: func(v string) error { return set(func(e *review.Evidence) { e.Who = v }) }},
		{id: "ev-notes", label: "What was done", kind: fMulti, placeholder: "(notes)",
			get: func() string { return evByID(ws, id).Notes },
			set: func(v string) error { return set(func(e *review.Evidence) { e.Notes = v }) }},
		{id: "ev-link", label: "Document", kind: fText, placeholder: "(a web address or a file, e.g. evidence/rota.pdf)",
			get: func() string { return evByID(ws, id).Link },
			set: func(v string) error { return set(func(e *review.Evidence) { e.Link = v }) }},
	}
	switch evByID(ws, id).Kind {
	case review.KindInfoRequest:
		fs = append(fs, field{id: "h-request", label: "The request", kind: fHeading},
			evidenceDate(ws, id, "ev-asked", "Asked for", func(e *review.Evidence) *review.Date { return &e.Asked }),
			evidenceDate(ws, id, "ev-due", "Due", func(e *review.Evidence) *review.Date { return &e.Due }),
			evidenceDate(ws, id, "ev-received", "Received", func(e *review.Evidence) *review.Date { return &e.Received }))
	case review.KindConsultation:
		fs = append(fs, field{id: "h-reach", label: "Who it reached (leave 0 when not known)", kind: fHeading},
			reachField(ws, id, "ev-invited", "Invited", func(r *review.Reach) *int { return &r.Invited }),
			reachField(ws, id, "ev-saw", "Saw it", func(r *review.Reach) *int { return &r.Saw }),
			reachField(ws, id, "ev-responded", "Responded", func(r *review.Reach) *int { return &r.Responded }),
			reachField(ws, id, "ev-attended", "Attended", func(r *review.Reach) *int { return &r.Attended }),
			reachField(ws, id, "ev-apologies", "Apologies", func(r *review.Reach) *int { return &r.Apologies }))
	}
	fs = append(fs, field{id: "h-findings", label: "Findings from this evidence", kind: fHeading})
	for _, f := range ws.rev.Findings {
		if !slices.Contains(f.EvidenceIDs, id) {
			continue
		}
		fs = append(fs, findingTextField(ws, f))
	}
	for _, k := range []review.FindingKind{review.GoodPractice, review.Issue} {
		fid := "add-good"
		label := "+ add good practice"
		if k == review.Issue {
			fid, label = "add-issue", "+ add an issue"
		}
		kind := k
		fs = append(fs, field{id: fid, label: label, kind: fAction, placeholder: "what the panel found",
			add: func(v string) (func() error, error) {
				_, undo, err := ws.addFinding(review.Finding{Kind: kind, Text: v, EvidenceIDs: []string{id}})
				return undo, err
			}})
	}
	return fs
}

// findingTextField edits a finding's text; its label says its kind.
func findingTextField(ws *workspace, f review.Finding) field {
	fid := f.ID
	return field{id: "finding:" + fid, label: findingLabel(f.Kind), ref: ws.findingRef(fid), kind: fMulti, tone: findingTone(f.Kind),
		get: func() string { g, _ := ws.rev.FindingByID(fid); return g.Text },
		set: func(v string) error { return ws.saveFinding(fid, func(f *review.Finding) { f.Text = v }) }}
}

func confirmDeleteFinding(ws *workspace, fid string, after func()) tea.Cmd {
	f, _ := ws.rev.FindingByID(fid)
	q := fmt.Sprintf("Move the finding %s %q to the bin?", ws.findingRef(fid), text.Truncate(text.OneLine(text.OrEmpty(f.Text, "(empty)")), 40))
	var based []string
	for i, r := range ws.rev.Recommendations {
		if slices.Contains(r.FindingIDs, fid) {
			based = append(based, review.RecRef(i))
		}
	}
	if n := len(based); n > 0 {
		// A recommendation without its finding loses its evidence: say so.
		q += fmt.Sprintf(" %s %s based on this finding (%s).", text.Count(n, "recommendation", "recommendations"),
			text.Plural(n, "is", "are"), strings.Join(based, ", "))
	}
	return send(confirmMsg{
		question: q,
		yes: func() tea.Cmd {
			ws.remove("the finding", store.KindFinding, fid)
			after()
			return nil
		}})
}

// evidenceDate is one of an information request's dates.
func evidenceDate(ws *workspace, id, fid, label string, at func(e *review.Evidence) *review.Date) field {
	return field{id: fid, label: label, kind: fDate, placeholder: datePlaceholder,
		get: func() string { e := evByID(ws, id); return at(&e).Short() },
		set: func(v string) error {
			d, err := ws.e.parseDate(v)
			if err != nil {
				return err
			}
			cp := evByID(ws, id)
			*at(&cp) = d
			if ps := review.ValidateEvidence(cp); len(ps) > 0 {
				return errors.New(ps[0].Message)
			}
			return ws.saveEvidence(id, func(e *review.Evidence) { *at(e) = d })
		}}
}

// reachField is one of a consultation's counts, typed as a whole number.
func reachField(ws *workspace, id, fid, label string, at func(r *review.Reach) *int) field {
	return field{id: fid, label: label, kind: fText, placeholder: "0",
		get: func() string {
			e := evByID(ws, id)
			if n := *at(&e.Reach); n != 0 {
				return strconv.Itoa(n)
			}
			return ""
		},
		set: func(v string) error {
			n := 0
			if t := strings.ReplaceAll(strings.TrimSpace(v), ",", ""); t != "" {
				var err error
				if n, err = strconv.Atoi(t); err != nil || n < 0 || n > review.MaxCount {
					return fmt.Errorf("%q is not a number of people: type a whole number such as 40", v)
				}
			}
			return ws.saveEvidence(id, func(e *review.Evidence) { *at(&e.Reach) = n })
		}}
}
