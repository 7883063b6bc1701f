#!/usr/bin/env bash
# Presence: clients that say which page they have open learn who else has it
# open; leaving tells the others; other pages and other organisations see nothing.
. "$(dirname "$0")/lib.sh"

# a suspended stream learns of a closed client only when it writes: heartbeat every second here
export KRISENFEST_SSE_HEARTBEAT=1
kf_setup
declare -A SSE_PID=()
sse_open() {
	local name=$1 who=$2 p=$3
	shift 3
	: >"$KF_TMP/sse.$name"
	curl -s -N -b "${KF_JAR[$who]}" --max-time 60 "$@" "$KF_BASE$p" >"$KF_TMP/sse.$name" 2>/dev/null &
	SSE_PID[$name]=$!
	sse_wait "$name" ': ok' || fail "stream $name did not open"
}
sse_wait() {
	local i
	for ((i = 0; i < 100; i++)); do
		grep -qF -- "$2" "$KF_TMP/sse.$1" && return 0
		sleep 0.05
	done
	return 1
}
sse_close() {
	kill "${SSE_PID[$1]}" 2>/dev/null
	wait "${SSE_PID[$1]}" 2>/dev/null
}
# last_presence NAME — the users of the newest presence event of the stream, as "id:name" lines
last_presence() {
	grep -A1 '^event: presence$' "$KF_TMP/sse.$1" | sed -n 's/^data: //p' | tail -n 1 | jq -r '.users[] | "\(.name)"' | sort | paste -sd,
}

kf_user_add bea@example.org "Bea Bearbeiterin" editor
kf_user_add rita@example.org "Rita Reader" reader
login bea bea@example.org "$PW" || kf_die "login bea"
login rita rita@example.org "$PW" || kf_die "login rita"

sse_open b bea "$O/events?page=/o/1/team"
sse_wait b '"users":[{"id"' || fail "bea gets her own presence list"
assert_eq "Bea Bearbeiterin" "$(last_presence b)" "bea alone on the page"
sse_open r rita "$O/events?page=/o/1/team"
sse_wait b 'Rita Reader' || fail "bea learns that rita opened the page"
assert_eq "Bea Bearbeiterin,Rita Reader" "$(last_presence b)" "both on the page (bea)"
assert_eq "Bea Bearbeiterin,Rita Reader" "$(last_presence r)" "both on the page (rita)"
# another page: nobody is told
sse_open x admin "$O/events?page=/o/1/risks"
sleep 0.2
assert_not_contains "$(cat "$KF_TMP/sse.b")" '"page":"/o/1/risks"' "other pages are not reported"
assert_not_contains "$(last_presence x)" "Bea" "the risks page does not list the team page's visitors"
# rita leaves: bea is told
n=$(grep -c '^event: presence$' "$KF_TMP/sse.b")
sse_close r
for ((i = 0; i < 200; i++)); do
	(($(grep -c '^event: presence$' "$KF_TMP/sse.b") > n)) && break
	sleep 0.05
done
assert_eq "Bea Bearbeiterin" "$(last_presence b)" "rita left the page"
# presence never crosses organisations
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add otto@example.org "Otto Other" editor 2
login otto otto@example.org "$PW" || kf_die "login otto"
sse_open o otto "/api/v1/orgs/2/events?page=/o/2/team"
sleep 0.2
assert_not_contains "$(cat "$KF_TMP/sse.b")" "Otto" "org 2 visitors are not shown in org 1"
assert_not_contains "$(cat "$KF_TMP/sse.o")" "Bea" "org 1 visitors are not shown in org 2"
kf_stop
for s in b x o; do sse_close $s; done
kf_done
