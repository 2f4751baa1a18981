package ui

import (
	"reflect"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Every key the workspace knows is declared in this file, grouped by the
// screen that uses it. The rule behind the choices, which the help screen
// states in one sentence: text a person types always goes into the field
// that is selected, so no letter, digit or space is ever a command where a
// field could take it. Commands use ctrl, alt or F keys, arrows, enter,
// tab and esc. Only screens with no text at all (the wall in F5, typing
// answers into the survey grid, the tab line) give printable keys a meaning.

// editingRule is that sentence, shown at the top of the help screen.
const editingRule = "Typing always goes into the selected field; commands use ctrl, alt or F keys, and esc steps back to the tabs."

func bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// Shared bindings: the same action has the same key on every screen.
var (
	keyNew      = []string{"ctrl+n"}
	keyDelete   = []string{"ctrl+d", "delete"}
	keyMoveUp   = []string{"shift+up", "alt+up"}
	keyMoveDown = []string{"shift+down", "alt+down"}
)

// globalKeys work on every screen, also while a field is being typed in.
type globalKeys struct {
	Quit  key.Binding
	Help  key.Binding
	Undo  key.Binding
	Mouse key.Binding
	// Present and Theme are handled in present.go.
	Present key.Binding
	Theme   key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:  bind([]string{"ctrl+q", "ctrl+c"}, "ctrl+q", "quit"),
		Help:  bind([]string{"f1", "ctrl+g"}, "F1", "all keys"),
		Undo:  bind([]string{"ctrl+z"}, "ctrl+z", "undo"),
		Mouse: bind([]string{"ctrl+o"}, "ctrl+o", "mouse on/off"),

		Present: bind([]string{"f5"}, "F5", "present: one thing, large, for the wall"),
		Theme:   bind([]string{"ctrl+t"}, "ctrl+t", "next theme (remembered)"),
	}
}

// wsKeys move between the tabs of a review from anywhere in it; the tab
// line has keys of its own (tabLineKeys). The digits choose a tab only on
// the tab line, where nothing can be typed; alt+digit works anywhere.
type wsKeys struct {
	AltTab, PrevTab, NextTab, Search key.Binding
	// Back is esc in a tab whose own keys leave it free.
	Back key.Binding
}

func newWsKeys() wsKeys {
	return wsKeys{
		AltTab: bind([]string{"alt+1", "alt+2", "alt+3", "alt+4", "alt+5", "alt+6", "alt+7", "alt+8", "alt+9", "alt+0"},
			"alt+1-9,0", "go to a tab"),
		PrevTab: bind([]string{"ctrl+pgup", "alt+["}, "ctrl+pgup", "previous tab (every tab, also past 0)"),
		NextTab: bind([]string{"ctrl+pgdown", "alt+]"}, "ctrl+pgdn", "next tab"),
		Search:  bind([]string{"ctrl+f"}, "ctrl+f", "search this review"),
		Back:    bind([]string{"esc"}, "esc", "back to the tab line"),
	}
}

// tabLineKeys are the keys of the tab line, shown in the help only there:
// in a tab, → and ↓ mean what the tab says.
type tabLineKeys struct {
	Tab, Move, Enter, Home key.Binding
}

func newTabLineKeys() tabLineKeys {
	return tabLineKeys{
		Tab:   bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}, "1-9,0", "tabs 1 to 10 (ctrl+pgdn for 11 on)"),
		Move:  bind([]string{"left", "right"}, "←/→", "change tab"),
		Enter: bind([]string{"enter", "down"}, "enter/↓", "into the tab"),
		Home:  bind([]string{"esc"}, "esc", "back to the list of reviews"),
	}
}

