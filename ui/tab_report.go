package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/review/report"
	"scrutiny/store/atomicfile"
	"scrutiny/ui/reportview"
	"scrutiny/ui/text"
)

// reportTab is tab 8: a preview of the report export writes (the report
// model of review.NewReport, drawn for the terminal by reportview in a
// command and kept per width and theme), and export to a file.
type reportTab struct {
	ws    *workspace
	keys  reportKeys
	xkeys exportKeys
	vp    viewport.Model
	w, h  int

	rep        *review.Report // the report of repVersion; never changed once built
	repVersion int
	shown      renderKey // what the viewport holds
	pending    *renderKey

	exporting bool
	path      textinput.Model
	// written is the last file written in each format this session, in
	// the order of report.Formats, so the room can still see where the
	// Word document went after the status line has moved on.
	written []writtenFile
}

type writtenFile struct {
	format report.Format
	path   string
	at     string // the time of day it was written
}

type renderKey struct {
	version, width int
	theme          string
}

// reportRenderedMsg carries a finished preview.
type reportRenderedMsg struct {
	key renderKey
	out string
}

func newReportTab(ws *workspace) *reportTab {
	s := &reportTab{ws: ws, repVersion: -1, keys: newReportKeys(), xkeys: newExportKeys()}
	s.vp = viewport.New()
	s.vp.KeyMap = viewport.KeyMap{}
	s.path = textinput.New()
	s.path.Prompt = ""
	s.restyle()
	return s
}

func (s *reportTab) resize(w, h int) {
	s.w, s.h = w, h
	s.vp.SetWidth(w)
	s.vp.SetHeight(max(1, h-2))
	s.path.SetWidth(max(10, w-14))
}

func (s *reportTab) typing() bool  { return s.exporting }
func (s *reportTab) commit() error { return nil }
func (s *reportTab) restyle() {
	s.path.SetStyles(inputStyles(s.ws.e.styles))
}
func (s *reportTab) reload() {}
func (s *reportTab) jump(string) bool {
	return false
}

func (s *reportTab) escape() bool {
	if s.exporting {
		s.exporting = false
		return true
	}
	return false
}

func (s *reportTab) help() helpMap {
	if s.exporting {
		return helpMap{short: []key.Binding{s.xkeys.Write, s.xkeys.Format, s.xkeys.Cancel}, full: bindings(s.xkeys)}
	}
	return helpMap{short: []key.Binding{s.keys.Export, s.keys.PageDown, s.keys.Up},
		full: bindings(s.keys)}
}

// wantKey is the preview the screen should show now.
func (s *reportTab) wantKey() renderKey {
	return renderKey{version: s.ws.version, width: s.w, theme: s.ws.e.styles.Theme}
}

// refresh starts a render when the review, the width or the theme changed.
// The report model is built here, from the review the update loop owns (a
// pure function, fast); drawing it runs in the command, off the update loop:
// about 5 ms for the example, 15 ms for a review of the large data.
func (s *reportTab) refresh() tea.Cmd {
	k := s.wantKey()
	if k == s.shown || (s.pending != nil && *s.pending == k) || s.w <= 0 {
		return nil
	}
	if s.repVersion != s.ws.version {
		s.rep = review.NewReport(s.ws.rev)
		s.repVersion = s.ws.version
	}
	s.pending = &k
	rep, st := s.rep, s.ws.e.styles
	// One cell of margin on each side.
	width := max(reportview.MinWidth, k.width-2)
	return func() tea.Msg {
		out := reportview.Draw(rep, st, width)
		return reportRenderedMsg{key: k, out: " " + strings.ReplaceAll(out, "\n", "\n ")}
	}
}

func (s *reportTab) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportRenderedMsg:
		if s.pending != nil && *s.pending == msg.key {
			s.pending = nil
		}
		atTop := s.vp.YOffset() == 0
		off, before := s.vp.YOffset(), s.vp.TotalLineCount()
		s.vp.SetContent(strings.TrimRight(msg.out, "\n"))
		if !atTop {
			// At another width the same text is on other lines: keep the
			// reader at the same share of the report, not the same line.
			if after := s.vp.TotalLineCount(); msg.key.width != s.shown.width && before > 0 {
				off = off * after / before
			}
			s.vp.SetYOffset(off)
		}
		s.shown = msg.key
		return s.refresh()
	case tea.KeyPressMsg:
		if s.exporting {
			return s.updateExport(msg)
		}
		k := s.keys
		switch {
		case key.Matches(msg, k.Up):
			s.vp.ScrollUp(1)
		case key.Matches(msg, k.Down):
			s.vp.ScrollDown(1)
		case key.Matches(msg, k.PageUp):
			s.vp.PageUp()
		case key.Matches(msg, k.PageDown):
			s.vp.PageDown()
		case key.Matches(msg, k.Top):
			s.vp.GotoTop()
		case key.Matches(msg, k.Bottom):
			s.vp.GotoBottom()
		case key.Matches(msg, k.Export):
			s.exporting = true
			// The whole path, so the room sees which folder it goes to.
			p := defaultExportPath(s.ws.rev)
			if abs, err := s.ws.e.exportPath(p); err == nil {
				p = abs
			}
			s.path.SetValue(p)
			s.path.CursorEnd()
			return s.path.Focus()
		}
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			s.vp.ScrollUp(3)
		} else if msg.Button == tea.MouseWheelDown {
			s.vp.ScrollDown(3)
		}
	case tea.PasteMsg:
		if s.exporting {
			var cmd tea.Cmd
			s.path, cmd = s.path.Update(msg)
			return cmd
		}
	}
	return s.refresh()
}

