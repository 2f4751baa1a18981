//go:build windows

package store

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile takes an exclusive LockFileEx lock on path. Windows releases it
// when the process ends, however it ends.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, &plainError{msg: fmt.Sprintf("Cannot create the lock file %q: %v", path, err), cause: []error{err}}
	}
	h := windows.Handle(f.Fd())
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
			return nil, lockedError(path)
		}
		return nil, &plainError{msg: fmt.Sprintf("Cannot lock %q: %v", path, err), cause: []error{err}}
	}
	return func() {
		windows.UnlockFileEx(h, 0, 1, 0, ol)
		f.Close()
	}, nil
}

// linkCount is how many names the file has; Windows reports it only
// through a handle, and hard-linked databases are rare there.
func linkCount(os.FileInfo) int { return 1 }
