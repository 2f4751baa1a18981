package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/present"
	"scrutiny/ui/style"
)

// The editor's side of the room: it tells the present window where it is,
// shows the same slide full-screen in its own presentation mode (F5), takes
// the room's votes with quick keys there, and cycles and remembers themes.

// roomState is the root model's presentation mode.
type roomState struct {
	presenting bool
	votes      []review.Level // this session's votes, newest last, for backspace
	// question is which chartable question of the selected survey the wall
	// shows; survey is the survey it counts in.
	question int
	survey   string
	ticking  bool // a timer tick is scheduled
	slide    present.SlideCache
	page     int // the page of a slide too long for the window
}

// roomItemer is a tab that can tell the wall which item it shows. Tabs
// that do not implement it show as their tab's name, and the split tabs
// (evidence, findings, recommendations) are known here.
type roomItemer interface {
	roomItem() (kind, id string, since int64)
}

// position is what the workspace shows now, for the wall.
func (ws *workspace) position() present.Position {
	p := present.Position{ReviewID: ws.rev.ID, Tab: string(tabDefs[ws.active].id)}
	st := ws.tabs[ws.active]
	if st == nil {
		return p
	}
	if ri, ok := st.(roomItemer); ok {
		p.ItemKind, p.ItemID, p.Since = ri.roomItem()
		return p
	}
	switch s := st.(type) {
	case *evidenceTab:
		p.ItemKind, p.ItemID = present.ItemEvidence, s.selectedID()
	case *findingsTab:
		p.ItemKind, p.ItemID = present.ItemFinding, s.selectedID()
	case *recsTab:
		p.ItemKind, p.ItemID = present.ItemRecommendation, s.selectedID()
		if fl, ok := s.f.focused(); ok && s.f.editing {
			switch {
			case fl.id == "rec-text":
				p.Draft, p.DraftOf = s.f.editorValue(), "text"
			case strings.HasPrefix(fl.id, "sub:"):
				p.Draft, p.DraftOf = s.f.editorValue(), strings.TrimPrefix(fl.id, "sub:")
			}
		}
	case *scoringTab:
		p.ItemKind, p.ItemID = present.ItemCriterion, s.criterionID()
	case *judgementTab:
		p.ItemKind = present.ItemJudgement
	case interface{ selectedID() string }:
		// Other list tabs name rows "kind:ID" (standard:..., survey:...).
		kind, id, _ := strings.Cut(s.selectedID(), ":")
		switch kind {
		case "standard":
			p.ItemKind, p.ItemID = present.ItemStandards, "-"
		case "survey":
			p.ItemKind, p.ItemID = present.ItemSurvey, id
		}
	}
	if p.ItemID == "" && p.ItemKind != present.ItemJudgement {
		p.ItemKind = ""
	}
	return p
}

// criterionID is the criterion whose field has the focus, or the first.
func (s *scoringTab) criterionID() string {
	if fl, ok := s.f.focused(); ok {
		if _, id, found := strings.Cut(fl.id, ":"); found && strings.Contains(fl.id, "crit") {
			return id
		}
	}
	if len(s.ws.rev.Criteria) > 0 {
		return s.ws.rev.Criteria[0].ID
	}
	return ""
}

// roomAfterUpdate posts the editor's position after every message; it is
// written, off the key's path, only when the position changed.
func (m *Model) roomAfterUpdate() {
	if m.e.readOnly || m.e.st == nil {
		return
	}
	var p present.Position
	if m.screen == scrWorkspace && m.ws != nil {
		p = m.roomPosition()
	}
	// A failure here must not disturb the editor; the wall just lags.
	_ = m.e.pub.Post(m.e.ctx, p)
}

type roomTickMsg struct{}

func roomTick() tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return roomTickMsg{} })
}

// roomUpdate takes the messages of presentation mode and the two keys that
// work everywhere. handled false lets the normal handling run.
func (m *Model) roomUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case startVotingMsg:
		if err := m.current().commit(); err != nil {
			return nil, true
		}
		m.room.presenting = true
		m.room.votes = nil
		return nil, true
	case roomTickMsg:
		m.room.ticking = false
		if m.room.presenting && m.roomSlide().Ticking {
			m.room.ticking = true
			return roomTick(), true
		}
		return nil, true
	case tea.KeyPressMsg:
		if m.confirm != nil || m.showHelp || msg.String() == "ctrl+c" {
			return nil, false
		}
		if m.room.presenting {
			return m.presentKey(msg), true
		}
		switch {
		case key.Matches(msg, m.keys.Present):
			if m.screen != scrWorkspace || m.ws == nil {
				m.e.note("open a review first: presentation shows one of its items, large")
				return nil, true
			}
			if err := m.current().commit(); err != nil {
				return nil, true
			}
			m.room.presenting = true
			m.room.votes = nil
			return m.startTicking(), true
		case key.Matches(msg, m.keys.Theme):
			m.cycleTheme()
			return nil, true
		}
	}
	return nil, false
}

