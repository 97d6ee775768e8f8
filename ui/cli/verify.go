package cli

import (
	"context"
	"os"

	"pingxin/app"
	"pingxin/app/atomicfile"
	"pingxin/app/i18n"
	"pingxin/app/service"
	"pingxin/app/signing"
)

func init() {
	register("verify", "cli.usage.verify", verifyCmd)
	register("cert export", "cli.usage.cert_export", certExport)
}

// verifyCmd tells the receiver whether the minutes are signed and untouched. It reads
// the local database only when one exists (for the certificates this machine knows),
// so a bank PC that never ran Pingxin can verify too.
func verifyCmd(e *Env, args []string) error {
	file, err := parseOneFile(e.flags("verify"), args)
	if err != nil {
		return err
	}
	pdf, err := os.ReadFile(file)
	if err != nil {
		return app.Errorf(app.EINVALID, "cli.cannot_read", "File", file, "Error", err.Error())
	}
	var st app.Reader // none on a bank PC that never ran Pingxin
	if _, err := os.Stat(e.DBPath); err == nil {
		svc, err := e.store()
		if err != nil {
			return err
		}
		defer svc.Close()
		st = svc
	}
	if isZip(pdf) {
		return e.verifyPackage(st, file, pdf)
	}
	rep, err := service.Verify(context.Background(), st, pdf)
	if err != nil {
		return err
	}
	for i, s := range rep.Signatures {
		e.printSignature(i+1, s)
	}
	if !rep.Valid {
		return app.Errorf(app.EINVALID, "cli.verify_invalid", "File", file)
	}
	e.println(verdict(rep))
	return nil
}

// printSignature says who signed (the certificate that verified, or nobody), when, and
// the trust decision: the village's known certificate, one for a village this machine
// knows no certificate for, or another one than the village's (then the problem line
// names the village, the expected and the found certificate).
func (e *Env) printSignature(n int, s signing.SignatureReport) {
	e.println(i18n.T(e.Lang, "cli.signature_line", i18n.Data{"N": n, "Signer": s.Signer.String(), "Name": s.Name,
		"Time": s.Time.In(app.Beijing).Format("2006-01-02 15:04:05"), "Known": e.trustWords(s), "Fingerprint": s.Fingerprint}))
	if s.Problem != nil {
		e.println("  " + app.ErrorMessage(s.Problem, e.Lang))
	}
}

// printManifestSignature prints who signed a package's manifest: the detached
// signature has no signer's name and no number among a PDF's signatures, and its
// problem is already printed under manifest.json.
func (e *Env) printManifestSignature(s signing.SignatureReport) {
	e.println(i18n.T(e.Lang, "cli.manifest_signature_line", i18n.Data{"Signer": s.Signer.String(),
		"Time": s.Time.In(app.Beijing).Format("2006-01-02 15:04:05"), "Known": e.trustWords(s), "Fingerprint": s.Fingerprint}))
}

// trustWords says what this machine knows of a signature's certificate.
func (e *Env) trustWords(s signing.SignatureReport) string {
	switch {
	case !s.ValidSignature:
		return i18n.T(e.Lang, "cli.cert_not_verified", nil)
	case s.Trust == signing.TrustKnown:
		return i18n.T(e.Lang, "cli.cert_known", i18n.Data{"Village": s.Village})
	case s.Trust == signing.TrustMismatch:
		return i18n.T(e.Lang, "cli.cert_mismatch", i18n.Data{"Village": s.Village})
	}
	return i18n.T(e.Lang, "cli.cert_unknown", i18n.Data{"Village": s.Village})
}

func certExport(e *Env, args []string) error {
	c := e.villageCommand("cert export", "out")
	out := c.String("out", "", "")
	return c.run(args, nil, func(ctx context.Context, st *service.Service, v *app.Village) error {
		pem, err := service.VillageCertPEM(ctx, st, v.ID)
		if err != nil {
			return err
		}
		if err := atomicfile.WriteBytes(*out, 0o644, pem); err != nil {
			return err
		}
		e.println(*out)
		return nil
	})
}

// verdict is the last line of a verification that holds: "valid", or "valid, unknown
// certificate" when some signature's village has no known certificate on this machine
// (exit 0 still: nothing contradicts the signature, but nobody vouches for the key).
func verdict(rep signing.Report) string {
	for _, s := range rep.Signatures {
		if s.Trust != signing.TrustKnown {
			return "valid, unknown certificate"
		}
	}
	return "valid"
}

// isZip recognises a bank package by the zip signature, whatever the file is called.
func isZip(b []byte) bool { return len(b) >= 4 && string(b[:4]) == "PK\x03\x04" }

// verifyPackage checks a bank package: one line per file with its state, the manifest's
// signer and each PDF's signatures, then the verdict; exit 1 when any file is changed,
// added or missing or any signature does not hold.
func (e *Env) verifyPackage(st app.Reader, name string, b []byte) error {
	rep, err := service.VerifyPackage(context.Background(), st, b)
	if err != nil {
		return err
	}
	for _, f := range rep.Files {
		e.println(i18n.T(e.Lang, "cli.package_file", i18n.Data{"Name": f.Name, "State": i18n.T(e.Lang, "cli.file_"+string(f.State), nil)}))
		if f.Problem != nil {
			e.println("  " + app.ErrorMessage(f.Problem, e.Lang))
		}
	}
	if rep.ManifestSig.ValidSignature {
		e.printManifestSignature(rep.ManifestSig)
	}
	if !rep.Valid {
		return app.Errorf(app.EINVALID, "cli.package_invalid", "File", name)
	}
	if !rep.Known {
		e.println("valid, unknown certificate")
		return nil
	}
	e.println("valid")
	return nil
}
