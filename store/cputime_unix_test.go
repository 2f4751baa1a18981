//go:build unix

package store_test

import (
	"syscall"
	"time"
)

// cpuTime is the user plus system CPU this process has used. On a shared,
// busy machine it shows the work done, where wall time also counts waiting
// for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
