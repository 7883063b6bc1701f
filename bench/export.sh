#!/bin/sh
# export.sh: render time and page count of the handbook PDF for a large plan
# (200 systems, 300 risks, 150 contacts, 1,000 runbook steps) and for the demo company.
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
