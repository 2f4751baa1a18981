package ui

import (
	"testing"

	"charm.land/bubbles/v2/key"

	"scrutiny/review/example"
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
