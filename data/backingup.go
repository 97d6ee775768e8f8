package data

import (
	"context"
	"fmt"
	"os"

	"pingxin/app"
)

// BackingUp is the Store that backs itself up (AutoBackup) right after a meeting is
// closed or signed, from the desktop and the command line alike, so the moments that
// matter always have a copy. Wrap the store once where it is opened (main.go):
// &data.BackingUp{Store: st, DBPath: path}.
type BackingUp struct {
	*Store
	DBPath string
	// OnError hears of a backup that failed. The change itself is committed and stays
	// so: a full backup disk must not turn a signed meeting into an error. Nil writes
	// the error to stderr.
	OnError func(error)
}

var _ app.Store = (*BackingUp)(nil)

// SetStatus is Store.SetStatus, then a WhyClosed backup when the meeting was closed.
func (b *BackingUp) SetStatus(ctx context.Context, meetingID int64, s app.Status) error {
	if err := b.Store.SetStatus(ctx, meetingID, s); err != nil {
		return err
	}
	if s == app.StatusClosed {
		b.backup(WhyClosed)
	}
	return nil
}

// Sign is Store.Sign, then a WhySigned backup.
func (b *BackingUp) Sign(ctx context.Context, meetingID int64, r app.SignRecord) error {
	if err := b.Store.Sign(ctx, meetingID, r); err != nil {
		return err
	}
	b.backup(WhySigned)
	return nil
}

func (b *BackingUp) backup(why string) {
	if _, err := AutoBackup(b.Store, b.DBPath, why); err != nil {
		if b.OnError != nil {
			b.OnError(err)
			return
		}
		fmt.Fprintln(os.Stderr, "pingxin: backup:", err)
	}
}
