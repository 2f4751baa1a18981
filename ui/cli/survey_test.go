package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/store"
)

const surveyCSV = "Contact method;Ease of contacting us (1-10);How satisfied were you?;Comments\n" +
	"Phone;7;Very satisfied;\"Long wait; but helpful\"\n" +
	"Email;10;fairly satisfied;\n" +
	"Phone;Don't know;Neither satisfied nor dissatisfied;\n" +
	"Phone;1;Very dissatisfied;Nobody rang back\n"

// surveysIn loads the only review of the database and counts its surveys
// and their respondents.
func surveysIn(t *testing.T, db string) (surveys, respondents int, id string) {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	sums, err := st.ListReviews(ctx)
	if err != nil || len(sums) != 1 {
		t.Fatalf("reviews %v %v", sums, err)
	}
	rv, err := st.LoadReview(ctx, sums[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, sv := range rv.Surveys {
		respondents += sv.Respondents.Len()
	}
	return len(rv.Surveys), respondents, rv.ID
}

func TestSurveyImportPrintsFigures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	must(t, dir, "--db", db, "demo")
	before, beforeR, id := surveysIn(t, db)
	csv := filepath.Join(dir, "answers.csv")
	if err := os.WriteFile(csv, []byte(surveyCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	r := must(t, dir, "--db", db, "survey", "import", "--review", id, "--name", "Contact survey", "--sent", "40", "--by", "contact method", csv)
	for _, want := range []string{
		`Imported "Contact survey": 4 responses, 3 questions.`,
		"Responses: 4 of 40, 10.0%",
		// Worked by hand: ease 7, 10, 1 (and one don't know); satisfied 5, 4, 3, 1.
		"Question Base Excluded Average Top score At or above At or below Satisfied NPS",
		"Ease of contacting us (1-10) * 3 1 6.00 33.3% 66.7% (≥6) 33.3% (≤3) – –",
		"How satisfied were you? * 4 0 3.25 25.0% 50.0% (≥4) 25.0% (≤2) 50.0% –",
		"Contact method: Phone",
		"* small base: fewer than 30 answers",
	} {
		if !strings.Contains(squeeze(r.stdout), want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	after, afterR, _ := surveysIn(t, db)
	if after != before+1 || afterR != beforeR+4 {
		t.Errorf("surveys %d -> %d, respondents %d -> %d", before, after, beforeR, afterR)
	}
}

func TestSurveyImportBadRowsChangeNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	must(t, dir, "--db", db, "demo")
	before, beforeR, _ := surveysIn(t, db)
	bad := surveyCSV + "Phone;12;Very satisfied;\nEmail;3\nPhone;5;Rather pleased;\n"
	csv := filepath.Join(dir, "bad.csv")
	os.WriteFile(csv, []byte(bad), 0o644)
	r := scrutiny(t, dir, "--db", db, "survey", "import", "--name", "Broken", csv)
	expect(t, r, 1, "nothing was imported")
	for _, want := range []string{
		"3 rows of bad.csv could not be read:",
		`row 6, column "Ease of contacting us (1-10)": "12" is not on the 1-10 scale`,
		"row 7: this row has 2 values but the header row has 4 columns",
		`row 8, column "How satisfied were you?": "Rather pleased" is not a number on the 1-5 scale`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	// Whole-file problems: UTF-16, and a file that is not there.
	utf16 := filepath.Join(dir, "u16.csv")
	os.WriteFile(utf16, []byte("\xff\xfeA\x00,\x00B\x00\n\x00"), 0o644)
	expect(t, scrutiny(t, dir, "--db", db, "survey", "import", "--name", "x", utf16), 1, "UTF-16")
	expect(t, scrutiny(t, dir, "--db", db, "survey", "import", "--name", "x", filepath.Join(dir, "none.csv")), 1, "there is no such file")
	after, afterR, _ := surveysIn(t, db)
	if after != before || afterR != beforeR {
		t.Errorf("a refused import changed the database: surveys %d -> %d, respondents %d -> %d", before, after, beforeR, afterR)
	}
}

func TestSurveyCommandLineMistakes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	csv := filepath.Join(dir, "a.csv")
	os.WriteFile(csv, []byte(surveyCSV), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"survey"}, "say what to do"},
		{[]string{"survey", "export"}, "can only import"},
		{[]string{"survey", "import", csv}, "--name"},
		{[]string{"survey", "import", "--name", "x"}, "name the CSV file"},
		{[]string{"survey", "import", "--name", "x", "--sent", "-3", csv}, "--sent must be 0 or more"},
		{[]string{"survey", "import", "--name", "x", "--channel", "pigeon", csv}, "--channel must be"},
		{[]string{"survey", "import", "--name", "x", "--column", "Comments", csv}, "HEADER=KIND"},
		{[]string{"survey", "import", "--name", "x", "--column", "Comments=essay", csv}, "not a kind of column"},
		{[]string{"survey", "import", "--name", "x", "--column", "Q=scale 5-1", csv}, "not a scale"},
	} {
		expect(t, scrutiny(t, dir, append([]string{"--db", db}, tc.args...)...), 2, tc.want)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a wrong command line created the database")
	}
	// --check reads the file without needing a database.
	r := must(t, dir, "--db", db, "survey", "import", "--check", csv)
	if !strings.Contains(squeeze(r.stdout), "Ease of contacting us (1-10) scale 1-10") || !strings.Contains(r.stdout, "Nothing was imported") {
		t.Errorf("check output:\n%s", r.stdout)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("--check created the database")
	}
	// A database with no review to add the survey to.
	expect(t, scrutiny(t, dir, "--db", db, "survey", "import", "--name", "x", csv), 1, "no reviews in")
	// Saying what a column is.
	r = must(t, dir, "survey", "import", "--check", "--column", "comments=ignore", "--column", "Ease of contacting us (1-10)=scale 0-10", csv)
	if s := squeeze(r.stdout); !strings.Contains(s, "Comments ignore") || !strings.Contains(s, "Ease of contacting us (1-10) scale 0-10") {
		t.Errorf("chosen kinds not used:\n%s", r.stdout)
	}
}

// squeeze collapses runs of spaces within each line, so checks do not
// depend on column widths.
func squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}
