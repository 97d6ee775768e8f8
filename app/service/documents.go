package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"time"

	"pingxin/app"
	"pingxin/app/atomicfile"
	"pingxin/app/minutes"
)

// renderer is one of the minutes package's document renderers.
type renderer func(w io.Writer, v *app.Village, m *app.Meeting, o minutes.Options) error

// WriteMinutes writes a meeting's minutes to path, atomically, and returns the file's
// SHA-256 in hex: for signed minutes the stored signed copy, byte for byte; otherwise
// the draft, marked 草稿（未签署） on every page (docs/RULES.md §7).
func WriteMinutes(ctx context.Context, st app.Reader, meetingID int64, path string, now time.Time) (string, error) {
	rec, err := st.SignRecord(ctx, meetingID)
	if err != nil {
		return "", err
	}
	if rec != nil && len(rec.PDF) > 0 {
		if err := atomicfile.WriteBytes(path, 0o600, rec.PDF); err != nil {
			return "", err
		}
		return hexSHA(rec.PDF), nil
	}
	return writeDoc(ctx, st, meetingID, path, now, minutes.Render)
}

func writeDoc(ctx context.Context, st app.Reader, meetingID int64, path string, now time.Time, r renderer) (string, error) {
	v, m, err := Load(ctx, st, meetingID)
	if err != nil {
		return "", err
	}
	o, err := options(ctx, st, v, m, now)
	if err != nil {
		return "", err
	}
	b, err := render(v, m, o, r)
	if err != nil {
		return "", err
	}
	if err := atomicfile.WriteBytes(path, 0o600, b); err != nil {
		return "", err
	}
	return hexSHA(b), nil
}

// render renders a document into memory: it is checked whole before a byte is written.
func render(v *app.Village, m *app.Meeting, o minutes.Options, r renderer) ([]byte, error) {
	var buf bytes.Buffer
	if err := r(&buf, v, m, o); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func hexSHA(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// options are the rendering options of a meeting's documents: the clock, the 组织审定
// once recorded, and for an amendment the minutes it supplements and the corrections
// it makes to them.
func options(ctx context.Context, st app.Reader, v *app.Village, m *app.Meeting, now time.Time) (minutes.Options, error) {
	o := minutes.Options{Now: now}
	var err error
	if o.Review, err = st.Review(ctx, m.ID); err != nil {
		return o, err
	}
	if m.AmendsID == 0 {
		return o, nil
	}
	orig, err := st.Meeting(ctx, m.AmendsID)
	if err != nil {
		return o, err
	}
	o.Changes = app.Changes(orig, m, v.Settings)
	rec, err := st.SignRecord(ctx, orig.ID)
	if err != nil {
		return o, err
	}
	o.Original = &minutes.Original{DocNumber: orig.DocNumber, Date: orig.Date, Fingerprint: minutes.Fingerprint(v, orig)}
	if rec != nil {
		o.Original.SignedAt = rec.SignedAt
	}
	return o, nil
}
