package cli

import (
	"crypto/md5"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fileSum is the md5 of a file, to prove a refused command changed nothing.
func fileSum(t *testing.T, path string) [16]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return md5.Sum(b)
}

// A review copied by editing its ID in a bundle keeps its items' IDs,
// which belong to the original here: the import is refused whole, naming
// the ID and both reviews, and the file is unchanged byte for byte.
func TestImportOfItemOwnedByAnotherReviewIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "copy.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	raw, err := os.ReadFile(bundle)
	if err != nil {
		t.Fatal(err)
	}
	const orig = `{"id":"0169e2b4-1a00-7000-8000-000000000001","topic":"Customers contacting Great Places"`
	if !strings.Contains(string(raw), orig) {
		t.Fatal("the example bundle does not start its review as expected")
	}
	copied := strings.Replace(string(raw), orig,
		`{"id":"0169e2b4-1a00-7000-8000-0000000000ff","topic":"A copy of the review"`, 1)
	if err := os.WriteFile(bundle, []byte(copied), 0o644); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, db)
	r := scrutiny(t, dir, "--db", db, "import", bundle)
	expect(t, r, 1, "already belongs to the review")
	for _, want := range []string{`"A copy of the review"`, `"Customers contacting Great Places"`, "0169e2b4-1a00-7000-8000-0000000000ff", "Nothing was changed"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("the refusal does not name %s: %s", want, r.stderr)
		}
	}
	if fileSum(t, db) != before {
		t.Error("a refused import changed the file")
	}
	if out := must(t, dir, "--db", db, "list").stdout; strings.Contains(out, "A copy of the review") {
		t.Errorf("the copy was added anyway:\n%s", out)
	}
}
