#!/usr/bin/env bash
# Ferry's pipelined `ferry rm -r` vs OpenSSH's `sftp` (`rm DIR/*` and `rmdir`, one request at a
# time) on a tree of small files, against a private OpenSSH sshd this script starts on 127.0.0.1
# (stopped by PID when it exits). Not a test: run it by hand, read the table.
#
#   bash tests/bench/rm.sh                       # 10,000 files in 100 folders, 3 pairs, loopback
#   bash tests/bench/rm.sh --rtt-ms 10           # also over a link with 10 ms round trips
#   FERRY=target/debug/ferry bash tests/bench/rm.sh --files 2000 --pairs 1
#
# See tests/bench/README.md ("Recursive delete").
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
FILES="${BENCH_RM_FILES:-10000}"
DIRS="${BENCH_RM_DIRS:-100}"
PAIRS="${BENCH_PAIRS:-3}"
RTT_MS="${BENCH_RTT_MS:-0}"
PYTHON="${PYTHON:-python3}"

BENCH_NAME="rm"
# shellcheck source=tests/bench/sshd.sh
source "$HERE/sshd.sh"
tree_options "$@"

FERRY="${FERRY:-$REPO/target/release/ferry}"
if [ ! -x "$FERRY" ]; then
  (cd "$REPO" && cargo build --release --locked)
fi
command -v sftp >/dev/null || die "needs OpenSSH's sftp (openssh-client)"
[ -x /usr/sbin/sshd ] || die "needs /usr/sbin/sshd (openssh-server)"

start_sshd

make_tree() { # make_tree DIR: $FILES empty files spread over $DIRS folders
  local d
  mkdir -p "$1"
  for ((d = 0; d < DIRS; d++)); do mkdir "$1/d$d"; done
  "$PYTHON" - "$1" "$FILES" "$DIRS" <<'PY'
import os, sys
root, files, dirs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(files):
    open(os.path.join(root, f"d{i % dirs}", f"f{i}"), "wb").close()
PY
}

run() { # run TOOL PORT TREE -> seconds on stdout; fails unless the tree is gone
  local tool="$1" port="$2" tree="$3" t0 t1 d
  if [ "$tool" = openssh ]; then
    : >"$WORK/batch"
    for ((d = 0; d < DIRS; d++)); do
      printf 'rm %s/d%d/*\nrmdir %s/d%d\n' "$tree" "$d" "$tree" "$d" >>"$WORK/batch"
    done
    printf 'rmdir %s\n' "$tree" >>"$WORK/batch"
  fi
  t0=$(date +%s.%N)
  if [ "$tool" = ferry ]; then
    "$FERRY" --known-hosts "$KH" --config-dir "$WORK/ferry-config" --no-agent -i "$KEY" \
      -P "$port" rm -r "$LOGIN@127.0.0.1:$tree" >"$WORK/out" 2>&1
  else
    sftp -q -F /dev/null -b "$WORK/batch" -P "$port" -i "$KEY" -o UserKnownHostsFile="$KH" \
      -o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes \
      -o Ciphers=aes128-gcm@openssh.com "$LOGIN@127.0.0.1" >"$WORK/out" 2>&1
  fi
  t1=$(date +%s.%N)
  if [ -e "$tree" ]; then
    tail -n 5 "$WORK/out" >&2
    die "$tool left $tree behind"
  fi
  awk -v a="$t1" -v b="$t0" 'BEGIN { printf "%.3f\n", a - b }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== $FILES files in $DIRS folders, $PAIRS pairs (Ferry then OpenSSH), server on 127.0.0.1:$PORT"
printf '%-14s %12s %12s %8s\n' link "ferry s" "openssh s" speedup
for entry in "${LINKS[@]}"; do
  link="${entry%%:*}"
  port="${entry##*:}"
  : >"$WORK/ferry.times"
  : >"$WORK/openssh.times"
  for ((p = 1; p <= PAIRS; p++)); do
    for tool in ferry openssh; do
      tree="$WORK/trees/$link-$tool-$p"
      make_tree "$tree"
      sync
      s="$(run "$tool" "$port" "$tree")"
      echo "$s" >>"$WORK/$tool.times"
      printf '  %-12s %-8s run %d: %8.2f s\n' "$link" "$tool" "$p" "$s" >&2
    done
  done
  f="$(median <"$WORK/ferry.times")"
  o="$(median <"$WORK/openssh.times")"
  printf '%-14s %12.2f %12.2f %7.1fx\n' "$link" "$f" "$o" "$(awk -v o="$o" -v f="$f" 'BEGIN { print o / f }')"
done
