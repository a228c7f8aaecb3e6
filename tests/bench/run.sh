#!/usr/bin/env bash
# Ferry vs OpenSSH's sftp: upload and download of one big file and of a tree of small files, on
# loopback and over a link with added round-trip time, against a private OpenSSH sshd this script
# starts on 127.0.0.1 (and stops by PID when it exits). Not a test: run it by hand, read the table.
#
#   bash tests/bench/run.sh              # full: 1 GiB, 2,000 x 16 KiB, 5 pairs, loopback + 40 ms
#   bash tests/bench/run.sh --quick      # 128 MiB, 200 files, 3 pairs
#   bash tests/bench/run.sh --help       # every option
#
# See tests/bench/README.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"

BIG_MB="${BENCH_BIG_MB:-1024}"
SMALL_COUNT="${BENCH_SMALL_COUNT:-2000}"
SMALL_KB="${BENCH_SMALL_KB:-16}"
SMALL_DIRS="${BENCH_SMALL_DIRS:-8}"
PAIRS="${BENCH_PAIRS:-5}"
RTT_MS="${BENCH_RTT_MS:-40}"
LINKS="${BENCH_LINKS:-loopback,rtt}"
SCENARIOS="${BENCH_SCENARIOS:-big-up,big-down,small-up,small-down}"
TMP_BASE="${BENCH_TMP:-}" # empty: /dev/shm when it has room, else $TMPDIR or /tmp (see below)
RUN_TIMEOUT="${BENCH_RUN_TIMEOUT:-1800}"
KEEP="${BENCH_KEEP:-0}"
PYTHON="${PYTHON:-python3}"
FERRY_ARGS="${FERRY_ARGS:-}"

usage() {
  cat <<EOF
Usage: bash tests/bench/run.sh [options]

Compares Ferry (A) with OpenSSH's sftp (B), run A B A B ... for each scenario, against a private
sshd on 127.0.0.1; every copy is verified (sizes + sha256).

Options (environment variable in brackets):
  --quick              128 MiB file, 200 small files, 3 pairs
  --big-mb N           size of the big file in MiB            [BENCH_BIG_MB=$BIG_MB]
  --small-count N      number of small files                  [BENCH_SMALL_COUNT=$SMALL_COUNT]
  --small-kb N         size of each small file in KiB         [BENCH_SMALL_KB=$SMALL_KB]
  --small-dirs N       subfolders the small files are spread over [BENCH_SMALL_DIRS=$SMALL_DIRS]
  --pairs N            Ferry/OpenSSH pairs per scenario       [BENCH_PAIRS=$PAIRS]
  --rtt-ms N           round-trip time of the delayed link    [BENCH_RTT_MS=$RTT_MS]
  --links LIST         loopback,rtt (or one of them)          [BENCH_LINKS=$LINKS]
  --loopback-only      same as --links loopback
  --rtt-only           same as --links rtt
  --scenarios LIST     from big-up,big-down,small-up,small-down [BENCH_SCENARIOS=$SCENARIOS]
  --tmp DIR            where the temporary folder is made     [BENCH_TMP; default /dev/shm
                       when it has room, else \$TMPDIR or /tmp]
  --timeout SECS       give up on one transfer after SECS     [BENCH_RUN_TIMEOUT=$RUN_TIMEOUT]
  --keep               keep the temporary folder (data, logs, sshd config)   [BENCH_KEEP=1]
  -h, --help           this text

Environment: FERRY=path of the ferry binary (default: target/release/ferry, built with
'cargo build --release --locked' if missing); FERRY_ARGS="..." extra arguments for ferry put/get
(e.g. FERRY_ARGS="-j 16 --connections 4"); PYTHON=python3.
EOF
}

die() {
  echo "bench: $*" >&2
  exit 2
}

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) BIG_MB=128; SMALL_COUNT=200; PAIRS=3 ;;
    --big-mb) BIG_MB="${2:?}"; shift ;;
    --small-count) SMALL_COUNT="${2:?}"; shift ;;
    --small-kb) SMALL_KB="${2:?}"; shift ;;
    --small-dirs) SMALL_DIRS="${2:?}"; shift ;;
    --pairs) PAIRS="${2:?}"; shift ;;
    --rtt-ms) RTT_MS="${2:?}"; shift ;;
    --links) LINKS="${2:?}"; shift ;;
    --loopback-only) LINKS=loopback ;;
    --rtt-only) LINKS=rtt ;;
    --scenarios) SCENARIOS="${2:?}"; shift ;;
    --tmp) TMP_BASE="${2:?}"; shift ;;
    --timeout) RUN_TIMEOUT="${2:?}"; shift ;;
    --keep) KEEP=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

