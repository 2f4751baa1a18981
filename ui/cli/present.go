package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"scrutiny/store"
	"scrutiny/ui/present"
	"scrutiny/ui/style"
	"scrutiny/ui/text"
)

func init() {
	register(&command{
		name:    "present",
		summary: "a second, read-only window for the wall that follows the editor",
		usage: `Usage: scrutiny present [--plain] [--once] [--check] [--size WxH] [--theme NAME] [--db FILE]

Opens the database for reading only and shows, large and uncluttered, what
the editor on the laptop has open: the criterion being scored with the
room's votes, the recommendation being drafted, a survey chart, the service
standards, or the agenda item with its timer. It follows the editor within a
second of every move or saved change. It never changes the file, so the two
windows cannot get in each other's way.

  --plain        say each change in one plain sentence, with no bars or
                 symbols, for a screen reader on a second laptop
  --once         print the current view once as text and stop
                 (with --plain, the current sentence)
  --check        say how the wall will look: the window's size, the size of
                 the letters, the theme's contrast, and advice for the room
  --size WxH     the size of a plain view, for example 40x12 (default 80x24)
  --theme NAME   dark, light, high-contrast or monochrome

Examples:
  scrutiny present
  scrutiny present --theme light
  scrutiny present --once --size 40x12
  scrutiny present --check --theme light
`,
		run: runPresent,
	})
}

func runPresent(ctx context.Context, a *app, args []string) (err error) {
	c := commands["present"]
	fs := a.newFlags(c)
	plain := fs.Bool("plain", false, "plain text")
	once := fs.Bool("once", false, "print once")
	size := fs.String("size", "80x24", "plain view size")
	theme := fs.String("theme", "", "theme name")
	check := fs.Bool("check", false, "check the window and theme")
	if err := a.parseNoArgs(c, fs, args); err != nil {
		return err
	}
	w, h, ok := parseSize(*size)
	if !ok {
		return usagef(c, "--size must look like 80x24, not %q", *size)
	}
	if *theme != "" && !style.Known(*theme) {
		return usagef(c, "there is no theme called %q: use %s", *theme, strings.Join(style.Names(), ", "))
	}
	if *check {
		return presentCheck(ctx, a, w, h, sizeGiven(fs), *theme)
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	if *theme == "" {
		*theme = a.theme // scrutiny --theme NAME present
	}
	if *plain {
		return followSpoken(ctx, st, a.stdout, *once)
	}
	// Piped into a file or another program there is no screen to draw on,
	// so the views are printed as text.
	if !*once && isTerminal(a.stdout) {
		return present.Run(ctx, st, present.Options{Theme: *theme})
	}
	return followPlain(ctx, st, a.stdout, w, h, *once)
}

func parseSize(s string) (w, h int, ok bool) {
	ws, hs, found := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !found || err1 != nil || err2 != nil || w < 20 || h < 5 || w > 1000 || h > 1000 {
		return 0, 0, false
	}
	return w, h, true
}

// followPlain prints a view whenever it changes: after a save or a move in
// the editor, and every second while a timer runs. Each view starts with a
// line of dashes so a reader (or a test) can tell them apart.
func followPlain(ctx context.Context, st *store.Store, out io.Writer, w, h int, once bool) error {
	return followChanges(ctx, st, out, once, func(s present.Snapshot) string {
		frame := strings.Join(trimRight(present.Render(present.BuildSlide(s, time.Now()), w, h, "", present.PlainPainter)), "\n")
		return strings.Repeat("-", w) + "\n" + frame
	})
}

// followSpoken prints one sentence whenever what the wall shows changes,
// and nothing else, so a screen reader speaks each change once.
func followSpoken(ctx context.Context, st *store.Store, out io.Writer, once bool) error {
	return followChanges(ctx, st, out, once, func(s present.Snapshot) string { return present.Spoken(s, time.Now()) })
}

// followChanges polls the file as the wall does and prints show's text
// whenever it differs from the last printed; a file that cannot be read
// is said once, and waited for.
func followChanges(ctx context.Context, st *store.Store, out io.Writer, once bool, show func(present.Snapshot) string) error {
	f := present.NewFollower(st)
	tick := time.NewTicker(present.PollEvery)
	defer tick.Stop()
	last, warned := "", false
	for {
		s, _, err := f.Poll(ctx)
		switch {
		case err != nil && once:
			return err
		case err != nil && !warned:
			fmt.Fprintf(out, "Waiting for the file %s: %s\n", st.Path(), text.OneLine(err.Error()))
			warned = true
		case err == nil:
			warned = false
			if shown := show(s); shown != last {
				if _, err := fmt.Fprintln(out, shown); err != nil {
					return nil // the reader went away
				}
				last = shown
			}
			if once {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
	}
}

// trimRight drops trailing spaces and trailing empty lines of a view.
func trimRight(lines []string) []string {
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func sizeGiven(fs *flag.FlagSet) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "size" })
	return given
}

// presentCheck reports on the window this command runs in (or the size
// given) and the theme the wall would use, without opening a screen.
func presentCheck(ctx context.Context, a *app, w, h int, sized bool, theme string) error {
	known := sized
	if f, ok := a.stdout.(*os.File); ok && !sized && isTerminal(a.stdout) {
		if tw, th, err := term.GetSize(f.Fd()); err == nil && tw > 0 && th > 0 {
			w, h, known = tw, th, true
		}
	}
	if theme == "" {
		theme = a.theme
	}
	if theme == "" {
		// The theme the editor last chose, as the wall would pick it.
		if st, err := a.openStore(true); err == nil {
			if t, err := st.Setting(ctx, present.ThemeSetting); err == nil && style.Known(t) {
				theme = t
			}
			closeStore(st, &err)
		}
	}
	if theme == "" {
		theme = style.Auto(true)
	}
	if style.NoColor() {
		theme = "monochrome"
	}
	for _, l := range present.Check(w, h, known, theme) {
		if _, err := fmt.Fprintln(a.stdout, l); err != nil {
			return err
		}
	}
	return nil
}
