#!/usr/bin/env bash
# No lost updates: many writers send the same version at the same moment;
# exactly one wins, every other one gets 412 and the stored item is the
# winner's, with one history record per successful write.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact cid '{"name": "Erika Muster", "phones": [{"kind": "mobile", "number": "+49 170 1234567"}]}'
jar=${KF_JAR[admin]}
csrf=${KF_CSRF[admin]}
n=16
pids=()
for i in $(seq 1 $n); do
	curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" -X PATCH \
		-H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -H 'If-Match: "1"' \
		--data-binary "{\"function\": \"Schreiber $i\"}" \
		"http://127.0.0.1:$KF_PORT$O/contacts/$cid" >"$KF_TMP/status.$i" &
	pids+=($!)
done
wait "${pids[@]}"  # not the server, which is a background job too
ok=$(cat "$KF_TMP"/status.* | grep -c '^200$')
stale=$(cat "$KF_TMP"/status.* | grep -c '^412$')
assert_eq 1 "$ok" "writers that succeeded with version 1"
assert_eq $((n - 1)) "$stale" "writers refused with 412"

api GET "$O/contacts/$cid"
assert_json .version 2
assert_match "$(json .function)" '^Schreiber [0-9]+$' "stored function is one writer's"
assert_json '.phones | length' 1
assert_eq 2 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'contact' AND entity_id = $cid")" \
	"history records (create + the one update)"

# the same for deletes racing an update
pids=()
for i in 1 2 3 4; do
	curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" -X DELETE -H "X-CSRF-Token: $csrf" -H 'If-Match: "2"' \
		"http://127.0.0.1:$KF_PORT$O/contacts/$cid" >"$KF_TMP/del.$i" &
	pids+=($!)
	curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" -X PATCH -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' -H 'If-Match: "2"' --data-binary '{"notes": "spät"}' \
		"http://127.0.0.1:$KF_PORT$O/contacts/$cid" >"$KF_TMP/upd.$i" &
	pids+=($!)
done
wait "${pids[@]}"
winners=$(cat "$KF_TMP"/del.* "$KF_TMP"/upd.* | grep -cE '^(200|204)$')
assert_eq 1 "$winners" "exactly one of the racing delete/update requests wins"

kf_stop
kf_done
