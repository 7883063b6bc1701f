#!/bin/sh
# run.sh: runs every libFuzzer target of BUILD_DIR for a bounded time on the seed corpus; non-zero exit on a crash.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]   (build with: CC=clang meson setup BUILD_DIR -Dfuzz=true -Db_lundef=false)
set -u

build=${1:?usage: run.sh BUILD_DIR [SECONDS]}
secs=${2:-20}
here=$(cd "$(dirname "$0")" && pwd)
targets="urlencoded json_contact json_role validate markdown mention plan_doc_json hyphenate"
work=$(mktemp -d "${TMPDIR:-/tmp}/kf-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
status=0

for t in $targets; do
	exe="$build/tests/fuzz/fuzz_$t"
	if [ ! -x "$exe" ]; then
		echo "fuzz $t: FAIL (no executable $exe; configure with -Dfuzz=true and build first)"
		status=1
		continue
	fi
	# new inputs go to a scratch corpus (the first directory), the seeds stay read-only
	mkdir -p "$work/$t" "$build/fuzz-artifacts"
	log="$build/fuzz-artifacts/$t.log"
	"$exe" -max_total_time="$secs" -print_final_stats=0 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$build/fuzz-artifacts/$t-" "$work/$t" "$here/corpus/$t" >"$log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		runs=$(sed -n 's/^Done \([0-9][0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
		echo "fuzz $t: ok (${runs:-?} runs)"
	else
		echo "fuzz $t: FAIL (exit $rc; log $log)"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" | head -n 5 | sed 's/^/    /'
		status=1
	fi
done
exit $status