for v in BIG_MB SMALL_COUNT SMALL_KB SMALL_DIRS PAIRS RTT_MS RUN_TIMEOUT; do
  is_uint "${!v}" || die "$v must be a whole number, not '${!v}'"
done
for v in BIG_MB SMALL_COUNT SMALL_KB PAIRS; do
  [ "${!v}" -gt 0 ] || die "$v must be at least 1"
done
[ "$SMALL_DIRS" -gt 0 ] || SMALL_DIRS=1
[ "$SMALL_DIRS" -le "$SMALL_COUNT" ] || SMALL_DIRS="$SMALL_COUNT"

IFS=',' read -r -a LINK_LIST <<<"$LINKS"
IFS=',' read -r -a SCENARIO_LIST <<<"$SCENARIOS"
[ ${#LINK_LIST[@]} -gt 0 ] || die "no links selected"
[ ${#SCENARIO_LIST[@]} -gt 0 ] || die "no scenarios selected"
for l in "${LINK_LIST[@]}"; do
  case "$l" in loopback | rtt) ;; *) die "unknown link '$l' (loopback, rtt)" ;; esac
done
for s in "${SCENARIO_LIST[@]}"; do
  case "$s" in big-up | big-down | small-up | small-down) ;; *) die "unknown scenario '$s'" ;; esac
done
NEED_PROXY=0
for l in "${LINK_LIST[@]}"; do [ "$l" = rtt ] && NEED_PROXY=1; done

# ---------------------------------------------------------------------------------------------
# Tools

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ! -x /usr/bin/time ]; then
  echo "== installing GNU time (for peak RSS)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends time >/dev/null
fi
for c in /usr/sbin/sshd sftp ssh-keygen sha256sum timeout "$PYTHON" split find sort cmp; do
  command -v "$c" >/dev/null || die "'$c' not found (Debian: apt-get install openssh-server openssh-client python3 coreutils findutils diffutils)"
done
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 8))' || die "$PYTHON is older than 3.8"

if [ -z "${FERRY:-}" ]; then
  FERRY="$REPO/target/release/ferry"
  if [ ! -x "$FERRY" ]; then
    echo "== building Ferry (cargo build --release --locked)"
    (cd "$REPO" && cargo build --release --locked)
  fi
