package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"scrutiny/review"
)

func exportAll(t testing.TB, s *Store, ids ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.ExportBundle(context.Background(), &b, ids...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	a := openTemp(t, Options{})
	r1, r2 := richReview("1"), richReview("2")
	saveRich(t, a, r1)
	saveRich(t, a, r2)
	first := exportAll(t, a)

	b := openTemp(t, Options{})
	res, err := b.ImportBundle(ctx, bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Reviews: 2, Added: 2}) {
		t.Fatalf("first import: %+v", res)
	}
	second := exportAll(t, b)
	if !bytes.Equal(first, second) {
		t.Fatalf("export differs after a round trip:\n%s\n---\n%s", first, second)
	}
	got, err := b.LoadReview(ctx, r1.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, r1, got)

	// Importing the same bundle again changes nothing, not even the
	// edit times.
	before, _ := b.ListReviews(ctx)
	res, err = b.ImportBundle(ctx, bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if res != (ImportResult{Reviews: 2, Unchanged: 2}) {
		t.Fatalf("second import: %+v", res)
	}
	after, _ := b.ListReviews(ctx)
	for i := range before {
		if !before[i].Updated.Equal(after[i].Updated) {
			t.Fatal("a no-op import touched a review")
		}
	}
	if !bytes.Equal(exportAll(t, b), first) {
		t.Fatal("second import changed the data")
	}

	// An edit on one side shows up as one updated review.
	r1.Evidence[0].Notes = "changed on the other laptop"
	if err := a.SaveEvidence(ctx, r1.ID, &r1.Evidence[0]); err != nil {
		t.Fatal(err)
	}
	res, err = b.ImportBundle(ctx, bytes.NewReader(exportAll(t, a)))
	if err != nil || res != (ImportResult{Reviews: 2, Updated: 1, Unchanged: 1}) {
		t.Fatalf("import of an edit: %+v %v", res, err)
	}
	got, _ = b.LoadReview(ctx, r1.ID)
	if got.Evidence[0].Notes != "changed on the other laptop" {
		t.Fatal("edit not merged")
	}

	// A bundle of one review carries only that review and its members.
	one := exportAll(t, a, r2.ID)
	if bytes.Contains(one, []byte(r1.ID)) || !bytes.Contains(one, []byte(r2.Members[0].ID)) ||
		bytes.Contains(one, []byte(r1.Members[0].ID)) {
		t.Fatal("single-review bundle has the wrong content")
	}
	if os.Getenv("BUNDLE_SAMPLE") != "" {
		os.WriteFile(os.Getenv("BUNDLE_SAMPLE"), one, 0o644)
	}
}

func TestImportReviewsFillsIDs(t *testing.T) {
	s := openTemp(t, Options{})
	r := richReview("I")
	r.Members = []review.Member{{Name: "Imported person"}}
	res, err := s.ImportReviews(context.Background(), r)
	if err != nil || res.Added != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if r.ID == "" || r.Evidence[0].ID == "" || r.Surveys[0].Respondents.Row(1).ID == "" || r.Members[0].ID == "" {
		t.Fatal("IDs were not filled")
	}
	r.MemberIDs = []string{r.Members[0].ID}
	if _, err := s.ImportReviews(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadReview(context.Background(), r.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, r, got)
}

func TestImportRefusals(t *testing.T) {
	s := openTemp(t, Options{})
	saveRich(t, s, richReview("R"))
	before := exportAll(t, s)
	good := string(before)
	cases := map[string]string{
		"not json":        "hello",
		"not ours":        `{"format":"other","version":1,"reviews":[]}`,
		"no format":       `{"version":1,"reviews":[]}`,
		"newer":           `{"format":"scrutiny-bundle","version":2,"reviews":[]}`,
		"reviews first":   `{"reviews":[],"format":"scrutiny-bundle","version":1}`,
		"bad date":        `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"x","topic":"t","start":"2019-02-30"}]}`,
		"no id":           `{"format":"scrutiny-bundle","version":1,"reviews":[{"topic":"t"}]}`,
		"dup ids":         `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"x","topic":"t","evidence":[{"id":"e","kind":"k","title":"a"},{"id":"e","kind":"k","title":"b"}]}]}`,
		"bad level":       `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"x","topic":"t","judgement":{"level":"superb"}}]}`,
		"truncated":       good[:len(good)/2],
		"wrong type":      `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":7}]}`,
		"good then bad":   strings.Replace(good, `"reviews":[`, `"reviews":[{"id":"new","topic":"n"},{"id":""},`, 1),
		"negative votes":  `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"x","topic":"t","criteria":[{"id":"c","name":"n","votes":{"good":-1}}]}]}`,
		"unknown verdict": `{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"x","topic":"t","standards":[{"id":"c","promise":"p","verdict":"maybe"}]}]}`,
	}
	for name, in := range cases {
		res, err := s.ImportBundle(context.Background(), strings.NewReader(in))
		if err == nil {
			t.Errorf("%s: accepted (%+v)", name, res)
			continue
		}
		if !strings.Contains(err.Error(), "Nothing was changed") {
			t.Errorf("%s: message %q", name, err)
		}
		if !bytes.Equal(exportAll(t, s), before) {
			t.Fatalf("%s: database changed", name)
		}
	}
	if _, err := s.ImportBundle(context.Background(), strings.NewReader(`{"format":"scrutiny-bundle","version":2}`)); err == nil ||
		!strings.Contains(err.Error(), "newer version") {
		t.Fatalf("newer bundle message: %v", err)
	}
}

func FuzzImportBundle(f *testing.F) {
	src, err := Open(f.TempDir()+"/seed.db", Options{})
	if err != nil {
		f.Fatal(err)
	}
	saveRich(f, src, richReview("F"))
	seed := exportAll(f, src)
	src.Close()
	f.Add(seed)
	f.Add([]byte(`{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"a","topic":"b"}],"members":[{"id":"m","name":"n"}]}`))
	f.Add([]byte(`{"format":"scrutiny-bundle","version":1,"reviews":null}`))
	f.Add([]byte(`[]`))
	s, err := Open(f.TempDir()+"/fuzz.db", Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	saveRich(f, s, richReview("G"))
	f.Fuzz(func(t *testing.T, data []byte) {
		before := exportAll(t, s)
		_, err := s.ImportBundle(context.Background(), bytes.NewReader(data))
		if err != nil && !bytes.Equal(exportAll(t, s), before) {
			t.Fatal("a refused import changed the database")
		}
		if err != nil && !strings.Contains(err.Error(), "Nothing was changed") && !strings.Contains(err.Error(), "Could not") {
			t.Fatalf("unhelpful message: %v", err)
		}
	})
}

func TestImportManyRespondents(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := richReview("M")
	sv := &r.Surveys[0]
	var list []review.Respondent
	for i := 0; i < 2*respBatch+5; i++ {
		list = append(list, review.Respondent{Answers: map[string]string{"q1": itoa(i % 10), "q2": "yes"}})
	}
	sv.Respondents = review.RespondentsFrom(list)
	if res, err := s.ImportReviews(ctx, r); err != nil || res.Added != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if res, err := s.ImportReviews(ctx, r); err != nil || res.Unchanged != 1 {
		t.Fatalf("re-import: %+v %v", res, err)
	}
	list = sv.Respondents.List()
	list[respBatch+3].Answers["q2"] = "no"
	sv.Respondents = review.RespondentsFrom(list)
	if res, err := s.ImportReviews(ctx, r); err != nil || res.Updated != 1 {
		t.Fatalf("one answer changed: %+v %v", res, err)
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameReview(t, r, got)
}

// countSink stands in for the database so the decoder can be fuzzed fast.
type countSink struct{ reviews, members, measures int }

func (c *countSink) review(r *review.Review, res *ImportResult) error {
	c.reviews++
	res.Reviews++
	if r.ID == "" {
		return errors.New("review without an id reached the database")
	}
	return nil
}

func (c *countSink) member(m *review.Member) (bool, error) {
	c.members++
	if m.ID == "" {
		return false, errors.New("member without an id reached the database")
	}
	return true, nil
}

func (c *countSink) measure(m *review.Measure) (bool, error) {
	c.measures++
	if m.ID == "" {
		return false, errors.New("measure without an id reached the database")
	}
	for _, r := range m.Results {
		if r.ID == "" {
			return false, errors.New("result without an id reached the database")
		}
	}
	return true, nil
}

// FuzzReadBundle checks the decoder and its checks alone: it never
// panics, and nothing without an ID gets through.
func FuzzReadBundle(f *testing.F) {
	src, err := Open(f.TempDir()+"/seed.db", Options{})
	if err != nil {
		f.Fatal(err)
	}
	saveRich(f, src, richReview("S"))
	f.Add(exportAll(f, src))
	src.Close()
	f.Add([]byte(`{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"a","topic":"b","surveys":[{"id":"s","name":"n","respondents":[{"id":"r","answers":{"q":"1"}}]}]}],"members":[{"id":"m","name":"n"}]}`))
	f.Add([]byte(`{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"a","criteria":[{"id":"c","votes":{"good":3}}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sink := &countSink{}
		var res ImportResult
		err := readBundle(context.Background(), bytes.NewReader(data), sink, &res)
		if err != nil && strings.Contains(err.Error(), "reached the database") {
			t.Fatal(err)
		}
		if err != nil && !strings.Contains(err.Error(), "Nothing was changed") {
			t.Fatalf("unhelpful message: %v", err)
		}
	})
}
