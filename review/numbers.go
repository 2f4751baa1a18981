package review

import "fmt"

// Numbers are the references the report prints: evidence E1, E2... in list
// order, findings F1, F2... in the order the report shows them (grouped
// under their first evidence), recommendations 1, 2... with sub-points 1a,
// 1b. The workspace, the wall and the accessible mode show the same ones, so
// a facilitator asked about "F7" finds it on screen.
type Numbers struct {
	Evidence map[string]string // evidence ID -> "E3"
	Findings map[string]string // finding ID -> "F7"
}

// Numbers works out the report's references for r. It uses the report's
// own ordering, so the two can never disagree.
func (r *Review) Numbers() Numbers {
	b := &builder{r: r}
	b.plan()
	return Numbers{Evidence: b.evidenceRef, Findings: b.findingRef}
}

// RecRef is recommendation i's number (0-based i): "3".
func RecRef(i int) string { return fmt.Sprint(i + 1) }

// SubRef is sub-point j of recommendation i (both 0-based): "3b".
func SubRef(i, j int) string { return fmt.Sprintf("%d%c", i+1, 'a'+rune(j%26)) }
