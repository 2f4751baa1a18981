package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestEveryCommandIsInReadme keeps the README's command table complete: a
// command that exists but is not documented is one a panel never finds.
func TestEveryCommandIsInReadme(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) < 5 {
		t.Fatalf("only %d commands registered: %v", len(names), names)
	}
	for _, name := range names {
		if !strings.Contains(string(readme), "`scrutiny "+name) {
			t.Errorf("README.md has no `scrutiny %s ...` entry", name)
		}
	}
}

// TestArchitectureNamesRealFiles keeps ARCHITECTURE.md true as the code
// moves: every file or folder it names in backquotes must exist. Names
// with a placeholder (NAME, 000N) are recipes, not files.
func TestArchitectureNamesRealFiles(t *testing.T) {
	root := filepath.Join("..", "..")
	doc, err := os.ReadFile(filepath.Join(root, "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	dirs := []string{"", "review", "store", "ui", "ui/cli"}
	named := regexp.MustCompile("`([A-Za-z0-9_./]+\\.(go|md|sql)|[a-z]+/(?:[a-z]+/)?)`")
	checked := 0
	for _, m := range named.FindAllStringSubmatch(string(doc), -1) {
		name := m[1]
		if strings.Contains(name, "NAME") || strings.Contains(name, "000N") {
			continue
		}
		found := false
		for _, d := range dirs {
			if _, err := os.Stat(filepath.Join(root, d, name)); err == nil {
				found = true
				break
			}
		}
		checked++
		if !found {
			t.Errorf("ARCHITECTURE.md names %s, which is not in the project", name)
		}
	}
	if checked < 30 {
		t.Fatalf("only %d names checked; has the document's form changed?", checked)
	}
}

// TestTopLevelHoldsOnlyTheLayout keeps the top folder to what the layout
// names: the program's entry, its three layers, the module files and the
// documents. Anything else (a vendored library, a script) belongs under
// one of the layers or .ci.
func TestTopLevelHoldsOnlyTheLayout(t *testing.T) {
	allowed := map[string]bool{"main.go": true, "review": true, "store": true, "ui": true, "go.mod": true, "go.sum": true,
		"README.md": true, "ARCHITECTURE.md": true, "BENCHMARKS.md": true}
	entries, err := os.ReadDir(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); !allowed[name] && !strings.HasPrefix(name, ".") {
			t.Errorf("the top level holds %s, which the layout does not name", name)
		}
	}
}
