package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"scrutiny/store"
)

func TestAccessibleThroughTheRealBinary(t *testing.T) {
	for _, how := range [][]string{{"accessible"}, {"--accessible"}, {"TERM=dumb"}, {"ACCESSIBLE=1"}} {
		t.Run(how[0], func(t *testing.T) { accessibleRun(t, how[0]) })
	}
}

// accessibleRun drives plain mode started one way through standard input.
func accessibleRun(t *testing.T, how string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	var cmd *exec.Cmd
	switch how {
	case "accessible":
		cmd = exec.Command(binary, "--db", db, "accessible")
	case "--accessible":
		cmd = exec.Command(binary, "--accessible", "--db", db)
	case "ACCESSIBLE=1":
		cmd = exec.Command(binary, "--db", db)
		cmd.Env = append(os.Environ(), "ACCESSIBLE=1")
	default:
		cmd = exec.Command(binary, "--db", db)
		cmd.Env = append(os.Environ(), "TERM=dumb")
	}
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(strings.Join([]string{"1", "Parking policy", "2", "9", "Tenancy agreement", "", "", "", "6", "", "q"}, "\n") + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"Saved: the new review Parking policy.", `Saved: evidence "Tenancy agreement".`, "Wrote the report to " + filepath.Join(dir, "parking-policy.md")} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.ContainsAny(string(out), "■·█✓✗\x1b") {
		t.Errorf("plain mode printed a symbol or an escape:\n%s", out)
	}
}

// A second copy on a file someone is editing opens it for reading only and
// says so where a screen reader hears it, instead of refusing.
func TestAccessibleOpensALockedFileReadOnly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "panel.db")
	ed, err := store.Open(db, store.Options{Editor: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ed.Close()
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"--db", db, "accessible"}, strings.NewReader("q\n"), &out, &errb, func(string) string { return "" })
	if code != 0 || !strings.Contains(out.String(), "so this one opens it for reading only") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out.String(), errb.String())
	}
}
