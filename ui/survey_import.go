package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"scrutiny/review"
	"scrutiny/review/surveycsv"
	"scrutiny/store"
	"scrutiny/ui/text"
)

// csvPreviewMsg carries a file read in the background.
type csvPreviewMsg struct {
	path string
	p    *surveycsv.Preview
	err  error
}

// csvImportedMsg says a background import finished (saved, or not at all).
type csvImportedMsg struct {
	path string
	sv   review.Survey
	err  error
}

// importView imports a survey from a CSV file in three steps: type the
// file's path; read the preview (the columns, the first rows, and every
// row that cannot be read); then import all of it, or nothing.
type importView struct {
	s       *surveysTab
	keys    importKeys
	input   textinput.Model
	path    string
	reading bool
	// importing is true while the survey is being saved in the background;
	// keys wait, so nothing changes under it.
	importing bool
	p         *surveycsv.Preview
	err       error
	offset    int
	h         int
	// opts holds the kinds chosen by hand; col is the column being chosen.
	opts surveycsv.Options
	col  int
	// body caches the preview's lines: a file with 100,000 bad rows takes
	// a quarter of a second to lay out, too long for every key press.
	body    []string
	bodyKey bodyKey
}

type bodyKey struct {
	p      *surveycsv.Preview
	err    string // the text, as some error values cannot be compared
	w, col int
}

// columnChoices are the kinds a column can be given by hand, in the order
// the space bar steps through them.
var columnChoices = []struct {
	text   string
	kind   surveycsv.Kind
	lo, hi int
}{
	{"scale 1-10", surveycsv.Scale, 1, 10}, {"scale 0-10", surveycsv.Scale, 0, 10}, {"scale 1-5", surveycsv.Scale, 1, 5},
	{"yes/no", surveycsv.YesNo, 0, 0}, {"choice", surveycsv.Choice, 0, 0}, {"free text", surveycsv.FreeText, 0, 0},
	{"attribute", surveycsv.Attribute, 0, 0}, {"ignore", surveycsv.Ignore, 0, 0},
}

// nextKind gives column c the next kind after the one it has, and reads
// the file again with it.
func (v *importView) nextKind() tea.Cmd {
	if v.p == nil || v.col >= len(v.p.Columns) {
		return nil
	}
	c := v.p.Columns[v.col]
	cur := c.KindText()
	next := 0
	for i, ch := range columnChoices {
		if ch.text == cur {
			next = (i + 1) % len(columnChoices)
		}
	}
	ch := columnChoices[next]
	if v.opts.Kinds == nil {
		v.opts.Kinds, v.opts.Scales = map[string]surveycsv.Kind{}, map[string][2]int{}
	}
	v.opts.Kinds[c.Header] = ch.kind
	delete(v.opts.Scales, c.Header)
	if ch.kind == surveycsv.Scale {
		v.opts.Scales[c.Header] = [2]int{ch.lo, ch.hi}
	}
	v.reading = true
	return readPreviewCmd(v.path, v.opts)
}

func newImportView(s *surveysTab) *importView {
	in := textinput.New()
	in.Prompt = ""
	ts := textinput.DefaultStyles(s.ws.e.styles.Dark)
	ts.Cursor.Blink = false // nothing on screen blinks
	in.SetStyles(ts)
	in.Placeholder = "for example " + filepath.Join("Documents", "survey-answers.csv")
	in.SetValue(s.ws.e.importFolder)
	in.CursorEnd()
	in.Focus()
	return &importView{s: s, input: in, keys: newImportKeys()}
}

func (v *importView) typing() bool { return (v.p == nil && v.err == nil) || v.importing }

func (v *importView) help() helpMap {
	if v.importing {
		return helpMap{}
	}
	if v.typing() {
		return helpMap{short: []key.Binding{v.keys.Read, v.keys.Back}, full: []key.Binding{v.keys.Read, v.keys.Back}}
	}
	// The preview: the file has been read, and enter imports it, only
	// when it was read without faults.
	k := v.keys
	ok := v.p != nil && v.p.OK()
	full := slices.DeleteFunc(bindings(k), func(b key.Binding) bool {
		return sameHelp(b, k.Read) || (!ok && sameHelp(b, k.Import))
	})
	if ok {
		return helpMap{short: []key.Binding{k.Import, k.Down, k.Back}, full: full}
	}
	return helpMap{short: []key.Binding{k.Down, k.Back}, full: full}
}

func readPreviewCmd(path string, opts surveycsv.Options) tea.Cmd {
	return func() tea.Msg {
		p, err := surveycsv.ReadFile(path, opts)
		return csvPreviewMsg{path: path, p: p, err: err}
	}
}

