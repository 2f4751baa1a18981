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
	"scrutiny/ui/present"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

// responseTab is the Board's response and the action plan: each
// recommendation with its decision and progress in the list, and in the
// details the decision, the Board's words, the reason and every action
// with its history of updates.
type responseTab struct {
	*splitTab
	keys responseKeys
}

func newResponseTab(ws *workspace) *responseTab {
	s := &responseTab{splitTab: newSplitTab(ws), keys: newResponseKeys()}
	s.listTitle = func() string {
		p := ws.rev.ReviewProgress(ws.today())
		t := fmt.Sprintf("Board response (%d)", len(ws.rev.Recommendations))
		if p.Total > 0 {
			t += ", " + p.Short()
		}
		return t
	}
	s.count = func() int { return len(ws.rev.Recommendations) }
	s.idAt = func(i int) string { return ws.rev.Recommendations[i].ID }
	s.row = func(i int) (string, func(style.Styles) lipgloss.Style) {
		r := &ws.rev.Recommendations[i]
		t := fmt.Sprintf("%d. %s · %s", i+1, r.StatusLine(ws.today()), text.OrEmpty(text.OneLine(r.Text), "(empty)"))
		if r.Progress(ws.today()).Overdue > 0 {
			return t, func(st style.Styles) lipgloss.Style { return st.Warning }
		}
		return t, nil
	}
	s.emptyDetail = "Write the recommendations first (tab 5); the Board's answer to each is recorded here."
	s.buildDetail = func(id string) []field { return responseFields(ws, id) }
	s.extraKeys = func() []key.Binding {
		return []key.Binding{s.keys.AddAction, s.keys.AddUpdate, s.keys.Delete, s.keys.Stage}
	}
	s.extra = s.handle
	s.reload()
	return s
}

func (ws *workspace) today() review.Date { return review.FromTime(ws.e.now()) }

func (s *responseTab) jump(id string) bool {
	s.reload()
	if !s.select_(strings.TrimPrefix(id, "rec:")) {
		return false
	}
	s.focusDetail("")
	return true
}

// focusedAction is the action the focused field belongs to, if any.
func (s *responseTab) focusedAction() string {
	fl, ok := s.f.focused()
	if !s.detail || !ok {
		return ""
	}
	if _, rest, ok := strings.Cut(fl.id, "act:"); ok {
		aid, _, _ := strings.Cut(rest, "/")
		return aid
	}
	return ""
}

func (s *responseTab) handle(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	ws := s.ws
	rid := s.selectedID()
	switch {
	case key.Matches(msg, s.keys.AddAction):
		if rid == "" || !ws.e.writable() {
			return true, nil
		}
		s.focusDetail("add-action")
		return true, s.f.startEdit()
	case key.Matches(msg, s.keys.AddUpdate):
		aid := s.focusedAction()
		if aid == "" {
			if rec := recByID(ws, rid); len(rec.Actions) > 0 {
				aid = rec.Actions[len(rec.Actions)-1].ID
			}
		}
		if aid == "" {
			ws.e.note("add an action first (ctrl+n), then its updates")
			return true, nil
		}
		s.focusDetail("act:" + aid + "/add-update")
		return true, s.f.startEdit()
	case key.Matches(msg, s.keys.Delete):
		aid := s.focusedAction()
		if aid == "" {
			ws.e.note("move to an action in the details to delete it; recommendations are deleted on tab 5")
			return true, nil
		}
		return true, s.deleteAction(rid, aid)
	case key.Matches(msg, s.keys.Stage):
		st, why, ok := ws.rev.SuggestStage(ws.today())
		if !ok {
			ws.e.note("no change of stage suggested: the review is at " + string(ws.rev.Stage))
			return true, nil
		}
		old := ws.rev.Stage
		if ws.e.do("move the review to "+string(st), func() error {
			return ws.saveHeader(func(r *review.Review) { r.Stage = st })
		}, func() error { return ws.saveHeader(func(r *review.Review) { r.Stage = old }) }) == nil {
			ws.e.note("stage is now " + string(st) + ": " + why)
		}
		return true, nil
	}
	return false, nil
}

func (s *responseTab) deleteAction(rid, aid string) tea.Cmd {
	ws := s.ws
	return send(confirmMsg{question: "Delete this action and its updates? ctrl+z brings it back.", yes: func() tea.Cmd {
		old := cloneActions(recByID(ws, rid).Actions)
		if ws.e.do("delete the action", func() error {
			return saveActions(ws, rid, func(as *[]review.Action) {
				*as = slices.DeleteFunc(*as, func(a review.Action) bool { return a.ID == aid })
			})
		}, func() error {
			return saveActions(ws, rid, func(as *[]review.Action) { *as = cloneActions(old) })
		}) == nil {
			s.syncDetail(true)
		}
		return nil
	}})
}

func cloneActions(as []review.Action) []review.Action {
	out := slices.Clone(as)
	for i := range out {
		out[i].Updates = slices.Clone(out[i].Updates)
	}
	return out
}

