#!/usr/bin/env bash
# Runs the Windows build under Wine (Debian's wine64), headless under Xvfb, on a
# throwaway Wine prefix, the way a village office uses it:
#   1. the installer dist/pingxin-VERSION-setup.exe runs silently (/S): the program lands
#      in %LocalAppData%\Programs\评信 byte for byte as built, with the Start-menu and
#      desktop shortcuts 评信 and the uninstaller registered under HKCU …\Uninstall
#      (with SIGN_PFX set, the installed program and uninstaller must be signed, checked
#      against SIGN_CA);
#   2. the installed pingxin.exe: `demo` (the database appears in %AppData%\pingxin),
#      `import` of a GBK CSV and of an XLSX (bad rows named, the rest with
#      --skip-invalid), `minutes --sign` (PINGXIN_PASSPHRASE), `verify` (valid, and not
#      valid once a byte is changed), the bank package (`export` refused before the
#      `review`, then `review`, `notice`, `publicity close`, `export`, `verify FILE.zip`),
#      `backup` and `restore` (the replaced file kept);
#      and app/atomicfile's Windows-only test (a file held open by another program);
#   3. the desktop app opens its window and holds the database: a second process's
#      `restore` is refused by the lock while it runs (SHOT=FILE.png saves the screen);
#   4. a second run of the setup (an upgrade) keeps the data; the silent uninstaller
#      removes the program, its shortcuts and its registration and keeps the data;
#      `uninstall.exe /S /PURGE` removes the data too.
# Every path the program is given is a Windows path (C:\…, with Chinese names). Prints
# the seconds each step took. Needs wine64, xvfb and imagemagick (scripts/deps.sh wine)
# and MinGW-w64 (scripts/deps.sh win).
#   scripts/wine-check.sh              # after `make package-windows`
#   SHOT=docs/screen-windows-wine.png scripts/wine-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ -z "${PINGXIN_WINE_XVFB:-}" ]; then
  PINGXIN_WINE_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
version=$(scripts/version.sh)
setup="$root/dist/pingxin-$version-setup.exe"
built="$root/dist/pingxin.exe"
for f in "$setup" "$built"; do
  [ -f "$f" ] || { echo "wine-check: missing $f (run make package-windows)" >&2; exit 1; }
done
shot=${SHOT:+$(readlink -f "$(dirname "$SHOT")")/$(basename "$SHOT")}

