package service

import (
	"context"
	"crypto/rand"
	"crypto/x509"
	"os"
	"sync"
	"time"

	"pingxin/app"
	"pingxin/app/atomicfile"
	"pingxin/app/i18n"
	"pingxin/app/minutes"
	"pingxin/app/signing"
)

// SignReason is the reason written into every signature of the minutes.
const SignReason = "三治信农贷评议会议纪要"

// NotSignable lists every reason a meeting cannot be signed yet, household by
// household, so the chair knows exactly what is left.
type NotSignable struct{ Reasons []app.Unfinished }

// Error renders the reasons in Chinese.
func (e *NotSignable) Error() string { return e.Localize(i18n.Zh) }

// Localize renders the reasons in l on one line.
func (e *NotSignable) Localize(l i18n.Lang) string {
	s := ""
	for i, line := range e.Lines(l) {
		if i > 0 {
			s += " "
		}
		s += line
	}
	return s
}

// Lines renders one line per reason, as the command line prints them.
func (e *NotSignable) Lines(l i18n.Lang) []string {
	out := []string{i18n.T(l, "service.not_signable", nil)}
	for _, u := range e.Reasons {
		for _, m := range u.Messages {
			if u.Name != "" {
				out = append(out, i18n.T(l, "service.household_reason", i18n.Data{"Seq": u.Seq, "Name": u.Name, "Reason": m.In(l)}))
			} else {
				out = append(out, m.In(l))
			}
		}
	}
	return out
}

// HasVillageKey reports whether the village already has a signing key (the desktop
// asks for the passphrase twice when it has not).
func HasVillageKey(ctx context.Context, st app.Reader, villageID int64) (bool, error) {
	k, err := st.VillageKey(ctx, villageID)
	return k != nil, err
}

// keyCreation serialises the creation of village keys within this process; the store's
// insert-if-absent transaction does the same across processes (docs/RULES.md, signatures).
var keyCreation sync.Mutex

// villageSigner opens the village's key with passphrase, creating the key (and
// certificate, known to this machine from then on) on first use. Creation happens once
// whatever runs at the same time: under keyCreation, and through the store's
// CreateVillageKey, which keeps the first key stored; a signer who lost that race opens
// the winner's key with their passphrase (and is refused if it is not the same).
func (s *Service) villageSigner(ctx context.Context, v *app.Village, passphrase string, now time.Time) (*signing.Signer, error) {
	st := s.st
	k, err := st.VillageKey(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	if k == nil {
		if k, err = s.createVillageKey(ctx, v, passphrase, now); err != nil {
			return nil, err
		}
	}
	sk := signing.SealedKey{Cert: k.Cert, Encrypted: k.Encrypted}
	signer, err := signing.Open(sk, passphrase)
	if err == nil && sk.Outdated() {
		resealKey(ctx, st, v.ID, sk, passphrase)
	}
	return signer, err
}

// MinPassphrase is the shortest passphrase a new key or a new passphrase may have, for
// the faces to check before they ask the store (docs/RULES.md §8).
const MinPassphrase = signing.MinPassphrase

// resealKey seals a key made by an earlier version again at the current scrypt cost,
// now that the chair has given its passphrase. A failure changes nothing: the key
// stays as it was, and opens as before.
func resealKey(ctx context.Context, st app.Store, villageID int64, k signing.SealedKey, passphrase string) {
	n, err := signing.Reseal(k, passphrase, rand.Reader)
	if err != nil {
		return
	}
	st.SaveVillageKey(ctx, villageID, app.VillageKey{Cert: n.Cert, Encrypted: n.Encrypted})
}

func (s *Service) createVillageKey(ctx context.Context, v *app.Village, passphrase string, now time.Time) (*app.VillageKey, error) {
	st := s.st
	keyCreation.Lock()
	defer keyCreation.Unlock()
	if k, err := st.VillageKey(ctx, v.ID); err != nil || k != nil {
		return k, err // made while this signer waited
	}
	sk, err := signing.NewVillageKey(signing.Identity{Village: v.Name, Town: v.Town, Council: string(app.BodyPeople)}, passphrase, now, rand.Reader)
	if err != nil {
		return nil, err
	}
	return st.CreateVillageKey(ctx, v.ID, app.VillageKey{Cert: sk.Cert, Encrypted: sk.Encrypted}, v.Town+v.Name)
}

// SignMinutes renders the minutes, signs them as the chair with the village key, writes
// them to path and locks the meeting. It refuses an unfinished meeting with every
// reason; a wrong passphrase or any failure leaves neither a file nor a lock.
func (s *Service) SignMinutes(ctx context.Context, meetingID int64, path, passphrase string, now time.Time) (*app.SignRecord, error) {
	st := s.st
	v, m, err := Load(ctx, st, meetingID)
	if err != nil {
		return nil, err
	}
	if why := m.Signable(v.Settings); why != nil {
		return nil, &NotSignable{Reasons: why}
	}
	signer, err := s.villageSigner(ctx, v, passphrase, now)
	if err != nil {
		return nil, err
	}
	o, err := options(ctx, st, v, m, now)
	if err != nil {
		return nil, err
	}
	o.Final = true // the copy to be signed carries no draft mark
	pdf, err := render(v, m, o, minutes.Render)
	if err != nil {
		return nil, err
	}
	signed, err := sign(pdf, signer, m.Chair, v, now)
	if err != nil {
		return nil, err
	}
	rec := app.SignRecord{SignedAt: now, Signer: signing.IdentityOf(signer.Certificate()).String(),
		SHA256: hexSHA(signed), CertSHA256: signing.Fingerprint(signer.Certificate()), MinutesPath: path, PDF: signed,
		Rules: &v.Settings}
	if err := atomicfile.WriteBytes(path, 0o600, signed); err != nil {
		return nil, err
	}
	if err := st.Sign(ctx, m.ID, rec); err != nil {
		os.Remove(path)
		return nil, err
	}
	return &rec, nil
}

func sign(pdf []byte, s *signing.Signer, person string, v *app.Village, now time.Time) ([]byte, error) {
	var out bytesWriter
	info := signing.SignInfo{Name: person, Reason: SignReason, Location: v.Town + v.Name, Contact: v.Name + string(app.BodyPeople), Time: now}
	if err := signing.SignPDF(pdf, &out, s, info); err != nil {
		return nil, err
	}
	return out.b, nil
}

type bytesWriter struct{ b []byte }

func (w *bytesWriter) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }

