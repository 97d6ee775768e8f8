# Sourced by scripts/keyprobe.sh and scripts/delibshots.sh: the demo meeting's 会议表决
# in the real window under Xvfb, with no window manager. Gives them $work (a temporary
# folder, removed on exit with every process started here) and open_meeting.
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

# open_meeting DB W H [ARGS…]: an Xvfb screen of W×H (DISPLAY exported), and
# $work/pingxin on DB's meeting 1 with ARGS, its window up and painted (its output in
# app.log beside DB); sets xvfb and app to the two processes.
open_meeting() {
  local db=$1 w=$2 h=$3
  shift 3
  local disp=$((90 + RANDOM % 400))
  Xvfb ":$disp" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  pids+=("$xvfb")
  export DISPLAY=":$disp"
  for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
  "$work/pingxin" --db "$db" "$@" --meeting 1 >"$(dirname "$db")/app.log" 2>&1 &
  app=$!
  pids+=("$app")
  for _ in $(seq 300); do [ -n "$(xdotool search --name . 2>/dev/null)" ] && break; sleep 0.1; done
  # No window manager: the keys go to the window under the pointer, and the window
  # paints again only after an event reaches it, so the pointer moves over it.
  for _ in $(seq 10); do
    xdotool mousemove $((w / 2)) $((h / 2)) >/dev/null 2>&1; sleep 0.3
    xdotool mousemove $((w / 2 + 5)) $((h / 2 + 5)) >/dev/null 2>&1; sleep 0.3
  done
}
