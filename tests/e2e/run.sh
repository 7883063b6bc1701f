#!/usr/bin/env bash
# Run the krisenfest end-to-end tests.
#
#   tests/e2e/run.sh [FILTER...]
#
# Runs every tests/e2e/t[0-9]*.sh (or only those whose name contains one of
# the FILTER substrings), each in its own bash process, prints "ok NAME" or
# "FAIL NAME" (with the test's output) per file and closes with
#   e2e: N passed, M failed
# Exit status is non-zero when a test file failed (or none ran).
#
# Environment: KRISENFEST (binary, default build/krisenfest in the repository),
# KF_E2E_TIMEOUT (seconds per test file, default 120), KF_E2E_VERBOSE=1 (show
# the output of passing tests too).

set -u

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$dir/../.." && pwd)
KRISENFEST=${KRISENFEST:-$root/build/krisenfest}
case $KRISENFEST in
/*) ;;
*) KRISENFEST=$PWD/$KRISENFEST ;;
esac
export KRISENFEST
timeout_s=${KF_E2E_TIMEOUT:-120}

passed=0
failed=0
out=$(mktemp "${TMPDIR:-/tmp}/kf-e2e-run.XXXXXX")
trap 'rm -f "$out"' EXIT

for t in "$dir"/t[0-9]*.sh; do
	[[ -e $t ]] || continue
	name=$(basename "$t")
	if (($# > 0)); then
		match=0
		for f in "$@"; do
			[[ $name == *"$f"* ]] && match=1
		done
		((match)) || continue
	fi
	start=$SECONDS
	timeout -k 5 "$timeout_s" bash "$t" >"$out" 2>&1 </dev/null
	rc=$?
	took=$((SECONDS - start))
	if ((rc == 0)); then
		passed=$((passed + 1))
		echo "ok   $name (${took}s)"
		[[ ${KF_E2E_VERBOSE:-0} == 1 ]] && sed 's/^/    /' "$out"
	else
		failed=$((failed + 1))
		if ((rc == 124)); then
			echo "FAIL $name (timeout after ${timeout_s}s)"
		else
			echo "FAIL $name (exit $rc, ${took}s)"
		fi
		sed 's/^/    /' "$out"
	fi
done

echo "e2e: $passed passed, $failed failed"
((failed == 0 && passed > 0))
