package ui

import (
	"reflect"

	"charm.land/bubbles/v2/key"
)

func bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// globalKeys work on every screen (quit and help also inside text fields
// when they are ctrl keys; "q" and "?" type themselves there).
type globalKeys struct {
	Quit  key.Binding
	Help  key.Binding
	Undo  key.Binding
	Mouse key.Binding
	// Present and Theme are handled in room.go.
	Present key.Binding
	Theme   key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:  bind([]string{"q", "ctrl+c"}, "q", "quit"),
		Help:  bind([]string{"?"}, "?", "all keys"),
		Undo:  bind([]string{"ctrl+z"}, "ctrl+z", "undo"),
		Mouse: bind([]string{"ctrl+o"}, "ctrl+o", "mouse on/off"),

		Present: bind([]string{"f5"}, "F5", "present: one thing, large, for the wall"),
		Theme:   bind([]string{"ctrl+t"}, "ctrl+t", "next theme (remembered)"),
	}
}

// bindings lists every key.Binding field of a key map struct, in field
// order. Full help is built from it, so a binding added to a key map shows
// in the "?" screen without anyone remembering to list it.
func bindings(km any) []key.Binding {
	v := reflect.ValueOf(km)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	var out []key.Binding
	bt := reflect.TypeOf(key.Binding{})
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Type() == bt {
			b := f.Interface().(key.Binding)
			if b.Enabled() {
				out = append(out, b)
			}
		}
	}
	return out
}

// columns splits bindings into groups of n for the full help view.
func columns(bs []key.Binding, n int) [][]key.Binding {
	var out [][]key.Binding
	for len(bs) > n {
		out = append(out, bs[:n])
		bs = bs[n:]
	}
	if len(bs) > 0 {
		out = append(out, bs)
	}
	return out
}

// helpMap adapts plain binding lists to help.KeyMap.
type helpMap struct {
	short []key.Binding
	full  []key.Binding
}

func (h helpMap) ShortHelp() []key.Binding  { return h.short }
func (h helpMap) FullHelp() [][]key.Binding { return columns(h.full, 6) }

type searchKeys struct{ Up, Down, Go, Cancel, Text key.Binding }

type exportKeys struct{ Write, Format, Cancel, Text key.Binding }

type scoringKeys struct{ Add, Delete, Vote, Template key.Binding }

func newFormKeys() formKeys {
	return formKeys{
		Up:        bind([]string{"up", "k"}, "↑/k", "up"),
		Down:      bind([]string{"down", "j"}, "↓/j", "down"),
		PageUp:    bind([]string{"pgup"}, "pgup", "page up"),
		PageDown:  bind([]string{"pgdown"}, "pgdn", "page down"),
		First:     bind([]string{"home", "g"}, "home/g", "first"),
		Last:      bind([]string{"end", "G"}, "end/G", "last"),
		Edit:      bind([]string{"enter", "e"}, "enter/e", "edit / choose"),
		Cycle:     bind([]string{"right", "space"}, "→/space", "next choice"),
		CycleBack: bind([]string{"left"}, "←", "previous choice"),
		Next:      bind([]string{"tab"}, "tab", "next field"),
		Prev:      bind([]string{"shift+tab"}, "shift+tab", "previous field"),
	}
}

// textEditingKeys are the keys a text box uses for editing.
func textEditingKeys() key.Binding {
	return bind([]string{"backspace", "delete", "left", "right", "up", "down", "home", "end", "enter", "space",
		"ctrl+a", "ctrl+b", "ctrl+d", "ctrl+e", "ctrl+f", "ctrl+h", "ctrl+k", "ctrl+m", "ctrl+n", "ctrl+p",
		"ctrl+t", "ctrl+u", "ctrl+v", "ctrl+w", "alt+left", "alt+right", "alt+b", "alt+f", "alt+d",
		"pgup", "pgdown"}, "arrows, backspace…", "edit the text")
}

func newEditKeys() editKeys {
	return editKeys{
		Save:      bind([]string{"ctrl+s"}, "ctrl+s", "save"),
		Done:      bind([]string{"esc"}, "esc", "save and stop typing"),
		NextField: bind([]string{"tab"}, "tab", "save, next field"),
		PrevField: bind([]string{"shift+tab"}, "shift+tab", "save, previous field"),
		Discard:   bind([]string{"ctrl+z"}, "ctrl+z", "forget this typing"),
		Move:      bind([]string{"enter", "up", "down"}, "enter/↑/↓", "save (and move)"),
		Text:      textEditingKeys(),
	}
}

