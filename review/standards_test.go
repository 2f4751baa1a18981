package review

import "testing"

// The six Great Places standards at the end of February 2019, entered as
// the convention in standards.go says. The report judged 3 met, 3 not. The
// Verdict is deliberately left unknown so the test shows Met computes each.
func greatPlacesStandards() []Standard {
	return []Standard{
		{Promise: "80% of calls answered within 4 minutes", Target: "at least 80%", Actual: "70%"},
		{Promise: "Ring backs within 1 working hour", Target: "within 1 working hour", Actual: "14 minutes"},
		{Promise: "Customer emails within 4 working hours", Target: "within 4 working hours", Actual: "13 hours"},
		{Promise: "Colleague emails within 24 working hours", Target: "within 24 working hours", Actual: "20 hours"},
		{Promise: "Web chats within 3 minutes", Target: "within 3 minutes", Actual: "1.53 minutes"},
		{Promise: "Satisfaction with service score higher than 7.4", Target: "higher than 7.4", Actual: "7.1"},
	}
}

func TestGreatPlacesStandards(t *testing.T) {
	want := []MetState{MetNo, MetYes, MetNo, MetYes, MetYes, MetNo}
	sts := greatPlacesStandards()
	for i, st := range sts {
		got, computed := st.Met()
		if !computed || got != want[i] {
			t.Errorf("%q: %v (computed %v), want %v; %s", st.Promise, got, computed, want[i], st.Explain())
		}
	}
	if got := StandardsSummary(sts); got != "3 of 6 standards met" {
		t.Errorf("summary %q", got)
	}
	// With Target left blank the figure comes from the promise, same result.
	for i, st := range sts {
		st.Target = ""
		if got, computed := st.Met(); !computed || got != want[i] {
			t.Errorf("from promise %q: %v (computed %v), want %v", st.Promise, got, computed, want[i])
		}
	}
}

func TestParseGoal(t *testing.T) {
	cases := []struct {
		in    string
		op    Op
		unit  Unit
		value float64
	}{
		{"at least 80%", AtLeast, UnitPercent, 80},
		{"80% of calls answered within 4 minutes", AtLeast, UnitPercent, 80},
		{"no more than 5% of calls abandoned", AtMost, UnitPercent, 5},
		{"within 1 working hour", AtMost, UnitTime, 60},
		{"Within 4 Working Hours", AtMost, UnitTime, 240},
		{"within 24 working hours", AtMost, UnitTime, 1440},
		{"within 3 minutes", AtMost, UnitTime, 3},
		{"within an hour", AtMost, UnitTime, 60},
		{"within 5 working days", AtMost, UnitWorkDay, 5},
		{"within 2 days", AtMost, UnitTime, 2880},
		{"within 90 seconds", AtMost, UnitTime, 1.5},
		{"higher than 7.4", MoreThan, UnitNumber, 7.4},
		{"more than 7", MoreThan, UnitNumber, 7},
		{"at most 2 hours", AtMost, UnitTime, 120},
		{"under 20 secs", LessThan, UnitTime, 1.0 / 3},
		{"below 5%", LessThan, UnitPercent, 5},
		{"≥ 90%", AtLeast, UnitPercent, 90},
		{">= 90 per cent", AtLeast, UnitPercent, 90},
		{"<= 4 hrs", AtMost, UnitTime, 240},
		{"< 10", LessThan, UnitNumber, 10},
		{"85%", AtLeast, UnitPercent, 85},
		{"4 hours", AtMost, UnitTime, 240},
		{"8.5 or more", AtLeast, UnitNumber, 8.5},
		{"3 days or less", AtMost, UnitTime, 4320},
		{"Satisfaction with service score higher than 7.4", MoreThan, UnitNumber, 7.4},
		{"Calls answered within 4 minutes", AtMost, UnitTime, 4},
		{"1,000 or more", AtLeast, UnitNumber, 1000},
	}
	for _, c := range cases {
		g, ok := ParseGoal(c.in)
		if !ok || g.Op != c.op || g.Amount.Unit != c.unit || !near(g.Amount.Value, c.value) {
			t.Errorf("ParseGoal(%q) = %+v %v, want op %d unit %d value %v", c.in, g, ok, c.op, c.unit, c.value)
		}
	}
	for _, bad := range []string{"", "as soon as possible", "improve", "within reason", "4 months"} {
		if g, ok := ParseGoal(bad); ok {
			t.Errorf("ParseGoal(%q) = %+v, want not a figure", bad, g)
		}
	}
}

