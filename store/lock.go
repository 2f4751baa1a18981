package store

import "fmt"

func lockedError(lockPath string) error {
	return &plainError{
		msg:   fmt.Sprintf("Another copy of scrutiny is already editing this file (lock %q). Close it first, or open this one for reading only.", lockPath),
		cause: []error{ErrLocked},
	}
}
