package store

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"scrutiny/review"
)

func TestMeasureCodesAreUnique(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	a := review.Measure{Code: "TP01", Unit: review.UnitPct, Direction: review.HigherBetter}
	if err := s.SaveMeasure(ctx, &a); err != nil {
		t.Fatal(err)
	}
	b := review.Measure{Code: "tp01"}
	err := s.SaveMeasure(ctx, &b)
	if err == nil || !strings.Contains(err.Error(), "already has a measure with the code tp01") {
		t.Fatalf("second TP01: %v", err)
	}
	if err := s.SaveMeasure(ctx, &review.Measure{Code: "  "}); err == nil {
		t.Error("a measure without a code was saved")
	}
	// A binned measure frees its code.
	if err := s.Delete(ctx, KindMeasure, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveMeasure(ctx, &b); err != nil {
		t.Errorf("code of a binned measure: %v", err)
	}
	if err := s.Restore(ctx, KindMeasure, a.ID); err == nil || !strings.Contains(err.Error(), "another measure with this one's code") {
		t.Errorf("restoring onto a taken code: %v", err)
	}
}

func TestSaveResultChecksPeriodAndValue(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	m := review.Measure{Code: "BS01", Unit: review.UnitPct, Direction: review.HigherBetter}
	if err := s.SaveMeasure(ctx, &m); err != nil {
		t.Fatal(err)
	}
	r := review.Result{Period: "2023-24", Value: 99.5}
	if err := s.SaveResult(ctx, m.ID, &r); err != nil || r.Period != "2023/24" {
		t.Fatalf("save: %v, period %q", err, r.Period)
	}
	if err := s.SaveResult(ctx, m.ID, &review.Result{Period: "2023-24", Value: 140}); err == nil {
		t.Error("140% was saved")
	}
	if err := s.SaveResult(ctx, m.ID, &review.Result{Period: "someday", Value: 40}); err == nil {
		t.Error("a period that cannot be read was saved")
	}
	if err := s.SaveResult(ctx, "nope", &review.Result{Period: "2023", Value: 40}); err == nil {
		t.Error("a result for no measure was saved")
	}
	ms, err := s.ListMeasures(ctx)
	if err != nil || len(ms) != 1 || len(ms[0].Results) != 1 || ms[0].Results[0].Value != 99.5 {
		t.Fatalf("list: %v %+v", err, ms)
	}
}

func TestImportMeasureResultsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	good := []MeasureImport{
		{"TP01", review.Result{Period: "2023/24", Value: 71, Base: 1000}},
		{"RP02 (1)", review.Result{Period: "2023/24", Value: 88.2}},
	}
	bad := append(append([]MeasureImport(nil), good...), MeasureImport{"CALLS", review.Result{Period: "2023/24", Value: 1}})
	_, err := s.ImportMeasureResults(ctx, bad)
	if err == nil || !strings.Contains(err.Error(), "Row 3") || !strings.Contains(err.Error(), "CALLS") {
		t.Fatalf("unknown code: %v", err)
	}
	if ms, _ := s.ListMeasures(ctx); len(ms) != 0 {
		t.Fatalf("a refused import left %d measures", len(ms))
	}
	res, err := s.ImportMeasureResults(ctx, good)
	if err != nil || res.Added != 2 || len(res.NewMeasures) != 2 {
		t.Fatalf("import: %v %+v", err, res)
	}
	again := append([]MeasureImport(nil), good...)
	again[0].Result.Value = 72
	res, err = s.ImportMeasureResults(ctx, again)
	if err != nil || res.Updated != 1 || res.Unchanged != 1 || res.Added != 0 {
		t.Fatalf("import again: %v %+v", err, res)
	}
	ms, _ := s.ListMeasures(ctx)
	if len(ms) != 2 || ms[0].Code != "TP01" || ms[0].Name != "Overall satisfaction" || ms[0].Results[0].Value != 72 {
		t.Fatalf("measures after import: %+v", ms)
	}
}

func TestBundleCarriesMeasuresAndMergesByCode(t *testing.T) {
	ctx := context.Background()
	a, b := openTemp(t, Options{}), openTemp(t, Options{})
	mk := func(s *Store, v float64, period string) review.Measure {
		m := review.Measure{Code: "TP01", Unit: review.UnitPct, Direction: review.HigherBetter,
			Results: []review.Result{{Period: period, Value: v}}}
		r := &review.Review{Topic: "Repairs", Measures: []review.Measure{m}}
		r.Standards = []review.Standard{{Promise: "Satisfied overall"}}
		fillIDs(r)
		r.MeasureIDs = []string{r.Measures[0].ID}
		r.Standards[0].Measure = r.Measures[0].ID
		if _, err := s.ImportReviews(ctx, r); err != nil {
			t.Fatal(err)
		}
		return r.Measures[0]
	}
	ma := mk(a, 71, "2023/24")
	mb := mk(b, 66, "2022/23")
	var buf bytes.Buffer
	if err := a.ExportBundle(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"measures":[`) {
		t.Fatal("the bundle has no measures")
	}
	if _, err := b.ImportBundle(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	ms, _ := b.ListMeasures(ctx)
	if len(ms) != 1 || ms[0].ID != mb.ID || len(ms[0].Results) != 2 {
		t.Fatalf("after merge: %+v", ms)
	}
	// The same period entered on both laptops stays one result: this
	// laptop's.
	c := openTemp(t, Options{})
	mc := mk(c, 50, "2023/24")
	if _, err := c.ImportBundle(ctx, bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	if ms, _ := c.ListMeasures(ctx); len(ms) != 1 || len(ms[0].Results) != 1 || ms[0].Results[0].Value != 50 || ms[0].ID != mc.ID {
		t.Errorf("same period from two laptops: %+v", ms)
	}
	// The imported review now points at b's TP01, not at a's.
	sums, _ := b.ListReviews(ctx)
	for _, sm := range sums {
		r := load(t, b, sm.ID)
		if len(r.MeasureIDs) != 1 || r.MeasureIDs[0] != mb.ID || r.Standards[0].Measure != mb.ID {
			t.Errorf("review %s still points at %v / %s (a's was %s)", r.Topic, r.MeasureIDs, r.Standards[0].Measure, ma.ID)
		}
		if len(r.Measures) != 1 {
			t.Errorf("review %s loaded %d measures", r.Topic, len(r.Measures))
		}
	}
}
