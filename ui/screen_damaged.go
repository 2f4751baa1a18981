package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"scrutiny/store"
	"scrutiny/ui/text"
)

// A damaged file must not pass for an empty one (the welcome screen) nor
// be written into: the store refuses every write once it knows, and this
// screen says what was found and how to get back to a sound copy. The app
// checks the whole file in the background as it starts (the first frame
// does not wait for it), and switches here when the check, or any read on
// the way, finds damage.

type damagedScreen struct {
	e        *env
	problems []string
	w, h     int
}

// soundMsg is the answer of the background check.
type soundMsg struct {
	damaged  bool
	problems []string
}

// checkSound runs the store's whole-file check; when it finds damage it
// lists every problem, as `scrutiny check` does.
func checkSound(ctx context.Context, st *store.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		damaged, first := st.CheckSound(ctx)
		if !damaged {
			return soundMsg{}
		}
		problems, err := st.Check(ctx)
		if err != nil || len(problems) == 0 || (len(problems) == 1 && problems[0] == "ok") {
			problems = []string{first}
		}
		return soundMsg{damaged: true, problems: problems}
	}
}

// showDamaged switches to the damaged screen, saving nothing: the store
// refuses writes, and what is being typed stays on screen no longer.
func (m *Model) showDamaged(problems []string) {
	if m.screen == scrDamaged {
		return
	}
	m.sameFrame = false
	if len(problems) == 0 {
		_, first := m.e.st.CheckSound(m.e.ctx)
		problems = []string{first}
	}
	m.e.readOnly = true
	m.damaged = &damagedScreen{e: m.e, problems: problems}
	m.damaged.resize(m.w, m.bodyHeight())
	m.screen = scrDamaged
	m.e.complain("This file is damaged: nothing will be written to it.")
}

func (s *damagedScreen) resize(w, h int) { s.w, s.h = w, h }
func (s *damagedScreen) typing() bool    { return false }
func (s *damagedScreen) commit() error   { return nil }
func (s *damagedScreen) restyle()        {}
func (s *damagedScreen) update(tea.Msg) tea.Cmd {
	return nil
}
func (s *damagedScreen) help() helpMap { return helpMap{} }

func (s *damagedScreen) view(w, h int) string {
	st := s.e.styles
	path := s.e.st.Path()
	wrap := func(para string) []string {
		var out []string
		for _, l := range text.Wrap(para, max(20, w-4)) {
			out = append(out, "  "+st.Text.Render(l))
		}
		return out
	}
	lines := []string{"", st.Issue.Render("  ✗ This file is damaged"), ""}
	lines = append(lines, wrap("The file "+text.OneLine(path)+" is damaged, so scrutiny will not change it: "+
		"writing into it could spread the damage over what can still be saved. Nothing has been written to it.")...)
	lines = append(lines, "", "  "+st.Title.Render("What the check found"))
	shown := s.problems
	room := max(3, h-len(lines)-12)
	if len(shown) > room {
		shown = append(append([]string{}, shown[:room-1]...),
			text.Count(len(s.problems)-room+1, "more problem", "more problems")+" (scrutiny check lists them all)")
	}
	for _, p := range shown {
		lines = append(lines, "  "+st.Muted.Render("- "+text.Truncate(text.OneLine(p), max(10, w-6))))
	}
	lines = append(lines, "", "  "+st.Title.Render("What to do"))
	for _, step := range []string{
		"1. Press q to close scrutiny. Keep this file as it is: do not delete it.",
		"2. Copy your latest backup (made with scrutiny backup) to a new file name.",
		"3. Open the copy: scrutiny --db NEW-FILE. Check it with: scrutiny --db NEW-FILE check",
		"Without a backup, scrutiny export may still save the reviews it can read.",
	} {
		lines = append(lines, wrap(step)...)
	}
	return strings.Join(text.Box(lines, w, h), "\n")
}
