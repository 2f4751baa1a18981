package review

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDataFlowsOneWay keeps the layers of ARCHITECTURE.md: the domain
// (review/...) imports neither the store nor the UI, and the store does
// not import the UI. Test files may import anything.
func TestDataFlowsOneWay(t *testing.T) {
	forbidden := map[string][]string{
		"review": {"scrutiny/store", "scrutiny/ui"},
		"store":  {"scrutiny/ui"},
	}
	root := filepath.Join("..")
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		layer, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		bans := forbidden[layer]
		if bans == nil {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, ban := range bans {
				if p == ban || strings.HasPrefix(p, ban+"/") {
					t.Errorf("%s imports %s: %s/ must not depend on %s", rel, p, layer, ban)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d files checked; is the test run from review/?", checked)
	}
}
