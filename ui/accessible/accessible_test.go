package accessible

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/store"
	"scrutiny/ui/present"
)

func openStore(t *testing.T, path string, ro bool) *store.Store {
	t.Helper()
	st, err := store.Open(path, store.Options{ReadOnly: ro})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// script joins answers, one per line, as a person would type them.
func script(lines ...string) *strings.Reader {
	return strings.NewReader(strings.Join(lines, "\n") + "\n")
}

func TestEndToEndThroughStandardInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	report := filepath.Join(dir, "out", "report.md")
	if err := os.Mkdir(filepath.Dir(report), 0o755); err != nil {
		t.Fatal(err)
	}
	st := openStore(t, db, false)
	in := script(
		"1", "Customers contacting us", // start a new review
		"2", "1", "Visit to the contact centre", "2 May 2019", "Head of service", "Listened to calls", // evidence
		"3", "7", "2", "Calls wait too long before they are answered", "1", // finding: 7 is a wrong number first
		"4", "2", "1", // criteria from the first ready-made set
		"1", "y", "", "4", "5", "", "3", "Easy to get through", // votes 0/4/5/0, agreed good
		"b",
		"5", "5", "Improving", "Neither fair nor good summed it up", // judgement in the panel's own word
		"1",                                                                                             // summary
		"9", "2", "Find out how easy it is to contact us", "3", "Look at phone waiting times", "1", "b", // the scope
		"10", "1", "Tell callers their place in the queue", // a recommendation
		"3", "Test the message with tenants", "4", "1", "1", "b", "b",
		"6", report, // export
		"m", // the review menu again, on request
		"q",
	)
	var out bytes.Buffer
	if err := Run(context.Background(), st, in, &out, Options{Dir: dir}); err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"Saved: the new review Customers contacting us.",
		`Saved: evidence "Visit to the contact centre".`,
		"Please type a number from 1 to 2, b to go back, q to quit, or m to hear the choices.",
		`Saved: issue finding "Calls wait too long before they are answered".`,
		"Saved: criterion Timeliness and ease of contact.",
		"Fair: 4 votes.",
		"Excellent: 0 votes.",
		"Most votes for good (5 of 9).",
		"The room's votes lead to good.",
		"Saved: Timeliness and ease of contact scored Good.",
		"2. Quality of the response to the query: Not scored yet",
		"At any question, type q to leave or b to go back. At a menu, type m to hear the choices again.",
		"There are no reviews yet.",
		"Type 1 and press Enter.",
		"Aim: Find out how easy it is to contact us.",
		"1 objective.",
		"1. Look at phone waiting times",
		"0 focus areas.",
		"Saved: recommendation 1.",
		"Recommendation 1: Tell callers their place in the queue",
		"1a: Test the message with tenants",
		"Based on finding F1, issue: Calls wait too long before they are answered",
		"1 evidence item, 1 finding, 0 recommendations, 0 meetings.",
		"Review: Customers contacting us. What would you like to do? Type m to hear the 11 choices again.",
		"Saved: the overall judgement, Improving.",
		"Wrote the report to " + report,
		"Overall judgement: Improving.",
		"Why: Neither fair nor good summed it up",
		"Goodbye.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Error("plain mode must not write terminal escape sequences")
	}
	// Words only: a screen reader reads a gauge or a tick out as shapes.
	for i, l := range strings.Split(text, "\n") {
		if strings.ContainsAny(l, "■·█▀▄✓✗…") {
			t.Errorf("line %d has a symbol: %q", i+1, l)
		}
	}
	for _, bad := range []string{"a number from 1 to 1 ", "1 meetings", "1 findings", "1 evidence items", "1 votes"} {
		if strings.Contains(text, bad) {
			t.Errorf("output says %q", bad)
		}
	}
	// A menu is read in full once; the review menu's tenth choice is read
	// twice: the first time, and when m asked for it.
	if n := strings.Count(text, "10. Recommendations"); n != 2 {
		t.Errorf("the review menu was read in full %d times, want 2", n)
	}
	if t.Failed() {
		t.Logf("output:\n%s", text)
	}

	// The wall was told where the session ended up.
	if pos, err := present.ReadPosition(context.Background(), st); err != nil || pos.Tab != "recommendations" || pos.ItemKind != present.ItemRecommendation {
		t.Errorf("position for the wall = %+v, %v", pos, err)
	}

	// Everything must be in the file, read back by a fresh connection.
	st2 := openStore(t, db, true)
	sums, err := st2.ListReviews(context.Background())
	if err != nil || len(sums) != 1 {
		t.Fatalf("reviews = %v, %v", sums, err)
	}
	r, err := st2.LoadReview(context.Background(), sums[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Evidence) != 1 || r.Evidence[0].Kind != review.KindPresentation || r.Evidence[0].Date != review.MustDate("2019-05-02") {
		t.Errorf("evidence = %+v", r.Evidence)
	}
	if len(r.Findings) != 1 || r.Findings[0].Kind != review.Issue || len(r.Findings[0].EvidenceIDs) != 1 || r.Findings[0].EvidenceIDs[0] != r.Evidence[0].ID {
		t.Errorf("findings = %+v", r.Findings)
	}
	if len(r.Criteria) != 4 {
		t.Fatalf("criteria = %+v", r.Criteria)
	}
	c := r.Criteria[0]
	if c.Level != review.Good || c.Votes != [5]int{0, 0, 4, 5, 0} || c.Rationale != "Easy to get through" {
		t.Errorf("criterion = %+v", c)
	}
	if r.Judgement.Word != "Improving" || r.Judgement.Level != review.LevelNone || r.Judgement.Explanation != "Neither fair nor good summed it up" {
		t.Errorf("judgement = %+v", r.Judgement)
	}
	got, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, review.Render(r)) {
		t.Error("the exported file is not the report of the saved review")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(report), ".*tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestMeetingsAndAttendanceThroughStandardInput(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "panel.db"), false)
	ctx := context.Background()
	r := &review.Review{Topic: "Repairs"}
	if err := st.CreateReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	minutes := filepath.Join(dir, "minutes.md")
	in := script(
		"1",                           // the review
		"8", "1", "1", "Ann Lee", "1", // a new member, the chair
		"1", "1", "Bob Hall", "2", "b", // and a plain member
		"7", "1", "10 January 2019", "6pm", "8:15pm", "Hall | Room 2", "1, 2", "", // a meeting
		"1", "6", "1", "Bus fare", "twelve", "12.50", // an expense, a wrong amount first
		"5", "Agree the scope", // a decision
		"1", // hear the minutes
		"2", minutes,
		"b",
		"3", // attendance totals
		"b", "q",
	)
	var out bytes.Buffer
	if err := Run(ctx, st, in, &out, Options{Dir: dir}); err != nil {
		t.Fatalf("Run: %v\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"Saved: Ann Lee joined this review.",
		"Saved: the meeting on Thursday 10 January 2019.",
		`"twelve" is not an amount of money I can read`,
		"Saved: expense of £12.50 for Bus fare.",
		"1 meeting, 2 hours 15 minutes in all, 2 attendances, 0 apologies, expenses £12.50.",
		"Volunteer time: 4 hours 30 minutes.",
		"Ann Lee: attended 1, apologies 0, 2 hours 15 minutes, expenses £12.50.",
		"Bob Hall: attended 1, apologies 0, 2 hours 15 minutes, expenses £0.00.",
		"Minutes: Repairs.", "Venue: Hall | Room 2", "Time: 18:00 to 20:15 (2 hours 15 minutes)",
		"Ann Lee (chair), Bus fare, £12.50", "Total: £12.50",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("output:\n%s", text)
	}
	md, err := os.ReadFile(minutes)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"18:00 to 20:15", `Hall \| Room 2`, "- Ann Lee (chair)", "1. Agree the scope", "| Ann Lee (chair) | Bus fare | £12.50 |"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("minutes lack %q:\n%s", want, md)
		}
	}
}

func TestEndOfInputAndReadOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	st := openStore(t, db, false)
	ctx := context.Background()
	if err := st.CreateReview(ctx, &review.Review{Topic: "Parking \x1b[31mpolicy"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	ro := openStore(t, db, true)
	var out bytes.Buffer
	// The input ends in the middle of adding evidence: no error, no loop.
	if err := Run(ctx, ro, script("1", "2", "1", "A title", "", "", ""), &out, Options{}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"open for reading only", "Not saved: this file is open for reading only.", "Goodbye."} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") || !strings.Contains(text, "Parking policy") {
		t.Errorf("user text must be shown without control sequences:\n%q", text)
	}
}

func TestWanted(t *testing.T) {
	if !Wanted("dumb", "") || Wanted("xterm-256color", "") || Wanted("", "") {
		t.Error("without ACCESSIBLE, plain mode is wanted exactly when TERM is dumb")
	}
	if !Wanted("xterm-256color", "1") || !Wanted("", "true") || Wanted("xterm", "0") || Wanted("xterm", "false") {
		t.Error("ACCESSIBLE=1 turns plain mode on, ACCESSIBLE=0 does not")
	}
}
