#!/usr/bin/env bash
# bench/http.sh: how fast does krisenfest serve its busiest page, compared with
# nginx serving the very same HTML as a static file?
#
# Usage: bench/http.sh [PATH/TO/krisenfest]     (default: build/krisenfest)
# Environment: DURATION (default 10s), THREADS (2), CONNECTIONS (50),
#              CONTACTS (200), ROLES (10)
#
# Builds nothing. Talks only to 127.0.0.1. Not part of the test suite: it
# prints figures and fails only when something could not be measured.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${1:-$root/build/krisenfest}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
CONTACTS=${CONTACTS:-200}
ROLES=${ROLES:-10}
PW='correct horse battery'

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }

[ -x "$bin" ] || die "no krisenfest binary at $bin (build it first: ninja -C build)"

# ---- tools: installed when missing and we are root
NGINX=$(command -v nginx || true)
[ -n "$NGINX" ] || { [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx; } || true
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -n "$NGINX" ] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then
		say "installing ${missing[*]}"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
		NGINX=$(command -v nginx || echo /usr/sbin/nginx)
	else
		die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
	fi
fi

# ---- temp instance, cleaned up on every exit
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kf-bench.XXXXXX")
kf_pid= ngx_pid=
cleanup() {
	[ -n "$kf_pid" ] && kill -TERM "$kf_pid" 2>/dev/null && wait "$kf_pid" 2>/dev/null || true
	[ -n "$ngx_pid" ] && kill -QUIT "$ngx_pid" 2>/dev/null && wait "$ngx_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
	local p
	for _ in $(seq 1 200); do
		p=$((20000 + RANDOM % 40000))
		port_free "$p" && { echo "$p"; return; }
	done
	die "no free port"
}

