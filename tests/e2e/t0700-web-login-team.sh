#!/usr/bin/env bash
# HTML flow: login form, start page, team page, contact and role forms
# (create, validation messages beside the field, edit, delete), escaping,
# CSRF on forms, logout.
. "$(dirname "$0")/lib.sh"

kf_setup   # client "admin" (API) checks what the web forms stored
snapshot contacts "$O/contacts"

# ---- not logged in: the login page, which leads back to the page asked for
web w GET /o/1/team
assert_redirect 303 '/login?next=%2Fo%2F1%2Fteam'
web w GET /o/1/
assert_redirect 303 '/login?next=%2Fo%2F1%2F'
web w GET /o/1/contacts/new
assert_redirect 303 '/login?next=%2Fo%2F1%2Fcontacts%2Fnew'

# ---- login form
web w GET /login
assert_status 200
assert_eq "text/html; charset=utf-8" "$(hdr Content-Type | tr 'A-Z' 'a-z')" "Content-Type of /login"
pre_cookie=$(set_cookie kf_pre | sed -E 's/^kf_pre=([^;]*).*/\1/')
assert_ne "" "$pre_cookie" "kf_pre cookie"
pre=$(html_input _csrf)
assert_eq "$pre_cookie" "$pre" "_csrf of the login form vs. kf_pre cookie"
html_input email name >/dev/null && _kf_pass || fail "login form has no email input"
html_input password name >/dev/null && _kf_pass || fail "login form has no password input"
assert_eq password "$(html_input password type)" "type of the password input"

# without / with a wrong _csrf: 403, no session
form w /login "email=$ADMIN_EMAIL" "password=$PW"
assert_status 403
assert_eq "" "$(set_cookie kf_session | grep -v -E '^kf_session=(;|$|""|deleted)')" "session cookie after login without _csrf"
form w /login "_csrf=${pre}x" "email=$ADMIN_EMAIL" "password=$PW"
assert_status 403
# a login form token without its cookie is worthless
http POST /login -H 'Content-Type: application/x-www-form-urlencoded' \
	--data-urlencode "_csrf=$pre" --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=$PW"
assert_status 403

# wrong password: form again with the German message, no session
form w /login "_csrf=$pre" "email=$ADMIN_EMAIL" "password=falsches Passwort"
assert_status 200 401
assert_body_contains "E-Mail oder Passwort ist falsch"
assert_eq "" "$(set_cookie kf_session | grep -v -E '^kf_session=(;|$|""|deleted)')" "session cookie after wrong password"
assert_eq "" "$(html_input password)" "password must not be echoed back"
assert_body_not_contains "falsches Passwort"
web w GET /o/1/team
assert_redirect 303 '/login?next=%2Fo%2F1%2Fteam'

# success
web w GET /login
pre=$(html_input _csrf)
form w /login "_csrf=$pre" "email=$ADMIN_EMAIL" "password=$PW"
assert_redirect 303 /o/1/
c=$(set_cookie kf_session)
assert_match "$c" '^kf_session=[^;]{16,}' "Set-Cookie kf_session"
assert_match "$c" '; *[Hh]ttp[Oo]nly' "kf_session HttpOnly"
assert_match "$c" '; *[Ss]ame[Ss]ite=[Ll]ax' "kf_session SameSite=Lax"

# ---- start page and team page
web w GET /o/1/
assert_status 200
assert_eq "text/html; charset=utf-8" "$(hdr Content-Type | tr 'A-Z' 'a-z')" "Content-Type of /o/1/"
assert_body_contains "$ORG_NAME"
refresh_csrf w
csrf=${KF_CSRF[w]}
# the same token as the API's for this session
web w GET /api/v1/session
assert_status 200
assert_json .csrf_token "$csrf"

web w GET /o/1/team
assert_status 200
assert_eq "text/html; charset=utf-8" "$(hdr Content-Type | tr 'A-Z' 'a-z')" "Content-Type of team page"

