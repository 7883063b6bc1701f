#!/usr/bin/env bash
# Invitation links that no longer work are refused with a clear page (and API
# answer) and change nothing: expired, used, revoked, replaced, unknown; an
# invitation of one organisation cannot be seen or revoked from another; and
# guessing links is throttled per client address.
. "$(dirname "$0")/lib.sh"

kf_setup
# texts are checked in English (the German catalogue is merged by the lead)
EN="Accept-Language: en"

invite() { # invite VAR_ID VAR_TOKEN EMAIL ROLE
	api POST "$O/invitations" "{\"email\": \"$3\", \"role\": \"$4\"}"
	[[ $STATUS == 201 ]] || { fail "invite $3: expected 201, got $STATUS"; return 1; }
	printf -v "$1" '%s' "$(json .id)"
	local l
	l=$(json .link)
	printf -v "$2" '%s' "${l##*/invite/}"
}
members() { db_sql "SELECT count(*) FROM membership WHERE org_id = 1"; }
users() { db_sql "SELECT count(*) FROM user"; }

# ---- expired (expires_at set into the past)
invite i_exp t_exp old@example.org editor
db_sql "UPDATE invitation SET expires_at = strftime('%s', 'now') - 60 WHERE id = $i_exp"
web x GET "/invite/$t_exp" -H "$EN"
assert_status 410
assert_contains "$(html_id_text invite-problem)" "has expired" "expired page"
assert_body_not_contains 'name="password"'
pre=$(curl -s -c "$KF_TMP/jar.pre" "$KF_BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
form x "/invite/$t_exp" "_csrf=$pre" "name=Old" "password=$PW" "password2=$PW"
assert_status 403 410
api_as anon POST /api/v1/invitations/accept "{\"token\": \"$t_exp\", \"name\": \"Old\", \"password\": \"$PW\"}"
assert_error 410 invitation_expired
assert_eq 0 "$(db_sql "SELECT count(*) FROM user WHERE email = 'old@example.org'")" "no account from an expired link"
api GET "$O/invitations/$i_exp"
assert_json .status expired

# ---- used once, then refused
invite i_used t_used used@example.org reader
api_as anon POST /api/v1/invitations/accept "{\"token\": \"$t_used\", \"name\": \"U\", \"password\": \"$PW\"}"
assert_status 200
m=$(members)
u=$(users)
api_as anon POST /api/v1/invitations/accept "{\"token\": \"$t_used\", \"name\": \"U2\", \"password\": \"$PW\"}"
assert_error 410 invitation_used
web y GET "/invite/$t_used" -H "$EN"
assert_status 410
assert_contains "$(html_id_text invite-problem)" "already used" "used page"
assert_eq "$m" "$(members)" "members unchanged"
assert_eq "$u" "$(users)" "users unchanged"

# ---- revoked (with If-Match), then refused; revoking again is a conflict
invite i_rev t_rev rev@example.org editor
api DELETE "$O/invitations/$i_rev"
assert_error 428 precondition_required
api DELETE "$O/invitations/$i_rev" -H "$(im 7)"
assert_error 412 version_conflict
api DELETE "$O/invitations/$i_rev" -H "$(im 1)"
assert_status 204
api GET "$O/invitations/$i_rev"
assert_json .status revoked
assert_jq '.revoked_at != null'
api DELETE "$O/invitations/$i_rev" -H "$(im 2)"
assert_error 409 not_pending
web z GET "/invite/$t_rev" -H "$EN"
assert_status 410
assert_contains "$(html_id_text invite-problem)" "withdrawn" "revoked page"
api_as anon POST /api/v1/invitations/accept "{\"token\": \"$t_rev\", \"name\": \"R\", \"password\": \"$PW\"}"
assert_error 410 invitation_revoked
assert_eq 0 "$(db_sql "SELECT count(*) FROM user WHERE email = 'rev@example.org'")" "no account from a revoked link"
assert_eq 1 "$(db_sql "SELECT count(*) FROM history WHERE entity = 'invitation' AND entity_id = $i_rev AND action = 'delete'")" "history revoke"

# ---- a new invitation for the same address replaces the pending one
invite i_a t_a twice@example.org reader
invite i_b t_b twice@example.org editor
api GET "$O/invitations/$i_a"
assert_json .status revoked
api GET "$O/invitations/$i_b"
assert_json .status pending
api_as anon POST /api/v1/invitations/accept "{\"token\": \"$t_a\", \"password\": \"$PW\"}"
assert_error 410 invitation_revoked

# ---- unknown and malformed links
web q GET "/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" -H "$EN"
assert_status 404
assert_contains "$(html_id_text invite-problem)" "not valid" "unknown page"
api_as anon POST /api/v1/invitations/accept '{"token": "nope", "password": "x"}'
assert_error 404 not_found
api_as anon POST /api/v1/invitations/accept '{"password": "x", "role": "admin"}'
assert_field_error token
assert_field_error role
api_as anon POST /api/v1/invitations/accept '{"token": 5}'
assert_field_error token

# ---- wrong organisation: org 2's admin neither sees nor revokes org 1's invitations
cli org add --data "$KF_DATA" --name "Zweite GmbH"
kf_user_add boss2@example.org "Chef Zwei" admin 2
login boss2 boss2@example.org "$PW" || kf_die "login boss2"
api_as boss2 GET "/api/v1/orgs/2/invitations/$i_b"
assert_error 404 not_found
api_as boss2 DELETE "/api/v1/orgs/2/invitations/$i_b" -H "$(im 1)"
assert_error 404 not_found
api_as boss2 GET "$O/invitations"
assert_error 404 not_found
api_as boss2 GET /api/v1/orgs/2/invitations
assert_json 'length' 0
api GET "$O/invitations/$i_b"
assert_json .status pending
# the link of org 1 makes its invitee a member of org 1 only
api_as anon POST /api/v1/invitations/accept "{\"token\": \"$t_b\", \"name\": \"T\", \"password\": \"$PW\"}"
assert_status 200
assert_json .org.id 1
assert_eq 0 "$(db_sql "SELECT count(*) FROM membership m JOIN user u ON u.id = m.user_id WHERE u.email = 'twice@example.org' AND m.org_id = 2")" "not in org 2"

# ---- guessing links is throttled per address (like failed sign-ins)
for i in $(seq 1 25); do
	http GET "/invite/guess$i-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
done
assert_status 429
assert_match "$(hdr Retry-After)" '^[0-9]+$' "Retry-After"
invite i_c t_c late@example.org reader
http GET "/invite/$t_c"
assert_status 429

# a clean exit (under ASan also: no leaks)
kf_stop
kf_done
