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
		wantCode(t, s.AddKnownCert(ctx, []byte("not a cert"), "x", false), app.EINVALID, "data.cert_invalid")
		for range 2 { // the second time is a no-op
			if err := s.AddKnownCert(ctx, other, "农商银行", false); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.AddKnownCert(ctx, own, "our own, again", false); err != nil {
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

// TestKnownCertsByVillage: the bank knows one certificate per village; another one for
// the same village is refused unless replaced on purpose, and the replacement is in the
// audit log with both fingerprints.
func TestKnownCertsByVillage(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	real, forged, other := selfSigned(t, "越丰村"), selfSigned(t, " 越丰村　"), selfSigned(t, "荣星村")
	for _, der := range [][]byte{real, other, real} {
		if err := s.AddKnownCert(ctx, der, "", false); err != nil {
			t.Fatal(err)
		}
	}
	err := s.AddKnownCert(ctx, forged, "", false)
	wantCode(t, err, app.ECONFLICT, "data.cert_village_known")
	if !strings.Contains(err.Error(), fingerprint(real)) || !strings.Contains(err.Error(), fingerprint(forged)) {
		t.Errorf("the refusal must name both certificates: %v", err)
	}
	if got, _ := s.KnownCerts(ctx); !reflect.DeepEqual(got, [][]byte{real, other}) {
		t.Errorf("a refused certificate became known: %d certs", len(got))
	}
	if err := s.AddKnownCert(ctx, forged, "换证", true); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.KnownCerts(ctx); !reflect.DeepEqual(got, [][]byte{other, forged}) {
		t.Errorf("after --replace: %d certs, want the other village's and the new one", len(got))
	}
	found := false
	for _, e := range mustAudit(t, s, 0) {
		if e.Table == "known_certs" && e.Field == "replaced_by" && e.Old == "sha256:"+fingerprint(real) && e.New == "sha256:"+fingerprint(forged) {
			found = true
		}
	}
	if !found {
		t.Error("the replacement is not in the audit log")
	}
}

// TestCreateVillageKeyOnce: however many first signings race, the village ends with one
// key, and every one of them is handed that key.
func TestCreateVillageKeyOnce(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v := testVillage()
	if err := s.CreateVillage(ctx, v); err != nil {
		t.Fatal(err)
	}
	const n = 8
	got := make(chan []byte, n)
	for i := range n {
		go func() {
			k, err := s.CreateVillageKey(ctx, v.ID, app.VillageKey{Cert: selfSigned(t, "越丰村"), Encrypted: []byte{byte(i)}}, "")
			if err != nil {
				t.Error(err)
				got <- nil
				return
			}
			got <- k.Cert
		}()
	}
	first := <-got
	for range n - 1 {
		if c := <-got; string(c) != string(first) {
			t.Fatal("two signers were handed different keys")
		}
	}
	k, _ := s.VillageKey(ctx, v.ID)
	known, _ := s.KnownCerts(ctx)
	if string(k.Cert) != string(first) || len(known) != 1 {
		t.Errorf("stored key differs or %d known certificates, want 1", len(known))
	}
}