// importPath reads the typed file name. The box starts with the last
// folder used, so a full path typed or pasted after it replaces the folder
// rather than being added to it.
func importPath(typed, folder string) string {
	p := strings.Trim(strings.TrimSpace(typed), `"'`)
	if rest, ok := strings.CutPrefix(p, folder); ok && folder != "" {
		rest = strings.Trim(strings.TrimSpace(rest), `"'`)
		if filepath.IsAbs(rest) || strings.HasPrefix(rest, "~"+string(filepath.Separator)) {
			p = rest
		}
	}
	return p
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~"+string(filepath.Separator)); ok {
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, rest)
		}
	}
	return p
}

func (v *importView) update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case csvPreviewMsg:
		if msg.path != v.path || !v.reading {
			return nil, false
		}
		again := v.p != nil && msg.p != nil
		v.reading, v.p, v.err = false, msg.p, msg.err
		if !again {
			v.offset = 0
		}
		return nil, false
	case csvImportedMsg:
		if !v.importing || msg.path != v.path {
			return nil, false
		}
		v.importing = false
		return nil, v.imported(msg)
	case tea.PasteMsg:
		if v.importing {
			return nil, false
		}
		if v.typing() {
			var cmd tea.Cmd
			v.input, cmd = v.input.Update(msg)
			return cmd, false
		}
	case tea.KeyPressMsg:
		if v.importing {
			return nil, false
		}
		if v.typing() {
			switch {
			case key.Matches(msg, v.keys.Back):
				return nil, true
			case key.Matches(msg, v.keys.Read):
				path := importPath(v.input.Value(), v.s.ws.e.importFolder)
				if path == "" {
					v.s.ws.e.complain("Type the path of the CSV file first.")
					return nil, false
				}
				v.path, v.reading = expandHome(path), true
				v.opts, v.col = surveycsv.Options{}, 0
				return readPreviewCmd(v.path, v.opts), false
			}
			if v.reading {
				return nil, false
			}
			var cmd tea.Cmd
			v.input, cmd = v.input.Update(msg)
			return cmd, false
		}
		if d, ok := scrollStep(msg, v.keys.Up, v.keys.Down, v.keys.PageUp, v.keys.PageDown, max(1, v.h-3)); ok {
			v.offset += d
			return nil, false
		}
		switch {
		case key.Matches(msg, v.keys.Back):
			v.back()
			return nil, false
		case key.Matches(msg, v.keys.Import) && v.p != nil && v.p.OK() && v.p.Rows > 0 && !v.reading:
			return v.startImport(), false
		case key.Matches(msg, v.keys.Column) && v.p != nil && len(v.p.Columns) > 0:
			n := len(v.p.Columns)
			if msg.String() == "shift+tab" {
				v.col = (v.col + n - 1) % n
			} else {
				v.col = (v.col + 1) % n
			}
		case key.Matches(msg, v.keys.Kind) && !v.reading:
			return v.nextKind(), false
		}
	}
	return nil, false
}

// back returns from the preview to the path, to correct it or choose
// another file; on the path itself it lets the view close.
func (v *importView) back() bool {
	if v.importing {
		return true // wait for the import to finish
	}
	if v.typing() {
		return false
	}
	v.p, v.err = nil, nil
	v.input.Focus()
	return true
}

// startImport saves the survey and every answer in the background (a
// 100,000-row file takes a couple of seconds), all or nothing.
func (v *importView) startImport() tea.Cmd {
	ws := v.s.ws
	if !ws.e.writable() {
		return nil
	}
	name := strings.TrimSuffix(filepath.Base(v.path), filepath.Ext(v.path))
	p, path, st, ctx, rid := v.p, v.path, ws.e.st, ws.e.ctx, ws.rev.ID
	v.importing = true
	return func() tea.Msg {
		sv := p.Survey(name, 0)
		err := surveycsv.Import(ctx, st, rid, p, &sv)
		return csvImportedMsg{path: path, sv: sv, err: err}
	}
}

// imported puts a finished import in the review; it reports true when the
// import view can close.
func (v *importView) imported(msg csvImportedMsg) bool {
	ws := v.s.ws
	if msg.err != nil {
		ws.e.fail("import the survey", msg.err)
		return false
	}
	sv := msg.sv
	ws.rev.Surveys = append(ws.rev.Surveys, sv)
	ws.touch()
	ws.e.saved()
	st, ctx, id := ws.e.st, ws.e.ctx, sv.ID
	ws.e.undo = append(ws.e.undo, undoEntry{label: "import the survey", undo: func() error { return st.Delete(ctx, store.KindSurvey, id) }})
	ws.e.importFolder = filepath.Dir(v.path) + string(filepath.Separator)
	ws.e.status = fmt.Sprintf("imported %d %s as the survey %q: add how many were sent in its details (%s)",
		sv.Respondents.Len(), text.Plural(sv.Respondents.Len(), "person's answers", "people's answers"), text.OneLine(sv.Name), ws.e.status)
	v.s.reload()
	v.s.select_("survey:" + id)
	return true
}