// formKeys move between the fields of a form. A printable key on a field
// starts typing in it (see form.update), so none is bound here.
type formKeys struct {
	Up, Down, PageUp, PageDown, First, Last key.Binding
	Edit, Cycle, CycleBack, Next, Prev      key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Up:        bind([]string{"up"}, "↑", "previous field"),
		Down:      bind([]string{"down"}, "↓", "next field"),
		PageUp:    bind([]string{"pgup"}, "pgup", "page up"),
		PageDown:  bind([]string{"pgdown"}, "pgdn", "page down"),
		First:     bind([]string{"home"}, "home", "first field"),
		Last:      bind([]string{"end"}, "end", "last field"),
		Edit:      bind([]string{"enter"}, "enter/type", "edit (or just start typing) / choose"),
		Cycle:     bind([]string{"right"}, "→", "next choice"),
		CycleBack: bind([]string{"left"}, "←", "previous choice"),
		Next:      bind([]string{"tab"}, "tab", "next field"),
		Prev:      bind([]string{"shift+tab"}, "shift+tab", "previous field"),
	}
}

// editKeys are the keys of a field being typed in. ↓ and tab carry on
// into the next field, as on a paper form.
type editKeys struct {
	Save, Done, NextField, PrevField, Discard, Today key.Binding
	// Move applies to one-line fields; Text lists the keys the text box
	// itself handles, so the help names them too.
	Move, Text key.Binding
}

func newEditKeys() editKeys {
	return editKeys{
		Save:      bind([]string{"ctrl+s"}, "ctrl+s", "save"),
		Done:      bind([]string{"esc"}, "esc", "save and stop typing"),
		NextField: bind([]string{"tab"}, "tab", "save, next field"),
		PrevField: bind([]string{"shift+tab"}, "shift+tab", "save, previous field"),
		Discard:   bind([]string{"ctrl+z"}, "ctrl+z", "forget this typing"),
		Today:     bind([]string{"alt+t", "ctrl+y"}, "ctrl+y", "a date: today (or type \"today\")"),
		Move:      bind([]string{"enter", "up", "down"}, "enter/↑/↓", "save, next or previous field"),
		Text:      textEditingKeys(),
	}
}

// textEditingKeys are the keys a text box uses for editing.
func textEditingKeys() key.Binding {
	return bind([]string{"backspace", "delete", "left", "right", "up", "down", "home", "end", "enter", "space",
		"ctrl+a", "ctrl+b", "ctrl+d", "ctrl+e", "ctrl+f", "ctrl+h", "ctrl+j", "ctrl+k", "ctrl+m", "ctrl+n", "ctrl+p",
		"ctrl+u", "ctrl+v", "ctrl+w", "alt+left", "alt+right", "alt+b", "alt+f", "alt+d",
		"pgup", "pgdown"}, "arrows, backspace…", "edit the text")
}

// listKeys move a cursor in a list pane.
type listKeys struct {
	Up, Down, PageUp, PageDown, First, Last key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       bind([]string{"up"}, "↑", "up"),
		Down:     bind([]string{"down"}, "↓", "down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		First:    bind([]string{"home"}, "home", "first"),
		Last:     bind([]string{"end"}, "end", "last"),
	}
}

// splitKeys move between a list and the details of its selected item.
type splitKeys struct {
	Open, Back key.Binding
}

func newSplitKeys() splitKeys {
	return splitKeys{
		Open: bind([]string{"enter", "right", "tab"}, "enter/→", "open the details"),
		Back: bind([]string{"esc"}, "esc", "back to the list"),
	}
}

// homeKeys: letters type into the list's filter here, so moving uses
// arrows only and commands are ctrl keys.
type homeKeys struct {
	Up, Down, PageUp, PageDown, First, Last key.Binding
	Open, New, Archive, Delete, Bin, Clear  key.Binding
	Filter                                  key.Binding
}

