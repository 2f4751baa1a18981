//go:build unix

package report_test

import "syscall"

// cpuNanos is the processor time this process has used, all threads. On a
// machine shared with other work the wall time of a benchmark swings with
// the load; the processor time it takes does much less.
func cpuNanos() int64 {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return u.Utime.Nano() + u.Stime.Nano()
}
