#!/usr/bin/env bash
# Live updates: a committed change arrives as an SSE event with the history id;
# refused changes (422, 412) send nothing; readers may listen; Last-Event-ID
# replays missed changes; another organisation's stream never sees them.
. "$(dirname "$0")/lib.sh"

kf_setup
declare -A SSE_PID=()
# sse_open NAME CLIENT PATH [curl args...] — keep an event stream open into $KF_TMP/sse.NAME
sse_open() {
	local name=$1 who=$2 p=$3
	shift 3
	: >"$KF_TMP/sse.$name"
	curl -s -N -D "$KF_TMP/sse.$name.hdr" -b "${KF_JAR[$who]}" --max-time 60 "$@" "$KF_BASE$p" \
		>"$KF_TMP/sse.$name" 2>/dev/null &
	SSE_PID[$name]=$!
	sse_wait "$name" ': ok' || fail "stream $name did not open"
}
# sse_wait NAME TEXT — wait up to 5 s until the stream holds TEXT
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

kf_user_add rita@example.org "Rita Reader" reader
login rita rita@example.org "$PW" || kf_die "login rita"

# ---- a reader listens; the stream is an event stream under the CSP
sse_open r rita "$O/events"
hdrs=$(tr -d '\r' <"$KF_TMP/sse.r.hdr")
assert_contains "$hdrs" "HTTP/1.1 200" "stream status"
assert_contains "$hdrs" "Content-Type: text/event-stream" "stream type"
assert_contains "$hdrs" "Content-Security-Policy:" "stream CSP"

# ---- a change arrives with the history id as event id, and no content
new_contact cid '{"name": "Erika Muster", "email": "erika@example.org", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}]}'
hid=$(db_sql "SELECT max(id) FROM history WHERE entity = 'contact' AND entity_id = $cid")
sse_wait r "id: $hid" || fail "no event with id $hid: $(cat "$KF_TMP/sse.r")"
data=$(grep -A2 "^id: $hid\$" "$KF_TMP/sse.r" | sed -n 's/^data: //p')
assert_eq contact "$(jq -r .entity <<<"$data")" "event entity"
assert_eq "$cid" "$(jq -r .id <<<"$data")" "event item id"
assert_eq create "$(jq -r .action <<<"$data")" "event action"
assert_eq 1 "$(jq -r .version <<<"$data")" "event version"
assert_eq "$(db_sql "SELECT coalesce(nullif(name, ''), email) FROM user WHERE email = 'admin@example.org'")" "$(jq -r .by <<<"$data")" "event by: the actor's name"
assert_not_contains "$(cat "$KF_TMP/sse.r")" "erika@example.org" "events carry no content"
grep -q '^event: change$' "$KF_TMP/sse.r" || fail "event type change missing"

# ---- refused changes send nothing: 422 and 412
before=$(grep -c '^event: change$' "$KF_TMP/sse.r")
api POST "$O/contacts" '{"name": ""}'
assert_status 422
api PUT "$O/contacts/$cid" '{"name": "Erika Neu", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}]}' -H "$(im 7)"
assert_status 412
api PATCH "$O/contacts/$cid" '{"company": "Muster GmbH"}' -H "$(im 1)"
assert_status 200
hid2=$(db_sql "SELECT max(id) FROM history")
sse_wait r "id: $hid2" || fail "no event for the accepted change"
after=$(grep -c '^event: change$' "$KF_TMP/sse.r")
assert_eq $((before + 1)) "$after" "only the accepted change was sent"
grep -A2 "^id: $hid2\$" "$KF_TMP/sse.r" | grep -q '"action":"update","version":2' || fail "update event with version 2"
sse_close r

# ---- Last-Event-ID replays what was missed, and only that
api PATCH "$O/contacts/$cid" '{"company": "Muster AG"}' -H "$(im 2)"
assert_status 200
hid3=$(db_sql "SELECT max(id) FROM history")
sse_open re rita "$O/events" -H "Last-Event-ID: $hid2"
sse_wait re "id: $hid3" || fail "missed change not replayed: $(cat "$KF_TMP/sse.re")"
assert_not_contains "$(cat "$KF_TMP/sse.re")" "id: $hid2"$'\n' "the last seen event is not replayed"
assert_eq 1 "$(grep -c '^id: ' "$KF_TMP/sse.re")" "one replayed event"
sse_close re
# ?last_id= works as well (for clients that cannot set headers)
sse_open rq rita "$O/events?last_id=$hid2"
sse_wait rq "id: $hid3" || fail "last_id not replayed"
sse_close rq

# ---- more than 500 missed changes: the client is told to reload
for ((i = 0; i < 3; i++)); do
	db_sql "INSERT INTO history(org_id, entity, entity_id, action, user_id, at) SELECT 1, 'contact', $cid, 'update', NULL, 0 FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200) SELECT x FROM n)" >/dev/null
done
sse_open rl rita "$O/events" -H "Last-Event-ID: $hid3"
sse_wait rl "event: reload" || fail "no reload after 600 missed changes"
assert_eq 0 "$(grep -c '^id: ' "$KF_TMP/sse.rl")" "no replay beyond the cap"
sse_close rl

# ---- isolation: another organisation's stream gets nothing; non-members get 404
cli org add --data "$KF_DATA" --name "Andere Firma"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add otto@example.org "Otto Other" editor 2
login otto otto@example.org "$PW" || kf_die "login otto"
api_as otto GET "$O/events" --max-time 3
assert_error 404 not_found
api_as anon GET "$O/events" --max-time 3
assert_status 401
sse_open o otto /api/v1/orgs/2/events
sse_open a admin "$O/events"
new_contact c2 '{"name": "Max Muster", "phones": [{"kind": "mobile", "number": "+49 170 7654321"}]}'
hid4=$(db_sql "SELECT max(id) FROM history")
sse_wait a "id: $hid4" || fail "org 1 stream missed its change"
sleep 0.3
assert_not_contains "$(cat "$KF_TMP/sse.o")" "event: change" "org 2 stream sees org 1 changes"
api_as otto POST /api/v1/orgs/2/contacts '{"name": "Olga Other", "phones": [{"kind": "mobile", "number": "+49 170 1111111"}]}'
assert_status 201
hid5=$(db_sql "SELECT max(id) FROM history")
sse_wait o "id: $hid5" || fail "org 2 stream missed its own change"
sleep 0.3
assert_not_contains "$(cat "$KF_TMP/sse.a")" "id: $hid5" "org 1 stream sees org 2 changes"

# ---- a page outside the organisation is refused
api_as rita GET "$O/events?page=/o/2/contacts" --max-time 3
assert_error 400 bad_request

# ---- the server stops cleanly with open streams
kf_stop
sse_close o
sse_close a
kf_done
