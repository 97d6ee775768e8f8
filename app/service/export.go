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
	"pingxin/app/signing"
)

// ManifestFormat names the layout of manifest.json, so a bank's tools know what they read.
const ManifestFormat = "pingxin-bank-package/2"

// Manifest is manifest.json in the bank package: what the package is and the SHA-256
// of every other file in it. It is signed with the village key (manifest.json.p7s), so
// no file can be changed, added or removed unseen (docs/RULES.md §11.4). Every time in
// it is Beijing time (+08:00).
type Manifest struct {
	Format         string             `json:"format"`
	Village        string             `json:"village"`
	Town           string             `json:"town"`
	Meeting        int64              `json:"meeting"`
	DocNumber      string             `json:"doc_number"`
	MeetingDate    string             `json:"meeting_date"`
	SignedAt       string             `json:"signed_at"`
	Signer         string             `json:"signer"`
	SignerCertHash string             `json:"signer_cert_sha256"`
	Passed         int                `json:"passed_households"`
	TotalCredit    int64              `json:"total_credit_yuan"`
	Amends         *ManifestAmends    `json:"amends"`
	Review         *ManifestReview    `json:"review"`
	Publicity      *ManifestPublicity `json:"publicity"`
	CreatedAt      string             `json:"created_at"`
	Files          []ManifestFile     `json:"files"`
}

// ManifestFile is one file of the package.
type ManifestFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int    `json:"size"`
}

// ManifestAmends is, in an amendment's package, the package it amends and every
// household withdrawn, added or changed against it.
type ManifestAmends struct {
	DocNumber      string            `json:"doc_number"`
	ManifestSHA256 string            `json:"manifest_sha256"`
	Withdrawn      []HouseholdChange `json:"withdrawn"`
	Added          []HouseholdChange `json:"added"`
	Changed        []HouseholdChange `json:"changed"`
}

// HouseholdChange is one household whose credit an amendment changes: the amount in the
// amended package and in this one (0 where it did not pass).
type HouseholdChange struct {
	Name      string `json:"name"`
	IDNumber  string `json:"id_number"`
	OldAmount int64  `json:"old_amount_yuan"`
	NewAmount int64  `json:"new_amount_yuan"`
}

// ManifestReview is the 组织审定 record.
type ManifestReview struct {
	Date     string `json:"date"`
	Reviewer string `json:"reviewer"`
	Opinion  string `json:"opinion"`
}

// ManifestPublicity is the 公示 record and its outcome.
type ManifestPublicity struct {
	Start      string          `json:"start"`
	End        string          `json:"end"`
	Days       int             `json:"days"`
	Place      string          `json:"place"`
	Outcome    string          `json:"outcome"`
	Note       string          `json:"note"`
	Objections []app.Objection `json:"objections"`
	ClosedAt   string          `json:"closed_at"`
}

// Package file names: ASCII, so every unzip tool on a bank PC keeps them.
const (
	PackageMinutes      = "minutes-signed.pdf"
	PackageSheet        = "passed-households.xlsx"
	PackageCover        = "cover-sheet.pdf"
	PackageManifest     = "manifest.json"
	PackageManifestSig  = "manifest.json.p7s"
	coverReason         = "三治信农贷授信材料报送单"
	beijingTime         = "2006-01-02T15:04:05-07:00"
	maxPackageFiles     = 16
	maxPackageFileBytes = 64 << 20
)

type packageFile struct {
	name string
	b    []byte
}

// ExportBank writes the bank package of a signed meeting to zipPath, atomically: the
// signed minutes exactly as signed, the passed-households sheet, the 报送单 signed like
// the minutes, manifest.json and its detached signature, both made with the village key
// opened by passphrase. The manifest is recorded, so an amendment's package can name it.
// It is refused, writing nothing, while ReadyForBank names a missing step.
func (s *Service) ExportBank(ctx context.Context, meetingID int64, zipPath, passphrase string, now time.Time) error {
	if err := ReadyForBank(ctx, s, meetingID); err != nil {
		return err
	}
	v, m, err := Load(ctx, s, meetingID)
	if err != nil {
		return err
	}
	rec, err := s.SignRecord(ctx, meetingID)
	if err != nil {
		return err
	}
	if rec == nil || len(rec.PDF) == 0 {
		return app.Errorf(app.EINVALID, "service.export_unsigned")
	}
	signer, err := s.villageSigner(ctx, v, passphrase, now)
	if err != nil {
		return err
	}
	man, cover, err := s.manifest(ctx, v, m, rec, now)
	if err != nil {
		return err
	}
	sheet, err := render(v, m, minutes.Options{Now: rec.SignedAt}, minutes.BankSheet)
	if err != nil {
		return err
	}
	files := []packageFile{{PackageMinutes, rec.PDF}, {PackageSheet, sheet}}
	for _, f := range files {
		cover.Files = append(cover.Files, minutes.CoverFile{Name: f.name, Role: fileRole(f.name), SHA256: hexSHA(f.b), Size: len(f.b)})
	}
	coverPDF, err := signedCover(v, m, cover, signer, now)
	if err != nil {
		return err
	}
	files = append(files, packageFile{PackageCover, coverPDF})
	for _, f := range files {
		man.Files = append(man.Files, ManifestFile{Name: f.name, SHA256: hexSHA(f.b), Size: len(f.b)})
	}
	mj, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return err
	}
	sig, err := signing.SignDetached(mj, signer)
	if err != nil {
		return err
	}
	files = append(files, packageFile{PackageManifest, mj}, packageFile{PackageManifestSig, sig})
	if err := writeZip(zipPath, files, now); err != nil {
		return err
	}
	return s.st.RecordPackage(ctx, app.BankPackage{MeetingID: m.ID, ExportedAt: now, SHA256: hexSHA(mj), Manifest: mj})
}

