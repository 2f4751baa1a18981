//go:build !unix

package report_test

func cpuNanos() int64 { return 0 }
