package style

import (
	"regexp"
	"testing"
)

var colour = regexp.MustCompile(`\x1b\[[0-9;:]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;:m]`)

func TestEveryThemeBuilds(t *testing.T) {
	for _, n := range Names() {
		s := New(n)
		if s.Theme != n {
			t.Errorf("New(%q) built %q", n, s.Theme)
		}
		if s.Markdown == "" {
			t.Errorf("%s: no markdown style", n)
		}
	}
	if New("no such theme").Theme != "dark" {
		t.Error("an unknown theme should fall back to dark")
	}
}

func TestMonochromeHasNoColour(t *testing.T) {
	s := New("monochrome")
	for _, st := range []interface{ Render(...string) string }{s.Title, s.Heading, s.Label, s.Text, s.Muted,
		s.Selected, s.Editing, s.Good, s.Issue, s.Warning, s.Border, s.Tab, s.TabActive, s.Status, s.StatusErr,
		s.Key, s.Dialog, s.Help.ShortKey, s.Help.FullDesc} {
		if out := st.Render("x"); colour.MatchString(out) {
			t.Fatalf("monochrome style draws colour: %q", out)
		}
	}
	if !colour.MatchString(New("dark").Good.Render("x")) {
		t.Fatal("the colour test would not notice colour")
	}
}

func TestAuto(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	if Auto(true) != "dark" || Auto(false) != "light" {
		t.Fatal("Auto does not follow the background")
	}
	t.Setenv("NO_COLOR", "1")
	if Auto(false) != "monochrome" {
		t.Fatal("NO_COLOR ignored")
	}
}
