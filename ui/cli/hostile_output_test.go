package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile is an escape sequence that would retitle the window and clear
// the screen, an 8-bit CSI and a C1 "next line", as JSON string escapes.
const hostile = `\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u0085`

// controls lists the control characters in out other than newline and tab.
func controls(out string) []rune {
	var bad []rune
	for _, r := range strings.ToValidUTF8(out, "") {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			bad = append(bad, r)
		}
	}
	return bad
}

// hostileBundle is the example review with hostile text at the start of
// every name, topic, title, text, venue and notes, and a member whose name
// is a spreadsheet formula.
func hostileBundle(t *testing.T, dir, db string) string {
	t.Helper()
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "hostile.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	raw, err := os.ReadFile(bundle)
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	if !strings.Contains(s, `"name":"Margaret Ashworth"`) {
		t.Fatal("the example has no Margaret Ashworth")
	}
	s = strings.Replace(s, `"name":"Margaret Ashworth"`, `"name":"=HYPERLINK(\"http://evil.example\",\"Margaret\")"`, 1)
	for _, k := range []string{"name", "topic", "title", "text", "venue", "notes"} {
		s = strings.ReplaceAll(s, `"`+k+`":"`, `"`+k+`":"`+hostile)
	}
	if err := os.WriteFile(bundle, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return bundle
}

// Every output of the command line is free of control characters, however
// hostile the text in the file, and spreadsheet cells cannot run formulas.
func TestOutputsCarryNoControlsOrFormulas(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	bundle := hostileBundle(t, dir, db)
	must(t, dir, "--db", db, "import", bundle)

	for _, args := range [][]string{
		{"list"}, {"check"}, {"export"}, {"export", "--format", "json"},
		{"attendance"}, {"attendance", "--format", "csv"},
	} {
		r := must(t, dir, append([]string{"--db", db}, args...)...)
		if bad := controls(r.stdout + r.stderr); len(bad) > 0 {
			t.Errorf("scrutiny %v printed %d control characters, e.g. %q", args, len(bad), bad[0])
		}
		if len(r.stdout) < 20 {
			t.Errorf("scrutiny %v printed almost nothing: %q", args, r.stdout)
		}
	}
	for _, f := range []struct{ name, format, cmd string }{
		{"report.md", "md", "export"}, {"bundle.json", "json", "export"},
		{"involvement.md", "md", "attendance"}, {"involvement.csv", "csv", "attendance"},
	} {
		out := filepath.Join(dir, f.name)
		must(t, dir, "--db", db, f.cmd, "--format", f.format, "-o", out)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if bad := controls(string(b)); len(bad) > 0 {
			t.Errorf("%s holds %d control characters, e.g. %q", f.name, len(bad), bad[0])
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "involvement.csv"))
	if !bytes.Contains(csv, []byte(`"'=HYPERLINK(`)) {
		t.Errorf("the formula was not made text:\n%s", csv)
	}

	// The plain mode says the same things without the controls.
	r := scrutinyIn(t, dir, "1\n1\nq\n", "--db", db, "accessible")
	if bad := controls(r.stdout + r.stderr); len(bad) > 0 {
		t.Errorf("the plain mode printed %d control characters, e.g. %q", len(bad), bad[0])
	}
	if !strings.Contains(r.stdout, "Customers contacting") {
		t.Errorf("the plain mode did not show the review:\n%s", r.stdout)
	}

	// The bundle keeps the text as it is in the file (its C1 controls
	// escaped, not dropped): a second laptop gets the same bytes back.
	first, _ := os.ReadFile(filepath.Join(dir, "bundle.json"))
	if !utf8.Valid(first) {
		t.Fatal("the bundle is not UTF-8")
	}
	db2 := filepath.Join(dir, "second.db")
	must(t, dir, "--db", db2, "import", filepath.Join(dir, "bundle.json"))
	again := filepath.Join(dir, "again.json")
	must(t, dir, "--db", db2, "export", "--format", "json", "-o", again)
	if second, _ := os.ReadFile(again); !bytes.Equal(first, second) {
		t.Error("a bundle read back and written again differs")
	}
}

// A role that is not one of the four is refused, and the file is not
// touched.
func TestBundleRoleMustBeKnown(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	bundle := filepath.Join(dir, "b.json")
	must(t, dir, "--db", db, "export", "--format", "json", "-o", bundle)
	raw, _ := os.ReadFile(bundle)
	for _, c := range []struct{ from, to, says string }{
		{`"role":"chair"`, `"role":"chair` + hostile + `"`, `role`},
		{`"role":"chair"`, `"role":"emperor"`, `"emperor" is not one of`},
		{`"stage":"`, `"stage":"nowhere`, `stage`},
		{`"kind":"issue"`, `"kind":"rumour"`, `finding kind`},
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
		if got := controls(r.stderr); len(got) > 0 {
			t.Errorf("the refusal printed control characters: %q", r.stderr)
		}
		if fileSum(t, db) != before {
			t.Errorf("a refused import (%s) changed the file", c.to)
		}
	}
}

// Output that cannot be written (a full disk) is a failure, not exit 0.
func TestListToAFullDeviceFails(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "panel.db")
	must(t, dir, "--db", db, "demo")
	cmd := exec.Command(binary, "--db", db, "list")
	cmd.Stdout = full
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("list > /dev/full gave %v, want exit status 1", err)
	}
	if !strings.Contains(stderr.String(), "could not write the output") {
		t.Errorf("stderr: %q", stderr.String())
	}
}
