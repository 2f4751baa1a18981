package cli

import (
	"os"
	"path/filepath"
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
