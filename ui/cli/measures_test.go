package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMeasuresListsTheCatalogue(t *testing.T) {
	dir := t.TempDir()
	r := must(t, dir, "--db", filepath.Join(dir, "none.db"), "measures")
	for _, want := range []string{"TP01", "TP12", "BS05", "RP02 (2)", "NM01 (2)", "CH02 (1)", "Technical requirements",
		"The panel's own indicators: none yet"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "none.db")); err == nil {
		t.Error("listing the catalogue created a database")
	}
}

func TestMeasuresImportAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	must(t, dir, "--db", db, "measures", "add", "--code", "CALLS4", "--name", "Calls answered within 4 minutes",
		"--unit", "%", "--direction", "higher")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("code,period,value,base\nTP01,2023/24,71,1000\nTP99,2023/24,1,\nBS01,2023/24,101,\nTP01,2023-24,70,\nCALLS4,next year,70,\n"), 0o644)
	r := scrutiny(t, dir, "--db", db, "measures", "import", bad)
	expect(t, r, 1, "nothing was imported")
	for _, want := range []string{"4 rows of bad.csv could not be read", `row 3: "TP99" is not a Tenant Satisfaction Measure`,
		"row 4: the value 101 is out of range for BS01", "row 5: it repeats row 2", `row 6: "next year" is not a period`} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r := must(t, dir, "--db", db, "measures", "scorecard"); strings.Contains(r.stdout, "TP01") {
		t.Errorf("a refused import left TP01:\n%s", r.stdout)
	}
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("code,period,value,base,target\nTP01,2022/23,66,900,\nTP01,2023/24,71,1000,75\ncalls4,March 2024,70,,80\n"), 0o644)
	r = must(t, dir, "--db", db, "measures", "import", "--check", good)
	if !strings.Contains(r.stdout, "Nothing was imported (--check)") {
		t.Errorf("check: %s", r.stdout)
	}
	r = must(t, dir, "--db", db, "measures", "import", good)
	if !strings.Contains(r.stdout, "Imported 3 results: 3 new") || !strings.Contains(r.stdout, "now also tracks TP01") {
		t.Errorf("import: %s", r.stdout)
	}
	r = must(t, dir, "--db", db, "measures", "scorecard")
	for _, want := range []string{"TP01 Overall satisfaction", "71.0% (2023/24) ±2.8 points", "✗ Not met",
		"up 5.0 points, better", "CALLS4 Calls answered within 4 minutes", "70.0% (March 2024)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("scorecard lacks %q:\n%s", want, r.stdout)
		}
	}
	r = must(t, dir, "--db", db, "measures")
	if !strings.Contains(r.stdout, "* TP01") || !strings.Contains(r.stdout, "CALLS4") {
		t.Errorf("list after import:\n%s", r.stdout)
	}
	expect(t, scrutiny(t, dir, "--db", db, "measures", "add", "--code", "RP02"), 2, "reported in parts")
	expect(t, scrutiny(t, dir, "--db", db, "measures", "add", "--code", "tp01"), 1, "already has a measure with the code TP01")
	expect(t, scrutiny(t, dir, "--db", db, "measures", "frobnicate"), 2, "not \"frobnicate\"")
}
