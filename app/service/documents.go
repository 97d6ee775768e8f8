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

// WriteMinutes renders the (unsigned) minutes of a meeting to path, atomically, and
// returns the file's SHA-256 in hex.
func WriteMinutes(ctx context.Context, st app.Reader, meetingID int64, path string, now time.Time) (string, error) {
	return writeDoc(ctx, st, meetingID, path, now, minutes.Render)
}

// WriteNotice renders the public notice (公示) of a meeting to path, atomically.
func WriteNotice(ctx context.Context, st app.Reader, meetingID int64, path string, now time.Time) (string, error) {
	return writeDoc(ctx, st, meetingID, path, now, minutes.RenderNotice)
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

// options are the rendering options of a meeting's documents: the clock, and for an
// amendment the corrections it makes to the signed minutes.
func options(ctx context.Context, st app.Reader, v *app.Village, m *app.Meeting, now time.Time) (minutes.Options, error) {
	changes, err := AmendmentChanges(ctx, st, v, m)
	return minutes.Options{Now: now, Changes: changes}, err
}
