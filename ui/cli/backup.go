package cli

import (
	"context"

	"pingxin/app"
	"pingxin/data"
)

func init() {
	register("backup", "ship.usage.backup", backupCmd)
	register("restore", "ship.usage.restore", restoreCmd)
}

// backupCmd writes a consistent copy of the database (VACUUM INTO) to --out, which
// must not exist, while the app may keep working, and prints its path.
func backupCmd(e *Env, args []string) error {
	fs := e.flags("backup")
	out := fs.String("out", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || len(pos) != 0 {
		return usagef("ship.backup_need_out")
	}
	return e.withStore(func(ctx context.Context, st app.Store) error {
		if err := st.Backup(ctx, *out); err != nil {
			return data.Explain(*out, err)
		}
		e.println(*out)
		return nil
	})
}

// restoreCmd puts a backup in place of the database and prints the database's path.
// It is a file operation that no open store can do on itself, so it calls data's
// file functions as main does: it takes the database's lock first, refusing while the
// desktop app has it open, and data.Restore checks the backup and keeps a copy of
// what it replaces.
func restoreCmd(e *Env, args []string) error {
	pos, err := parse(e.flags("restore"), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("ship.restore_need_file")
	}
	release, err := data.Acquire(e.DBPath)
	if err != nil {
		return err
	}
	defer release()
	kept, err := data.Restore(pos[0], e.DBPath)
	if err != nil {
		return err
	}
	if kept != "" {
		e.info("ship.kept", "Kept", kept)
	}
	e.println(e.DBPath)
	return nil
}
