package atomicfile

import (
	"errors"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// createUnnamed opens a file in dir that has no name (O_TMPFILE): killed before link,
// the process leaves nothing behind. It fails where the file system cannot.
func createUnnamed(dir string, perm os.FileMode) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), dir)
	if err := f.Chmod(perm); err != nil { // the umask narrowed it
		f.Close()
		return nil, err
	}
	return f, nil
}

// link gives the complete unnamed file f the name tmp.
func link(f *os.File, tmp string) error {
	err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW)
	if err != nil {
		return errors.Join(errors.New("atomicfile: naming the finished file"), err)
	}
	return nil
}
