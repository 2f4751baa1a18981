package ui

import (
	"path/filepath"
	"testing"

	"scrutiny/review/example"
	"scrutiny/store"
)

// A second, read-only copy says why it is read only and shows what the
// editing copy saves.
func TestReadOnlyCopyFollowsTheEditor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	w, err := store.Open(path, store.Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	id, err := example.Load(ctx(), w)
	if err != nil {
		t.Fatal(err)
	}
	r, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tt := newTester(t, r, 100, 30, Options{ReviewID: id, ReadOnly: true})
	tt.contains("Read only: another copy of scrutiny is editing this file")
	poll := func() {
		v, err := r.DataVersion(ctx())
		tt.m.follow(followMsg{version: v, err: err})
	}
	poll()

	rev, err := w.LoadReview(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	rev.Topic = "Changed in the other window"
	if err := w.SaveReview(ctx(), rev); err != nil {
		t.Fatal(err)
	}
	poll()
	tt.contains("Changed in the other window")
}
