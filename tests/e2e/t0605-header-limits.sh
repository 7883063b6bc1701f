#!/usr/bin/env bash
# Request headers: the per-connection memory (kept small so idle event streams
# are cheap) still takes a header line of 8 KiB, as nginx and Apache do, and
# about 14 KiB of headers in all; a 64 KiB header is refused with 431 and the
# server goes on serving.
. "$(dirname "$0")/lib.sh"

kf_setup
pad() { head -c "$1" /dev/zero | tr '\0' "$2"; }

# ---- an 8 KiB cookie (another application's on the same host) on the login page
http GET /login -H "Cookie: other=$(pad 8192 a)"
assert_status 200
# ---- an 8 KiB header line on a signed-in API request, and 14 KiB of headers in all
api GET "$O/contacts" -H "X-Padding: $(pad 8192 b)"
assert_status 200
args=()
for i in $(seq 56); do args+=(-H "X-Pad-$i: $(pad 240 c)"); done
api GET "$O/contacts" "${args[@]}"
assert_status 200
# ---- the event stream opens with a large header too
out=$(curl -s -N -b "${KF_JAR[admin]}" -H "X-Padding: $(pad 8192 d)" --max-time 2 "$KF_BASE$O/events" || true)
assert_contains "$out" ": ok" "stream opens with an 8 KiB header"

# ---- 64 KiB: 431, and the next request is answered
http GET /login -H "X-Big: $(pad 65536 e)"
assert_status 431
http GET /healthz
assert_status 200
kf_stop
kf_done
