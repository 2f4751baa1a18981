package ui

import (
	"errors"
	"fmt"
	"strings"

	"scrutiny/store"
	"scrutiny/ui/text"
)

// Other writers (an import, `survey import`, a copy of the app opened
// after this one closed its review) may change the review while it is
// open here. The workspace follows them (follow.go), so a field's get
// shows their version within a second, even while the user types over
// it. These helpers keep both versions: what the user typed is saved, and
// the other version is one ctrl+z away; and an undo never puts back an old
// value over somebody else's newer one.

// errChangedSince refuses an undo whose field no longer holds the value
// this copy saved.
var errChangedSince = fmt.Errorf("%w since", store.ErrChanged)

// saveOver saves v into fl, which the form believes holds stored. When the
// field holds something else (another writer changed it while the user
// typed), v is still saved, and theirs is what it held. A refusal by the
// store (the change landed in the last moment, before the workspace had
// read it) is tried once more against the version just read.
func saveOver(fl field, stored, v string) (theirs string, conflict bool, err error) {
	for try := 0; try < 2; try++ {
		if fl.get != nil {
			if now := fl.get(); now != stored {
				theirs, conflict, stored = now, now != v, now
			}
		}
		if v == stored {
			return theirs, conflict, nil
		}
		if err = fl.set(v); !errors.Is(err, store.ErrChanged) {
			return theirs, conflict, err
		}
	}
	return theirs, conflict, err
}

// undoIfStill puts a field back with back, but only while the field still
// holds mine: a value someone else saved after it is never reverted.
func undoIfStill(fl field, mine string, back func() error) func() error {
	get := fl.get
	return func() error {
		if get != nil && get() != mine {
			return errChangedSince
		}
		return back()
	}
}

// keptYours is the status line after a save that met another version of
// the same field.
func keptYours(label, theirs string) string {
	other := text.Truncate(text.OneLine(text.OrEmpty(theirs, "(empty)")), 40)
	return fmt.Sprintf("%s was also changed elsewhere while you typed: your version is saved; ctrl+z brings back the other one (%q).",
		sentenceCase(label), other)
}

func sentenceCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
