#!/usr/bin/env bash
# The download page's "take over a plan from a file" (importui): only admins
# see it; an empty organisation gets the file form (hidden until the script
# shows it, the command line named for browsers without it) whose CSRF token
# is the one the import API takes from the session; an organisation with a
# plan gets the sentence why there is no form; the empty organisation's start
# page links to the section. Valid HTML in every state.
. "$(dirname "$0")/lib.sh"

tidy_clean() { # LABEL — BODY is valid HTML
	local out
	command -v tidy >/dev/null || return 0
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	assert_eq "" "$out" "tidy: $1"
}

# sign_in NAME EMAIL — the login form; a member of several organisations gets the list of them (200)
sign_in() {
	web "$1" GET /login
	form "$1" /login "_csrf=$(html_input _csrf)" "email=$2" "password=$PW"
	[[ $STATUS == 303 || $STATUS == 200 ]] || kf_die "login of $2: $STATUS"
	[[ $BODY != *'name="password"'* ]] || kf_die "login of $2 refused"
}

kf_setup
new_contact c1 '{"name": "Erika Muster", "company": "Bäckerei Süd"}'
cli export json --data "$KF_DATA" --org 1 -o "$KF_TMP/plan.json"
assert_eq 0 "$CLI_RC" "export json"
cli org add --data "$KF_DATA" --name "Neue GmbH"
assert_eq 0 "$CLI_RC" "org add"
kf_user_add "$ADMIN_EMAIL" "Admin" admin 2
kf_user_add eddi@example.org "Eddi Editor" editor 2
sign_in w "$ADMIN_EMAIL"
sign_in e eddi@example.org
web e GET /o/2/exports
assert_status 200

# ---- an editor sees no section, no start page hint
assert_not_contains "$BODY" 'id="h-import"' "editor: no import section"
web e GET /o/2/
assert_not_contains "$BODY" 'import-hint' "editor: no start page hint"

# ---- the admin, empty organisation: the start page hint and the form
web w GET /o/2/ -H 'Accept-Language: en'
assert_contains "$BODY" 'href="/o/2/exports#import"' "start page links the import"
web w GET /o/2/exports -H 'Accept-Language: en'
assert_status 200
txt=$(html_text)
assert_contains "$txt" "Take over a plan from a file" "heading"
assert_contains "$txt" "krisenfest import --data DIR --org 2 FILE" "the command line for browsers without script"
assert_contains "$BODY" 'data-import-form="" hidden action="/api/v1/orgs/2/import"' "the form, hidden without the script"
assert_contains "$BODY" 'accept=".json,application/json"' "a JSON file input"
assert_not_contains "$txt" "already has a plan" "no refusal sentence"
tidy_clean "exports page, empty organisation"
tok=$(html_input _csrf)

# the page's token is the session's: the API takes it (what exports.js sends)
web w POST /api/v1/orgs/2/import -H 'Content-Type: application/json' --data-binary @"$KF_TMP/plan.json"
assert_status 403
web w POST /api/v1/orgs/2/import -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' \
	--data-binary @"$KF_TMP/plan.json"
assert_status 200
assert_jq '.items_imported >= 1' "items imported"

# ---- with a plan: the sentence, no form, no start page hint
web w GET /o/2/exports -H 'Accept-Language: en'
txt=$(html_text)
assert_contains "$txt" "This organisation already has a plan" "refusal sentence"
assert_contains "$txt" "krisenfest org add" "how to make an empty one"
assert_not_contains "$BODY" 'data-import-form' "no form"
tidy_clean "exports page, organisation with a plan"
web w GET /o/2/
assert_not_contains "$BODY" 'import-hint' "no start page hint with a plan"

# the history of an item imported on the command line names no person but the command line
cli org add --data "$KF_DATA" --name "Dritte GmbH"
kf_user_add "$ADMIN_EMAIL" "Admin" admin 3
cli import --data "$KF_DATA" --org 3 "$KF_TMP/plan.json"
assert_eq 0 "$CLI_RC" "import on the command line"
cid=$(db_sql "SELECT id FROM contact WHERE org_id = 3 LIMIT 1")
web w GET "/o/3/contacts/$cid"
assert_status 200
assert_contains "$(html_text)" "krisenfest über die Befehlszeile" "history: written on the command line"

kf_stop
kf_done
