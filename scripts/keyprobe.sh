#!/usr/bin/env bash
# The real-window keystroke probe of `make bench` (issue 12, item 10): Pingxin opens
# the demo meeting's 会议表决 under Xvfb at 1366×768 (pingxin --meeting), and
# internal/keyprobe types a digit into the focused field with xdotool, 20 times, and
# times each to the first changed pixel on the screen (then BackSpace, and the screen
# settles). Prints one row for the bench table; skips, saying why, when Xvfb or
# xdotool is missing. Figures are whole-screen capture polls from xdotool's start, so
# upper bounds a few milliseconds coarse; on a shared machine they move with its load.
set -uo pipefail
cd "$(dirname "$0")/.."
row() { echo "| keystroke to first changed pixel, real window (Xvfb 1366×768, demo meeting) | $1 |"; }
for t in Xvfb xdotool; do
  if ! command -v "$t" >/dev/null; then
    row "skipped: $t is not installed (apt-get install xvfb xdotool)"
    exit 0
  fi
done
. scripts/xvfbmeeting.sh
go build -o "$work/pingxin" . && go build -o "$work/keyprobe" ./internal/keyprobe || exit 1
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LANG=zh_CN.UTF-8
mkdir -p "$HOME"
"$work/pingxin" --db "$work/x.db" demo >/dev/null 2>&1 || { row "failed: the demo database was not made"; exit 1; }
open_meeting "$work/x.db" 1366 768
if ! out=$("$work/keyprobe" -rounds 20 -key 7 2>"$work/probe.err"); then
  row "failed: $(tr '\n' ' ' <"$work/probe.err")"
  exit 1
fi
read -r _ _ median _ max _ rounds <<<"$out"
row "median ${median} ms, slowest ${max} ms ($rounds keystrokes; load average $(cut -d' ' -f1 /proc/loadavg))"
