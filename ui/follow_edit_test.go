package ui

import (
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/store"
)

// otherWriter opens the editor's file the way `scrutiny import` does from
// another shell: no editing lock, SQLite's own locking.
func otherWriter(t *testing.T, st *store.Store) *store.Store {
	t.Helper()
	o, err := store.Open(st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}

// importEvidence imports the review with fn applied to its first evidence
// item, as a bundle changing that item would.
func importEvidence(t *testing.T, o *store.Store, id string, fn func(e *review.Evidence)) review.Evidence {
	t.Helper()
	r, err := o.LoadReview(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	fn(&r.Evidence[0])
	res, err := o.ImportReviews(ctx(), r)
	if err != nil {
		t.Fatal(err)
	}
	if res.Updated == 0 {
		t.Fatalf("the import changed nothing: %+v", res)
	}
	return r.Evidence[0]
}

// poll is one tick of the editor's follower (the next tick it asks for
// is not run: it would wait a second and loop).
func (tt *tester) poll() {
	tt.t.Helper()
	v, err := tt.m.e.st.OthersVersion(ctx())
	if err != nil {
		tt.t.Fatal(err)
	}
	tt.m.follow(followMsg{version: v})
}

// editEvidence focuses field of the first evidence item and starts typing.
func (tt *tester) editEvidence(field string) {
	tt.t.Helper()
	tt.press("alt+3")
	s := tt.m.ws.cur().(*evidenceTab)
	if !s.select_(tt.m.ws.rev.Evidence[0].ID) {
		tt.t.Fatal("no evidence to select")
	}
	s.focusDetail(field)
	tt.press("enter", "ctrl+a", "ctrl+k")
}

func firstEvidence(t *testing.T, st *store.Store, id string) review.Evidence {
	t.Helper()
	return loadReview(t, st, id).Evidence[0]
}

// The reproduction: an import changes an evidence item's title and
// notes while the review is open; then "Who" is edited here. The import
// stays, whether or not the workspace had read it yet.
func TestImportWhileOpenIsNotUndoneByAnEdit(t *testing.T) {
	for _, followed := range []bool{true, false} {
		tt, st, id := exampleTester(t, 100, 30)
		o := otherWriter(t, st)
		tt.poll()
		theirs := importEvidence(t, o, id, func(e *review.Evidence) {
			e.Title, e.Notes = "Title from the import", "Notes from the import"
		})
		if followed {
			tt.poll()
			if got := tt.m.ws.rev.Evidence[0].Title; got != theirs.Title {
				t.Fatalf("after a tick the workspace still shows %q", got)
			}
		}
		tt.editEvidence("ev-who")
		tt.typeText("Typed here")
		tt.press("enter")
		got := firstEvidence(t, st, id)
		if got.Title != theirs.Title || got.Notes != theirs.Notes || got.Who != "Typed here" {
			t.Fatalf("followed=%v: stored %q / %q / %q, want the import's title and notes and the typed who",
				followed, got.Title, got.Notes, got.Who)
		}
		// Undoing the edit puts back only the field edited.
		tt.press("ctrl+z")
		got = firstEvidence(t, st, id)
		if got.Title != theirs.Title || got.Notes != theirs.Notes || got.Who == "Typed here" {
			t.Fatalf("followed=%v: after undo stored %q / %q / %q", followed, got.Title, got.Notes, got.Who)
		}
	}
}

// The editor shows another writer's change within a tick while a field is
// being typed, and keeps the typing.
func TestFollowKeepsWhatIsBeingTyped(t *testing.T) {
	tt, st, id := exampleTester(t, 120, 30)
	o := otherWriter(t, st)
	tt.poll()
	tt.editEvidence("ev-who")
	tt.typeText("Half typed")
	importEvidence(t, o, id, func(e *review.Evidence) { e.Title = "Retitled elsewhere" })
	tt.poll()
	if !tt.m.ws.typing() {
		t.Fatal("following the import closed the editor")
	}
	tt.contains("Retitled elsewhere", "Half typed")
	tt.press("enter")
	if got := firstEvidence(t, st, id); got.Who != "Half typed" || got.Title != "Retitled elsewhere" {
		t.Fatalf("stored who %q title %q", got.Who, got.Title)
	}
}

// When the field being typed was itself changed elsewhere, the typed
// version is saved, the user is told, and ctrl+z brings the other back.
func TestSameFieldChangedElsewhereKeepsBoth(t *testing.T) {
	for _, followed := range []bool{true, false} {
		tt, st, id := exampleTester(t, 160, 30)
		o := otherWriter(t, st)
		tt.poll()
		tt.editEvidence("ev-title")
		tt.typeText("Mine")
		importEvidence(t, o, id, func(e *review.Evidence) { e.Title = "Theirs" })
		if followed {
			tt.poll()
		}
		tt.press("enter")
		if got := firstEvidence(t, st, id).Title; got != "Mine" {
			t.Fatalf("followed=%v: stored title %q, want the typed one", followed, got)
		}
		if !strings.Contains(tt.m.e.status, "also changed elsewhere") || !strings.Contains(tt.m.e.status, `"Theirs"`) {
			t.Fatalf("followed=%v: status %q does not say which version was kept", followed, tt.m.e.status)
		}
		tt.press("ctrl+z")
		if got := firstEvidence(t, st, id).Title; got != "Theirs" {
			t.Fatalf("followed=%v: undo gave title %q, want the other version back", followed, got)
		}
	}
}

// Undo never puts an old value back over someone else's newer one.
func TestUndoDoesNotRevertAnotherWritersChange(t *testing.T) {
	for _, followed := range []bool{true, false} {
		tt, st, id := exampleTester(t, 160, 30)
		o := otherWriter(t, st)
		tt.poll()
		tt.editEvidence("ev-title")
		tt.typeText("Mine")
		tt.press("enter")
		importEvidence(t, o, id, func(e *review.Evidence) { e.Title = "Newer, from elsewhere" })
		if followed {
			tt.poll()
		}
		tt.press("ctrl+z")
		if got := firstEvidence(t, st, id).Title; got != "Newer, from elsewhere" {
			t.Fatalf("followed=%v: undo left title %q", followed, got)
		}
		if !strings.Contains(tt.m.e.status, "Not undone") {
			t.Fatalf("followed=%v: status %q", followed, tt.m.e.status)
		}
		if len(tt.m.e.undo) != 0 {
			t.Fatalf("followed=%v: the refused step is still on the stack", followed)
		}
	}
}

// A header field edit (the topic) leaves header fields an import changed.
func TestHeaderEditKeepsImportedHeaderFields(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	o := otherWriter(t, st)
	r, err := o.LoadReview(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	r.Summary = "Summary from the import"
	if _, err := o.ImportReviews(ctx(), r); err != nil {
		t.Fatal(err)
	}
	tt.press("enter", "ctrl+a", "ctrl+k")
	tt.typeText("New topic")
	tt.press("enter")
	got := loadReview(t, st, id)
	if got.Topic != "New topic" || got.Summary != "Summary from the import" {
		t.Fatalf("stored topic %q summary %q", got.Topic, got.Summary)
	}
}
