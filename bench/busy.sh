#!/usr/bin/env bash
# bench/busy.sh: how long does the start page of a large plan take while
# others print handbooks? The start page compares the plan copies' stamps with
# the plan, so it runs on the worker pool together with the exports.
#
# Usage: bench/busy.sh [PATH/TO/krisenfest]     (default: build/krisenfest)
# Environment: EXPORTS (handbooks printed at the same time, default 2),
#              ROUNDS (start pages timed per phase, default 10)
#
# Builds nothing. Talks only to 127.0.0.1. Not part of the test suite: it
# prints figures and fails only when something could not be measured.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${1:-$root/build/krisenfest}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
tool=$(dirname "$bin")/tests/unit/handbook_render
EXPORTS=${EXPORTS:-2}
ROUNDS=${ROUNDS:-10}
PW='correct horse battery'

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$bin" ] && [ -x "$tool" ] || die "build first: ninja -C build (needs krisenfest and tests/unit/handbook_render)"
for t in curl jq; do command -v $t >/dev/null || die "missing $t (apt-get install $t)"; done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kf-bench.XXXXXX")
kf_pid=
cleanup() {
	[ -n "$kf_pid" ] && kill -TERM "$kf_pid" 2>/dev/null && wait "$kf_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- an instance whose second organisation holds the large plan (200 systems, 300 risks, 150 contacts)
printf '%s\n' "$PW" | "$bin" init --data "$tmp/data" --org "Bäckerei Beispiel" --admin-email admin@example.org \
	--admin-name "Anna Admin" --password-stdin >/dev/null
"$tool" --json --large 200 300 150 1000 "$tmp/large.json" >/dev/null
org=$("$bin" org add --data "$tmp/data" --name "Große Firma" | grep -Eo '[0-9]+' | head -n 1)
printf '%s\n' "$PW" | "$bin" user add --data "$tmp/data" --email admin@example.org --org "$org" --role admin \
	--password-stdin >/dev/null
"$bin" import --data "$tmp/data" --org "$org" "$tmp/large.json" >/dev/null

port=$((20000 + RANDOM % 40000))
KF=http://127.0.0.1:$port
"$bin" serve --data "$tmp/data" --listen "127.0.0.1:$port" >"$tmp/kf.out" 2>"$tmp/kf.err" &
kf_pid=$!
for _ in $(seq 1 200); do curl -fsS -o /dev/null "$KF/healthz" 2>/dev/null && break; sleep 0.05; done
curl -fsS -o /dev/null "$KF/healthz" || die "krisenfest did not start: $(cat "$tmp/kf.err")"

login=$(curl -fsS -D "$tmp/login.hdr" -H 'Content-Type: application/json' \
	-d '{"email":"admin@example.org","password":"'"$PW"'"}' "$KF/api/v1/session") || die "API login failed"
csrf=$(jq -r .csrf_token <<<"$login")
session=$(tr -d '\r' <"$tmp/login.hdr" | sed -n 's/^[Ss]et-[Cc]ookie: *kf_session=\([^;]*\).*/\1/p' | head -1)
COOKIE="Cookie: kf_session=$session"
O=$KF/api/v1/orgs/$org

# ---- a copy that notes the stamp of the current handbook: the start page must compare it
stamp=$(curl -fsS -D - -o /dev/null -H "$COOKIE" "$O/exports/handbook.pdf?version=draft" |
	tr -d '\r' | sed -n 's/^[Xx]-[Kk]risenfest-[Ss]tamp: *//p')
[ -n "$stamp" ] || die "no stamp on the handbook"
curl -fsS -o /dev/null -H "$COOKIE" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
	-d '{"kind":"usb","location":"Tresor","plan_date":"'"$(date +%F)"'","stamp":"'"$stamp"'"}' "$O/plan-copies" ||
	die "the copy could not be noted"

page_ms() { # -> the start page's time in ms
	local t
	t=$(curl -fsS -o /dev/null -w '%{time_total}' -H "$COOKIE" "$KF/o/$org/") || die "start page failed"
	awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }'
}
stats() { # NAME MS...
	local name=$1
	shift
	printf '%s\n' "$@" | sort -n | awk -v name="$name" '{ v[NR] = $1 }
		END { printf "  %-34s median %4d ms, slowest %4d ms (%d pages)\n", name, v[int((NR + 1) / 2)], v[NR], NR }'
}

idle=()
for _ in $(seq 1 "$ROUNDS"); do idle+=("$(page_ms)"); done

t0=$(date +%s%N)
curl -fsS -o /dev/null -H "$COOKIE" "$O/exports/handbook.pdf?version=draft"
one_export=$((($(date +%s%N) - t0) / 1000000))

busy=()
pids=()
for _ in $(seq 1 "$EXPORTS"); do
	curl -fsS -o /dev/null -H "$COOKIE" "$O/exports/handbook.pdf?version=draft" &
	pids+=($!)
done
sleep 0.05
for _ in $(seq 1 "$ROUNDS"); do
	busy+=("$(page_ms)")
	kill -0 "${pids[0]}" 2>/dev/null || break # the exports are done: what follows is idle again
done
wait "${pids[@]}"

workers=$(sed -n 's/.* \([0-9]*\) worker threads.*/\1/p' "$tmp/kf.err" | head -1)
echo "krisenfest start page of a large plan with a stamped copy ($(nproc) CPUs, ${workers:-?} worker threads):"
stats "alone" "${idle[@]}"
stats "while $EXPORTS handbooks are printed" "${busy[@]}"
echo "  one large handbook over the API: $one_export ms"
