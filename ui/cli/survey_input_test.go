package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"testing"
	"time"
)

// Survey files with control characters in a comment, with old Mac line
// ends, from a FIFO and from standard input all read; a real program file
// is still refused.
func TestSurveyImportInputs(t *testing.T) {
	dir := t.TempDir()
	const answers = "Contact method,Ease (1-10),Comments\nPhone,7,Good \x1b]0;PWNED\x07service\nEmail,8,Rang\x07 back\nPhone,6,Fine\n"

	ctrl := filepath.Join(dir, "ctrl.csv")
	os.WriteFile(ctrl, []byte(answers), 0o644)
	r := must(t, dir, "survey", "import", "--check", ctrl)
	if !strings.Contains(r.stdout, "removed from 2 cells") || !strings.Contains(r.stdout, "3 rows of answers") {
		t.Errorf("control characters:\n%s%s", r.stdout, r.stderr)
	}
	if bad := controls(r.stdout + r.stderr); len(bad) > 0 {
		t.Errorf("the preview printed control characters")
	}

	mac := filepath.Join(dir, "mac.csv")
	os.WriteFile(mac, []byte(strings.ReplaceAll(answers, "\n", "\r")), 0o644)
	if r := must(t, dir, "survey", "import", "--check", mac); !strings.Contains(r.stdout, "3 rows of answers") {
		t.Errorf("lone CR line ends:\n%s", r.stdout)
	}

	if r := scrutinyIn(t, dir, answers, "survey", "import", "--check", "-"); r.code != 0 || !strings.Contains(r.stdout, "3 rows of answers") {
		t.Errorf("standard input: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "answers.fifo")
		if err := mkfifo(fifo); err == nil {
			go func() {
				f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
				if err == nil {
					f.WriteString(answers)
					f.Close()
				}
			}()
			done := make(chan result, 1)
			go func() { done <- scrutiny(t, dir, "survey", "import", "--check", fifo) }()
			select {
			case r := <-done:
				if r.code != 0 || !strings.Contains(r.stdout, "3 rows of answers") {
					t.Errorf("FIFO: exit %d\n%s%s", r.code, r.stdout, r.stderr)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("reading a FIFO hung")
			}
		}
	}

	self, err := exec.LookPath(binary)
	if err != nil {
		t.Fatal(err)
	}
	r = scrutiny(t, dir, "survey", "import", "--check", self)
	expect(t, r, 1, "binary data")
}
