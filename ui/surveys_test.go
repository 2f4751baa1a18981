package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/review"
	"scrutiny/review/surveycsv"
	"scrutiny/ui/text"
)

// toFirstSurvey selects the first survey in tab 9's list.
func toFirstSurvey(tt *tester) {
	tt.press("alt+9", "end")
	for i := 0; i < 20 && !strings.Contains(tt.m.ws.cur().(*surveysTab).selectedID(), "survey:"); i++ {
		tt.press("up")
	}
	for i := 0; i < 20; i++ {
		s := tt.m.ws.cur().(*surveysTab)
		before := s.selectedID()
		tt.press("up")
		if after := s.selectedID(); !strings.HasPrefix(after, "survey:") {
			tt.press("down")
			return
		} else if after == before {
			return
		}
	}
}

func TestStandardsShowMetAndSummary(t *testing.T) {
	tt, st, id := exampleTester(t, 120, 34)
	tt.press("alt+9")
	tt.contains("Service standards: 3 of 6 standards met", "✓ Met", "✗ Not met", "Ring backs within 1 working hour",
		"Surveys (2)", "57 of 670, 8.5%", "77 of 800, 9.6%")
	// The second standard: ring backs, 14 minutes against within 1 hour.
	tt.press("down", "enter")
	tt.contains("Result: ✓ Met (worked out: 14 minutes against within 1 working hour)", "Panel's call")
	tt.lacks("The figures decide") // the panel's call agrees, so nothing to explain
	// Ring backs now take 2 hours: not met, and the summary follows.
	tt.press("down", "down", "enter", "ctrl+u")
	tt.typeText("2 hours")
	tt.press("enter")
	tt.contains("saved 14:03:22", "Service standards: 2 of 6 standards met",
		"Result: ✗ Not met (worked out: 2 hours against within 1 working hour)")
	tt.contains("The figures decide; the panel's call is kept for when they cannot.") // the seed's call was met
	r := loadReview(t, st, id)
	if r.Standards[1].Actual != "2 hours" || review.StandardsSummary(r.Standards) != "2 of 6 standards met" {
		t.Fatalf("stored %q: %s", r.Standards[1].Actual, review.StandardsSummary(r.Standards))
	}
}

func TestAddStandardWithFreeTextTarget(t *testing.T) {
	tt, st := newReviewTester(t, 100, 30)
	tt.press("esc", "alt+9")
	tt.contains("(none yet: press alt+a to add one)", "Service standards (none yet)")
	tt.press("alt+a")
	tt.typeText("Repairs fixed first time")
	tt.press("tab", "enter")
	tt.typeText("as often as possible")
	tt.press("tab", "enter")
	tt.typeText("most of them")
	tt.press("esc")
	tt.contains("0 of 1 standard met", "? Not judged", "the panel's call: target and actua")
	// The panel decides: met.
	tt.press("down", "right")
	tt.contains("1 of 1 standard met")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if len(r.Standards) != 1 || r.Standards[0].Verdict != review.MetYes || r.Standards[0].Target != "as often as possible" {
		t.Fatalf("stored %+v", r.Standards)
	}
}

func TestSurveyFiguresAndChart(t *testing.T) {
	tt, _, _ := exampleTester(t, 100, 40)
	toFirstSurvey(tt)
	tt.press("alt+f")
	tt.contains("Figures: First customer survey", "Responses: 57 of 670, 8.5%, sent by text on 28 January 2019",
		"Q1. How easy was it to contact Great Places?", "average 7.42", "7 or more", "3 or less", "│█",
		"Base  Average  Top score", "b split by contact method")
	// Every bar has its label, count and percentage.
	lines := strings.Split(tt.screen(), "\n")
	bars := 0
	for _, l := range lines {
		if strings.Contains(l, "│") && strings.HasSuffix(strings.TrimRight(l, " "), "%") {
			bars++
		}
	}
	if bars < 10 {
		t.Fatalf("%d bars with a percentage:\n%s", bars, tt.screen())
	}
	tt.press("esc")
	toFirstSurvey(tt)
	tt.press("end", "alt+f", "alt+b")
	tt.contains("split by", "phone (49)", "Base  Average  Top score", "b everyone together")
	// Split figures are a table: one row per group with its numbers.
	for _, l := range strings.Split(tt.screen(), "\n") {
		if strings.Contains(l, "phone (49)") && (strings.Count(l, "%") < 3 || strings.Contains(l, "answered")) {
			t.Errorf("the phone group is not a table row: %q", l)
		}
	}
	tt.press("esc")
	tt.lacks("Figures:")
}