func newListKeys() listKeys {
	return listKeys{
		Up:       bind([]string{"up", "k"}, "↑/k", "up"),
		Down:     bind([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		First:    bind([]string{"home"}, "home", "first"),
		Last:     bind([]string{"end"}, "end", "last"),
	}
}

func newRoomKeys() roomKeys {
	return roomKeys{
		Next:   bind([]string{"down", "right", "pgdown", "space"}, "↓", "the next item"),
		Prev:   bind([]string{"up", "left", "pgup"}, "↑", "the previous item"),
		Vote:   bind([]string{"1", "2", "3", "4"}, "1-4", "a vote: poor, fair, good, excellent"),
		Unvote: bind([]string{"backspace", "-"}, "⌫", "take back the last vote"),
		Leave:  bind([]string{"esc", "f5", "q"}, "esc", "leave presentation"),
		Theme:  bind([]string{"t", "ctrl+t"}, "t", "next theme"),
	}
}

func newHomeKeys() homeKeys {
	return homeKeys{
		// Letters type into the filter here, so moving uses arrows only.
		Up:       bind([]string{"up"}, "↑", "up"),
		Down:     bind([]string{"down"}, "↓", "down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		First:    bind([]string{"home"}, "home", "first"),
		Last:     bind([]string{"end"}, "end", "last"),
		Open:     bind([]string{"enter"}, "enter", "open; in the bin: restore"),
		New:      bind([]string{"ctrl+n"}, "ctrl+n", "new review"),
		Archive:  bind([]string{"ctrl+a"}, "ctrl+a", "archive / unarchive"),
		Delete:   bind([]string{"delete", "ctrl+d"}, "del", "move to the bin"),
		Bin:      bind([]string{"tab", "shift+tab"}, "tab", "reviews / bin"),
		Clear:    bind([]string{"esc"}, "esc", "clear the filter"),
		Filter:   bind([]string{"backspace"}, "type", "filter the list"),
		// "/" first lets a filter start with q or ?, which otherwise
		// quit and show help.
		Find: bind([]string{"/"}, "/", "filter (then q and ? type too)"),
	}
}

func newWelcomeKeys() welcomeKeys {
	return welcomeKeys{
		Up:      bind([]string{"up", "k"}, "↑", "up"),
		Down:    bind([]string{"down", "j"}, "↓", "down"),
		Choose:  bind([]string{"enter"}, "enter", "choose"),
		New:     bind([]string{"n"}, "n", "new review"),
		Example: bind([]string{"e"}, "e", "load the example"),
	}
}

func newSearchKeys() searchKeys {
	return searchKeys{
		Up:     bind([]string{"up", "ctrl+p"}, "↑", "previous result"),
		Down:   bind([]string{"down", "ctrl+n"}, "↓", "next result"),
		Go:     bind([]string{"enter"}, "enter", "go to it"),
		Cancel: bind([]string{"esc"}, "esc", "close the search"),
		Text:   textEditingKeys(),
	}
}

func newGridKeys() gridKeys {
	return gridKeys{
		Digits:   bind([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "0-9", "type a score (or a choice's number)"),
		Next:     bind([]string{"enter", "tab", "right"}, "enter", "next question; on the last one, save the row"),
		Prev:     bind([]string{"shift+tab", "left"}, "←", "previous question"),
		Erase:    bind([]string{"backspace"}, "backspace", "rub out"),
		DontKnow: bind([]string{"x", "?"}, "x", "don't know / N/A"),
		YesNo:    bind([]string{"y", "n"}, "y/n", "yes or no"),
		SaveRow:  bind([]string{"ctrl+s"}, "ctrl+s", "save the row now (the rest left blank)"),
		Undo:     bind([]string{"ctrl+z"}, "ctrl+z", "forget the row being typed; on an empty row, undo the last save"),
		Back:     bind([]string{"esc"}, "esc", "stop typing answers"),
	}
}

func newTallyKeys() tallyKeys {
	return tallyKeys{
		Digits:   bind([]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, "0-9", "type how many"),
		Up:       bind([]string{"up", "shift+tab"}, "↑", "previous answer (saves)"),
		Down:     bind([]string{"down", "enter", "tab"}, "enter/↓", "save, next answer"),
		Question: bind([]string{"left", "right"}, "←/→", "previous / next question (saves)"),
		Erase:    bind([]string{"backspace"}, "backspace", "rub out"),
		Save:     bind([]string{"ctrl+s"}, "ctrl+s", "save"),
		Undo:     bind([]string{"ctrl+z"}, "ctrl+z", "forget the typing; if none, undo the last save"),
		Back:     bind([]string{"esc"}, "esc", "save and go back"),
	}
}

func newFiguresKeys() figuresKeys {
	return figuresKeys{
		Up:       bind([]string{"up", "k"}, "↑/k", "scroll up"),
		Down:     bind([]string{"down", "j"}, "↓/j", "scroll down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "space"}, "pgdn", "page down"),
		First:    bind([]string{"home"}, "home", "top"),
		Last:     bind([]string{"end"}, "end", "bottom"),
		Split:    bind([]string{"b"}, "b", "split by contact method… (next attribute)"),
		Back:     bind([]string{"esc"}, "esc", "back to the list"),
	}
}

func newImportKeys() importKeys {
	return importKeys{
		Read:     bind([]string{"enter"}, "enter", "read the file"),
		Import:   bind([]string{"enter", "y"}, "enter", "import every row"),
		Column:   bind([]string{"tab", "shift+tab"}, "tab", "next column (to change what it is)"),
		Kind:     bind([]string{"space"}, "space", "change what the column is: scale, yes/no, attribute…"),
		Up:       bind([]string{"up", "k"}, "↑", "scroll up"),
		Down:     bind([]string{"down", "j"}, "↓", "scroll down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		Back:     bind([]string{"esc"}, "esc", "back"),
	}
}

func newEvidenceKeys() evidenceKeys {
	return evidenceKeys{
		Add:      bind([]string{"a", "n"}, "a", "add evidence"),
		AddGood:  bind([]string{"+", "p"}, "+/p", "add good practice"),
		AddIssue: bind([]string{"!", "i"}, "!/i", "add an issue"),
		Delete:   bind([]string{"delete", "d"}, "d/del", "move to the bin"),
		MoveUp:   bind([]string{"shift+up", "K"}, "shift+↑", "move up"),
		MoveDown: bind([]string{"shift+down", "J"}, "shift+↓", "move down"),
	}
}

func newFindingsKeys() findingsKeys {
	return findingsKeys{
		Add:    bind([]string{"a", "n"}, "a", "add a finding"),
		Delete: bind([]string{"delete", "d"}, "d/del", "move to the bin"),
		Group:  bind([]string{"v"}, "v", "group by evidence / kind"),
	}
}

func newMeetingsKeys() meetingsKeys {
	return meetingsKeys{
		AddMeeting: bind([]string{"a", "n"}, "a", "add a meeting"),
		AddMember:  bind([]string{"m"}, "m", "add a panel member"),
		Delete:     bind([]string{"delete", "d"}, "d/del", "move to the bin"),
		Minutes:    bind([]string{"x"}, "x", "export the minutes"),
		Timer:      bind([]string{"s"}, "s", "time the next agenda item on the wall"),
	}
}

func newRecsKeys() recsKeys {
	return recsKeys{
		Add:      bind([]string{"a", "n"}, "a", "add a recommendation"),
		AddSub:   bind([]string{"s"}, "s", "add a sub-point"),
		Delete:   bind([]string{"delete", "d"}, "d/del", "delete"),
		MoveUp:   bind([]string{"shift+up", "K"}, "shift+↑", "move up"),
		MoveDown: bind([]string{"shift+down", "J"}, "shift+↓", "move down"),
	}
}

func newReportKeys() reportKeys {
	return reportKeys{
		Up:       bind([]string{"up", "k"}, "↑/k", "scroll up"),
		Down:     bind([]string{"down", "j"}, "↓/j", "scroll down"),
		PageUp:   bind([]string{"pgup", "b"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "space", "f"}, "pgdn/space", "page down"),
		Top:      bind([]string{"home", "g"}, "home/g", "top"),
		Bottom:   bind([]string{"end", "G"}, "end/G", "bottom"),
		Export:   bind([]string{"e", "x", "ctrl+e"}, "e", "export to a file"),
	}
}

func newExportKeys() exportKeys {
	return exportKeys{
		Write:  bind([]string{"enter"}, "enter", "write the file"),
		Format: bind([]string{"tab"}, "tab", "next format (markdown, web page, Word)"),
		Cancel: bind([]string{"esc"}, "esc", "cancel"),
		Text:   textEditingKeys(),
	}
}

func newScoringKeys() scoringKeys {
	return scoringKeys{
		Add:  bind([]string{"a", "n"}, "a", "add a criterion"),
		Vote: bind([]string{"v"}, "v", "take the room's votes, large for the wall"),
		// Template offers the ready-made sets of criteria (criteria_templates.go).
		Template: bind([]string{"c"}, "c", "add criteria from a ready-made set"),
		Delete:   bind([]string{"delete", "d"}, "d/del", "delete this criterion"),
	}
}

func newSplitKeys() splitKeys {
	return splitKeys{
		Open: bind([]string{"enter", "right", "tab"}, "enter/→", "open the details"),
		Back: bind([]string{"esc", "shift+tab"}, "esc", "back to the list"),
	}
}

func newSurveysKeys() surveysKeys {
	return surveysKeys{
		AddStandard: bind([]string{"a"}, "a", "add a service standard"),
		AddSurvey:   bind([]string{"n"}, "n", "new survey"),
		Import:      bind([]string{"i"}, "i", "import a survey from a CSV file"),
		Figures:     bind([]string{"f", "v"}, "f", "survey figures and charts"),
		Grid:        bind([]string{"g"}, "g", "type answers, one person at a time"),
		Tally:       bind([]string{"t"}, "t", "enter how many gave each answer"),
		Delete:      bind([]string{"delete", "d"}, "d/del", "move to the bin"),
	}
}

func newWsKeys() wsKeys {
	return wsKeys{
		Tab:      bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}, "1-9,0", "go to a tab"),
		PrevTab:  bind([]string{"["}, "[", "previous tab (every tab, also past 0)"),
		NextTab:  bind([]string{"]"}, "]", "next tab"),
		Search:   bind([]string{"/"}, "/", "search this review"),
		Back:     bind([]string{"esc"}, "esc", "back: tabs, then list"),
		TabLeft:  bind([]string{"left"}, "←/→", "tabs: change tab"),
		TabRight: bind([]string{"right"}, "→", "tabs: next tab"),
		Enter:    bind([]string{"enter", "down"}, "enter/↓", "tabs: into the tab"),
	}
}

type formKeys struct {
	Up, Down, PageUp, PageDown, First, Last key.Binding
	Edit, Cycle, CycleBack, Next, Prev      key.Binding
}

type editKeys struct {
	Save, Done, NextField, PrevField, Discard key.Binding
	// Move applies to one-line fields; Text lists the keys the text box
	// itself handles, so the help names them too.
	Move, Text key.Binding
}

// listKeys move a cursor in a list pane.
type listKeys struct {
	Up, Down, PageUp, PageDown, First, Last key.Binding
}

// roomKeys are the keys of presentation mode; the two that work everywhere
// (present, theme) live in globalKeys so the help lists them.
type roomKeys struct {
	Next   key.Binding
	Prev   key.Binding
	Vote   key.Binding
	Unvote key.Binding
	Leave  key.Binding
	Theme  key.Binding
}

type homeKeys struct {
	Up, Down, PageUp, PageDown, First, Last key.Binding
	Open, New, Archive, Delete, Bin, Clear  key.Binding
	Filter, Find                            key.Binding
}

type welcomeKeys struct {
	Up, Down, Choose, New, Example key.Binding
}

type gridKeys struct {
	Digits, Next, Prev, Erase, DontKnow, YesNo, SaveRow, Undo, Back key.Binding
}

type tallyKeys struct {
	Digits, Up, Down, Question, Erase, Save, Undo, Back key.Binding
}

type figuresKeys struct {
	Up, Down, PageUp, PageDown, First, Last, Split, Back key.Binding
}

type importKeys struct {
	Read, Import, Column, Kind, Up, Down, PageUp, PageDown, Back key.Binding
}

type evidenceKeys struct {
	Add, AddGood, AddIssue, Delete, MoveUp, MoveDown key.Binding
}

type findingsKeys struct {
	Add, Delete, Group key.Binding
}

type meetingsKeys struct {
	AddMeeting, AddMember, Delete, Minutes, Timer key.Binding
}

type recsKeys struct {
	Add, AddSub, Delete, MoveUp, MoveDown key.Binding
}

type reportKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Export key.Binding
}

type splitKeys struct {
	Open, Back key.Binding
}

type surveysKeys struct {
	AddStandard, AddSurvey, Import, Figures, Grid, Tally, Delete key.Binding
}

type wsKeys struct {
	Tab, PrevTab, NextTab, Search, Back key.Binding
	TabLeft, TabRight, Enter            key.Binding
}
