package accessible

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/review/example"
)

// A screen-reader user records the Board's decision on a recommendation
// and reports progress on an action, by numbered menus alone.
func TestDecisionAndActionUpdateThroughStandardInput(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "panel.db"), false)
	ctx := context.Background()
	id, err := example.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	in := script(
		"1",                                                                // the example review
		"11",                                                               // the Board's response and the action plan
		"6",                                                                // recommendation 6, under consideration
		"1", "3", "", "", "", "Digital boards cost too much this year", "", // not accepted, a reason asked for
		"b",
		"2",                                                         // recommendation 2
		"3", "4", "Weekly reports of missed call backs", "Jo Smith", // action 2.1 is done
		"b", "b", "q",
	)
	var out bytes.Buffer
	if err := Run(ctx, st, in, &out, Options{Dir: dir}); err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"Recommendation 6: Under consideration.",
		"Why did the Board not accept it in full?",
		"Saved: recommendation 6 is not accepted.",
		"Action 2.1: Track every task and call back on the new system, with a weekly report of those missed. Behind, overdue by",
		"Saved: action 2.1 is done.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", text)
	}
	r, err := st.LoadReview(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if resp := r.Recommendations[5].Response; resp.Decision != review.NotAccepted || resp.Reason != "Digital boards cost too much this year" {
		t.Errorf("response %+v", resp)
	}
	a := r.Recommendations[1].Actions[0]
	if a.Status != review.Done || len(a.Updates) != 2 || a.Updates[1].Note != "Weekly reports of missed call backs" || a.Updates[1].By != "Jo Smith" {
		t.Errorf("action %+v", a)
	}
}
