package cli

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func demoDB(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "p.db")
	must(t, dir, "--db", db, "demo")
	return dir, db
}

func TestTrackerListsAndFilters(t *testing.T) {
	dir, db := demoDB(t)
	r := must(t, dir, "--db", db, "tracker")
	for _, want := range []string{"| Customers contacting Great Pl… | 2 | Answer tasks and call backs within the promised t… | Accepted ✓ | 0 of 1 | ⚠ 1 | 31 August 2019 |",
		"| Partly accepted ◐ | 1 of 2 |", "| Under consideration ? | – | – | – |", "6 recommendations; actions: 5 of 9 actions done"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("tracker lacks %q:\n%s", want, r.stdout)
		}
	}
	r = must(t, dir, "--db", db, "tracker", "--status", "Partly Accepted")
	if !strings.Contains(r.stdout, "1 recommendation;") || !strings.Contains(r.stdout, "| 3 |") {
		t.Errorf("--status partly accepted:\n%s", r.stdout)
	}
	r = must(t, dir, "--db", db, "tracker", "--overdue")
	if !strings.Contains(r.stdout, "4 recommendations;") || strings.Contains(r.stdout, "| 5 |") {
		t.Errorf("--overdue:\n%s", r.stdout)
	}
	expect(t, scrutiny(t, dir, "--db", db, "tracker", "--status", "finished"), 2, `"finished" is neither a decision`)
	expect(t, scrutiny(t, dir, "--db", db, "tracker", "--review", "nope"), 1, `no review has the ID "nope"`)
	expect(t, scrutiny(t, dir, "--db", db, "tracker", "export", "-o", filepath.Join(dir, "t.txt")), 2, "written as .xlsx or .csv")
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func writeCSVFile(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// rowOf finds the row whose reference ends with suffix ("-2.1").
func rowOf(t *testing.T, rows [][]string, suffix string) []string {
	t.Helper()
	for _, r := range rows[1:] {
		if strings.HasSuffix(r[0], suffix) {
			return r
		}
	}
	t.Fatalf("no row %s in %v", suffix, rows)
	return nil
}

func TestTrackerImportRefusesAndChangesNothing(t *testing.T) {
	dir, db := demoDB(t)
	csvPath := filepath.Join(dir, "t.csv")
	must(t, dir, "--db", db, "tracker", "export", "-o", csvPath)
	before := must(t, dir, "--db", db, "tracker").stdout
	rows := readCSVFile(t, csvPath)
	if strings.Join(rows[0], ",") != "Reference,Review,Recommendation,Response,Reason,Action,Owner,Due,Status,Update" {
		t.Fatalf("heading %v", rows[0])
	}
	if len(rows) != 1+9+1 {
		t.Errorf("%d rows, want a heading, 9 actions and 1 recommendation without actions", len(rows))
	}
	for _, tc := range []struct {
		edit func(rows [][]string)
		msg  string
	}{
		{func(rows [][]string) { rows[3][8] = "finished" }, `row 4, column Status: "finished" is not a status`},
		{func(rows [][]string) { rows[2][3] = "maybe" }, `row 3, column Response: "maybe" is not a decision`},
		{func(rows [][]string) { rows[5][0] = "ZZZZZ-9.1" }, `row 6, column Reference: there is no recommendation "ZZZZZ-9.1"`},
		{func(rows [][]string) { rows[5][7] = "31 Febtember" }, `row 6, column Due:`},
		{func(rows [][]string) { rowOf(t, rows, "-6")[3] = "not accepted" }, `column Reason: a response of "not accepted" needs the reason`},
	} {
		edited := make([][]string, len(rows))
		for i := range rows {
			edited[i] = append([]string(nil), rows[i]...)
		}
		tc.edit(edited)
		p := filepath.Join(dir, "bad.csv")
		writeCSVFile(t, p, edited)
		expect(t, scrutiny(t, dir, "--db", db, "tracker", "import", "--yes", p), 1, tc.msg)
	}
	if after := must(t, dir, "--db", db, "tracker").stdout; after != before {
		t.Errorf("a refused import changed the tracker:\n%s\nwas\n%s", after, before)
	}
}

// TestTrackerRoundTripThroughLibreOffice is the officer's round trip: the
// exported workbook is opened by LibreOffice Calc, edited (here through a
// CSV conversion, as a script would), saved as a workbook again, and read
// back by tracker import.
func TestTrackerRoundTripThroughLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not installed")
	}
	dir, db := demoDB(t)
	xlsx := filepath.Join(dir, "tracker.xlsx")
	must(t, dir, "--db", db, "tracker", "export", "-o", xlsx)

	// The drop-down lists are in the workbook.
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	dvs, err := f.GetDataValidations("Tracker")
	f.Close()
	if err != nil || len(dvs) != 2 {
		t.Fatalf("data validations %v, %v", dvs, err)
	}
	lists := dvs[0].Formula1 + " " + dvs[1].Formula1
	for _, w := range []string{"partly accepted", "under consideration", "on track", "dropped"} {
		if !strings.Contains(lists, w) {
			t.Errorf("drop-down lists %q lack %q", lists, w)
		}
	}

	profile := "file://" + filepath.Join(t.TempDir(), "lo-profile")
	office := func(args ...string) {
		t.Helper()
		cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice %v: %v\n%s", args, err, out)
		}
	}
	// LibreOffice itself sees the lists: its own file format names them.
	office("--convert-to", "ods", "--outdir", filepath.Join(dir, "ods"), xlsx)
	if content := zipEntry(t, filepath.Join(dir, "ods", "tracker.ods"), "content.xml"); strings.Count(content, "cell-content-is-in-list(") != 2 ||
		!strings.Contains(content, "&quot;partly accepted&quot;") || !strings.Contains(content, "&quot;on track&quot;") {
		t.Errorf("LibreOffice does not see the two drop-down lists")
	}
	csvDir := filepath.Join(dir, "csv")
	office("--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", csvDir, xlsx)
	rows := readCSVFile(t, filepath.Join(csvDir, "tracker.csv"))
	if len(rows) != 11 || rows[0][0] != "Reference" {
		t.Fatalf("LibreOffice read %d rows: %v", len(rows), rows)
	}
	r21 := rowOf(t, rows, "-2.1")
	r21[8], r21[9] = "done", "new rota from June"
	r6 := rowOf(t, rows, "-6")
	r6[3], r6[5], r6[6], r6[7] = "accepted", "Cost digital boards for the larger schemes", "Head of Neighbourhoods", "2020-03-31"
	editedDir := filepath.Join(dir, "edited")
	if err := os.MkdirAll(editedDir, 0o755); err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(editedDir, "tracker.csv")
	writeCSVFile(t, edited, rows)
	// Every column is read as text, as the officer's copy has them.
	office("--infilter=CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2/6/2/7/2/8/2/9/2/10/2", "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "back"), edited)
	back := filepath.Join(dir, "back", "tracker.xlsx")

	r := must(t, dir, "--db", db, "tracker", "import", "--yes", back)
	for _, want := range []string{
		"would change 2 recommendations",
		"Recommendation 2 of “Customers contacting Great Places”: action 2.1: behind → done, update 'new rota from June'",
		"Recommendation 6 of “Customers contacting Great Places”: response under consideration → accepted; action 6.1 added: 'Cost digital boards for the larger schemes', owner 'Head of Neighbourhoods', due 31 March 2020, not started",
		"Applied: 2 recommendations changed.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("import said:\n%s\nwant %q", r.stdout, want)
		}
	}
	if r := must(t, dir, "--db", db, "tracker", "import", "--yes", back); !strings.Contains(r.stdout, "changes nothing") {
		t.Errorf("second import: %s", r.stdout)
	}
	tr := must(t, dir, "--db", db, "tracker").stdout
	if !strings.Contains(tr, "| 2 | Answer tasks and call backs within the promised t… | Accepted ✓ | 1 of 1 | – | – |") ||
		!strings.Contains(tr, "| 6 | Make better use of communal noticeboards, and of… | Accepted ✓ | 0 of 1 |") {
		t.Errorf("tracker after the import:\n%s", tr)
	}
}

