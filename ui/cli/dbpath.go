package cli

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// resolveDB picks the database file: the --db flag, then SCRUTINY_DB, then a
// file in the user's data folder for this operating system.
func resolveDB(flagValue string, getenv func(string) string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if v := getenv("SCRUTINY_DB"); v != "" {
		return v, nil
	}
	home, _ := os.UserHomeDir()
	p := defaultDBPath(runtime.GOOS, getenv, home)
	if p == "" {
		return "", errors.New("cannot work out where to keep the database (no home folder is set); " +
			"give a file with --db FILE or set SCRUTINY_DB")
	}
	return p, nil
}

// defaultDBPath follows each system's convention for application data:
// Linux and other Unix systems use $XDG_DATA_HOME (or ~/.local/share), macOS
// ~/Library/Application Support, Windows %AppData%.
func defaultDBPath(goos string, getenv func(string) string, home string) string {
	var dir string
	switch goos {
	case "windows":
		dir = getenv("AppData")
		if dir == "" {
			dir = getenv("APPDATA")
		}
		if dir == "" && home != "" {
			dir = home + `\AppData\Roaming`
		}
		if dir == "" {
			return ""
		}
		// Built by hand so the result is right even when tested on Linux.
		return dir + `\scrutiny\scrutiny.db`
	case "darwin", "ios":
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, "Library", "Application Support")
	default:
		dir = getenv("XDG_DATA_HOME")
		if dir == "" || !filepath.IsAbs(dir) {
			if home == "" {
				return ""
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "scrutiny", "scrutiny.db")
}

// defaultDBHint is the default as the help text shows it.
func defaultDBHint() string {
	switch runtime.GOOS {
	case "windows":
		return `%AppData%\scrutiny\scrutiny.db`
	case "darwin":
		return "~/Library/Application Support/scrutiny/scrutiny.db"
	}
	return "$XDG_DATA_HOME/scrutiny/scrutiny.db (~/.local/share/scrutiny/scrutiny.db)"
}
