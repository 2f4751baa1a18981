package style

import (
	"regexp"
	"testing"

	"charm.land/lipgloss/v2"
)

func lipglossColor(s string) interface{ RGBA() (r, g, b, a uint32) } { return lipgloss.Color(s) }

var colour = regexp.MustCompile(`\x1b\[[0-9;:]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;:m]`)

func TestEveryThemeBuilds(t *testing.T) {
	for _, n := range Names() {
		s := New(n)
		if s.Theme != n {
			t.Errorf("New(%q) built %q", n, s.Theme)
		}
	}
	if New("no such theme").Theme != "dark" {
		t.Error("an unknown theme should fall back to dark")
	}
}

func TestMonochromeHasNoColour(t *testing.T) {
	s := New("monochrome")
	for _, st := range []interface{ Render(...string) string }{s.Title, s.Heading, s.Label, s.Text, s.Muted,
		s.Selected, s.Editing, s.Good, s.Issue, s.Warning, s.Border, s.Bar, s.Tab, s.TabActive, s.Status, s.StatusErr,
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

// Every coloured theme is measured from its own palette: each role
// against the page, and good against issue as people with typical vision,
// protanopia and deuteranopia see them (CIEDE2000, Machado 2009).
func TestThemeColoursAreReadableAndDistinct(t *testing.T) {
	for _, n := range Names() {
		p := New(n).Palette
		if p.Mono {
			// No colour at all: the words and symbols carry everything.
			continue
		}
		if p.Back == nil || p.Text == nil {
			t.Errorf("%s: the page and text colours must be the theme's own", n)
			continue
		}
		for role, c := range map[string]struct {
			c    interface{ RGBA() (r, g, b, a uint32) }
			want float64
		}{"text": {p.Text, 7}, "muted": {p.Muted, 4.5}, "accent": {p.Accent, 4.5}, "good": {p.Good, 4.5},
			"issue": {p.Issue, 4.5}, "warning": {p.Warning, 4.5}} {
			if got := Contrast(c.c, p.Back); got < c.want {
				t.Errorf("%s: %s has contrast %.1f:1 on the page, want at least %.1f:1", n, role, got, c.want)
			}
		}
		for _, v := range []Vision{Typical, Protanopia, Deuteranopia} {
			if d := Difference(Seen(p.Good, v), Seen(p.Issue, v)); d < 20 {
				t.Errorf("%s: good and issue differ by %.1f for %s, want at least 20", n, d, v)
			}
		}
	}
	// The measure must be able to fail: green and red for a deuteranope.
	green, red := Dark().Accent, Dark().Accent
	if Difference(green, red) != 0 {
		t.Fatal("a colour differs from itself")
	}
	if d := Difference(Seen(lipglossColor("#5fd787"), Deuteranopia), Seen(lipglossColor("#ff8787"), Deuteranopia)); d > 5 {
		t.Errorf("green and red should look alike to a deuteranope, got %.1f", d)
	}
	if c := Contrast(lipglossColor("#000000"), lipglossColor("#ffffff")); c < 20.9 || c > 21.1 {
		t.Errorf("black on white is 21:1, got %.2f", c)
	}
}
