package service

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"io"
	"path"
	"strings"

	"pingxin/app"
	"pingxin/app/signing"
)

// FileState is what `verify FILE.zip` found for one file of a bank package.
type FileState string

// The states of a package's files.
const (
	FileOK       FileState = "ok"        // listed, present, same SHA-256 (and, for a PDF, its signatures hold)
	FileChanged  FileState = "changed"   // present, but its SHA-256 is not the manifest's
	FileMissing  FileState = "missing"   // listed in the manifest, not in the zip
	FileAdded    FileState = "added"     // in the zip, not in the manifest
	FileBadSig   FileState = "signature" // a PDF whose signatures do not hold, or the manifest's signature
	FileNotValid FileState = "invalid"   // the zip entry cannot be read
)

// PackageFile is one file of a package and its state.
type PackageFile struct {
	Name    string
	State   FileState
	Problem error // why a PDF's or the manifest's signature does not hold; nil otherwise
}

// PackageReport is what VerifyPackage found: each file, the manifest's signature, the
// signatures of each PDF, and whether the package holds as a whole.
type PackageReport struct {
	Manifest    *Manifest
	ManifestSig signing.SignatureReport
	Files       []PackageFile
	PDFs        map[string]signing.Report
	Valid       bool // every file ok and every signature valid
	Known       bool // and the village key is the one this machine knows for the village
}

// VerifyPackage checks a bank package (docs/RULES.md §11.4): the manifest's detached
// signature with the village key, every file against the manifest's SHA-256, every
// PDF's signatures, that the minutes, the 报送单 and the manifest are signed with the
// certificate the manifest names, and that nothing was added or removed. It reads a
// bounded number of entries of bounded size, so a zip bomb is refused, not unpacked.
func VerifyPackage(ctx context.Context, st app.Reader, zipBytes []byte) (PackageReport, error) {
	known, err := knownCerts(ctx, st)
	if err != nil {
		return PackageReport{}, err
	}
	entries, err := readPackage(zipBytes)
	if err != nil {
		return PackageReport{}, err
	}
	return checkPackage(entries, known), nil
}

// readPackage reads the zip's entries by name; a duplicate name, a path, too many or
// too large entries make it unreadable as a package.
func readPackage(b []byte) (map[string][]byte, error) {
	bad := app.Errorf(app.EINVALID, "service.package_unreadable")
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil || len(zr.File) > maxPackageFiles {
		return nil, bad
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		if _, dup := out[f.Name]; dup || path.Base(f.Name) != f.Name || strings.ContainsAny(f.Name, `\/`) {
			return nil, bad
		}
		rc, err := f.Open()
		if err != nil {
			return nil, bad
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxPackageFileBytes+1))
		rc.Close()
		if err != nil || len(data) > maxPackageFileBytes {
			return nil, bad
		}
		out[f.Name] = data
	}
	return out, nil
}

func checkPackage(entries map[string][]byte, known []*x509.Certificate) PackageReport {
	rep := PackageReport{PDFs: map[string]signing.Report{}, Valid: true, Known: true}
	fail := func(name string, st FileState, problem error) {
		rep.Files = append(rep.Files, PackageFile{Name: name, State: st, Problem: problem})
		if st != FileOK {
			rep.Valid = false
		}
	}
	mj, okM := entries[PackageManifest]
	sig, okS := entries[PackageManifestSig]
	if !okM || !okS {
		for _, n := range []string{PackageManifest, PackageManifestSig} {
			if _, ok := entries[n]; !ok {
				fail(n, FileMissing, nil)
			}
		}
		return rep
	}
	rep.ManifestSig = signing.VerifyDetached(mj, sig, known)
	man := new(Manifest)
	dec := json.NewDecoder(bytes.NewReader(mj))
	dec.DisallowUnknownFields()
	if rep.ManifestSig.Problem != nil || dec.Decode(man) != nil || man.Format != ManifestFormat ||
		man.SignerCertHash != rep.ManifestSig.Fingerprint {
		problem := rep.ManifestSig.Problem
		if problem == nil {
			problem = app.Errorf(app.EINVALID, "service.manifest_unreadable")
		}
		fail(PackageManifest, FileBadSig, problem)
		return rep
	}
	rep.Manifest = man
	fail(PackageManifest, FileOK, nil)
	fail(PackageManifestSig, FileOK, nil)
	rep.Known = rep.ManifestSig.Trust == signing.TrustKnown
	listed := map[string]bool{PackageManifest: true, PackageManifestSig: true}
	for _, f := range man.Files {
		listed[f.Name] = true
		data, ok := entries[f.Name]
		switch {
		case !ok:
			fail(f.Name, FileMissing, nil)
		case hexSHA(data) != f.SHA256 || len(data) != f.Size:
			fail(f.Name, FileChanged, nil)
		case strings.HasSuffix(f.Name, ".pdf"):
			st, problem := checkPackagePDF(&rep, f.Name, data, known, rep.ManifestSig.Fingerprint)
			fail(f.Name, st, problem)
		default:
			fail(f.Name, FileOK, nil)
		}
	}
	for name := range entries {
		if !listed[name] {
			fail(name, FileAdded, nil)
		}
	}
	return rep
}

// checkPackagePDF verifies a PDF of the package: every signature valid and made with
// the certificate that signed the manifest.
func checkPackagePDF(rep *PackageReport, name string, data []byte, known []*x509.Certificate, fp string) (FileState, error) {
	r, err := signing.Verify(data, known)
	rep.PDFs[name] = r
	if err != nil {
		return FileBadSig, err
	}
	for _, s := range r.Signatures {
		if s.Problem != nil {
			return FileBadSig, s.Problem
		}
		if s.Fingerprint != fp {
			return FileBadSig, app.Errorf(app.EINVALID, "service.package_other_signer", "Found", s.Fingerprint, "Manifest", fp)
		}
		rep.Known = rep.Known && s.Trust == signing.TrustKnown
	}
	if !r.Valid {
		return FileBadSig, signing.ErrModifiedAfter
	}
	return FileOK, nil
}
