package present

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"

	"scrutiny/review"
	"scrutiny/store"
)

func sample() *review.Review {
	c := review.Criterion{ID: "c1", Name: "Customer kept informed during their interaction", Level: review.Fair,
		Rationale: "Callers were not told how long they would wait, and several said they gave up before anyone answered."}
	for range 4 {
		c.AddVote(review.Fair)
		c.AddVote(review.Good)
	}
	return &review.Review{
		ID: "r1", Topic: "Customers contacting Great Places", Stage: review.StageDrafting,
		Criteria:        []review.Criterion{c, {ID: "c2", Name: "Overall level of customer service", Level: review.Good}},
		Judgement:       review.Judgement{Word: "Improving", Explanation: "Neither fair nor good summed up the service."},
		Recommendations: []review.Recommendation{{ID: "rec1", Text: "Tell callers their place in the queue", SubPoints: []review.SubPoint{{Text: "Test the message with tenants"}}}},
		Standards: []review.Standard{{Promise: "Calls answered within 4 minutes", Target: "80%", Actual: "70%", Verdict: review.MetNo},
			{Promise: "Emails answered within 2 working days", Target: "90%", Actual: "95%", Verdict: review.MetYes}},
		Meetings: []review.Meeting{{ID: "m1", Date: review.MustDate("2019-01-10"), Agenda: []review.AgendaItem{
			{Title: "Welcome", Minutes: 5}, {Title: "Score the criteria", Minutes: 20}}}},
	}
}

func TestSlidesFollowThePosition(t *testing.T) {
	r := sample()
	now := time.Date(2019, 1, 10, 18, 30, 0, 0, time.UTC)
	cases := []struct {
		pos  Position
		want []string
	}{
		{Position{ItemKind: ItemCriterion, ItemID: "c1", Tab: "criteria"}, []string{"Scoring · Customers contacting Great Places",
			"Customer kept informed", "■■·· Fair", "4 (50%)", "split between fair and good", "big: Agreed: ■■·· Fair"}},
		{Position{ItemKind: ItemRecommendation, ItemID: "rec1"}, []string{"big: Recommendation 1", "Tell callers their place", "1a. Test the message"}},
		{Position{ItemKind: ItemStandards}, []string{"Service standards", "Promise", "✗ Not met", "✓ Met", "big: 1 of 2 standards met"}},
		{Position{ItemKind: ItemJudgement}, []string{"Overall judgement", "■■■· Good", "big: Improving", "Neither fair nor good"}},
		{Position{ItemKind: ItemAgenda, ItemID: "m1/1", Since: now.Add(-12*time.Minute - 5*time.Second).UnixMilli()},
			[]string{"Score the criteria", "Agenda item 2 of 2", "big: 7:55 left of 20 minutes"}},
		{Position{ItemKind: ItemCriterion, ItemID: "gone"}, []string{"Customers contacting Great Places", "Stage: drafting report", "big: Judgement: Improving"}},
	}
	for _, tc := range cases {
		sl := BuildSlide(Snapshot{Pos: tc.pos, Review: r}, now)
		got := strings.Join(Render(sl, 80, 24, "", PlainPainter), "\n")
		// What is drawn in block letters is checked in its words.
		for _, l := range sl.Lines {
			if l.Kind == Big {
				got += "\nbig: " + l.Plain()
			}
		}
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%+v: view lacks %q:\n%s", tc.pos, w, got)
			}
		}
	}
	s := BuildSlide(Snapshot{Pos: Position{ItemKind: ItemAgenda, ItemID: "m1/0", Since: now.Add(-6 * time.Minute).UnixMilli()}, Review: r}, now)
	over := false
	for _, l := range s.Lines {
		over = over || (l.Kind == Big && l.Plain() == "1:00 over 5 minutes were allowed" && l.Tone == ToneWarning)
	}
	if !s.Ticking || !over {
		t.Errorf("an agenda item past its time must say so in the warning style: %+v", s)
	}
}