func newHomeKeys() homeKeys {
	return homeKeys{
		Up:       bind([]string{"up"}, "↑", "up"),
		Down:     bind([]string{"down"}, "↓", "down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		First:    bind([]string{"home"}, "home", "first"),
		Last:     bind([]string{"end"}, "end", "last"),
		Open:     bind([]string{"enter"}, "enter", "open; in the bin: restore"),
		New:      bind(keyNew, "ctrl+n", "new review"),
		Archive:  bind([]string{"ctrl+a"}, "ctrl+a", "archive / unarchive"),
		Delete:   bind(keyDelete, "ctrl+d", "move to the bin"),
		Bin:      bind([]string{"tab", "shift+tab"}, "tab", "reviews / bin"),
		Clear:    bind([]string{"esc"}, "esc", "clear the filter"),
		Filter:   bind([]string{"backspace"}, "type", "filter the list"),
	}
}

// welcomeKeys: the first screen is a menu, but a new user may start typing
// a review's title here, so letters choose nothing.
type welcomeKeys struct {
	Up, Down, Choose, New key.Binding
}

func newWelcomeKeys() welcomeKeys {
	return welcomeKeys{
		Up:     bind([]string{"up"}, "↑", "up"),
		Down:   bind([]string{"down"}, "↓", "down"),
		Choose: bind([]string{"enter"}, "enter", "choose"),
		New:    bind(keyNew, "ctrl+n", "new review"),
	}
}

type searchKeys struct{ Up, Down, Go, Cancel, Text key.Binding }

func newSearchKeys() searchKeys {
	return searchKeys{
		Up:     bind([]string{"up", "ctrl+p"}, "↑", "previous result"),
		Down:   bind([]string{"down", "ctrl+n"}, "↓", "next result"),
		Go:     bind([]string{"enter"}, "enter", "go to it"),
		Cancel: bind([]string{"esc"}, "esc", "close the search"),
		Text:   textEditingKeys(),
	}
}

// The tabs' own commands. ctrl+n adds the tab's main kind of item and
// ctrl+d deletes on every tab; the rest are alt+letter, named in the help.

type evidenceKeys struct {
	Add, AddGood, AddIssue, Delete, MoveUp, MoveDown key.Binding
}

func newEvidenceKeys() evidenceKeys {
	return evidenceKeys{
		Add:      bind(keyNew, "ctrl+n", "add evidence"),
		AddGood:  bind([]string{"alt+g"}, "alt+g", "add good practice"),
		AddIssue: bind([]string{"alt+i"}, "alt+i", "add an issue"),
		Delete:   bind(keyDelete, "ctrl+d", "move to the bin"),
		MoveUp:   bind(keyMoveUp, "shift+↑", "move up"),
		MoveDown: bind(keyMoveDown, "shift+↓", "move down"),
	}
}

type findingsKeys struct {
	Add, Delete, Group key.Binding
}

func newFindingsKeys() findingsKeys {
	return findingsKeys{
		Add:    bind(keyNew, "ctrl+n", "add a finding"),
		Delete: bind(keyDelete, "ctrl+d", "move to the bin"),
		Group:  bind([]string{"alt+v"}, "alt+v", "group by evidence / kind"),
	}
}

type recsKeys struct {
	Add, AddSub, Delete, MoveUp, MoveDown key.Binding
}

func newRecsKeys() recsKeys {
	return recsKeys{
		Add:      bind(keyNew, "ctrl+n", "add a recommendation"),
		AddSub:   bind([]string{"alt+s"}, "alt+s", "add a sub-point"),
		Delete:   bind(keyDelete, "ctrl+d", "delete"),
		MoveUp:   bind(keyMoveUp, "shift+↑", "move up"),
		MoveDown: bind(keyMoveDown, "shift+↓", "move down"),
	}
}

type scoringKeys struct{ Add, Delete, Vote, Template key.Binding }

func newScoringKeys() scoringKeys {
	return scoringKeys{
		Add:  bind(keyNew, "ctrl+n", "add a criterion"),
		Vote: bind([]string{"alt+v"}, "alt+v", "take the room's votes, large for the wall"),
		// Template offers the ready-made sets of criteria (criteria_templates.go).
		Template: bind([]string{"alt+c"}, "alt+c", "add criteria from a ready-made set"),
		Delete:   bind(keyDelete, "ctrl+d", "delete this criterion"),
	}
}

type reportKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Export key.Binding
}

