package review

import (
	"strings"
	"testing"
)

// A bundle's question kinds and consultation counts are held to the same
// rules as everything else typed.
func TestLimitsCoverQuestionKindsAndReach(t *testing.T) {
	r := &Review{Topic: "x", Surveys: []Survey{{Questions: []Question{{Text: "q", Kind: "poll"}}}}}
	if err := r.CheckLimits(); err == nil || !strings.Contains(err.Error(), "not a kind of question") {
		t.Errorf("unknown question kind: %v", err)
	}
	r = &Review{Topic: "x", Evidence: []Evidence{{Title: "e", Kind: KindConsultation, Reach: Reach{Saw: MaxCount + 1}}}}
	if err := r.CheckLimits(); err == nil || !strings.Contains(err.Error(), "reach count") {
		t.Errorf("reach out of range: %v", err)
	}
}
