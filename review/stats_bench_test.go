package review

import (
	"strconv"
	"testing"
)

// BenchmarkQuestionStats100k: one 1-10 question answered by 100,000
// respondents, split by a contact-method attribute as well. Target: < 50 ms.
func BenchmarkQuestionStats100k(b *testing.B) {
	methods := []string{"phone", "email", "portal", "in person", "web chat"}
	sv := Survey{Sent: 200000, Questions: []Question{{ID: "q1", Kind: QuestionScale, Min: 1, Max: 10}}}
	list := make([]Respondent, 100000)
	for i := range list {
		a := strconv.Itoa(1 + (i*7)%10)
		if i%37 == 0 {
			a = Excluded
		}
		list[i] = Respondent{Attrs: map[string]string{"contact method": methods[i%5]},
			Answers: map[string]string{"q1": a}}
	}
	sv.Respondents = RespondentsFrom(list)
	q := &sv.Questions[0]
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			if s := sv.QuestionStats(q); s.Base == 0 {
				b.Fatal("no base")
			}
		}
	})
	b.Run("by-attribute", func(b *testing.B) {
		for b.Loop() {
			if g := sv.QuestionStatsBy(q, "contact method"); len(g) != 5 {
				b.Fatal("groups")
			}
		}
	})
}
