package cli

import (
	"context"
	"os"

	"pingxin/app"
	"pingxin/app/service"
	"pingxin/app/signing"
)

func init() {
	register("cert import", "cli.usage.cert_import", certImport)
	register("cert pfx", "cli.usage.cert_pfx", certPFX)
}

// certImport is the bank's side of `cert export`: it makes a village's certificate the
// one this machine knows for that village, so `verify` accepts the village's minutes
// only when signed with it. A different certificate for a village already known is
// refused; --replace is the bank's deliberate replacement, recorded in the audit log.
func certImport(e *Env, args []string) error {
	fs := e.flags("cert import")
	replace := fs.Bool("replace", false, "")
	file, err := parseOneFile(fs, args)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return app.Errorf(app.EINVALID, "cli.cannot_read", "File", file, "Error", err.Error())
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		c, err := st.ImportKnownCert(ctx, b, *replace)
		if err == nil {
			e.println(app.CertVillage(c), signing.Fingerprint(c))
		}
		return err
	})
}

// certPFX replaces a village's self-made key with a CA-issued one from a PKCS#12 file.
// The file's password comes from PINGXIN_PFX_PASSWORD or the terminal; the new
// passphrase that seals the key, from PINGXIN_PASSPHRASE or the terminal.
func certPFX(e *Env, args []string) error {
	fs := e.flags("cert pfx")
	village := fs.String("village", "", "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *village == "" || len(pos) != 1 {
		return usagef("cli.missing_flags", "Flags", "--village FILE.pfx")
	}
	pfx, err := os.ReadFile(pos[0])
	if err != nil {
		return app.Errorf(app.EINVALID, "cli.cannot_read", "File", pos[0], "Error", err.Error())
	}
	pfxPass, err := e.secret("PINGXIN_PFX_PASSWORD", "cli.pfx_prompt")
	if err != nil {
		return err
	}
	pass, err := e.passphrase()
	if err != nil {
		return err
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		v, err := villageByNameOrID(ctx, st, *village)
		if err != nil {
			return err
		}
		fp, err := st.ImportPFX(ctx, v.ID, pfx, pfxPass, pass)
		if err == nil {
			e.println(v.Name, fp)
		}
		return err
	})
}
