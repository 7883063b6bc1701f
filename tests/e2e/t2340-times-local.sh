#!/usr/bin/env bash
# Times on the pages are in the server's time zone (TZ), with the moment in
# UTC for machines (<time datetime="...Z">): a comment and the change
# history of a contact, on a server running with TZ=Europe/Berlin and with
# TZ=America/New_York.
. "$(dirname "$0")/lib.sh"

kf_init
for zone in Europe/Berlin America/New_York; do
	export TZ=$zone
	kf_start
	if [[ $zone == Europe/Berlin ]]; then # the sessions outlive the restart
		login admin "$ADMIN_EMAIL" "$PW" || kf_die "login"
		web_login w "$ADMIN_EMAIL" "$PW" || kf_die "web login"
	fi
	new_contact cid "{\"name\": \"Zeit $zone\"}"
	api POST "$O/comments" "{\"entity\": \"contact\", \"entity_id\": $cid, \"body\": \"Nummer geprüft\"}"
	assert_status 201
	at=$(json .created_at)
	want=$(TZ=$zone date -d "@$at" '+%d.%m.%Y, %H:%M')
	iso=$(date -u -d "@$at" '+%Y-%m-%dT%H:%M:%SZ')
	web w GET "/o/1/contacts/$cid"
	assert_status 200
	assert_contains "$BODY" "<time datetime=\"$iso\">$want</time>" "comment time in $zone"
	assert_not_contains "$BODY" " UTC" "no UTC on the page"
	# the history's first record is the creation, at most a second before the comment
	hist=$(db_sql "SELECT at FROM history WHERE entity = 'contact' AND entity_id = $cid ORDER BY id LIMIT 1")
	assert_contains "$BODY" "$(TZ=$zone date -d "@$hist" '+%d.%m.%Y, %H:%M')</time>" "history time in $zone"
	kf_stop
done

kf_done
