package app

import "time"

// Beijing is China Standard Time (UTC+08:00, no daylight saving): every time a village
// or a bank reads — in the bank package, its manifest, and `verify` — is shown in it,
// whatever zone the PC is set to.
var Beijing = time.FixedZone("CST", 8*3600)
