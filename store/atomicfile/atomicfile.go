// Package atomicfile writes a file so that the old one is either left whole
// or replaced whole: a half-written report never replaces a good one.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// staleAfter is how old a temporary file left by an earlier, killed write
// must be before a later write of the same file removes it. No export
// takes this long, so a write still in progress elsewhere keeps its file.
const staleAfter = 15 * time.Minute

// Write writes what fill produces to path: a temporary file in the same
// folder, synced, then renamed over the target. An error from fill is
// returned as it is, and the old file stays.
//
// A symbolic link is written through: its target is replaced, atomically,
// beside the target, and the link stays a link. A device or a pipe (/dev/
// stdout, a FIFO) cannot be replaced and is written directly. The new file
// keeps the old one's permissions, so a private report stays private.
func Write(path string, fill func(w io.Writer) error) (err error) {
	target, err := resolve(path)
	if err != nil {
		return err
	}
	old, statErr := os.Stat(target)
	switch {
	case statErr == nil && old.IsDir():
		return fmt.Errorf("%s is a folder; give a file name, for example %s", path, filepath.Join(path, "report.md"))
	case statErr == nil && !old.Mode().IsRegular():
		return writeDirect(path, target, fill)
	}
	dir := filepath.Dir(target)
	cleanStale(dir, filepath.Base(target))
	f, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
		}
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	kept := "nothing was written"
	if statErr == nil {
		kept = "the old " + filepath.Base(path) + " was kept as it was"
	}
	if err = fill(f); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == tmp {
			return fmt.Errorf("cannot write %s: %v; %s", path, pe.Err, kept)
		}
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("cannot save %s to the disk: %v; %s", path, unwrapPath(err), kept)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("cannot save %s: %v; %s", path, unwrapPath(err), kept)
	}
	// CreateTemp makes the file private. A new report is an ordinary
	// document; a replaced one keeps the permissions it had.
	mode := fs.FileMode(0o644)
	if statErr == nil {
		mode = old.Mode().Perm()
	}
	_ = os.Chmod(tmp, mode)
	if err = os.Rename(tmp, target); err != nil {
		return fmt.Errorf("cannot replace %s: %v; %s", path, unwrapPath(err), kept)
	}
	syncDir(dir)
	return nil
}

// resolve follows symbolic links from path to the file they end at, which
// may not exist yet (a link to a report still to be written).
func resolve(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", fmt.Errorf("cannot follow the link %s: %w", path, unwrapPath(err))
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return "", fmt.Errorf("cannot write %s: its links go round in a circle", path)
}

// writeDirect writes into a device or a pipe, which cannot be replaced.
func writeDirect(path, target string, fill func(w io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := fill(f); err != nil {
		f.Close()
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == target {
			return fmt.Errorf("cannot write %s: %v", path, pe.Err)
		}
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// cleanStale removes the temporary files of earlier writes of base that
// were killed before they could remove their own.
func cleanStale(dir, base string) {
	es, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range es {
		n := e.Name()
		if !strings.HasPrefix(n, prefix) || !strings.HasSuffix(n, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, n))
		}
	}
}

// unwrapPath drops the temporary file's name from an error: the message
// is about the file the user named.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
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
