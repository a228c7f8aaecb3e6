#!/usr/bin/env bash
# Runs Ferry's whole test suite on a fresh Debian/Ubuntu machine: installs the system packages the
# tests need (real OpenSSH servers, key tools), checks formatting and lints, then runs every test.
# Needs root or sudo for apt-get; the tests start their own servers on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(openssh-server openssh-client openssh-sftp-server passwd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust (https://rustup.rs) and run this again" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --locked --all-targets -- -D warnings
echo "== cargo test"
cargo test --locked --all-targets
