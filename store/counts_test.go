package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"scrutiny/review"
)

// freshCounts counts every review's live evidence, findings and
// recommendations from the rows themselves, as the list did before the
// counts were stored: binned reviews included, binned items not.
const freshCounts = `SELECT r.id,
	(SELECT count(*) FROM evidence e WHERE e.review_id = r.id AND e.deleted_at IS NULL),
	(SELECT count(*) FROM findings f WHERE f.review_id = r.id AND f.deleted_at IS NULL),
	(SELECT count(*) FROM recommendations c WHERE c.review_id = r.id AND c.deleted_at IS NULL)
	FROM reviews r ORDER BY r.id`

type counts struct{ ev, fi, rec int }

func queryCounts(t *testing.T, db *sql.DB, q string) map[string]counts {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]counts{}
	for rows.Next() {
		var id string
		var c counts
		if err := rows.Scan(&id, &c.ev, &c.fi, &c.rec); err != nil {
			t.Fatal(err)
		}
		out[id] = c
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkCounts fails when any review's stored counts differ from a fresh
// count of its rows, when a review has no stored counts or counts are
// stored for no review, or when ListReviews shows other numbers. It
// returns the fresh counts.
func checkCounts(t *testing.T, s *Store, after string) map[string]counts {
	t.Helper()
	want := queryCounts(t, s.db, freshCounts)
	got := queryCounts(t, s.db, "SELECT review_id, evidence, findings, recommendations FROM review_counts")
	for id, w := range want {
		g, ok := got[id]
		switch {
		case !ok:
			t.Fatalf("after %s: review %s has no stored counts (counted %+v)", after, id, w)
		case g != w:
			t.Fatalf("after %s: review %s stored %+v, counted %+v", after, id, g, w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Fatalf("after %s: counts stored for %s, which is not a review", after, id)
		}
	}
	list, err := s.ListReviews(context.Background())
	if err != nil {
		t.Fatalf("after %s: %v", after, err)
	}
	for _, sm := range list {
		if c := (counts{sm.Evidence, sm.Findings, sm.Recommendations}); c != want[sm.ID] {
			t.Fatalf("after %s: list shows %+v for %s, counted %+v", after, c, sm.ID, want[sm.ID])
		}
	}
	return want
}

// TestStoredCounts makes every kind of write the store does to evidence,
// findings and recommendations, and after each compares the stored counts
// with a fresh count.
func TestStoredCounts(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	a, b := richReview("A"), &review.Review{Topic: "Empty B"}
	saveRich(t, s, a) // create, then add every kind of item
	must(s.CreateReview(ctx, b))
	c := checkCounts(t, s, "adding")
	if c[a.ID] != (counts{2, 2, 1}) || c[b.ID] != (counts{}) {
		t.Fatalf("counts after adding: %+v", c)
	}

	// Edits: a whole save, field patches and the undo of one (a patch
	// back), the tracker's many-at-once save.
	a.Evidence[0].Title = "Edited"
	must(s.SaveEvidence(ctx, a.ID, &a.Evidence[0]))
	after := a.Findings[0]
	after.Text = "Patched"
	_, err := s.PatchFinding(ctx, a.ID, &a.Findings[0], &after)
	must(err)
	_, err = s.PatchFinding(ctx, a.ID, &after, &a.Findings[0]) // its undo
	must(err)
	rec := a.Recommendations[0]
	rec.Text = "Patched too"
	_, err = s.PatchRecommendation(ctx, a.ID, &a.Recommendations[0], &rec)
	must(err)
	a.Recommendations[0] = rec
	rec.Response.Words = "From the tracker"
	must(s.SaveRecommendations(ctx, []Changed{{a.ID, &rec}}))
	checkCounts(t, s, "edits")

	// A save naming another review's item is refused and changes nothing.
	e := a.Evidence[1]
	if err := s.SaveEvidence(ctx, b.ID, &e); err == nil {
		t.Fatal("saving A's evidence into B was allowed")
	}
	checkCounts(t, s, "a refused save")

	// Delete to the bin, save while in the bin, restore, reorder; and the
	// workspace's undo of an add (a delete) and of that undo (a restore).
	for _, d := range []struct {
		kind Kind
		id   string
	}{{KindEvidence, a.Evidence[1].ID}, {KindFinding, a.Findings[1].ID}, {KindRecommendation, a.Recommendations[0].ID}} {
		must(s.Delete(ctx, d.kind, d.id))
		checkCounts(t, s, "deleting a "+string(d.kind))
	}
	if c := checkCounts(t, s, "deletes"); c[a.ID] != (counts{1, 1, 0}) {
		t.Fatalf("counts after deletes: %+v", c[a.ID])
	}
	binned := a.Evidence[1]
	binned.Notes = "edited in the bin"
	must(s.SaveEvidence(ctx, a.ID, &binned))
	checkCounts(t, s, "saving an item in the bin")
	must(s.Restore(ctx, KindEvidence, a.Evidence[1].ID))
	must(s.Restore(ctx, KindRecommendation, a.Recommendations[0].ID))
	checkCounts(t, s, "restores")
	must(s.Move(ctx, KindEvidence, a.Evidence[1].ID, 0))
	checkCounts(t, s, "reordering")
	extra := review.Finding{Kind: review.Issue, Text: "Added then undone"}
	must(s.SaveFinding(ctx, b.ID, &extra))
	checkCounts(t, s, "adding to B")
	must(s.Delete(ctx, KindFinding, extra.ID))
	checkCounts(t, s, "undoing the add")
	must(s.Restore(ctx, KindFinding, extra.ID))
	checkCounts(t, s, "undoing the undo")

	// A whole review to the bin and back: its items keep their counts.
	must(s.Delete(ctx, KindReview, b.ID))
	checkCounts(t, s, "deleting a review")
	must(s.Restore(ctx, KindReview, b.ID))
	checkCounts(t, s, "restoring a review")

	// The app never gives an item another review or removes a row with
	// DELETE, but the triggers cover both (the sqlite3 shell could).
	if _, err := s.db.Exec("UPDATE evidence SET review_id = ? WHERE id = ?", b.ID, a.Evidence[0].ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, s, "moving live evidence to another review")
	if _, err := s.db.Exec("UPDATE findings SET review_id = ?, deleted_at = 1 WHERE id = ?", b.ID, a.Findings[0].ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, s, "moving a finding to another review and the bin at once")
	if _, err := s.db.Exec("UPDATE findings SET review_id = ?, deleted_at = NULL WHERE id = ?", a.ID, a.Findings[0].ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, s, "moving it back out of the bin")
	if _, err := s.db.Exec("DELETE FROM recommendations WHERE id = ?", a.Recommendations[0].ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, s, "a DELETE")
	if _, err := s.db.Exec("UPDATE evidence SET review_id = ? WHERE id = ?", a.ID, a.Evidence[0].ID); err != nil {
		t.Fatal(err)
	}
	gone := &review.Review{Topic: "Removed with DELETE"}
	must(s.CreateReview(ctx, gone))
	checkCounts(t, s, "creating an empty review")
	if _, err := s.db.Exec("DELETE FROM reviews WHERE id = ?", gone.ID); err != nil {
		t.Fatal(err)
	}
	checkCounts(t, s, "a DELETE of a review")

	// A survey import writes no counted rows.
	rows, _ := importRows(50)
	sv := review.Survey{Name: "Imported", Questions: []review.Question{{ID: "q1", Text: "Satisfied?", Kind: review.QuestionScale, Min: 1, Max: 10},
		{ID: "q2", Text: "Again?", Kind: review.QuestionYesNo}, {ID: "q10", Text: "Why?", Kind: review.QuestionFreeText}}}
	must(s.ImportSurvey(ctx, b.ID, &sv, rows))
	checkCounts(t, s, "a survey import")

	// Bundles: into a new file, again unchanged, and again after items
	// were binned there (the import brings them back).
	var bundle bytes.Buffer
	must(s.ExportBundle(ctx, &bundle))
	u := openTemp(t, Options{})
	for round, what := range []string{"a bundle import into a new file", "the same import again"} {
		if _, err := u.ImportBundle(ctx, bytes.NewReader(bundle.Bytes())); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if got, want := checkCounts(t, u, what), checkCounts(t, s, "export"); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("after %s: %v, exported %v", what, got, want)
		}
	}
	must(u.Delete(ctx, KindEvidence, a.Evidence[0].ID))
	must(u.Delete(ctx, KindFinding, extra.ID))
	checkCounts(t, u, "deletes in the importing file")
	_, err = u.ImportBundle(ctx, bytes.NewReader(bundle.Bytes()))
	must(err)
	checkCounts(t, u, "a re-import bringing binned items back")

	// An edited bundle: new items and changed ones, merged into a file
	// that has both reviews.
	a2, err := s.LoadReview(ctx, a.ID)
	must(err)
	a2.Evidence = append(a2.Evidence, review.Evidence{Title: "New in the bundle", Kind: review.KindDocument})
	a2.Findings[0].Text = "Changed in the bundle"
	a2.Recommendations = append(a2.Recommendations, review.Recommendation{Text: "New recommendation"})
	_, err = u.ImportReviews(ctx, a2)
	must(err)
	checkCounts(t, u, "importing an edited review")

	// An import refused part-way leaves the counts as they were.
	bad := &review.Review{Topic: "Refused", Evidence: []review.Evidence{{Title: "fine"}},
		Findings: []review.Finding{{ID: a.Findings[0].ID, Text: "belongs to A"}}}
	if _, err := u.ImportReviews(ctx, &review.Review{Topic: "First", Evidence: []review.Evidence{{Title: "x"}}}, bad); err == nil {
		t.Fatal("an import of another review's finding was allowed")
	}
	checkCounts(t, u, "a refused import")
}

// makeVersion writes a file as the release with schema version v made
// it: migrations 1 to v applied, then the SQL in rows.
func makeVersion(t *testing.T, v int, rows string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.scrutiny")
	db, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:v] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("migration %d: %v", m.version, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, v)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(rows); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMigrateFillsCounts opens a file from the version before the counts
// were stored, with live and binned items (and a binned review), and
// checks the counts were filled from them and are kept from then on.
func TestMigrateFillsCounts(t *testing.T) {
	before := countsVersion - 1
	if schemaVersion != countsVersion {
		t.Logf("the counts came at version %d of %d", countsVersion, schemaVersion)
	}
	var rows bytes.Buffer
	for i, r := range []struct {
		id      string
		binned  bool
		ev, fi  int
		rec     int
		evGone  int
		recGone int
	}{{"r1", false, 3, 5, 2, 1, 1}, {"r2", false, 0, 0, 0, 2, 0}, {"r3", true, 1, 2, 3, 0, 1}, {"r4", false, 0, 1, 0, 0, 0}} {
		deleted := "NULL"
		if r.binned {
			deleted = "1700000000000"
		}
		fmt.Fprintf(&rows, "INSERT INTO reviews (id, topic, updated_at, deleted_at) VALUES ('%s', 'Review %d', %d, %s);\n", r.id, i, 1000+i, deleted)
		item := func(table, col string, n int, gone string) {
			for j := 0; j < n; j++ {
				fmt.Fprintf(&rows, "INSERT INTO %s (id, review_id, position, deleted_at, %s) VALUES ('%s-%s-%s%d', '%s', %d, %s, 'x');\n",
					table, col, r.id, table, gone, j, r.id, j, map[string]string{"": "NULL", "g": "1700000000001"}[gone])
			}
		}
		item("evidence", "title", r.ev, "")
		item("evidence", "title", r.evGone, "g")
		item("findings", "body", r.fi, "")
		item("recommendations", "body", r.rec, "")
		item("recommendations", "body", r.recGone, "g")
	}
	path := makeVersion(t, before, rows.String())
	want := map[string]counts{"r1": {3, 5, 2}, "r2": {0, 0, 0}, "r3": {1, 2, 3}, "r4": {0, 1, 0}}
	ctx := context.Background()

	// Read-only, the older file cannot be brought up to date: the list
	// counts the items itself.
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	list, err := ro.ListReviews(ctx)
	ro.Close()
	if err != nil || len(list) != 3 {
		t.Fatalf("read-only list of a version %d file: %+v, %v", before, list, err)
	}
	for _, sm := range list {
		if c := (counts{sm.Evidence, sm.Findings, sm.Recommendations}); c != want[sm.ID] {
			t.Fatalf("read-only list: %s shows %+v, want %+v", sm.ID, c, want[sm.ID])
		}
	}

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != schemaVersion {
		t.Fatalf("user_version %d after open, want %d (%v)", v, schemaVersion, err)
	}
	got := queryCounts(t, s.db, "SELECT review_id, evidence, findings, recommendations FROM review_counts")
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("stored after migration: %v, want %v", got, want)
	}
	checkCounts(t, s, "the migration")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.Delete(ctx, KindEvidence, "r1-evidence-0"))
	must(s.Restore(ctx, KindEvidence, "r1-evidence-g0"))
	f := review.Finding{Text: "new"}
	must(s.SaveFinding(ctx, "r2", &f))
	must(s.Restore(ctx, KindReview, "r3"))
	if c := checkCounts(t, s, "writes to the migrated file"); c["r1"] != (counts{3, 5, 2}) || c["r2"] != (counts{0, 1, 0}) {
		t.Fatalf("after writes: %v", c)
	}
}
