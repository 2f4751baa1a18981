package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// faultyTab stands in for a tab with a bug: anything sent to it panics.
type faultyTab struct{ tab }

type poke struct{}

func (faultyTab) update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(poke); ok {
		panic("index out of range [7] with length 3")
	}
	return nil
}

// A panic while the user is typing saves the typing, quits, and leaves a
// plain fault for the command line to print.
func TestFaultSavesTypingAndQuits(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("Typed before the fault")
	ws := tt.m.ws
	ws.tabs[len(ws.tabs)-1] = faultyTab{ws.tab(len(ws.tabs) - 1)}

	_, cmd := tt.m.Update(poke{})
	if cmd == nil {
		t.Fatal("no command after the fault")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the app did not quit after the fault")
	}
	f := tt.m.Fault()
	if f == nil || f.Saved != nil {
		t.Fatalf("fault %+v", f)
	}
	if got := loadReview(t, st, id).Topic; got != "Typed before the fault" {
		t.Fatalf("the typing was not saved: topic %q", got)
	}
	msg := f.Error()
	for _, want := range []string{"fault in the program", "index out of range", "was saved first"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message %q does not say %q", msg, want)
		}
	}
	// Every later message only quits.
	if _, cmd := tt.m.Update(tea.KeyPressMsg{Code: 'a', Text: "a"}); cmd == nil {
		t.Error("a key after the fault was handled as usual")
	}
}