// saveActions edits a copy of a recommendation's actions and saves it, so
// the list in memory changes only once the store has it.
func saveActions(ws *workspace, rid string, edit func(as *[]review.Action)) error {
	return ws.saveRec(rid, func(r *review.Recommendation) {
		r.Actions = cloneActions(r.Actions)
		edit(&r.Actions)
	})
}

// saveAction edits one action of a recommendation.
func saveAction(ws *workspace, rid, aid string, edit func(a *review.Action)) error {
	return saveActions(ws, rid, func(as *[]review.Action) {
		for i := range *as {
			if (*as)[i].ID == aid {
				edit(&(*as)[i])
			}
		}
	})
}

func actionByID(ws *workspace, rid, aid string) review.Action {
	for _, a := range recByID(ws, rid).Actions {
		if a.ID == aid {
			return a
		}
	}
	return review.Action{}
}

func decisionChoices() []string { return labels(review.DecisionNone, review.Decisions) }
func decisionFromLabel(v string) review.Decision {
	return fromLabel(v, review.DecisionNone, review.Decisions)
}

// An action always has a status, so its choices have no "none".
func statusChoices() []string { return labels[review.ActionStatus]("", review.ActionStatuses)[1:] }
func statusFromLabel(v string) review.ActionStatus {
	return fromLabel(v, review.NotStarted, review.ActionStatuses)
}

func dateOfField(e *env, id, label string, get func() review.Date, save func(d review.Date) error) field {
	return field{id: id, label: label, kind: fDate, placeholder: datePlaceholder,
		get: func() string { return get().Short() },
		set: func(v string) error {
			d, err := e.parseDate(v)
			if err != nil {
				return err
			}
			return save(d)
		}}
}

func responseFields(ws *workspace, id string) []field {
	set := func(apply func(r *review.Recommendation)) error { return ws.saveRec(id, apply) }
	n := ws.recIndex(id) + 1
	rec := recByID(ws, id)
	resp := func() review.Response { return recByID(ws, id).Response }
	fs := []field{
		{id: "h-rec", label: fmt.Sprintf("%d. %s", n, text.OrEmpty(text.OneLine(rec.Text), "(no text yet)")), kind: fHeading},
		{id: "resp-decision", label: "Decision", kind: fChoice, choices: decisionChoices(),
			get: func() string { return resp().Decision.Label() },
			set: func(v string) error {
				return set(func(r *review.Recommendation) { r.Response.Decision = decisionFromLabel(v) })
			}},
		dateOfField(ws.e, "resp-date", "Answered on", func() review.Date { return resp().Date }, func(d review.Date) error {
			return set(func(r *review.Recommendation) { r.Response.Date = d })
		}),
		{id: "resp-words", label: "Board's words", kind: fMulti, placeholder: "(what the Board or officer said)",
			get: func() string { return resp().Words },
			set: func(v string) error { return set(func(r *review.Recommendation) { r.Response.Words = v }) }},
	}
	reasonLabel := "Reason"
	if rec.Response.Decision.NeedsReason() {
		reasonLabel = "Reason (needed)"
		if strings.TrimSpace(rec.Response.Reason) == "" {
			fs = append(fs, field{id: "flag", label: "⚠ " + rec.Response.Decision.Title() + ": say why below", kind: fHeading})
		}
	}
	fs = append(fs, field{id: "resp-reason", label: reasonLabel, kind: fMulti, placeholder: "(why, when partly or not accepted)",
		get: func() string { return resp().Reason },
		set: func(v string) error { return set(func(r *review.Recommendation) { r.Response.Reason = v }) }})
	today := ws.today()
	fs = append(fs, field{id: "h-actions", label: "Actions: " + rec.Progress(today).Text(), kind: fHeading})
	for j, a := range rec.Actions {
		fs = append(fs, actionFields(ws, id, fmt.Sprintf("%d.%d", n, j+1), a, today)...)
	}
	fs = append(fs, field{id: "add-action", label: "+ add an action", kind: fAction, placeholder: "what the landlord will do",
		add: func(v string) (func() error, error) {
			old := cloneActions(recByID(ws, id).Actions)
			aid, err := uuid.NewV7()
			if err != nil {
				return nil, err
			}
			err = saveActions(ws, id, func(as *[]review.Action) {
				*as = append(*as, review.Action{ID: aid.String(), Text: v, Status: review.NotStarted})
			})
			return func() error {
				return saveActions(ws, id, func(as *[]review.Action) { *as = cloneActions(old) })
			}, err
		}})
	if len(rec.SubPoints) > 0 {
		fs = append(fs, field{id: "h-subs", label: "Sub-points, when the Board answered them one by one", kind: fHeading})
	}
	for i, sp := range rec.SubPoints {
		pid := sp.ID
		fs = append(fs, field{id: "subresp:" + pid, label: fmt.Sprintf("%d%s decision", n, review.Letter(i)), kind: fChoice,
			choices: decisionChoices(),
			get: func() string {
				for _, q := range recByID(ws, id).SubPoints {
					if q.ID == pid {
						return q.Response.Decision.Label()
					}
				}
				return review.DecisionNone.Label()
			},
			set: func(v string) error {
				return set(func(r *review.Recommendation) {
					for k := range r.SubPoints {
						if r.SubPoints[k].ID == pid {
							r.SubPoints[k].Response.Decision = decisionFromLabel(v)
						}
					}
				})
			}})
	}
	return fs
}

