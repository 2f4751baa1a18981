package store

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"scrutiny/review"
)

// The test below fills every field of a review by reflection, so a field
// added to a domain type is covered without anyone remembering to add it
// to a fixture: if the store or the bundle does not keep it, the test names
// it.

// notKept lists the parts of a review that deliberately do not survive a
// round trip, each with the reason. Paths are as fillFields builds them:
// [] for any element of a slice, [i] for one element of an array.
var notKept = map[string]string{
	"Review.Criteria[].Votes[0]": "votes are indexed by Level, so index 0 (LevelNone) is never a vote; the bundle writes votes by level word",
}

// enumValues gives the valid values of each named domain type, so a filled
// review means what a real one could. A new named type must be added here
// before the test can fill it.
var enumValues = map[reflect.Type][]reflect.Value{
	reflect.TypeFor[review.Stage]():        values(review.Stages...),
	reflect.TypeFor[review.Role]():         values(review.Roles...),
	reflect.TypeFor[review.Tenure]():       values(review.Tenures...),
	reflect.TypeFor[review.EvidenceKind](): values(review.EvidenceKinds...),
	reflect.TypeFor[review.FindingKind]():  values(review.GoodPractice, review.Issue),
	reflect.TypeFor[review.Channel]():      values(review.Channels...),
	reflect.TypeFor[review.QuestionKind](): values(review.QuestionScale, review.QuestionYesNo, review.QuestionChoice, review.QuestionFreeText),
	reflect.TypeFor[review.Level]():        values(review.Levels...),
	reflect.TypeFor[review.MetState]():     values(review.MetYes, review.MetNo),
	reflect.TypeFor[review.Decision]():     values(review.Decisions...),
	reflect.TypeFor[review.ActionStatus](): values(review.ActionStatuses...),
	reflect.TypeFor[review.Verdict]():      values(review.Verdicts...),
	reflect.TypeFor[review.MeasureUnit]():  values(review.MeasureUnits...),
	reflect.TypeFor[review.Direction]():    values(review.Directions...),
}

func values[T any](vs ...T) []reflect.Value {
	out := make([]reflect.Value, len(vs))
	for i, v := range vs {
		out[i] = reflect.ValueOf(v)
	}
	return out
}

var (
	dateType = reflect.TypeFor[review.Date]()
	timeType = reflect.TypeFor[time.Time]()

	respondentsType = reflect.TypeFor[review.Respondents]()
)

// filler gives every field a distinct non-zero value: a swapped pair of
// columns then shows up as two wrong fields.
type filler struct {
	t    *testing.T
	n    int
	used map[string]bool // notKept entries met while filling
}

func (f *filler) next() int {
	f.n++
	return f.n
}

// fillFields fills v, found at path, and everything inside it.
func (f *filler) fillFields(path string, v reflect.Value) {
	if _, ok := notKept[path]; ok {
		f.used[path] = true
		return
	}
	if vals, ok := enumValues[v.Type()]; ok {
		v.Set(vals[f.next()%len(vals)])
		return
	}
	switch v.Type() {
	case dateType:
		// Dates rise with the counter: meetings load in date order, so
		// they come back in the order they were filled.
		d := time.Date(2001, time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, f.next())
		v.Set(reflect.ValueOf(review.FromTime(d)))
		return
	case timeType:
		v.Set(reflect.ValueOf(time.UnixMilli(int64(f.next()) * 1000).UTC()))
		return
	case respondentsType:
		// Columns are filled through the people they hold: random codes
		// would point at no value.
		var list []review.Respondent
		f.fillFields(path+"[]", reflect.ValueOf(&list).Elem())
		v.Set(reflect.ValueOf(review.RespondentsFrom(list)))
		return
	}
	if v.Kind() != reflect.Struct && v.Type().PkgPath() != "" {
		f.t.Fatalf("%s: the test does not know the valid values of %v; add them to enumValues", path, v.Type())
	}
	f.fillKind(path, v)
}

