package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"scrutiny/review"
)

func TestDiskFullIsPlainEnglish(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "full"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	// A page limit makes SQLite report SQLITE_FULL exactly as a full disk.
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.Exec("PRAGMA max_page_count = " + itoa(pages)); err != nil {
		t.Fatal(err)
	}
	e := review.Evidence{Title: "big", Notes: strings.Repeat("x", 200_000)}
	err := s.SaveEvidence(ctx, r.ID, &e)
	if !errors.Is(err, ErrDiskFull) || err.Error() != "The disk is full: nothing was saved. Free some space and try again." {
		t.Fatalf("err = %v", err)
	}
	if e.ID != "" {
		t.Fatal("failed save handed out an ID")
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil || len(got.Evidence) != 0 {
		t.Fatalf("after a failed save: %v %v", got, err)
	}
}

func itoa(n int) string {
	b := []byte{}
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

func TestAddManyRespondentsKeepsOrder(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "survey"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	sv := review.Survey{Name: "big", Questions: []review.Question{{ID: "q1"}, {ID: "q2"}}}
	if err := s.SaveSurvey(ctx, r.ID, &sv); err != nil {
		t.Fatal(err)
	}
	// Two full batches and a remainder, with answer and attribute keys
	// that only some respondents have.
	n := 2*importBatch + 7
	rs := make([]review.Respondent, n)
	for i := range rs {
		rs[i].Answers = map[string]string{"q1": itoa(i)}
		if i%3 == 0 {
			rs[i].Answers["q2"] = "yes \"quoted\""
		}
		if i%5 == 0 {
			rs[i].Attrs = map[string]string{"channel": "phone"}
		}
	}
	if err := s.AddRespondents(ctx, sv.ID, rs[:5]); err != nil {
		t.Fatal(err)
	}
	if err := s.AddRespondents(ctx, sv.ID, rs[5:]); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Surveys[0].Respondents.List(), rs) {
		t.Fatalf("respondents differ after a batched add")
	}
}

func TestInnerIDsAreFilled(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "ids"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	rec := review.Recommendation{Text: "r", SubPoints: []review.SubPoint{{Text: "a"}, {Text: "b"}},
		Actions: []review.Action{{Text: "do it"}}}
	if err := s.SaveRecommendation(ctx, r.ID, &rec); err != nil {
		t.Fatal(err)
	}
	sv := review.Survey{Name: "s", Questions: []review.Question{{Text: "q"}}}
	if err := s.SaveSurvey(ctx, r.ID, &sv); err != nil {
		t.Fatal(err)
	}
	ids := []string{rec.SubPoints[0].ID, rec.SubPoints[1].ID, rec.Actions[0].ID, sv.Questions[0].ID}
	seen := map[string]bool{}
	for _, id := range ids {
		if len(id) != 36 || seen[id] {
			t.Fatalf("IDs not filled uniquely: %q", ids)
		}
		seen[id] = true
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Recommendations[0], rec) || !reflect.DeepEqual(got.Surveys[0].Questions, sv.Questions) {
		t.Fatalf("inner IDs did not round trip: %+v", got.Recommendations[0])
	}
}
