package signing

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"strings"
)

// DefaultCouncil is the body that signs when Identity.Council is empty: the people's
// council (百姓议事会), which votes in the meeting whose minutes are signed.
const DefaultCouncil = "百姓议事会"

// Identity names who holds a key: the village (certificate CN), its council (O) and
// its town (L). The bank reads these names when it checks the minutes.
type Identity struct {
	Village string
	Town    string
	Council string
}

// normalize trims the names, fills in the default council and refuses an identity that
// would leave the certificate anonymous.
func (id Identity) normalize() (Identity, error) {
	id.Village = strings.TrimSpace(id.Village)
	id.Town = strings.TrimSpace(id.Town)
	id.Council = strings.TrimSpace(id.Council)
	if id.Council == "" {
		id.Council = DefaultCouncil
	}
	switch {
	case id.Village == "":
		return id, ErrVillageMissing
	case id.Town == "":
		return id, ErrTownMissing
	}
	return id, nil
}

// subject is the certificate's distinguished name for id.
func (id Identity) subject() pkix.Name {
	return pkix.Name{
		Country:      []string{"CN"},
		Locality:     []string{id.Town},
		Organization: []string{id.Council},
		CommonName:   id.Village,
	}
}

// String joins the names from the largest place to the smallest, as a Chinese reader
// expects: "梧桐街道 越丰村 百姓议事会".
func (id Identity) String() string {
	var parts []string
	for _, p := range []string{id.Town, id.Village, id.Council} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// IdentityOf reads the names back from a certificate (CN, O, L), whether this package
// made it or a CA issued it, so every signer is shown the same way.
func IdentityOf(cert *x509.Certificate) Identity {
	if cert == nil {
		return Identity{}
	}
	first := func(s []string) string {
		if len(s) == 0 {
			return ""
		}
		return s[0]
	}
	return Identity{
		Village: cert.Subject.CommonName,
		Town:    first(cert.Subject.Locality),
		Council: first(cert.Subject.Organization),
	}
}