func writeCSV(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportCSVPreviewThenAllOrNothing(t *testing.T) {
	tt, st := newReviewTester(t, 100, 40)
	tt.press("esc", "alt+9")
	bad := writeCSV(t, "bad.csv", "Contact method,Ease (1-10)\nPhone,7\nEmail,12\nPhone,8\nPhone,9\nPhone\n")
	tt.press("alt+i")
	tt.contains("Import a survey from a CSV file", "File:")
	tt.typeText(bad)
	tt.press("enter")
	tt.contains("✗ 2 rows could not be read", `row 3, column "Ease (1-10)": "12" is not on the 1-10 scale`,
		"row 6: this row has 1 values", "Columns", "scale 1-10")
	tt.press("enter") // refused: nothing to import
	if r := loadReview(t, st, tt.m.ws.rev.ID); len(r.Surveys) != 0 {
		t.Fatal("a file with bad rows was imported")
	}
	// Back to the path, choose a good file.
	good := writeCSV(t, "contact.csv", "Contact method;Ease (1-10);Satisfied?\nPhone;7;Yes\nEmail;10;No\nPhone;Don't know;Yes\n")
	tt.press("esc", "ctrl+u")
	tt.typeText(good)
	tt.press("enter")
	tt.contains("✓ Every row can be read", "First rows", "Phone | 7 | Yes", "› Contact method  attribute")
	// The user can say what a column is: leave it out, or (wrongly) a scale.
	tt.press("space")
	tt.contains("› Contact method  ignore")
	tt.press("space")
	tt.contains("› Contact method  scale 1-10", "✗ 3 rows could not be read", `"Phone" is not a number on the 1-10 scale`)
	tt.press("space", "space", "space", "space", "space", "space")
	tt.contains("› Contact method  attribute", "✓ Every row can be read")
	tt.press("tab")
	tt.contains("› Ease (1-10)")
	tt.press("enter")
	tt.contains("imported 3 people's answers", "3 responses · contact")
	r := loadReview(t, st, tt.m.ws.rev.ID)
	if len(r.Surveys) != 1 || r.Surveys[0].Respondents.Len() != 3 || len(r.Surveys[0].Questions) != 2 {
		t.Fatalf("stored %+v", r.Surveys)
	}
	// One undo takes the whole import back out.
	tt.press("ctrl+z")
	tt.contains("Surveys (0)")
	if r := loadReview(t, st, tt.m.ws.rev.ID); len(r.Surveys) != 0 {
		t.Fatalf("after undo %d surveys", len(r.Surveys))
	}
	// A file that is not there, and one that is not text.
	tt.press("alt+i", "ctrl+u")
	tt.typeText(filepath.Join(t.TempDir(), "missing.csv"))
	tt.press("enter")
	tt.contains("✗ This file cannot be imported", "there is no such file")
	tt.press("esc", "ctrl+u")
	tt.typeText(writeCSV(t, "u16.csv", "\xff\xfeA\x00"))
	tt.press("enter")
	tt.contains("UTF-16")
	tt.press("esc", "esc")
	tt.lacks("Import a survey")
}

func TestGridTypesAnswers(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	toFirstSurvey(tt)
	tt.press("alt+g")
	tt.contains("Type answers: First customer survey: ease of contact and satisfaction · 57 people so far", "Q1. How easy", "Type 1 to 10")
	tt.press("1", "0", "enter")
	tt.contains("Q2. How satisfied")
	tt.press("1", "1", "enter") // 11 is not on the scale
	tt.contains("11 is not on the 1-10 scale")
	tt.press("backspace", "backspace", "x", "enter")
	tt.contains("person 58 saved", "58 people so far")
	tt.press("3", "enter", "esc")
	tt.contains("The unfinished row was not saved")
	r := loadReview(t, st, id)
	sv := r.Surveys[0]
	if sv.Respondents.Len() != 58 {
		t.Fatalf("%d respondents", sv.Respondents.Len())
	}
	last := sv.Respondents.Row(57)
	if last.Answers[sv.Questions[0].ID] != "10" || last.Answers[sv.Questions[1].ID] != review.Excluded {
		t.Fatalf("answers %v", last.Answers)
	}
	// Undo takes the person back out; in the grid too.
	tt.press("ctrl+z")
	if n := loadReview(t, st, id).Surveys[0].Respondents.Len(); n != 57 {
		t.Fatalf("after undo %d respondents", n)
	}
	tt.press("alt+g", "4", "enter", "5", "enter")
	tt.contains("58 people so far")
	tt.press("6", "ctrl+z")
	tt.contains("the row being typed was forgotten", "58 people so far")
	tt.press("ctrl+z")
	tt.contains("57 people so far")
	if n := loadReview(t, st, id).Surveys[0].Respondents.Len(); n != 57 {
		t.Fatalf("after undo in the grid %d respondents", n)
	}
}

func TestTallyEntersADistribution(t *testing.T) {
	tt, st, id := exampleTester(t, 100, 30)
	toFirstSurvey(tt)
	tt.press("alt+t")
	tt.contains("How many gave each answer", "Q1 of 2", "Don't know / N/A")
	tt.press("1", "2", "enter", "3", "enter", "9", "ctrl+z", "right")
	tt.contains("Q2 of 2")
	tt.press("4", "enter", "ctrl+z") // undo the 4 on question 2
	tt.press("esc")
	sv := loadReview(t, st, id).Surveys[0]
	q := sv.Questions[0]
	if q.Tally["1"] != 12 || q.Tally["2"] != 3 || len(q.Tally) != 2 || len(sv.Questions[1].Tally) != 0 {
		t.Fatalf("tallies %v and %v", q.Tally, sv.Questions[1].Tally)
	}
	if got := sv.Responses(); got != 57+15 {
		t.Fatalf("responses %d", got)
	}
	s := sv.QuestionStats(&sv.Questions[0])
	if s.Base != 57+15 {
		t.Fatalf("base %d", s.Base)
	}
}

func TestSurveysTabFitsSmallWindows(t *testing.T) {
	tt, _, _ := exampleTester(t, 60, 20)
	tt.press("alt+9")
	checkFrame(t, tt.m.Render(), 60, 20)
	toFirstSurvey(tt)
	for _, k := range []string{"f", "esc", "g", "esc", "t", "esc", "i"} {
		tt.press(k)
		checkFrame(t, tt.m.Render(), 60, 20)
	}
}

// Undoing the survey's last question while typing answers closes the grid
// instead of reaching for a question that is gone.
func TestGridClosesWhenItsQuestionGoes(t *testing.T) {
	tt, _ := newReviewTester(t, 100, 30)
	tt.press("esc", "alt+9", "ctrl+n")
	tt.typeText("Door knock")
	tt.press("esc")
	// Add one question through the details, then open the grid.
	tt.press("end", "enter")
	tt.typeText("How safe do you feel?")
	tt.press("enter", "esc", "alt+g")
	tt.contains("Type answers: Door knock", "Q1. How safe do you feel?")
	tt.press("ctrl+z")
	tt.lacks("Type answers")
	tt.contains("Questions (0)")
}

func TestImportPathReplacesTheRememberedFolder(t *testing.T) {
	for _, c := range []struct{ typed, folder, want string }{
		{"/tmp/answers.csv", "", "/tmp/answers.csv"},
		{"/home/ann/answers.csv", "/home/ann/", "/home/ann/answers.csv"},
		{"/home/ann//tmp/answers.csv", "/home/ann/", "/tmp/answers.csv"},
		{"/home/ann/'/tmp/my answers.csv'", "/home/ann/", "/tmp/my answers.csv"},
		{"/home/ann/~/answers.csv", "/home/ann/", "~/answers.csv"},
		{"/home/ann/sub/answers.csv", "/home/ann/", "/home/ann/sub/answers.csv"},
		{` "/tmp/a.csv" `, "", "/tmp/a.csv"},
	} {
		if got := importPath(c.typed, c.folder); got != c.want {
			t.Errorf("importPath(%q, %q) = %q, want %q", c.typed, c.folder, got, c.want)
		}
	}
}

// A long reason wraps under itself, so the row numbers stay easy to find.
func TestImportPreviewIndentsAWrappedRowError(t *testing.T) {
	p := &surveycsv.Preview{Rows: 2, Errors: []surveycsv.RowError{{Row: 3, Column: "contact",
		Reason: "it is not UTF-8 text: the file looks like it was saved as Windows-1252 / Latin-1; save it as CSV UTF-8"}}}
	lines := importPreviewLines("/tmp/latin1.csv", p, nil, 50, 0)
	var rowLine = -1
	for i, l := range lines {
		if strings.Contains(l, "row 3,") {
			rowLine = i
		}
	}
	if rowLine < 0 || !strings.HasPrefix(lines[rowLine], "\x02  row 3") {
		t.Fatalf("no row 3 line: %q", lines)
	}
	for _, l := range lines[rowLine+1 : rowLine+3] {
		if !strings.HasPrefix(l, "\x02    ") || text.Width(l) > 51 {
			t.Errorf("continuation %q is not indented under the row", l)
		}
	}
}

// g belongs to the answer grid on this tab, so the help does not also
// offer it as "first".
func TestSurveysHelpGivesGOneMeaning(t *testing.T) {
	tt, _, _ := exampleTester(t, 100, 30)
	tt.press("alt+9", "enter")
	tt.press("f1")
	tt.contains("type answers, one person at a time")
	tt.lacks("home/g")
}

// A comments question is not marked as a small base in the table.
func TestFiguresTableLeavesCommentsUnmarked(t *testing.T) {
	sv := &review.Survey{Questions: []review.Question{
		{ID: "q1", Text: "Score", Kind: review.QuestionScale},
		{ID: "q2", Text: "Comments", Kind: review.QuestionFreeText},
	}}
	sv.Respondents = review.RespondentsFrom([]review.Respondent{{Answers: map[string]string{"q1": "7", "q2": "fine"}}})
	rows := strings.Join(figuresTable(sv, 100), "\n")
	if !strings.Contains(rows, "Q1 *") || strings.Contains(rows, "Q2 *") {
		t.Errorf("small-base marks wrong:\n%s", rows)
	}
}

// At 60x20 the standards summary stays in sight when the cursor is down
// among the surveys.
func TestStandardsSummaryStaysInSightAt60x20(t *testing.T) {
	tt, _, _ := exampleTester(t, 60, 20)
	tt.press("alt+9", "end")
	tt.contains("Service standards: 3 of 6 standards met")
}

// The answer grid says in words when question columns are out of sight,
// at the edge they are beyond, and how many.
func TestGridSaysWhenQuestionsAreOutOfSight(t *testing.T) {
	tt, _, _ := exampleTester(t, 80, 24)
	tt.press("alt+9", "end", "alt+g") // the second survey: 17 questions, 14 fit
	tt.contains("→ 3 more questions", "Q14")
	tt.lacks("← ", "Q15")
	tt.press("right", "right", "right", "right", "right", "right", "right", "right")
	tt.contains("← 1 more question ", "→ 2 more questions")
	tt.press("right", "right", "right", "right", "right", "right", "right", "right")
	tt.contains("← 3 more questions", "Q17")
	tt.lacks("→ ")
	tt.send(windowSize(60, 20))
	tt.contains("← 7 more questions")
	for _, l := range strings.Split(tt.screen(), "\n") {
		if strings.Contains(l, "more question") && !strings.HasPrefix(strings.TrimSpace(l), "←") {
			t.Errorf("the arrows are not at the edges: %q", l)
		}
	}
	// Every question fits: nothing is said.
	tt.send(windowSize(200, 30))
	tt.lacks("more question")
}
