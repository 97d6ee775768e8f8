package service

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"time"

	"pingxin/app"
	"pingxin/app/atomicfile"
	"pingxin/app/minutes"
)

// Manifest is manifest.json in the bank package: what the package is and the SHA-256
// of every other file in it, so the bank can tell that nothing was swapped.
type Manifest struct {
	Village        string         `json:"village"`
	Town           string         `json:"town"`
	Meeting        int64          `json:"meeting"`
	DocNumber      string         `json:"doc_number"`
	MeetingDate    string         `json:"meeting_date"`
	SignedAt       string         `json:"signed_at"`
	Signer         string         `json:"signer"`
	SignerCertHash string         `json:"signer_cert_sha256"`
	Passed         int            `json:"passed_households"`
	TotalCredit    int64          `json:"total_credit_yuan"`
	Files          []ManifestFile `json:"files"`
}

// ManifestFile is one file of the package.
type ManifestFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int    `json:"size"`
}

// Package file names: ASCII, so every unzip tool on a bank PC keeps them.
const (
	PackageMinutes  = "minutes-signed.pdf"
	PackageSheet    = "passed-households.xlsx"
	PackageManifest = "manifest.json"
)

// ExportBank writes the bank package of a signed meeting to zipPath, atomically: the
// signed minutes exactly as signed, the passed-households sheet and the manifest.
func ExportBank(ctx context.Context, st app.Reader, meetingID int64, zipPath string, now time.Time) error {
	v, m, err := Load(ctx, st, meetingID)
	if err != nil {
		return err
	}
	rec, err := st.SignRecord(ctx, meetingID)
	if err != nil {
		return err
	}
	if !m.Locked() || rec == nil || len(rec.PDF) == 0 {
		return app.Errorf(app.EINVALID, "service.export_unsigned")
	}
	sheet, err := render(v, m, minutes.Options{Now: now}, minutes.BankSheet)
	if err != nil {
		return err
	}
	t := m.Tally(v.Settings)
	man := Manifest{Village: v.Name, Town: v.Town, Meeting: m.ID, DocNumber: m.DocNumber,
		MeetingDate: m.Date.Format("2006-01-02"), SignedAt: rec.SignedAt.Format(time.RFC3339),
		Signer: rec.Signer, SignerCertHash: rec.CertSHA256, Passed: t.Passed, TotalCredit: t.Total}
	files := []struct {
		name string
		b    []byte
	}{{PackageMinutes, rec.PDF}, {PackageSheet, sheet}}
	for _, f := range files {
		man.Files = append(man.Files, ManifestFile{Name: f.name, SHA256: hexSHA(f.b), Size: len(f.b)})
	}
	mj, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(zipPath, 0o600, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, f := range append(files, struct {
			name string
			b    []byte
		}{PackageManifest, mj}) {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: now})
			if err != nil {
				return err
			}
			if _, err := io.Copy(fw, bytes.NewReader(f.b)); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}
