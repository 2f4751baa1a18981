package ui

import (
	"database/sql"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedNumbersDoNotCrashTheReport writes, behind the app's back, the
// values a hostile bundle once brought in (a scale of the whole int64
// range, two expenses near the int64 limit), then opens the Report tab in
// the real binary: it draws, the program keeps running, and no total
// wraps round to a negative amount.
func TestDamagedNumbersDoNotCrashTheReport(t *testing.T) {
	dir, bin := buildForTmux(t)
	db := filepath.Join(dir, "panel.db")
	if out, err := exec.Command(bin, "--db", db, "demo").CombinedOutput(); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE surveys SET questions = json_set(questions, '$[0].kind', 'scale', '$[0].min', -9223372036854775808, '$[0].max', 9223372036854775807)`,
		`UPDATE surveys SET questions = json_set(questions, '$[1].kind', 'scale', '$[1].min', 1, '$[1].max', 4000000000)`,
		`UPDATE meetings SET expenses = '[{"member_id":"","description":"a","pence":9223372036854775000},{"member_id":"","description":"b","pence":9223372036854775000}]'`,
	} {
		if res, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		} else if n, _ := res.RowsAffected(); n == 0 {
			t.Fatalf("%s changed nothing", q)
		}
	}
	raw.Close()

	a := startTmux(t, bin, db, filepath.Join(dir, "tmux.sock"), "damaged")
	a.waitFor("Customers contacting")
	a.keys("Enter")
	a.waitFor("Topic")
	a.keys("M-8")
	a.waitFor("Scrutiny report:")
	if err := sendSignal(a.pid(), 0); err != nil {
		t.Fatalf("the program is gone after the Report tab: %v\n%s", err, a.screen())
	}
	if s := a.screen(); strings.Contains(s, "panic") || strings.Contains(s, "-£") {
		t.Fatalf("the report shows a fault or a negative total:\n%s", s)
	}

	out, err := exec.Command(bin, "--db", db, "attendance").CombinedOutput()
	if err != nil {
		t.Fatalf("attendance: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "-£") {
		t.Fatalf("a total wrapped round:\n%s", out)
	}
}
