#!/usr/bin/env bash
# Builds Ferry from source and starts it, on a fresh Debian/Ubuntu machine: installs the system
# libraries the window needs (with sudo when not root), builds in release mode, runs `ferry`.
# Extra arguments go to ferry (e.g. `ls sftp://host/path`).
set -euo pipefail
cd "$(dirname "$0")/../.."

packages=(pkg-config libxkbcommon-x11-0 libx11-6 libxcursor1 libxrandr2 libxi6 libwayland-client0 libvulkan1 mesa-vulkan-drivers libgl1 fonts-dejavu-core openssh-client)
# shellcheck source=../lib/apt.sh
source packaging/lib/apt.sh
apt_need "${packages[@]}"
if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust (https://rustup.rs) and run this again" >&2
  exit 1
fi
cargo build --release --locked
exec ./target/release/ferry "$@"
