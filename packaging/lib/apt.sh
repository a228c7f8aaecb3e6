# shellcheck shell=bash
# Sourced by Ferry's scripts (tests/run.sh, packaging/linux/*.sh, assets/*.sh): installs the Debian
# packages a script needs, once, only those missing. Uses sudo when not root.
#
#   source "$repo/packaging/lib/apt.sh"
#   apt_need openssh-server xvfb ...      # installs what is not installed yet, quietly
#   apt_missing pkg ...                   # prints the ones not installed (nothing when all are)

apt_missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

apt_need() {
  local missing sudo=""
  mapfile -t missing < <(apt_missing "$@")
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
