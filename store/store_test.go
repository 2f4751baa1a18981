package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"scrutiny/review"
)

func TestRoundTripEveryType(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	want := richReview("A")
	saveRich(t, s, want)
	other := richReview("B") // a second review must not leak into the first
	saveRich(t, s, other)

	got, err := s.LoadReview(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, want, got)

	// Reopening the file gives the same aggregate.
	path := s.Path()
	s.Close()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err = s2.LoadReview(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, want, got)

	// Updates replace values, including emptying lists.
	got.Topic = "Renamed"
	got.Scope.Objectives = nil
	if err := s2.SaveReview(ctx, got); err != nil {
		t.Fatal(err)
	}
	got.Evidence[0].Title = "Changed title"
	if err := s2.SaveEvidence(ctx, got.ID, &got.Evidence[0]); err != nil {
		t.Fatal(err)
	}
	again, err := s2.LoadReview(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, got, again)

	list, err := s2.ListReviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != want.ID { // just edited, so first
		t.Fatalf("ListReviews = %+v", list)
	}
	sm := list[0]
	if sm.Topic != "Renamed" || sm.Evidence != 2 || sm.Findings != 2 || sm.Recommendations != 1 ||
		sm.Stage != review.StageDrafting || sm.Start != want.Start || !sm.Archived || sm.Updated.IsZero() {
		t.Fatalf("summary = %+v", sm)
	}
	members, err := s2.ListMembers(ctx)
	if err != nil || len(members) != 4 {
		t.Fatalf("ListMembers = %v, %v", members, err)
	}
}

func TestEmptyReviewRoundTrip(t *testing.T) {
	s := openTemp(t, Options{})
	r := &review.Review{Topic: "Bare"}
	if err := s.CreateReview(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if len(r.ID) != 36 {
		t.Fatalf("ID %q is not a UUID", r.ID)
	}
	got, err := s.LoadReview(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, r, got)
}

func TestSaveErrors(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	if _, err := s.LoadReview(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("LoadReview(nope) = %v", err)
	}
	e := review.Evidence{Title: "x"}
	if err := s.SaveEvidence(ctx, "nope", &e); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SaveEvidence into a missing review = %v", err)
	}
	if e.ID != "" {
		t.Fatal("a failed save must not hand out an ID")
	}
	a, b := &review.Review{Topic: "a"}, &review.Review{Topic: "b"}
	if err := s.CreateReview(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateReview(ctx, b); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEvidence(ctx, a.ID, &e); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEvidence(ctx, b.ID, &e); err == nil {
		t.Fatal("saving review a's evidence into review b must fail")
	}
	if err := s.CreateReview(ctx, a); err == nil {
		t.Fatal("creating the same review twice must fail")
	}
}

func TestMigrationsFromEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "deeper", "x.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var app, ver int
	s.db.QueryRow("PRAGMA application_id").Scan(&app)
	s.db.QueryRow("PRAGMA user_version").Scan(&ver)
	if app != ApplicationID || ver != schemaVersion || schemaVersion < 1 {
		t.Fatalf("application_id %d user_version %d (want %d, %d)", app, ver, ApplicationID, schemaVersion)
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal_mode = %q", mode)
	}
	// The header is on disk straight away, so a crash right after creation
	// still leaves a file Open accepts.
	if v, err := checkHeader(path); err != nil || v != schemaVersion {
		t.Fatalf("checkHeader = %d, %v", v, err)
	}
	// No temporary files are left behind.
	ents, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range ents {
		if e.Name()[0] == '.' {
			t.Fatalf("leftover %s", e.Name())
		}
	}
}

func TestSettingsAndDataVersion(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	if v, err := s.Setting(ctx, "theme"); err != nil || v != "" {
		t.Fatalf("unset setting = %q, %v", v, err)
	}
	v0, _ := s.DataVersion(ctx)
	if err := s.SetSetting(ctx, "theme", "light"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, "theme"); v != "light" {
		t.Fatalf("theme = %q", v)
	}
	v1, _ := s.DataVersion(ctx)
	if v1 == v0 {
		t.Fatal("own commit did not change DataVersion")
	}
	// A second connection (another process in real life) sees a change.
	r, err := Open(s.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() {
		t.Fatal("ReadOnly() false")
	}
	a, _ := r.DataVersion(ctx)
	b, _ := r.DataVersion(ctx)
	if a != b {
		t.Fatal("DataVersion moved with no change")
	}
	s.SetSetting(ctx, "theme", "dark")
	c, _ := r.DataVersion(ctx)
	if c == b {
		t.Fatal("reader did not see the writer's commit")
	}
	if v, _ := r.Setting(ctx, "theme"); v != "dark" {
		t.Fatalf("reader sees theme %q", v)
	}
	if err := r.SetSetting(ctx, "x", "y"); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("write on read-only store = %v", err)
	}
}

func TestReadOnlyFile(t *testing.T) {
	if asNobody(t, "TestReadOnlyFile") {
		return
	}
	s := openTemp(t, Options{})
	path := s.Path()
	if err := s.CreateReview(context.Background(), &review.Review{Topic: "t"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o444)
	before, _ := os.ReadFile(path)
	r, err := Open(path, Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() {
		t.Fatal("a file without write permission must open read-only")
	}
	list, err := r.ListReviews(context.Background())
	if err != nil || len(list) != 1 {
		t.Fatalf("list = %v %v", list, err)
	}
	r.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("read-only open changed the file")
	}

	// In a folder we may not write either (a CD, a locked share), SQLite
	// cannot make its shared-memory file; the file still opens to read.
	dir := filepath.Dir(path)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	r2, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("read-only file in a read-only folder: %v", err)
	}
	defer r2.Close()
	if list, err := r2.ListReviews(context.Background()); err != nil || len(list) != 1 || !r2.ReadOnly() {
		t.Fatalf("list = %v %v", list, err)
	}
}

func TestWritableFileInReadOnlyFolder(t *testing.T) {
	if asNobody(t, "TestWritableFileInReadOnlyFolder") {
		return
	}
	s := openTemp(t, Options{})
	path := s.Path()
	if err := s.CreateReview(context.Background(), &review.Review{Topic: "t"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := filepath.Dir(path)
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	r, err := Open(path, Options{Editor: true})
	if err != nil {
		t.Fatalf("writable file in a read-only folder: %v", err)
	}
	defer r.Close()
	if !r.ReadOnly() {
		t.Fatal("should have opened read-only: SQLite cannot write its journal there")
	}
	if list, err := r.ListReviews(context.Background()); err != nil || len(list) != 1 {
		t.Fatalf("list = %v %v", list, err)
	}
}

func TestListReviewTopicsIsListReviewsWithoutCounts(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	saveRich(t, s, richReview("T"))
	full, err := s.ListReviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	topics, err := s.ListReviewTopics(ctx)
	if err != nil || len(full) != 1 || len(topics) != 1 || full[0].Evidence == 0 {
		t.Fatalf("%+v %+v %v", full, topics, err)
	}
	want := full[0]
	want.Evidence, want.Findings, want.Recommendations = 0, 0, 0
	if topics[0] != want {
		t.Errorf("topics %+v, want %+v", topics[0], want)
	}
}
