package ui

import (
	"fmt"
	"strings"
	"testing"

	"scrutiny/ui/text"
)

// A finding linked to two pieces of evidence shows under both, each time
// saying where else it is.
func TestFindingShowsUnderEveryLinkedEvidence(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	r := loadReview(t, st, id)
	var want string
	var first, second int
	for _, f := range r.Findings {
		if len(f.EvidenceIDs) >= 2 {
			want = f.Text
			for i, e := range r.Evidence {
				if e.ID == f.EvidenceIDs[0] {
					first = i + 1
				}
				if e.ID == f.EvidenceIDs[1] {
					second = i + 1
				}
			}
			break
		}
	}
	first, second = min(first, second), max(first, second)
	if want == "" {
		t.Fatal("the example has no finding linked to two pieces of evidence")
	}
	tt.press("alt+4")
	s := tt.m.ws.cur().(*findingsTab)
	s.build()
	var under []string
	heading := ""
	for _, row := range s.rows {
		if row.id == "" {
			heading = row.heading
			continue
		}
		if strings.HasSuffix(row.text, text.OneLine(want)) {
			under = append(under, heading+" | "+row.text)
		}
	}
	if len(under) < 2 {
		t.Fatalf("finding shown %d times: %q", len(under), under)
	}
	if !strings.HasPrefix(under[0], fmt.Sprintf("E%d ", first)) || !strings.Contains(under[0], fmt.Sprintf("(also under E%d", second)) {
		t.Errorf("first place = %q", under[0])
	}
	if !strings.HasPrefix(under[1], fmt.Sprintf("E%d ", second)) || !strings.Contains(under[1], fmt.Sprintf("(also under E%d", first)) {
		t.Errorf("second place = %q", under[1])
	}
}
