package ui

import (
	"slices"
	"strings"
	"testing"
)

// The tab bar uses full names when they fit, shortens the longest others
// first when they do not, always fits, and marks the current tab with
// brackets so it shows without colour.
func TestTabBarNamesFitAndCurrentIsBracketed(t *testing.T) {
	tt, _, _ := exampleTester(t, 140, 30)
	tabs := strings.Split(tt.screen(), "\n")[1]
	for _, want := range []string{"[1 Overview]", "2 Scope", "3 Evidence", "4 Findings", "6 Scoring", "7 Judgement", "8 Report"} {
		if !strings.Contains(tabs, want) {
			t.Errorf("at 140 columns the tabs %q lack %q", tabs, want)
		}
	}
	tt.press("alt+5")
	tabs = strings.Split(tt.screen(), "\n")[1]
	if !strings.Contains(tabs, "[5 Recommendations]") {
		t.Errorf("current tab not full and bracketed: %q", tabs)
	}
	tt.send(windowSize(200, 30))
	tabs = strings.Split(tt.screen(), "\n")[1]
	for _, d := range tabDefs {
		if !strings.Contains(tabs, d.key+" "+d.title) {
			t.Errorf("at 200 columns %q lacks the full %q", tabs, d.title)
		}
	}
	for _, w := range []int{60, 70, 80, 90, 100, 120} {
		for a := range tabDefs {
			z := tabZones(w, a)
			if end := z[len(z)-1][1]; end > w {
				t.Errorf("tabs at width %d (current %d) take %d cells", w, a, end)
			}
		}
	}
	tt.send(windowSize(60, 20))
	tt.press("alt+3")
	tabs = strings.Split(tt.screen(), "\n")[1]
	if !strings.Contains(tabs, "[3 Evidence]") {
		t.Errorf("at 60 columns the current tab is %q", tabs)
	}
}

// Where the tab line has room for every short title (110 columns for the
// thirteen tabs), every tab keeps a name: the current one gives up its full
// title before any other tab is cut to a bare number. At 80 columns the
// current tab always keeps its name.
func TestTabBarAt80KeepsEveryName(t *testing.T) {
	for a, d := range tabDefs {
		for i, l := range tabLabels(110, a) {
			if l == tabDefs[i].key {
				t.Errorf("current %q: tab %q shows only its number: %q", d.title, tabDefs[i].title, tabLabels(110, a))
			}
		}
		if l := tabLabels(80, a)[a]; l == d.key {
			t.Errorf("at 80 columns the current tab %q shows only its number", d.title)
		}
	}
}

// The table allows tabs past the tenth: they are numbered on the tab line,
// reached with ] and [, and the tab line still fits from 60 columns.
func TestTabsPastTenAreReachable(t *testing.T) {
	saved := tabDefs
	t.Cleanup(func() { tabDefs = saved })
	tabDefs = append(slices.Clone(saved),
		tabDef{"extra-a", "91", "Extra A", "A", func(ws *workspace) tab { return newScope(ws) }},
		tabDef{"extra-b", "92", "Extra B", "B", func(ws *workspace) tab { return newScope(ws) }})
	seen := map[string]bool{}
	for _, d := range tabDefs {
		if seen[d.key] || seen[string(d.id)] {
			t.Errorf("tab key or name %q/%q used twice", d.key, d.id)
		}
		seen[d.key], seen[string(d.id)] = true, true
	}
	for _, w := range []int{60, 80} {
		for a := range tabDefs {
			z := tabZones(w, a)
			if end := z[len(z)-1][1]; end > w {
				t.Errorf("%d tabs at width %d (current %d) take %d cells", len(tabDefs), w, a, end)
			}
		}
	}
	tt, _, _ := exampleTester(t, 80, 24)
	tt.press("alt+0", "ctrl+pgdown")
	if got := tabDefs[tt.m.ws.active].id; got != tabDefs[10].id {
		t.Fatalf("] after the tenth tab opened %q", got)
	}
	if tabs := strings.Split(tt.screen(), "\n")[1]; !strings.Contains(tabs, "["+tabDefs[10].key+" ") {
		t.Errorf("the eleventh tab is not shown as current: %q", tabs)
	}
	for range len(tabDefs) - 11 {
		tt.press("ctrl+pgdown")
	}
	if got := tabDefs[tt.m.ws.active].id; got != "extra-b" {
		t.Fatalf("ctrl+pgdown to the end opened %q, want the last", got)
	}
	tt.press("ctrl+pgdown")
	if got := tabDefs[tt.m.ws.active].id; got != tabOverview {
		t.Errorf("] past the last tab opened %q, want the first", got)
	}
	tt.press("ctrl+pgup")
	if got := tabDefs[tt.m.ws.active].id; got != "extra-b" {
		t.Errorf("[ from the first tab opened %q, want the last", got)
	}
}
