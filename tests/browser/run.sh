#!/usr/bin/env bash
# Runs the browser journeys against a krisenfest binary (built elsewhere).
# Usage: tests/browser/run.sh [PATH/TO/krisenfest] [extra node --test args]
# Environment: CHROMIUM (default /usr/bin/chromium), KF_KEEP_TMP=1 keeps data folders.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/krisenfest}
[ $# -gt 0 ] && shift
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ]; then
	echo "run.sh: no krisenfest binary at $bin (build it first: ninja -C build)" >&2
	exit 2
fi
export KRISENFEST_BIN=$bin
cd "$here"
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
mkdir -p screenshots
# one test file per journey; each starts its own server and browser
exec node --test --test-concurrency=4 "$@" tests/*.test.mjs
