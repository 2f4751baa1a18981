package style

import "charm.land/lipgloss/v2"

func init() { Register("high-contrast", HighContrast) }

// HighContrast is white and yellow on black, for poor sight and for a wall
// lit by daylight: every colour pair is far above the 7:1 contrast ratio,
// and the selection is black on yellow, not a shade of grey. Good is light
// blue and issue amber, which stay apart for red-green colour blindness.
func HighContrast() Palette {
	return Palette{
		Name: "high-contrast", Dark: true,
		Text:         lipgloss.Color("#ffffff"),
		Back:         lipgloss.Color("#000000"),
		Muted:        lipgloss.Color("#ffffff"),
		Accent:       lipgloss.Color("#ffff00"),
		Good:         lipgloss.Color("#8fd0ff"),
		Issue:        lipgloss.Color("#ffaa00"),
		Warning:      lipgloss.Color("#ffff00"),
		SelectedFore: lipgloss.Color("#000000"),
		SelectedBack: lipgloss.Color("#ffff00"),
		Border:       lipgloss.Color("#ffffff"),
	}
}
