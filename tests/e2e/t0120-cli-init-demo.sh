#!/usr/bin/env bash
# krisenfest init --demo: the sample company is created through the same
# validators as user input; its counts, the Plan-Check with exactly the gaps
# built in on purpose, `krisenfest check` failing on them, the recovery order
# against an order worked out by hand, a made-up password that works, and no
# second demo over an existing database.
. "$(dirname "$0")/lib.sh"

# ---- init --demo with a given password and login
cli_pw "$PW" init --demo --data "$KF_DATA" --admin-email "$ADMIN_EMAIL" --password-stdin
assert_eq 0 "$CLI_RC" "exit status of init --demo (stderr: $CLI_ERR)"
assert_contains "$CLI_OUT" "Muster Metallbau GmbH" "init --demo output"
assert_contains "$CLI_OUT" "$ADMIN_EMAIL" "init --demo names the login"
assert_not_contains "$CLI_OUT" "$PW" "init --demo does not echo a given password"

# ---- a second demo (or init) over the existing database: refused, nothing changed
sum_before=$(cd "$KF_DATA" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
cli_pw "$PW" init --demo --data "$KF_DATA" --admin-email other@example.org --password-stdin
assert_eq 1 "$CLI_RC" "exit status of a second init --demo"
assert_contains "$CLI_ERR" "$KF_DATA" "the refusal names the folder"
cli init --demo --data "$KF_DATA"
assert_eq 1 "$CLI_RC" "exit status of init --demo with a made-up password over an instance"
assert_eq "" "$CLI_OUT" "nothing on stdout (no login) when refused"
sum_after=$(cd "$KF_DATA" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
assert_eq "$sum_before" "$sum_after" "data dir after the refused second demo"

# ---- the Plan-Check on the command line: the built-in gaps, exit status 1
cli check --data "$KF_DATA" --org 1 --json
assert_eq 1 "$CLI_RC" "krisenfest check exits 1 with the demo's gaps"
BODY=$CLI_OUT
assert_eq "2 person_without_mobile
3 backup_never_tested
3 critical_system_without_runbook" "$(jq -r '.gaps[] | select(.level == "gap") | "\(.step) \(.kind)"' <<<"$BODY" | LC_ALL=C sort)" \
	"gaps of krisenfest check --json"

kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login to the demo"

# ---- counts
count() { api GET "$O/$1"; assert_status 200; assert_json length "$2" "number of $1"; }
count contacts 26      # 16 staff, 7 providers and advisers, 3 authorities (Bavaria, BKA, BSI)
count roles 5
count risks 9
count processes 11
count systems 17
count backups 4
count runbooks 11
count workarounds 6
count exercises 3
count alarm-steps 6
count plan-copies 4
count acknowledgements 16
count comm-templates 5
api GET "$O/review"
assert_json .state ok
api GET "$O/exercises"
assert_json '[.[] | select(.status == "done")] | length' 2
assert_json '[.[].open_findings] | add' 1
api GET "$O/contacts"
assert_json '[.[] | select(.external | not)] | length' 16
assert_json '[.[] | select(.last_verified == null or .last_verified == "")] | length' 0

# ---- the Plan-Check lists exactly the gaps built in, and the single points of failure of a one-server firm
api GET "$O/contacts"
hahn=$(jq -r '.[] | select(.name == "Oliver Hahn") | .id' <<<"$BODY")
api GET "$O/backups"
website=$(jq -r '.[] | select(.title == "Website (Hosting-Paket)") | .id' <<<"$BODY")
api GET "$O/check"
assert_status 200
assert_eq "2 person_without_mobile /o/1/contacts/$hahn Oliver Hahn hat keine Mobilnummer.
3 backup_never_tested /o/1/backups/$website Die Datensicherung „Website (Hosting-Paket)“ wurde noch nie erfolgreich testweise wiederhergestellt.
3 critical_system_without_runbook /o/1/runbooks Telefonanlage (Cloud) muss innerhalb von 24 Stunden wieder laufen, hat aber noch keinen Wiederanlaufplan." \
	"$(jq -r '.gaps[] | select(.level == "gap") | "\(.step) \(.kind) \(.link) \(.message)"' <<<"$BODY")" "the demo's gaps"
# every critical system is a single point of failure except the CAD workstations (one process), the
# backup NAS (no process needs it to run) and the phone system (every process that needs it has a workaround)
assert_eq "Active Directory
E-Mail (Microsoft 365)
ERP / Warenwirtschaft
Fileserver
Firewall
Internetanschluss (Glasfaser)
Netzwerk (Switches, WLAN)
USV Serverraum
Virtualisierungshost" "$(jq -r '.gaps[] | select(.level == "warning") | "\(.kind) \(.message)"' <<<"$BODY" |
	sed -n 's/^critical_system_spof \(.*\) muss innerhalb.*/\1/p' | LC_ALL=C sort)" "single points of failure"
assert_json '[.gaps[] | select(.level == "warning" and .kind != "critical_system_spof" and .kind != "no_drill")] | length' 0
assert_json '[.gaps[] | select(.kind == "no_drill")] | length' 1 # drill: the demo never ran a reachability drill
assert_json '[.steps[] | select(.step >= 4) | .percent] | tostring' '[100,100]'

# ---- the recovery order, worked out by hand (src/core/recovery_order.c: at each place, among the systems
# whose dependencies are all back, the smallest required RTO, then the highest cost of a day down, then
# the name). Required RTO = the strictest RTO of the processes that need a system directly or through
# others (and the NAS's own 8 h). Cost of a day = 24 × the cost per hour of those processes:
# Angebote 400, Konstruktion 350, Fertigung 900, Einkauf 150, Versand 300, Rechnungen 100,
# Buchhaltung 80, Lohn 50, Kundenservice 250, Zeiterfassung 30, Website 20 (€/h).
computed="1 USV Serverraum
2 Netzwerk (Switches, WLAN)
3 Virtualisierungshost
4 Active Directory
5 ERP / Warenwirtschaft
6 Firewall
7 Internetanschluss (Glasfaser)
8 Fileserver
9 E-Mail (Microsoft 365)
10 Telefonanlage (Cloud)
11 Backup-NAS
12 CAD-Arbeitsplätze
13 DATEV Finanzbuchhaltung
14 Online-Banking
15 Zeiterfassung
16 Website
17 Cloud-Backup"
# 1  USV: needs nothing; RTO 4 (Fertigung, Kundenservice) beats the Website (72), the only other one ready.
# 2  Netzwerk: now USV-dependants are ready (Internet, Firewall, Netzwerk, all RTO 4); Netzwerk is needed by
#    every process but the Website: 62,640 €/day against 31,920 for Internet and Firewall.
# 3  Virtualisierungshost (USV, Netzwerk back): RTO 4, 56,640 €/day (all but Kundenservice and Website);
#    the Backup-NAS is ready too but has RTO 8.
# 4  Active Directory (host back): RTO 4, 55,920 €/day (no Zeiterfassung process) beats Internet/Firewall 31,920.
# 5  ERP (host, AD back): RTO 4 (Fertigung), 44,400 €/day (Angebote, Fertigung, Einkauf, Versand, Rechnungen)
#    beats Firewall/Internet 31,920 and Fileserver 30,000.
# 6  Firewall: RTO 4, 31,920 €/day, the same as the Internet line; the name decides (F before I).
# 7  Internetanschluss: RTO 4, 31,920 beats Fileserver 30,000.
# 8  Fileserver: RTO 4 (Fertigung), 30,000 (Konstruktion, Fertigung) beats E-Mail 28,800, now ready.
# 9  E-Mail: RTO 4 (Kundenservice), 28,800 beats Telefonanlage 15,600.
# 10 Telefonanlage: the last with RTO 4 (Kundenservice), 15,600.
# 11 Backup-NAS: its own target of 8 h beats CAD (24) and the 48-hour systems.
# 12 CAD-Arbeitsplätze: RTO 24 (Konstruktion).
# 13 DATEV: RTO 48 (Buchhaltung), 3,120 €/day (Buchhaltung, Lohn) beats Online-Banking and Zeiterfassung.
# 14 Online-Banking: RTO 48, 1,920 €/day, the same as Zeiterfassung; the name decides (O before Z).
# 15 Zeiterfassung: RTO 48 (Arbeitszeiterfassung), 1,920 €/day (Lohn, Arbeitszeiterfassung).
# 16 Website: RTO 72.
# 17 Cloud-Backup: no process needs it and it has no target of its own: last.
# The team pinned the Backup-NAS to place 3 (the others are restored from it); it needs only USV and network,
# which are 1 and 2, so the override applies and everything from the host to the phone system moves down one.
expected="1 USV Serverraum
2 Netzwerk (Switches, WLAN)
3 Backup-NAS
4 Virtualisierungshost
5 Active Directory
6 ERP / Warenwirtschaft
7 Firewall
8 Internetanschluss (Glasfaser)
9 Fileserver
10 E-Mail (Microsoft 365)
11 Telefonanlage (Cloud)
12 CAD-Arbeitsplätze
13 DATEV Finanzbuchhaltung
14 Online-Banking
15 Zeiterfassung
16 Website
17 Cloud-Backup"
api GET "$O/recovery-order"
assert_status 200
assert_eq "$computed" "$(jq -r '.items | sort_by(.computed_position) | .[] | "\(.computed_position) \(.name)"' <<<"$BODY")" \
	"computed recovery order of the demo company"
assert_eq "$expected" "$(jq -r '.items[] | "\(.position) \(.name)"' <<<"$BODY")" "recovery order with the team's override"
assert_json '[.items[] | select(.position != .computed_position) | .name] | length' 9
assert_json '.items[2].override_reason | test("Backup-NAS")' true
assert_json '.warnings | length' 0
assert_json '[.items[] | select(.name == "Telefonanlage (Cloud)") | .runbook_id] | tostring' '[null]'
assert_json '[.items[] | select(.required_rto_hours != null and .required_rto_hours <= 24 and .runbook_id == null)] | length' 1

# a risk's cost of a day: ransomware hits host, fileserver, ERP and AD; every process that needs one of them
# needs the host, so it is the host's 56,640 €/day (all processes but Kundenservice and Website)
api GET "$O/risks"
assert_json '.[] | select(.title | startswith("Ransomware")) | .cost_per_day' 56640

# the start page counts gaps and warnings apart
web_login w "$ADMIN_EMAIL" "$PW" || kf_die "web login to the demo"
web w GET /o/1/
assert_status 200
assert_body_contains "Gefundene Lücken: 3 · Hinweise: 10" # drill: 9 + the hint that no reachability drill was done

# ---- a made-up password is printed and works
kf_stop
d2=$KF_TMP/gen
cli init --demo --data "$d2"
assert_eq 0 "$CLI_RC" "exit status of init --demo without a password (stderr: $CLI_ERR)"
assert_contains "$CLI_OUT" "demo@example.com" "the default demo login"
genpw=$(tail -n 1 <<<"$CLI_OUT" | awk '{print $NF}')
assert_match "$genpw" '^[A-Za-z0-9_-]{16}$' "made-up password"
KF_DATA=$d2 kf_start
login demo demo@example.com "$genpw"
assert_status 200
api_as demo GET /api/v1/orgs
assert_json '.[0].name' "Muster Metallbau GmbH"

kf_done