# ---- new contact
web w GET /o/1/contacts/new
assert_status 200
assert_eq "$csrf" "$(html_input _csrf)" "_csrf in the new-contact form"
for f in name company function email notes external last_verified phone_kind_0 phone_number_0; do
	html_input "$f" name >/dev/null && _kf_pass || fail "new-contact form has no field '$f'"
done

form_csrf w /o/1/contacts/new "name=Erika Muster" "company=Muster GmbH" "function=IT-Leitung" \
	"email=erika@example.org" "notes=Hat den Schlüssel" "external=1" "last_verified=2024-10-01" \
	"phone_kind_0=mobile" "phone_number_0=+49 170 1234567" "phone_kind_1=office" "phone_number_1=0761 123456"
assert_redirect 303 /o/1/team
api GET "$O/contacts"
assert_json 'length' 1
erika=$(json '.[0].id')
assert_json '.[0].name' "Erika Muster"
assert_json '.[0].company' "Muster GmbH"
assert_json '.[0].function' "IT-Leitung"
assert_json '.[0].email' "erika@example.org"
assert_json '.[0].notes' "Hat den Schlüssel"
assert_json '.[0].external' true
assert_json '.[0].last_verified' 2024-10-01
assert_json '.[0].phones | map(.kind + "=" + .number) | join(";")' "mobile=+49 170 1234567;office=0761 123456"
assert_json '.[0].version' 1
web w GET /o/1/team
assert_status 200
assert_contains "$(html_text)" "Erika Muster" "team page text"

# without external, empty phone rows are ignored
form_csrf w /o/1/contacts/new "name=Anton Aal" "company=" "function=" "email=" "notes=" \
	"last_verified=" "phone_kind_0=mobile" "phone_number_0=" "phone_kind_1=office" "phone_number_1="
assert_redirect 303 /o/1/team
api GET "$O/contacts"
assert_json 'length' 2
anton=$(json 'map(select(.name == "Anton Aal"))[0].id')
assert_json 'map(select(.name == "Anton Aal"))[0].external' false
assert_json 'map(select(.name == "Anton Aal"))[0].last_verified' null
assert_json 'map(select(.name == "Anton Aal"))[0].phones | length' 0
snapshot contacts "$O/contacts"

# ---- validation: 422, form again, input kept, message beside the field
form_csrf w /o/1/contacts/new "name=" "company=Firma Bleibt" "function=Chef" "email=kaputt" \
	"notes=Notiz bleibt" "last_verified=2024-10-01" "phone_kind_0=mobile" "phone_number_0=0170 555"
assert_status 422
assert_eq "text/html; charset=utf-8" "$(hdr Content-Type | tr 'A-Z' 'a-z')" "Content-Type of 422 page"
assert_ne "" "$(html_id_text err-name)" "text of #err-name"
assert_ne "" "$(html_id_text err-email)" "text of #err-email"
assert_eq true "$(html_input name aria-invalid)" "aria-invalid of name input"
assert_eq true "$(html_input email aria-invalid)" "aria-invalid of email input"
assert_eq "Firma Bleibt" "$(html_input company)" "company kept"
assert_eq "kaputt" "$(html_input email)" "email kept"
assert_eq "Notiz bleibt" "$(html_input notes)" "notes kept"
assert_eq "0170 555" "$(html_input phone_number_0)" "phone kept"
assert_ne true "$(html_input company aria-invalid)" "aria-invalid of valid company input"
assert_eq "" "$(html_id_text err-company)" "text of #err-company (company is valid)"
assert_eq "$csrf" "$(html_input _csrf)" "_csrf in the re-shown form"
form_csrf w /o/1/contacts/new "name=Bad Phone" "phone_kind_0=mobile" "phone_number_0=12"
assert_status 422
assert_match "$BODY" 'id="err-phone' "error element for the phone row"
form_csrf w /o/1/contacts/new "name=Bad Date" "last_verified=2099-01-01"
assert_status 422
assert_ne "" "$(html_id_text err-last_verified)" "text of #err-last_verified"
assert_unchanged contacts

