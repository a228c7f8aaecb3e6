#!/usr/bin/env bash
# Runs Ferry's whole test suite on a fresh Debian/Ubuntu machine: installs the system packages the
# tests need (real OpenSSH servers, key tools), checks formatting and lints, then runs every test.
# Needs root or sudo for apt-get; the tests start their own servers on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

# The GUI end-to-end test drives the real window under Xvfb with xdotool and screenshots it.
packages=(openssh-server openssh-client openssh-sftp-server passwd procps
  xvfb xdotool imagemagick fonts-dejavu-core)
# The keyring tests run a private D-Bus session with gnome-keyring's Secret Service.
packages+=(gnome-keyring libsecret-tools dbus dbus-x11)
# The keys tests convert keys to PuTTY's .ppk format with puttygen.
packages+=(putty-tools)
# The interop matrix starts dropbear (with OpenSSH's sftp-server) and ProFTPD's mod_sftp, each
# with its own config; Debian's policy-rc.d (or no init) keeps the packaged daemons from starting.
packages+=(dropbear-bin proftpd-core proftpd-mod-crypto)
# The fault tests make a network namespace with tc/iptables (loss, bandwidth), mount a tmpfs and
# an ext4 image (full disks) and run ferry as another user (setpriv).
packages+=(iproute2 iptables e2fsprogs mount util-linux)
# The hostile-server tests run an AsyncSSH server from a venv: python3 needs venv + ensurepip
# (Debian's python3-venv), unless the python3 on PATH already has them (e.g. pyenv's).
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  packages+=(python3 python3-venv)
fi
# shellcheck source=../packaging/lib/apt.sh
source packaging/lib/apt.sh
apt_need "${packages[@]}"

if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust (https://rustup.rs) and run this again" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --locked --workspace --all-targets -- -D warnings
echo "== Python venv for the hostile and interop SFTP servers (target/test-venv, asyncssh 2.24, paramiko 5.1)"
venv=target/test-venv
python=python3
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || python=/usr/bin/python3
if ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import asyncssh, sys; sys.exit(not asyncssh.__version__.startswith("2.24."))' >/dev/null 2>&1; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'asyncssh==2.24.*'
fi
if ! "$venv/bin/python" -c 'import paramiko, sys; sys.exit(not paramiko.__version__.startswith("5.1."))' >/dev/null 2>&1; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'paramiko==5.1.*'
fi
export FERRY_TEST_PYTHON="$PWD/$venv/bin/python"

echo "== cargo test"
export ICED_TEST_BACKEND=tiny-skia
# cargo-nextest (on these machines) runs the tests of all binaries side by side, each in its own
# process: 156 s here where `cargo test`, one binary after another, takes 188 s.
runner=(test)
if cargo nextest --version >/dev/null 2>&1; then
  runner=(nextest run --no-fail-fast)
fi
cargo "${runner[@]}" --locked --workspace --all-targets

echo "== packaging: the .deb installs, runs and removes cleanly; the workflows lint"
bash packaging/linux/check-deb.sh --no-build
bash packaging/check-workflows.sh
