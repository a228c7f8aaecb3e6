#!/usr/bin/env bash
# `ferry sync` (local -> server) against `rclone sync` when rclone is installed: a no-op sync of a
# tree already on the server (nothing to do), and one where 1% of the files changed, on loopback
# and through delay_proxy.py with added round-trip time, against a private OpenSSH sshd this
# script starts on 127.0.0.1 (stopped by PID when it exits). Not a test: run it by hand.
#
#   bash tests/bench/sync.sh                          # 10,000 files in 100 folders, 3 pairs, + 40 ms
#   bash tests/bench/sync.sh --rtt-ms 0               # loopback only
#   FERRY=target/debug/ferry bash tests/bench/sync.sh --files 2000 --pairs 1
#
# See tests/bench/README.md ("Sync").
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
FILES="${BENCH_SYNC_FILES:-10000}"
DIRS="${BENCH_SYNC_DIRS:-100}"
PAIRS="${BENCH_PAIRS:-3}"
RTT_MS="${BENCH_RTT_MS:-40}"
PYTHON="${PYTHON:-python3}"

BENCH_NAME=sync
# shellcheck source=tests/bench/sshd.sh
source "$HERE/sshd.sh"
tree_options "$@"
[ "$FILES" -ge 100 ] || die "--files must be at least 100"

FERRY="${FERRY:-$REPO/target/release/ferry}"
if [ ! -x "$FERRY" ]; then
  (cd "$REPO" && cargo build --release --locked)
fi
[ -x /usr/sbin/sshd ] || die "needs /usr/sbin/sshd (openssh-server)"
RCLONE="$(command -v rclone || true)"
[ -n "$RCLONE" ] || echo "bench-sync: rclone is not installed: Ferry's figures only" >&2

start_sshd

LOCAL="$WORK/local"
"$PYTHON" - "$LOCAL" "$FILES" "$DIRS" <<'PY'
import os, sys
root, files, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for d in range(dirs):
    os.makedirs(os.path.join(root, f"d{d}"), exist_ok=True)
for i in range(files):
    with open(os.path.join(root, f"d{i % dirs}", f"f{i}"), "wb") as f:
        f.write(b"%016d" % i)
PY

change() { # change ROUND: rewrites 1% of the files (another 1% each round, another size)
  "$PYTHON" - "$LOCAL" "$FILES" "$DIRS" "$1" <<'PY'
import os, sys
root, files, dirs, rnd = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
for k in range(files // 100):
    i = (k * 100 + rnd) % files
    with open(os.path.join(root, f"d{i % dirs}", f"f{i}"), "wb") as f:
        f.write(b"changed in round %d, file %d\n" % (rnd, i))
PY
}

same_trees() { # same_trees A B: the same files with the same bytes
  "$PYTHON" - "$1" "$2" <<'PY'
import hashlib, os, sys
def sums(root):
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            out[os.path.relpath(p, root)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return out
sys.exit(0 if sums(sys.argv[1]) == sums(sys.argv[2]) else 1)
PY
}

run() { # run TOOL PORT DEST -> seconds on stdout; fails unless DEST then matches the tree
  local tool="$1" port="$2" dest="$3" t0 t1
  t0=$(date +%s.%N)
  if [ "$tool" = ferry ]; then
    "$FERRY" --known-hosts "$KH" --config-dir "$WORK/ferry-config" --no-agent -i "$KEY" \
      -P "$port" sync "$LOCAL" "$LOGIN@127.0.0.1:$dest" >"$WORK/out" 2>&1
  else
    RCLONE_CONFIG_BENCH_TYPE=sftp RCLONE_CONFIG_BENCH_HOST=127.0.0.1 \
      RCLONE_CONFIG_BENCH_PORT="$port" RCLONE_CONFIG_BENCH_USER="$LOGIN" \
      RCLONE_CONFIG_BENCH_KEY_FILE="$KEY" RCLONE_CONFIG_BENCH_KNOWN_HOSTS_FILE="$KH" \
      "$RCLONE" --config /dev/null sync "$LOCAL" "bench:$dest" >"$WORK/out" 2>&1
  fi || { tail -n 5 "$WORK/out" >&2; die "$tool failed"; }
  t1=$(date +%s.%N)
  same_trees "$LOCAL" "$dest" || die "$tool left $dest different from $LOCAL"
  awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.3f\n", a - b }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

TOOLS=(ferry)
[ -n "$RCLONE" ] && TOOLS+=(rclone)
echo "== $FILES files in $DIRS folders, $PAIRS pairs, server on 127.0.0.1:$PORT"
printf '%-14s %-10s %10s %10s\n' link scenario "ferry s" "rclone s"
round=0
for entry in "${LINKS[@]}"; do
  link="${entry%%:*}"
  port="${entry##*:}"
  for tool in "${TOOLS[@]}"; do
    dest="$WORK/remote-$link-$tool"
    run "$tool" "$port" "$dest" >/dev/null # the first copy, not timed
  done
  for scenario in no-op 1%; do
    for tool in "${TOOLS[@]}"; do : >"$WORK/$tool.times"; done
    for ((p = 1; p <= PAIRS; p++)); do
      # The same 1% for each tool's copy of the tree.
      if [ "$scenario" = 1% ]; then round=$((round + 1)); change "$round"; fi
      for tool in "${TOOLS[@]}"; do
        s="$(run "$tool" "$port" "$WORK/remote-$link-$tool")"
        echo "$s" >>"$WORK/$tool.times"
        printf '  %-12s %-8s %-6s run %d: %8.2f s\n' "$link" "$tool" "$scenario" "$p" "$s" >&2
      done
    done
    f="$(median <"$WORK/ferry.times")"
    r="n/a"
    [ -n "$RCLONE" ] && r="$(median <"$WORK/rclone.times")"
    printf '%-14s %-10s %10.2f %10s\n' "$link" "$scenario" "$f" "$r"
  done
done
