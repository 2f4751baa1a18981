package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scrutiny/ui/text"
)

// formTab is a tab that is one form: Overview, Scope, Scoring and
// Judgement. Extra keys (add, delete...) come from the tab that embeds it.
type formTab struct {
	ws    *workspace
	f     *form
	build func() []field
	// extra handles tab keys the form does not use; extraKeys lists them
	// for the help.
	extra     func(msg tea.KeyPressMsg) (bool, tea.Cmd)
	extraKeys func() []key.Binding
	intro     string // one muted line at the top
}

func newFormTab(ws *workspace, build func() []field) *formTab {
	s := &formTab{ws: ws, f: newForm(ws.e), build: build}
	s.f.changed = s.reload
	s.reload()
	return s
}

func (s *formTab) reload() {
	if s.f.editing {
		return
	}
	s.f.setFields(s.build())
}

func (s *formTab) introH() int {
	if s.intro == "" {
		return 0
	}
	return 1
}

func (s *formTab) resize(w, h int) { s.f.resize(w, h-s.introH()) }
func (s *formTab) typing() bool    { return s.f.editing }
func (s *formTab) commit() error   { return s.f.commit() }
func (s *formTab) escape() bool    { return s.f.stopChoosing() }
func (s *formTab) restyle()        { s.f.restyle() }
func (s *formTab) jump(id string) bool {
	s.reload()
	return s.f.focusID(id)
}

func (s *formTab) help() helpMap {
	if s.f.editing {
		return editHelp(s.f)
	}
	var extra []key.Binding
	if s.extraKeys != nil {
		extra = s.extraKeys()
	}
	short := []key.Binding{s.f.keys.Edit}
	if fl, ok := s.f.focused(); ok && fl.kind == fChoice {
		short = append(short, s.f.keys.CycleBack)
	}
	short = append(short, extra...)
	full := append(append(bindings(s.f.keys), newTypeKeys().InField), extra...)
	return helpMap{short: short, full: full}
}

// editHelp is the help while a field is being typed into.
func editHelp(f *form) helpMap {
	fl, _ := f.focused()
	k := f.ekeys
	full := []key.Binding{k.Done, k.Save, k.NextField, k.PrevField, k.Discard, k.Text}
	if fl.kind == fDate {
		full = append(full, k.Today)
	}
	if fl.multiline() && !fl.enterSaves {
		short := []key.Binding{bind([]string{"tab"}, "tab", "save, next field"), bind([]string{"enter"}, "enter", "new line"), k.Done, k.Discard}
		return helpMap{short: short, full: full}
	}
	short := []key.Binding{k.Move, k.Done}
	if fl.kind == fDate {
		short = append(short, k.Today)
	}
	return helpMap{short: short, full: append([]key.Binding{k.Move}, full...)}
}

func (s *formTab) update(msg tea.Msg) tea.Cmd {
	if c, ok := msg.(tea.MouseClickMsg); ok {
		y := c.Mouse().Y - s.introH()
		if y < 0 {
			return nil
		}
		return s.f.click(y)
	}
	if km, ok := msg.(tea.KeyPressMsg); ok && !s.f.editing && s.extra != nil {
		if done, cmd := s.extra(km); done {
			return cmd
		}
	}
	_, cmd := s.f.update(msg)
	return cmd
}

func (s *formTab) view(w, h int) string {
	body := s.f.view(w, h-s.introH(), s.ws.tabHasKeys())
	if s.intro == "" {
		return body
	}
	return s.ws.e.styles.Muted.Render(text.Pad(text.Truncate(s.intro, w), w)) + "\n" + body
}
