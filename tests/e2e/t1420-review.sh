#!/usr/bin/env bash
# Plan review cycle: version 0 before the first write ("no review yet"),
# first PUT with If-Match "0", stale 412, next review date (interval, month
# end) and overdue computed, validation naming every field, reviewer of the
# organisation, isolation, reader reads only.
. "$(dirname "$0")/lib.sh"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add other@example.org "Otto Other" admin 2
kf_user_add leser@example.org "Lea Leser" reader 1
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
login other other@example.org "$PW" || kf_die "login other"
login leser leser@example.org "$PW" || kf_die "login reader"
R=$O/review
new_contact anna '{"name": "Anna"}'
api_as other POST /api/v1/orgs/2/contacts '{"name": "Fremde Person"}'
foreign_contact=$(json .id)
today=$(today_utc)
tomorrow=$(date -u -d '+1 day' +%Y-%m-%d)

# before the first write: version 0, no review yet
api GET "$R"
assert_status 200
assert_header ETag '"0"'
assert_json .version 0
assert_json .id null
assert_json .last_review_date null
assert_json .review_interval_months 12
assert_json .next_review_date null
assert_json .overdue false
assert_json .state none

# the first write needs If-Match "0"
body="{\"last_review_date\": \"2025-01-31\", \"review_interval_months\": 1, \"reviewer_contact_id\": $anna, \"notes\": \"Alles durchgesehen\"}"
api PUT "$R" "$body"
assert_error 428 precondition_required
api PUT "$R" "$body" -H "$(im 1)"
assert_error 412 version_conflict
assert_json .current.version 0
api PUT "$R" "$body" -H "$(im 0)"
assert_status 200
assert_header ETag '"1"'
assert_json .version 1
assert_match "$(json .id)" '^[0-9]+$' "id after the first write"
assert_json .last_review_date 2025-01-31
assert_json .next_review_date 2025-02-28 "month end clamped"
assert_json .overdue true
assert_json .state overdue
assert_json .reviewer_contact_id "$anna"
saved=$(jq -S . <<<"$BODY")
api GET "$R"
assert_eq "$saved" "$(jq -S . <<<"$BODY")" "GET after PUT"

# "0" again is stale now
api PUT "$R" "{\"last_review_date\": \"$today\"}" -H "$(im 0)"
assert_error 412 version_conflict
assert_json .current.version 1
assert_json .current.last_review_date 2025-01-31

# reviewed today: up to date; PUT is a full replace (interval back to 12)
api PUT "$R" "{\"last_review_date\": \"$today\"}" -H "$(im 1)"
assert_status 200
assert_json .version 2
assert_json .review_interval_months 12
assert_json .reviewer_contact_id null
assert_json .notes ""
assert_json .next_review_date "$(date -u -d "$today +12 months" +%Y-%m-%d)"
assert_json .overdue false
assert_json .state ok
api PUT "$R" '{"last_review_date": "2024-02-29", "review_interval_months": 36}' -H "$(im 2)"
assert_json .next_review_date 2027-02-28
api PUT "$R" '{"last_review_date": "2023-11-30", "review_interval_months": 36}' -H "$(im 3)"
assert_json .next_review_date 2026-11-30
# a review may be cleared (no review yet again)
api PUT "$R" '{"last_review_date": null, "review_interval_months": 6}' -H "$(im 4)"
assert_status 200
assert_json .state none
assert_json .next_review_date null
assert_json .review_interval_months 6

# validation: every bad field named, nothing stored
snapshot review "$R"
api PUT "$R" "{\"last_review_date\": \"$tomorrow\", \"review_interval_months\": 37, \"reviewer_contact_id\": \"anna\", \"notes\": 3, \"farbe\": 1}" -H "$(im 5)"
for f in last_review_date review_interval_months reviewer_contact_id notes farbe; do
	assert_field_error "$f"
done
api PUT "$R" '{"last_review_date": "2026-02-30", "review_interval_months": 0}' -H "$(im 5)"
assert_field_error last_review_date
assert_field_error review_interval_months
api PUT "$R" '{"last_review_date": "", "review_interval_months": "12"}' -H "$(im 5)"
assert_field_error last_review_date
assert_field_error review_interval_months
api PUT "$R" "{\"reviewer_contact_id\": $foreign_contact}" -H "$(im 5)"
assert_field_error reviewer_contact_id
api PUT "$R" "{\"notes\": \"$(printf 'x%.0s' {1..5001})\"}" -H "$(im 5)"
assert_field_error notes
api PUT "$R" 'nope' -H "$(im 5)"
assert_error 400 malformed_json
# computed fields sent back are ignored
api GET "$R"
back=$(jq -c '.last_review_date = "2026-01-01"' <<<"$BODY")
snapshot review "$R"
api PUT "$R" "$back" -H "$(im 5)"
assert_status 200
assert_json .version 6
assert_json .last_review_date 2026-01-01
snapshot review "$R"

# the other organisation has its own settings
api_as other GET /api/v1/orgs/2/review
assert_status 200
assert_json .version 0
api_as other GET "$R"
assert_error 404 not_found
api_as other PUT "$R" '{}' -H "$(im 6)"
assert_error 404 not_found

# reader reads, may not write
api_as leser GET "$R"
assert_status 200
assert_json .version 6
api_as leser PUT "$R" '{}' -H "$(im 6)"
assert_error 403 forbidden
assert_unchanged review

pid=$(db_sql "SELECT id FROM plan_review WHERE org_id = 1")
n=$(db_sql "SELECT group_concat(action, ',') FROM (SELECT action FROM history WHERE entity = 'plan_review' AND entity_id = $pid ORDER BY id)")
assert_eq "create,update,update,update,update,update" "$n" "history of the review settings"

kf_stop
kf_done
