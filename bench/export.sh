#!/bin/sh
# export.sh: render time and page count of the handbook PDF for a large plan
# (200 systems, 300 risks, 150 contacts, 1,000 runbook steps) and for the demo
# company, then the time and size of every export kind of the demo company
# through `krisenfest export` (the whole command: open the database, load, render, write).
#   bench/export.sh [BUILD_DIR]      (default: build)
# The large plan is generated in memory by tests/tools/handbook_render.c --large:
# the renderer is pure (it reads only the plan document), so no database is needed
# for its timing. Target: about one second.
set -eu
build=${1:-build}
tool=$build/tests/unit/handbook_render
[ -x "$tool" ] || { echo "build first: ninja -C $build" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kf-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "large plan (200 systems, 300 risks, 150 contacts, 1000 runbook steps):"
for i in 1 2 3; do
	"$tool" --large 200 300 150 1000 "$tmp/large.pdf" | awk '$1 == "ms" { ms = $2 } $1 == "cpu_ms" { cpu = $2 } $1 == "pages" { p = $2 } $1 == "bytes" { b = $2 }
		END { printf "  render %s ms (CPU %s ms), %s pages, %d KB\n", ms, cpu, p, b / 1024 }'
done
"$build/krisenfest" init --demo --data "$tmp/data" >/dev/null 2>&1
echo "demo company (Muster Metallbau GmbH):"
"$tool" "$tmp/data/krisenfest.db" 1 "$tmp/demo.pdf" | awk '$1 == "ms" { ms = $2 } $1 == "cpu_ms" { cpu = $2 } $1 == "pages" { p = $2 }
	END { printf "  render %s ms (CPU %s ms), %s pages\n", ms, cpu, p }'
echo "every export of the demo company (krisenfest export KIND, wall time of the whole command):"
printf '%s\n' "demo passphrase 12+ chars" >"$tmp/pass"
for kind in $("$build/krisenfest" export --list | awk '{ print $1 }'); do
	extra=""
	[ "$kind" = card.pdf ] && extra="--base-url https://plan.example.de"
	t0=$(date +%s%N)
	# shellcheck disable=SC2086
	"$build/krisenfest" export "$kind" --data "$tmp/data" --org 1 --draft -o "$tmp/out" $extra 2>/dev/null
	t1=$(date +%s%N)
	pages=""
	case $kind in *.pdf) pages=", $(pdfinfo "$tmp/out" 2>/dev/null | awk '/^Pages:/ { print $2 }') pages" ;; esac
	printf '  %-22s %5d ms, %6d KB%s\n' "$kind" $(((t1 - t0) / 1000000)) $(($(wc -c <"$tmp/out") / 1024)) "$pages"
done
t0=$(date +%s%N)
"$build/krisenfest" export offline.html --data "$tmp/data" --org 1 --draft --passphrase-file "$tmp/pass" -o "$tmp/out" 2>/dev/null
t1=$(date +%s%N)
printf '  %-22s %5d ms, %6d KB\n' "offline.html (sealed)" $(((t1 - t0) / 1000000)) $(($(wc -c <"$tmp/out") / 1024))