work=$(mktemp -d /tmp/pingxin-wine.XXXXXX)
gui=""
cleanup() {
  [ -n "$gui" ] && kill "$gui" 2>/dev/null
  wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# A throwaway prefix and home: nothing of this run touches the machine's own Wine or
# desktop (winemenubuilder would write Linux menu entries for the shortcuts).
export HOME="$work/home" WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" LC_ALL=C.UTF-8
unset PINGXIN_DB PINGXIN_PASSPHRASE
mkdir -p "$HOME"

t0=$(date +%s)
step_start=$t0
step() {
  local now
  now=$(date +%s)
  echo "wine-check: $1 ($((now - step_start)) s)"
  step_start=$now
}
fail() {
  echo "wine-check: FAIL: $*" >&2
  [ -f "$work/err" ] && sed 's/^/  stderr: /' "$work/err" >&2
  exit 1
}

wineboot -i >/dev/null 2>&1
wineserver -w
# Wine 8.0 lacks bcryptprimitives.dll, which Windows 10+ has and Go's runtime needs:
# the prefix (not the package) gets a stand-in (scripts/wine/bcryptprimitives.c).
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c -ladvapi32
step "Wine prefix booted"

c="$WINEPREFIX/drive_c"
users="$c/users/$(id -un)"
appdata="$users/AppData/Roaming"
instdir="$users/AppData/Local/Programs/评信"
winstdir='C:\users\'"$(id -un)"'\AppData\Local\Programs\评信'
uninstkey='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.pingxin.app'

# --- 1. the installer ---------------------------------------------------------------
wine "$setup" /S || fail "setup /S exited $?"
wineserver -w
[ -f "$instdir/pingxin.exe" ] || fail "no pingxin.exe in $instdir"
cmp -s "$instdir/pingxin.exe" "$built" || fail "the installed pingxin.exe differs from $built"
for f in uninstall.exe README.txt THIRD_PARTY_LICENSES.txt; do
  [ -f "$instdir/$f" ] || fail "the installer did not put $f in $instdir"
done
menu="$appdata/Microsoft/Windows/Start Menu/Programs/评信.lnk"
desk="$users/Desktop/评信.lnk" # Wine links the Desktop folder to $HOME (here, throwaway)
[ -f "$menu" ] || fail "no Start-menu shortcut $menu"
[ -f "$desk" ] || fail "no desktop shortcut $desk"
wine reg query "$uninstkey" >"$work/reg" 2>/dev/null || fail "no $uninstkey"
for want in 'DisplayName.*Pingxin' "DisplayVersion.*$version" 'UninstallString.*uninstall.exe' \
  'QuietUninstallString.*/S' 'InstallLocation.*Programs' 'DisplayIcon.*pingxin.exe'; do
  grep -q "$want" "$work/reg" || fail "$uninstkey lacks $want: $(cat "$work/reg")"
done
if [ -n "${SIGN_PFX:-}" ]; then # a signed build: the uninstaller written by the setup too
  for f in pingxin.exe uninstall.exe; do
    osslsigncode verify -in "$instdir/$f" ${SIGN_CA:+-CAfile "$SIGN_CA"} >"$work/err" 2>&1 ||
      fail "the installed $f is not validly signed"
  done
fi
step "setup /S installed into %LocalAppData%\\Programs\\评信, shortcuts and HKCU Uninstall entry"

# --- 2. the command line ------------------------------------------------------------
exe="$instdir/pingxin.exe"
wdir='C:\pingxin-ci'
dir="$c/pingxin-ci"
mkdir -p "$dir"
# run ARGS…: the installed program under Wine; stdout to $work/out, stderr to $work/err.
# run runs the installed program with args. Wine 8.0's client now and then loses its
# wineserver as it starts ("wine client error:0: recvmsg: Connection reset by peer",
# once in the four whole runs here this session, at a quiet moment): that is Wine's, not the
# program's, so such a run is said and made once more, after the server has gone.
run() {
  wine "$exe" "$@" >"$work/out" 2>"$work/err" && return 0
  local rc=$?
  grep -q 'wine client error' "$work/err" || return $rc
  echo "wine-check: Wine's server went away under pingxin $1 ($(head -n 1 "$work/err")); once more" >&2
  wineserver -w 2>/dev/null || true
  wine "$exe" "$@" >"$work/out" 2>"$work/err"
}
ok() { run "$@" || fail "pingxin $* exited $?"; }
out() { tr -d '\r' <"$work/out"; }

ok demo
[ "$(out)" = 1 ] || fail "demo printed '$(out)', want the meeting ID 1 alone"
db="$appdata/pingxin/pingxin.db"
[ -s "$db" ] || fail "no database in %AppData%\\pingxin ($db)"
step "demo: database in %AppData%\\pingxin\\pingxin.db"

# A GBK CSV (what Excel saves on a Chinese Windows) and an XLSX, each with 20 rows of
# which 6 are bad: without --skip-invalid nothing is imported and every bad row is named.
tail -c +4 app/importer/testdata/libreoffice-source.csv | iconv -f UTF-8 -t GBK >"$dir/提名名单.csv"
cp app/importer/testdata/libreoffice.xlsx "$dir/提名名单.xlsx"
# The lists' visits are by 乡贤甲 and 乡贤乙, who must be on the village's 乡贤参事会
# (docs/RULES.md §11, risk checks): a village of its own, nine people's-council members.
{
  printf '姓名,所属组织,职务\r\n议事一,百姓议事会,主持人\r\n议事二,百姓议事会,记录人\r\n'
  for i in 三 四 五 六 七 八 九; do printf '议事%s,百姓议事会,成员\r\n' "$i"; done
  printf '乡贤甲,乡贤参事会,会长\r\n乡贤乙,乡贤参事会,成员\r\n'
} >"$dir/名册.csv"
ok village new --name 试点村 --town 高桥街道 --roster "$wdir\\名册.csv"
# Early November: their 公示 below has ended by the day this runs.
for m in 2 3; do
  ok meeting new --village 试点村 --date 2026-11-0$m --time 19:00 --place 村委会会议室
  [ "$(out)" = "$m" ] || fail "meeting new printed '$(out)', want $m"
done
if run import --meeting 2 "$wdir\\提名名单.csv"; then fail "import of a list with bad rows succeeded"; fi
for row in 6 9 11 14 17 20; do
  grep -q "提名名单.csv: 第 $row 行" "$work/err" || fail "import did not name row $row"
done
ok import --meeting 2 --skip-invalid "$wdir\\提名名单.csv"
grep -q "导入 14 户" "$work/out" "$work/err" || fail "GBK CSV: want 14 households imported"
ok import --meeting 3 --skip-invalid "$wdir\\提名名单.xlsx"
grep -q "导入 14 户" "$work/out" "$work/err" || fail "XLSX: want 14 households imported"
ok meetings
grep -Eq '^2 .* 14 ' <(out) || fail "meetings does not show 14 households in meeting 2: $(out)"
step "import: GBK CSV and XLSX, bad rows named"

PINGXIN_PASSPHRASE=wine-check-passphrase ok minutes --meeting 2 --out "$wdir\\纪要.pdf" --sign
[ -s "$dir/纪要.pdf" ] || fail "minutes --sign wrote no $wdir\\纪要.pdf"
grep -q "纪要.pdf [0-9a-f]\{64\}" <(out) || fail "minutes printed '$(out)', want the path and SHA-256"
ok verify "$wdir\\纪要.pdf"
grep -qx valid <(out) || fail "verify: $(out)"
# One changed byte in the signed content must make verify fail.
cp "$dir/纪要.pdf" "$dir/改过.pdf"
v=$(head -c 8 "$dir/改过.pdf" | tail -c 1) # the minor version of %PDF-1.x: signed bytes
printf '%s' $(((v + 1) % 10)) | dd of="$dir/改过.pdf" bs=1 seek=7 conv=notrunc status=none
if run verify "$wdir\\改过.pdf"; then fail "verify accepted a changed PDF"; fi
step "minutes --sign and verify (valid; a changed byte refused)"

# The bank package (docs/CLI.md §5, docs/RULES.md §11.4): refused, naming the 组织审定 and
# writing nothing, until the Party organisation's review is recorded; then the 公示 and its
# outcome, the package, and `verify FILE.zip`.
if PINGXIN_PASSPHRASE=wine-check-passphrase run export --meeting 2 --out "$wdir\\资料包.zip"; then
  fail "export before the 组织审定 succeeded"
fi
grep -q '组织审定' "$work/err" || fail "export before the 组织审定 did not name it"
[ ! -e "$dir/资料包.zip" ] || fail "a refused export wrote $wdir\\资料包.zip"
ok review --meeting 2 --date 2026-11-03 --by 议事一
ok notice --meeting 2 --out "$wdir\\公示.pdf" --from 2026-11-03
[ -s "$dir/公示.pdf" ] || fail "notice wrote no $wdir\\公示.pdf"
ok publicity close --meeting 2 --result 无异议
PINGXIN_PASSPHRASE=wine-check-passphrase ok export --meeting 2 --out "$wdir\\资料包.zip"
[ -s "$dir/资料包.zip" ] || fail "export wrote no $wdir\\资料包.zip"
ok verify "$wdir\\资料包.zip"
grep -qx valid <(out) || fail "verify of the bank package: $(out)"
step "bank package: refused before the 组织审定; review, notice, publicity close, export, verify FILE.zip"

ok backup --out "$wdir\\备份.db"
[ -s "$dir/备份.db" ] || fail "backup wrote nothing"
ok meeting new --village 越丰村 --date 2026-12-09
ok restore "$wdir\\备份.db"
ok meetings
! grep -q '2026-12-09' <(out) || fail "restore did not bring back the backup: $(out)"
grep -q '2026-11-02' <(out) || fail "restore lost meeting 2: $(out)"
ls "$appdata/pingxin/backups/"*replaced* >/dev/null 2>&1 || fail "restore kept no copy of the replaced database"
step "backup and restore (the replaced database kept in backups)"

# A file open in another program (a PDF reader) cannot be replaced on Windows: the
# Windows-only test of that runs here, where it means something.
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -o "$work/atomicfile.test.exe" ./app/atomicfile/
wine "$work/atomicfile.test.exe" -test.run 'TestWriteOverHeldFile' -test.count=1 -test.v >"$work/err" 2>&1 ||
  fail "app/atomicfile TestWriteOverHeldFile under Wine"
grep -q -- '--- PASS: TestWriteOverHeldFile' "$work/err" || fail "TestWriteOverHeldFile did not run"
step "writing over a file another program holds open: refused clearly, or waited for"

# --- 3. the window, and the lock held by it -------------------------------------------
# launch_window starts the installed program and waits up to 90 s for its window; it
# sets gui (the process) and opened (seconds), or leaves opened empty when it died first.
launch_window() {
  wine "$exe" >"$work/gui.log" 2>&1 &
  gui=$!
  opened=""
  for i in $(seq 1 90); do
    kill -0 "$gui" 2>/dev/null || break
    if xwininfo -root -tree 2>/dev/null | grep -q '评信\|Pingxin'; then opened=$i; break; fi
    sleep 1
  done
}
# why_no_window says, in one line, why the program opened no window: GLFW's or Fyne's
# own error, or the panic, from the top of its output (the bottom is only a stack).
why_no_window() {
  grep -m1 -i 'fyne error\|cause\|panic\|exception\|fatal\|error' "$work/gui.log" || echo "no output"
}
# Every process of the steps before has ended, and their wineserver with them, so the
# window's process starts on a settled prefix.
wineserver -w
launch_window
if [ -z "$opened" ] && ! kill -0 "$gui" 2>/dev/null; then
  # Once, on the CI machine, the window's first start under Wine died inside GLFW's
  # start (stop 20; 12 starts here, quiet and loaded, all opened): say what it printed,
  # and try once more. A second failure is a failure.
  echo "wine-check: the desktop app exited before opening a window: $(why_no_window); once more" >&2
  sed -n '1,12p' "$work/gui.log" | sed 's/^/  first try: /' >&2
  wineserver -k 2>/dev/null || true
  wineserver -w
  launch_window
fi
if [ -z "$opened" ]; then
  sed -n '1,40p' "$work/gui.log" >&2
  fail "the desktop app opened no window under Wine: $(why_no_window)"
fi
sleep 5 # let the home screen draw
kill -0 "$gui" 2>/dev/null || { cat "$work/gui.log" >&2; fail "the desktop app died after opening"; }
[ -n "$shot" ] && import -window root "$shot"
step "desktop window opened after $opened s"
if run restore "$wdir\\备份.db"; then fail "restore ran while the desktop app held the database"; fi
grep -q '另一个\|正被其他\|in use\|another' "$work/err" || fail "restore refused without saying the database is in use"
step "a second process is refused while the desktop app holds the database"
kill "$gui" 2>/dev/null
wait "$gui" 2>/dev/null || true
gui=""
wineserver -k 2>/dev/null || true
wineserver -w

# --- 4. upgrade and uninstall -------------------------------------------------------
wine "$setup" /S || fail "setup /S over the installed version exited $?"
wineserver -w
ok meetings
grep -q '2026-11-02' <(out) || fail "the upgrade lost the data"
wine "$instdir/uninstall.exe" /S || fail "uninstall /S exited $?"
wineserver -w
for f in "$instdir/pingxin.exe" "$instdir/uninstall.exe" "$menu" "$desk"; do
  [ ! -e "$f" ] || fail "the uninstaller left $f"
done
if wine reg query "$uninstkey" >/dev/null 2>&1; then fail "the uninstaller left $uninstkey"; fi
[ -s "$db" ] || fail "the uninstaller removed the data without being asked"
wine "$setup" /S && wineserver -w
wine "$instdir/uninstall.exe" /S /PURGE && wineserver -w
[ ! -e "$appdata/pingxin" ] || fail "uninstall /S /PURGE left $appdata/pingxin"
step "upgrade kept the data; uninstall kept it, /PURGE removed it"
echo "wine-check: ok in $(($(date +%s) - t0)) s"
