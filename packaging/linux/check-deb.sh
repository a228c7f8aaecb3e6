#!/usr/bin/env bash
# Checks Ferry's Linux packaging end to end on this Debian/Ubuntu machine (tests/run.sh calls it
# after the tests; needs root or sudo):
#   1. validates the sources: desktop-file-validate packaging/linux/ferry.desktop and
#      appstreamcli validate --no-net on the AppStream metainfo;
#   2. builds the .deb from the dev-profile binary (packaging/linux/build-deb.sh --debug; with
#      --no-build, as tests/run.sh passes, from the binary the test run built) and checks its
#      control fields;
#   3. installs it with dpkg -i (first apt-getting the packages it Depends on), then checks
#      /usr/bin/ferry --version, the desktop entry, the metainfo and every hicolor icon, the man
#      pages and the bash, zsh and fish completions, and validates the installed desktop entry
#      and metainfo;
#   4. removes the package again (dpkg -r, also when a check fails), leaving the machine as it was.
# Installs desktop-file-utils, appstream and dpkg-dev when missing, as tests/run.sh does.
# Refuses to run when a ferry package is installed already (it would be replaced, then removed),
# except under CI=true, where it replaces it. Takes about a minute after the tests' build.
set -euo pipefail
cd "$(dirname "$0")/../.."

build_args=(--debug)
for arg in "$@"; do
  case "$arg" in
    --no-build) build_args+=(--no-build) ;;
    *)
      echo "check-deb.sh: unknown option $arg (only --no-build)" >&2
      exit 2
      ;;
  esac
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# shellcheck source=../lib/apt.sh
source packaging/lib/apt.sh
apt_need desktop-file-utils appstream dpkg-dev

fail() {
  echo "check-deb: FAILED: $*" >&2
  exit 1
}

id=io.github.ferry.Ferry
desktop=packaging/linux/ferry.desktop
metainfo=packaging/linux/$id.metainfo.xml
sizes=(16 24 32 48 64 128 256 512)

echo "== desktop-file-validate $desktop"
desktop-file-validate "$desktop"
# Search keywords promise only what Ferry speaks: SFTP over SSH (no scp, no ftp yet).
for word in scp ftp; do
  if grep -E "^Keywords=" "$desktop" | tr ';' '\n' | grep -qx "$word"; then
    fail "$desktop: Keywords lists '$word', which Ferry does not speak"
  fi
done
echo "== appstreamcli validate --no-net $metainfo"
appstreamcli validate --no-net "$metainfo"

if dpkg-query -W -f='${Status}' ferry 2>/dev/null | grep -q "install ok installed"; then
  if [ "${CI:-}" != true ]; then
    fail "a ferry package is installed already ($(dpkg-query -W -f='${Version}' ferry)); remove it first (sudo dpkg -r ferry)"
  fi
  echo "== CI: replacing the ferry package installed already"
fi

echo "== build the .deb (debug profile)"
deb=$(bash packaging/linux/build-deb.sh "${build_args[@]}" | tail -n 1)
echo "$deb"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ "$(dpkg-deb -f "$deb" Package)" = ferry ] || fail "package name is not ferry"
[ "$(dpkg-deb -f "$deb" Version)" = "$version-1" ] || fail "package version is not $version-1"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
case "$depends" in *libc6*) ;; *) fail "Depends lacks libc6 (dpkg-shlibdeps did not run?)" ;; esac
dpkg-deb -c "$deb" | grep -q ' \./usr/bin/ferry$' || fail "the .deb has no /usr/bin/ferry"

# dpkg -i does not fetch dependencies: install them first (the first of any alternatives).
deps=()
IFS=',' read -ra clauses <<<"$depends"
for clause in "${clauses[@]}"; do
  first=${clause%%|*}
  name=$(echo "$first" | sed 's/(.*)//; s/[[:space:]]//g')
  [ -n "$name" ] && deps+=("$name")
done
apt_need "${deps[@]}"

