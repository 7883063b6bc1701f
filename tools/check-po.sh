#!/bin/sh
# check-po.sh: fails when a UI text of the sources has no German translation (or one marked fuzzy).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=$(find src -name '*.c' -o -name '*.h' -o -name '*.def' | LC_ALL=C sort)
xgettext --from-code=UTF-8 --language=C -k_:2 -kN_ --no-wrap -o "$tmp/current.pot" $files
msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/de.po" po/de.po "$tmp/current.pot"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/de.po" 2>&1)
echo "po/de.po: $stats"
case "$stats" in
*untranslated*|*fuzzy*)
	echo "check-po: German translations are missing; run tools/update-po.sh and translate po/de.po" >&2
	msgattrib --untranslated --no-wrap "$tmp/de.po" | grep '^msgid' | head -20 >&2
	exit 1 ;;
esac
