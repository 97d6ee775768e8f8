package idcard

// Complete appends the MOD 11-2 check character to the first 17 digits of a resident
// ID. It exists for generating believable demo households and test fixtures; it never
// repairs a typed ID (a wrong check character is an error, not something to fix).
func Complete(first17 string) string {
	if len(first17) != 17 || !allDigits(first17) {
		return first17
	}
	return first17 + string(checkChar(first17))
}
