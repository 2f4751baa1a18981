package ui

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"scrutiny/store"
	"scrutiny/ui/present"
)

// fixedNow keeps the status line's time the same in every run.
func fixedNow() time.Time { return time.Date(2026, 3, 14, 14, 3, 22, 0, time.UTC) }

// openStore opens a real database file in a temporary folder.
func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "scrutiny.db"), store.Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// tester drives the root model the way Bubble Tea would: messages in,
// commands run to completion (their messages fed back), frames out.
type tester struct {
	t testing.TB
	m *Model
}

func newTester(t testing.TB, st *store.Store, w, h int, opts Options) *tester {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	if opts.Theme == "" {
		opts.Theme = "dark"
	}
	if opts.ExportDir == "" {
		// Exports never land in the source tree.
		opts.ExportDir = t.TempDir()
	}
	if opts.AutosaveAfter == 0 {
		// Commands run synchronously here: a real pause would stall every
		// key. autosave_test.go turns it on with a tiny pause.
		opts.AutosaveAfter = -1
	}
	m := New(st, opts)
	// The wall's position is written by a goroutine: it must finish before
	// the store closes (cleanups run last first), as Run makes it on quitting.
	t.Cleanup(func() { m.e.pub.Flush() })
	tt := &tester{t: t, m: m}
	tt.send(tea.WindowSizeMsg{Width: w, Height: h})
	return tt
}

// send delivers one message and runs every command it causes.
func (tt *tester) send(msg tea.Msg) {
	tt.t.Helper()
	queue := []tea.Msg{msg}
	for n := 0; len(queue) > 0; n++ {
		if n > 200 {
			tt.t.Fatal("too many messages: a command loop?")
		}
		m := queue[0]
		queue = queue[1:]
		_, cmd := tt.m.Update(m)
		queue = append(queue, runCmd(cmd)...)
	}
}

// runCmd runs a command and its batches; sequences are not used by the app.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, runCmd(c)...)
		}
		return out
	case tea.QuitMsg:
		return nil
	}
	// tea.Sequence returns an unexported slice of commands: run them in order.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			out = append(out, runCmd(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// keyMsg turns "a", "enter", "ctrl+z", "shift+up" into a key press.
func keyMsg(s string) tea.KeyPressMsg {
	named := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"delete": tea.KeyDelete, "space": tea.KeySpace,
	}
	var mod tea.KeyMod
	rest := s
	for {
		switch {
		case strings.HasPrefix(rest, "ctrl+"):
			mod |= tea.ModCtrl
			rest = rest[5:]
			continue
		case strings.HasPrefix(rest, "shift+"):
			mod |= tea.ModShift
			rest = rest[6:]
			continue
		case strings.HasPrefix(rest, "alt+"):
			mod |= tea.ModAlt
			rest = rest[4:]
			continue
		}
		break
	}
	if r, ok := named[rest]; ok {
		k := tea.KeyPressMsg{Code: r, Mod: mod}
		if r == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(rest)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: rest}
}

// press sends key presses; each argument is one key ("enter", "a", "ctrl+z").
func (tt *tester) press(keys ...string) {
	tt.t.Helper()
	for _, k := range keys {
		tt.send(keyMsg(k))
	}
}

// typeText sends each character as its own key press.
func (tt *tester) typeText(s string) {
	tt.t.Helper()
	for _, r := range s {
		if r == ' ' {
			tt.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
		tt.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is the current frame without colour.
func (tt *tester) screen() string { return ansi.Strip(tt.m.Render()) }

func (tt *tester) contains(want ...string) {
	tt.t.Helper()
	s := tt.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			tt.t.Fatalf("screen does not show %q:\n%s", w, s)
		}
	}
}

func (tt *tester) lacks(not ...string) {
	tt.t.Helper()
	s := tt.screen()
	for _, w := range not {
		if strings.Contains(s, w) {
			tt.t.Fatalf("screen shows %q but should not:\n%s", w, s)
		}
	}
}

func ctx() context.Context { return context.Background() }

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func click(x, y int) tea.MouseClickMsg {
	return tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}
}

// checkFrame asserts the frame is exactly h lines of at most w cells.
func checkFrame(t testing.TB, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Fatalf("frame has %d lines, want %d:\n%s", len(lines), h, s)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Fatalf("line %d is %d cells wide, window is %d:\n%s", i, n, w, l)
		}
	}
}

// position is what the wall reads once the editor's posted moves are
// written.
func (tt *tester) position() (present.Position, error) {
	if err := tt.m.e.pub.Flush(); err != nil {
		return present.Position{}, err
	}
	return present.ReadPosition(ctx(), tt.m.e.st)
}
