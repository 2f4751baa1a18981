package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"scrutiny/review"
	"scrutiny/store"
)

// 100,000 respondents with a contact method and 20 answers each, as the
// CSV import benchmark (surveycsv) writes them.
const benchResp, benchQs = 100_000, 20

func benchAnswers() (attrs []string, answers [][]string, qids []string) {
	methods := []string{"Phone", "Email", "Self-service portal", "In person", "Web chat"}
	for q := range benchQs {
		qids = append(qids, "q"+strconv.Itoa(q+1))
	}
	x := uint32(2463534242)
	attrs = make([]string, benchResp)
	answers = make([][]string, benchResp)
	for i := range answers {
		attrs[i] = methods[i%len(methods)]
		answers[i] = make([]string, benchQs)
		for q := range answers[i] {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			switch {
			case x%50 == 0:
			case x%50 == 1:
				answers[i][q] = review.Excluded
			default:
				answers[i][q] = strconv.Itoa(int(1 + x%10))
			}
		}
	}
	return attrs, answers, qids
}

func benchSurveyStore(b *testing.B, i int) (*store.Store, string) {
	s, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("import%d.scrutiny", i)), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	r := &review.Review{Topic: "bench"}
	if err := s.CreateReview(context.Background(), r); err != nil {
		b.Fatal(err)
	}
	return s, r.ID
}

// BenchmarkImportSurvey100k: ImportSurvey of a new survey and 100,000
// respondents given as values (RespondentRows), one transaction.
func BenchmarkImportSurvey100k(b *testing.B) {
	attrs, answers, qids := benchAnswers()
	ctx := context.Background()
	cpu := time.Duration(0)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, rid := benchSurveyStore(b, i)
		sv := review.Survey{Name: "bench"}
		for _, q := range qids {
			sv.Questions = append(sv.Questions, review.Question{ID: q, Kind: review.QuestionScale, Min: 1, Max: 10})
		}
		rows := &store.RespondentRows{N: benchResp, AttrKeys: []string{"Contact method"}, AnswerKeys: qids,
			Row: func(i int, a, q []string) { a[0] = attrs[i]; copy(q, answers[i]) }}
		cpu0 := cpuTime()
		b.StartTimer()
		if err := s.ImportSurvey(ctx, rid, &sv, rows); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime() - cpu0
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkAddRespondents100k is the earlier way for comparison: the
// survey saved first, then the respondents as maps with AddRespondents.
func BenchmarkAddRespondents100k(b *testing.B) {
	attrs, answers, qids := benchAnswers()
	ctx := context.Background()
	cpu := time.Duration(0)
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, rid := benchSurveyStore(b, i)
		sv := review.Survey{Name: "bench"}
		rs := make([]review.Respondent, benchResp)
		for i := range rs {
			rs[i].Attrs = map[string]string{"Contact method": attrs[i]}
			rs[i].Answers = make(map[string]string, benchQs)
			for q, v := range answers[i] {
				if v != "" {
					rs[i].Answers[qids[q]] = v
				}
			}
		}
		cpu0 := cpuTime()
		b.StartTimer()
		if err := s.SaveSurvey(ctx, rid, &sv); err != nil {
			b.Fatal(err)
		}
		if err := s.AddRespondents(ctx, sv.ID, rs); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime() - cpu0
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
