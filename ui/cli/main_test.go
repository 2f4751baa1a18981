package cli

// End-to-end tests: they build the real binary once and run it against real
// database files in temporary folders, checking what a user would see:
// output, messages and exit status.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"scrutiny/store"
)

var binary string // the built scrutiny, set by TestMain

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "scrutiny-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "scrutiny")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, "scrutiny").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building scrutiny: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// scrutiny runs the binary with args in dir, with SCRUTINY_DB unset and HOME
// pointing into dir, so no test can touch the real user's database.
func scrutiny(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return scrutinyEnv(t, dir, nil, args...)
}

// scrutinyIn is scrutiny with stdin as its standard input.
func scrutinyIn(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	return scrutinyRun(t, dir, nil, strings.NewReader(stdin), args...)
}

// scrutinyEnv is scrutiny with extra environment variables ("K=V").
func scrutinyEnv(t *testing.T, dir string, extra []string, args ...string) result {
	t.Helper()
	return scrutinyRun(t, dir, extra, nil, args...)
}

func scrutinyRun(t *testing.T, dir string, extra []string, stdin io.Reader, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = stdin
	cmd.Dir = dir
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SCRUTINY_DB=") && !strings.HasPrefix(kv, "HOME=") && !strings.HasPrefix(kv, "XDG_DATA_HOME=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(append(env, "HOME="+filepath.Join(dir, "home"), "XDG_DATA_HOME="), extra...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running scrutiny %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// must runs scrutiny and fails the test unless it exits 0.
func must(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := scrutiny(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("scrutiny %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

func expect(t *testing.T, r result, code int, stderrHas string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit status %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, stderrHas) {
		t.Errorf("stderr %q does not contain %q", r.stderr, stderrHas)
	}
}

func TestCommandLineMistakesExitTwo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"frobnicate"}, `there is no command called "frobnicate"`},
		{[]string{"--colour"}, "there is no option --colour"},
		{[]string{"--db"}, "--db needs a file name"},
		{[]string{"--db", db, "export", "--format", "pdf"}, "--format must be md, html, docx or json"},
		{[]string{"--db", db, "export", "--nope"}, "there is no option -nope"},
		{[]string{"--db", db, "list", "extra"}, `list takes no arguments, but was given "extra"`},
		{[]string{"--db", db, "import"}, "import needs exactly one bundle file"},
		{[]string{"--db", db, "backup"}, "backup needs one place"},
		{[]string{"--db", db, "demo", "--size", "huge"}, "--size must be example or large"},
	} {
		r := scrutiny(t, dir, tc.args...)
		expect(t, r, 2, tc.msg)
		if !strings.Contains(r.stderr, "Usage:") {
			t.Errorf("%v: no usage after the message: %q", tc.args, r.stderr)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("a wrong command line created the database file")
	}
}

func TestHelpAndVersion(t *testing.T) {
	dir := t.TempDir()
	r := must(t, dir, "--help")
	for _, name := range []string{"list", "demo", "export", "import", "backup", "check", "--db FILE"} {
		if !strings.Contains(r.stdout, name) {
			t.Errorf("--help does not mention %s:\n%s", name, r.stdout)
		}
	}
	for _, name := range []string{"list", "demo", "export", "import", "backup", "check"} {
		r := must(t, dir, name, "--help")
		if !strings.HasPrefix(r.stdout, "Usage: scrutiny "+name) {
			t.Errorf("%s --help printed %q", name, r.stdout)
		}
		if h := must(t, dir, "help", name); h.stdout != r.stdout {
			t.Errorf("help %s and %s --help differ", name, name)
		}
	}
	if r := must(t, dir, "--version"); !strings.HasPrefix(r.stdout, "scrutiny ") {
		t.Errorf("--version printed %q", r.stdout)
	}
}

func TestEmptyAndMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "none.db")
	r := must(t, dir, "--db", db, "list")
	if r.stdout != "" || !strings.Contains(r.stderr, "There are no reviews yet") {
		t.Errorf("list on a missing file: %+v", r)
	}
	expect(t, scrutiny(t, dir, "--db", db, "export"), 1, "there is no database at "+db)
	expect(t, scrutiny(t, dir, "--db", db, "check"), 1, "there is no database at "+db)
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("reading commands created the database file")
	}
	// The default file lives under the (test) home folder, not the working folder.
	if runtime.GOOS == "linux" {
		must(t, dir, "demo")
		if _, err := os.Stat(filepath.Join(dir, "home", ".local", "share", "scrutiny", "scrutiny.db")); err != nil {
			t.Errorf("default database not in the data folder: %v", err)
		}
	}
}

func TestNotOurFileIsRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "notes.db")
	content := []byte("Shopping list: milk, bread.\n")
	if err := os.WriteFile(junk, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"demo"}, {"check"}, {"export"}} {
		r := scrutiny(t, dir, append([]string{"--db", junk}, args...)...)
		expect(t, r, 1, junk)
	}
	if got, _ := os.ReadFile(junk); !bytes.Equal(got, content) {
		t.Errorf("a refused file was changed: %q", got)
	}
}

func TestDemoTwiceDoesNotDuplicate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	first := must(t, dir, "--db", db, "demo")
	if !strings.Contains(first.stdout, "Loaded the example review") {
		t.Errorf("first demo said %q", first.stdout)
	}
	second := must(t, dir, "demo", "--db", db) // --db after the command works too
	if !strings.Contains(second.stdout, "already") {
		t.Errorf("second demo said %q", second.stdout)
	}
	list := must(t, dir, "--db", db, "list").stdout
	if lines := strings.Split(strings.TrimSpace(list), "\n"); len(lines) != 1 {
		t.Fatalf("after two demos list shows %d reviews:\n%s", len(lines), list)
	}
	id, topic, ok := strings.Cut(strings.TrimSpace(list), "\t")
	if !ok || topic != "Customers contacting Great Places" || len(id) != 36 {
		t.Errorf("list line %q is not ID, tab, topic", list)
	}
}

