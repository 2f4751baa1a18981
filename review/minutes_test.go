package review

import (
	"strings"
	"testing"
)

func TestRenderMinutes(t *testing.T) {
	r := attendanceReview()
	m := &r.Meetings[0]
	m.Venue = "Community Centre | Room 2"
	m.Agenda = []AgendaItem{
		{Title: "Welcome and apologies", Minutes: 10},
		{Title: "Staff presentation: *contact centre*", Minutes: 45, Notes: "Head of service\nto attend"},
		{Title: "Any other business"},
	}
	m.Notes = "The panel heard how calls are routed.\n\n# Not a heading"
	m.Decisions = []string{"Mystery shop the phone line in February", "Chair to write to the Board"}
	out, err := RenderMinutes(r, "m1")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"# Minutes: Customers contacting us\n",
		"Meeting 1 of 4.",
		"| Date | Thursday 10 January 2019 |",
		"| Time | 18:00 to 20:00 (2 hours) |",
		`| Venue | Community Centre \| Room 2 |`,
		"## Present\n\n- Ann Lee (chair)\n- Bob Hall\n- Cat Moss\n",
		"## Apologies\n\nNone.",
		"1. Welcome and apologies (10 minutes)\n",
		`2. Staff presentation: \*contact centre\* (45 minutes)`,
		"   Head of service\n   to attend\n",
		"3. Any other business\n",
		"Time allowed in all: 55 minutes.",
		"The panel heard how calls are routed.\n\n\\# Not a heading\n",
		"## Decisions\n\n1. Mystery shop the phone line in February\n2. Chair to write to the Board\n",
		"| Ann Lee (chair) | Bus fare | £12.50 |",
		"| Not named | Room hire | £5.00 |",
		"| **Total** | | **£25.30** |",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("minutes lack %q\n---\n%s", want, s)
		}
	}
	if strings.HasSuffix(s, "\n\n") || !strings.HasSuffix(s, "\n") {
		t.Errorf("minutes must end with exactly one newline")
	}

	out, err = RenderMinutes(r, "m2")
	if err != nil {
		t.Fatal(err)
	}
	s = string(out)
	for _, want := range []string{"## Apologies\n\n- Bob Hall\n- Cat Moss\n", "(1 hour 30 minutes)", "Thursday 7 February 2019"} {
		if !strings.Contains(s, want) {
			t.Errorf("minutes of m2 lack %q\n---\n%s", want, s)
		}
	}
	if strings.Contains(s, "## Expenses") || strings.Contains(s, "## Decisions") {
		t.Errorf("empty sections must be left out:\n%s", s)
	}

	out, _ = RenderMinutes(r, "m4")
	if !strings.Contains(string(out), "| Time | from 18:00 |") || !strings.Contains(string(out), "- Unknown member") {
		t.Errorf("m4:\n%s", out)
	}
	if _, err := RenderMinutes(r, "nope"); err == nil {
		t.Error("an unknown meeting must be an error")
	}
}
