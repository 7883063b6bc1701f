#!/bin/sh
# import.sh: wall time of `krisenfest import` (the whole command: read the JSON,
# check every value and reference, create every item with its history in one
# transaction) for the demo company and for a large plan (200 systems,
# 300 risks, 150 contacts, 1,000 runbook steps, made by
# tests/tools/handbook_render --json --large), each into a fresh organisation.
#   bench/import.sh [BUILD_DIR]      (default: build)
set -eu
build=${1:-build}
kf=$build/krisenfest
tool=$build/tests/unit/handbook_render
[ -x "$kf" ] && [ -x "$tool" ] || { echo "build first: ninja -C $build" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kf-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

"$kf" init --demo --data "$tmp/data" >/dev/null 2>&1
"$kf" export json --data "$tmp/data" --org 1 --draft -o "$tmp/demo.json" 2>/dev/null
"$tool" --json --large 200 300 150 1000 "$tmp/large.json" >/dev/null

run() { # NAME FILE: three imports, each into a new organisation
	for i in 1 2 3; do
		org=$("$kf" org add --data "$tmp/data" --name "$1 $i" | grep -Eo '[0-9]+' | head -n 1)
		t0=$(date +%s%N)
		out=$("$kf" import --data "$tmp/data" --org "$org" "$2")
		t1=$(date +%s%N)
		printf '  %-12s %5d ms, %4d items, %5d KB of JSON\n' "$1" $(((t1 - t0) / 1000000)) \
			"$(echo "$out" | grep -Eo '^[0-9]+')" $(($(wc -c <"$2") / 1024))
	done
}
echo "krisenfest import (wall time of the whole command):"
run demo "$tmp/demo.json"
run large "$tmp/large.json"
