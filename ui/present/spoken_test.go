package present

import (
	"strings"
	"testing"
	"unicode"

	"scrutiny/review"
	"scrutiny/review/example"
)

// symbols finds any character a screen reader would read out as a shape.
func symbols(s string) []rune {
	var out []rune
	for _, r := range s {
		if r > 0x7f && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sm, r) || strings.ContainsRune("■·█▀▄▌▐░▒▓✓✗…–", r)) {
			out = append(out, r)
		}
	}
	return out
}

func TestSpokenSentencesHaveWordsOnly(t *testing.T) {
	r := example.WallReview()
	r.Criteria[0].Level = review.Good
	r.Findings = []review.Finding{{ID: "f1", Kind: review.GoodPractice, Text: "Friendly call handlers"}}
	for _, es := range everySlide {
		got := Spoken(Snapshot{Pos: es.pos, Review: r}, presentNow)
		if got == "" || len(symbols(got)) > 0 || strings.Contains(got, "\n") {
			t.Errorf("%s: %q has symbols %q", es.name, got, string(symbols(got)))
		}
		t.Logf("%s: %s", es.name, got)
	}
	want := map[string]string{
		"criterion": "Votes for Customer kept informed during their interaction: fair 4, good 4, poor 1; agreed: good.",
		"agenda":    "Agenda item 2 of 3: Score the criteria. 8 minutes left of 20 minutes.",
		"standards": "Service standards: 1 of 3 standards met, 1 not judged. Calls answered within 4 minutes: target 80%, actual 70%, not met.",
		"finding":   "Good practice: Friendly call handlers.",
	}
	for _, es := range everySlide {
		if w, ok := want[es.name]; ok {
			if got := Spoken(Snapshot{Pos: es.pos, Review: r}, presentNow); !strings.HasPrefix(got, w) {
				t.Errorf("%s:\n got %q\nwant %q", es.name, got, w)
			}
		}
	}
	if symbols("■■·· Fair ✓") == nil {
		t.Fatal("the symbol check would find nothing")
	}
}
