package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"scrutiny/review"
)

// A patch writes only the fields that differ between before and after, so
// another writer's change to a different field survives; a change to the
// same field is refused with ErrChanged and the row as it is now.
func TestPatchWritesOnlyTheEditedField(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	a, err := Open(path, Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	r := &review.Review{Topic: "Repairs"}
	if err := a.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	e := review.Evidence{Kind: review.KindPresentation, Title: "Old title", Who: "Old who"}
	if err := a.SaveEvidence(ctx, r.ID, &e); err != nil {
		t.Fatal(err)
	}
	b, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	other := e
	other.Title = "Title from elsewhere"
	if err := b.SaveEvidence(ctx, r.ID, &other); err != nil {
		t.Fatal(err)
	}

	// a still holds e in memory and edits Who.
	after := e
	after.Who = "New who"
	got, err := a.PatchEvidence(ctx, r.ID, &e, &after)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Title from elsewhere" || got.Who != "New who" {
		t.Fatalf("patch gave %+v", got)
	}

	// a edits Title from its stale memory: refused, nothing written.
	after = e
	after.Title = "Mine"
	got, err = a.PatchEvidence(ctx, r.ID, &e, &after)
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("same-field patch gave %v", err)
	}
	if got.Title != "Title from elsewhere" {
		t.Fatalf("refusal returned title %q, want the one stored now", got.Title)
	}
	rv, err := a.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := rv.Evidence[0]; s.Title != "Title from elsewhere" || s.Who != "New who" {
		t.Fatalf("stored %+v", s)
	}

	// Writing the value that is already there is no conflict.
	after = e
	after.Title = "Title from elsewhere"
	if _, err := a.PatchEvidence(ctx, r.ID, &e, &after); err != nil {
		t.Fatalf("a patch to the stored value: %v", err)
	}

	// The header: topic edited here, summary changed elsewhere.
	rb, err := b.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	rb.Summary = "From elsewhere"
	if err := b.SaveReview(ctx, rb); err != nil {
		t.Fatal(err)
	}
	ra := *r
	ra.Topic = "Repairs and voids"
	if _, err := a.PatchReview(ctx, r, &ra); err != nil {
		t.Fatal(err)
	}
	rv, err = a.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rv.Topic != "Repairs and voids" || rv.Summary != "From elsewhere" {
		t.Fatalf("header stored topic %q summary %q", rv.Topic, rv.Summary)
	}

	// A patch of an item in the bin says it is not there.
	if err := b.Delete(ctx, KindEvidence, e.ID); err != nil {
		t.Fatal(err)
	}
	after = rv.Evidence[0]
	after.Notes = "x"
	if _, err := a.PatchEvidence(ctx, r.ID, &rv.Evidence[0], &after); !errors.Is(err, ErrNotFound) {
		t.Fatalf("patch of a binned item gave %v", err)
	}
}

// Every table's patch sees a row just loaded as unchanged: the values of
// what LoadReview gives equal the values read back inside the patch, so a
// rich review's items can each be patched without a false ErrChanged.
func TestPatchOfLoadedItemsIsNeverAFalseConflict(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := richReview("A")
	saveRich(t, s, r)
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("patch of the %s: %v", what, err)
		}
	}
	h := *got
	h.Topic += "!"
	_, err = s.PatchReview(ctx, got, &h)
	check("review", err)
	for i := range got.Evidence {
		a := got.Evidence[i]
		a.Who += "!"
		_, err = s.PatchEvidence(ctx, r.ID, &got.Evidence[i], &a)
		check("evidence", err)
	}
	for i := range got.Findings {
		a := got.Findings[i]
		a.Text += "!"
		_, err = s.PatchFinding(ctx, r.ID, &got.Findings[i], &a)
		check("finding", err)
	}
	for i := range got.Recommendations {
		a := got.Recommendations[i]
		a.Text += "!"
		_, err = s.PatchRecommendation(ctx, r.ID, &got.Recommendations[i], &a)
		check("recommendation", err)
	}
	for i := range got.Criteria {
		a := got.Criteria[i]
		a.Rationale += "!"
		_, err = s.PatchCriterion(ctx, r.ID, &got.Criteria[i], &a)
		check("criterion", err)
	}
	for i := range got.Standards {
		a := got.Standards[i]
		a.Source += "!"
		_, err = s.PatchStandard(ctx, r.ID, &got.Standards[i], &a)
		check("standard", err)
	}
	for i := range got.Meetings {
		a := got.Meetings[i]
		a.Notes += "!"
		_, err = s.PatchMeeting(ctx, r.ID, &got.Meetings[i], &a)
		check("meeting", err)
	}
	for i := range got.Members {
		a := got.Members[i]
		a.Notes += "!"
		_, err = s.PatchMember(ctx, &got.Members[i], &a)
		check("member", err)
	}
	if len(got.Evidence)*len(got.Findings)*len(got.Recommendations)*len(got.Criteria)*len(got.Standards)*len(got.Meetings)*len(got.Members) == 0 {
		t.Fatal("the rich review lacks a kind of item, so this test proves less than it says")
	}
}

// Two editors that reach one file by different names meet the same lock.
func TestEditingLockFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.db")
	a, err := Open(real, Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if b, err := Open(link, Options{Editor: true}); !errors.Is(err, ErrLocked) {
		if b != nil {
			b.Close()
		}
		t.Fatalf("a second editor through a symbolic link got %v, want ErrLocked", err)
	}
}
