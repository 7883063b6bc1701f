# shellcheck shell=bash
# Helpers of the notification tests (t21xx): a local SMTP sink (tests/tools/smtp_sink.py) and mail checks.
# Source after lib.sh:   . "$(dirname "$0")/lib.sh"; . "$(dirname "$0")/mail-lib.sh"

SINK_PID=
SINK_PORT=
SINK_DIR=$KF_TMP/mail
SINK=$KF_ROOT/tests/tools/smtp_sink.py

_sink_kill() {
	if [[ -n $SINK_PID ]]; then
		kill "$SINK_PID" 2>/dev/null
		wait "$SINK_PID" 2>/dev/null
		SINK_PID=
	fi
}
# the sink goes before lib.sh's cleanup, which keeps the exit status
trap 'kf_rc=$?; _sink_kill; (exit $kf_rc); _kf_cleanup' EXIT

# sink_start [PORT] — start the sink (on PORT, or a free one); sets SINK_PORT
sink_start() {
	local i
	[[ -z $SINK_PID ]] || kf_die "sink_start: sink already running"
	mkdir -p "$SINK_DIR"
	rm -f "$KF_TMP/sink.port"
	"$KF_PY" "$SINK" serve "$SINK_DIR" --port "${1:-0}" --port-file "$KF_TMP/sink.port" \
		>>"$KF_TMP/sink.log" 2>&1 </dev/null &
	SINK_PID=$!
	for ((i = 0; i < 200; i++)); do
		[[ -s $KF_TMP/sink.port ]] && break
		kill -0 "$SINK_PID" 2>/dev/null || { cat "$KF_TMP/sink.log" >&2; kf_die "SMTP sink did not start"; }
		sleep 0.05
	done
	[[ -s $KF_TMP/sink.port ]] || kf_die "SMTP sink did not start"
	SINK_PORT=$(<"$KF_TMP/sink.port")
}

sink_stop() { _sink_kill; }

# mail_count — number of messages the sink holds
mail_count() {
	local f n=0
	for f in "$SINK_DIR"/*.eml; do [[ -e $f ]] && n=$((n + 1)); done
	echo "$n"
}

# wait_mails N [SECONDS] — wait until the sink holds at least N messages
wait_mails() {
	local want=$1 deadline=$((SECONDS + ${2:-15}))
	while (($(mail_count) < want)); do
		((SECONDS < deadline)) || return 1
		sleep 0.1
	done
}

# mail_show N — the decoded message number N (1 = first) into MAIL
mail_show() {
	MAIL=$("$KF_PY" "$SINK" show "$(printf '%s/%04d.eml' "$SINK_DIR" "$1")")
}

# serve_with_smtp PORT — start krisenfest sending to 127.0.0.1:PORT, looking at the outbox every second
serve_with_smtp() {
	KF_SERVE_ARGS=(--smtp-url "smtp://127.0.0.1:$1" --smtp-from "krisenfest@example.org"
		--base-url "https://plan.example.de" --mail-interval 1)
	kf_start
}

# de_text MSGID — the German of MSGID as po/de.po has it (the msgid itself while it has none yet)
de_text() {
	KF_MSGID=$1 "$KF_PY" - "${KF_DE_PO:-$KF_ROOT/po/de.po}" <<'PY'
import os, re, sys
want, cur, key, out = os.environ["KF_MSGID"], None, None, {}
def unq(s): return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    m = re.match(r'^(msgid|msgstr) "(.*)"$', line)
    if m:
        key = m.group(1); cur = unq(m.group(2))
        if key == "msgid": mid = cur
        else: out[mid] = cur
    elif line.startswith('"') and key:
        s = unq(line[1:-1])
        if key == "msgid": mid += s
        else: out[mid] += s
print(out.get(want) or want, end="")
PY
}

# de_subst MSGID VALUE — de_text with its %s replaced by VALUE
de_subst() {
	local t
	t=$(de_text "$1")
	printf '%s' "${t/\%s/$2}"
}
