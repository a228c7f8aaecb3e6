#!/usr/bin/env bash
# Builds Ferry's Debian package (.deb) with cargo-deb, from [package.metadata.deb] in Cargo.toml:
# /usr/bin/ferry, the desktop entry, the AppStream metainfo, the hicolor icons, the man pages and
# the bash, zsh and fish completions (made by the built binary: `ferry man`, `ferry completions`,
# into target/generated/); Depends from the libraries the binary links (dpkg-shlibdeps) plus the
# ones the window toolkit loads at run time.
#
#   bash packaging/linux/build-deb.sh            # release build (what users install)
#   bash packaging/linux/build-deb.sh --debug    # package the dev-profile binary instead; the
#                                                # same as FERRY_DEB_PROFILE=dev
#   ... --no-build                               # package the binary already built for that profile
#                                                # (tests/run.sh: the one `cargo test` built)
#   sudo apt install ./target/debian/ferry_*.deb
#
# Installs what it needs when missing: dpkg-dev (apt-get; root or sudo) and cargo-deb (cargo install
# --locked, once, into $CARGO_TARGET_DIR/tools or target/tools; about 2 minutes on 2 cores).
# Prints the .deb's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/../.."

CARGO_DEB_VERSION=3.8.0
profile=${FERRY_DEB_PROFILE:-release}
build=1
for arg in "$@"; do
  case "$arg" in
    --debug | --dev) profile=dev ;;
    --release) profile=release ;;
    --profile=*) profile=${arg#--profile=} ;;
    --no-build) build="" ;;
    -h | --help)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build-deb.sh: unknown option $arg (use --debug, --release or --profile=NAME)" >&2
      exit 2
      ;;
  esac
done
[ "$profile" = debug ] && profile=dev

if ! command -v cargo >/dev/null; then
  echo "cargo not found: install Rust (https://rustup.rs) and run this again" >&2
  exit 1
fi

# dpkg-shlibdeps (for Depends: $auto) and dpkg-deb come from dpkg-dev.
# shellcheck source=../lib/apt.sh
source packaging/lib/apt.sh
command -v dpkg-shlibdeps >/dev/null || apt_need dpkg-dev

target_dir=${CARGO_TARGET_DIR:-target}
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
tools="$target_dir/tools"
if ! "$tools/bin/cargo-deb" --version 2>/dev/null | grep -qF " $CARGO_DEB_VERSION"; then
  echo "== installing cargo-deb $CARGO_DEB_VERSION into $tools (once)"
  # Its own temporary target dir: the tool's build must not mix with Ferry's. A quick build
  # (no LTO, opt-level 1): 45 s instead of 2 min on two cores, and it packs Ferry as fast (13.7 s
  # either way for the debug .deb).
  env -u CARGO_TARGET_DIR CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_DEBUG=0 \
    cargo install --quiet --locked --root "$tools" --version "$CARGO_DEB_VERSION" cargo-deb
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
arch=$(dpkg --print-architecture)
out="$target_dir/debian"
mkdir -p "$out"
deb="$out/ferry_${version}-1_${arch}.deb"
rm -f "$deb"
bin="$target_dir/$([ "$profile" = dev ] && echo debug || echo "$profile")/ferry"
if [ -n "$build" ]; then
  echo "== cargo build --profile $profile --locked"
  cargo build --profile "$profile" --locked --bin ferry
fi
[ -x "$bin" ] || { echo "build-deb.sh: $bin is not built" >&2; exit 1; }

# The man pages and completions come from the binary itself, so they match its options. The path
# is the one [package.metadata.deb] assets name (relative to the repository, whatever the target
# dir).
gen=target/generated
rm -rf "$gen"
mkdir -p "$gen/man" "$gen/completions"
"$bin" man --dir "$gen/man"
gzip -9n "$gen/man"/*.1
"$bin" completions bash >"$gen/completions/ferry.bash"
"$bin" completions zsh >"$gen/completions/_ferry"
"$bin" completions fish >"$gen/completions/ferry.fish"

# cargo-deb strips the binary and writes the package. It warns that a dev profile is meant for
# testing only.
echo "== cargo deb --no-build (profile $profile: $bin)"
PATH="$tools/bin:$PATH" cargo deb --no-build --profile "$profile" --output "$deb"
test -s "$deb"
echo "$deb"
