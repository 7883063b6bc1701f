#!/bin/bash
# run-tests.sh: builds and runs every test suite (unit, e2e, the same under ASan+UBSan, fuzz, browser, translations).
# Usage: tools/run-tests.sh [po|docs|clang|unit|e2e|asan|fuzz|browser ...]   (default: all)
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ASAN_BUILD=${ASAN_BUILD:-build-asan}
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
CLANG_BUILD=${CLANG_BUILD:-build-clang}
stages=${*:-"po docs clang unit e2e asan fuzz browser"}
passed=0
failed=0
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

count() { # name passed failed
	echo "== $1: $2 passed, $3 failed"
	passed=$((passed + $2))
	failed=$((failed + $3))
}

meson_counts() { # log file -> "ok fail"
	local ok fail
	ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$1" | tail -1)
	fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$1" | tail -1)
	echo "${ok:-0} ${fail:-1}"
}

setup() { # dir [meson args]
	local dir=$1
	shift
	[ -f "$dir/build.ninja" ] || meson setup "$dir" "$@" >"$log/setup-$dir.log" 2>&1 || { cat "$log/setup-$dir.log"; return 1; }
	ninja -C "$dir" >"$log/ninja-$dir.log" 2>&1 || { cat "$log/ninja-$dir.log"; return 1; }
}

run_unit() { # build dir, label: counts the cmocka cases (TAP lines) of every unit test program
	local out="$log/unit-$1.log" tlog="$1/meson-logs/testlog.txt" ok fail
	meson test -C "$1" --suite unit --print-errorlogs >"$out" 2>&1
	local rc=$?
	cat "$out"
	ok=$(grep -cE '^ok [0-9]+' "$tlog")
	fail=$(grep -cE '^not ok [0-9]+' "$tlog")
	read -r _ mfail < <(meson_counts "$out")
	# a program that crashed before printing its TAP lines still counts as a failure
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=$((mfail > 0 ? mfail : 1)); fi
	count "$2" "$ok" "$fail"
}

run_e2e() { # binary, label
	local out="$log/e2e-$2.log" p f
	KRISENFEST="$1" tests/e2e/run.sh 2>&1 | tee "$out"
	p=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$out" | tail -1)
	f=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$out" | tail -1)
	count "$2" "${p:-0}" "${f:-1}"
}

for stage in $stages; do
	echo "== stage $stage"
	case $stage in
	po)
		if tools/check-po.sh; then count translations 1 0; else count translations 0 1; fi ;;
	clang)
		# the second compiler of the standard: the whole program must build warning-free with clang too
		if CC=clang setup "$CLANG_BUILD"; then count clang-build 1 0; else count clang-build 0 1; fi ;;
	docs)
		if tools/check-api-doc.sh; then count api-doc 1 0; else count api-doc 0 1; fi
		if tools/check-css.sh; then count css 1 0; else count css 0 1; fi ;;
	unit)
		setup "$BUILD" && run_unit "$BUILD" unit || count unit 0 1 ;;
	e2e)
		setup "$BUILD" && run_e2e "$BUILD/krisenfest" e2e || count e2e 0 1 ;;
	asan)
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=23
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=24
		export LSAN_OPTIONS="suppressions=$PWD/tests/lsan-suppressions.txt:print_suppressions=0"
		if setup "$ASAN_BUILD" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
			run_unit "$ASAN_BUILD" unit-asan
			run_e2e "$ASAN_BUILD/krisenfest" e2e-asan
		else
			count asan 0 1
		fi
		unset ASAN_OPTIONS UBSAN_OPTIONS ;;
	fuzz)
		if CC=clang setup "$FUZZ_BUILD" -Dfuzz=true -Db_lundef=false -Dbuildtype=debugoptimized; then
			out="$log/fuzz.log"
			FUZZ_TIME=${FUZZ_TIME:-15} tests/fuzz/run.sh "$FUZZ_BUILD" 2>&1 | tee "$out"
			count fuzz "$(grep -c ': ok' "$out")" "$(grep -c 'FAIL' "$out")"
		else
			count fuzz 0 1
		fi ;;
	browser)
		setup "$BUILD" || { count browser 0 1; continue; }
		out="$log/browser.log"
		tests/browser/run.sh "$PWD/$BUILD/krisenfest" 2>&1 | tee "$out"
		p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$out" | tail -1)
		f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$out" | tail -1)
		count browser "${p:-0}" "${f:-1}" ;;
	*)
		echo "unknown stage $stage" >&2
		count "$stage" 0 1 ;;
	esac
done
echo
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
