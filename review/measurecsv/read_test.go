package measurecsv

import (
	"strings"
	"testing"

	"scrutiny/review"
)

var calls = review.Measure{ID: "m1", Code: "CALLS4", Name: "Calls answered within 4 minutes", Unit: review.UnitPct, Direction: review.HigherBetter}

func known(code string) (review.Measure, bool) {
	if strings.EqualFold(code, calls.Code) {
		return calls, true
	}
	return review.Measure{}, false
}

func read(t *testing.T, csv string) *Preview {
	t.Helper()
	p, err := Read(strings.NewReader(csv), known)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadsAPublishedTable(t *testing.T) {
	p := read(t, "\ufeffCode;Period;Value;Base\nTP01;2023/24;71.4%;1,204\nrp02(1);2023-24;88\nCALLS4;March 2024;70;\nNM01 (2);2023/24;0.4;\n")
	if !p.OK() || len(p.Rows) != 4 {
		t.Fatalf("preview %+v", p)
	}
	r := p.Rows[0]
	if r.Code != "TP01" || r.Result.Period != "2023/24" || r.Result.Value != 71.4 || r.Result.Base != 1204 || r.Line != 2 {
		t.Errorf("row 1: %+v", r)
	}
	if p.Rows[1].Code != "RP02 (1)" || p.Rows[2].Measure.ID != "m1" || p.Rows[2].Result.Period != "March 2024" {
		t.Errorf("rows 2-3: %+v %+v", p.Rows[1], p.Rows[2])
	}
}

func TestGroupsFromALocalityColumn(t *testing.T) {
	p := read(t, "code,period,value,base,locality\nTP01,2023/24,74,120,Bolton\nTP01,2023/24,53,90,Wigan\nTP01,2023/24,66,210,\n")
	if !p.OK() || p.Rows[0].Result.GroupText() != "Bolton (locality)" || !p.Rows[2].Result.Whole() {
		t.Fatalf("preview %+v", p)
	}
}

func TestNamesEveryBadRow(t *testing.T) {
	p := read(t, strings.Join([]string{
		"code,period,value,base",
		"TP01,2023/24,71,1000",  // 2 fine
		"TP13,2023/24,71,1000",  // 3 not a code
		"RP02,2023/24,90,",      // 4 needs a part
		"TP02,last year,71,",    // 5 bad period
		"TP02,2023/25,71,",      // 6 years not in a row
		"TP01,2023-24,72,1000",  // 7 repeats row 2
		"BS01,2023/24,104,",     // 8 over 100%
		"CH01 (1),2023/24,-3,",  // 9 negative rate
		"TP03,2023/24,lots,",    // 10 not a number
		"TP04,2023/24,70,12.5",  // 11 base not whole
		"\x1b[31mX,2023/24,1,",  // 12 control characters do not reach the message
		"CALLS4,2024-03,70,",    // 13 the panel's own: fine
		"calls4,March 2024,71,", // 14 repeats 13
	}, "\n"))
	if p.OK() {
		t.Fatal("a file with bad rows was OK")
	}
	want := map[int]string{3: "TP13", 4: "reported in parts", 5: "not a period", 6: "second year should follow", 7: "repeats row 2",
		8: "out of range", 9: "below zero", 10: "not a number", 11: "whole number", 12: "not a Tenant Satisfaction Measure", 14: "repeats row 13"}
	got := map[int]string{}
	for _, pr := range p.Problems {
		got[pr.Line] = pr.Reason
		if strings.ContainsRune(pr.Reason, 0x1b) {
			t.Errorf("row %d: a control character reached the message: %q", pr.Line, pr.Reason)
		}
	}
	for line, w := range want {
		if !strings.Contains(got[line], w) {
			t.Errorf("row %d: got %q, want it to say %q", line, got[line], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d: %v", len(got), len(want), p.Problems)
	}
	if len(p.Rows) != 2 {
		t.Errorf("%d good rows, want 2", len(p.Rows))
	}
}

func TestComparatorNeedsItsSource(t *testing.T) {
	p := read(t, "code,period,value,comparator,comparator source\nTP01,2023/24,71,74.5,HouseMark peer median 2023/24\nTP07,2023/24,65,70,\n")
	if len(p.Rows) != 1 || !p.Rows[0].Result.HasComparator || p.Rows[0].Result.ComparatorSource != "HouseMark peer median 2023/24" {
		t.Errorf("rows %+v", p.Rows)
	}
	if len(p.Problems) != 1 || p.Problems[0].Line != 3 || !strings.Contains(p.Problems[0].Reason, "no comparator source") {
		t.Errorf("problems %v", p.Problems)
	}
}

func TestRefusesFilesThatAreNotTables(t *testing.T) {
	for name, in := range map[string]string{
		"empty":     "",
		"no header": "TP01,2023/24,71\n",
		"no rows":   "code,period,value\n",
		"xlsx":      "PK\x03\x04junk",
		"utf16":     "\xff\xfec\x00o\x00",
	} {
		if _, err := Read(strings.NewReader(in), known); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