func TestRenderFitsFortyByTwelve(t *testing.T) {
	r := sample()
	for _, pos := range []Position{{ItemKind: ItemCriterion, ItemID: "c1"}, {ItemKind: ItemStandards}, {ItemKind: ItemJudgement}, {}} {
		lines := Render(BuildSlide(Snapshot{Pos: pos, Review: r}, time.Now()), 40, 12, "q quit · t theme", PlainPainter)
		if len(lines) != 12 {
			t.Errorf("%+v: %d lines, want 12", pos, len(lines))
		}
		for _, l := range lines {
			if lipgloss.Width(l) > 40 {
				t.Errorf("%+v: line wider than 40: %q", pos, l)
			}
		}
		if !strings.HasSuffix(lines[11], "q quit · t theme") {
			t.Errorf("the hint must be the last line: %q", lines[11])
		}
	}
	// Nothing is cut: what does not fit goes to a second page, and the
	// last line says so.
	sl := BuildSlide(Snapshot{Pos: Position{ItemKind: ItemCriterion, ItemID: "c1"}, Review: r}, time.Now())
	p1, pages := RenderPage(sl, 40, 12, 0, "q quit · t theme", PlainPainter)
	p2, _ := RenderPage(sl, 40, 12, 1, "q quit · t theme", PlainPainter)
	got := strings.Join(append(p1, p2...), "\n")
	if pages != 2 || !strings.Contains(got, "Agreed: ■■·· Fair") || !strings.Contains(got, "up before anyone answered.") ||
		!strings.Contains(p1[11], "1 of 2 · ↓ more") || !strings.Contains(p2[11], "2 of 2 · ↑ back") || strings.Contains(got, "…") {
		t.Errorf("at 40x12, %d pages:\n%s", pages, got)
	}
}

func TestPublishAndReadPosition(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	ed := openStore(t, db, false)
	ro := openStore(t, db, true)
	if p, err := ReadPosition(ctx, ro); err != nil || p != (Position{}) {
		t.Fatalf("before any publish: %+v %v", p, err)
	}
	f := NewFollower(ro)
	if _, changed, err := f.Poll(ctx); err != nil || !changed {
		t.Fatalf("first poll: %v %v", changed, err)
	}
	if _, changed, _ := f.Poll(ctx); changed {
		t.Error("nothing was saved, yet the follower reloaded")
	}
	r := &review.Review{Topic: "Repairs"}
	if err := ed.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	f.Poll(ctx)
	want := Position{ReviewID: r.ID, Tab: "criteria", ItemKind: ItemCriterion, ItemID: "c"}
	pub := NewPublisher(ed)
	if err := pub.Publish(ctx, want); err != nil {
		t.Fatal(err)
	}
	v1, _ := ed.DataVersion(ctx)
	if err := pub.Publish(ctx, want); err != nil {
		t.Fatal(err)
	}
	if v2, _ := ed.DataVersion(ctx); v2 != v1 {
		t.Error("publishing the same position again must not write")
	}
	snap, changed, err := f.Poll(ctx)
	if err != nil || !changed || snap.Pos != want {
		t.Errorf("after publish: %+v %v %v", snap.Pos, changed, err)
	}
	if err := NewPublisher(ro).Publish(ctx, Position{ReviewID: "x"}); err != nil {
		t.Errorf("a read-only window publishes nothing and reports no error: %v", err)
	}
}