# ---- CSRF on form posts
form w /o/1/contacts/new "name=Ohne CSRF"
assert_status 403
form w /o/1/contacts/new "_csrf=${pre}" "name=Mit Login-CSRF"
assert_status 403
form w /o/1/contacts/new "_csrf=0000000000000000" "name=Falsches CSRF"
assert_status 403
form w "/o/1/contacts/$anton/delete" "version=1"
assert_status 403
assert_unchanged contacts

# ---- escaping
xss='<script>alert(1)</script>'
attr='"><img src=x onerror=alert(2)>'
form_csrf w /o/1/contacts/new "name=$xss" "company=$attr" "function=Tom & Jerry" "notes=</textarea><b>fett</b>"
assert_redirect 303 /o/1/team
api GET "$O/contacts"
xid=$(json "map(select(.name == \"$xss\"))[0].id")
assert_match "$xid" '^[0-9]+$' "id of the <script> contact (stored verbatim)"
assert_json "map(select(.id == ${xid:-0}))[0].company" "$attr"
web w GET /o/1/team
assert_status 200
assert_body_contains '&lt;script&gt;alert(1)&lt;/script&gt;'
assert_body_not_contains '<script>alert(1)'
assert_body_not_contains '<img src=x'
web w GET "/o/1/contacts/$xid"
assert_status 200
assert_body_not_contains '<script>alert(1)'
assert_body_not_contains '<img src=x'
assert_body_not_contains '</textarea><b>'
assert_eq "$xss" "$(html_input name)" "name value in edit form (decoded)"
assert_eq "$attr" "$(html_input company)" "company value in edit form (decoded)"
assert_eq "Tom & Jerry" "$(html_input function)" "function value in edit form (decoded)"
assert_eq "</textarea><b>fett</b>" "$(html_input notes)" "notes in edit form (decoded)"
# invalid input is escaped when shown again, too
form_csrf w /o/1/contacts/new "name=" "company=$xss" "email=$attr"
assert_status 422
assert_body_not_contains '<script>alert(1)'
assert_body_not_contains '<img src=x'

# ---- edit
web w GET "/o/1/contacts/$erika"
assert_status 200
assert_eq "Erika Muster" "$(html_input name)" "name in edit form"
assert_eq "Muster GmbH" "$(html_input company)" "company in edit form"
assert_eq "erika@example.org" "$(html_input email)" "email in edit form"
assert_eq "2024-10-01" "$(html_input last_verified)" "last_verified in edit form"
assert_eq "+49 170 1234567" "$(html_input phone_number_0)" "phone_number_0 in edit form"
assert_eq "0761 123456" "$(html_input phone_number_1)" "phone_number_1 in edit form"
assert_eq 1 "$(html_input version)" "version in edit form"
assert_eq "$csrf" "$(html_input _csrf)" "_csrf in edit form"
form_csrf w "/o/1/contacts/$erika" "version=1" "name=Erika Muster-Neu" "company=Muster AG" \
	"function=IT-Leitung" "email=erika@example.org" "notes=" "last_verified=2024-11-01" \
	"phone_kind_0=office" "phone_number_0=0761 654321"
assert_redirect 303 /o/1/team
api GET "$O/contacts/$erika"
assert_json .version 2
assert_json .name "Erika Muster-Neu"
assert_json .company "Muster AG"
assert_json .external false
assert_json .last_verified 2024-11-01
assert_json '.phones | map(.kind + "=" + .number) | join(";")' "office=0761 654321"
web w GET /o/1/team
assert_contains "$(html_text)" "Erika Muster-Neu" "team page text after edit"
# invalid edit: 422, nothing stored
snapshot erika "$O/contacts/$erika"
form_csrf w "/o/1/contacts/$erika" "version=2" "name=Erika" "email=ohne-at"
assert_status 422
assert_ne "" "$(html_id_text err-email)" "text of #err-email on edit"
assert_eq "ohne-at" "$(html_input email)" "email kept on edit"
assert_unchanged erika
web w GET /o/1/contacts/987654
assert_status 404

