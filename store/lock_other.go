//go:build !unix && !windows

package store

import "io/fs"

// lockFile is a no-op where the platform has no advisory locks; SQLite's
// own locking still keeps the file consistent.
func lockFile(path string) (func(), error) { return func() {}, nil }

// linkCount is how many names the file has, where the platform says.
func linkCount(fs.FileInfo) int { return 1 }
