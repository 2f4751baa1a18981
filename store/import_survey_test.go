package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"scrutiny/review"
)

// importRows makes n respondents with awkward attribute values and some
// blank answers, as a CSV import hands them over, and the maps a load
// should give back.
func importRows(n int) (*RespondentRows, []review.Respondent) {
	want := make([]review.Respondent, n)
	attrKeys := []string{"contact \"method\"", "area"}
	ansKeys := []string{"q2", "q10", "q1"} // not sorted: the store sorts
	vals := func(i int) ([]string, []string) {
		a := []string{[]string{"phone", "e-mail\\web", "", "in person ✓"}[i%4], ""}
		if i%3 == 0 {
			a[1] = "north\nside"
		}
		q := []string{strconv.Itoa(i%10 + 1), "", review.Excluded}
		if i%5 != 0 {
			q[1] = "yes"
		}
		return a, q
	}
	for i := range want {
		a, q := vals(i)
		for k, v := range a {
			if v != "" {
				if want[i].Attrs == nil {
					want[i].Attrs = map[string]string{}
				}
				want[i].Attrs[attrKeys[k]] = v
			}
		}
		want[i].Answers = map[string]string{}
		for k, v := range q {
			if v != "" {
				want[i].Answers[ansKeys[k]] = v
			}
		}
	}
	rows := &RespondentRows{N: n, AttrKeys: attrKeys, AnswerKeys: ansKeys, IDs: make([]string, n),
		Row: func(i int, attrs, answers []string) {
			a, q := vals(i)
			copy(attrs, a)
			copy(answers, q)
		}}
	return rows, want
}

func TestImportSurveyRoundTrip(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	r := &review.Review{Topic: "import"}
	if err := s.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	n := 3*importBatch + 7 // full statements and a remainder
	rows, want := importRows(n)
	rows.IDs[5] = "given-id"
	sv := review.Survey{Name: "Contact", Sent: 900, Questions: []review.Question{
		{ID: "q1", Text: "Satisfied?", Kind: review.QuestionScale, Min: 1, Max: 10},
		{ID: "q2", Text: "Again?", Kind: review.QuestionYesNo},
		{ID: "q10", Text: "Why?", Kind: review.QuestionFreeText},
		{Text: "Added later", Kind: review.QuestionFreeText},
	}}
	if err := s.ImportSurvey(ctx, r.ID, &sv, rows); err != nil {
		t.Fatal(err)
	}
	if sv.ID == "" || sv.Questions[3].ID == "" || rows.IDs[5] != "given-id" {
		t.Fatalf("IDs not filled: survey %q question %q respondent 5 %q", sv.ID, sv.Questions[3].ID, rows.IDs[5])
	}
	for i := range want {
		want[i].ID = rows.IDs[i]
		if want[i].ID == "" {
			t.Fatalf("respondent %d has no ID", i)
		}
	}
	got, err := s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Surveys) != 1 {
		t.Fatalf("%d surveys", len(got.Surveys))
	}
	g := got.Surveys[0]
	if g.ID != sv.ID || g.Name != "Contact" || g.Sent != 900 || !reflect.DeepEqual(g.Questions, sv.Questions) {
		t.Fatalf("survey header: got %+v", g)
	}
	if g.Respondents.Len() != n {
		t.Fatalf("%d respondents, want %d", g.Respondents.Len(), n)
	}
	for i := range want {
		if !reflect.DeepEqual(g.Respondents.Row(i), want[i]) {
			t.Fatalf("respondent %d:\nwant %#v\ngot  %#v", i, want[i], g.Respondents.Row(i))
		}
	}
	// The bundle holds the same bytes whichever way the answers came in:
	// the same people saved as rows give the same respondents' JSON.
	fromBlocks := exportedRespondents(t, s, r.ID)
	t2 := filepath.Join(t.TempDir(), "rows.scrutiny")
	s2, err := Open(t2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	r2 := review.Review{ID: r.ID, Topic: r.Topic}
	if err := s2.CreateReview(ctx, &r2); err != nil {
		t.Fatal(err)
	}
	rowSurvey := review.Survey{ID: sv.ID, Name: sv.Name, Sent: sv.Sent, Questions: sv.Questions}
	if err := s2.SaveSurvey(ctx, r.ID, &rowSurvey); err != nil {
		t.Fatal(err)
	}
	if err := s2.AddRespondents(ctx, sv.ID, g.Respondents.List()); err != nil {
		t.Fatal(err)
	}
	if fromRows := exportedRespondents(t, s2, r.ID); fromRows != fromBlocks {
		t.Fatalf("the bundle's respondents differ:\nfrom blocks %.300s\nfrom rows   %.300s", fromBlocks, fromRows)
	}

	// The same survey from maps (rows nil) stores the same answers.
	sv2 := review.Survey{Name: "Again", Questions: sv.Questions, Respondents: review.RespondentsFrom(want[:20])}
	for i := range sv2.Respondents.IDs {
		sv2.Respondents.IDs[i] = ""
	}
	if err := s.ImportSurvey(ctx, r.ID, &sv2, nil); err != nil {
		t.Fatal(err)
	}
	got, err = s.LoadReview(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Surveys[1].Respondents, sv2.Respondents) || sv2.Respondents.Row(0).ID == "" {
		t.Fatalf("from maps:\nwant %#v\ngot  %#v", sv2.Respondents.List()[:2], got.Surveys[1].Respondents.List()[:2])
	}
}

