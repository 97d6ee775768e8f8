package signing

import (
	"crypto/rand"
	"errors"
	"testing"
)

// TestPassphraseMinimum: a new key needs a passphrase of at least 10 characters (issue
// 17: 6 was the minimum while every backup carries the sealed key).
func TestPassphraseMinimum(t *testing.T) {
	if _, err := NewVillageKey(testID, "123456789", keyNow, rand.Reader); !errors.Is(err, ErrPassphraseShort) {
		t.Fatalf("a 9-character passphrase: %v, want ErrPassphraseShort", err)
	}
	if _, err := NewVillageKey(testID, "1234567890", keyNow, rand.Reader); err != nil {
		t.Fatalf("a 10-character passphrase: %v", err)
	}
}

// TestOldKeysOpenAndReseal: a key sealed by an earlier version — a lower scrypt cost,
// a 6-character passphrase — still opens, and Reseal brings it to the current cost
// under the same passphrase.
func TestOldKeysOpenAndReseal(t *testing.T) {
	saved := kdfLogN
	kdfLogN = saved - 1 // the earlier version's cost, relative to this test run's
	k, err := NewVillageKey(testID, testPass, keyNow, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := Open(k, testPass)
	const oldPass = "村务公开12" // 6 characters: the old minimum
	old, err := sealKey(k.Cert, s.key, nil, oldPass, rand.Reader)
	kdfLogN = saved
	if err != nil {
		t.Fatal(err)
	}
	if !old.Outdated() {
		t.Fatal("a key sealed at a lower cost is not Outdated")
	}
	if _, err := Open(old, oldPass); err != nil {
		t.Fatalf("an old key with a 6-character passphrase no longer opens: %v", err)
	}
	n, err := Reseal(old, oldPass, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if n.Outdated() || n.Encrypted[5] != kdfLogN {
		t.Fatalf("resealed at 2^%d, want 2^%d", n.Encrypted[5], kdfLogN)
	}
	if _, err := Open(n, oldPass); err != nil {
		t.Fatalf("the resealed key does not open with the same passphrase: %v", err)
	}
	if _, err := Reseal(old, "wrong passphrase", rand.Reader); !errors.Is(err, ErrPassphrase) {
		t.Fatalf("Reseal with a wrong passphrase: %v", err)
	}
}
