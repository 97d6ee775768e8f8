#!/usr/bin/env bash
# Builds the Windows installer dist/pingxin-VERSION-setup.exe (scripts/installer.nsi,
# Debian's NSIS) from the files of the Windows zip: pingxin.exe as built (and signed) by
# scripts/package.sh windows, README.txt and the licences — the same bytes, never a
# second build. The installer's icon is made from assets/icon_windows.png. When
# SIGN_PFX is set, the uninstaller inside and the setup itself are signed
# (scripts/sign.sh), and the signature of the setup is checked.
#   scripts/installer.sh DIR   # DIR holds pingxin.exe, README.txt, THIRD_PARTY_LICENSES.txt
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(readlink -f "${1:?usage: scripts/installer.sh DIR}")
version=$(scripts/version.sh)
build=$(sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p' FyneApp.toml | head -n 1)
out="dist/pingxin-$version-setup.exe"
for f in pingxin.exe README.txt THIRD_PARTY_LICENSES.txt; do
  [ -f "$src/$f" ] || { echo "installer.sh: missing $src/$f" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert assets/icon_windows.png -define icon:auto-resize=256,64,48,32,16 "$tmp/pingxin.ico"
defs=(-DVERSION="$version" -DVERSION4="$version.${build:-0}" -DSRCDIR="$src" -DICON="$tmp/pingxin.ico"
  -DOUTFILE="$(pwd)/$out.tmp")
if [ -n "${SIGN_PFX:-}" ]; then
  defs+=(-DSIGNCMD="$(pwd)/scripts/sign.sh")
fi
rm -f "$out" "$out.tmp"
makensis -V2 -INPUTCHARSET UTF8 "${defs[@]}" scripts/installer.nsi
if [ -n "${SIGN_PFX:-}" ]; then
  scripts/sign.sh "$out.tmp"
fi
mv "$out.tmp" "$out"
echo "$out"
