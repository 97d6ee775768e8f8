//go:build !linux

package atomicfile

import (
	"errors"
	"os"
)

var errNoUnnamed = errors.New("atomicfile: no unnamed files here")

// createUnnamed fails: only Linux has unnamed files, so Write uses a named one.
func createUnnamed(dir string, perm os.FileMode) (*os.File, error) { return nil, errNoUnnamed }

func link(f *os.File, tmp string) error { return errNoUnnamed }
