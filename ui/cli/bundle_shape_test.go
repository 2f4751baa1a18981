package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/store"
)

// Bundles that are not what they seem are refused whole, the file
// unchanged byte for byte; a byte-order mark is accepted.
func TestBundleShapes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "b.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	raw, _ := os.ReadFile(bundle)
	s := string(raw)
	head, rest, ok := strings.Cut(s, `"reviews":[`)
	if !ok {
		t.Fatal("no reviews list")
	}
	rev := rest[:strings.Index(rest, "\n],\"members\":[")]
	members := rest[strings.Index(rest, "\"members\":[")+len("\"members\":["):]
	member := strings.TrimPrefix(members[:strings.Index(members, "}")+1], "\n")
	twice := head + `"reviews":[` + rev + "," + rev + "\n]," + `"members":[` + members
	dupMember := strings.Replace(s, `"members":[`, `"members":[`+"\n"+member+",", 1)

	for _, c := range []struct{ name, content, says string }{
		{"the same review twice", twice, "appears twice"},
		{"a member twice", dupMember, "appears twice"},
		{"trailing garbage", s + "garbage", "more after the end"},
		{"two bundles joined", s + s, "more after the end"},
	} {
		bad := filepath.Join(dir, "bad.json")
		if err := os.WriteFile(bad, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		before := fileSum(t, db)
		r := scrutiny(t, dir, "--db", db, "import", bad)
		if r.code != 1 || !strings.Contains(r.stderr, c.says) {
			t.Errorf("%s: exit %d, %s", c.name, r.code, r.stderr)
		}
		if fileSum(t, db) != before {
			t.Errorf("%s changed the file", c.name)
		}
	}

	bom := filepath.Join(dir, "bom.json")
	os.WriteFile(bom, append([]byte("\xef\xbb\xbf"), raw...), 0o644)
	if r := must(t, dir, "--db", db, "import", bom); !strings.Contains(r.stdout, "1 unchanged") {
		t.Errorf("a bundle with a byte-order mark: %s", r.stdout)
	}
}

// An item in the bin that an import updates comes back out of it, as a
// review does, instead of being reported "updated" and staying hidden.
func TestImportRestoresAnItemFromTheBin(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "b.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	binFirstEvidence(t, db)
	out := must(t, dir, "--db", db, "export").stdout
	if strings.Contains(out, "Overview of customer access performance") {
		t.Fatal("the binned evidence is still in the report")
	}
	raw, _ := os.ReadFile(bundle)
	changed := bytes.Replace(raw, []byte(`"title":"Overview of customer access performance"`), []byte(`"title":"Overview, corrected"`), 1)
	os.WriteFile(bundle, changed, 0o644)
	if r := must(t, dir, "--db", db, "import", bundle); !strings.Contains(r.stdout, "1 updated") {
		t.Errorf("import said %s", r.stdout)
	}
	if out := must(t, dir, "--db", db, "export").stdout; !strings.Contains(out, "Overview, corrected") {
		t.Error("the updated item stayed in the bin")
	}
}

// binFirstEvidence moves the example's first evidence item to the bin, as
// the workspace's delete key does.
func binFirstEvidence(t *testing.T, db string) {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := st.LoadReview(context.Background(), "0169e2b4-1a00-7000-8000-000000000001")
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(context.Background(), store.KindEvidence, r.Evidence[0].ID); err != nil {
		t.Fatal(err)
	}
}
