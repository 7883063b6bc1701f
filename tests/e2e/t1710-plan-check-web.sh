#!/usr/bin/env bash
# Plan-Check page: what it is for, the overall figure, per step a progress
# bar and its gaps as links that lead to existing pages, "no gaps" for a
# clean step, names escaped, valid HTML; the start page links to it and shows
# each step's figure; readers see it, other organisations do not.
. "$(dirname "$0")/lib.sh"

command -v tidy >/dev/null || kf_die "tidy is not installed (Debian package tidy)"

kf_init
cli org add --data "$KF_DATA" --name "Andere Firma"
kf_user_add leser@example.org "Lea Leser" reader 1
kf_user_add other@example.org "Otto Other" admin 2
kf_start
login admin "$ADMIN_EMAIL" "$PW" || kf_die "login admin"
web_login w "$ADMIN_EMAIL" "$PW"
web_login r leser@example.org "$PW"
# web_login opens /o/1/, which a member of organisation 2 cannot
web x GET /login
form x /login "_csrf=$(html_input _csrf)" "email=other@example.org" "password=$PW"
assert_status 303
today=$(date -u +%F)

tidy_ok() {
	local out
	# tidy 5.6 does not know aria-current yet; everything else counts
	out=$(printf '%s' "$BODY" | tidy -q -e --drop-empty-elements no 2>&1 | grep -v 'proprietary attribute "aria-current"')
	if [[ -n $out ]]; then fail "$1 is not valid HTML: $out"; else _kf_pass; fi
}

# hrefs of the gap lists (HTML-unescaped)
gap_links() {
	"$KF_PY" -c '
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.depth = 0; self.out = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "ul" and "gaps" in (a.get("class") or "").split(): self.depth += 1
        elif tag == "a" and self.depth: self.out.append(a.get("href"))
    def handle_endtag(self, tag):
        if tag == "ul" and self.depth: self.depth -= 1
p = P(); p.feed(sys.stdin.read()); p.close()
print("\n".join(p.out))
' <<<"$BODY"
}

# ---- empty organisation
web w GET /o/1/check -H 'Accept-Language: en'
assert_status 200
tidy_ok "Plan-Check page (empty organisation)"
txt=$(html_text)
assert_contains "$txt" "Plan-Check" "title"
assert_contains "$txt" "lists what is still missing in your emergency plan" "purpose sentence"
assert_contains "$(html_id_text h-overall)" "The whole plan" "overall section"
assert_contains "$BODY" '<progress max="100" value="0"' "overall progress bar"
for s in 1 2 3 4 5; do
	html_id_text "step-$s" >/dev/null && _kf_pass || fail "no section for step $s"
done
assert_contains "$(html_id_text step-1)" "Step 1 has no content yet" "step 1 content gap"
assert_contains "$(html_id_text step-3)" "Step 3 has no backups recorded yet" "step 3 content gap"
assert_contains "$(html_id_text step-2)" "There is no alarm chain yet" "alarm chain gap"
assert_contains "$BODY" 'href="/o/1/alarm/steps/new"' "gap links where it is fixed"

# ---- data with names that need escaping, a clean step and a warning
new_contact anna "{\"name\": \"Anna <b>Alt</b>\", \"phones\": [{\"kind\": \"mobile\", \"number\": \"0170 1\"}], \"last_verified\": \"$today\"}"
new_contact bernd "{\"name\": \"Bernd & Co\", \"external\": true, \"last_verified\": \"2020-01-01\"}"
new_role rid "{\"name\": \"Technik <script>\", \"primary_contact_id\": $anna}"
api POST "$O/risks" "{\"title\": \"Feuer \\\"groß\\\"\", \"category\": \"environment\", \"likelihood\": 1, \"impact\": 1, \"owner_contact_id\": $anna}"
assert_status 201
api POST "$O/systems" '{"name": "Server <1>", "type": "server"}'
sys=$(json .id)
api POST "$O/processes" "{\"name\": \"Aufträge\", \"rto_hours\": 4, \"system_ids\": [$sys]}"
api POST "$O/processes" "{\"name\": \"Lager\", \"rto_hours\": 8, \"system_ids\": [$sys]}"
api POST "$O/plan-copies" "{\"kind\": \"print\", \"location\": \"Ordner <oben>\", \"plan_date\": \"2020-01-01\"}"
api POST "$O/exercises" '{"type": "tabletop", "title": "Planspiel", "date": "2026-01-10", "status": "done"}'
ex=$(json .id)
api POST "$O/exercises/$ex/findings" '{"title": "Liste <alt>", "due_date": "2026-01-20"}'

