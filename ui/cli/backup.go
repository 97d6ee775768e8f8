package cli

import (
	"context"
	"errors"

	"pingxin/app/service"
)

func init() {
	register("backup", "cli.usage.backup", backupCmd)
	register("restore", "cli.usage.restore", restoreCmd)
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
		return usagef("cli.backup_need_out")
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		if err := st.Backup(ctx, *out); err != nil {
			return e.explain(*out, err)
		}
		e.println(*out)
		return nil
	})
}

// restoreCmd puts a backup in place of the database and prints the database's path.
// It is a file operation that no open store can do on itself: it takes the database's
// lock first, refusing while the desktop app has it open, and Files.Restore checks the
// backup and keeps a copy of what it replaces.
func restoreCmd(e *Env, args []string) error {
	pos, err := parse(e.flags("restore"), args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("cli.restore_need_file")
	}
	if e.Files.Lock == nil || e.Files.Restore == nil {
		return errors.New("restore: no file operations")
	}
	release, err := e.Files.Lock()
	if err != nil {
		return err
	}
	defer release()
	kept, err := e.Files.Restore(pos[0])
	if err != nil {
		return err
	}
	if kept != "" {
		e.info("cli.kept", "Kept", kept)
	}
	e.println(e.DBPath)
	return nil
}

// explain turns a file error into one a person can act on, when main says how.
func (e *Env) explain(path string, err error) error {
	if e.Files.Explain == nil {
		return err
	}
	return e.Files.Explain(path, err)
}