fi
if [[ "$FERRY" != */* ]]; then
  FERRY="$(command -v "$FERRY")" || die "FERRY: '$FERRY' not found on PATH"
fi
[ -x "$FERRY" ] || die "FERRY=$FERRY is not an executable"
FERRY="$(cd "$(dirname "$FERRY")" && pwd)/$(basename "$FERRY")"
for sub in put get; do
  "$FERRY" "$sub" --help >/dev/null 2>&1 || die "$FERRY has no working '$sub' command"
done
read -r -a FERRY_EXTRA <<<"$FERRY_ARGS"

# ---------------------------------------------------------------------------------------------
# Work folder, cleanup

# In memory by default: on a VM the disk's write-back of the previous gigabyte lands in the next
# run (OpenSSH alone took 3.2 to 6.7 s for the same 1 GiB upload to ext4 in one session). tmpfs
# takes that noise out for both clients. It needs room for the data, one big copy and every small
# tree (they are kept until the end, see below), plus a margin.
if [ -z "$TMP_BASE" ]; then
  TMP_BASE="${TMPDIR:-/tmp}"
  need_kb=$(((3 * BIG_MB + 2 * PAIRS * 2 * 2 * SMALL_COUNT * SMALL_KB / 1024 + 1024) * 1024))
  if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] \
    && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt "$need_kb" ]; then
    TMP_BASE=/dev/shm
  fi
fi
echo "== data in $TMP_BASE"
mkdir -p "$TMP_BASE"
WORK="$(mktemp -d "$TMP_BASE/ferry-bench.XXXXXX")"
WORK="$(cd "$WORK" && pwd -P)"
[[ "$WORK" =~ ^[A-Za-z0-9._/+-]+$ ]] \
  || { rmdir "$WORK"; die "use a temp folder whose path has only letters, digits and ._/+- (got $WORK)"; }
chmod 755 "$WORK"
SSHD_PID=""
PROXY_PID=""
RUN_PID=""

stop_pid() { # stop_pid PID: SIGTERM, wait up to ~2 s, then SIGKILL
  local pid="$1" i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$? child
  trap - EXIT INT TERM
  if [ -n "$RUN_PID" ]; then
    # a transfer cut short: /usr/bin/time -> timeout (which passes the signal on to the client)
    for child in $(pgrep -P "$RUN_PID" 2>/dev/null || true); do kill "$child" 2>/dev/null || true; done
    stop_pid "$RUN_PID"
  fi
  if [ -n "$PROXY_PID" ]; then stop_pid "$PROXY_PID"; fi
  if [ -n "$SSHD_PID" ]; then
    # session processes of our own sshd first (a transfer cut short by Ctrl-C), then the listener
    for child in $(pgrep -P "$SSHD_PID" 2>/dev/null || true); do kill "$child" 2>/dev/null || true; done
    stop_pid "$SSHD_PID"
  fi
  if [ "$KEEP" = 1 ]; then
    echo "bench: kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# sshd

SSHDIR="$WORK/ssh"
mkdir -p "$SSHDIR" "$WORK/ferry-config" "$WORK/logs"
ssh-keygen -q -t ed25519 -N '' -C ferry-bench-host -f "$SSHDIR/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -C ferry-bench-client -f "$SSHDIR/client_ed25519"
KEY="$SSHDIR/client_ed25519"
KH="$SSHDIR/known_hosts"
cp "$KEY.pub" "$SSHDIR/authorized_keys"
LOGIN="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p /run/sshd
  ROOT_LOGIN="prohibit-password"
else
  ROOT_LOGIN="no"
fi

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_sshd_config() {
  cat >"$SSHDIR/sshd_config" <<EOF
Port $1
ListenAddress 127.0.0.1
HostKey $SSHDIR/host_ed25519
PidFile none
UsePAM no
StrictModes no
AuthorizedKeysFile $SSHDIR/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowUsers $LOGIN
PermitRootLogin $ROOT_LOGIN
Subsystem sftp internal-sftp
Ciphers aes128-gcm@openssh.com
Compression no
UseDNS no
LogLevel ERROR
MaxStartups 200:30:400
MaxSessions 200
ClientAliveInterval 0
EOF
}

start_sshd() {
  local attempt i port
  for ((attempt = 0; attempt < 5; attempt++)); do
    port="$(free_port)"
    write_sshd_config "$port"
    /usr/sbin/sshd -t -f "$SSHDIR/sshd_config" || die "sshd -t rejected $SSHDIR/sshd_config"
    /usr/sbin/sshd -D -e -f "$SSHDIR/sshd_config" </dev/null >/dev/null 2>>"$SSHDIR/sshd.log" &
    SSHD_PID=$!
    for ((i = 0; i < 200; i++)); do
      kill -0 "$SSHD_PID" 2>/dev/null || break
      if port_open "$port"; then
        SSHD_PORT="$port"
        return 0
      fi
      sleep 0.05
    done
    stop_pid "$SSHD_PID"
    SSHD_PID=""
  done
  cat "$SSHDIR/sshd.log" >&2
  die "sshd did not start"
}

start_proxy() {
  local i
  "$PYTHON" "$HERE/delay_proxy.py" --target-port "$SSHD_PORT" --rtt-ms "$RTT_MS" \
    --port-file "$WORK/proxy.port" </dev/null >/dev/null 2>>"$WORK/logs/proxy.log" &
  PROXY_PID=$!
  for ((i = 0; i < 200; i++)); do
    if [ -s "$WORK/proxy.port" ]; then
      PROXY_PORT="$(cat "$WORK/proxy.port")"
      port_open "$PROXY_PORT" && return 0
    fi
    kill -0 "$PROXY_PID" 2>/dev/null || break
    sleep 0.05
  done
  cat "$WORK/logs/proxy.log" >&2
  die "delay proxy did not start"
}

SSHD_PORT=""
PROXY_PORT=""
start_sshd
HOSTKEY="$(cat "$SSHDIR/host_ed25519.pub")"
echo "[127.0.0.1]:$SSHD_PORT $HOSTKEY" >"$KH"
if [ "$NEED_PROXY" = 1 ]; then
  start_proxy
  echo "[127.0.0.1]:$PROXY_PORT $HOSTKEY" >>"$KH"
fi

# ---------------------------------------------------------------------------------------------
# Data

DATA="$WORK/data"
BIG="$DATA/big.bin"
TREE="$DATA/tree"
# Every run copies into folders of its own, $WORK/runs/RUN/up (uploads: the server side) and
# $WORK/runs/RUN/down (downloads: the client side). The trees stay until the end: on ext4 without a
# journal (as on these VMs), creating files in a folder made just after deleting thousands of files
# scans past the freed inodes on every create, which made a 2,000-file download take 1.5 s instead
# of 0.5 s (Ferry) and 3.0 s instead of 1.6 s (OpenSSH). That is the harness's own deletion, not the
# clients. A big file is one inode: it is deleted as soon as it has been checked (disk space).
BIG_BYTES=$((BIG_MB * 1024 * 1024))
SMALL_BYTES=$((SMALL_KB * 1024))

random_bytes() { # random_bytes N: N pseudo-random bytes on stdout (fast: AES-CTR of zeros)
  if command -v openssl >/dev/null; then
    local key iv
    key="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    iv="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    head -c "$1" /dev/zero | openssl enc -aes-128-ctr -K "$key" -iv "$iv"
  else
    head -c "$1" /dev/urandom
  fi
}

manifest() { # manifest DIR: sorted "sha256  ./path" of every file under DIR
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

echo "== making data in $DATA: ${BIG_MB} MiB file, $SMALL_COUNT x $SMALL_KB KiB files in $SMALL_DIRS folders"
mkdir -p "$TREE"
random_bytes "$BIG_BYTES" >"$BIG"
per=$((SMALL_COUNT / SMALL_DIRS))
extra=$((SMALL_COUNT % SMALL_DIRS))
for ((d = 0; d < SMALL_DIRS; d++)); do
  n=$per
  [ "$d" -lt "$extra" ] && n=$((n + 1))
  dir="$(printf '%s/d%02d' "$TREE" "$d")"
  mkdir -p "$dir"
  random_bytes $((n * SMALL_BYTES)) | split -b "$SMALL_BYTES" -a 5 -d --additional-suffix=.dat - "$dir/f"
done
BIG_SHA="$(sha256sum <"$BIG" | cut -d' ' -f1)"
manifest "$TREE" >"$WORK/tree.manifest"
[ "$(wc -l <"$WORK/tree.manifest")" -eq "$SMALL_COUNT" ] || die "made the wrong number of small files"
sync

# ---------------------------------------------------------------------------------------------
# One run

RESULTS="$WORK/results.tsv"
: >"$RESULTS"
FAILURES=0

verify_big() { # verify_big FILE -> "ok" or why not
  local f="$1" size
  [ -f "$f" ] || { echo "missing $f"; return; }
  size="$(stat -c %s "$f")"
  [ "$size" -eq "$BIG_BYTES" ] || { echo "size $size, expected $BIG_BYTES"; return; }
  [ "$(sha256sum <"$f" | cut -d' ' -f1)" = "$BIG_SHA" ] || { echo "sha256 differs"; return; }
  echo ok
}

verify_tree() { # verify_tree DIR -> "ok" or why not
  local d="$1" got
  [ -d "$d" ] || { echo "missing folder $d"; return; }
  got="$WORK/got.manifest"
  manifest "$d" >"$got"
  if ! cmp -s "$got" "$WORK/tree.manifest"; then
    echo "tree differs ($(wc -l <"$got") of $SMALL_COUNT files, $(diff "$got" "$WORK/tree.manifest" | grep -c '^[<>]') differing lines)"
    return
  fi
  echo ok
}

run_one() { # run_one LINK SCENARIO TOOL PAIR
  local link="$1" scenario="$2" tool="$3" pair="$4" port url batch log rssf t0 t1 rc secs verdict rss bytes
  bytes="$BIG_BYTES"
  [[ "$scenario" == small-* ]] && bytes=$((SMALL_COUNT * SMALL_BYTES))
  port="$SSHD_PORT"
  [ "$link" = rtt ] && port="$PROXY_PORT"
  url="sftp://$LOGIN@127.0.0.1:$port"
  log="$WORK/logs/$link-$scenario-$tool-$pair.log"
  rssf="$WORK/logs/$link-$scenario-$tool-$pair.rss"
  batch="$WORK/batch"

  local UP="$WORK/runs/$link-$scenario-$tool-$pair/up" DOWN="$WORK/runs/$link-$scenario-$tool-$pair/down"
  mkdir -p "$UP" "$DOWN"
  sync

  local -a cmd
  if [ "$tool" = ferry ]; then
    cmd=("$FERRY" --known-hosts "$KH" --config-dir "$WORK/ferry-config" --no-agent -i "$KEY")
    case "$scenario" in
      big-up) cmd+=(put "${FERRY_EXTRA[@]}" "$BIG" "$url$UP/") ;;
      big-down) cmd+=(get "${FERRY_EXTRA[@]}" "$url$BIG" "$DOWN/") ;;
      small-up) cmd+=(put -r "${FERRY_EXTRA[@]}" "$TREE" "$url$UP/") ;;
      small-down) cmd+=(get -r "${FERRY_EXTRA[@]}" "$url$TREE" "$DOWN/") ;;
    esac
  else
    case "$scenario" in
      big-up) printf 'put "%s" "%s"\n' "$BIG" "$UP/big.bin" ;;
      big-down) printf 'get "%s" "%s"\n' "$BIG" "$DOWN/big.bin" ;;
      small-up) printf 'put -r "%s" "%s"\n' "$TREE" "$UP/tree" ;; # $UP exists, $UP/tree not yet
      small-down) printf 'get -r "%s" "%s"\n' "$TREE" "$DOWN/tree" ;;
    esac >"$batch"
    cmd=(sftp -q -F /dev/null -b "$batch" -P "$port" -i "$KEY"
      -o UserKnownHostsFile="$KH" -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes
      -o Ciphers=aes128-gcm@openssh.com -o BatchMode=yes -o IdentitiesOnly=yes
      "$LOGIN@127.0.0.1")
  fi

  rc=0
  t0="$(date +%s.%N)"
  # In the background + wait, so that Ctrl-C reaches this script's trap at once (cleanup stops it).
  env -u SSH_AUTH_SOCK /usr/bin/time -f %M -o "$rssf" \
    timeout -k 10 "$RUN_TIMEOUT" "${cmd[@]}" </dev/null >"$log" 2>&1 &
  RUN_PID=$!
  wait "$RUN_PID" || rc=$?
  t1="$(date +%s.%N)"
  RUN_PID=""
  secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
  rss="$(tail -n 1 "$rssf" 2>/dev/null || true)"
  is_uint "$rss" || rss=-1

  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    verdict="timed out after ${RUN_TIMEOUT}s"
  elif [ "$rc" -ne 0 ]; then
    verdict="exit status $rc"
  else
    case "$scenario" in
      big-up) verdict="$(verify_big "$UP/big.bin")" ;;
      big-down) verdict="$(verify_big "$DOWN/big.bin")" ;;
      small-up) verdict="$(verify_tree "$UP/tree")" ;;
      small-down) verdict="$(verify_tree "$DOWN/tree")" ;;
    esac
  fi

  [[ "$scenario" == big-* ]] && rm -rf "$WORK/runs/$link-$scenario-$tool-$pair"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$link" "$scenario" "$tool" "$pair" "$rc" "$verdict" "$secs" "$rss" >>"$RESULTS"
  if [ "$verdict" = ok ]; then
    printf '  %-8s %-10s %-7s run %d: %8.2f s %9.1f MB/s\n' "$link" "$scenario" "$tool" "$pair" "$secs" \
      "$(awk -v b="$bytes" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')"
  else
    FAILURES=$((FAILURES + 1))
    {
      echo
      echo "!!!!!!!! FAILED: $link $scenario $tool run $pair: $verdict ($secs s)"
      echo "!!!!!!!! command: ${cmd[*]}"
      echo "!!!!!!!! last lines of its output:"
      tail -n 20 "$log" | sed 's/^/    /'
      echo
    } >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# All runs

echo "== sshd on 127.0.0.1:$SSHD_PORT${PROXY_PORT:+, delay proxy (+${RTT_MS} ms RTT) on 127.0.0.1:$PROXY_PORT}"
echo "== Ferry: $FERRY ${FERRY_ARGS:+(FERRY_ARGS: $FERRY_ARGS)}"
echo "== OpenSSH: $(ssh -V 2>&1)"
echo "== $PAIRS pairs per scenario, Ferry then OpenSSH"
for link in "${LINK_LIST[@]}"; do
  for scenario in "${SCENARIO_LIST[@]}"; do
    for ((pair = 1; pair <= PAIRS; pair++)); do
      run_one "$link" "$scenario" ferry "$pair"
      run_one "$link" "$scenario" openssh "$pair"
    done
  done
done
rm -rf "$WORK/runs"

echo
echo "Ferry vs OpenSSH sftp: ${BIG_MB} MiB file, $SMALL_COUNT x $SMALL_KB KiB files, $PAIRS pairs," \
  "aes128-gcm, $(nproc) CPUs${FERRY_ARGS:+, FERRY_ARGS=\"$FERRY_ARGS\"}"
echo
"$PYTHON" "$HERE/report.py" "$RESULTS" --big-bytes "$BIG_BYTES" \
  --small-bytes $((SMALL_COUNT * SMALL_BYTES)) --rtt-ms "$RTT_MS"
if [ "$FAILURES" -gt 0 ]; then
  echo
  echo "!!!!!!!! $FAILURES run(s) FAILED (see above); their times are not in the medians" >&2
  exit 1
fi
