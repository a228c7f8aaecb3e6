#!/usr/bin/env bash
# Builds Ferry from source and starts it, on a fresh Debian/Ubuntu machine: installs the system
# libraries the window needs (with sudo when not root), builds in release mode, runs `ferry`.
# Extra arguments go to ferry (e.g. `ls sftp://host/path`).
set -euo pipefail
cd "$(dirname "$0")/../.."

packages=(pkg-config libxkbcommon-x11-0 libx11-6 libxcursor1 libxrandr2 libxi6 libwayland-client0 libvulkan1 mesa-vulkan-drivers libgl1 fonts-dejavu-core openssh-client)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust (https://rustup.rs) and run this again" >&2
  exit 1
fi
cargo build --release --locked
exec ./target/release/ferry "$@"
