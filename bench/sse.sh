#!/usr/bin/env bash
# sse.sh: N SSE clients (default 1,000) on one organisation, M changes (default 100) through the API:
# delivery latency p50/p99, the server's peak RSS and RSS per client. Never part of the test suite.
# Usage: bench/sse.sh [path/to/krisenfest] [clients] [changes]
set -euo pipefail
bin=${1:-build/krisenfest}
n=${2:-1000}
changes=${3:-100}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
printf 'correct horse battery' | "$bin" init --data "$tmp/data" --org "Bench GmbH" --admin-email admin@example.org \
	--password-stdin >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --data "$tmp/data" --listen "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
rc=0
python3 "$here/sse_client.py" "http://127.0.0.1:$port" "$n" "$changes" "$pid" || rc=$?
grep -E "warn|error" "$tmp/server.log" | head -5 || true
exit "$rc"
