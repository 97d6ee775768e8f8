package amount

import "pingxin/app/textnorm"

// normalize trims blanks and folds full-width forms from Chinese input methods into ASCII
// (３０ → 30, ，→ , and ．→ .; ￥ → ¥). Everything else is left as written, so a stray
// character still shows as stray.
func normalize(s string) string { return textnorm.Fold(s, nil) }
