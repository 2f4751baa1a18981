package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Numbers no panel could mean are refused on the way in, naming where they
// are, and the file is not touched: a scale of the whole int64 range (it
// crashed the Report tab), one of four billion points (it ran out of
// memory), expenses and counts that would overflow their sums.
func TestBundleWithExtremeNumbersIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "b.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	raw, _ := os.ReadFile(bundle)
	for _, c := range []struct{ from, to, says string }{
		{`"min":1,"max":10`, `"min":-9223372036854775808,"max":9223372036854775807`, "scale"},
		{`"min":1,"max":10`, `"min":1,"max":4000000000`, "scale"},
		{`"pence":460`, `"pence":9223372036854775807`, "expense"},
		{`"pence":460`, `"pence":-9223372036854775808`, "expense"},
		{`"votes":{"fair":2,"good":4}`, `"votes":{"fair":9223372036854775807,"good":4}`, "votes"},
		{`"sent":670`, `"sent":9223372036854775807`, "sent"},
		{`"minutes":10`, `"minutes":9223372036854775807`, "minutes"},
		{`"topic":"Customers contacting Great Places"`, `"topic":"` + strings.Repeat("Long topic ", 200) + `"`, "topic"},
	} {
		if !bytes.Contains(raw, []byte(c.from)) {
			t.Fatalf("the example bundle has no %s", c.from)
		}
		bad := filepath.Join(dir, "bad.json")
		if err := os.WriteFile(bad, bytes.Replace(raw, []byte(c.from), []byte(c.to), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		before := fileSum(t, db)
		r := scrutiny(t, dir, "--db", db, "import", bad)
		expect(t, r, 1, c.says)
		if !strings.Contains(r.stderr, "Nothing was changed") || strings.Contains(r.stderr, "panic") {
			t.Errorf("%s: %s", c.to, r.stderr)
		}
		if fileSum(t, db) != before {
			t.Errorf("a refused import (%s) changed the file", c.to)
		}
	}
}
