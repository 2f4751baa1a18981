package ui

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"scrutiny/review/example"
	"scrutiny/ui/text"
)

// candidateKeys are the keys a person might press.
func candidateKeys() []string {
	var ks []string
	for c := 'a'; c <= 'z'; c++ {
		ks = append(ks, string(c), "ctrl+"+string(c))
	}
	for c := '0'; c <= '9'; c++ {
		ks = append(ks, string(c))
	}
	for _, c := range "+!/?[]JKG" {
		ks = append(ks, string(c))
	}
	for c := '0'; c <= '9'; c++ {
		ks = append(ks, "alt+"+string(c))
	}
	for _, c := range "abcefgimstvx" {
		ks = append(ks, "alt+"+string(c))
	}
	return append(ks, "enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "pgup", "pgdown",
		"home", "end", "delete", "backspace", "space", "shift+up", "shift+down", "ctrl+pgup", "ctrl+pgdown", "f1", "f5")
}

// TestEveryKeyIsInHelp presses every candidate key on every screen and
// tab; any key that changes what is shown must be one the screen's help
// (or the global help) lists.
func TestEveryKeyIsInHelp(t *testing.T) {
	st := openStore(t)
	id, err := example.Load(ctx(), st)
	if err != nil {
		t.Fatal(err)
	}
	contexts := map[string][]string{
		"home":          nil,
		"tabs":          {"enter", "esc"},
		"search":        {"enter", "ctrl+f"},
		"report-export": {"enter", "alt+8", "ctrl+e"},
	}
	for i, d := range tabDefs {
		goTo := []string{"alt+" + d.key}
		if i >= 10 {
			// Tabs past the tenth have no alt+digit: from the tenth, the next tab.
			goTo = []string{"alt+0"}
			for range i - 9 {
				goTo = append(goTo, "ctrl+pgdown")
			}
		}
		contexts["tab"+d.key] = append([]string{"enter"}, goTo...)
		contexts["tab"+d.key+"-detail"] = append(append([]string{"enter"}, goTo...), "enter")
	}
	for name, setup := range contexts {
		var tt *tester
		for _, k := range candidateKeys() {
			// A key that changed nothing leaves the tester as it was, so
			// it is rebuilt only after a key that did something.
			if tt == nil {
				tt = newTester(t, st, 100, 30, Options{})
				tt.press(setup...)
			}
			cur := tt.m.current()
			if cur.typing() && len(k) == 1 {
				continue // letters type into the field
			}
			helpKeys := append(append([]key.Binding{}, cur.help().full...), bindings(tt.m.keys)...)
			before := tt.screen()
			tt.press(k)
			changed := tt.screen() != before || tt.m.quitting
			if !changed {
				continue
			}
			tt = nil
			msg := keyMsg(k)
			listed := false
			for _, b := range helpKeys {
				if key.Matches(msg, b) {
					listed = true
					break
				}
			}
			if !listed && name == "home" && msg.Text != "" {
				listed = true // typing filters; help says "type  filter the list"
			}
			if !listed {
				t.Errorf("%s: key %q changes the screen but is not in its help", name, k)
			}
		}
	}
	_ = id
}

// TestHelpLineKeepsTheAddKey: when the help line must shorten (60
// columns), each list tab still shows its add key, says that F1 has more,
// and keeps quit; no key is cut to an ellipsis.
func TestHelpLineKeepsTheAddKey(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 20}} {
		tt, _, _ := exampleTester(t, size[0], size[1])
		for _, d := range tabDefs {
			if len(d.key) == 1 {
				tt.press("alt+" + d.key)
			} else {
				openTab(tt, d.id)
			}
			tt.press("esc", "enter") // the tab's list (or form) has the keys
			var add string
			for _, b := range tt.m.current().help().short {
				if slices.Contains(b.Keys(), "ctrl+n") {
					add = b.Help().Key + " " + terse(b.Help().Desc)
				}
			}
			lines := strings.Split(tt.screen(), "\n")
			last := strings.TrimRight(lines[len(lines)-1], " ")
			if add != "" && !strings.Contains(last, add) {
				t.Errorf("%dx%d %s: the help line lacks %q: %q", size[0], size[1], d.title, add, last)
			}
			if !strings.HasSuffix(last, "ctrl+q quit") || strings.Contains(last, "…") {
				t.Errorf("%dx%d %s: the help line is cut: %q", size[0], size[1], d.title, last)
			}
			full := append(append([]key.Binding{}, tt.m.current().help().short...), tt.m.keys.Help, tt.m.keys.Quit)
			measure := tt.m.help
			measure.SetWidth(0)
			if fits := text.Width(measure.ShortHelpView(full)) <= size[0]; !fits && !strings.Contains(last, "F1 more keys") {
				t.Errorf("%dx%d %s: keys were left out but F1 does not say so: %q", size[0], size[1], d.title, last)
			}
		}
	}
}