func (v *importView) view(w, h int) string {
	v.h = h
	st := v.s.ws.e.styles
	out := []string{st.Title.Render(text.Truncate("Import a survey from a CSV file", w)), ""}
	if v.importing {
		for _, l := range text.Wrap(fmt.Sprintf("Importing %d answers from %s… nothing is saved unless all of them are.", v.p.Rows, text.OneLine(filepath.Base(v.path))), w) {
			out = append(out, st.Text.Render(l))
		}
		return strings.Join(text.Box(out, w, h), "\n")
	}
	if v.typing() {
		out = append(out, st.Label.Render("File:"))
		v.input.SetWidth(max(10, w-4))
		out = append(out, "  "+v.input.View(), "")
		hint := "One row per person, a header row with the questions. Save it from your spreadsheet as \"CSV UTF-8\". Nothing is imported until you have seen the preview."
		if v.reading {
			hint = "Reading " + text.OneLine(v.path) + "…"
		}
		for _, l := range text.Wrap(hint, w) {
			out = append(out, st.Muted.Render(l))
		}
		return strings.Join(text.Box(out, w, h), "\n")
	}
	k := bodyKey{p: v.p, w: w, col: v.col}
	if v.err != nil {
		k.err = v.err.Error()
	}
	if k != v.bodyKey || v.body == nil {
		v.body, v.bodyKey = importPreviewLines(v.path, v.p, v.err, w, v.col), k
	}
	body := v.body
	bodyH := max(1, h-len(out))
	v.offset = max(0, min(v.offset, len(body)-bodyH))
	for _, l := range body[v.offset:min(len(body), v.offset+bodyH)] {
		out = append(out, markedLine(st, st.Issue, l))
	}
	return strings.Join(text.Box(out, w, h), "\n")
}

// importPreviewLines describes what importing the file would do. \x01
// marks headings, \x02 problems and \x03 the all-clear.
func importPreviewLines(path string, p *surveycsv.Preview, err error, w, sel int) []string {
	var out []string
	add := func(prefix, s string) {
		for _, l := range text.Wrap(s, w) {
			out = append(out, prefix+l)
		}
	}
	if err != nil {
		add("\x02", "✗ This file cannot be imported: "+text.OneLine(err.Error()))
		add("", "Nothing was changed. Press esc to choose another file.")
		return out
	}
	add("", fmt.Sprintf("%s: %d %s of answers", text.OneLine(filepath.Base(path)), p.Rows, text.Plural(p.Rows, "row", "rows")))
	if c := p.CleanedText(); c != "" {
		add("", c)
	}
	switch {
	case p.OK() && p.Rows == 0:
		add("\x02", "✗ The file has a header row but no answers under it: there is nothing to import.")
	case p.OK():
		add("\x03", fmt.Sprintf("✓ Every row can be read. Press enter to import all %d as a new survey, or esc to go back.", p.Rows))
	default:
		add("\x02", fmt.Sprintf("✗ %d %s could not be read, so nothing can be imported. Correct the file and read it again (esc):",
			len(p.Errors), text.Plural(len(p.Errors), "row", "rows")))
		// A long reason wraps under itself, so each row number stands out.
		for _, e := range p.Errors {
			for i, l := range text.Wrap(text.OneLine(e.String()), max(w-4, 10)) {
				out = append(out, "\x02"+text.Pad("  ", 2+2*min(i, 1))+l)
			}
		}
	}
	out = append(out, "", "\x01Columns (tab picks one, space changes what it is)")
	hw := 0
	for _, c := range p.Columns {
		hw = max(hw, text.Width(text.OneLine(c.Header)))
	}
	hw = min(hw, max(10, w/2))
	for i, c := range p.Columns {
		kind := c.KindText()
		if c.Kind != surveycsv.Ignore {
			kind += fmt.Sprintf(": %d %s", c.Answered, text.Plural(c.Answered, "answer", "answers"))
			if c.Excluded > 0 {
				kind += fmt.Sprintf(", %d don't know / N/A", c.Excluded)
			}
		}
		mark := "  "
		if i == sel {
			mark = "› "
		}
		out = append(out, text.Truncate(mark+text.Pad(text.OneLine(c.Header), hw)+"  "+kind, w))
	}
	if len(p.Sample) > 0 {
		out = append(out, "", "\x01First rows")
		for _, r := range p.Sample {
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = text.Truncate(text.OneLine(c), 18)
			}
			out = append(out, text.Truncate("  "+strings.Join(cells, " | "), w))
		}
	}
	return out
}
