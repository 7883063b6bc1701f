#!/usr/bin/env bash
# The permission matrix, route by route, read from src/http/routes.def: for
# every AUTH_ORG route a member whose role is below MIN_ROLE gets 403 (API:
# error code "forbidden"; pages: the 403 page), a non-member gets the
# router's 404, and a member with exactly MIN_ROLE is let through.
#
# {id} is filled with an id that exists nowhere: the router checks
# membership and role before the handler looks the item up, so a 403 (and
# the router's own 404 text for non-members, which differs from every "item
# not found" text) proves the order. Every request carries a valid CSRF
# token, so a 403 is the role check and not the CSRF check.
. "$(dirname "$0")/lib.sh"

kf_setup
EN="Accept-Language: en"
FORBIDDEN_TEXT="Your role in this organisation does not allow this."
NOACCESS_TEXT="This page does not exist, or you have no access to it."
MISSING_ID=999999

declare -A LEVEL=([MEMBER_NONE]=0 [MEMBER_READER]=1 [MEMBER_EDITOR]=2 [MEMBER_NOTFALLLEITER]=3 [MEMBER_ADMIN]=4)
declare -A CLIENT_LEVEL=([reader]=1 [editor]=2 [notfallleiter]=3 [admin]=4)

for r in reader editor notfallleiter; do
	kf_user_add "$r@example.org" "Nutzer $r" "$r"
	login "$r" "$r@example.org" "$PW" || kf_die "login $r"
done
cli org add --data "$KF_DATA" --name "Fremde GmbH"
kf_user_add stranger@example.org "Fremd" admin 2
login stranger stranger@example.org "$PW" || kf_die "login stranger"

# request CLIENT METHOD KIND PATH — as CLIENT, with its CSRF token, in English
request() {
	local c=$1 m=$2 kind=$3 p=$4
	if [[ $kind == KIND_API ]]; then
		if [[ $m == GET ]]; then
			api_as "$c" GET "$p" -H "$EN"
		else
			api_as "$c" "$m" "$p" '{}' -H "$EN" -H 'If-Match: "1"'
		fi
	elif [[ $m == GET ]]; then
		web "$c" GET "$p" -H "$EN"
	else
		web "$c" POST "$p" -H 'Content-Type: application/x-www-form-urlencoded' -H "$EN" \
			--data-urlencode "_csrf=${KF_CSRF[$c]-}"
	fi
	KF_LAST_REQ="$m $p as $c"
}

routes=0
checked_forbidden=0
while IFS= read -r line; do
	[[ $line =~ ^ROUTE\(([A-Z]+),\ \"([^\"]+)\",\ ([a-z_0-9]+),\ ([A-Z_]+),\ ([A-Z_]+),\ ([A-Z_]+),\ ([A-Z_]+)\) ]] || continue
	m=${BASH_REMATCH[1]} pattern=${BASH_REMATCH[2]} auth=${BASH_REMATCH[4]} min=${BASH_REMATCH[5]} kind=${BASH_REMATCH[7]}
	[[ $auth == AUTH_ORG ]] || continue
	routes=$((routes + 1))
	need=${LEVEL[$min]:-}
	[[ -n $need && $need -ge 1 ]] || { fail "route $m $pattern: AUTH_ORG needs a MIN_ROLE of at least MEMBER_READER, has $min"; continue; }
	path=${pattern//\{org\}/1}
	path=${path//\{id\}/$MISSING_ID}
	path=${path//\{chapter\}/team} # review marks: a chapter that exists
	path=${path//\{entity\}/contact} # comments: restoring deleted items
	path=${path//\{kind\}/json} # exports: a kind that exists
	[[ $path != *\{* ]] || { fail "route $m $pattern: a placeholder this test does not know"; continue; }
	item=0
	[[ $pattern == *\{id\}* ]] && item=1

	# a non-member: the router's 404, before anything else
	request stranger "$m" "$kind" "$path"
	if [[ $STATUS != 404 ]]; then
		fail "$m $pattern as non-member: expected 404, got $STATUS"
	elif [[ $kind == KIND_API ]]; then
		assert_json .error.message "$NOACCESS_TEXT"
	else
		assert_body_contains "$NOACCESS_TEXT"
	fi

	for c in reader editor notfallleiter admin; do
		# below the line every role is refused; at the line the role is let through (higher roles
		# differ from it only in the routes they may call, which the rows above them cover)
		((CLIENT_LEVEL[$c] <= need)) || continue
		request "$c" "$m" "$kind" "$path"
		if ((CLIENT_LEVEL[$c] < need)); then
			checked_forbidden=$((checked_forbidden + 1))
			if [[ $STATUS != 403 ]]; then
				fail "$m $pattern as $c (below $min): expected 403, got $STATUS"
			elif [[ $kind == KIND_API ]]; then
				assert_json .error.code forbidden
			else
				assert_body_contains "$FORBIDDEN_TEXT"
			fi
		else
			# let through: whatever the handler answers, it is not the router's refusal
			if [[ $STATUS == 401 || $STATUS == 403 ]]; then
				fail "$m $pattern as $c ($min or more): expected to be let through, got $STATUS"
			elif [[ $STATUS == 404 ]] && ((item == 0)); then
				fail "$m $pattern as $c: 404 on a route without an item"
			elif [[ $STATUS == 404 && $kind == KIND_API ]] && [[ $(json .error.message) == "$NOACCESS_TEXT" ]]; then
				fail "$m $pattern as $c: the router's 404 for a member"
			else
				_kf_pass
			fi
		fi
	done
done <"$KF_ROOT/src/http/routes.def"

note "$routes AUTH_ORG routes, $checked_forbidden below-role requests"
((routes > 100)) || fail "only $routes AUTH_ORG routes read from routes.def"
((checked_forbidden > 100)) || fail "only $checked_forbidden below-role checks"

# the sentences the matrix relies on: readers never write, editors never manage members
request reader POST KIND_API "$O/contacts"
assert_error 403 forbidden
request editor POST KIND_API "$O/invitations"
assert_error 403 forbidden
request editor GET KIND_WEB /o/1/members
assert_status 403
request notfallleiter PATCH KIND_API "$O/members/1"
assert_error 403 forbidden

# a clean exit (under ASan also: no leaks)
kf_stop
kf_done
