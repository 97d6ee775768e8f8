package idcard

import "pingxin/app/textnorm"

// normalize trims blanks and folds what Chinese input methods and spreadsheets produce into
// plain ASCII: full-width digits and letters (０-９, Ｘ) become half-width and a lowercase x
// becomes X. It changes nothing else, so a wrong character still shows as wrong.
func normalize(s string) string { return textnorm.Fold(s, upperX) }

func upperX(r rune) rune {
	if r == 'x' {
		return 'X'
	}
	return r
}
