#!/usr/bin/env bash
# Checks a release package, so `make release` (and CI) fail on a package that would not
# install: the Windows zip must hold a PE32+ GUI x86-64 pingxin.exe carrying its icon,
# version and manifest resources, a README and the licences; the Linux archive the
# program, its desktop entry and icon, and the install Makefile; the setup must be the
# NSIS installer carrying the version. When SIGN_PFX is set (a signed build), every
# Windows program must carry a valid Authenticode signature (osslsigncode verify,
# against SIGN_CA when given, else the system's CAs).
#   scripts/check-package.sh dist/pingxin-0.1.0-windows-amd64.zip
#   scripts/check-package.sh dist/pingxin-0.1.0-setup.exe
set -euo pipefail
pkg=${1:?usage: scripts/check-package.sh PACKAGE}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check-package: $pkg: $*" >&2; exit 1; }
has() { [ -e "$tmp/$1" ] || fail "missing $1"; }
# signed FILE: when the build is signed, FILE's signature must verify.
signed() {
  [ -n "${SIGN_PFX:-}" ] || return 0
  osslsigncode verify -in "$1" ${SIGN_CA:+-CAfile "$SIGN_CA"} >"$tmp/verify.log" 2>&1 ||
    { cat "$tmp/verify.log" >&2; fail "$(basename "$1"): the signature does not verify"; }
  echo "check-package: $(basename "$1"): signature verified ($(grep -m1 'Subject:' "$tmp/verify.log" | sed 's/^[[:space:]]*//'))"
}
version=$("$(dirname "$0")/version.sh")
case "$pkg" in
*-setup.exe)
  kind=$(file -b "$pkg")
  case "$kind" in "PE32+ executable (GUI) x86-64"*) ;; *) fail "the setup is '$kind'" ;; esac
  grep -q NullsoftInst "$pkg" || fail "the setup is not an NSIS installer"
  strings -el "$pkg" | grep -qx "$version" || fail "the setup does not carry version $version"
  signed "$pkg"
  echo "check-package: $(basename "$pkg"): $kind, version $version"
  ;;
*.zip)
  unzip -q "$pkg" -d "$tmp"
  dir=$(basename "$pkg" .zip)
  for f in pingxin.exe README.txt THIRD_PARTY_LICENSES.txt; do has "$dir/$f"; done
  exe="$tmp/$dir/pingxin.exe"
  kind=$(file -b "$exe")
  case "$kind" in "PE32+ executable (GUI) x86-64"*) ;; *) fail "pingxin.exe is '$kind'" ;; esac
  # The resource types at the top of .rsrc: 3 icon, 14 group icon, 16 version, 24 manifest.
  types=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n '/^The .rsrc Resource Directory section/,$p' |
    sed -n 's/^[0-9a-f]\{3\}   Entry: ID: 0x\([0-9a-f]*\),.*/\1/p' | tr '\n' ' ')
  for t in 000003 00000e 000010 000018; do
    grep -q "$t" <<<"$types" || fail "pingxin.exe lacks resource type 0x$t (has: $types)"
  done
  strings -el "$exe" | grep -q "^$version\." || fail "pingxin.exe does not carry version $version"
  signed "$exe"
  echo "check-package: $dir/pingxin.exe: $kind; icon, version $version and manifest resources"
  ;;
*.tar.xz)
  tar -xJf "$pkg" -C "$tmp"
  dir=$(basename "$pkg" .tar.xz)
  for f in Makefile README.md THIRD_PARTY_LICENSES.txt usr/local/bin/pingxin \
    usr/local/share/applications/cn.pingxin.app.desktop usr/local/share/pixmaps/cn.pingxin.app.png; do
    has "$dir/$f"
  done
  kind=$(file -b "$tmp/$dir/usr/local/bin/pingxin")
  case "$kind" in "ELF 64-bit LSB"*x86-64*) ;; *) fail "pingxin is '$kind'" ;; esac
  echo "check-package: $dir: $kind, desktop entry and icon"
  ;;
*) fail "not a .zip, -setup.exe or .tar.xz" ;;
esac
