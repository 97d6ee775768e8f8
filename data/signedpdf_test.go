package data

import (
	"bytes"
	"context"
	"testing"

	"pingxin/app"
)

func TestSignedPDFsAreKeptNewestFirst(t *testing.T) {
	st := openTest(t)
	ctx := context.Background()
	_, m := seed(t, st)
	id := m.ID
	if err := st.AddSignedPDF(ctx, id, app.SignRecord{PDF: []byte("x")}); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("adding a signature to unsigned minutes: err = %v", err)
	}
	chair := app.SignRecord{Signer: "chair", SHA256: "aa", PDF: []byte("%PDF chair")}
	if err := st.Sign(ctx, id, chair); err != nil {
		t.Fatal(err)
	}
	rec, err := st.SignRecord(ctx, id)
	if err != nil || !bytes.Equal(rec.PDF, chair.PDF) {
		t.Fatalf("after Sign: %v, %q", err, rec.PDF)
	}
	clerk := app.SignRecord{Signer: "clerk", SHA256: "bb", PDF: []byte("%PDF chair+clerk")}
	if err := st.AddSignedPDF(ctx, id, clerk); err != nil {
		t.Fatal(err)
	}
	rec, err = st.SignRecord(ctx, id)
	if err != nil || !bytes.Equal(rec.PDF, clerk.PDF) || rec.Signer != "chair" {
		t.Fatalf("after AddSignedPDF: %v, signer %q, pdf %q", err, rec.Signer, rec.PDF)
	}
	if _, err := st.db.ExecContext(ctx, `DELETE FROM signed_pdfs`); err == nil {
		t.Fatal("signed PDFs must be append-only")
	}
}