# ---- roles by form
web w GET /o/1/roles/new
assert_status 200
for f in name duties primary_contact_id deputy_0; do
	html_input "$f" name >/dev/null && _kf_pass || fail "new-role form has no field '$f'"
done
form_csrf w /o/1/roles/new "name=Notfallleitung" "duties=Koordiniert alles" \
	"primary_contact_id=$erika" "deputy_0=$anton" "deputy_1=" "deputy_2="
assert_redirect 303 /o/1/team
api GET "$O/roles"
assert_json 'length' 1
role=$(json '.[0].id')
assert_json '.[0].name' Notfallleitung
assert_json '.[0].primary_contact_id' "$erika"
assert_json '.[0].deputy_contact_ids | map(tostring) | join(",")' "$anton"
web w GET /o/1/team
assert_contains "$(html_text)" "Notfallleitung" "team page lists the role"
snapshot roles "$O/roles"
form_csrf w /o/1/roles/new "name=" "primary_contact_id=$erika" "deputy_0=$erika"
assert_status 422
assert_ne "" "$(html_id_text err-name)" "text of #err-name on role form"
assert_eq true "$(html_input name aria-invalid)" "aria-invalid of role name"
assert_unchanged roles
web w GET "/o/1/roles/$role"
assert_status 200
assert_eq Notfallleitung "$(html_input name)" "role name in edit form"
assert_eq "$erika" "$(html_input primary_contact_id)" "primary person in edit form"
assert_eq "$anton" "$(html_input deputy_0)" "deputy_0 in edit form"
assert_eq 1 "$(html_input version)" "version in role edit form"
form_csrf w "/o/1/roles/$role" "version=1" "name=Notfallleitung" "duties=Neu" \
	"primary_contact_id=$anton" "deputy_0=$erika" "deputy_1=" "deputy_2="
assert_redirect 303 /o/1/team
api GET "$O/roles/$role"
assert_json .version 2
assert_json .primary_contact_id "$anton"
assert_json '.deputy_contact_ids | map(tostring) | join(",")' "$erika"
assert_json .duties Neu

# a contact that fills a role cannot be deleted from the web either
web w GET "/o/1/contacts/$anton/delete"
assert_status 200
snapshot contacts "$O/contacts"
form_csrf w "/o/1/contacts/$anton/delete" "version=1"
assert_status 409 422
assert_unchanged contacts

# ---- delete
web w GET "/o/1/roles/$role/delete"
assert_status 200
assert_body_contains "wirklich löschen"
form_csrf w "/o/1/roles/$role/delete" "version=2"
assert_redirect 303 /o/1/team
api GET "$O/roles/$role"
assert_error 404 not_found
web w GET "/o/1/contacts/$xid/delete"
assert_status 200
assert_body_contains "wirklich löschen"
assert_body_not_contains '<script>alert(1)'
assert_eq "$csrf" "$(html_input _csrf)" "_csrf in delete form"
assert_eq 1 "$(html_input version)" "version in delete form"
form_csrf w "/o/1/contacts/$xid/delete" "version=1"
assert_redirect 303 /o/1/team
api GET "$O/contacts/$xid"
assert_error 404 not_found
web w GET /o/1/team
assert_body_not_contains 'alert(1)'

# ---- logout
form w /logout
assert_status 403
web w GET /o/1/team
assert_status 200
form_csrf w /logout
assert_redirect 303 /login
web w GET /o/1/team
assert_redirect 303 '/login?next=%2Fo%2F1%2Fteam'
web w GET /api/v1/session
assert_error 401 unauthenticated

kf_stop
kf_done
