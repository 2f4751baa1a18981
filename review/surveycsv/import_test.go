package surveycsv

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/store"
)

func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "panel.scrutiny"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r := &review.Review{Topic: "Customers contacting us"}
	if err := st.CreateReview(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return st, r.ID
}

func TestImportIntoStore(t *testing.T) {
	ctx := context.Background()
	st, rid := openStore(t)
	p := read(t, goodCSV, Options{})
	sv := p.Survey("Contact survey", 670)
	if err := Import(ctx, st, rid, p, &sv); err != nil {
		t.Fatal(err)
	}
	rv, err := st.LoadReview(ctx, rid)
	if err != nil {
		t.Fatal(err)
	}
	if len(rv.Surveys) != 1 {
		t.Fatalf("surveys %d", len(rv.Surveys))
	}
	got := &rv.Surveys[0]
	if got.Name != "Contact survey" || got.Sent != 670 || len(got.Questions) != 4 || got.Respondents.Len() != 5 {
		t.Fatalf("loaded %q sent %d questions %d respondents %d", got.Name, got.Sent, len(got.Questions), got.Respondents.Len())
	}
	s := got.QuestionStats(&got.Questions[1]) // How satisfied were you?
	if got.Questions[1].Text != "How satisfied were you?" || s.Base != 5 || s.SatisfiedN != 2 || s.Counts[4].Label != "Very satisfied" {
		t.Errorf("loaded stats %+v", s)
	}
	groups := got.QuestionStatsBy(&got.Questions[0], "Contact method")
	if groups[0].Value != "Phone" || groups[0].Size != 3 {
		t.Errorf("groups %+v", groups)
	}
}

func TestBadFileChangesNothing(t *testing.T) {
	ctx := context.Background()
	st, rid := openStore(t)
	before, err := st.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := read(t, strings.Replace(goodCSV, "10,fairly", "12,fairly", 1), Options{})
	if p.OK() {
		t.Fatal("12 on a 1-10 scale should be refused")
	}
	sv := p.Survey("Contact survey", 670)
	if err := Import(ctx, st, rid, p, &sv); !errors.Is(err, ErrRows) {
		t.Fatalf("import error %v", err)
	}
	rv, err := st.LoadReview(ctx, rid)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.DataVersion(ctx)
	if len(rv.Surveys) != 0 || after != before {
		t.Errorf("surveys %d, data version %d -> %d", len(rv.Surveys), before, after)
	}
	// A header and nothing else.
	p = read(t, "Ease (1-10),Comments\n\n", Options{})
	sv = p.Survey("empty", 0)
	if err := Import(ctx, st, rid, p, &sv); err == nil || !strings.Contains(err.Error(), "no answers") {
		t.Errorf("header-only import: %v", err)
	}
	// A review that does not exist: the survey is refused before anything.
	p = read(t, goodCSV, Options{})
	sv = p.Survey("x", 0)
	if err := Import(ctx, st, "no-such-review", p, &sv); err == nil {
		t.Error("import into a missing review should fail")
	}
}

// TestImportFailureLeavesNoSurvey: when saving fails (here one respondent
// ID given to two rows), no survey is left behind, not even an empty one,
// and a survey made without maps matches one made with them.
func TestImportFailureLeavesNoSurvey(t *testing.T) {
	ctx := context.Background()
	st, rid := openStore(t)
	p := read(t, goodCSV, Options{})
	first := p.Survey("first", 0)
	if err := Import(ctx, st, rid, p, &first); err != nil {
		t.Fatal(err)
	}
	before, _ := st.DataVersion(ctx)
	sv := p.Survey("second", 0)
	sv.Respondents.IDs[1], sv.Respondents.IDs[3] = "twice", "twice"
	if err := Import(ctx, st, rid, p, &sv); err == nil {
		t.Fatal("a respondent ID used twice was imported")
	}
	rv, err := st.LoadReview(ctx, rid)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := st.DataVersion(ctx); len(rv.Surveys) != 1 || after != before {
		t.Fatalf("%d surveys after a failed import (data version %d -> %d)", len(rv.Surveys), before, after)
	}
	lean := p.SurveyHeader("third", 0)
	if err := Import(ctx, st, rid, p, &lean); err != nil || lean.Respondents.Len() != 0 {
		t.Fatal(err)
	}
	rv, err = st.LoadReview(ctx, rid)
	if err != nil {
		t.Fatal(err)
	}
	a, b := rv.Surveys[0].Respondents, rv.Surveys[1].Respondents
	if a.Len() != b.Len() || a.Len() != p.Rows {
		t.Fatalf("%d and %d respondents for %d rows", a.Len(), b.Len(), p.Rows)
	}
	a.IDs, b.IDs = nil, nil
	if !reflect.DeepEqual(a, b) {
		t.Errorf("with maps %v\nwithout %v", a, b)
	}
}