// fileRole is how the 报送单 describes a file of the package.
func fileRole(name string) string {
	switch name {
	case PackageMinutes:
		return "评议会议纪要（已签名）"
	case PackageSheet:
		return "通过农户授信名单"
	}
	return name
}

// manifest gathers what the manifest and the 报送单 state besides the files.
func (s *Service) manifest(ctx context.Context, v *app.Village, m *app.Meeting, rec *app.SignRecord, now time.Time) (Manifest, minutes.Cover, error) {
	t := m.Tally(v.Settings)
	man := Manifest{Format: ManifestFormat, Village: v.Name, Town: v.Town, Meeting: m.ID, DocNumber: m.DocNumber,
		MeetingDate: m.Date.Format(time.DateOnly), SignedAt: rec.SignedAt.In(app.Beijing).Format(beijingTime),
		Signer: rec.Signer, SignerCertHash: rec.CertSHA256, Passed: t.Passed, TotalCredit: t.Total,
		CreatedAt: now.In(app.Beijing).Format(beijingTime)}
	cover := minutes.Cover{Passed: t.Passed, Total: t.Total}
	r, err := s.Review(ctx, m.ID)
	if err != nil {
		return man, cover, err
	}
	if r != nil {
		man.Review = &ManifestReview{Date: r.Date.Format(time.DateOnly), Reviewer: r.Reviewer, Opinion: r.Opinion}
		cover.Review = r
	}
	p, err := s.Publicity(ctx, m.ID)
	if err != nil {
		return man, cover, err
	}
	if p != nil {
		mp := &ManifestPublicity{Start: p.Start.Format(time.DateOnly), End: p.End().Format(time.DateOnly), Days: p.Days,
			Place: p.Notice.Place, Outcome: string(p.Outcome), Note: p.Note, Objections: p.Objections}
		if p.Closed() {
			mp.ClosedAt = p.ClosedAt.In(app.Beijing).Format(time.DateOnly)
		}
		man.Publicity, cover.Publicity = mp, p
	}
	if m.AmendsID != 0 {
		a, err := s.amends(ctx, v, m)
		if err != nil {
			return man, cover, err
		}
		man.Amends = a
		cover.Amends = &minutes.CoverAmends{DocNumber: a.DocNumber, ManifestSHA256: a.ManifestSHA256,
			Withdrawn: len(a.Withdrawn), Added: len(a.Added), Changed: len(a.Changed)}
	}
	return man, cover, nil
}

// amends names the package an amendment amends — the last one exported for the signed
// meeting it corrects — and lists the households it withdraws, adds or changes.
func (s *Service) amends(ctx context.Context, v *app.Village, m *app.Meeting) (*ManifestAmends, error) {
	orig, err := s.Meeting(ctx, m.AmendsID)
	if err != nil {
		return nil, err
	}
	pkg, err := s.LatestPackage(ctx, orig.ID)
	if err != nil {
		return nil, err
	}
	if pkg == nil {
		return nil, app.Errorf(app.EINVALID, "service.amends_no_package", "DocNumber", orig.DocNumber)
	}
	a := &ManifestAmends{DocNumber: orig.DocNumber, ManifestSHA256: pkg.SHA256,
		Withdrawn: []HouseholdChange{}, Added: []HouseholdChange{}, Changed: []HouseholdChange{}}
	before, after := passedAmounts(v, orig), passedAmounts(v, m)
	for _, n := range orig.Nominees {
		old, was := before[n.IDNumber]
		now, is := after[n.IDNumber]
		if was && !is {
			a.Withdrawn = append(a.Withdrawn, HouseholdChange{Name: n.Name, IDNumber: n.IDNumber, OldAmount: old})
		} else if was && is && old != now {
			a.Changed = append(a.Changed, HouseholdChange{Name: n.Name, IDNumber: n.IDNumber, OldAmount: old, NewAmount: now})
		}
	}
	for _, n := range m.Nominees {
		if now, is := after[n.IDNumber]; is {
			if _, was := before[n.IDNumber]; !was {
				a.Added = append(a.Added, HouseholdChange{Name: n.Name, IDNumber: n.IDNumber, NewAmount: now})
			}
		}
	}
	return a, nil
}

// passedAmounts maps the ID number of every passed household of m to its amount.
func passedAmounts(v *app.Village, m *app.Meeting) map[string]int64 {
	out := map[string]int64{}
	for i, r := range m.Results(v.Settings) {
		if r.Outcome == app.Passed {
			out[m.Nominees[i].IDNumber] = int64(r.Amount)
		}
	}
	return out
}

// signedCover renders the 报送单 and signs it as the chair, like the minutes.
func signedCover(v *app.Village, m *app.Meeting, c minutes.Cover, signer *signing.Signer, now time.Time) ([]byte, error) {
	pdf, err := render(v, m, minutes.Options{Now: now, Final: true}, func(w io.Writer, v *app.Village, m *app.Meeting, o minutes.Options) error {
		return minutes.RenderCover(w, v, m, o, c)
	})
	if err != nil {
		return nil, err
	}
	var out bytesWriter
	info := signing.SignInfo{Name: m.Chair, Reason: coverReason, Location: v.Town + v.Name, Contact: v.Name + string(app.BodyPeople), Time: now}
	if err := signing.SignPDF(pdf, &out, signer, info); err != nil {
		return nil, err
	}
	return out.b, nil
}

// writeZip writes the package atomically, every entry stamped with now in Beijing time.
func writeZip(path string, files []packageFile, now time.Time) error {
	return atomicfile.Write(path, 0o600, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		for _, f := range files {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: now.In(app.Beijing)})
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