func zipEntry(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", path, name)
	return ""
}

func TestImpactAndSummary(t *testing.T) {
	dir, db := demoDB(t)
	r := must(t, dir, "--db", db, "impact", "--from", "1/4/2019", "--to", "31/3/2020")
	for _, want := range []string{"Period: 1 April 2019 to 31 March 2020.", "| Recommendations made | 6 | – |", "| Accepted | 4 | 67% |",
		"| Implemented | 1 | 17% |", "| Meetings | 0 | – |", "- Recommendation 1: Calls answered within 4 minutes: 70% → 78%"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("impact lacks %q:\n%s", want, r.stdout)
		}
	}
	r = must(t, dir, "--db", db, "impact", "--format", "csv")
	if !strings.Contains(r.stdout, "Volunteers' hours,61.50,\n") || !strings.Contains(r.stdout, "Partly accepted,1,17\n") {
		t.Errorf("impact csv:\n%s", r.stdout)
	}
	expect(t, scrutiny(t, dir, "--db", db, "impact", "--from", "31/3/2020", "--to", "1/4/2019"), 2, "is before --from")
	r = must(t, dir, "--db", db, "export", "--summary")
	for _, want := range []string{"# You said, we did: Customers contacting Great Places",
		"3. **You said:** Make the most of improvements to systems to support good customer service, for example. **We agreed:** Partly accepted: Agreed in part. Why: The new housing system",
		"Web chats a month: 410 → 620.", "6. **You said:**", "**We agreed:** The landlord is still considering it."} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, r.stdout)
		}
	}
	expect(t, scrutiny(t, dir, "--db", db, "export", "--summary", "--format", "json"), 2, "--summary is a page for tenants")
	page := filepath.Join(dir, "summary.html")
	must(t, dir, "--db", db, "export", "--summary", "--format", "html", "-o", page)
	if b, err := os.ReadFile(page); err != nil || !strings.Contains(string(b), "You said, we did") || !strings.Contains(string(b), "Web chats a month: 410 → 620.") {
		t.Errorf("the summary as a web page: %v", err)
	}
}
