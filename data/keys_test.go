package data

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"pingxin/app"
)

// selfSigned makes a throwaway DER certificate named cn.
func selfSigned(t *testing.T, cn string) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Unix(0, 0), NotAfter: time.Unix(1<<31, 0)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func TestVillageKeys(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v := testVillage()
	if err := s.CreateVillage(ctx, v); err != nil {
		t.Fatal(err)
	}
	if k, err := s.VillageKey(ctx, v.ID); k != nil || err != nil {
		t.Fatalf("VillageKey before = %+v, %v; want nil, nil", k, err)
	}
	_, err := s.VillageKey(ctx, 99)
	wantCode(t, err, app.ENOTFOUND, "village.not_found")
	wantCode(t, s.SaveVillageKey(ctx, v.ID, app.VillageKey{Cert: []byte{1}}), app.EINVALID, "data.key_incomplete")

	own, other := selfSigned(t, "越丰村"), selfSigned(t, "农商银行")
	first := app.VillageKey{Cert: own, Encrypted: []byte("sealed-1")}
	if err := s.SaveVillageKey(ctx, v.ID, first); err != nil {
		t.Fatal(err)
	}
	if k, err := s.VillageKey(ctx, v.ID); err != nil || !reflect.DeepEqual(*k, first) {
		t.Errorf("VillageKey = %+v, %v", k, err)
	}
	t.Run("known certs", func(t *testing.T) {
		wantCode(t, s.AddKnownCert(ctx, []byte("not a cert"), "x"), app.EINVALID, "data.cert_invalid")
		for range 2 { // the second time is a no-op
			if err := s.AddKnownCert(ctx, other, "农商银行"); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.AddKnownCert(ctx, own, "our own, again"); err != nil {
			t.Fatal(err)
		}
		got, err := s.KnownCerts(ctx)
		if err != nil || !reflect.DeepEqual(got, [][]byte{own, other}) {
			t.Errorf("KnownCerts = %d certs, %v; want own then other", len(got), err)
		}
	})
	t.Run("replaced and audited, never the key", func(t *testing.T) {
		second := app.VillageKey{Cert: other, Encrypted: []byte("sealed-2")}
		if err := s.SaveVillageKey(ctx, v.ID, second); err != nil {
			t.Fatal(err)
		}
		log := mustAudit(t, s, 0)
		last := log[len(log)-1]
		want := app.AuditEntry{At: clock, Table: "village_keys", RecordID: v.ID, Field: "cert_sha256",
			Old: fingerprint(own), New: fingerprint(other)}
		if last != want {
			t.Errorf("audit = %+v, want %+v", last, want)
		}
		for _, e := range log {
			if strings.Contains(e.Old+e.New, "sealed") {
				t.Errorf("audit holds the key: %+v", e)
			}
		}
	})
}