func actionFields(ws *workspace, rid, ref string, a review.Action, today review.Date) []field {
	aid := a.ID
	get := func() review.Action { return actionByID(ws, rid, aid) }
	set := func(edit func(a *review.Action)) error { return saveAction(ws, rid, aid, edit) }
	p := "act:" + aid + "/"
	head := "Action " + ref + ": " + a.Status.Label()
	if o := a.OverdueText(today); o != "" {
		head += " · ⚠ " + o
	}
	fs := []field{
		{id: p + "h", label: head, kind: fHeading},
		{id: p + "text", label: "Action " + ref, kind: fMulti, placeholder: "(what will be done)",
			get: func() string { return get().Text },
			set: func(v string) error { return set(func(a *review.Action) { a.Text = v }) }},
		{id: p + "owner", label: "Owner", kind: fText, placeholder: "(a name or a role)",
			get: func() string { return get().Owner },
			set: func(v string) error { return set(func(a *review.Action) { a.Owner = v }) }},
		dateOfField(ws.e, p+"due", "Due", func() review.Date { return get().Due }, func(d review.Date) error {
			return set(func(a *review.Action) { a.Due = d })
		}),
		{id: p + "status", label: "Status", kind: fChoice, choices: statusChoices(),
			get: func() string { return get().Status.Label() },
			set: func(v string) error { return set(func(a *review.Action) { a.Status = statusFromLabel(v) }) }},
	}
	if a.Status.NeedsReason() || a.Reason != "" {
		label := "Why " + string(a.Status)
		if !a.Status.NeedsReason() {
			label = "Reason"
		}
		fs = append(fs, field{id: p + "reason", label: label, kind: fText, placeholder: "(needed when paused or dropped)",
			get: func() string { return get().Reason },
			set: func(v string) error { return set(func(a *review.Action) { a.Reason = v }) }})
	}
	for _, u := range a.Updates {
		line := "  " + text.OrEmpty(u.Date.Short(), "undated") + ": " + text.OneLine(u.Note)
		if u.By != "" {
			line += " (" + text.OneLine(u.By) + ")"
		}
		fs = append(fs, field{id: p + "upd", label: line, kind: fHeading})
	}
	fs = append(fs, field{id: p + "add-update", label: "+ add an update", kind: fAction,
		placeholder: "what has happened; end with “— name” to say who reported it",
		add: func(v string) (func() error, error) {
			old := cloneActions(recByID(ws, rid).Actions)
			note, by := splitReporter(v)
			err := set(func(a *review.Action) {
				a.Updates = append(a.Updates, review.ActionUpdate{Date: ws.today(), Note: note, By: by})
			})
			return func() error {
				return saveActions(ws, rid, func(as *[]review.Action) { *as = cloneActions(old) })
			}, err
		}})
	return fs
}

// splitReporter reads "new rota from June — Jo Bloggs" as the note and
// who reported it, so an update is one line typed, as quick as a finding.
func splitReporter(v string) (note, by string) {
	for _, sep := range []string{" — ", " -- ", " - "} {
		if i := strings.LastIndex(v, sep); i > 0 {
			return strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+len(sep):])
		}
	}
	return strings.TrimSpace(v), ""
}

// progressMsg is every review's action plan, read by progressCmd.
type progressMsg struct {
	read     int
	progress map[string]review.Progress
	err      error
}

// progressCmd reads every review's action plan off the update loop, once
// the first frame is drawn: on a large file it takes longer than the rest
// of the first frame, which shows the list without it (the progress
// appears a moment later).
func (s *homeScreen) progressCmd() tea.Cmd {
	if s.e.st == nil {
		return nil
	}
	s.progressRead++
	read, ctx, st, today, drawn := s.progressRead, s.e.ctx, s.e.st, review.FromTime(s.e.now()), s.e.firstFrame
	return func() tea.Msg {
		afterFirstFrame(drawn)
		p, err := st.ActionProgress(ctx, today)
		return progressMsg{read: read, progress: p, err: err}
	}
}

// gotProgress takes a read's result unless a newer read was begun since.
func (s *homeScreen) gotProgress(msg progressMsg) {
	if msg.read == s.progressRead {
		s.setProgress(msg.progress, msg.err)
	}
}

func (s *homeScreen) setProgress(p map[string]review.Progress, err error) {
	if err != nil {
		s.e.fail("read the action plans", err)
		return
	}
	s.progress = p
}

// roomItem puts the selected recommendation's action plan on the wall.
func (s *responseTab) roomItem() (kind, id string, since int64) {
	if id := s.selectedID(); id != "" {
		return present.ItemActionPlan, id, 0
	}
	return "", "", 0
}