func TestParseAmount(t *testing.T) {
	cases := []struct {
		in    string
		unit  Unit
		value float64
	}{
		{"70%", UnitPercent, 70},
		{"14 minutes", UnitTime, 14},
		{"13 hours", UnitTime, 780},
		{"20 hours", UnitTime, 1200},
		{"1.53 minutes", UnitTime, 1.53},
		{"7.1", UnitNumber, 7.1},
		{"7.1 out of 10", UnitNumber, 7.1},
		{"1 hour 20 minutes", UnitTime, 80},
		{"2 hours and 5 mins", UnitTime, 125},
		{"45 seconds", UnitTime, 0.75},
		{"70% of calls", UnitPercent, 70},
		{"3 working days", UnitWorkDay, 3},
		{"2h", UnitTime, 120},
	}
	for _, c := range cases {
		a, ok := ParseAmount(c.in)
		if !ok || a.Unit != c.unit || !near(a.Value, c.value) {
			t.Errorf("ParseAmount(%q) = %+v %v, want unit %d value %v", c.in, a, ok, c.unit, c.value)
		}
	}
	for _, bad := range []string{"", "not known", "over 20 hours", "4 months", "7.1/10", "about half"} {
		if a, ok := ParseAmount(bad); ok {
			t.Errorf("ParseAmount(%q) = %+v, want not a figure", bad, a)
		}
	}
}

func TestMetFallsBackToVerdict(t *testing.T) {
	cases := []Standard{
		{Target: "within 4 minutes", Actual: "70%", Verdict: MetNo},            // different units
		{Target: "as soon as possible", Actual: "2 days", Verdict: MetYes},     // free text target
		{Target: "at least 80%", Actual: "most of them", Verdict: MetNo},       // free text actual
		{Target: "within 5 working days", Actual: "30 hours", Verdict: MetYes}, // working days vs hours
		{Target: "", Promise: "Keep customers informed", Actual: "", Verdict: MetUnknown},
	}
	for _, st := range cases {
		if got, computed := st.Met(); computed || got != st.Verdict {
			t.Errorf("%+v: got %v computed %v, want the verdict %v", st, got, computed, st.Verdict)
		}
	}
	// Computed answers override a verdict that disagrees.
	st := Standard{Target: "at least 80%", Actual: "79.9%", Verdict: MetYes}
	if got, computed := st.Met(); !computed || got != MetNo {
		t.Errorf("79.9%% against at least 80%%: %v %v", got, computed)
	}
	// Boundaries: "at least" includes the target, "more than" does not.
	for _, c := range []struct {
		target, actual string
		want           MetState
	}{
		{"at least 80%", "80%", MetYes},
		{"more than 80%", "80%", MetNo},
		{"within 4 hours", "240 minutes", MetYes},
		{"under 4 hours", "240 minutes", MetNo},
		{"within 5 working days", "5 days", MetYes},
		{"within 2 days", "47 hours", MetYes},
		{"no more than 5%", "5.1%", MetNo},
	} {
		if got, computed := (Standard{Target: c.target, Actual: c.actual}).Met(); !computed || got != c.want {
			t.Errorf("%s against %s: %v (computed %v), want %v", c.actual, c.target, got, computed, c.want)
		}
	}
}

func TestStandardsSummaryWording(t *testing.T) {
	if got := StandardsSummary(nil); got != "" {
		t.Errorf("%q", got)
	}
	one := []Standard{{Target: "at least 1", Actual: "2"}}
	if got := StandardsSummary(one); got != "1 of 1 standard met" {
		t.Errorf("%q", got)
	}
	mixed := append(greatPlacesStandards(), Standard{Promise: "Be friendly"})
	if got := StandardsSummary(mixed); got != "3 of 7 standards met, 1 not judged" {
		t.Errorf("%q", got)
	}
	if MetYes.Label() != "✓ Met" || MetNo.Label() != "✗ Not met" || MetUnknown.Label() != "? Not judged" {
		t.Errorf("labels %q %q %q", MetYes.Label(), MetNo.Label(), MetUnknown.Label())
	}
}

func near(a, b float64) bool { d := a - b; return d < 1e-9 && d > -1e-9 }
