#!/usr/bin/env bash
# Starts the real app under Xvfb on a fresh database with the demo meeting, waits for
# its window to appear, and fails if it never does or the process dies. With a second
# argument, saves a screenshot of the screen there.
#   scripts/smoke.sh ./pingxin [shot.png]
set -euo pipefail
bin=$(readlink -f "${1:-./pingxin}")
shot=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --db "$tmp/smoke.db" demo >/dev/null
cat >"$tmp/inner.sh" <<INNER
set -u
"$bin" --db "$tmp/smoke.db" >"$tmp/app.log" 2>&1 &
pid=\$!
for i in \$(seq 1 60); do
  if ! kill -0 \$pid 2>/dev/null; then echo "smoke: the app exited early" >&2; cat "$tmp/app.log" >&2; exit 1; fi
  if xwininfo -root -tree 2>/dev/null | grep -q 'Pingxin'; then
    sleep 3
    kill -0 \$pid 2>/dev/null || { echo "smoke: the app died after opening" >&2; cat "$tmp/app.log" >&2; exit 1; }
    [ -n "$shot" ] && import -window root "$shot"
    kill \$pid; wait \$pid 2>/dev/null
    echo "smoke: window appeared after \$i s"
    exit 0
  fi
  sleep 1
done
echo "smoke: no window after 60 s" >&2; cat "$tmp/app.log" >&2; kill \$pid; exit 1
INNER
xvfb-run -a -s "-screen 0 1280x800x24" bash "$tmp/inner.sh"
