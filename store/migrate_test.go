package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// makeVersion1 writes a file as the first release made it: only migration
// 1 applied, with one review in it.
func makeVersion1(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.scrutiny")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil || ms[0].version != 1 {
		t.Fatal(err)
	}
	if _, err := db.Exec(ms[0].sql); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = 1", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("INSERT INTO reviews (id, topic) VALUES ('r1', 'Old review'); INSERT INTO evidence (id, review_id, position, title) VALUES ('e1', 'r1', 0, 'Old evidence')"); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrateOldFile(t *testing.T) {
	if schemaVersion < 2 {
		t.Skip("only one schema version so far")
	}
	path := makeVersion1(t)
	ctx := context.Background()

	// A read-only viewer can read an older file it may not migrate.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a version 1 file: %v", err)
	}
	if list, err := ro.ListReviews(ctx); err != nil || len(list) != 1 || list[0].Evidence != 1 {
		t.Fatalf("list = %+v, %v", list, err)
	}
	ro.Close()

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != schemaVersion {
		t.Fatalf("user_version %d after open, want %d", v, schemaVersion)
	}
	r, err := s.LoadReview(ctx, "r1")
	if err != nil || r.Topic != "Old review" || len(r.Evidence) != 1 || r.Evidence[0].Title != "Old evidence" {
		t.Fatalf("after migration: %+v, %v", r, err)
	}
	var idx string
	s.db.QueryRow("SELECT sql FROM sqlite_schema WHERE name = 'evidence_by_review'").Scan(&idx)
	if idx != "CREATE INDEX evidence_by_review ON evidence(review_id, deleted_at, position)" {
		t.Fatalf("index after migration: %q", idx)
	}
}
