//go:build !windows

package atomicfile

import "os"

// rename puts the finished tmp in place of path; POSIX replaces a file even while
// another program has it open.
func rename(tmp, path string) error { return os.Rename(tmp, path) }
