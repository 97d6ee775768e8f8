package app

import (
	"crypto/x509"
	"strings"

	"pingxin/app/textnorm"
)

// CertVillage names the village a certificate speaks for: its town (L) and its village
// (CN), with every blank removed and full-width forms narrowed, so that "越丰村 " or
// "越丰　村" is the same village as "越丰村". The bank keeps one certificate per village so
// named (docs/RULES.md, signatures), and `verify` decides by it whether a signature's
// certificate is the one the bank knows, another one, or one for a village it does not know.
func CertVillage(c *x509.Certificate) string {
	if c == nil {
		return ""
	}
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if textnorm.IsBlank(r) {
				return -1
			}
			return textnorm.Narrow(r)
		}, s)
	}
	village := clean(c.Subject.CommonName)
	if len(c.Subject.Locality) > 0 {
		if town := clean(c.Subject.Locality[0]); town != "" {
			return town + " " + village
		}
	}
	return village
}
