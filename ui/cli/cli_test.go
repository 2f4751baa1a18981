package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultDBPath(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		goos string
		env  func(string) string
		home string
		want string
	}{
		{"linux", env(), "/home/ann", filepath.Join("/home/ann", ".local", "share", "scrutiny", "scrutiny.db")},
		{"linux", env("XDG_DATA_HOME", "/data"), "/home/ann", filepath.Join("/data", "scrutiny", "scrutiny.db")},
		// The XDG rules say a relative path must be ignored.
		{"linux", env("XDG_DATA_HOME", "data"), "/home/ann", filepath.Join("/home/ann", ".local", "share", "scrutiny", "scrutiny.db")},
		{"freebsd", env(), "/home/ann", filepath.Join("/home/ann", ".local", "share", "scrutiny", "scrutiny.db")},
		{"darwin", env("XDG_DATA_HOME", "/data"), "/Users/ann", filepath.Join("/Users/ann", "Library", "Application Support", "scrutiny", "scrutiny.db")},
		{"windows", env("AppData", `C:\Users\ann\AppData\Roaming`), `C:\Users\ann`, `C:\Users\ann\AppData\Roaming\scrutiny\scrutiny.db`},
		{"windows", env(), `C:\Users\ann`, `C:\Users\ann\AppData\Roaming\scrutiny\scrutiny.db`},
		{"linux", env(), "", ""},
	} {
		if got := defaultDBPath(tc.goos, tc.env, tc.home); got != tc.want {
			t.Errorf("%s home %q: got %q, want %q", tc.goos, tc.home, got, tc.want)
		}
	}
}

func TestDBFlagBeatsEnvironment(t *testing.T) {
	env := func(k string) string {
		if k == "SCRUTINY_DB" {
			return "/env.db"
		}
		return ""
	}
	if got, _ := resolveDB("/flag.db", env); got != "/flag.db" {
		t.Errorf("flag: %q", got)
	}
	if got, _ := resolveDB("", env); got != "/env.db" {
		t.Errorf("environment: %q", got)
	}
}

// TestFlagsAnywhere runs the command line in-process: flags may come before
// or after positional arguments, and --db may follow the command.
func TestFlagsAnywhere(t *testing.T) {
	var got []string
	var gotDB string
	register(&command{name: "probe", summary: "test only", usage: "Usage: scrutiny probe\n",
		run: func(ctx context.Context, a *app, args []string) error {
			c := commands["probe"]
			fs := a.newFlags(c)
			fs.Bool("x", false, "")
			pos, err := a.parse(c, fs, args)
			got, gotDB = pos, a.db
			return err
		}})
	defer delete(commands, "probe")
	var out, errb bytes.Buffer
	env := func(string) string { return "" }
	code := run(context.Background(), []string{"--db=one.db", "probe", "a", "-x", "b", "--db", "two.db", "--", "-c", "-x"}, nil, &out, &errb, env)
	if code != 0 || strings.Join(got, ",") != "a,b,-c,-x" || gotDB != "two.db" {
		t.Errorf("code %d, args %q, db %q, stderr %q", code, got, gotDB, errb.String())
	}
	out.Reset()
	code = run(context.Background(), []string{"--db", "x.db", "probe", "-h"}, nil, &out, &errb, env)
	if code != 0 || out.String() != "Usage: scrutiny probe\n" {
		t.Errorf("probe -h: code %d, out %q", code, out.String())
	}
}

// TestReadmeMatchesCI keeps the documentation honest: the test command the
// README gives is the one CI runs.
func TestReadmeMatchesCI(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	ci, err := os.ReadFile(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	const testCmd = "go test ./..."
	if !strings.Contains(string(readme), "go run .          # open scrutiny\n"+testCmd) {
		t.Errorf("README's set-up commands are not `go run .` and `%s`", testCmd)
	}
	found := false
	for _, line := range strings.Split(string(ci), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && strings.Join(f[:3], " ") == testCmd && !strings.HasPrefix(line, "#") {
			found = true
		}
	}
	if !found {
		t.Errorf(".ci/run does not run %q", testCmd)
	}
}
