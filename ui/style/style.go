// Package style holds the one semantic set of styles every screen draws with,
// built from a named theme. Screens never pick colours themselves: they ask
// for Title, Selected, Good, Issue... so a theme change reaches every pixel.
package style

import (
	"image/color"
	"os"
	"sort"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Palette is what a theme chooses. A nil colour means "the terminal's own".
// Mono palettes carry no colour at all: emphasis comes from bold, underline
// and reverse video, so NO_COLOR output has no colour escapes.
type Palette struct {
	Name  string
	Dark  bool // the background is dark
	Mono  bool
	Text  color.Color
	Back  color.Color // the page colour asked of the terminal when set (light theme for projectors)
	Muted color.Color
	Accent,
	Good,
	Issue,
	Warning color.Color
	SelectedFore, SelectedBack color.Color
	Border                     color.Color
}

// Styles is the single semantic style set.
type Styles struct {
	Theme   string
	Dark    bool
	Mono    bool
	Palette Palette

	Base      lipgloss.Style // the screen background and text
	Title     lipgloss.Style // screen and pane titles
	Heading   lipgloss.Style // group headings inside a pane
	Label     lipgloss.Style // field labels
	Text      lipgloss.Style // ordinary user text
	Muted     lipgloss.Style // hints, empty values, secondary columns
	Selected  lipgloss.Style // the row or field under the cursor
	Editing   lipgloss.Style // a field being typed into
	Good      lipgloss.Style // good practice, a standard met
	Issue     lipgloss.Style // an issue, a standard not met
	Warning   lipgloss.Style // something needing attention (a recommendation with no finding)
	Border    lipgloss.Style // pane borders and rules
	Bar       lipgloss.Style // the filled part of a chart's bar (the report preview)
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	Status    lipgloss.Style // "saved 14:03:22"
	StatusErr lipgloss.Style // a save that failed
	Key       lipgloss.Style // a key name in hints
	Dialog    lipgloss.Style // confirmation and search boxes

	Help help.Styles
}

var themes = map[string]func() Palette{
	"dark":       Dark,
	"light":      Light,
	"monochrome": Monochrome,
}

// Register adds a theme: adding one is writing a func() Palette and
// registering it from an init function in its own file.
func Register(name string, p func() Palette) { themes[name] = p }

// Names lists the themes in a stable order for cycling.
func Names() []string {
	order := map[string]int{"dark": 0, "light": 1, "high-contrast": 2, "monochrome": 3}
	ns := make([]string, 0, len(themes))
	for n := range themes {
		ns = append(ns, n)
	}
	sort.Slice(ns, func(i, j int) bool {
		oi, iok := order[ns[i]]
		oj, jok := order[ns[j]]
		if iok != jok {
			return iok
		}
		if oi != oj {
			return oi < oj
		}
		return ns[i] < ns[j]
	})
	return ns
}

// Known reports whether a theme of that name exists.
func Known(name string) bool { _, ok := themes[name]; return ok }

// NoColor reports whether the user asked for no colour (https://no-color.org).
func NoColor() bool { return os.Getenv("NO_COLOR") != "" }

// Auto picks the theme for a terminal: monochrome under NO_COLOR, otherwise
// dark or light to match the background.
func Auto(darkBackground bool) string {
	if NoColor() {
		return "monochrome"
	}
	if darkBackground {
		return "dark"
	}
	return "light"
}

// New builds the styles of the named theme; an unknown name gives dark.
func New(name string) Styles {
	p, ok := themes[name]
	if !ok {
		p = Dark
	}
	return FromPalette(p())
}

// Dark is the default theme for dark terminals. It pins its own page and
// text colours rather than trusting the terminal's, so its contrast is
// known. Good is blue and issue orange: green and red look alike to one
// man in twelve.
func Dark() Palette {
	return Palette{
		Name: "dark", Dark: true,
		Text:         lipgloss.Color("#e4e4e4"),
		Back:         lipgloss.Color("#121212"),
		Muted:        lipgloss.Color("#8a8a8a"),
		Accent:       lipgloss.Color("#87afff"),
		Good:         lipgloss.Color("#6cb6ff"),
		Issue:        lipgloss.Color("#ff9e40"),
		Warning:      lipgloss.Color("#ffd75f"),
		SelectedFore: lipgloss.Color("#ffffff"),
		SelectedBack: lipgloss.Color("#3a3a6a"),
		Border:       lipgloss.Color("#5f5f87"),
	}
}

// Light is an off-white page with dark text: it reads well on a projector.
func Light() Palette {
	return Palette{
		Name:         "light",
		Text:         lipgloss.Color("#1c1c1c"),
		Back:         lipgloss.Color("#faf8f2"),
		Muted:        lipgloss.Color("#5f5f5f"),
		Accent:       lipgloss.Color("#1f4fa0"),
		Good:         lipgloss.Color("#0b4f9c"),
		Issue:        lipgloss.Color("#9a4400"),
		Warning:      lipgloss.Color("#8a5a00"),
		SelectedFore: lipgloss.Color("#000000"),
		SelectedBack: lipgloss.Color("#d7e3f7"),
		Border:       lipgloss.Color("#8a8a8a"),
	}
}

// Monochrome uses no colour at all.
func Monochrome() Palette { return Palette{Name: "monochrome", Dark: true, Mono: true} }

// FromPalette turns a palette into the semantic styles.
func FromPalette(p Palette) Styles {
	ns := lipgloss.NewStyle
	fg := func(s lipgloss.Style, c color.Color) lipgloss.Style {
		if c == nil || p.Mono {
			return s
		}
		return s.Foreground(c)
	}
	base := ns()
	if !p.Mono {
		if p.Text != nil {
			base = base.Foreground(p.Text)
		}
	}
	// The page colour itself (Back) is set on the terminal by the root view,
	// so styled text never leaves unpainted gaps.
	from := func() lipgloss.Style { return base }
	s := Styles{Theme: p.Name, Dark: p.Dark, Mono: p.Mono, Palette: p}
	s.Base = base
	s.Title = fg(from().Bold(true), p.Accent)
	s.Heading = fg(from().Bold(true), p.Text)
	s.Label = fg(from(), p.Muted)
	s.Text = from()
	s.Muted = fg(from(), p.Muted)
	s.Good = fg(from(), p.Good)
	s.Issue = fg(from(), p.Issue)
	s.Warning = fg(from().Bold(true), p.Warning)
	s.Border = fg(from(), p.Border)
	s.Bar = fg(from(), p.Accent)
	s.Key = fg(from().Bold(true), p.Accent)
	s.Status = fg(from(), p.Good)
	s.StatusErr = fg(from().Bold(true), p.Issue)
	if p.Mono {
		s.Selected = from().Reverse(true)
		s.Editing = from().Underline(true)
		s.TabActive = from().Reverse(true).Bold(true)
		s.Warning = from().Bold(true)
		s.Status = from()
		s.StatusErr = from().Bold(true)
	} else {
		s.Selected = from().Foreground(p.SelectedFore).Background(p.SelectedBack)
		s.Editing = from().Underline(true)
		s.TabActive = from().Bold(true).Foreground(p.SelectedFore).Background(p.SelectedBack)
	}
	s.Tab = fg(from(), p.Muted)
	s.Dialog = fg(from().Border(lipgloss.RoundedBorder()).Padding(0, 1), p.Text)
	if !p.Mono && p.Border != nil {
		s.Dialog = s.Dialog.BorderForeground(p.Border)
	}
	s.Help = help.Styles{
		Ellipsis:       s.Muted,
		ShortKey:       s.Key,
		ShortDesc:      s.Muted,
		ShortSeparator: s.Muted,
		FullKey:        s.Key,
		FullDesc:       s.Text,
		FullSeparator:  s.Muted,
	}
	return s
}