// Verify checks a PDF's signatures against the certificates this machine knows.
func Verify(ctx context.Context, st app.Reader, pdf []byte) (signing.Report, error) {
	known, err := knownCerts(ctx, st)
	if err != nil {
		return signing.Report{}, err
	}
	return signing.Verify(pdf, known)
}

// knownCerts are the certificates this machine knows, one per village; none without a
// database (a bank PC that never imported one).
func knownCerts(ctx context.Context, st app.Reader) ([]*x509.Certificate, error) {
	var known []*x509.Certificate
	if st == nil {
		return nil, nil
	}
	ders, err := st.KnownCerts(ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range ders {
		if c, err := x509.ParseCertificate(d); err == nil {
			known = append(known, c)
		}
	}
	return known, nil
}

// VillageCertPEM returns the village's certificate in PEM for the bank to keep.
func VillageCertPEM(ctx context.Context, st app.Reader, villageID int64) ([]byte, error) {
	k, err := st.VillageKey(ctx, villageID)
	if err != nil {
		return nil, err
	}
	if k == nil {
		return nil, app.Errorf(app.ENOTFOUND, "service.no_key")
	}
	c, err := x509.ParseCertificate(k.Cert)
	if err != nil {
		return nil, err
	}
	return signing.EncodeCertPEM(c), nil
}

// AddSignature adds one more signature (the clerk's, by name) to a meeting's signed
// minutes, keeps the new version and writes it to path. The chair's signature stays
// valid: the new one is an incremental update over it.
func (s *Service) AddSignature(ctx context.Context, meetingID int64, path, passphrase, name string, now time.Time) (*app.SignRecord, error) {
	st := s.st
	v, m, err := Load(ctx, st, meetingID)
	if err != nil {
		return nil, err
	}
	rec, err := st.SignRecord(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	if !m.Locked() || rec == nil || len(rec.PDF) == 0 {
		return nil, app.Errorf(app.EINVALID, "service.export_unsigned")
	}
	signer, err := s.villageSigner(ctx, v, passphrase, now)
	if err != nil {
		return nil, err
	}
	signed, err := sign(rec.PDF, signer, name, v, now)
	if err != nil {
		return nil, err
	}
	next := app.SignRecord{SignedAt: now, Signer: name, SHA256: hexSHA(signed), CertSHA256: rec.CertSHA256, MinutesPath: path, PDF: signed,
		Rules: &v.Settings}
	if err := atomicfile.WriteBytes(path, 0o600, signed); err != nil {
		return nil, err
	}
	if err := st.AddSignedPDF(ctx, meetingID, next); err != nil {
		os.Remove(path)
		return nil, err
	}
	return &next, nil
}
