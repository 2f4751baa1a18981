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

// benchAnswers gives each respondent's contact method and answers as
// small codes (values[code]), kept compact as a CSV preview keeps them so
// the benchmark's own data does not weigh on the collector.
func benchAnswers() (attrs []string, codes []uint8, values, qids []string) {
	methods := []string{"Phone", "Email", "Self-service portal", "In person", "Web chat"}
	for q := range benchQs {
		qids = append(qids, "q"+strconv.Itoa(q+1))
	}
	values = []string{""}
	for v := 1; v <= 10; v++ {
		values = append(values, strconv.Itoa(v))
	}
	values = append(values, review.Excluded)
	x := uint32(2463534242)
	attrs = make([]string, benchResp)
	codes = make([]uint8, benchResp*benchQs)
	for i := range attrs {
		attrs[i] = methods[i%len(methods)]
		for q := range benchQs {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			switch {
			case x%50 == 0:
			case x%50 == 1:
				codes[i*benchQs+q] = 11
			default:
				codes[i*benchQs+q] = uint8(1 + x%10)
			}
		}
	}
	return attrs, codes, values, qids
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
	attrs, codes, values, qids := benchAnswers()
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
			Row: func(i int, a, q []string) {
				a[0] = attrs[i]
				for k, c := range codes[i*benchQs : (i+1)*benchQs] {
					q[k] = values[c]
				}
			}}
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
	attrs, codes, values, qids := benchAnswers()
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
			for q, c := range codes[i*benchQs : (i+1)*benchQs] {
				if c != 0 {
					rs[i].Answers[qids[q]] = values[c]
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
