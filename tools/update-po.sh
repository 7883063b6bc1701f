#!/bin/sh
# update-po.sh: extracts every _(), N_() and T() (offline copy) message into po/krisenfest.pot and merges it into po/de.po.
set -eu
cd "$(dirname "$0")/.."
files=$(find src -name '*.c' -o -name '*.h' -o -name '*.def' | LC_ALL=C sort)
xgettext --from-code=UTF-8 --language=C -k_:2 -kN_ -kT --add-comments=TRANSLATORS: \
	--package-name=krisenfest --no-wrap --sort-by-file -o po/krisenfest.pot $files
msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap po/de.po po/krisenfest.pot