func (f *filler) fillKind(path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("%s %d", path[strings.LastIndexAny(path, ".[{")+1:], f.next()))
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(f.next()))
	case reflect.Float64:
		// Below 100 with a fraction, so it is a valid value of any unit
		// (percentages included) and a lost fraction shows.
		v.SetFloat(float64(f.next()%90) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			f.fillFields(path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range s.Len() {
			f.fillFields(path+"[]", s.Index(i))
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			f.fillFields(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			f.fillFields(path+"{key}", k)
			f.fillFields(path+"{}", e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		f.t.Fatalf("%s: the test cannot fill a %v yet", path, v.Kind())
	}
}

// filledReview is a review with every field set, except those in notKept.
func filledReview(t *testing.T) *review.Review {
	t.Helper()
	f := &filler{t: t, used: map[string]bool{}}
	r := &review.Review{}
	f.fillFields("Review", reflect.ValueOf(r).Elem())
	for p := range notKept {
		if !f.used[p] {
			t.Errorf("notKept lists %s, which a review no longer has", p)
		}
	}
	// Scales and thresholds must be within 0-100 to be saved at all
	// (review.CheckLimits): bring the counter's values into range, still
	// non-zero and different from their neighbours.
	for i := range r.Surveys {
		sv := &r.Surveys[i]
		sv.High, sv.Low = 1+sv.High%99, 1+sv.Low%99
		for j := range sv.Questions {
			q := &sv.Questions[j]
			q.Min, q.Max = 1+q.Min%49, 51+q.Max%49
		}
	}
	// Members are roster entries, shared by every review, and a load
	// fills them from MemberIDs: the two must name the same people.
	r.MemberIDs = nil
	for _, m := range r.Members {
		r.MemberIDs = append(r.MemberIDs, m.ID)
	}
	// Measures likewise are the panel's, filled from MeasureIDs; a
	// result's period is stored in its canonical form, so it must be one.
	r.MeasureIDs = nil
	year := 2001
	for i := range r.Measures {
		r.MeasureIDs = append(r.MeasureIDs, r.Measures[i].ID)
		for j := range r.Measures[i].Results {
			r.Measures[i].Results[j].Period = review.Period{Start: year*12 + 3, Months: 12, Financial: true}.String()
			year++
		}
	}
	return r
}

// fieldDiffs lists, by field path, where got differs from want.
func fieldDiffs(path string, want, got reflect.Value) []string {
	switch {
	case want.Type() == timeType:
		if !want.Interface().(time.Time).Equal(got.Interface().(time.Time)) {
			return []string{fmt.Sprintf("%s: saved %v, loaded %v", path, want, got)}
		}
		return nil
	case want.Kind() == reflect.Struct && want.Type() != dateType:
		var out []string
		for i := range want.NumField() {
			out = append(out, fieldDiffs(path+"."+want.Type().Field(i).Name, want.Field(i), got.Field(i))...)
		}
		return out
	case want.Kind() == reflect.Slice || want.Kind() == reflect.Array:
		if want.Len() != got.Len() {
			return []string{fmt.Sprintf("%s: saved %d items, loaded %d", path, want.Len(), got.Len())}
		}
		var out []string
		for i := range want.Len() {
			out = append(out, fieldDiffs(fmt.Sprintf("%s[%d]", path, i), want.Index(i), got.Index(i))...)
		}
		return out
	case want.Kind() == reflect.Map:
		return mapDiffs(path, want, got)
	}
	if !reflect.DeepEqual(want.Interface(), got.Interface()) {
		return []string{fmt.Sprintf("%s: saved %s, loaded %s", path, show(want), show(got))}
	}
	return nil
}

func mapDiffs(path string, want, got reflect.Value) []string {
	var out []string
	for _, k := range want.MapKeys() {
		kp := fmt.Sprintf("%s[%q]", path, k)
		if g := got.MapIndex(k); g.IsValid() {
			out = append(out, fieldDiffs(kp, want.MapIndex(k), g)...)
		} else {
			out = append(out, kp+": lost")
		}
	}
	for _, k := range got.MapKeys() {
		if !want.MapIndex(k).IsValid() {
			out = append(out, fmt.Sprintf("%s[%q]: loaded but never saved", path, k))
		}
	}
	return out
}

func show(v reflect.Value) string {
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return fmt.Sprintf("%q", s.String())
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// sameFields fails the test naming every field of want that got lost.
func sameFields(t *testing.T, how string, want, got *review.Review) {
	t.Helper()
	diffs := fieldDiffs("Review", reflect.ValueOf(*want), reflect.ValueOf(*got))
	if len(diffs) > 0 {
		t.Errorf("%d fields did not survive %s (store each one, or list it in notKept with the reason):\n\t%s",
			len(diffs), how, strings.Join(diffs, "\n\t"))
	}
}

func TestEveryFieldSurvivesTheStore(t *testing.T) {
	ctx := context.Background()
	t.Run("save calls", func(t *testing.T) {
		s := openTemp(t, Options{})
		want := filledReview(t)
		saveEachPart(t, s, filledReview(t))
		sameFields(t, "the Save calls and LoadReview", want, load(t, s, want.ID))
	})
	t.Run("ImportReviews", func(t *testing.T) {
		s := openTemp(t, Options{})
		want := filledReview(t)
		if _, err := s.ImportReviews(ctx, filledReview(t)); err != nil {
			t.Fatal(err)
		}
		sameFields(t, "ImportReviews and LoadReview", want, load(t, s, want.ID))
	})
	t.Run("bundle", func(t *testing.T) {
		a, b := openTemp(t, Options{}), openTemp(t, Options{})
		want := filledReview(t)
		if _, err := a.ImportReviews(ctx, filledReview(t)); err != nil {
			t.Fatal(err)
		}
		bundle := exportAll(t, a)
		if _, err := b.ImportBundle(ctx, bytes.NewReader(bundle)); err != nil {
			t.Fatal(err)
		}
		sameFields(t, "ExportBundle and ImportBundle", want, load(t, b, want.ID))
		if !bytes.Equal(exportAll(t, b), bundle) {
			t.Error("the bundle changed on its way through a second file")
		}
	})
}

func load(t *testing.T, s *Store, id string) *review.Review {
	t.Helper()
	got, err := s.LoadReview(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// saveEachPart stores r the way the app does, one part at a time. Every
// part is saved twice, so both the insert and the update of each upsert
// must keep every column.
func saveEachPart(t *testing.T, s *Store, r *review.Review) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	for i := range r.Members {
		must(s.SaveMember(ctx, &r.Members[i]))
		must(s.SaveMember(ctx, &r.Members[i]))
	}
	for i := range r.Measures {
		m := &r.Measures[i]
		for range 2 {
			must(s.SaveMeasure(ctx, m))
			for j := range m.Results {
				must(s.SaveResult(ctx, m.ID, &m.Results[j]))
			}
		}
	}
	must(s.CreateReview(ctx, r))
	must(s.SaveReview(ctx, r))
	for range 2 {
		for i := range r.Meetings {
			must(s.SaveMeeting(ctx, r.ID, &r.Meetings[i]))
		}
		for i := range r.Evidence {
			must(s.SaveEvidence(ctx, r.ID, &r.Evidence[i]))
		}
		for i := range r.Findings {
			must(s.SaveFinding(ctx, r.ID, &r.Findings[i]))
		}
		for i := range r.Standards {
			must(s.SaveStandard(ctx, r.ID, &r.Standards[i]))
		}
		for i := range r.Recommendations {
			must(s.SaveRecommendation(ctx, r.ID, &r.Recommendations[i]))
		}
		for i := range r.Criteria {
			must(s.SaveCriterion(ctx, r.ID, &r.Criteria[i]))
		}
	}
	saveSurveys(t, s, r)
}

// saveSurveys writes the respondents of the first survey one at a time and
// then as a batch, and imports the other surveys whole, so every way
// answers reach the file is covered.
func saveSurveys(t *testing.T, s *Store, r *review.Review) {
	t.Helper()
	ctx := context.Background()
	sv := &r.Surveys[0]
	for range 2 {
		if err := s.SaveSurvey(ctx, r.ID, sv); err != nil {
			t.Fatal(err)
		}
		saveOneThenRest(t, s, sv)
	}
	for i := 1; i < len(r.Surveys); i++ {
		if err := s.ImportSurvey(ctx, r.ID, &r.Surveys[i], nil); err != nil {
			t.Fatal(err)
		}
	}
}
