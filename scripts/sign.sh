#!/usr/bin/env bash
# Signs a Windows program (pingxin.exe, the setup, its uninstaller) in place with an
# Authenticode signature (osslsigncode, SHA-256), so Windows names the publisher instead
# of warning of an unknown one. The office's code-signing certificate and key come as a
# PKCS#12 file:
#   SIGN_PFX=office.pfx SIGN_PASS=… scripts/sign.sh FILE.exe
#   SIGN_TIMESTAMP=http://timestamp.digicert.com  — optional: a timestamp server, so the
#                     signature stays valid after the certificate expires (needs network)
# `make release` calls it for every .exe when SIGN_PFX is set; without SIGN_PFX it is
# never called and the build is unsigned.
set -euo pipefail
file=${1:?usage: SIGN_PFX=FILE SIGN_PASS=PASSWORD scripts/sign.sh FILE.exe}
pfx=${SIGN_PFX:?sign.sh: SIGN_PFX (the PKCS#12 certificate file) is not set}
[ -f "$pfx" ] || { echo "sign.sh: no certificate file $pfx" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The password goes through a private file, not the command line other users can see.
umask 077
printf '%s' "${SIGN_PASS:-}" >"$tmp/pass"
args=(sign -pkcs12 "$pfx" -readpass "$tmp/pass" -h sha256 -n "评信 Pingxin")
[ -n "${SIGN_TIMESTAMP:-}" ] && args+=(-ts "$SIGN_TIMESTAMP")
osslsigncode "${args[@]}" -in "$file" -out "$tmp/signed.exe" >"$tmp/log" 2>&1 ||
  { cat "$tmp/log" >&2; echo "sign.sh: could not sign $file" >&2; exit 1; }
cat "$tmp/signed.exe" >"$file"
echo "sign.sh: signed $file" >&2
