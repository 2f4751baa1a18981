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