func TestFollowerFallsBackWhenTheReviewGoes(t *testing.T) {
	ctx := context.Background()
	ed := openStore(t, filepath.Join(t.TempDir(), "p.db"), false)
	keep, gone := &review.Review{Topic: "Kept"}, &review.Review{Topic: "Binned"}
	for _, r := range []*review.Review{keep, gone} {
		if err := ed.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := NewPublisher(ed).Publish(ctx, Position{ReviewID: gone.ID, Tab: "criteria"}); err != nil {
		t.Fatal(err)
	}
	f := NewFollower(ed)
	if s, _, err := f.Poll(ctx); err != nil || s.Review == nil || s.Review.Topic != "Binned" {
		t.Fatalf("before: %+v %v", s, err)
	}
	if err := ed.Delete(ctx, store.KindReview, gone.ID); err != nil {
		t.Fatal(err)
	}
	s, changed, err := f.Poll(ctx)
	if err != nil || !changed || s.Review == nil || s.Review.Topic != "Kept" || s.Pos.Tab != "" {
		t.Fatalf("after the bin: %+v changed=%v %v", s, changed, err)
	}
}

// openStore opens a real database file for one test and closes it after.
func openStore(t *testing.T, path string, readOnly bool) *store.Store {
	t.Helper()
	st, err := store.Open(path, store.Options{ReadOnly: readOnly})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Twenty quick moves are a handful of writes, not twenty syncs, and the
// last one always lands.
func TestPostCoalescesMoves(t *testing.T) {
	ctx := context.Background()
	ed := openStore(t, filepath.Join(t.TempDir(), "p.db"), false)
	pub := NewPublisher(ed)
	v0, _ := ed.DataVersion(ctx)
	start := time.Now()
	var last Position
	for i := range 20 {
		last = Position{ReviewID: "r", Tab: "findings", ItemKind: ItemFinding, ItemID: fmt.Sprint("f", i)}
		if err := pub.Post(ctx, last); err != nil {
			t.Fatal(err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := pub.Flush(); err != nil {
		t.Fatal(err)
	}
	v1, _ := ed.DataVersion(ctx)
	// One write per PostGap over the time taken, plus the first and last.
	if most := int64(time.Since(start)/PostGap) + 2; v1-v0 > most {
		t.Errorf("%d writes for 20 moves in %v; at most %d expected", v1-v0, time.Since(start).Round(time.Millisecond), most)
	}
	if got, err := ReadPosition(ctx, ed); err != nil || got != last {
		t.Errorf("after flush the wall reads %+v (%v), want %+v", got, err, last)
	}
	// Posting where it already is writes nothing.
	if err := pub.Post(ctx, last); err != nil || pub.Flush() != nil {
		t.Fatal(err)
	}
	if v2, _ := ed.DataVersion(ctx); v2 != v1 {
		t.Error("posting the same position wrote again")
	}
}

// The editor starts by posting where it is, most often the home screen
// the last session ended on: a position the file already holds is not
// written again (a write would be a sync and the store's whole-file check,
// at every start); one it does not hold is.
func TestPostSkipsWhatTheFileHolds(t *testing.T) {
	ctx := context.Background()
	if b, _ := json.Marshal(Position{}); string(b) != noPosition {
		t.Fatalf("the zero position marshals as %s, not %s", b, noPosition)
	}
	path := filepath.Join(t.TempDir(), "p.db")
	ed := openStore(t, path, false)
	v0, _ := ed.DataVersion(ctx)
	pub := NewPublisher(ed)
	if err := pub.Post(ctx, Position{}); err != nil || pub.Flush() != nil {
		t.Fatal(err)
	}
	if v, _ := ed.DataVersion(ctx); v != v0 {
		t.Error("a new file's editor wrote the empty position")
	}

	where := Position{ReviewID: "r", Tab: "findings"}
	if err := NewPublisher(ed).Publish(ctx, where); err != nil {
		t.Fatal(err)
	}
	v1, _ := ed.DataVersion(ctx)
	pub = NewPublisher(ed)
	if err := pub.Post(ctx, where); err != nil || pub.Flush() != nil {
		t.Fatal(err)
	}
	if v, _ := ed.DataVersion(ctx); v != v1 {
		t.Error("the position the file holds was written again")
	}
	pub = NewPublisher(ed)
	if err := pub.Post(ctx, Position{}); err != nil || pub.Flush() != nil {
		t.Fatal(err)
	}
	if got, err := ReadPosition(ctx, ed); err != nil || got != (Position{}) {
		t.Errorf("after the editor went home the wall reads %+v (%v)", got, err)
	}
}

// An evidence item with no kind, or a kind in another script, must not
// break its slide; the slide carries the report's number.
func TestEvidenceSlideTakesAnyKind(t *testing.T) {
	for _, kind := range []review.EvidenceKind{"", "éntretien", "面談"} {
		r := &review.Review{ID: "r", Evidence: []review.Evidence{{ID: "e1", Kind: kind, Title: "Visit"}}}
		sl, ok := evidenceSlide(r, "e1")
		if !ok || sl.Title != "E1 Visit" {
			t.Errorf("kind %q: slide %+v", kind, sl)
		}
	}
}
