//go:build unix

package ui

import "syscall"

// sendSignal sends sig to process pid (0 only asks whether it is alive).
func sendSignal(pid int, sig syscall.Signal) error { return syscall.Kill(pid, sig) }
