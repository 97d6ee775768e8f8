#!/usr/bin/env bash
# The 会议表决 pictures of `make shots`, taken from the real window: the Fyne test
# driver draws the scrolled form's last field through the outcome strip, which the
# real window does not. For each language and screen size (1024×768, 1366×768) Pingxin
# opens the demo meeting's 会议表决 under Xvfb (pingxin --meeting), household 13 is
# typed by xdotool (30w, 7 for, 1 against) and stored with Enter, and the screen is
# saved as DIR/screen-deliberation-LANG-WIDTH.png, showing the stored household's
# confirmation under the next one. Skips, saying why, when Xvfb, xdotool or
# ImageMagick's import is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/delibshots.sh DIR}
for t in Xvfb xdotool import; do
  if ! command -v "$t" >/dev/null; then
    echo "delibshots: skipped, $t is not installed (apt-get install xvfb xdotool imagemagick)" >&2
    exit 0
  fi
done
. scripts/xvfbmeeting.sh
go build -o "$work/pingxin" . || exit 1
export LANG=zh_CN.UTF-8
shot() { # lang width height
  local lg=$1 w=$2 h=$3 run="$work/$1-$2"
  mkdir -p "$run/home"
  export HOME="$run/home" XDG_CONFIG_HOME="$run/home/.config"
  "$work/pingxin" --db "$run/x.db" demo >/dev/null 2>&1 || { echo "delibshots: the demo database was not made" >&2; return 1; }
  open_meeting "$run/x.db" "$w" "$h" --lang "$lg"
  # no window manager maximises it: the window is made the screen's size
  for wid in $(xdotool search --name . 2>/dev/null); do
    xdotool windowmove "$wid" 0 0 2>/dev/null
    xdotool windowsize "$wid" "$w" "$h" 2>/dev/null
  done
  sleep 1
  xdotool type --delay 80 30w; sleep 0.3
  xdotool key Tab; sleep 0.2; xdotool key Tab; sleep 0.2
  xdotool type 7; sleep 0.2; xdotool key Tab; sleep 0.2
  xdotool type 1; sleep 0.2; xdotool key Tab; sleep 0.2
  xdotool key Return; sleep 1.5
  xdotool mousemove $((w / 2)) $((h / 2)); sleep 0.5; xdotool mousemove $((w / 2 + 3)) $((h / 2 + 3)); sleep 0.5
  import -window root "$dir/screen-deliberation-$lg-$w.png"
  kill "$app" "$xvfb" 2>/dev/null
  wait "$app" "$xvfb" 2>/dev/null
}
for lg in zh en; do
  for size in 1024x768 1366x768; do
    shot "$lg" "${size%x*}" "${size#*x}" || exit 1
  done
done