web w GET /o/1/check -H 'Accept-Language: en'
assert_status 200
tidy_ok "Plan-Check page with gaps"
assert_contains "$BODY" "Role &quot;Technik &lt;script&gt;&quot; has no deputy." "role name escaped"
assert_not_contains "$BODY" "<script>" "no raw script"
assert_contains "$BODY" "The copy at &quot;Ordner &lt;oben&gt;&quot; holds an old state of the plan." "copy escaped"
assert_contains "$BODY" "Server &lt;1&gt; must be back within 24 hours" "warning text"
assert_contains "$BODY" 'class="badge warning"' "warning badge"
assert_contains "$(html_id_text step-1)" "Warning" "warning named in text, not colour alone"
assert_contains "$BODY" "The finding &quot;Liste &lt;alt&gt;&quot; is past its due date." "finding escaped"
# step 1 has only the SPoF warning; fixing it makes the step clean
api GET "$O/processes"
p2=$(json '.[] | select(.name == "Lager") | .id')
api PATCH "$O/processes/$p2" '{"system_ids": []}' -H "$(im 1)"
web w GET /o/1/check -H 'Accept-Language: en'
assert_contains "$(html_id_text step-1)" "No gaps" "a clean step says so"
assert_contains "$(html_id_text step-1)" "100% complete" "a clean step is complete"
assert_not_contains "$(html_id_text step-2)" "No gaps" "a step with gaps does not"

# every gap link leads to an existing page
links=$(gap_links)
[[ $(wc -l <<<"$links") -ge 8 ]] && _kf_pass || fail "too few gap links: $links"
while read -r href; do
	[[ $href == /o/1/* ]] || { fail "link outside the organisation: $href"; continue; }
	web w GET "${href%%#*}"
	assert_eq 200 "$STATUS" "gap link $href"
	if [[ $href == *#* ]]; then
		assert_contains "$BODY" "id=\"${href#*#}\"" "anchor of $href exists"
	fi
done <<<"$links"

# German by default
web w GET /o/1/check
assert_contains "$BODY" "Die Rolle „Technik &lt;script&gt;“ hat keine Stellvertretung." "German message"
assert_contains "$BODY" 'lang="de"' "German page"

# ---- start page: linked, each live step with its figure
web w GET /o/1/ -H 'Accept-Language: en'
assert_status 200
tidy_ok "start page with the Plan-Check"
assert_contains "$BODY" 'href="/o/1/check"' "start page links to the Plan-Check"
assert_contains "$(html_id_text h-check)" "Plan-Check" "Plan-Check section on the start page"
home=$BODY
api GET "$O/check"
overall=$(json .percent)
step2=$(json '.steps[1].percent')
BODY=$home
assert_contains "$BODY" "<progress max=\"100\" value=\"$overall\"" "overall figure on the start page"
assert_eq 5 "$(grep -o 'aria-label="Completeness of this step in the Plan-Check"' <<<"$BODY" | wc -l)" "one figure per step with checks"
assert_contains "$BODY" "<progress max=\"100\" value=\"$step2\"" "step 2 figure"
assert_contains "$BODY" "contacts, 1 emergency roles" "the step cards keep their content"

# ---- readers see the page; other organisations do not
web r GET /o/1/check
assert_status 200
web x GET /o/1/check
assert_status 404
web x GET /o/2/check -H 'Accept-Language: en'
assert_status 200
assert_not_contains "$BODY" "Technik" "nothing of organisation 1"
tidy_ok "Plan-Check page of organisation 2"

kf_stop
kf_done
