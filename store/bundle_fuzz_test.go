package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"scrutiny/review"
)

// pick chooses among the allowed words of an enum, an empty value and a
// word of the fuzzer's own, so both the accepted and the refused paths run.
func pick[T ~string](allowed []T, n uint8, own string) string {
	switch i := int(n) % (len(allowed) + 2); {
	case i < len(allowed):
		return string(allowed[i])
	case i == len(allowed):
		return ""
	default:
		return own
	}
}

// extreme turns a fuzzed number into one of the values that broke the app
// (the ends of int64, 4e9, just past a limit) or the number itself.
func extreme(v int64, sel uint64) int64 {
	switch sel % 8 {
	case 0:
		return -1 << 63
	case 1:
		return 1<<63 - 1
	case 2:
		return 4_000_000_000
	case 3:
		return review.MaxCount + 1
	case 4:
		return -v
	}
	return v
}

// FuzzImportWholeBundles builds whole bundles (a review with a meeting,
// evidence, a finding, a survey with a question and respondents, and a
// criterion, plus a roster member) from fuzzed numbers and enum words, and
// imports them into a real file. Whatever the values: no panic; a refusal
// changes nothing and says so; an accepted review is within every limit,
// and its report, minutes, attendance and figures can all be made.
func FuzzImportWholeBundles(f *testing.F) {
	f.Add(int64(1), int64(10), int64(460), int64(4), int64(670), int64(30), int64(7), uint8(0), uint8(0), uint8(0), uint8(0), uint64(1<<64-1), "x", "7")
	f.Add(int64(-1<<63), int64(1<<63-1), int64(1<<63-1), int64(1<<63-1), int64(-5), int64(1<<40), int64(1<<62), uint8(1), uint8(2), uint8(3), uint8(4), uint64(0o10101), "chair\x1b[2J", "\u009b")
	f.Add(int64(0), int64(100), int64(-100_000_000), int64(10_000_000), int64(10_000_000), int64(1440), int64(10_000_000), uint8(7), uint8(7), uint8(7), uint8(7), uint64(0o777777), "", "")
	s, err := Open(f.TempDir()+"/fuzz.db", Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	n := 0
	f.Fuzz(func(t *testing.T, lo, hi, pence, votes, sent, minutes, tally int64, s1, s2, s3, s4 uint8, sel uint64, word, answer string) {
		n++
		rid := fmt.Sprintf("r%d", n)
		lo, hi = extreme(lo, sel), extreme(hi, sel>>3)
		pence, votes = extreme(pence, sel>>6), extreme(votes, sel>>9)
		sent, tally = extreme(sent, sel>>12), extreme(tally, sel>>15)
		q := func(v string) string { b, _ := json.Marshal(v); return string(b) }
		bundle := fmt.Sprintf(`{"format":"scrutiny-bundle","version":1,"reviews":[{"id":"RID","topic":%s,"stage":%s,
"member_ids":["mRID"],
"meetings":[{"id":"mtRID","date":"2019-01-10","start_time":"18:00","end_time":"20:00","attendees":["mRID"],
  "agenda":[{"title":"a","minutes":%d}],"expenses":[{"member_id":"mRID","description":"bus","pence":%d},{"description":"tea","pence":%d}]}],
"evidence":[{"id":"eRID","kind":%s,"title":%s}],
"findings":[{"id":"fRID","kind":%s,"text":"t","evidence_ids":["eRID"]}],
"surveys":[{"id":"sRID","name":"n","sent":%d,"questions":[{"id":"qRID","text":"How?","kind":"scale","min":%d,"max":%d,"tally":{%s:%d}}],
  "respondents":[{"id":"pRID","answers":{"qRID":%s}}]}],
"criteria":[{"id":"cRID","name":"c","level":%s,"votes":{"good":%d,"poor":%d}}]}],
"members":[{"id":"mRID","name":%s,"role":%s}]}`,
			q(word), q(pick(review.Stages, s1, word)),
			minutes, pence, pence,
			q(pick(review.EvidenceKinds, s2, word)), q(answer),
			q(pick([]review.FindingKind{review.GoodPractice, review.Issue}, s3, word)),
			sent, lo, hi, q(answer), tally, q(answer),
			q(pick([]string{"poor", "fair", "good", "excellent"}, s4, word)), votes, votes,
			q(word), q(pick(review.Roles, s4>>2, word)))
		bundle = strings.ReplaceAll(bundle, "RID", rid)

		// A commit is counted (see write): a refusal must make none.
		before := s.commits.Load()
		_, err := s.ImportBundle(ctx, strings.NewReader(bundle))
		if err != nil {
			if !strings.Contains(err.Error(), "Nothing was changed") {
				t.Fatalf("unhelpful refusal: %v", err)
			}
			if s.commits.Load() != before {
				t.Fatal("a refused import committed a change")
			}
			return
		}
		r, err := s.LoadReview(ctx, rid)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.CheckLimits(); err != nil {
			t.Fatalf("an accepted review is outside the limits: %v", err)
		}
		review.Render(r)
		if _, err := review.RenderMinutes(r, r.Meetings[0].ID); err != nil {
			t.Fatal(err)
		}
		for _, m := range review.AttendanceAcross(r.Members, []*review.Review{r}) {
			if m.ExpensesPence < -2*review.MaxPence || m.ExpensesPence > 2*review.MaxPence {
				t.Fatalf("expenses of %d pence from two bounded claims", m.ExpensesPence)
			}
		}
		for i := range r.Surveys {
			sv := &r.Surveys[i]
			for j := range sv.Questions {
				st := sv.QuestionStats(&sv.Questions[j])
				if st.Base < 0 {
					t.Fatalf("a base of %d", st.Base)
				}
			}
		}
		if tv := r.Criteria[0].TotalVotes(); tv < 0 || tv > 2*review.MaxCount {
			t.Fatalf("%d votes in all", tv)
		}
	})
}
