//go:build windows

package atomicfile

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"

	"pingxin/app"
)

// renameWait is how long rename keeps trying to replace a file another program holds.
var renameWait = 2 * time.Second

// rename puts the finished tmp in place of path. Windows cannot replace a file another
// program has open without delete sharing: an antivirus scanner looking at it for a
// moment, or a PDF reader or Excel showing it (seen under Wine as under Windows: the
// plain rename fails with "Access denied"). A scanner lets go within moments, so rename
// keeps trying for renameWait; a reader does not, and then the clerk is told to close
// the file rather than shown the system's words.
func rename(tmp, path string) error {
	deadline := time.Now().Add(renameWait)
	for {
		err := os.Rename(tmp, path)
		if err == nil || !held(err) {
			return err
		}
		if time.Now().After(deadline) {
			return app.Errorf(app.ECONFLICT, "atomicfile.in_use", "Path", path)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// held reports whether err is Windows refusing to replace a file that is open or
// read-only.
func held(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
