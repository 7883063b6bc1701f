#!/bin/sh
# install-deps.sh: installs the Debian packages krisenfest needs (build, or build + test) when they are missing.
set -eu
build_pkgs="build-essential pkg-config meson ninja-build python3 gettext libmicrohttpd-dev libjansson-dev libsqlite3-dev libsodium-dev libgraphviz-dev libmd4c-dev libcurl4-openssl-dev libpango1.0-dev libcairo2-dev libfontconfig-dev fonts-dejavu-core libssl-dev libqrencode-dev libical-dev libxlsxwriter-dev hyphen-de"
test_pkgs="libcmocka-dev curl jq sqlite3 tidy clang libclang-rt-14-dev chromium poppler-utils qpdf zbar-tools python3-cryptography python3-vobject python3-icalendar python3-openpyxl"
case "${1:-build}" in
build) want="$build_pkgs" ;;
test) want="$build_pkgs $test_pkgs" ;;
*) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ "${1:-build}" = test ] && ! { command -v node && command -v npm; } >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "krisenfest needs these Debian packages:$missing" >&2
	echo "install them with: sudo apt-get install$missing" >&2
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