func (s *reportTab) updateExport(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.xkeys.Cancel):
		s.exporting = false
		s.ws.e.note("export cancelled")
		return nil
	case key.Matches(msg, s.xkeys.Format):
		s.path.SetValue(nextFormatPath(s.path.Value()))
		s.path.CursorEnd()
		return nil
	case key.Matches(msg, s.xkeys.Write):
		p := strings.TrimSpace(s.path.Value())
		if p == "" {
			s.ws.e.complain("Type where to save the report, for example report.md.")
			return nil
		}
		if strings.HasPrefix(p, "~"+string(filepath.Separator)) {
			if home, err := os.UserHomeDir(); err == nil {
				p = filepath.Join(home, p[2:])
			}
		}
		abs, err := s.ws.e.exportPath(p)
		if err != nil {
			s.ws.e.fail("export the report", err)
			return nil
		}
		f := formatOf(abs)
		if err := writeFileAtomic(abs, f.Render(s.ws.rev)); err != nil {
			s.ws.e.fail("export the report", err)
			return nil
		}
		s.exporting = false
		at := s.ws.e.now().Format("15:04:05")
		s.wrote(writtenFile{format: f, path: abs, at: at})
		s.ws.e.note("report exported to " + abs + " (" + f.Label + ", " + at + ")")
		return nil
	}
	var cmd tea.Cmd
	s.path, cmd = s.path.Update(msg)
	return cmd
}

// wrote records a file written, replacing the last one of its format.
func (s *reportTab) wrote(f writtenFile) {
	var out []writtenFile
	for _, rf := range report.Formats() {
		if rf.Name == f.format.Name {
			out = append(out, f)
			continue
		}
		for _, w := range s.written {
			if w.format.Name == rf.Name {
				out = append(out, w)
			}
		}
	}
	s.written = out
}

// writtenLines says where each format was last written, one line each;
// a path too long for the line loses its start, so the file name shows.
func (s *reportTab) writtenLines(w, h int) []string {
	if h-2-len(s.written) < 3 {
		return nil // the preview needs the room more
	}
	var out []string
	for _, f := range s.written {
		head := "Written: " + f.format.Label + " "
		tail := " at " + f.at
		p := f.path
		if room := w - text.Width(head) - text.Width(tail); text.Width(p) > room {
			r := []rune(p)
			for len(r) > 0 && text.Width("…"+string(r)) > room {
				r = r[1:]
			}
			p = "…" + string(r)
		}
		out = append(out, text.Truncate(head+p+tail, w))
	}
	return out
}

// defaultExportPath suggests a file named after the topic in the current
// folder.
func defaultExportPath(r *review.Review) string {
	var b strings.Builder
	for _, c := range strings.ToLower(r.Topic) {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	if len(name) > 60 {
		name = strings.Trim(name[:60], "-")
	}
	if name == "" {
		name = "scrutiny-report"
	}
	return name + ".md"
}

func (s *reportTab) view(w, h int) string {
	st := s.ws.e.styles
	if w != s.w || h != s.h {
		s.resize(w, h)
	}
	var top string
	switch {
	case s.exporting:
		top = st.Label.Render("Save as: ") + s.path.View()
	case s.shown.version != s.ws.version || s.shown.width != w:
		top = st.Muted.Render("Drawing the preview…")
	default:
		top = st.Muted.Render(text.Truncate("This is the report export writes. ctrl+e exports it: markdown, web page or Word.", w))
	}
	lines := s.writtenLines(w, h)
	bh := h - 2 - len(lines)
	if s.vp.Height() != max(1, bh) {
		s.vp.SetHeight(max(1, bh))
	}
	var body string
	if s.shown == (renderKey{}) {
		body = strings.Join(text.Box(nil, w, bh), "\n")
	} else {
		body = strings.Join(text.Box(text.Lines(s.vp.View()), w, bh), "\n")
	}
	for i := len(lines) - 1; i >= 0; i-- {
		body = text.Pad(lines[i], w) + "\n" + body
	}
	// Rounded down, so 100% is shown only when the last line is.
	share := int(s.vp.ScrollPercent() * 100)
	if s.vp.AtBottom() {
		share = 100
	}
	pct := fmt.Sprintf("%3d%%", share)
	bottom := strings.Repeat(" ", max(0, w-5)) + pct
	if s.exporting {
		// The format follows the file name's ending; say which it is.
		bottom = text.Truncate("Format: "+formatOf(s.path.Value()).Label+" (from the file name; tab changes it: markdown, web page, Word)", w)
	}
	return text.Pad(top, w) + "\n" + body + "\n" + st.Muted.Render(text.Pad(bottom, w))
}

// writeFileAtomic is atomicfile.WriteBytes after making the folder: in the
// workspace a volunteer may type a folder that does not exist yet.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	return atomicfile.WriteBytes(path, data)
}

// formatOf picks the report's format from the file name's ending; a name
// with any other ending gets markdown, as before there were other formats.
func formatOf(path string) report.Format {
	ext := strings.ToLower(filepath.Ext(strings.TrimSpace(path)))
	for _, f := range report.Formats() {
		if f.Ext == ext {
			return f
		}
	}
	return report.Formats()[0]
}

// nextFormatPath changes the file name's ending to the next format's, so
// tab walks markdown, web page, Word and back.
func nextFormatPath(path string) string {
	p := strings.TrimSpace(path)
	fs := report.Formats()
	cur := formatOf(p)
	next := fs[0]
	for i, f := range fs {
		if f.Name == cur.Name {
			next = fs[(i+1)%len(fs)]
		}
	}
	if ext := filepath.Ext(p); strings.EqualFold(ext, cur.Ext) {
		p = p[:len(p)-len(ext)]
	}
	if p == "" {
		p = "scrutiny-report"
	}
	return p + next.Ext
}
