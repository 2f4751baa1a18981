package trackersheet

import (
	"bytes"
	"strings"
	"testing"

	"scrutiny/review"
)

func sample() []review.Tracked {
	return []review.Tracked{
		{ReviewID: "r1", ReviewTopic: "Repairs\x1b[31m", Number: 1, Rec: review.Recommendation{ID: "c1", Text: "=HYPERLINK(\"x\")",
			Response: review.Response{Decision: review.Accepted},
			Actions: []review.Action{{ID: "a1", Text: "+44 line", Owner: "@lead", Due: review.D(2020, 3, 1), Status: review.OnTrack,
				Updates: []review.ActionUpdate{{Note: "-5 calls\ta day"}}}}}},
		{ReviewID: "r1", ReviewTopic: "Repairs", Number: 2, Rec: review.Recommendation{ID: "c2", Text: "Plain\r\nwords"}},
	}
}

// A cell a spreadsheet would run as a formula is written with an
// apostrophe and read back without it; control characters never reach a
// cell.
func TestGuardRoundTrip(t *testing.T) {
	for _, kind := range []string{"csv", "xlsx"} {
		var buf bytes.Buffer
		write := WriteCSV
		if kind == "xlsx" {
			write = WriteXLSX
		}
		if err := write(&buf, sample()); err != nil {
			t.Fatal(err)
		}
		if kind == "csv" {
			out := buf.String()
			for _, want := range []string{`"'=HYPERLINK(""x"")"`, "'+44 line", "'@lead", "'-5 calls a day"} {
				if !strings.Contains(out, want) {
					t.Errorf("csv lacks %q:\n%s", want, out)
				}
			}
			if strings.ContainsAny(out, "\x1b\t") {
				t.Errorf("control characters in the csv: %q", out)
			}
		}
		rows, err := Read(&buf, "t."+kind)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("%s: %d rows", kind, len(rows))
		}
		c := rows[0].Cells
		if c[colRec] != `=HYPERLINK("x")` || c[colAction] != "+44 line" || c[colOwner] != "@lead" || c[colUpdate] != "-5 calls a day" || c[colReview] != "Repairs" {
			t.Errorf("%s read back %q", kind, c)
		}
		if rows[1].Cells[colRec] != "Plain words" || rows[1].Line != 3 {
			t.Errorf("%s row 2: %+v", kind, rows[1])
		}
		// What the app wrote, read back, changes nothing.
		p, err := MakePlan(sample(), rows, review.D(2026, 1, 1))
		if err != nil || len(p.Lines) != 0 {
			t.Errorf("%s: own file plans %v, %v", kind, p, err)
		}
	}
}

func TestPlanAppliedTwiceChangesNothing(t *testing.T) {
	ts := sample()
	keys := review.ReviewKeys([]string{"r1"})
	csv := "Reference,Review,Recommendation,Response,Reason,Action,Owner,Due,Status,Update\n" +
		keys["r1"] + "-1.1,,,accepted,,+44 line,@lead,1/3/2020,done,new rota from June\n" +
		keys["r1"] + "-2,,,Partly Accepted,Budget,Review the rota,,,,\n"
	rows, err := Read(strings.NewReader(csv), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	today := review.D(2026, 1, 1)
	p, err := MakePlan(ts, rows, today)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Recommendation 1 of “Repairs”: action 1.1: on track → done, update 'new rota from June'",
		"Recommendation 2 of “Repairs”: response none → partly accepted; reason 'Budget'; action 2.1 added: 'Review the rota', not started",
	}
	if strings.Join(p.Lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("plan:\n%s\nwant\n%s", strings.Join(p.Lines, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range p.Changed {
		for i := range ts {
			if ts[i].Rec.ID == c.Rec.ID {
				ts[i] = c
			}
		}
	}
	again, err := MakePlan(ts, rows, today)
	if err != nil || len(again.Lines) != 0 {
		t.Errorf("second plan: %v, %v", again.Lines, err)
	}
	if u := ts[0].Rec.Actions[0].Updates; len(u) != 2 || u[1].Date != today || u[1].By != Reporter {
		t.Errorf("updates %+v", u)
	}
	if ts[1].Rec.Response.Date != today {
		t.Errorf("a new decision is dated the day it was imported: %+v", ts[1].Rec.Response)
	}
}

func TestPlanRefusals(t *testing.T) {
	key := review.ReviewKeys([]string{"r1"})["r1"]
	head := "Reference,Review,Recommendation,Response,Reason,Action,Owner,Due,Status,Update\n"
	for _, tc := range []struct{ body, msg string }{
		{key + "-1.1,,,accepted,,x,,,paused,\n", `row 2, column Status: "paused" needs a reason: write it in the Update column`},
		{key + "-1.2,,,accepted,,x,,,,\n", "row 2, column Reference: recommendation " + key + "-1 has no action 2"},
		{key + "-1.1,,,accepted,,x,,,,\n" + key + "-1.1,,,not accepted,why,x,,,,\n", "row 3, column Response: row 2 gives recommendation"},
		{key + "-2,,,,,,Someone,,,\n", "row 2, column Owner: there is no action on this row"},
		{"3,,,,,,,,,\n", `row 2, column Reference: "3" is not a reference`},
		{key + "-1.1,,,accepted,,,,,,\n", "row 2, column Action: an action cannot be blank"},
	} {
		rows, err := Read(strings.NewReader(head+tc.body), "t.csv")
		if err != nil {
			t.Fatal(err)
		}
		_, err = MakePlan(sample(), rows, review.D(2026, 1, 1))
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%q: err %v, want %q", tc.body, err, tc.msg)
		}
	}
	if _, err := Read(strings.NewReader("Ref,Review\n"), "t.csv"); err == nil || !strings.Contains(err.Error(), `no "Reference" column`) {
		t.Errorf("bad heading: %v", err)
	}
	if _, err := Read(strings.NewReader("x"), "t.ods"); err == nil || !strings.Contains(err.Error(), ".xlsx or a .csv") {
		t.Errorf("wrong kind: %v", err)
	}
	if _, err := Read(strings.NewReader("not a zip"), "t.xlsx"); err == nil || !strings.Contains(err.Error(), "not a workbook") {
		t.Errorf("broken xlsx: %v", err)
	}
}