func TestExportWritesAtomically(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	must(t, dir, "--db", db, "demo")
	md := must(t, dir, "--db", db, "export").stdout
	if !strings.Contains(md, "Customers contacting Great Places") || !strings.Contains(md, "Improving") {
		t.Fatalf("export did not print the report:\n%.400s", md)
	}

	out := filepath.Join(dir, "out", "report.md")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	old := []byte("the previous report\n")
	if err := os.WriteFile(out, old, 0o644); err != nil {
		t.Fatal(err)
	}
	// A hard link keeps the old file's contents: if export wrote into the
	// file in place, the link would see the new report too.
	link := filepath.Join(dir, "old-report.md")
	if err := os.Link(out, link); err != nil {
		t.Skipf("hard links not supported here: %v", err)
	}
	r := must(t, dir, "--db", db, "export", "-o", out)
	if !strings.Contains(r.stderr, "Wrote "+out) {
		t.Errorf("export -o said %q", r.stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != md {
		t.Error("export -o wrote something different from export to the screen")
	}
	if got, _ := os.ReadFile(link); !bytes.Equal(got, old) {
		t.Error("export -o changed the old file in place instead of replacing it")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	// A failed export leaves the existing file alone.
	before, _ := os.ReadFile(out)
	expect(t, scrutiny(t, dir, "--db", db, "export", "--review", "no-such-id", "-o", out), 1,
		`no review has the ID "no-such-id"; run scrutiny list to see them`)
	expect(t, scrutiny(t, dir, "--db", db, "export", "--format", "json", "--review", "no-such-id", "-o", out), 1,
		`no review has the ID "no-such-id"`)
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Error("a failed export changed the file")
	}
	expect(t, scrutiny(t, dir, "--db", db, "export", "-o", filepath.Join(dir, "missing", "r.md")), 1, "does not exist")
	expect(t, scrutiny(t, dir, "--db", db, "export", "-o", dir), 1, "is a folder")
}

// TestBundleRoundTrip moves the example between two databases as JSON: the
// report must come out byte for byte the same, and importing twice must
// change nothing.
func TestBundleRoundTrip(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	must(t, dir, "--db", a, "demo")
	mdA := must(t, dir, "--db", a, "export", "--format", "md").stdout
	bundle := filepath.Join(dir, "bundle.json")
	must(t, dir, "--db", a, "export", "--format", "json", "-o", bundle)

	r := must(t, dir, "--db", b, "import", bundle)
	if !strings.Contains(r.stdout, "1 review") || !strings.Contains(r.stdout, "1 added") {
		t.Errorf("first import said %q", r.stdout)
	}
	mdB := must(t, dir, "--db", b, "export").stdout
	if mdA != mdB {
		t.Errorf("the report changed on its way through the bundle:\n%s", firstDiff(mdA, mdB))
	}
	r = must(t, dir, "import", "--db", b, bundle)
	if !strings.Contains(r.stdout, "0 added, 0 updated, 1 unchanged") {
		t.Errorf("second import said %q", r.stdout)
	}
	if list := must(t, dir, "--db", b, "list").stdout; strings.Count(list, "\n") != 1 {
		t.Errorf("importing twice duplicated:\n%s", list)
	}

	// A second, different review makes markdown export ambiguous.
	raw, err := os.ReadFile(bundle)
	if err != nil {
		t.Fatal(err)
	}
	other := strings.ReplaceAll(string(raw), "0169e2b4-1a00-", "0169e2b4-1b00-")
	other = strings.Replace(other, "Customers contacting Great Places", "A second review", 1)
	otherFile := filepath.Join(dir, "other.json")
	if err := os.WriteFile(otherFile, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	r = must(t, dir, "--db", b, "import", otherFile)
	if !strings.Contains(r.stdout, "1 added") {
		t.Errorf("importing a different review said %q", r.stdout)
	}
	list := must(t, dir, "--db", b, "list").stdout
	if strings.Count(list, "\n") != 2 {
		t.Fatalf("want two reviews, list shows:\n%s", list)
	}
	r = scrutiny(t, dir, "--db", b, "export")
	expect(t, r, 1, "there are 2 reviews; choose one with --review ID")
	for _, line := range strings.Split(strings.TrimSpace(list), "\n") {
		id, _, _ := strings.Cut(line, "\t")
		if !strings.Contains(r.stderr, id) {
			t.Errorf("the ambiguity message does not list %s:\n%s", id, r.stderr)
		}
	}
	// With --review the markdown is the same report as before.
	id, _, _ := strings.Cut(strings.TrimSpace(mdLine(list, "Customers contacting Great Places")), "\t")
	if got := must(t, dir, "--db", b, "export", "--review", id).stdout; got != mdA {
		t.Errorf("export --review gave a different report:\n%s", firstDiff(mdA, got))
	}
	all := must(t, dir, "--db", b, "export", "--format", "json").stdout
	if !strings.Contains(all, "A second review") || !strings.Contains(all, "Customers contacting Great Places") {
		t.Error("a JSON export without --review does not hold every review")
	}

	// Broken bundles are refused and change nothing.
	for name, content := range map[string]string{
		"empty.json":  "",
		"junk.json":   "this is not json",
		"cut.json":    string(raw[:len(raw)/2]),
		"other.json2": `{"hello": "world"}`,
	} {
		f := filepath.Join(dir, name)
		os.WriteFile(f, []byte(content), 0o644)
		expect(t, scrutiny(t, dir, "--db", b, "import", f), 1, "scrutiny: "+f+": ")
	}
	if after := must(t, dir, "--db", b, "list").stdout; after != list {
		t.Errorf("a refused import changed the list:\n%s", after)
	}
	expect(t, scrutiny(t, dir, "--db", b, "import", filepath.Join(dir, "nope.json")), 1, "there is no file called")
}

func mdLine(list, topic string) string {
	for _, l := range strings.Split(list, "\n") {
		if strings.HasSuffix(l, "\t"+topic) {
			return l
		}
	}
	return ""
}

func TestBackupAndCheck(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	must(t, dir, "--db", db, "demo")
	if r := must(t, dir, "--db", db, "check"); !strings.HasPrefix(r.stdout, "ok") {
		t.Errorf("check said %q", r.stdout)
	}
	dest := filepath.Join(dir, "copy.db")
	r := must(t, dir, "--db", db, "backup", dest)
	if !strings.Contains(r.stdout, dest) {
		t.Errorf("backup said %q", r.stdout)
	}
	must(t, dir, "--db", dest, "check")
	if a, b := must(t, dir, "--db", db, "export").stdout, must(t, dir, "--db", dest, "export").stdout; a != b {
		t.Error("the backup holds a different review")
	}
	before, _ := os.ReadFile(dest)
	expect(t, scrutiny(t, dir, "--db", db, "backup", dest), 1, "already exists")
	if after, _ := os.ReadFile(dest); !bytes.Equal(before, after) {
		t.Error("backup overwrote an existing file")
	}
	folder := filepath.Join(dir, "usb")
	os.Mkdir(folder, 0o755)
	must(t, dir, "--db", db, "backup", folder)
	if entries, _ := os.ReadDir(folder); len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "scrutiny-") {
		t.Errorf("backup into a folder made %v", entries)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d and %d lines", len(al), len(bl))
}

// TestDemoLarge loads the synthetic data through the real binary and checks
// the totals the speed work relies on.
func TestDemoLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a million survey answers")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "large.db")
	r := must(t, dir, "--db", db, "demo", "--size", "large")
	if !strings.Contains(r.stderr, "Loaded 100 of 100 reviews (1,000,000 survey answers so far).") {
		t.Errorf("progress: %q", r.stderr)
	}
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	sums, err := st.ListReviews(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ev, fi, rec int
	for _, s := range sums {
		ev, fi, rec = ev+s.Evidence, fi+s.Findings, rec+s.Recommendations
	}
	if len(sums) != 100 || ev != 10000 || fi != 30000 || rec != 5000 {
		t.Errorf("reviews %d, evidence %d, findings %d, recommendations %d", len(sums), ev, fi, rec)
	}
	one, err := st.LoadReview(ctx, sums[len(sums)/2].ID)
	if err != nil {
		t.Fatal(err)
	}
	answers := 0
	for _, sv := range one.Surveys {
		for _, p := range sv.Respondents.List() {
			answers += len(p.Answers)
		}
	}
	if answers != 10000 {
		t.Errorf("one review holds %d survey answers, want 10,000 (1,000,000 in all)", answers)
	}
	// Refused where it would mix with other reviews.
	mixed := filepath.Join(dir, "mixed.db")
	must(t, dir, "--db", mixed, "demo")
	expect(t, scrutiny(t, dir, "--db", mixed, "demo", "--size", "large"), 1, "already holds other reviews")
	if list := must(t, dir, "--db", mixed, "list").stdout; strings.Count(list, "\n") != 1 {
		t.Errorf("refused large demo still changed the file:\n%s", list)
	}
	e := scrutiny(t, dir, "--db", db, "export")
	expect(t, e, 1, "there are 100 reviews; choose one with --review ID")
	if !strings.Contains(e.stderr, "and 80 more (scrutiny list shows them all)") {
		t.Errorf("a long ambiguity message is not cut short: %q", e.stderr)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	must(t, dir, "--db", db, "demo")
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over part of every third page, as a failing disk might.
	for page := int64(2); page < 50; page += 3 {
		f.WriteAt(bytes.Repeat([]byte{7}, 200), page*4096+8)
	}
	f.Close()
	r := scrutiny(t, dir, "--db", db, "check")
	if r.code != 1 || r.stderr == "" {
		t.Errorf("check on a damaged file: exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
	if !strings.Contains(r.stderr, db) {
		t.Errorf("the message does not name the damaged file: %q", r.stderr)
	}
}

func TestDatabaseFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	envDB, flagDB := filepath.Join(dir, "env.db"), filepath.Join(dir, "flag.db")
	env := []string{"SCRUTINY_DB=" + envDB}
	if r := scrutinyEnv(t, dir, env, "demo"); r.code != 0 || !strings.Contains(r.stdout, envDB) {
		t.Fatalf("demo with SCRUTINY_DB: %+v", r)
	}
	if r := scrutinyEnv(t, dir, env, "--db", flagDB, "list"); r.stdout != "" || !strings.Contains(r.stderr, flagDB) {
		t.Errorf("--db did not win over SCRUTINY_DB: %+v", r)
	}
	if r := scrutinyEnv(t, dir, env, "list"); !strings.Contains(r.stdout, "Customers contacting Great Places") {
		t.Errorf("list with SCRUTINY_DB: %+v", r)
	}
}

func TestWorkspaceNeedsATerminal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	r := scrutinyEnv(t, dir, []string{"TERM=xterm"}, "--db", db)
	expect(t, r, 1, "the workspace needs a terminal window")
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("refusing to start the workspace still created the database")
	}
}
