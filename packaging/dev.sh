#!/usr/bin/env bash
# The one entry point for Ferry's developer scripts. Each installs what it needs (Debian packages
# through packaging/lib/apt.sh, with sudo when not root).
#
#   bash packaging/dev.sh run [ARGS]        build a release binary and start it (README's first command)
#   bash packaging/dev.sh test              the whole test suite (tests/run.sh, what CI runs)
#   bash packaging/dev.sh deb [--debug]     build the .deb (packaging/linux/build-deb.sh)
#   bash packaging/dev.sh check-deb         build, install, check and remove the .deb
#   bash packaging/dev.sh check-workflows   lint the GitHub workflows and the shell scripts
#   bash packaging/dev.sh icons             regenerate the app icons from assets/*.svg
#   bash packaging/dev.sh fonts             regenerate the embedded CJK font subsets
#   bash packaging/dev.sh bench [OPTIONS]   Ferry vs OpenSSH's sftp (tests/bench/run.sh --help)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

command=${1:-help}
[ $# -eq 0 ] || shift
case "$command" in
  run) exec bash "$repo/packaging/linux/run-from-source.sh" "$@" ;;
  test) exec bash "$repo/tests/run.sh" "$@" ;;
  deb) exec bash "$repo/packaging/linux/build-deb.sh" "$@" ;;
  check-deb) exec bash "$repo/packaging/linux/check-deb.sh" "$@" ;;
  check-workflows) exec bash "$repo/packaging/check-workflows.sh" "$@" ;;
  icons) exec bash "$repo/assets/make-icons.sh" "$@" ;;
  fonts) exec bash "$repo/assets/fonts/make-cjk-subset.sh" "$@" ;;
  bench) exec bash "$repo/tests/bench/run.sh" "$@" ;;
  help | -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *)
    echo "packaging/dev.sh: unknown command '$command' (try: bash packaging/dev.sh help)" >&2
    exit 2
    ;;
esac