func newReportKeys() reportKeys {
	return reportKeys{
		Up:       bind([]string{"up"}, "↑", "scroll up"),
		Down:     bind([]string{"down"}, "↓", "scroll down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		Top:      bind([]string{"home"}, "home", "top"),
		Bottom:   bind([]string{"end"}, "end", "bottom"),
		Export:   bind([]string{"ctrl+e", "alt+e"}, "ctrl+e", "export to a file"),
	}
}

type exportKeys struct{ Write, Format, Cancel, Text key.Binding }

func newExportKeys() exportKeys {
	return exportKeys{
		Write:  bind([]string{"enter"}, "enter", "write the file"),
		Format: bind([]string{"tab"}, "tab", "next format (markdown, web page, Word)"),
		Cancel: bind([]string{"esc"}, "esc", "cancel"),
		Text:   textEditingKeys(),
	}
}

type surveysKeys struct {
	AddStandard, AddSurvey, Import, Figures, Grid, Tally, Delete key.Binding
}

func newSurveysKeys() surveysKeys {
	return surveysKeys{
		AddStandard: bind([]string{"alt+a"}, "alt+a", "add a service standard"),
		AddSurvey:   bind(keyNew, "ctrl+n", "new survey"),
		Import:      bind([]string{"alt+i"}, "alt+i", "import a survey from a CSV file"),
		Figures:     bind([]string{"alt+f"}, "alt+f", "survey figures and charts"),
		Grid:        bind([]string{"alt+g"}, "alt+g", "type answers, one person at a time"),
		Tally:       bind([]string{"alt+t"}, "alt+t", "enter how many gave each answer"),
		Delete:      bind(keyDelete, "ctrl+d", "move to the bin"),
	}
}

type meetingsKeys struct {
	AddMeeting, AddMember, Delete, Minutes, Timer key.Binding
}

func newMeetingsKeys() meetingsKeys {
	return meetingsKeys{
		AddMeeting: bind(keyNew, "ctrl+n", "add a meeting"),
		AddMember:  bind([]string{"alt+m"}, "alt+m", "add a panel member"),
		Delete:     bind(keyDelete, "ctrl+d", "move to the bin"),
		Minutes:    bind([]string{"alt+x"}, "alt+x", "export the minutes"),
		Timer:      bind([]string{"alt+s"}, "alt+s", "start the agenda timer on the wall (next item)"),
	}
}

// Subviews of the Surveys tab. The grid and the tally take answers, so
// their digits and letters are what is typed, not commands.

type gridKeys struct {
	Digits, Next, Prev, Erase, DontKnow, YesNo, SaveRow, Undo, Back key.Binding
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

type tallyKeys struct {
	Digits, Up, Down, Question, Erase, Save, Undo, Back key.Binding
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

type figuresKeys struct {
	Up, Down, PageUp, PageDown, First, Last, Split, Back key.Binding
}

func newFiguresKeys() figuresKeys {
	return figuresKeys{
		Up:       bind([]string{"up"}, "↑", "scroll up"),
		Down:     bind([]string{"down"}, "↓", "scroll down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		First:    bind([]string{"home"}, "home", "top"),
		Last:     bind([]string{"end"}, "end", "bottom"),
		Split:    bind([]string{"alt+b"}, "alt+b", "split by contact method… (next attribute)"),
		Back:     bind([]string{"esc"}, "esc", "back to the list"),
	}
}

type importKeys struct {
	Read, Import, Column, Kind, Up, Down, PageUp, PageDown, Back key.Binding
}

func newImportKeys() importKeys {
	return importKeys{
		Read:     bind([]string{"enter"}, "enter", "read the file"),
		Import:   bind([]string{"enter"}, "enter", "import every row"),
		Column:   bind([]string{"tab", "shift+tab"}, "tab", "next column (to change what it is)"),
		Kind:     bind([]string{"space"}, "space", "change what the column is: scale, yes/no, attribute…"),
		Up:       bind([]string{"up"}, "↑", "scroll up"),
		Down:     bind([]string{"down"}, "↓", "scroll down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		Back:     bind([]string{"esc"}, "esc", "back"),
	}
}

// roomKeys are the keys of presentation mode (F5), where nothing is typed:
// the facilitator's keys act like a remote control. The two that work
// everywhere (present, theme) live in globalKeys so the help lists them.
type roomKeys struct {
	Next   key.Binding
	Prev   key.Binding
	Vote   key.Binding
	Unvote key.Binding
	Leave  key.Binding
	Theme  key.Binding
}

func newRoomKeys() roomKeys {
	return roomKeys{
		Next:   bind([]string{"down", "right", "pgdown", "space"}, "↓", "the next item"),
		Prev:   bind([]string{"up", "left", "pgup"}, "↑", "the previous item"),
		Vote:   bind([]string{"1", "2", "3", "4"}, "1-4", "a vote: poor, fair, good, excellent"),
		Unvote: bind([]string{"backspace", "-"}, "⌫", "take back the last vote"),
		Leave:  bind([]string{"esc", "f5"}, "esc", "leave presentation"),
		Theme:  bind([]string{"t", "ctrl+t"}, "t", "next theme"),
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

// typingKeys are the printable keys, for help entries that say what
// typing does on a screen.
func typingKeys() []string {
	ks := []string{"space"}
	for c := '!'; c <= '~'; c++ {
		ks = append(ks, string(c))
	}
	return ks
}

// typeKeys say in the help what typing does: in a form it goes into the
// selected field; in a list it changes nothing and says how to start.
type typeKeys struct{ InField, InList key.Binding }

func newTypeKeys() typeKeys {
	return typeKeys{
		InField: bind(typingKeys(), "type", "type into the selected field (enter and ↓ go on to the next)"),
		InList:  bind(typingKeys(), "type", "in a list, typing does nothing: enter opens the item to type in it"),
	}
}

// typed is the text a key press types, or "" for a command key: a key
// with text and no modifier but shift (or a lock) is typing, never a
// command.
func typed(msg tea.KeyPressMsg) string {
	if msg.Mod&^(tea.ModShift|tea.ModCapsLock|tea.ModNumLock|tea.ModScrollLock) != 0 {
		return ""
	}
	return msg.Text
}

// responseKeys are the Board response tab's: the action plan.
type responseKeys struct {
	AddAction, AddUpdate, Delete, Stage key.Binding
}

func newResponseKeys() responseKeys {
	return responseKeys{
		AddAction: bind(keyNew, "ctrl+n", "add an action"),
		AddUpdate: bind([]string{"alt+u"}, "alt+u", "add an update to the action"),
		Delete:    bind(keyDelete, "ctrl+d", "delete the action"),
		Stage:     bind([]string{"alt+g"}, "alt+g", "move the review to the suggested stage"),
	}
}

// followUpKeys are the Follow-up tab's.
type followUpKeys struct {
	Add, Delete key.Binding
}

func newFollowUpKeys() followUpKeys {
	return followUpKeys{
		Add:    bind(keyNew, "ctrl+n", "plan a follow-up point"),
		Delete: bind(keyDelete, "ctrl+d", "delete the follow-up point"),
	}
}

// scorecardKeys are the scorecard tab's (tab_scorecard.go).
type scorecardKeys struct {
	Panel, Add, New, Remove key.Binding
}

func newScorecardKeys() scorecardKeys {
	return scorecardKeys{
		Panel:  bind([]string{"alt+p"}, "alt+p", "this review's measures / all the panel's"),
		Add:    bind([]string{"alt+a"}, "alt+a", "add the measure to this review"),
		New:    bind(keyNew, "ctrl+n", "add an indicator (the panel's own)"),
		Remove: bind(keyDelete, "ctrl+d", "take out of this review (all the panel's: to the bin)"),
	}
}
