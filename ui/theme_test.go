package ui

import (
	"image/color"
	"regexp"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// colourSGR matches a select-graphic-rendition sequence that sets a colour.
var colourSGR = regexp.MustCompile(`\x1b\[(?:[0-9;:]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:[;:][0-9;:]*)?m`)

// TestMonochromeHasNoColour walks every tab, a field being edited, the
// help and the report under the monochrome theme (what NO_COLOR gives):
// not one colour escape may be drawn.
func TestMonochromeHasNoColour(t *testing.T) {
	st := openStore(t)
	tt := newTester(t, st, 100, 30, Options{Theme: "monochrome"})
	check := func(where string) {
		t.Helper()
		if c := colourSGR.FindString(tt.m.Render()); c != "" {
			t.Fatalf("%s: colour escape %q in monochrome", where, c)
		}
	}
	check("welcome")
	tt.press("down", "enter")
	for _, d := range tabDefs {
		tt.press("alt+" + d.key)
		check("tab " + d.key)
		tt.press("enter")
		check("tab " + d.key + " after enter")
		tt.press("esc", "esc")
	}
	tt.press("alt+1", "enter")
	tt.typeText("x")
	check("editing")
	tt.press("esc", "alt+2", "enter")
	check("editing notes")
	tt.press("esc", "ctrl+f")
	tt.typeText("hub")
	check("search")
	tt.press("esc", "esc", "esc", "f1")
	check("help")
}

// TestThemesSwitchLive checks every registered theme draws every tab at
// the right size, and that switching theme redraws the report.
func TestThemesSwitchLive(t *testing.T) {
	tt, _, _ := exampleTester(t, 80, 24)
	for _, name := range []string{"dark", "light", "monochrome"} {
		tt.m.SetTheme(name)
		for _, d := range tabDefs[:8] {
			tt.press("alt+" + d.key)
			checkFrame(t, tt.screen(), 80, 24)
		}
		if tt.m.e.styles.Theme != name {
			t.Fatalf("theme %q not applied", name)
		}
	}
	if v := tt.m.View(); v.BackgroundColor != nil {
		t.Fatal("monochrome asked the terminal for a page colour")
	}
	tt.m.SetTheme("light")
	if v := tt.m.View(); v.BackgroundColor == nil {
		t.Fatal("light theme did not ask for its off-white page")
	}
}

func TestFollowsTerminalBackground(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	m := New(openStore(t), Options{Now: fixedNow})
	first := m
	t.Cleanup(func() { first.e.pub.Flush() })
	if m.Init() == nil {
		t.Fatal("no request for the terminal's background")
	}
	// Until the answer, the page colour is the terminal's: set earlier, it
	// would be what the terminal answers.
	if v := m.View(); v.BackgroundColor != nil {
		t.Fatal("the page colour was set before the terminal said its own")
	}
	m.Update(tea.BackgroundColorMsg{Color: color.White})
	if m.e.styles.Theme != "light" {
		t.Fatalf("white background gave theme %q", m.e.styles.Theme)
	}
	if v := m.View(); v.BackgroundColor == nil {
		t.Fatal("no page colour after the terminal answered")
	}
	m.Update(tea.BackgroundColorMsg{Color: color.Black})
	if m.e.styles.Theme != "dark" {
		t.Fatalf("black background gave theme %q", m.e.styles.Theme)
	}
	t.Setenv("NO_COLOR", "1")
	m = New(openStore(t), Options{Now: fixedNow})
	second := m
	t.Cleanup(func() { second.e.pub.Flush() })
	// Init still follows other writers, so only the theme being fixed
	// (which is what skips the background request) can be asked about.
	if m.e.styles.Theme != "monochrome" || !m.themeFixed {
		t.Fatalf("NO_COLOR gave theme %q", m.e.styles.Theme)
	}
	m.Update(tea.BackgroundColorMsg{Color: color.White})
	if m.e.styles.Theme != "monochrome" {
		t.Fatal("NO_COLOR was overridden by the background")
	}

	// A terminal that never answers gets the page colour at the first
	// follow tick, a second in.
	t.Setenv("NO_COLOR", "")
	m = New(openStore(t), Options{Now: fixedNow})
	third := m
	t.Cleanup(func() { third.e.pub.Flush() })
	m.Init()
	m.Update(followMsg{version: m.seenVersion})
	if v := m.View(); v.BackgroundColor == nil || m.e.styles.Theme != "dark" {
		t.Fatalf("no answer: page colour %v, theme %q", v.BackgroundColor, m.e.styles.Theme)
	}
}
