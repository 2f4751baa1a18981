package ui

import (
	"scrutiny/ui/text"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// placeholderStage keeps a tab's place until its screen is written.
type placeholderStage struct {
	ws   *workspace
	text string
}

func newPlaceholder(ws *workspace, text string) *placeholderStage {
	return &placeholderStage{ws: ws, text: text}
}

func (s *placeholderStage) update(tea.Msg) tea.Cmd { return nil }
func (s *placeholderStage) resize(w, h int)        {}
func (s *placeholderStage) typing() bool           { return false }
func (s *placeholderStage) commit() error          { return nil }
func (s *placeholderStage) help() helpMap          { return helpMap{} }
func (s *placeholderStage) reload()                {}
func (s *placeholderStage) jump(string) bool       { return false }
func (s *placeholderStage) escape() bool           { return false }
func (s *placeholderStage) restyle()               {}
func (s *placeholderStage) view(w, h int) string {
	lines := []string{"", "  " + s.ws.e.styles.Muted.Render(text.Truncate(s.text, w-2))}
	return strings.Join(text.Box(lines, w, h), "\n")
}
