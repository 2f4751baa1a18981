package main

import (
	"context"

	"scrutiny/store"
	"scrutiny/ui"
	"scrutiny/ui/style"
)

// The full-screen present window is the terminal UI's; this file connects
// it so cmd_present.go itself stays free of the UI.
func init() {
	presentScreen = func(ctx context.Context, st *store.Store, theme string, getenv func(string) string) error {
		if theme != "" && !style.Known(theme) {
			return usagef(commands["present"], "there is no theme called %q: use dark, light, high-contrast or monochrome", theme)
		}
		return ui.RunPresent(ctx, st, ui.PresentOptions{Theme: theme})
	}
}
