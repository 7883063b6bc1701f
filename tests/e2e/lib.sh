# shellcheck shell=bash
# Shared helpers for the krisenfest end-to-end tests.
#
# Usage in a test file:
#
#   #!/usr/bin/env bash
#   . "$(dirname "$0")/lib.sh"
#   kf_setup                 # init + serve + API login as client "admin"
#   api POST /api/v1/orgs/1/contacts '{"name":"Erika"}'
#   assert_status 201
#   assert_json .name Erika
#   kf_done                  # must be the last line
#
# Environment:
#   KRISENFEST          path of the binary (default: <repo>/build/krisenfest)
#   KF_START_TIMEOUT    seconds to wait for /healthz after start (default 10)
#   KF_CURL_TIMEOUT     seconds per HTTP request (default 30)
#   KF_VERBOSE=1        print every request
#
# Requests store their result in globals:
#   STATUS   HTTP status code ("000" when curl got no answer)
#   BODY     response body
#   HEADERS  file holding the response headers (CRLF stripped)
# Every request helper overwrites them.
#
# A failed assertion prints "file:line: message" and marks the test as failed;
# the test goes on (like git's test-lib) and exits non-zero at the end.
# kf_die stops the test at once (for broken preconditions).

set -u
set -o pipefail

KF_E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KF_ROOT=$(cd "$KF_E2E_DIR/../.." && pwd)
KRISENFEST=${KRISENFEST:-$KF_ROOT/build/krisenfest}
case $KRISENFEST in
/*) ;;
*) KRISENFEST=$PWD/$KRISENFEST ;;
esac
KF_START_TIMEOUT=${KF_START_TIMEOUT:-10}
KF_CURL_TIMEOUT=${KF_CURL_TIMEOUT:-30}
KF_VERBOSE=${KF_VERBOSE:-0}
# python3 for HTML parsing and ports; prefer the system one (version-manager
# shims add ~150 ms per call)
if [[ -z ${KF_PY-} ]]; then
	if [[ -x /usr/bin/python3 ]]; then KF_PY=/usr/bin/python3; else KF_PY=python3; fi
fi

PW='correct horse battery'
ORG_NAME='Bäckerei Beispiel'
ADMIN_EMAIL='admin@example.org'

KF_TEST_NAME=$(basename "$0")
KF_TMP=$(mktemp -d "${TMPDIR:-/tmp}/kf-e2e.XXXXXX") || {
	echo "cannot create temp dir" >&2
	exit 1
}
KF_DATA=$KF_TMP/data
KF_FAILS_FILE=$KF_TMP/fails
: >"$KF_FAILS_FILE"
KF_DONE=0
KF_PID=
KF_PORT=
KF_BASE=
KF_CHECKS=0
KF_LAST_REQ=
STATUS=
BODY=
HEADERS=$KF_TMP/headers
: >"$HEADERS"

KF_SERVE_ARGS=()        # notifications: extra arguments of `krisenfest serve` (--smtp-url ...)
declare -A KF_JAR=()    # client name -> cookie jar file
declare -A KF_CSRF=()   # client name -> CSRF token (API or form)
declare -A KF_BEARER=() # client name -> API token

# ---------------------------------------------------------------- reporting

_kf_where() { # file:line of the test code, with the calling lines of helper functions
	local i out=
	for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
		if [[ ${BASH_SOURCE[i]} != "${BASH_SOURCE[0]}" ]]; then
			if [[ -z $out ]]; then
				out="$(basename "${BASH_SOURCE[i]}"):${BASH_LINENO[i - 1]}"
			else
				out+=" (called from line ${BASH_LINENO[i - 1]})"
			fi
		fi
	done
	printf '%s' "${out:-?}"
}

_kf_snip() { # shorten a value for messages
	local s=$1 max=${2:-400}
	s=${s//$'\r'/}
	if ((${#s} > max)); then
		s="${s:0:max}…(${#s} chars)"
	fi
	printf '%s' "$s"
}

# fail MESSAGE — record a failed check at the caller's position
fail() {
	local where
	where=$(_kf_where)
	{
		printf 'FAIL %s: %s\n' "$where" "$1"
		if [[ -n $KF_LAST_REQ ]]; then
			printf '     last request: %s -> %s\n' "$KF_LAST_REQ" "$STATUS"
			printf '     body: %s\n' "$(_kf_snip "$BODY" 300)"
		fi
	} >&2
	printf '%s: %s\n' "$where" "$1" >>"$KF_FAILS_FILE"
	return 1
}

_kf_pass() { KF_CHECKS=$((KF_CHECKS + 1)); return 0; }

note() { printf '# %s\n' "$*"; }

kf_die() {
	local where
	where=$(_kf_where)
	printf 'FATAL %s: %s\n' "$where" "$*" >&2
	printf '%s: fatal: %s\n' "$where" "$*" >>"$KF_FAILS_FILE"
	exit 1
}

# kf_done — must be the last statement of every test file
kf_done() {
	KF_DONE=1
	exit 0
}

_kf_cleanup() {
	local rc=$? fails
	trap - EXIT INT TERM
	if [[ -n $KF_PID ]] && kill -0 "$KF_PID" 2>/dev/null; then
		kill -TERM "$KF_PID" 2>/dev/null
		local i
		for ((i = 0; i < 100; i++)); do
			kill -0 "$KF_PID" 2>/dev/null || break
			sleep 0.05
		done
		kill -KILL "$KF_PID" 2>/dev/null
		wait "$KF_PID" 2>/dev/null
	fi
	fails=$(wc -l <"$KF_FAILS_FILE" 2>/dev/null || echo 1)
	if [[ $KF_DONE != 1 ]]; then
		echo "FAIL $KF_TEST_NAME: test stopped before kf_done (exit status $rc)" >&2
		fails=$((fails + 1))
	fi
	if ((fails > 0)) && [[ -f $KF_TMP/server.log ]]; then
		echo "---- server log (last 40 lines) ----" >&2
		tail -n 40 "$KF_TMP/server.log" >&2
	fi
	rm -rf "$KF_TMP"
	if ((fails > 0)); then
		echo "# $KF_TEST_NAME: $fails failed check(s), $KF_CHECKS passed" >&2
		exit 1
	fi
	echo "# $KF_TEST_NAME: $KF_CHECKS checks passed"
	exit 0
}
trap _kf_cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

[[ -x $KRISENFEST ]] || kf_die "binary not found or not executable: $KRISENFEST (set KRISENFEST)"

# ---------------------------------------------------------------- assertions

# assert_eq EXPECTED GOT [WHAT]
assert_eq() {
	if [[ $1 == "$2" ]]; then _kf_pass; else
		fail "${3:-value}: expected '$(_kf_snip "$1")', got '$(_kf_snip "$2")'"
	fi
}

# assert_ne UNEXPECTED GOT [WHAT]
assert_ne() {
	if [[ $1 != "$2" ]]; then _kf_pass; else
		fail "${3:-value}: expected something other than '$(_kf_snip "$1")'"
	fi
}

# assert_contains HAYSTACK NEEDLE [WHAT]
assert_contains() {
	if [[ $1 == *"$2"* ]]; then _kf_pass; else
		fail "${3:-text}: expected to contain '$(_kf_snip "$2")', got '$(_kf_snip "$1")'"
	fi
}

# assert_not_contains HAYSTACK NEEDLE [WHAT]
assert_not_contains() {
	if [[ $1 != *"$2"* ]]; then _kf_pass; else
		fail "${3:-text}: must not contain '$(_kf_snip "$2")'"
	fi
}

# assert_match STRING ERE [WHAT]
assert_match() {
	if [[ $1 =~ $2 ]]; then _kf_pass; else
		fail "${3:-value}: expected to match /$2/, got '$(_kf_snip "$1")'"
	fi
}

# assert_status CODE... — STATUS of the last request is one of CODEs
assert_status() {
	local c
	for c in "$@"; do
		[[ $STATUS == "$c" ]] && { _kf_pass; return 0; }
	done
	fail "status: expected $*, got $STATUS"
}

# assert_body_contains NEEDLE / assert_body_not_contains NEEDLE
assert_body_contains() { assert_contains "$BODY" "$1" "body"; }
assert_body_not_contains() { assert_not_contains "$BODY" "$1" "body"; }

# json FILTER — evaluate a jq filter on BODY (raw output); empty on error
json() { jq -r "$1" <<<"$BODY" 2>/dev/null; }

# assert_json FILTER EXPECTED — jq -r FILTER on BODY equals EXPECTED
assert_json() {
	local got
	if ! got=$(jq -r "$1" <<<"$BODY" 2>/dev/null); then
		fail "json $1: expected '$(_kf_snip "$2")', body is not JSON or filter failed"
		return 1
	fi
	if [[ $got == "$2" ]]; then _kf_pass; else
		fail "json $1: expected '$(_kf_snip "$2")', got '$(_kf_snip "$got")'"
	fi
}

# assert_jq FILTER — jq -e FILTER on BODY is true
assert_jq() {
	if jq -e "$1" <<<"$BODY" >/dev/null 2>&1; then _kf_pass; else
		fail "json check failed: $1"
	fi
}

# assert_error STATUS CODE — error answer with this status and error.code
assert_error() {
	assert_status "$1"
	assert_json .error.code "$2"
	assert_jq '.error.message | type == "string" and length > 0'
}

# assert_field_error FIELD — 422 validation_failed naming FIELD in error.fields
assert_field_error() {
	assert_status 422
	assert_json .error.code validation_failed
	if jq -e --arg f "$1" '.error.fields | has($f)' <<<"$BODY" >/dev/null 2>&1; then _kf_pass; else
		fail "error.fields: expected key '$1', got $(json '.error.fields | keys | tostring')"
	fi
}

# assert_field_error_prefix PREFIX — like assert_field_error, any key starting with PREFIX
assert_field_error_prefix() {
	assert_status 422
	assert_json .error.code validation_failed
	if jq -e --arg f "$1" '.error.fields | keys | any(startswith($f))' <<<"$BODY" >/dev/null 2>&1; then _kf_pass; else
		fail "error.fields: expected a key starting with '$1', got $(json '.error.fields | keys | tostring')"
	fi
}

# hdr NAME — value of the (last) response header NAME, case-insensitive
hdr() {
	awk -v n="$1" 'BEGIN { n = tolower(n) }
		{ sub(/\r$/, "") }
		index($0, ":") { k = tolower(substr($0, 1, index($0, ":") - 1));
			if (k == n) { v = substr($0, index($0, ":") + 1); sub(/^[ \t]+/, "", v); sub(/[ \t]+$/, "", v); last = v; found = 1 } }
		END { if (found) print last }' "$HEADERS"
}

# hdr_all NAME — all values of header NAME, one per line
hdr_all() {
	awk -v n="$1" 'BEGIN { n = tolower(n) }
		{ sub(/\r$/, "") }
		index($0, ":") { k = tolower(substr($0, 1, index($0, ":") - 1));
			if (k == n) { v = substr($0, index($0, ":") + 1); sub(/^[ \t]+/, "", v); print v } }' "$HEADERS"
}

# assert_header NAME EXPECTED / assert_header_contains NAME NEEDLE
assert_header() { assert_eq "$2" "$(hdr "$1")" "header $1"; }
assert_header_contains() { assert_contains "$(hdr "$1")" "$2" "header $1"; }
assert_header_absent() {
	local v
	v=$(hdr_all "$1")
	if [[ -z $v ]]; then _kf_pass; else fail "header $1: expected absent, got '$v'"; fi
}

# set_cookie NAME — the Set-Cookie line (all attributes) for cookie NAME, if any
set_cookie() { hdr_all Set-Cookie | grep -E "^$1=" | tail -n 1; }

# ---------------------------------------------------------------- instance

# free_port — print a free TCP port on 127.0.0.1
free_port() {
	"$KF_PY" - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

# kf_init [extra init args...] — initialise $KF_DATA with the admin account
kf_init() {
	local rc
	printf '%s' "$PW" | "$KRISENFEST" init --data "$KF_DATA" --org "$ORG_NAME" \
		--admin-email "$ADMIN_EMAIL" --password-stdin "$@" \
		>"$KF_TMP/init.out" 2>"$KF_TMP/init.err"
	rc=$?
	if ((rc != 0)); then
		cat "$KF_TMP/init.err" >&2
		kf_die "krisenfest init failed with exit status $rc"
	fi
}

# kf_start — start the server on a fresh port, wait for /healthz
# (a port taken by someone else between free_port and bind: up to 3 tries)
kf_start() {
	local i code deadline try
	[[ -z $KF_PID ]] || kf_die "kf_start: server already running"
	for try in 1 2 3; do
		KF_PORT=$(free_port) || kf_die "no free port"
		KF_BASE=http://127.0.0.1:$KF_PORT
		"$KRISENFEST" serve --data "$KF_DATA" --listen "127.0.0.1:$KF_PORT" "${KF_SERVE_ARGS[@]}" \
			>>"$KF_TMP/server.log" 2>&1 </dev/null &
		KF_PID=$!
		deadline=$((SECONDS + KF_START_TIMEOUT))
		while :; do
			code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$KF_BASE/healthz" 2>/dev/null)
			[[ $code == 200 ]] && return 0
			if ! kill -0 "$KF_PID" 2>/dev/null; then
				wait "$KF_PID"
				i=$?
				KF_PID=
				if ((try < 3)) && grep -qi -E 'in use|bind' "$KF_TMP/server.log"; then
					echo "# server could not bind port $KF_PORT, trying another" >&2
					continue 2
				fi
				cat "$KF_TMP/server.log" >&2
				kf_die "server exited during start (status $i)"
			fi
			((SECONDS < deadline)) || kf_die "server did not answer /healthz with 200 within ${KF_START_TIMEOUT}s (last: $code)"
			sleep 0.05
		done
	done
}

# kf_stop — SIGTERM, wait, check exit status 0
kf_stop() {
	local i rc
	[[ -n $KF_PID ]] || kf_die "kf_stop: no server running"
	kill -TERM "$KF_PID" 2>/dev/null
	for ((i = 0; i < 300; i++)); do
		kill -0 "$KF_PID" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$KF_PID" 2>/dev/null; then
		fail "server did not exit within 15s after SIGTERM"
		kill -KILL "$KF_PID" 2>/dev/null
	fi
	wait "$KF_PID"
	rc=$?
	KF_PID=
	assert_eq 0 "$rc" "server exit status after SIGTERM"
}

# kf_setup — kf_init, kf_start, API login of the admin as client "admin"
kf_setup() {
	kf_init
	kf_start
	login admin "$ADMIN_EMAIL" "$PW" || kf_die "admin login failed"
}

# kf_user_add EMAIL NAME ROLE [ORG] — add a user with password $PW
kf_user_add() {
	local rc
	printf '%s' "$PW" | "$KRISENFEST" user add --data "$KF_DATA" --email "$1" \
		--name "$2" --org "${4:-1}" --role "$3" --password-stdin \
		>"$KF_TMP/cli.out" 2>"$KF_TMP/cli.err"
	rc=$?
	((rc == 0)) || { cat "$KF_TMP/cli.err" >&2; kf_die "user add $1 failed (exit $rc)"; }
}

# kf_token EMAIL NAME VAR — create an API token, store it in VAR
kf_token() {
	local t rc
	t=$("$KRISENFEST" token create --data "$KF_DATA" --email "$1" --name "$2" 2>"$KF_TMP/cli.err")
	rc=$?
	((rc == 0)) || { cat "$KF_TMP/cli.err" >&2; kf_die "token create for $1 failed (exit $rc)"; }
	[[ -n $t ]] || kf_die "token create printed nothing"
	printf -v "$3" '%s' "$t"
}

# cli ARGS... — run the binary, capture CLI_RC, CLI_OUT, CLI_ERR
# (stdin: from CLI_STDIN if set, else empty)
cli() {
	"$KRISENFEST" "$@" <<<"${CLI_STDIN-}" >"$KF_TMP/cli.out" 2>"$KF_TMP/cli.err"
	CLI_RC=$?
	CLI_OUT=$(<"$KF_TMP/cli.out")
	CLI_ERR=$(<"$KF_TMP/cli.err")
	CLI_STDIN=
}

# cli_pw PASSWORD ARGS... — run the binary with PASSWORD (no newline) on stdin
cli_pw() {
	local p=$1
	shift
	printf '%s' "$p" | "$KRISENFEST" "$@" >"$KF_TMP/cli.out" 2>"$KF_TMP/cli.err"
	CLI_RC=$?
	CLI_OUT=$(<"$KF_TMP/cli.out")
	CLI_ERR=$(<"$KF_TMP/cli.err")
}

# ---------------------------------------------------------------- HTTP

# http METHOD PATH [curl args...] — plain request, no client state
http() {
	local m=$1 p=$2
	shift 2
	_kf_curl "$m" "$p" "$@"
}

_kf_curl() {
	local m=$1 p=$2 url
	shift 2
	case $p in
	http://* | https://*) url=$p ;;
	*) url=$KF_BASE$p ;;
	esac
	KF_LAST_REQ="$m $p"
	local t0=$EPOCHREALTIME
	: >"$KF_TMP/body"
	: >"$HEADERS.raw"
	STATUS=$(curl -s -g -X "$m" -o "$KF_TMP/body" -D "$HEADERS.raw" -w '%{http_code}' \
		--max-time "$KF_CURL_TIMEOUT" "$@" "$url" 2>"$KF_TMP/curl.err")
	[[ -n $STATUS ]] || STATUS=000
	tr -d '\r' <"$HEADERS.raw" >"$HEADERS"
	BODY=$(<"$KF_TMP/body")
	if [[ $KF_VERBOSE == 1 ]]; then
		local ms=$(((${EPOCHREALTIME/./} - ${t0/./}) / 1000))
		echo "# $m $p -> $STATUS (${ms} ms) $(_kf_snip "$BODY" 120)" >&2
	fi
	return 0
}

# client NAME — declare a client with its own cookie jar (idempotent)
client() {
	if [[ -z ${KF_JAR[$1]+x} ]]; then
		KF_JAR[$1]=$KF_TMP/jar.$1
		: >"${KF_JAR[$1]}"
	fi
}

# bearer_client NAME TOKEN — a client that authenticates with a Bearer token
bearer_client() {
	client "$1"
	KF_BEARER[$1]=$2
}

# login NAME EMAIL PASSWORD — API login into client NAME; stores CSRF token.
# Leaves STATUS/BODY of the login request; returns non-zero when not 200.
login() {
	local name=$1 email=$2 pw=$3 body
	client "$name"
	body=$(jq -nc --arg e "$email" --arg p "$pw" '{email: $e, password: $p}')
	_kf_curl POST /api/v1/session -b "${KF_JAR[$name]}" -c "${KF_JAR[$name]}" \
		-H 'Content-Type: application/json' --data-binary "$body"
	if [[ $STATUS == 200 ]]; then
		KF_CSRF[$name]=$(json .csrf_token)
		return 0
	fi
	return 1
}

# api_as NAME METHOD PATH [JSON] [curl args...]
#   Request as client NAME ("anon" = no credentials). JSON may be "" (no body)
#   or "@file"; when the 4th argument starts with "-" it is taken as a curl
#   argument (no body). Session clients send X-CSRF-Token on writes unless
#   KF_NO_CSRF=1.
api_as() {
	local name=$1 m=$2 p=$3 data=${4-}
	local -a args=()
	shift 3
	if [[ $data == -* ]]; then
		data=
	elif (($# > 0)); then
		shift
	fi
	if [[ $name != anon ]]; then
		client "$name"
		args+=(-b "${KF_JAR[$name]}" -c "${KF_JAR[$name]}")
		if [[ -n ${KF_BEARER[$name]-} ]]; then
			args+=(-H "Authorization: Bearer ${KF_BEARER[$name]}")
		elif [[ $m != GET && $m != HEAD && ${KF_NO_CSRF:-0} != 1 && -n ${KF_CSRF[$name]-} ]]; then
			args+=(-H "X-CSRF-Token: ${KF_CSRF[$name]}")
		fi
	fi
	if [[ -n $data ]]; then
		args+=(-H 'Content-Type: application/json' --data-binary "$data")
	fi
	_kf_curl "$m" "$p" "${args[@]}" "$@"
	KF_LAST_REQ="$m $p as $name"
	[[ -n $data ]] && KF_LAST_REQ+=" with body $(_kf_snip "$data" 160)"
	return 0
}

# api METHOD PATH [JSON] [curl args...] — api_as the client "admin"
api() { api_as admin "$@"; }

# im VERSION — an If-Match header line; use as: -H "$(im 2)"
im() { printf 'If-Match: "%s"' "$1"; }

# ORG base path
O=/api/v1/orgs/1

# new_contact VAR JSON [CLIENT] — create a contact, store its id in VAR
new_contact() {
	api_as "${3:-admin}" POST "$O/contacts" "$2"
	[[ $STATUS == 201 ]] || { fail "creating contact $2: expected 201, got $STATUS"; printf -v "$1" '%s' 0; return 1; }
	printf -v "$1" '%s' "$(json .id)"
}

# new_role VAR JSON [CLIENT] — create a role, store its id in VAR
new_role() {
	api_as "${3:-admin}" POST "$O/roles" "$2"
	[[ $STATUS == 201 ]] || { fail "creating role $2: expected 201, got $STATUS"; printf -v "$1" '%s' 0; return 1; }
	printf -v "$1" '%s' "$(json .id)"
}

# snapshot KEY PATH [CLIENT] — remember the normalised JSON answer of GET PATH
# assert_unchanged KEY — GET the same path again and compare (also status).
# Both overwrite STATUS/BODY.
declare -A KF_SNAP_PATH=() KF_SNAP_CLIENT=()
snapshot() {
	local key=$1 p=$2 c=${3:-admin}
	KF_SNAP_PATH[$key]=$p
	KF_SNAP_CLIENT[$key]=$c
	api_as "$c" GET "$p"
	{
		echo "$STATUS"
		jq -S . <<<"$BODY" 2>/dev/null || printf '%s\n' "$BODY"
	} >"$KF_TMP/snap.$key"
}
assert_unchanged() {
	local key=$1 before after
	api_as "${KF_SNAP_CLIENT[$key]}" GET "${KF_SNAP_PATH[$key]}"
	after=$(
		echo "$STATUS"
		jq -S . <<<"$BODY" 2>/dev/null || printf '%s\n' "$BODY"
	)
	before=$(<"$KF_TMP/snap.$key")
	if [[ $before == "$after" ]]; then _kf_pass; else
		fail "stored data changed at ${KF_SNAP_PATH[$key]}: $(diff <(echo "$before") <(echo "$after") | head -n 20 | tr '\n' ' ')"
	fi
}

# ---------------------------------------------------------------- HTML

# web NAME METHOD PATH [curl args...] — browser-like request with client's jar
web() {
	local name=$1 m=$2 p=$3
	shift 3
	client "$name"
	_kf_curl "$m" "$p" -b "${KF_JAR[$name]}" -c "${KF_JAR[$name]}" "$@"
}

# form NAME PATH field=value... — POST a urlencoded form as client NAME
#   (values are urlencoded; pass _csrf yourself or use form_csrf)
form() {
	local name=$1 p=$2 kv
	local -a args=()
	shift 2
	for kv in "$@"; do args+=(--data-urlencode "$kv"); done
	((${#args[@]} > 0)) || args=(--data '')
	web "$name" POST "$p" -H 'Content-Type: application/x-www-form-urlencoded' "${args[@]}"
}

# form_csrf NAME PATH field=value... — form with _csrf of the client added
form_csrf() {
	local name=$1 p=$2
	shift 2
	form "$name" "$p" "_csrf=${KF_CSRF[$name]-}" "$@"
}

# html_input NAME [ATTR] — attribute ATTR (default value) of the first
# <input>/<textarea>/<select> named NAME in BODY, HTML-unescaped;
# for textarea its text, for select the selected option's value.
# Prints nothing (exit 1) when there is no such element.
html_input() {
	KF_HTML_NAME=$1 KF_HTML_ATTR=${2:-value} "$KF_PY" -c '
import html.parser, os, sys
want, attr = os.environ["KF_HTML_NAME"], os.environ["KF_HTML_ATTR"]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.res = None; self.mode = None; self.buf = ""; self.sel = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.res is not None: return
        if self.mode == "select" and tag == "option":
            if "selected" in a and self.sel is None: self.sel = a.get("value", "")
            return
        if a.get("name") != want: return
        if tag == "input":
            v = a.get(attr)
            if v is None and attr in a: v = ""
            self.res = v if v is not None else ("" if attr == "value" else None)
            if self.res is None: self.res = "\0none"
        elif tag == "textarea":
            if attr == "value": self.mode = "textarea"; self.buf = ""
            else: self.res = a.get(attr, "\0none")
        elif tag == "select":
            if attr == "value": self.mode = "select"
            else: self.res = a.get(attr, "\0none")
    def handle_data(self, d):
        if self.mode == "textarea": self.buf += d
    def handle_endtag(self, tag):
        if self.mode == "textarea" and tag == "textarea":
            b = self.buf
            if b.startswith("\n"): b = b[1:]
            self.res = b; self.mode = None
        elif self.mode == "select" and tag == "select":
            self.res = self.sel or ""; self.mode = None
p = P(); p.feed(sys.stdin.read()); p.close()
if p.res is None or p.res == "\0none": sys.exit(1)
sys.stdout.write(p.res)
' <<<"$BODY"
}

# html_tag NAME — the raw start tag of the first element with name="NAME"
html_tag() {
	grep -o -E "<(input|textarea|select)[^>]*name=\"$1\"[^>]*>" <<<"$BODY" | head -n 1
}

# html_id_text ID — text content of the element with id="ID" (tags removed)
html_id_text() {
	KF_HTML_ID=$1 "$KF_PY" -c '
import html.parser, os, sys
want = os.environ["KF_HTML_ID"]
VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0; self.buf = ""; self.found = False; self.done = False
    def handle_starttag(self, tag, attrs):
        if self.done: return
        if self.depth: 
            if tag not in VOID: self.depth += 1
            return
        if dict(attrs).get("id") == want:
            self.found = True
            if tag not in VOID: self.depth = 1
            else: self.done = True
    def handle_endtag(self, tag):
        if self.depth and not self.done:
            self.depth -= 1
            if self.depth == 0: self.done = True
    def handle_data(self, d):
        if self.depth and not self.done: self.buf += d
p = P(); p.feed(sys.stdin.read()); p.close()
if not p.found: sys.exit(1)
sys.stdout.write(" ".join(p.buf.split()))
' <<<"$BODY"
}

# html_text — the visible text of BODY (tags removed, entities decoded)
html_text() {
	"$KF_PY" -c '
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.out = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"): self.skip += 1
    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip: self.skip -= 1
    def handle_data(self, d):
        if not self.skip: self.out.append(d)
p = P(); p.feed(sys.stdin.read()); p.close()
sys.stdout.write(" ".join(" ".join(p.out).split()))
' <<<"$BODY"
}

# web_login NAME EMAIL PASSWORD — HTML login (GET /login, POST /login);
# stores the session CSRF token of the start page in KF_CSRF[NAME]
web_login() {
	local name=$1 email=$2 pw=$3 pre
	client "$name"
	web "$name" GET /login
	[[ $STATUS == 200 ]] || { fail "GET /login: expected 200, got $STATUS"; return 1; }
	pre=$(html_input _csrf) || { fail "GET /login: no _csrf input"; return 1; }
	form "$name" /login "_csrf=$pre" "email=$email" "password=$pw"
	[[ $STATUS == 303 ]] || { fail "POST /login: expected 303, got $STATUS"; return 1; }
	web "$name" GET /o/1/
	[[ $STATUS == 200 ]] || { fail "GET /o/1/ after login: expected 200, got $STATUS"; return 1; }
	refresh_csrf "$name"
}

# refresh_csrf NAME — take the _csrf value from the form in BODY
refresh_csrf() {
	local t
	t=$(html_input _csrf) || { fail "no _csrf input in page"; return 1; }
	KF_CSRF[$1]=$t
}

# location_path — Location header reduced to its path (drops scheme://host)
location_path() {
	local l
	l=$(hdr Location)
	l=${l#"http://127.0.0.1:$KF_PORT"}
	l=${l#"http://localhost:$KF_PORT"}
	printf '%s' "$l"
}

# assert_redirect CODE PATH — redirect status and Location path
assert_redirect() {
	assert_status "$1"
	assert_eq "$2" "$(location_path)" "Location"
}

# today / date helpers (UTC)
today_utc() { date -u +%Y-%m-%d; }

# db_sql SQL — run SQL on the instance database with the sqlite3 shell.
# Only for test setup that has no CLI (a second organisation) and for
# checks of data the API does not expose (history); tied to
# db/migrations/*.sql.
db_sql() {
	command -v sqlite3 >/dev/null || kf_die "sqlite3 shell not installed"
	sqlite3 -batch -bail -cmd '.timeout 5000' "$KF_DATA/krisenfest.db" "$1"
}
