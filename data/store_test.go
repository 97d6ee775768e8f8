package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"pingxin/app"
	"pingxin/app/i18n"
)

func mode(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestOpenPermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := filepath.Join(t.TempDir(), "cfg", "pingxin")
	path := filepath.Join(dir, "pingxin.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateVillage(context.Background(), testVillage()); err != nil {
		t.Fatal(err)
	}
	t.Run("folder", func(t *testing.T) {
		if m := mode(t, dir); m != 0o700 {
			t.Errorf("folder mode = %o, want 700", m)
		}
	})
	t.Run("file", func(t *testing.T) {
		if m := mode(t, path); m != 0o600 {
			t.Errorf("file mode = %o, want 600", m)
		}
	})
	t.Run("wal", func(t *testing.T) {
		if m := mode(t, path+"-wal"); m != 0o600 {
			t.Errorf("wal mode = %o, want 600", m)
		}
	})
	s.Close()
	t.Run("existing file narrowed", func(t *testing.T) {
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if m := mode(t, path); m != 0o600 {
			t.Errorf("file mode = %o, want 600", m)
		}
	})
}

func TestOpenBadPath(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "a?b.db"))
	wantCode(t, err, app.EINVALID, "data.bad_path")
}

func TestMigrationsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pingxin.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateVillage(ctx, testVillage()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for i := range 2 {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		var applied, appID, userVersion int
		var meta string
		row := func(q string, dst any) {
			if err := s.rdb.QueryRowContext(ctx, q).Scan(dst); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		row(`SELECT count(*) FROM schema_migrations`, &applied)
		row(`PRAGMA application_id`, &appID)
		row(`PRAGMA user_version`, &userVersion)
		row(`SELECT value FROM app_meta WHERE key = 'schema_version'`, &meta)
		ms, _ := migrations()
		if applied != len(ms) || appID != ApplicationID || userVersion != SchemaVersion() || meta != strconv.Itoa(SchemaVersion()) {
			t.Errorf("reopen %d: applied %d of %d, application_id %x, user_version %d, app_meta %s; want version %d",
				i, applied, len(ms), appID, userVersion, meta, SchemaVersion())
		}
		vs, err := s.Villages(ctx)
		if err != nil || len(vs) != 1 || vs[0].Name != "越丰村" || vs[0].Members != 5 {
			t.Errorf("reopen %d: villages = %+v, %v", i, vs, err)
		}
		s.Close()
	}
}

// rawDB opens path with the plain driver, as another program would.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func exec(t *testing.T, db *sql.DB, qs ...string) {
	t.Helper()
	for _, q := range qs {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestOpenRefusesForeign(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, path string)
	}{
		{"another program's tables", func(t *testing.T, path string) {
			db := rawDB(t, path)
			exec(t, db, `CREATE TABLE contacts (name TEXT)`, `INSERT INTO contacts VALUES ('x')`)
			db.Close()
		}},
		{"another application id", func(t *testing.T, path string) {
			db := rawDB(t, path)
			exec(t, db, `PRAGMA application_id = 1234`, `PRAGMA user_version = 1`)
			db.Close()
		}},
		{"app_meta of another application", func(t *testing.T, path string) {
			db := rawDB(t, path)
			exec(t, db, `CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT)`,
				`INSERT INTO app_meta VALUES ('application', 'other')`)
			db.Close()
		}},
		{"not sqlite", func(t *testing.T, path string) {
			if err := os.WriteFile(path, bytes.Repeat([]byte("姓名,身份证号码\n"), 200), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			c.setup(t, path)
			before, _ := os.ReadFile(path)
			s, err := Open(path)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, ErrForeign) {
				t.Fatalf("Open = %v, want ErrForeign", err)
			}
			wantCode(t, err, app.EINVALID, "data.foreign")
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the foreign file was changed")
			}
			if runtime.GOOS != "windows" && c.name == "not sqlite" && mode(t, path) != 0o644 {
				t.Error("the foreign file's mode was changed")
			}
		})
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	newer := strconv.Itoa(SchemaVersion() + 1)
	cases := []struct{ name, q string }{
		{"user_version", `PRAGMA user_version = ` + newer},
		{"app_meta", `UPDATE app_meta SET value = '` + newer + `' WHERE key = 'schema_version'`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pingxin.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			db := rawDB(t, path)
			exec(t, db, c.q)
			db.Close()
			s, err = Open(path)
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, ErrNewerSchema) {
				t.Fatalf("Open = %v, want ErrNewerSchema", err)
			}
			wantCode(t, err, app.EINVALID, "data.newer_schema")
		})
	}
}

func TestDefaultPath(t *testing.T) {
	t.Run("env", func(t *testing.T) {
		t.Setenv("PINGXIN_DB", "/srv/pingxin/test.db")
		if p, err := DefaultPath(); err != nil || p != "/srv/pingxin/test.db" {
			t.Errorf("DefaultPath = %q, %v", p, err)
		}
	})
	t.Run("config folder", func(t *testing.T) {
		t.Setenv("PINGXIN_DB", "")
		cfg, err := os.UserConfigDir()
		if err != nil {
			t.Skip(err)
		}
		want := filepath.Join(cfg, "pingxin", "pingxin.db")
		if p, err := DefaultPath(); err != nil || p != want {
			t.Errorf("DefaultPath = %q, %v; want %q", p, err, want)
		}
	})
}

func TestTranslations(t *testing.T) {
	keys := []string{"data.foreign", "data.newer_schema", "data.nominee_exists", "data.member_exists",
		"data.blacklist_exists", "data.status_backward", "data.amend_not_signed", "data.backup_exists",
		"village.not_found", "meeting.not_found", "meeting.locked"}
	for _, k := range keys {
		for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
			if !i18n.Has(l, k) {
				t.Errorf("%s: no %s text", k, l)
			}
		}
	}
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, k := range i18n.Keys(l) {
			if len(k) > 5 && k[:5] == "data." && !i18n.Has(otherLang(l), k) {
				t.Errorf("%s has %s only", k, l)
			}
		}
	}
}

func otherLang(l i18n.Lang) i18n.Lang {
	if l == i18n.Zh {
		return i18n.En
	}
	return i18n.Zh
}

// TestTwoStoresOneFile is the desktop and a command run beside it: both write the same
// file at once, and neither sees a busy error.
func TestTwoStoresOneFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pingxin.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	v, m := seed(t, a)
	const n = 30
	errs := make(chan error, 2*n)
	go func() {
		for i := range n {
			errs <- a.AddNominees(ctx, m.ID, []app.Nominee{app.NewNominee("户"+strconv.Itoa(i), testID(100+i))})
		}
	}()
	go func() {
		for i := range n {
			p := app.Present
			if i%2 == 0 {
				p = app.Leave
			}
			errs <- b.SetPresence(ctx, m.ID, v.Members[0].ID, p, "", nil)
		}
	}()
	for range 2 * n {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := mustMeeting(t, b, m.ID); len(got.Nominees) != n || got.Nominees[n-1].Seq != n {
		t.Errorf("%d nominees, last № %d; want %d", len(got.Nominees), got.Nominees[len(got.Nominees)-1].Seq, n)
	}
}