func (m *Model) startTicking() tea.Cmd {
	// A clock given in Options is a fixed one (tests): ticking would show
	// nothing new, so it is not started.
	if m.room.ticking || m.opts.Now != nil || !m.roomSlide().Ticking {
		return nil
	}
	m.room.ticking = true
	return roomTick()
}

func (m *Model) presentKey(msg tea.KeyPressMsg) tea.Cmd {
	k := newRoomKeys()
	switch {
	case key.Matches(msg, k.Leave):
		m.room.presenting = false
		if m.ws != nil {
			// The tab under the wall shows what was voted.
			m.ws.cur().reload()
		}
	case key.Matches(msg, k.Theme):
		m.cycleTheme()
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		step := 1
		if key.Matches(msg, k.Prev) {
			step = -1
		}
		// A long slide's pages come before the next item.
		if _, pages := present.FramePage(m.e.styles, m.roomSlide(), m.w, m.h, m.room.page, ""); m.room.page+step >= 0 && m.room.page+step < pages {
			m.room.page += step
			break
		}
		m.room.page = 0
		if m.stepQuestion(step) {
			break
		}
		if m.ws != nil && m.ws.stepItem(step) {
			m.room.votes = nil
		}
	case key.Matches(msg, k.Vote):
		l := review.Level(int(msg.String()[0] - '0'))
		if m.vote(func(c *review.Criterion) { c.AddVote(l) }, "a vote for "+l.String()) {
			m.room.votes = append(m.room.votes, l)
		}
	case key.Matches(msg, k.Unvote):
		if n := len(m.room.votes); n > 0 {
			l := m.room.votes[n-1]
			if m.vote(func(c *review.Criterion) { c.RemoveVote(l) }, "took back a vote for "+l.String()) {
				m.room.votes = m.room.votes[:n-1]
			}
		} else {
			m.e.note("no vote to take back")
		}
	default:
		if typed(msg) != "" {
			// Nothing is typed on the wall; say how to get back rather
			// than let the typing reach a field later.
			m.e.note("the wall shows one thing large: esc goes back to typing")
		}
	}
	return m.startTicking()
}

// vote changes the votes of the criterion on the wall and saves at once.
func (m *Model) vote(apply func(c *review.Criterion), what string) bool {
	if m.ws == nil {
		return false
	}
	p := m.roomPosition()
	if p.ItemKind != present.ItemCriterion || p.ItemID == "" {
		m.e.note("votes go to a criterion: open Scoring (6) and choose one first")
		return false
	}
	id := p.ItemID
	i := m.ws.criterionIndex(id)
	if i < 0 {
		return false
	}
	before := m.ws.rev.Criteria[i].Votes
	err := m.e.do(what, func() error { return m.ws.saveCriterion(id, apply) }, func() error {
		err := m.ws.saveCriterion(id, func(c *review.Criterion) { c.Votes = before })
		return err
	})
	return err == nil
}

func (m *Model) roomSlide() present.Slide {
	snap, version := present.Snapshot{}, 0
	if m.screen == scrWorkspace && m.ws != nil {
		snap, version = present.Snapshot{Pos: m.roomPosition(), Review: m.ws.rev}, m.ws.version
	}
	return m.room.slide.Get(snap, int64(version), m.e.now())
}

// presentRender is the frame in presentation mode: the slide, and the
// status line as the hint while something was just saved or went wrong.
func (m *Model) presentRender() string {
	hint := "↓ next · esc leave · t theme"
	if m.ws != nil && m.roomPosition().ItemKind == present.ItemCriterion {
		hint = "1-4 vote · ⌫ undo · ↓ next · esc leave"
	}
	if m.e.statusErr {
		hint = m.e.status
	}
	out, _ := present.FramePage(m.e.styles, m.roomSlide(), m.w, m.h, m.room.page, hint)
	return out
}

// cycleTheme switches to the next theme and remembers it for next time.
func (m *Model) cycleTheme() {
	next := present.NextTheme(m.e.styles.Theme)
	m.SetTheme(next)
	m.themeFixed = true
	if !m.e.readOnly && m.e.st != nil {
		if err := m.e.st.SetSetting(m.e.ctx, present.ThemeSetting, next); err != nil {
			m.e.fail("remember the theme", err)
			return
		}
	}
	m.e.note("theme: " + next)
}

