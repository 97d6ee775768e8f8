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
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/pingxin" . && go build -o "$work/keyprobe" ./internal/keyprobe || exit 1
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LANG=zh_CN.UTF-8
mkdir -p "$HOME"
"$work/pingxin" --db "$work/x.db" demo >/dev/null 2>&1 || { row "failed: the demo database was not made"; exit 1; }
disp=$(( 90 + RANDOM % 400 ))
Xvfb ":$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=":$disp"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
"$work/pingxin" --db "$work/x.db" --meeting 1 >"$work/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do [ -n "$(xdotool search --name . 2>/dev/null)" ] && break; sleep 0.1; done
# No window manager: the keys go to the window under the pointer, and the window paints
# again only after an event reaches it, so the pointer moves over it a few times.
for _ in $(seq 10); do
  xdotool mousemove 700 450 >/dev/null 2>&1; sleep 0.3; xdotool mousemove 705 455 >/dev/null 2>&1; sleep 0.3
done
if ! out=$("$work/keyprobe" -rounds 20 -key 7 2>"$work/probe.err"); then
  row "failed: $(tr '\n' ' ' <"$work/probe.err")"
  exit 1
fi
read -r _ _ median _ max _ rounds <<<"$out"
row "median ${median} ms, slowest ${max} ms ($rounds keystrokes; load average $(cut -d' ' -f1 /proc/loadavg))"