wait_http() { # URL
	for _ in $(seq 1 200); do
		curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

mkdir -p "$tmp/data" "$tmp/www" "$tmp/nginx"
# nginx's workers run as an unprivileged user when started by root: they must
# reach the saved page (only that), while the database stays private.
chmod 711 "$tmp"
chmod 755 "$tmp/www"
chmod 700 "$tmp/data"
printf '%s\n' "$PW" | "$bin" init --data "$tmp/data" --org "Bäckerei Beispiel" --admin-email admin@example.org \
	--admin-name "Anna Admin" --password-stdin >/dev/null

kf_port=$(free_port)
KF=http://127.0.0.1:$kf_port
"$bin" serve --data "$tmp/data" --listen "127.0.0.1:$kf_port" >"$tmp/kf.out" 2>"$tmp/kf.err" &
kf_pid=$!
wait_http "$KF/healthz" || die "krisenfest did not start: $(cat "$tmp/kf.err")"

# ---- log in through the API
login=$(curl -fsS -D "$tmp/login.hdr" -H 'Content-Type: application/json' \
	-d '{"email":"admin@example.org","password":"'"$PW"'"}' "$KF/api/v1/session") || die "API login failed"
csrf=$(jq -r .csrf_token <<<"$login")
session=$(tr -d '\r' <"$tmp/login.hdr" | sed -n 's/^[Ss]et-[Cc]ookie: *kf_session=\([^;]*\).*/\1/p' | head -1)
[ -n "$session" ] && [ -n "$csrf" ] || die "no session cookie / CSRF token"
COOKIE="Cookie: kf_session=$session"

post() { # PATH JSON -> body on stdout; dies unless 201
	local out code
	out=$(curl -sS -w '\n%{http_code}' -H "$COOKIE" -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' --data-binary "$2" "$KF/api/v1/orgs/1$1")
	code=${out##*$'\n'}
	[ "$code" = 201 ] || die "POST $1 answered $code: ${out%$'\n'*}"
	printf '%s' "${out%$'\n'*}"
}

# ---- 200 contacts with German names and two phone numbers each, 10 roles
first=(Anna Jürgen Özlem Hans-Peter Erika Günther Ursula Björn Käthe Lukas Sören Jörg Marie Ümit Bärbel
	Friedrich Luisa Tobias Heike Matthias)
last=(Müller Schmidt Schneider Fischer Weiß Groß Schäfer Köhler Bäcker Krämer Jäger Hoffmann Lößner Wagner
	Brückner Schröder Zimmermann Fuchs Böhm Kühn)
functions=("Geschäftsführung" "Buchhaltung" "Filialleitung" "Backstube" "Verkauf" "Systembetreuung" "Einkauf"
	"Datenschutzbeauftragte" "Auszubildende" "Hausmeister")
say "creating $CONTACTS contacts and $ROLES roles"
ids=()
for i in $(seq 0 $((CONTACTS - 1))); do
	fn=${first[i % ${#first[@]}]}
	ln=${last[(i / ${#first[@]} + i) % ${#last[@]}]}
	func=${functions[i % ${#functions[@]}]}
	ext=false company=""
	if [ $((i % 7)) = 0 ]; then ext=true company="IT-Service Süd GmbH & Co. KG"; fi
	body=$(jq -cn --arg name "$fn $ln" --arg func "$func" --arg company "$company" --argjson ext "$ext" \
		--arg mobile "+49 17$((i % 10)) $((1000000 + i * 7919 % 9000000))" \
		--arg office "0761 $((200000 + i))" \
		--arg email "$(tr 'A-ZÄÖÜäöüß' 'a-zaouaous' <<<"${fn}.${ln}" | tr -cd 'a-z.-')$i@baeckerei-beispiel.de" \
		'{name: $name, function: $func, company: $company, external: $ext, email: $email,
		  last_verified: "2025-09-15", notes: "Schlüssel für den Serverraum liegt in der Filiale.",
		  phones: [{kind: "mobile", number: $mobile}, {kind: "office", number: $office}]}')
	ids+=("$(post /contacts "$body" | jq -r .id)")
done
role_names=("Notfallleitung" "Stellvertretende Notfallleitung" "Technik" "Kommunikation" "Datenschutz"
	"Kasse und Zahlungsverkehr" "Warenwirtschaft" "Lieferanten" "Personal" "Versicherung")
for r in $(seq 0 $((ROLES - 1))); do
	body=$(jq -cn --arg name "${role_names[r % ${#role_names[@]}]} $((r / ${#role_names[@]} + 1))" \
		--argjson p "${ids[r * 3 % ${#ids[@]}]}" \
		--argjson d1 "${ids[(r * 3 + 1) % ${#ids[@]}]}" --argjson d2 "${ids[(r * 3 + 2) % ${#ids[@]}]}" \
		'{name: $name, duties: "Übernimmt im Notfall die Koordination dieses Bereichs und meldet an die Notfallleitung.",
		  primary_contact_id: $p, deputy_contact_ids: [$d1, $d2]}')
	post /roles "$body" >/dev/null
done

# ---- the team page as krisenfest renders it, saved for nginx
code=$(curl -sS -o "$tmp/www/team.html" -w '%{http_code}' -H "$COOKIE" "$KF/o/1/team")
[ "$code" = 200 ] || die "GET /o/1/team answered $code"
grep -q "${first[0]} ${last[0]}" "$tmp/www/team.html" || die "the saved team page does not list the contacts"
chmod 644 "$tmp/www/team.html"
page_bytes=$(stat -c %s "$tmp/www/team.html")

# ---- nginx with its own config, in the foreground, in the background
ngx_port=$(free_port)
NGX=http://127.0.0.1:$ngx_port
cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes auto;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:$ngx_port;
		root $tmp/www;
		location = /o/1/team { default_type "text/html; charset=utf-8"; try_files /team.html =404; }
	}
}
EOF
"$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log" >"$tmp/nginx/out.log" 2>&1 &
ngx_pid=$!
wait_http "$NGX/o/1/team" || die "nginx did not start: $(tail -5 "$tmp/nginx/error.log" "$tmp/nginx/out.log" 2>/dev/null)"
cmp -s "$tmp/www/team.html" <(curl -fsS "$NGX/o/1/team") || die "nginx serves something else than the saved page"

# ---- measure
run_wrk() { # NAME URL [wrk args]
	local name=$1 url=$2 out
	shift 2
	say "wrk -t$THREADS -c$CONNECTIONS -d$DURATION $(sed 's/kf_session=[^ ]*/kf_session=.../' <<<"$*") $url"
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
	printf '%s\n' "$out" >"$tmp/wrk-$name.txt"
	printf '%s\n' "$out" | sed 's/^/    /' >&2
	if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then
		say "WARNING: $name answered errors: $(grep 'Non-2xx' <<<"$out")"
	fi
	awk '/^Requests\/sec:/ {print $2}' <<<"$out"
}
# peak memory so far: log-in (the password hash needs 64 MiB for a moment)
# and creating the data; then reset the peak to see what serving needs
hwm_setup=$(awk '/^VmHWM:/ {print $2, $3}' "/proc/$kf_pid/status")
reset_hwm=no
if (echo 5 >"/proc/$kf_pid/clear_refs") 2>/dev/null; then reset_hwm=yes; fi
kf_rps=$(run_wrk krisenfest "$KF/o/1/team" -H "$COOKIE")
hwm_load=$(awk '/^VmHWM:/ {print $2, $3}' "/proc/$kf_pid/status")
# one more request as a check that the session survived the run
code=$(curl -sS -o /dev/null -w '%{http_code}' -H "$COOKIE" "$KF/o/1/team")
[ "$code" = 200 ] || say "WARNING: the team page answered $code after the run"
ngx_rps=$(run_wrk nginx "$NGX/o/1/team")
rss=$(awk '/^VmRSS:/ {print $2, $3}' "/proc/$kf_pid/status")
kf_p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk-krisenfest.txt")
ngx_p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk-nginx.txt")
ratio=$(awk -v a="$kf_rps" -v b="$ngx_rps" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "n/a" }')

cat <<EOF

krisenfest HTTP benchmark: GET /o/1/team ($CONTACTS contacts, $ROLES roles), wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) CPUs
  page size            $page_bytes bytes ($(awk -v b="$page_bytes" 'BEGIN {printf "%.1f KiB", b / 1024}'))
  krisenfest           $kf_rps req/s   (p99 latency $kf_p99)
  nginx, static copy   $ngx_rps req/s   (p99 latency $ngx_p99)
  krisenfest / nginx   $ratio
  krisenfest memory    peak $hwm_setup (VmHWM after log-in and creating the data)
                       peak $( [ $reset_hwm = yes ] && echo "$hwm_load (VmHWM during the wrk run)" || echo "n/a (could not reset VmHWM)"), now $rss (VmRSS)
EOF
