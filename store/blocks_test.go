package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"scrutiny/review"
)

// respondentCountSQL counts the live respondents of survey s (a query
// over "surveys s"), in blocks and in rows.
const respondentCountSQL = `((SELECT count(*) FROM respondents WHERE survey_id = s.id AND deleted_at IS NULL) +
	(SELECT COALESCE(sum(n), 0) FROM respondent_blocks WHERE survey_id = s.id))`

// exportedRespondents is the "respondents" part of every survey of a
// review's bundle, as bytes.
func exportedRespondents(t testing.TB, s *Store, reviewID string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportBundle(context.Background(), &buf, reviewID); err != nil {
		t.Fatal(err)
	}
	var b struct {
		Reviews []struct {
			Surveys []struct {
				Respondents json.RawMessage `json:"respondents"`
			} `json:"surveys"`
		} `json:"reviews"`
	}
	if err := json.Unmarshal(buf.Bytes(), &b); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range b.Reviews {
		for _, sv := range r.Surveys {
			out = append(out, string(sv.Respondents))
		}
	}
	return strings.Join(out, "\n")
}

// blockRespondents makes n respondents with awkward values: escapes,
// non-ASCII, long comments, values only some people have, and IDs that
// are UUIDs or (when plainIDs) any string.
func blockRespondents(n int, plainIDs bool) []review.Respondent {
	out := make([]review.Respondent, n)
	for i := range out {
		r := review.Respondent{Answers: map[string]string{"q1": fmt.Sprint(1 + i%10)}}
		if plainIDs {
			r.ID = fmt.Sprintf("person-%d", i)
		} else {
			r.ID = fmt.Sprintf("0190a0b0-c0d0-7e0f-8a0b-%012x", i)
		}
		if i%3 == 0 {
			r.Answers["q2"] = "yes"
		}
		if i%7 == 0 {
			r.Answers["q3"] = fmt.Sprintf("comment %d: \"quoted\", \\ back\tslash, café ✓ %s", i, strings.Repeat("x", i%50))
		}
		if i%2 == 0 {
			r.Attrs = map[string]string{"contact method": []string{"phone", "email", "in person"}[i%3]}
		}
		out[i] = r
	}
	return out
}

// TestBlocksRoundTrip: respondents written as blocks (through a bundle
// import of a new survey, more than one block of them) load back equal,
// export as the same bytes as the same people kept as rows, and a second
// import of that bundle changes nothing.
func TestBlocksRoundTrip(t *testing.T) {
	for _, plain := range []bool{false, true} {
		t.Run(fmt.Sprintf("plain IDs %v", plain), func(t *testing.T) {
			ctx := context.Background()
			people := blockRespondents(2*blockSize+17, plain)
			r := &review.Review{ID: newID(), Topic: "Blocks", Surveys: []review.Survey{{
				ID: newID(), Name: "Big", Questions: []review.Question{{ID: "q1", Kind: review.QuestionScale, Min: 1, Max: 10},
					{ID: "q2", Kind: review.QuestionYesNo}, {ID: "q3", Kind: review.QuestionFreeText}},
				Respondents: review.RespondentsFrom(people)}}}
			s := openTemp(t, Options{})
			if _, err := s.ImportReviews(ctx, r); err != nil {
				t.Fatal(err)
			}
			var blocks, rows int
			s.db.QueryRow("SELECT count(*) FROM respondent_blocks").Scan(&blocks)
			s.db.QueryRow("SELECT count(*) FROM respondents").Scan(&rows)
			if blocks != 3 || rows != 0 {
				t.Fatalf("%d blocks and %d rows, want 3 and 0", blocks, rows)
			}
			got, err := s.LoadReview(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Surveys[0].Respondents, r.Surveys[0].Respondents) {
				t.Fatal("the respondents loaded from blocks differ from those saved")
			}
			fromBlocks := exportedRespondents(t, s, r.ID)

			// The same people as rows.
			s2 := openTemp(t, Options{})
			head := *r
			head.Surveys = []review.Survey{r.Surveys[0]}
			head.Surveys[0].Respondents = review.Respondents{}
			if _, err := s2.ImportReviews(ctx, &head); err != nil {
				t.Fatal(err)
			}
			if err := s2.AddRespondents(ctx, r.Surveys[0].ID, people); err != nil {
				t.Fatal(err)
			}
			if fromRows := exportedRespondents(t, s2, r.ID); fromRows != fromBlocks {
				t.Fatalf("bundles differ:\nblocks %.400s\nrows   %.400s", fromBlocks, fromRows)
			}

			var bundle bytes.Buffer
			if err := s.ExportBundle(ctx, &bundle, r.ID); err != nil {
				t.Fatal(err)
			}
			res, err := s.ImportBundle(ctx, bytes.NewReader(bundle.Bytes()))
			if err != nil || res.Unchanged != 1 {
				t.Fatalf("second import: %+v %v", res, err)
			}
			// Into a new file the bundle makes blocks again, equal on loading.
			s3 := openTemp(t, Options{})
			if _, err := s3.ImportBundle(ctx, bytes.NewReader(bundle.Bytes())); err != nil {
				t.Fatal(err)
			}
			got3, err := s3.LoadReview(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got3.Surveys[0].Respondents, r.Surveys[0].Respondents) {
				t.Fatal("the respondents differ after a bundle round trip")
			}
		})
	}
}

