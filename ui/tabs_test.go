package ui

import (
	"strings"
	"testing"
)

// The tab bar uses full names when they fit, shortens the longest others
// first when they do not, always fits, and marks the current tab with
// brackets so it shows without colour.
func TestTabBarNamesFitAndCurrentIsBracketed(t *testing.T) {
	tt, _, _ := exampleTester(t, 100, 30)
	tabs := strings.Split(tt.screen(), "\n")[1]
	for _, want := range []string{"[1 Overview]", "2 Scope", "3 Evidence", "4 Findings", "6 Scoring", "7 Judgement", "8 Report"} {
		if !strings.Contains(tabs, want) {
			t.Errorf("at 100 columns the tabs %q lack %q", tabs, want)
		}
	}
	tt.press("5")
	tabs = strings.Split(tt.screen(), "\n")[1]
	if !strings.Contains(tabs, "[5 Recommendations]") {
		t.Errorf("current tab not full and bracketed: %q", tabs)
	}
	tt.send(windowSize(180, 30))
	tabs = strings.Split(tt.screen(), "\n")[1]
	for _, d := range stageDefs {
		if !strings.Contains(tabs, d.key+" "+d.title) {
			t.Errorf("at 180 columns %q lacks the full %q", tabs, d.title)
		}
	}
	for _, w := range []int{60, 70, 80, 90, 100, 120} {
		for a := range stageDefs {
			z := tabZones(w, a)
			if end := z[len(z)-1][1]; end > w {
				t.Errorf("tabs at width %d (current %d) take %d cells", w, a, end)
			}
		}
	}
	tt.send(windowSize(60, 20))
	tt.press("3")
	tabs = strings.Split(tt.screen(), "\n")[1]
	if !strings.Contains(tabs, "[3 Evidence]") {
		t.Errorf("at 60 columns the current tab is %q", tabs)
	}
}

// At 80 columns every tab keeps a name: the current one gives up its full
// title before any other tab is cut to a bare number.
func TestTabBarAt80KeepsEveryName(t *testing.T) {
	for a, d := range stageDefs {
		for i, l := range tabLabels(80, a) {
			if l == stageDefs[i].key {
				t.Errorf("current %q: tab %q shows only its number: %q", d.title, stageDefs[i].title, tabLabels(80, a))
			}
		}
	}
}
