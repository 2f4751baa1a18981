//go:build !unix && !windows

package store

// lockFile is a no-op where the platform has no advisory locks; SQLite's
// own locking still keeps the file consistent.
func lockFile(path string) (func(), error) { return func() {}, nil }
