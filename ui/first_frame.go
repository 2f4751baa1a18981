package ui

import (
	"bytes"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// The reads the first frame leaves out (the action plans, the whole-file
// check) wait until it has reached the terminal: started at once, they
// would share the two processor cores of a small laptop with drawing it.

// frameWatch is the terminal's output, told apart from os.Stdout only in
// that it notices the first frame: the write that enters the alternate
// screen, which every frame of the workspace is drawn on. Bubble Tea still
// sees a terminal (the *os.File's methods are promoted).
type frameWatch struct {
	*os.File
	once  sync.Once
	drawn chan struct{}
}

func newFrameWatch(f *os.File) *frameWatch {
	return &frameWatch{File: f, drawn: make(chan struct{})}
}

func (w *frameWatch) Write(b []byte) (int, error) {
	n, err := w.File.Write(b)
	select {
	case <-w.drawn:
	default:
		if bytes.Contains(b, []byte(ansi.SetModeAltScreenSaveCursor)) {
			w.once.Do(func() { close(w.drawn) })
		}
	}
	return n, err
}

// firstFrameWait is the longest a read waits for the first frame, for a
// terminal the frame cannot be written to.
const firstFrameWait = 250 * time.Millisecond

// afterFirstFrame returns once drawn is closed or firstFrameWait has
// passed; at once when drawn is nil (the tests, which draw no frames).
func afterFirstFrame(drawn <-chan struct{}) {
	if drawn == nil {
		return
	}
	t := time.NewTimer(firstFrameWait)
	defer t.Stop()
	select {
	case <-drawn:
	case <-t.C:
	}
}
