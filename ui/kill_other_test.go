//go:build !unix

package ui

import (
	"errors"
	"syscall"
)

// sendSignal is unix only: the tests that use it run the app under tmux.
func sendSignal(int, syscall.Signal) error { return errors.New("no signals here") }