// TestBlocksMerge: a bundle that changes one person, adds one and leaves
// out others merges into the blocks by ID; a person typed in afterwards
// (a row) and one saved again with an ID that is in a block both load
// once, in order.
func TestBlocksMerge(t *testing.T) {
	ctx := context.Background()
	people := blockRespondents(blockSize+5, false)
	r := &review.Review{ID: newID(), Topic: "Merge", Surveys: []review.Survey{{ID: newID(), Name: "S",
		Questions: []review.Question{{ID: "q1", Kind: review.QuestionScale, Min: 1, Max: 10}}, Respondents: review.RespondentsFrom(people)}}}
	s := openTemp(t, Options{})
	if _, err := s.ImportReviews(ctx, r); err != nil {
		t.Fatal(err)
	}
	svID := r.Surveys[0].ID

	changed := review.Respondent{ID: people[10].ID, Answers: map[string]string{"q1": "2", "q9": "new"}}
	added := review.Respondent{ID: newID(), Answers: map[string]string{"q1": "9"}}
	next := *r
	next.Surveys = []review.Survey{r.Surveys[0]}
	next.Surveys[0].Respondents = review.RespondentsFrom([]review.Respondent{people[3], changed, added})
	res, err := s.ImportReviews(ctx, &next)
	if err != nil || res.Updated != 1 {
		t.Fatalf("merge: %+v %v", res, err)
	}
	want := append([]review.Respondent{}, people...)
	want[10] = changed
	want = append(want, added)

	typed := review.Respondent{Answers: map[string]string{"q1": "5"}}
	list := []review.Respondent{typed}
	if err := s.AddRespondents(ctx, svID, list); err != nil {
		t.Fatal(err)
	}
	typed.ID = list[0].ID
	want = append(want, typed)

	again := review.Respondent{ID: people[blockSize+1].ID, Answers: map[string]string{"q1": "1"}}
	if err := s.SaveRespondent(ctx, svID, &again); err != nil {
		t.Fatal(err)
	}
	want[blockSize+1] = again

	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if g := got.Surveys[0].Respondents.List(); !reflect.DeepEqual(g, want) {
		t.Fatalf("after the merges: %d people, want %d", len(g), len(want))
	}
	// The typed person can be taken back, as the entry grid's undo does.
	if err := s.Delete(ctx, KindRespondent, typed.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.LoadReview(ctx, r.ID)
	if n := got.Surveys[0].Respondents.Len(); n != len(want)-1 {
		t.Fatalf("%d people after the undo, want %d", n, len(want)-1)
	}
}

// TestDamagedBlock: a block whose bytes were changed is reported as damage
// by loading and exporting, never read past its end or panicked on.
func TestDamagedBlock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "d.scrutiny")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := &review.Review{ID: newID(), Topic: "Damage", Surveys: []review.Survey{{ID: newID(), Name: "S",
		Respondents: review.RespondentsFrom(blockRespondents(50, true))}}}
	if _, err := s.ImportReviews(ctx, r); err != nil {
		t.Fatal(err)
	}
	var data []byte
	if err := s.db.QueryRow("SELECT data FROM respondent_blocks").Scan(&data); err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{1, 2, 5, len(data) / 2, len(data) - 1} {
		bad := append([]byte{}, data[:cut]...)
		if _, err := s.db.Exec("UPDATE respondent_blocks SET data = ?", bad); err != nil {
			t.Fatal(err)
		}
		if _, err := s.LoadReview(ctx, r.ID); err == nil || !strings.Contains(err.Error(), "Run a check of the file") {
			t.Fatalf("cut at %d: load gave %v", cut, err)
		}
		if err := s.ExportBundle(ctx, &bytes.Buffer{}, r.ID); err == nil {
			t.Fatalf("cut at %d: export gave no error", cut)
		}
	}
}

// FuzzBlockParse: no bytes make the block reader panic, and what it
// accepts loads without panicking either.
func FuzzBlockParse(f *testing.F) {
	var cols [2][]blockCol
	cols[1] = []blockCol{{key: "q1", vals: []string{"", "7", "8"}, codes: []uint32{1, 2, 0}}}
	f.Add(appendBlock(nil, []string{"a", "b", "c"}, cols[0], cols[1]))
	f.Add(appendBlock(nil, []string{newID(), newID(), newID()}, cols[0], cols[1]))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v blockView
		if v.parse(data) != nil {
			return
		}
		l := &blockLoader{b: review.NewRespondentsBuilder(v.n)}
		if err := l.add(data); err != nil {
			t.Fatalf("parsed once, not twice: %v", err)
		}
		l.b.Done()
	})
}