// rememberedTheme is the theme chosen last time, or "" to follow the
// terminal. NO_COLOR always wins.
func rememberedTheme(st *store.Store) string {
	if st == nil || style.NoColor() {
		return ""
	}
	t, err := st.Setting(context.Background(), present.ThemeSetting)
	if err != nil || !style.Known(t) {
		return ""
	}
	return t
}

// startVotingMsg asks for presentation mode on the criterion in focus, so
// the room sees its votes counted as they are keyed in.
type startVotingMsg struct{}

// criterionHeading heads a criterion in the Scoring tab with the room's
// votes, so the tally is visible without the wall.
func criterionHeading(i int, c review.Criterion) string {
	h := fmt.Sprintf("Criterion %d", i+1)
	if c.TotalVotes() == 0 {
		return h
	}
	var parts []string
	for _, v := range c.Tally() {
		if v.N > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", v.Level, v.N))
		}
	}
	return h + " · votes: " + strings.Join(parts, ", ")
}

// stepItem moves the tab under the wall to the next (or previous) item,
// so the facilitator can go through the criteria without leaving the
// presentation. It reports whether anything moved.
func (ws *workspace) stepItem(step int) bool {
	switch s := ws.cur().(type) {
	case *meetingsTab:
		if s.timerMeeting != "" {
			return s.stepTimer(step)
		}
		if sp := splitOf(s); sp != nil {
			return stepSplit(sp, step)
		}
	case *scoringTab:
		cs := ws.rev.Criteria
		cur := s.criterionID()
		for i, c := range cs {
			if c.ID == cur && i+step >= 0 && i+step < len(cs) {
				return s.f.focusID("crit:" + cs[i+step].ID)
			}
		}
	case interface {
		selectedID() string
		select_(id string) bool
	}:
		if sp := splitOf(s); sp != nil {
			return stepSplit(sp, step)
		}
	}
	return false
}

// stepSplit moves a list's cursor to the next selectable row.
func stepSplit(sp *splitTab, step int) bool {
	before := sp.selectedID()
	for i := sp.l.cursor + step; i >= 0 && i < sp.count(); i += step {
		if sp.selectable == nil || sp.selectable(i) {
			sp.l.set(i)
			sp.syncDetail(false)
			break
		}
	}
	return sp.selectedID() != before
}

// splitOf finds the list-and-detail tab inside a tab that embeds one.
func splitOf(st any) *splitTab {
	switch s := st.(type) {
	case *splitTab:
		return s
	case *evidenceTab:
		return s.splitTab
	case *findingsTab:
		return s.splitTab
	case *recsTab:
		return s.splitTab
	case *meetingsTab:
		return s.splitTab
	case *surveysTab:
		return s.splitTab
	}
	return nil
}

// roomPosition is the workspace's position, with a survey narrowed to the
// question the wall is showing.
func (m *Model) roomPosition() present.Position {
	if m.ws == nil {
		return present.Position{}
	}
	p := m.ws.position()
	if p.ItemKind != present.ItemSurvey {
		return p
	}
	qs := chartable(m.ws.rev, p.ItemID)
	if p.ItemID != m.room.survey {
		m.room.survey, m.room.question = p.ItemID, 0
	}
	if len(qs) > 0 {
		i := min(max(m.room.question, 0), len(qs)-1)
		p.ItemKind, p.ItemID = present.ItemQuestion, present.QuestionItem(p.ItemID, qs[i])
	}
	return p
}

// stepQuestion moves the wall to the survey's next or previous chartable
// question; false at either end, so the arrows go on to the next item.
func (m *Model) stepQuestion(step int) bool {
	if m.ws == nil {
		return false
	}
	p := m.ws.position()
	if p.ItemKind != present.ItemSurvey || p.ItemID != m.room.survey {
		return false
	}
	i := m.room.question + step
	if i < 0 || i >= len(chartable(m.ws.rev, p.ItemID)) {
		return false
	}
	m.room.question = i
	return true
}

// chartable lists the IDs of a survey's questions that have a chart (all
// but free text).
func chartable(r *review.Review, surveyID string) []string {
	var out []string
	for _, sv := range r.Surveys {
		if sv.ID != surveyID {
			continue
		}
		for _, q := range sv.Questions {
			if q.Kind != review.QuestionFreeText {
				out = append(out, q.ID)
			}
		}
	}
	return out
}
