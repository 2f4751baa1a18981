package ui

import (
	"io"
	"os"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The first frame is the write that enters the alternate screen; what
// Bubble Tea writes before it (its terminal queries) is not.
func TestFrameWatchNoticesTheFirstFrame(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go io.Copy(io.Discard, r)
	out := newFrameWatch(w)
	defer w.Close()
	drawn := func() bool {
		select {
		case <-out.drawn:
			return true
		default:
			return false
		}
	}
	if _, err := out.Write([]byte(ansi.RequestModeSynchronizedOutput)); err != nil || drawn() {
		t.Fatalf("a query counted as the first frame (%v)", err)
	}
	out.Write([]byte(ansi.SetModeAltScreenSaveCursor + "scrutiny   [Reviews]"))
	if !drawn() {
		t.Fatal("the first frame went unnoticed")
	}
	out.Write([]byte(ansi.SetModeAltScreenSaveCursor)) // a second frame, e.g. after ctrl+z
	afterFirstFrame(out.drawn)
	afterFirstFrame(nil)
}
