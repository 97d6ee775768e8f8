//go:build !windows

package atomicfile

import (
	"errors"
	"syscall"
)

// alive reports whether a process with this PID runs (signal 0 checks without sending).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
