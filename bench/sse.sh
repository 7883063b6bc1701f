#!/usr/bin/env bash
# sse.sh: 1,000 SSE clients on one organisation, 100 changes through the API:
# delivery latency p50/p99 and the server's RSS. Never part of the test suite.
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
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
echo "server RSS before: $(rss)"
python3 "$here/sse_client.py" "http://127.0.0.1:$port" "$n" "$changes" &
client=$!
# RSS while the clients are connected (sampled at the peak)
peak=0
while kill -0 "$client" 2>/dev/null; do
	r=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
	((r > peak)) && peak=$r
	sleep 0.2
done
wait "$client"
echo "server RSS peak with $n clients: $peak kB"
grep -E "warn|error" "$tmp/server.log" | head -5 || true