// TestEachKeyOnceInHelp: on every screen the help lists each key once,
// with the one meaning it has there (no "→ next tab" beside "enter/→ open
// the details", no second esc, no "ctrl+z undo" while ctrl+z forgets the
// typing). The entries that sum up typing and the text box's own keys are
// left out of the comparison: they name many keys at once.
func TestEachKeyOnceInHelp(t *testing.T) {
	st := openStore(t)
	if _, err := example.Load(ctx(), st); err != nil {
		t.Fatal(err)
	}
	contexts := map[string][]string{
		"home":           nil,
		"home-filter":    {"c"},
		"tab line":       {"enter", "esc"},
		"search":         {"enter", "ctrl+f"},
		"report-export":  {"enter", "alt+8", "ctrl+e"},
		"typing a line":  {"enter", "alt+3", "enter", "down", "enter"},
		"typing a text":  {"enter", "alt+3", "enter", "down", "down", "down", "down", "enter"},
		"typing a date":  {"enter", "alt+3", "enter", "down", "down", "enter"},
		"survey grid":    {"enter", "alt+9", "end", "alt+g"},
		"survey tally":   {"enter", "alt+9", "end", "alt+t"},
		"survey figures": {"enter", "alt+9", "end", "alt+f"},
		"survey import":  {"enter", "alt+9", "alt+i"},
	}
	for i, d := range tabDefs {
		goTo := []string{"alt+" + d.key}
		if i >= 10 {
			goTo = []string{"alt+0"}
			for range i - 9 {
				goTo = append(goTo, "ctrl+pgdown")
			}
		}
		contexts["tab "+d.key] = append([]string{"enter"}, goTo...)
		contexts["tab "+d.key+" details"] = append(append([]string{"enter"}, goTo...), "enter")
	}
	for name, setup := range contexts {
		tt := newTester(t, st, 100, 30, Options{})
		tt.press(setup...)
		typing := strings.HasPrefix(name, "typing") || name == "survey grid" || name == "survey tally" || name == "survey import" || name == "search" || name == "home-filter" || name == "report-export"
		if !strings.HasPrefix(name, "tab ") && tt.m.current().typing() != typing {
			t.Fatalf("%s: typing is %v after %q:\n%s", name, !typing, setup, tt.screen())
		}
		checkEachKeyOnce(t, name, tt)
	}
	// A CSV file's preview, read well and read with faults.
	for name, data := range map[string]string{
		"import preview": "Contact method;Ease (1-10)\nPhone;7\nEmail;10\n",
		"import faults":  "Contact method,Ease (1-10)\nPhone,7\nEmail,12\n",
	} {
		tt := newTester(t, st, 100, 30, Options{})
		tt.press("enter", "alt+9", "alt+i", "ctrl+u")
		tt.typeText(writeCSV(t, "answers.csv", data))
		tt.press("enter")
		tt.contains("First rows")
		checkEachKeyOnce(t, name, tt)
	}
}

// checkEachKeyOnce fails when two entries of the help screen share a key.
func checkEachKeyOnce(t *testing.T, name string, tt *tester) {
	t.Helper()
	catchAll := func(b key.Binding) bool {
		k := b.Help().Key
		return k == textEditingKeys().Help().Key || k == "type"
	}
	claimed := map[string]string{}
	shown := map[string]string{}
	for _, b := range tt.m.helpBindings(tt.m.current()) {
		if catchAll(b) {
			continue
		}
		hk := b.Help()
		entry := hk.Key + " " + hk.Desc
		if other, ok := shown[hk.Key]; ok {
			t.Errorf("%s: %q is listed twice: %q and %q", name, hk.Key, other, entry)
		}
		shown[hk.Key] = entry
		for _, k := range b.Keys() {
			if other, ok := claimed[k]; ok && other != entry {
				t.Errorf("%s: key %s means both %q and %q", name, k, other, entry)
			}
			claimed[k] = entry
		}
	}
}
