package app

import (
	"fmt"
	"strings"
	"testing"

	"pingxin/app/i18n"
)

// fakeSQLite is an error of the engine's shape: English text and a result code.
type fakeSQLite struct{ code int }

func (e fakeSQLite) Error() string { return fmt.Sprintf("disk I/O error (%d)", e.code) }
func (e fakeSQLite) Code() int     { return e.code }

// TestDatabaseErrorsAreSaidInWords: the engine's English text never reaches a person
// (issue 17: "disk I/O error (522)").
func TestDatabaseErrorsAreSaidInWords(t *testing.T) {
	for _, code := range []int{522, 8, 5, 13, 1} {
		err := fmt.Errorf("export: %w", fakeSQLite{code})
		for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
			msg := ErrorMessage(err, l)
			if strings.Contains(msg, "disk I/O") || msg == "" {
				t.Errorf("code %d in %s: %q", code, l, msg)
			}
		}
	}
	if got := ErrorMessage(fakeSQLite{522}, i18n.Zh); !strings.Contains(got, "备份") {
		t.Errorf("a damaged file's message does not say to restore a backup: %q", got)
	}
}
