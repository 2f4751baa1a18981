package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.md")
	os.WriteFile(p, []byte("old"), 0o644)
	err := Write(p, func(w io.Writer) error {
		w.Write([]byte("half a rep"))
		return errors.New("the disk is full")
	})
	if err == nil || err.Error() != "the disk is full" {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("the old file became %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestWriteBytesReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.md")
	os.WriteFile(p, []byte("old"), 0o600)
	if err := WriteBytes(p, []byte("new report\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new report\n" {
		t.Errorf("file holds %q", b)
	}
	// A private report stays private; a new one is an ordinary document.
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", st.Mode().Perm())
	}
	q := filepath.Join(dir, "new.md")
	if err := WriteBytes(q, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(q); st.Mode().Perm() != 0o644 {
		t.Errorf("a new file has mode %v, want 0644", st.Mode().Perm())
	}
	os.Remove(q)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestWriteRefusesFolderAndMissingFolder(t *testing.T) {
	dir := t.TempDir()
	if err := WriteBytes(dir, nil); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	if err := WriteBytes(filepath.Join(dir, "missing", "r.md"), nil); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
}

// A symbolic link is written through to its target, which is replaced
// whole beside itself; the link stays a link.
func TestWriteThroughSymlink(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "shared-report.md")
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(dir, "report.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteBytes(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("the target holds %q", b)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode became %v", st.Mode().Perm())
	}
	// A link to a file not yet written creates it.
	dangling := filepath.Join(dir, "later.md")
	os.Symlink(filepath.Join(elsewhere, "later-target.md"), dangling)
	if err := WriteBytes(dangling, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(elsewhere, "later-target.md")); string(b) != "first" {
		t.Errorf("the dangling link's target holds %q", b)
	}
	for _, d := range []string{dir, elsewhere} {
		es, _ := os.ReadDir(d)
		for _, e := range es {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file left: %s", e.Name())
			}
		}
	}
}

// A device cannot be replaced: it is written directly and stays a device.
func TestWriteToDevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	if err := WriteBytes("/dev/null", []byte("report")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat("/dev/null"); fi.Mode().IsRegular() {
		t.Fatal("/dev/null became a regular file")
	}
}

// A temporary file left by a killed write is removed by the next write
// once it is old enough that no write can still be making it; a fresh one
// (a write in progress elsewhere) is left alone.
func TestStaleTemporaryFilesAreCleaned(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.md")
	stale := filepath.Join(dir, ".r.md.12345.tmp")
	fresh := filepath.Join(dir, ".r.md.67890.tmp")
	other := filepath.Join(dir, ".other.md.1.tmp")
	for _, f := range []string{stale, fresh, other} {
		os.WriteFile(f, []byte("half"), 0o600)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	if err := WriteBytes(p, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (a write in progress) was removed")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("another file's temporary file was removed")
	}
}

// A write that fails part-way (as on a full disk) names the file the user
// asked for, not the temporary one, and says the old file was kept.
func TestFailedWriteSaysTheOldFileWasKept(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.md")
	os.WriteFile(p, []byte("old"), 0o644)
	err := Write(p, func(w io.Writer) error {
		f := w.(*os.File)
		f.Close() // the next write fails with the temporary file's name
		_, err := f.Write([]byte("x"))
		return err
	})
	if err == nil || strings.Contains(err.Error(), ".tmp") || !strings.Contains(err.Error(), "the old r.md was kept") {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("the old file became %q", b)
	}
}
