package store

import (
	"context"
	"errors"
	"testing"

	"scrutiny/review"
)

func evidenceTitles(t *testing.T, s *Store, id string) []string {
	t.Helper()
	r, err := s.LoadReview(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range r.Evidence {
		out = append(out, e.Title)
	}
	return out
}

func eq(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBinAndRestore(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "Repairs"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	ev := make([]review.Evidence, 4)
	for i, title := range []string{"A", "B", "C", "D"} {
		ev[i] = review.Evidence{Title: title, Kind: review.KindDocument}
		if err := s.SaveEvidence(ctx, r.ID, &ev[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(ctx, KindEvidence, ev[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := evidenceTitles(t, s, r.ID); !eq(got, []string{"A", "C", "D"}) {
		t.Fatalf("after delete: %v", got)
	}
	if err := s.Delete(ctx, KindEvidence, ev[1].ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting twice = %v", err)
	}
	bin, err := s.Bin(ctx)
	if err != nil || len(bin) != 1 || bin[0].ID != ev[1].ID || bin[0].Kind != KindEvidence ||
		bin[0].ReviewID != r.ID || bin[0].Label != "B" || bin[0].Deleted.IsZero() {
		t.Fatalf("bin = %+v, %v", bin, err)
	}
	// Moving the others while B is in the bin keeps B's place between
	// its neighbours.
	if err := s.Move(ctx, KindEvidence, ev[3].ID, 0); err != nil {
		t.Fatal(err)
	}
	if got := evidenceTitles(t, s, r.ID); !eq(got, []string{"D", "A", "C"}) {
		t.Fatalf("after move: %v", got)
	}
	if err := s.Restore(ctx, KindEvidence, ev[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := evidenceTitles(t, s, r.ID); !eq(got, []string{"D", "A", "B", "C"}) {
		t.Fatalf("after restore: %v", got)
	}
	if bin, _ := s.Bin(ctx); len(bin) != 0 {
		t.Fatalf("bin not empty: %+v", bin)
	}
	if err := s.Restore(ctx, KindEvidence, ev[1].ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("restoring twice = %v", err)
	}
	// Move to the end and past it.
	if err := s.Move(ctx, KindEvidence, ev[3].ID, 99); err != nil {
		t.Fatal(err)
	}
	if got := evidenceTitles(t, s, r.ID); !eq(got, []string{"A", "B", "C", "D"}) {
		t.Fatalf("after move to end: %v", got)
	}
	if err := s.Move(ctx, KindEvidence, "missing", 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("moving a missing item = %v", err)
	}
	if err := s.Move(ctx, Kind("bogus"), ev[0].ID, 0); err == nil {
		t.Fatal("unknown kind accepted")
	}

	// A whole review goes to the bin and comes back with its items.
	if err := s.Delete(ctx, KindReview, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadReview(ctx, r.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("binned review loads: %v", err)
	}
	if list, _ := s.ListReviews(ctx); len(list) != 0 {
		t.Fatalf("binned review listed: %+v", list)
	}
	bin, _ = s.Bin(ctx)
	if len(bin) != 1 || bin[0].Kind != KindReview || bin[0].Label != "Repairs" || bin[0].ReviewID != "" {
		t.Fatalf("bin = %+v", bin)
	}
	if err := s.Restore(ctx, KindReview, r.ID); err != nil {
		t.Fatal(err)
	}
	if got := evidenceTitles(t, s, r.ID); !eq(got, []string{"A", "B", "C", "D"}) {
		t.Fatalf("after review restore: %v", got)
	}
	// A new item added while the last one is in the bin goes after it, so
	// restoring the binned one puts it back before the new one.
	if err := s.Delete(ctx, KindEvidence, ev[3].ID); err != nil {
		t.Fatal(err)
	}
	e := review.Evidence{Title: "E"}
	if err := s.SaveEvidence(ctx, r.ID, &e); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(ctx, KindEvidence, ev[3].ID); err != nil {
		t.Fatal(err)
	}
	if got := evidenceTitles(t, s, r.ID); !eq(got, []string{"A", "B", "C", "D", "E"}) {
		t.Fatalf("after add while binned: %v", got)
	}
}

func TestBinEveryKind(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := richReview("K")
	saveRich(t, s, r)
	ids := map[Kind]string{
		KindMember: r.Members[0].ID, KindMeeting: r.Meetings[0].ID, KindFinding: r.Findings[0].ID,
		KindStandard: r.Standards[0].ID, KindSurvey: r.Surveys[0].ID, KindRespondent: r.Surveys[0].Respondents.Row(0).ID,
		KindRecommendation: r.Recommendations[0].ID, KindCriterion: r.Criteria[0].ID, KindEvidence: r.Evidence[0].ID,
	}
	for k, id := range ids {
		if err := s.Delete(ctx, k, id); err != nil {
			t.Fatalf("Delete(%s): %v", k, err)
		}
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Members) != 1 || len(got.Meetings) != 0 || len(got.Findings) != 1 || len(got.Standards) != 0 ||
		len(got.Surveys) != 0 || len(got.Recommendations) != 0 || len(got.Criteria) != 0 || len(got.Evidence) != 1 {
		t.Fatalf("binned items still loaded: %+v", got)
	}
	bin, err := s.Bin(ctx)
	if err != nil || len(bin) != len(ids) {
		t.Fatalf("bin has %d items, want %d: %v", len(bin), len(ids), err)
	}
	for _, b := range bin {
		if b.Kind == KindRespondent && b.Label != "Answers to Customer survey" {
			t.Errorf("respondent label %q", b.Label)
		}
		if b.Kind != KindMember && b.ReviewID != r.ID {
			t.Errorf("%s in bin without its review: %+v", b.Kind, b)
		}
		if err := s.Restore(ctx, b.Kind, b.ID); err != nil {
			t.Fatal(err)
		}
	}
	back, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, r, back)
}
