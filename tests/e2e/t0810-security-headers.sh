#!/usr/bin/env bash
# Security headers on every kind of response; HTML has no inline scripts.
. "$(dirname "$0")/lib.sh"

kf_setup
new_contact c '{"name": "Erika Muster"}'
web_login w "$ADMIN_EMAIL" "$PW"

# check_headers WHAT — the headers of the last response
check_headers() {
	local what=$1 csp d src
	csp=$(hdr Content-Security-Policy)
	if [[ -z $csp ]]; then
		fail "$what: no Content-Security-Policy header"
	else
		_kf_pass
		assert_match "$csp" "frame-ancestors[[:space:]]+'none'" "$what: CSP frame-ancestors"
		# the directive that governs scripts: script-src, else default-src
		src=
		for d in script-src default-src; do
			src=$(tr ';' '\n' <<<"$csp" | sed -E 's/^[[:space:]]+//' | grep -i -E "^$d([[:space:]]|$)" | head -n 1)
			[[ -n $src ]] && break
		done
		if [[ -z $src ]]; then
			fail "$what: CSP has neither script-src nor default-src: $csp"
		else
			assert_not_contains "$src" "'unsafe-inline'" "$what: CSP $src"
		fi
	fi
	assert_eq nosniff "$(hdr X-Content-Type-Options | tr 'A-Z' 'a-z')" "$what: X-Content-Type-Options"
	assert_ne "" "$(hdr Referrer-Policy)" "$what: Referrer-Policy"
	assert_eq 1 "$(hdr_all Content-Security-Policy | grep -c .)" "$what: number of CSP headers"
}
check_html() {
	local what=$1
	check_headers "$what"
	assert_eq "text/html; charset=utf-8" "$(hdr Content-Type | tr 'A-Z' 'a-z')" "$what: Content-Type"
	# no inline scripts or inline event handlers (they would need unsafe-inline)
	local inline
	inline=$(grep -o -i -E '<script[^>]*>' <<<"$BODY" | grep -v -i 'src=' || true)
	assert_eq "" "$inline" "$what: inline <script>"
	inline=$(grep -o -i -E '<[a-z][^>]*[[:space:]]on[a-z]+=[^>]*>' <<<"$BODY" || true)
	assert_eq "" "$inline" "$what: inline event handler"
	assert_not_contains "$BODY" "javascript:" "$what: javascript: URL"
}

http GET /healthz
check_headers "GET /healthz"
http GET /login
check_html "GET /login"
http GET /o/1/team
assert_status 303
check_headers "GET /o/1/team (anonymous redirect)"
http GET /no/such/page
assert_status 404
check_headers "GET /no/such/page (404)"
http GET /api/v1/orgs
assert_status 401
check_headers "GET /api/v1/orgs (401)"
assert_header_contains Content-Type application/json
http POST /api/v1/session -H 'Content-Type: application/json' --data-binary '{"email":'
assert_status 400
check_headers "POST /api/v1/session (400)"

api GET "$O/contacts"
assert_status 200
check_headers "GET contacts (API 200)"
assert_header_contains Content-Type application/json
api POST "$O/contacts" '{"name": "X"}'
assert_status 201
check_headers "POST contacts (API 201)"
api PATCH "$O/contacts/$c" '{"name": ""}' -H "$(im 1)"
assert_status 422
check_headers "PATCH contact (API 422)"
api DELETE "$O/contacts/$c" "" -H "$(im 1)"
assert_status 204
check_headers "DELETE contact (API 204)"

for p in /o/1/ /o/1/team /o/1/contacts/new /o/1/roles/new; do
	web w GET "$p"
	assert_status 200
	check_html "GET $p"
done
form_csrf w /o/1/contacts/new "name="
assert_status 422
check_html "POST /o/1/contacts/new (422)"
form_csrf w /o/1/contacts/new "name=Neu"
assert_status 303
check_headers "POST /o/1/contacts/new (303)"
form w /o/1/contacts/new "name=Ohne CSRF"
assert_status 403
check_headers "POST without _csrf (403)"

# linked stylesheets / scripts / images are served with the headers too
web w GET /o/1/team
for u in $(grep -o -E '(href|src)="/[^"]+\.(css|js|svg|png|ico|woff2?)"' <<<"$BODY" | sed -E 's/^[a-z]+="//; s/"$//' | sort -u); do
	http GET "$u"
	assert_status 200
	check_headers "GET $u"
	case $u in
	*.css) assert_header_contains Content-Type text/css ;;
	*.js) assert_header_contains Content-Type javascript ;;
	esac
done

kf_stop
kf_done
