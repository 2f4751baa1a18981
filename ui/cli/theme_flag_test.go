package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// An unknown --theme must stop with a plain message naming the themes
// (exit 2), not open the workspace in the dark theme.
func TestUnknownThemeIsRefused(t *testing.T) {
	var out, errb bytes.Buffer
	env := func(string) string { return "" }
	db := t.TempDir() + "/p.db"
	code := run(context.Background(), []string{"--theme", "sepia", "--db", db, "list"}, nil, &out, &errb, env)
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr: %s", code, errb.String())
	}
	msg := errb.String()
	for _, want := range []string{`"sepia"`, "dark", "light", "high-contrast", "monochrome"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not mention %s", msg, want)
		}
	}
}

// present's own --theme is checked before anything opens, in plain mode too.
func TestPresentUnknownThemeIsRefused(t *testing.T) {
	var out, errb bytes.Buffer
	env := func(string) string { return "" }
	db := t.TempDir() + "/p.db"
	code := run(context.Background(), []string{"--db", db, "present", "--plain", "--once", "--theme", "sepia"}, nil, &out, &errb, env)
	if code != 2 || !strings.Contains(errb.String(), `"sepia"`) || !strings.Contains(errb.String(), "high-contrast") {
		t.Fatalf("exit %d, stderr: %s", code, errb.String())
	}
}
