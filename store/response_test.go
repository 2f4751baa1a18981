package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scrutiny/review"
)

// makeVersion5 writes a file as version 5 left it, with the Board's answer
// as free text and action statuses as free text.
func makeVersion5(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "v5.scrutiny")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.version > 5 {
			break
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = 5", ApplicationID)); err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO reviews (id, topic) VALUES ('r1', 'Old review');
		INSERT INTO recommendations (id, review_id, position, body, board_response, actions) VALUES ('c1', 'r1', 0,
		'Answer calls faster', 'Agreed in full; the Board thanked the panel.',
		'[{"id":"a1","text":"Hire advisers","owner":"Head of contact","due":"2019-10-01","status":"open"},
		  {"id":"a2","text":"New phone menu","status":"Completed"},
		  {"id":"a3","text":"Call backs","status":"waiting on the IT team"}]')`)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrationKeepsFreeTextResponse(t *testing.T) {
	path := makeVersion5(t)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	r, err := s.LoadReview(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	rec := r.Recommendations[0]
	if rec.Response.Words != "Agreed in full; the Board thanked the panel." || rec.Response.Decision != review.DecisionNone {
		t.Errorf("response after migration: %+v", rec.Response)
	}
	got := []review.ActionStatus{rec.Actions[0].Status, rec.Actions[1].Status, rec.Actions[2].Status}
	if got[0] != review.NotStarted || got[1] != review.Done || got[2] != review.NotStarted {
		t.Errorf("statuses after migration: %v", got)
	}
	if u := rec.Actions[2].Updates; len(u) != 1 || !strings.Contains(u[0].Note, "waiting on the IT team") {
		t.Errorf("the unknown status words were lost: %+v", u)
	}
	if rec.Actions[0].Due != review.D(2019, time.October, 1) || rec.Actions[0].Owner != "Head of contact" {
		t.Errorf("action fields: %+v", rec.Actions[0])
	}
	// Saved once, the carried-over words stay exactly as they were.
	if err := s.SaveRecommendation(ctx, "r1", &rec); err != nil {
		t.Fatal(err)
	}
	again, _ := s.LoadReview(ctx, "r1")
	sameReview(t, r, again)
}

// An old bundle wrote the answer and statuses as free text; it still
// imports, and means the same.
func TestOldBundleResponseImports(t *testing.T) {
	old := `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"r1","topic":"Old","scope":{},"judgement":{},
	"recommendations":[{"id":"c1","text":"Answer calls faster","board_response":"Agreed",
	"actions":[{"id":"a1","text":"Hire","status":"in progress"},{"id":"a2","text":"Menu","status":"parked for now"}]}]}],"members":[]}`
	s := openTemp(t, Options{})
	ctx := context.Background()
	if _, err := s.ImportBundle(ctx, strings.NewReader(old)); err != nil {
		t.Fatal(err)
	}
	r, err := s.LoadReview(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	rec := r.Recommendations[0]
	if rec.Response.Words != "Agreed" || rec.Actions[0].Status != review.OnTrack || rec.Actions[1].Status != review.NotStarted ||
		len(rec.Actions[1].Updates) != 1 || !strings.Contains(rec.Actions[1].Updates[0].Note, "parked for now") {
		t.Errorf("old bundle read as %+v", rec)
	}
	// Importing it again changes nothing.
	res, err := s.ImportBundle(ctx, strings.NewReader(old))
	if err != nil || res.Unchanged != 1 {
		t.Errorf("second import: %+v, %v", res, err)
	}
}

// A bundle holding a decision or a status that is not one of the words is
// refused with the word named.
func TestBundleRefusesUnknownDecision(t *testing.T) {
	bad := `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"r1","topic":"Old","scope":{},"judgement":{},
	"recommendations":[{"id":"c1","text":"x","decision":"maybe later"}]}],"members":[]}`
	s := openTemp(t, Options{})
	_, err := s.ImportBundle(context.Background(), strings.NewReader(bad))
	if err == nil || !strings.Contains(err.Error(), "maybe later") {
		t.Fatalf("err = %v", err)
	}
}
