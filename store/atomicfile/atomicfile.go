// Package atomicfile writes a file so that the old one is either left whole
// or replaced whole: a half-written report never replaces a good one.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// Write writes what fill produces to path: a temporary file in the same
// folder, synced, then renamed over the target. An error from fill is
// returned as it is, and the old file stays.
func Write(path string, fill func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name, for example %s", path, filepath.Join(path, "report.md"))
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		}
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("cannot save %s to the disk: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("cannot save %s: %w", path, err)
	}
	// CreateTemp makes the file private; a report is an ordinary document.
	_ = os.Chmod(tmp, 0o644)
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("cannot replace %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// syncDir makes a rename durable on systems that need it; Windows cannot
// open a folder for syncing, and does not need to.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
