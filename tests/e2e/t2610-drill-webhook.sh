#!/usr/bin/env bash
# The drill's webhook for SMS gateways: the URL is checked (https, or http only to a host allowed by
# --webhook-http-host), versioned with If-Match; each person with a mobile number gets one JSON POST from the
# mail thread with org, drill, name, phone, text and confirmation link, and that link confirms.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mail-lib.sh"

HOOK_DIR=$KF_TMP/hook
mkdir -p "$HOOK_DIR"
HOOK_PORT=$(free_port)
"$KF_PY" - "$HOOK_PORT" "$HOOK_DIR" >>"$KF_TMP/hook.log" 2>&1 </dev/null <<'PY' &
import http.server, os, sys
port, out = int(sys.argv[1]), sys.argv[2]
n = 0
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global n
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        n += 1
        with open(os.path.join(out, "%04d.json" % n), "wb") as f:
            f.write(body)
        with open(os.path.join(out, "%04d.type" % n), "w") as f:
            f.write(self.headers.get("Content-Type", ""))
        self.send_response(204)
        self.end_headers()
    def log_message(self, *a):
        pass
http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
PY
HOOK_PID=$!
trap 'kf_rc=$?; kill "$HOOK_PID" 2>/dev/null; wait "$HOOK_PID" 2>/dev/null; _sink_kill; (exit $kf_rc); _kf_cleanup' EXIT

kf_init
sink_start
KF_SERVE_ARGS=(--smtp-url "smtp://127.0.0.1:$SINK_PORT" --smtp-from "krisenfest@example.org"
	--base-url "https://plan.example.de" --mail-interval 1 --webhook-http-host 127.0.0.1)
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login failed"
kf_user_add leser@example.org 'Lea Leser' reader
login reader leser@example.org "$PW" || kf_die "login reader"

api GET "$O/drill-settings"
assert_status 200
assert_json .webhook_url ""
assert_json .version 0
# refused addresses name the field and store nothing
for bad in "ftp://127.0.0.1/x" "http://sms.example.de/hook" "https://user:pw@sms.example.de/" "https://a b/"; do
	api PUT "$O/drill-settings" "{\"webhook_url\": \"$bad\"}" -H "$(im 0)"
	assert_field_error webhook_url
done
api PUT "$O/drill-settings" '{"webhook_url": "https://sms.example.de/hook", "x": 1}' -H "$(im 0)"
assert_field_error x
api PUT "$O/drill-settings" '{"webhook_url": "https://sms.example.de/hook"}'
assert_status 428
api_as reader PUT "$O/drill-settings" '{"webhook_url": "https://sms.example.de/hook"}' -H "$(im 0)"
assert_error 403 forbidden
api GET "$O/drill-settings"
assert_json .version 0
api PUT "$O/drill-settings" "{\"webhook_url\": \"http://127.0.0.1:$HOOK_PORT/sms\"}" -H "$(im 0)"
assert_status 200
assert_json .version 1
api PUT "$O/drill-settings" '{"webhook_url": ""}' -H "$(im 0)"
assert_status 412

new_contact anna '{"name": "Anna Alarm", "email": "anna@example.org", "phones": [{"kind": "office", "number": "030 1"}, {"kind": "mobile", "number": "0171 1111"}]}'
new_contact bernd '{"name": "Bernd Bote", "email": "bernd@example.org"}'
api POST "$O/alarm-steps" "{\"callee_contact_id\": $anna}"
assert_status 201
api POST "$O/alarm-steps" "{\"caller_contact_id\": $anna, \"callee_contact_id\": $bernd}"
assert_status 201

api POST "$O/drills" '{}'
assert_status 201
drill=$(json .id)

# one call (only Anna has a phone), made by the mail thread
for ((i = 0; i < 150; i++)); do [[ -e $HOOK_DIR/0001.json ]] && break; sleep 0.1; done
[[ -e $HOOK_DIR/0001.json ]] || kf_die "the webhook got nothing"
sleep 1.5
assert_eq 1 "$(find "$HOOK_DIR" -name '*.json' | wc -l)" "one webhook call"
hook=$(<"$HOOK_DIR/0001.json")
assert_eq "application/json" "$(<"$HOOK_DIR/0001.type")" "content type"
assert_eq "$ORG_NAME" "$(jq -r .org <<<"$hook")" "org"
assert_eq "$drill" "$(jq -r .drill <<<"$hook")" "drill"
assert_eq "Anna Alarm" "$(jq -r .contact_name <<<"$hook")" "name"
assert_eq "0171 1111" "$(jq -r .phone <<<"$hook")" "the mobile number"
url=$(jq -r .confirm_url <<<"$hook")
assert_match "$url" '^https://plan\.example\.de/drill/confirm/[A-Za-z0-9_-]+$' "confirm_url"
assert_contains "$(jq -r .text <<<"$hook")" "$url" "the text carries the link"
# sent: the payload with the link is not kept
assert_eq "1|" "$(db_sql 'SELECT count(*), max(payload) FROM webhook_out WHERE sent_at IS NOT NULL')" "sent call without payload"

api_as anon POST /api/v1/drill-confirm "{\"token\": \"${url##*/}\"}"
assert_status 200
assert_json .name "Anna Alarm"
kf_done
