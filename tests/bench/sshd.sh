# shellcheck shell=bash
# Shared by the benchmarks that need a private OpenSSH sshd (rm.sh, sync.sh): sourced, not run.
# Expects HERE, PYTHON and BENCH_NAME. `tree_options` reads the options they share; `start_sshd`
# makes WORK (removed on exit), starts sshd on a free port of 127.0.0.1 (and, when RTT_MS is not
# 0, delay_proxy.py in front of it), both stopped by PID on exit, and sets KEY, KH (known_hosts),
# LOGIN, PORT and LINKS ("name:port" for each link to time).

die() {
  echo "bench-$BENCH_NAME: $*" >&2
  exit 2
}

# tree_options ARGS...: --files, --dirs, --pairs, --rtt-ms into FILES, DIRS, PAIRS, RTT_MS (set
# to their defaults first); -h prints the script's header.
tree_options() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --files) FILES="$2"; shift 2 ;;
      --dirs) DIRS="$2"; shift 2 ;;
      --pairs) PAIRS="$2"; shift 2 ;;
      --rtt-ms) RTT_MS="$2"; shift 2 ;;
      -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown option $1" ;;
    esac
  done
  for n in "$FILES" "$DIRS" "$PAIRS" "$RTT_MS"; do
    [[ "$n" =~ ^[0-9]+$ ]] || die "not a number: $n"
  done
  [ "$DIRS" -ge 1 ] || die "--dirs must be at least 1"
}

# start_sshd: the server (and the delay proxy), as the header says.
start_sshd() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench-$BENCH_NAME.XXXXXX")"
  chmod 755 "$WORK"
  SSHD_PID=""
  PROXY_PID=""
  stop_pid() {
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
    local status=$?
    trap - EXIT INT TERM
    [ -n "$PROXY_PID" ] && stop_pid "$PROXY_PID"
    [ -n "$SSHD_PID" ] && stop_pid "$SSHD_PID"
    rm -rf "$WORK"
    exit "$status"
  }
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  SSHDIR="$WORK/ssh"
  mkdir -p "$SSHDIR" "$WORK/ferry-config"
  ssh-keygen -q -t ed25519 -N '' -f "$SSHDIR/host_ed25519"
  ssh-keygen -q -t ed25519 -N '' -f "$SSHDIR/client_ed25519"
  KEY="$SSHDIR/client_ed25519"
  KH="$SSHDIR/known_hosts"
  cp "$KEY.pub" "$SSHDIR/authorized_keys"
  LOGIN="$(id -un)"
  ROOT_LOGIN=no
  if [ "$(id -u)" -eq 0 ]; then mkdir -p /run/sshd; ROOT_LOGIN=prohibit-password; fi
  PORT="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  cat >"$SSHDIR/sshd_config" <<CFG
Port $PORT
ListenAddress 127.0.0.1
HostKey $SSHDIR/host_ed25519
PidFile none
UsePAM no
StrictModes no
AuthorizedKeysFile $SSHDIR/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowUsers $LOGIN
PermitRootLogin $ROOT_LOGIN
Subsystem sftp internal-sftp
Ciphers aes128-gcm@openssh.com
LogLevel ERROR
CFG
  /usr/sbin/sshd -D -e -f "$SSHDIR/sshd_config" </dev/null >/dev/null 2>>"$SSHDIR/sshd.log" &
  SSHD_PID=$!
  for ((i = 0; i < 200; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    sleep 0.05
  done
  echo "[127.0.0.1]:$PORT $(cat "$SSHDIR/host_ed25519.pub")" >"$KH"

  LINKS=("loopback:$PORT")
  if [ "$RTT_MS" -gt 0 ]; then
    "$PYTHON" "$HERE/delay_proxy.py" --target-port "$PORT" --rtt-ms "$RTT_MS" \
      --port-file "$WORK/proxy.port" </dev/null >/dev/null 2>"$WORK/proxy.log" &
    PROXY_PID=$!
    for ((i = 0; i < 200; i++)); do [ -s "$WORK/proxy.port" ] && break; sleep 0.05; done
    PPORT="$(cat "$WORK/proxy.port")"
    echo "[127.0.0.1]:$PPORT $(cat "$SSHDIR/host_ed25519.pub")" >>"$KH"
    LINKS+=("rtt-${RTT_MS}ms:$PPORT")
  fi
}