// dumpAll lists every row of every table, to tell "nothing changed" apart
// from "something changed".
func dumpAll(t *testing.T, s *Store) string {
	t.Helper()
	var out []string
	tables, err := s.db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	for _, n := range names {
		rows, err := s.db.Query(fmt.Sprintf("SELECT * FROM %q", n))
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %v", n, vals))
		}
		rows.Close()
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// TestImportSurveyAllOrNothing: a failure part-way through, after
// hundreds of rows have been written, leaves the file as it was: every
// row of every table, and, once closed, every byte of the file.
func TestImportSurveyAllOrNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "panel.scrutiny")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := richReview("A")
	saveRich(t, s, r)
	taken := r.Surveys[0].Respondents.Row(0).ID // already in the file
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name  string
		setup func(rows *RespondentRows, cancel context.CancelFunc)
		want  func(error) bool
	}{
		{"a respondent ID already in the file", func(rows *RespondentRows, _ context.CancelFunc) {
			rows.IDs[5*importBatch+3] = taken
		}, func(err error) bool { return err != nil }},
		{"the same respondent ID twice", func(rows *RespondentRows, _ context.CancelFunc) {
			rows.IDs[1], rows.IDs[4*importBatch] = "twice", "twice"
		}, func(err error) bool { return err != nil }},
		{"cancelled part-way", func(rows *RespondentRows, cancel context.CancelFunc) {
			row := rows.Row
			rows.Row = func(i int, attrs, answers []string) {
				if i == 4*importBatch+1 {
					cancel()
				}
				row(i, attrs, answers)
			}
		}, func(err error) bool { return errors.Is(err, context.Canceled) }},
		{"a survey ID already in the file", func(rows *RespondentRows, _ context.CancelFunc) {},
			func(err error) bool { return err != nil && strings.Contains(err.Error(), "already exists") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			rowsBefore := dumpAll(t, s)
			cctx, cancel := context.WithCancel(ctx)
			defer cancel()
			rows, _ := importRows(10 * importBatch)
			c.setup(rows, cancel)
			sv := review.Survey{Name: "Half", Questions: []review.Question{{ID: "q1", Kind: review.QuestionScale}}}
			if c.name == "a survey ID already in the file" {
				sv.ID = r.Surveys[0].ID
			}
			err = s.ImportSurvey(cctx, r.ID, &sv, rows)
			if !c.want(err) {
				t.Fatalf("ImportSurvey gave %v", err)
			}
			if sv.ID != "" && c.name != "a survey ID already in the file" {
				t.Errorf("a failed import set the survey ID %q", sv.ID)
			}
			if rows.IDs[0] != "" {
				t.Errorf("a failed import set respondent IDs")
			}
			if after := dumpAll(t, s); after != rowsBefore {
				t.Errorf("rows changed by a failed import")
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if after, err := os.ReadFile(path); err != nil || !bytes.Equal(after, before) {
				t.Errorf("the file's bytes changed after a failed import (%v)", err)
			}
		})
	}
	// The file still takes the same import once nothing is wrong.
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, _ := importRows(10 * importBatch)
	sv := review.Survey{Name: "Whole", Questions: []review.Question{{ID: "q1", Kind: review.QuestionScale}}}
	if err := s.ImportSurvey(ctx, r.ID, &sv, rows); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.db.QueryRow("SELECT "+respondentCountSQL+" FROM surveys s WHERE s.id = ?", sv.ID).Scan(&n); err != nil || n != 10*importBatch {
		t.Fatalf("%d respondents after a good import (%v)", n, err)
	}
}
