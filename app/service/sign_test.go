package service

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"pingxin/app/signing"
	"pingxin/data"
)

// TestFirstSigningsMakeOneKey: first signings at the same moment, from two database
// handles as two processes would have, all sign with one village key, and it is the one
// the village can export.
func TestFirstSigningsMakeOneKey(t *testing.T) {
	st, meetingID := setup(t)
	ctx := context.Background()
	m, _ := st.Meeting(ctx, meetingID)
	v, _ := st.Village(ctx, m.VillageID)
	path := st.Path()
	other, err := data.Open(path)
	if err != nil {
		t.Skipf("a second handle on %s: %v", filepath.Base(path), err)
	}
	defer other.Close()
	const n = 6
	var wg sync.WaitGroup
	fps := make([]string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := st
			if i%2 == 1 {
				s = other
			}
			signer, err := New(s).villageSigner(ctx, v, "口令1234567890", time.Now())
			if err != nil {
				t.Error(err)
				return
			}
			fps[i] = signing.Fingerprint(signer.Certificate())
		}()
	}
	wg.Wait()
	pem, err := VillageCertPEM(ctx, st, v.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, fp := range fps {
		if fp != fps[0] {
			t.Fatalf("signing %d used certificate %s, signing 0 used %s", i, fp, fps[0])
		}
	}
	if c, _ := signing.ParseCert(pem); c == nil || signing.Fingerprint(c) != fps[0] {
		t.Error("the exported certificate is not the one every signing used")
	}
}
