package signing

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/asn1"
	"io"
	"testing"
	"unicode/utf8"

	"golang.org/x/crypto/scrypt"
	"golang.org/x/text/unicode/norm"
)

// The sealed blob is self-describing, so the KDF cost can rise later without breaking
// keys sealed today:
//
//	"PXK" | version 1 | kdf 1=scrypt | log2 N | r | p | salt (16) | nonce (12) | AES-256-GCM ciphertext
//
// Everything before the ciphertext is authenticated as additional data, so the
// parameters cannot be lowered by editing the stored bytes.
const (
	blobMagic    = "PXK"
	blobVersion  = 1
	kdfScrypt    = 1
	saltSize     = 16
	nonceSize    = 12
	headerSize   = len(blobMagic) + 5 + saltSize + nonceSize
	maxLogN      = 20 // 1 GiB at r=8: refuse blobs that would hang the PC
	maxScryptRP  = 64
	aes256KeyLen = 32
)

// kdfLogN, kdfR and kdfP are the scrypt cost for new blobs: N=2^17, r=8, p=1 takes
// 128 MiB and about half a second, enough to slow guessing from a copied backup
// without annoying the chair. Blobs sealed at a lower cost are sealed again when they
// are opened (Outdated, Reseal).
// Tests lower kdfLogN; Open always uses the values written in the blob.
var (
	kdfLogN uint8 = costForBinary()
	kdfR    uint8 = 8
	kdfP    uint8 = 1
)

// prodLogN is the production scrypt cost, kept apart so tests can assert it.
const prodLogN = 17

// testLogN is the cost in test binaries: at 2^17 one seal takes 15 s under the race
// detector, and the suites of every package that signs would take most of an hour.
// Each blob records its own cost, so what the tests check is otherwise unchanged.
const testLogN = 10

func costForBinary() uint8 {
	if testing.Testing() {
		return testLogN
	}
	return prodLogN
}

// sealedPlain is what the blob encrypts: the PKCS#8 private key and, for an imported
// CA certificate, the issuing chain (DER, leaf's issuer first).
type sealedPlain struct {
	Key   []byte
	Chain [][]byte
}

// checkPassphrase refuses a passphrase shorter than minPassphrase characters and
// returns it in Unicode NFC, so the same words typed by another input method still match.
func checkPassphrase(p string) (string, error) {
	p = norm.NFC.String(p)
	if utf8.RuneCountInString(p) < minPassphrase {
		return "", ErrPassphraseShort
	}
	return p, nil
}

// Outdated reports whether k was sealed at a lower scrypt cost than new keys are, so
// the caller should Reseal it once the chair has given the passphrase.
func (k SealedKey) Outdated() bool {
	return len(k.Encrypted) >= headerSize && k.Encrypted[5] < kdfLogN
}

// seal encrypts plain under passphrase with fresh salt and nonce read from rand.
func seal(plain sealedPlain, passphrase string, rand io.Reader) ([]byte, error) {
	msg, err := asn1.Marshal(plain)
	if err != nil {
		return nil, errInternal(err.Error())
	}
	defer clear(msg)
	header := make([]byte, headerSize)
	copy(header, blobMagic)
	header[3], header[4], header[5], header[6], header[7] = blobVersion, kdfScrypt, kdfLogN, kdfR, kdfP
	if _, err := io.ReadFull(rand, header[8:]); err != nil {
		return nil, errInternal("random: " + err.Error())
	}
	aead, err := blobCipher(header, passphrase)
	if err != nil {
		return nil, err
	}
	nonce := header[8+saltSize:]
	return aead.Seal(header, nonce, msg, header), nil
}

// unseal decrypts a blob made by seal. A failed authentication is reported as
// ErrPassphrase: a wrong passphrase and edited bytes look the same, and neither may
// leak anything.
func unseal(blob []byte, passphrase string) (sealedPlain, error) {
	var plain sealedPlain
	if len(blob) < headerSize || string(blob[:3]) != blobMagic || blob[3] != blobVersion || blob[4] != kdfScrypt {
		return plain, ErrKeyCorrupt
	}
	header := blob[:headerSize]
	aead, err := blobCipher(header, passphrase)
	if err != nil {
		return plain, err
	}
	msg, err := aead.Open(nil, header[8+saltSize:], blob[headerSize:], header)
	if err != nil {
		return plain, ErrPassphrase
	}
	defer clear(msg)
	if rest, err := asn1.Unmarshal(msg, &plain); err != nil || len(rest) != 0 {
		return sealedPlain{}, ErrKeyCorrupt
	}
	return plain, nil
}

// blobCipher derives the AES-256-GCM key from passphrase with the scrypt parameters
// and salt written in header.
func blobCipher(header []byte, passphrase string) (cipher.AEAD, error) {
	logN, r, p := header[5], int(header[6]), int(header[7])
	if logN < 1 || logN > maxLogN || r < 1 || r > maxScryptRP || p < 1 || p > maxScryptRP {
		return nil, ErrKeyCorrupt
	}
	key, err := scrypt.Key([]byte(passphrase), header[8:8+saltSize], 1<<logN, r, p, aes256KeyLen)
	if err != nil {
		return nil, ErrKeyCorrupt
	}
	defer clear(key)
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, errInternal(err.Error())
	}
	return cipher.NewGCM(block)
}