installed=""
cleanup() {
  if [ -n "$installed" ]; then
    echo "== dpkg -r ferry"
    $sudo dpkg -r ferry >/dev/null
  fi
}
trap cleanup EXIT

echo "== dpkg -i $(basename "$deb")"
$sudo dpkg -i "$deb" >/dev/null
installed=1
dpkg-query -W -f='${Status}' ferry | grep -q "install ok installed" || fail "dpkg does not list ferry as installed"

echo "== /usr/bin/ferry --version"
[ -x /usr/bin/ferry ] || fail "/usr/bin/ferry missing or not executable"
got=$(/usr/bin/ferry --version)
echo "$got"
[ "$got" = "ferry $version" ] || fail "/usr/bin/ferry --version says '$got', expected 'ferry $version'"

echo "== desktop entry, metainfo and icons"
for f in /usr/share/applications/ferry.desktop /usr/share/metainfo/$id.metainfo.xml \
  /usr/share/icons/hicolor/scalable/apps/ferry.svg; do
  [ -s "$f" ] || fail "$f not installed"
  echo "ok $f"
done
for n in "${sizes[@]}"; do
  f=/usr/share/icons/hicolor/${n}x${n}/apps/ferry.png
  [ -s "$f" ] || fail "$f not installed"
  # the PNG header's width and height (bytes 17-24, big-endian) must be the folder's size
  dims=$(od -An -tu1 -j16 -N8 "$f" | awk '{print $2*65536+$3*256+$4, $6*65536+$7*256+$8}')
  [ "$dims" = "$n $n" ] || fail "$f is $dims, not ${n}x${n}"
  echo "ok $f"
done
cmp -s "$desktop" /usr/share/applications/ferry.desktop || fail "installed desktop entry differs from $desktop"
desktop-file-validate /usr/share/applications/ferry.desktop
appstreamcli validate --no-net /usr/share/metainfo/$id.metainfo.xml >/dev/null
grep -q '^Exec=ferry ' /usr/share/applications/ferry.desktop || fail "desktop entry does not run ferry"
grep -q '^Icon=ferry$' /usr/share/applications/ferry.desktop || fail "desktop entry's icon is not ferry"

echo "== man pages and shell completions"
for f in /usr/share/man/man1/ferry.1.gz /usr/share/man/man1/ferry-rm.1.gz \
  /usr/share/bash-completion/completions/ferry /usr/share/zsh/vendor-completions/_ferry \
  /usr/share/fish/vendor_completions.d/ferry.fish; do
  [ -s "$f" ] || fail "$f not installed"
  echo "ok $f"
done
gzip -dc /usr/share/man/man1/ferry.1.gz | grep -q '^\.TH ferry 1' || fail "ferry.1.gz is not a man page"
gzip -dc /usr/share/man/man1/ferry-rm.1.gz | grep -q 'recursive' || fail "ferry-rm.1.gz does not document -r"
grep -q 'complete -F _ferry' /usr/share/bash-completion/completions/ferry || fail "bash completion does not complete ferry"
grep -q '^#compdef ferry' /usr/share/zsh/vendor-completions/_ferry || fail "zsh completion is not for ferry"
grep -q 'complete -c ferry' /usr/share/fish/vendor_completions.d/ferry.fish || fail "fish completion is not for ferry"
# bash itself loads the completion and knows the file commands.
bash -c 'source /usr/share/bash-completion/completions/ferry && COMP_WORDS=(ferry mk); COMP_CWORD=1; _ferry ferry mk ferry && printf "%s\n" "${COMPREPLY[@]}"' | grep -qx mkdir \
  || fail "bash completion does not offer mkdir for 'ferry mk'"

cleanup
installed=""
dpkg-query -W -f='${Status}' ferry 2>/dev/null | grep -q "install ok installed" && fail "ferry still installed after dpkg -r"
[ ! -e /usr/bin/ferry ] || fail "/usr/bin/ferry left behind after dpkg -r"
echo "check-deb: the .deb installs, runs and removes cleanly"
