/* page_risks.c: step 1, the risk register: the matrix, the list, and the form to add, edit and delete a risk. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "heatmap.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This risk does not exist (any more).")

static void register_url(struct req *r, char *out, size_t len)
{
	snprintf(out, len, "/o/%lld/risks", (long long)r->org.id);
}

static const char *contact_name(const struct contact *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return list[i].name;
	return NULL;
}

/* The score with its level (on the organisation's scale) as text, coloured by level. */
static void level_badge(struct req *r, const struct risk *k)
{
	enum risk_level l = risk_level_of(k);
	int score = risk_score(k);
	static const char *const classes[RISK_LEVEL__MAX] = { "badge lvl-low", "badge lvl-medium", "badge lvl-high",
							       "badge lvl-critical" };

	html_lit(&r->out, "<span");
	html_attr(&r->out, "class", classes[l]);
	html_lit(&r->out, ">");
	html_textf(&r->out, "%d · ", score);
	html_text(&r->out, _(r->lang, risk_level_label(l)));
	html_lit(&r->out, "</span>");
}

/* "12.000 €" (German) or "12,000 €"; a dash when unknown. */
static void euros(struct req *r, int64_t v)
{
	char digits[32], out[48];
	size_t n, k = 0;

	if (v < 0) {
		html_lit(&r->out, "–");
		return;
	}
	snprintf(digits, sizeof(digits), "%lld", (long long)v);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[k++] = r->lang == KF_LANG_DE ? '.' : ',';
		out[k++] = digits[i];
	}
	out[k] = '\0';
	html_text(&r->out, out);
	html_lit(&r->out, "\u00a0€");
}

/* The category as the reader sees it: the own category's name, or the built-in label. */
static const char *category_text(struct req *r, const struct risk *k)
{
	if (k->category == RISK_CAT_OWN)
		return k->category_name;
	return _(r->lang, risk_category_label(k->category));
}

static void cell(struct req *r, const char *column_msgid)
{
	html_lit(&r->out, "<td");
	html_attr(&r->out, "data-label", _(r->lang, column_msgid));
	html_lit(&r->out, ">");
}

static void risks_table(struct req *r, const struct risk *list, size_t n, const struct contact *contacts,
			size_t ncontacts)
{
	static const char *const columns[] = { N_("Risk"), N_("Category"), N_("Score"), N_("Cost of one day"), N_("Owner"),
					       N_("Status"), N_("Next review") };
	struct strbuf *o = &r->out;
	char href[80], today[11];

	kf_date_iso(kf_now(), today);
	html_lit(o, "<div class=\"table-wrap\"><table class=\"risks\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct risk *k = &list[i];
		const char *owner = k->owner_contact_id ? contact_name(contacts, ncontacts, k->owner_contact_id) : NULL;

		snprintf(href, sizeof(href), "/o/%lld/risks/%lld", (long long)r->org.id, (long long)k->id);
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, k->title);
		html_lit(o, "</a></th>");
		cell(r, N_("Category"));
		html_text(o, category_text(r, k));
		html_lit(o, "</td>");
		cell(r, N_("Score"));
		level_badge(r, k);
		html_lit(o, "</td>");
		cell(r, N_("Cost of one day"));
		if (k->nprocesses || k->nsystems)
			euros(r, k->cost_per_day);
		html_lit(o, "</td>");
		cell(r, N_("Owner"));
		if (owner) {
			html_text(o, owner);
		} else {
			html_lit(o, "<span class=\"badge gap\">");
			html_text(o, _(r->lang, "nobody yet"));
			html_lit(o, "</span>");
		}
		html_lit(o, "</td>");
		cell(r, N_("Status"));
		html_text(o, _(r->lang, risk_status_label(k->status)));
		html_lit(o, "</td>");
		cell(r, N_("Next review"));
		if (k->review_date[0]) {
			html_date(o, k->review_date, r->lang == KF_LANG_DE);
			if (strcmp(k->review_date, today) < 0 && k->status != RISK_CLOSED) {
				html_lit(o, " <span class=\"badge gap\">");
				html_text(o, _(r->lang, "overdue"));
				html_lit(o, "</span>");
			}
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

void web_risks(struct req *r)
{
	struct strbuf *o = &r->out;
	struct risk_settings rs;
	struct contact *contacts;
	struct risk *list;
	size_t n, ncontacts;
	struct heatmap h;
	char href[64];

	if (store_risk_settings_get(r->db, r->org.id, &rs) != KF_OK ||
	    store_risk_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK ||
	    store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Recognise and assess risks"), STEP_RISKS,
		   N_("What could stop your business, how likely is it, how bad would it be — and what do you do first when it happens?"));
	web_review_notice(r, CHAPTER_RISKS, "risks"); /* review marks */
	if (kv_get(&r->query, "adopted"))
		page_notice(r, "ok", _(r->lang, "The scenarios were adopted. Now adjust likelihood and impact to your company and name an owner for each risk."));
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<div class=\"actions\">");
		snprintf(href, sizeof(href), "/o/%lld/risks/new", (long long)r->org.id);
		html_lit(o, "<a class=\"button primary\"");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Add risk"));
		html_lit(o, "</a>");
		snprintf(href, sizeof(href), "/o/%lld/risks/templates", (long long)r->org.id);
		html_lit(o, "<a class=\"button\"");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Adopt typical scenarios"));
		html_lit(o, "</a></div>");
	}
	if (kv_get(&r->query, "scale"))
		page_notice(r, "ok", _(r->lang, "The risk scale was saved."));
	/* riskcfg: scale and own categories */
	html_lit(o, "<p class=\"scale-line\">");
	html_text_subst(o, _(r->lang, "Scale: %s"), _(r->lang, risk_scale_label(rs.scale)));
	html_lit(o, " · <a");
	snprintf(href, sizeof(href), "/o/%lld/risks/settings", (long long)r->org.id);
	html_attr(o, "href", href);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Change the risk scale"));
	html_lit(o, "</a> · <a");
	snprintf(href, sizeof(href), "/o/%lld/risks/categories", (long long)r->org.id);
	html_attr(o, "href", href);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Risk categories"));
	html_lit(o, "</a></p>");
	heatmap_count(&h, list, n, rs.scale);
	html_lit(o, "<section aria-labelledby=\"h-matrix\"><h2 id=\"h-matrix\">");
	html_text(o, _(r->lang, "Risk matrix"));
	html_lit(o, "</h2><p class=\"hint\">");
	html_text(o, _(r->lang, "Each field shows how many risks have this likelihood and impact. Top right is the most dangerous."));
	html_lit(o, "</p>");
	heatmap_figure(r, &h);
	html_lit(o, "</section><section aria-labelledby=\"h-register\"><h2 id=\"h-register\">");
	html_text(o, _(r->lang, "Risk register"));
	html_lit(o, "</h2>");
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No risks yet. Start with the typical scenarios of small companies — ransomware, power outage, lost laptop — and adapt them."));
		html_lit(o, "</p>");
	} else {
		risks_table(r, list, n, contacts, ncontacts);
	}
	html_lit(o, "</section>");
	web_bia_risks_section(r); /* step 1: processes and systems */
	page_end(r);
}

typedef const char *(*scale_label_fn)(enum risk_scale_kind, int);

/* Options "— please choose —", then each value of the scale with its label; labels translated here. */
static struct option *scale_options(struct req *r, enum risk_scale_kind scale, scale_label_fn label)
{
	struct option *opts = ARENA_NEW(r->arena, struct option, RISK_SCALE + 1);

	if (!opts)
		return NULL;
	opts[0].value = "";
	opts[0].label = _(r->lang, "— please choose —");
	for (int v = 1; v <= risk_scale_size(scale); v++) {
		opts[v].value = arena_printf(r->arena, "%d", v);
		opts[v].label = arena_printf(r->arena, "%d – %s", v, _(r->lang, label(scale, v)));
	}
	return opts;
}

static const char *scale_value(struct req *r, int v)
{
	return v >= 1 && v <= RISK_SCALE ? arena_printf(r->arena, "%d", v) : "";
}

/* The saved value of a scale, as "3 – possible", where it differs from the input. */
static const char *scale_saved(struct req *r, const struct risk *saved, int mine, int theirs, scale_label_fn label)
{
	if (!saved || mine == theirs)
		return NULL;
	return arena_printf(r->arena, "%d – %s", theirs, _(r->lang, label(saved->scale, theirs)));
}

static int has_id(const int64_t *ids, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The first error among "name" and "name[i]". */
static const char *list_error(const struct field_errors *fe, const char *name)
{
	const char *err = fe_get(fe, name);
	char fkey[48];

	for (int i = 0; i < RISK_MAX_LINKS && !err; i++) {
		snprintf(fkey, sizeof(fkey), "%s[%d]", name, i);
		err = fe_get(fe, fkey);
	}
	return err;
}

/* Affected processes or systems as checkboxes (name = "process" / "system", value = id). */
static void link_boxes(struct req *r, const struct field_errors *fe, const char *field, const char *input, const char *legend, const char *hint,
		       const int64_t *ids, int nids, const int64_t *item_ids, const char *const *item_names, size_t n,
		       int readonly, const int64_t *saved, int nsaved)
{
	struct strbuf *o = &r->out;
	const char *err = list_error(fe, field);
	char id[48];
	int differ = 0;

	/* safe concurrent editing: the saved choice, when it differs from the input */
	for (int i = 0; saved && i < nsaved && !differ; i++)
		differ = !has_id(ids, nids, saved[i]);
	for (int i = 0; saved && i < nids && !differ; i++)
		differ = !has_id(saved, nsaved, ids[i]);
	html_lit(o, "<fieldset");
	html_attr(o, "id", field);
	html_attr(o, "class", err ? "links invalid" : "links");
	if (err)
		html_attr(o, "aria-describedby", arena_printf(r->arena, "err-%s", field));
	else if (differ)
		form_saved_ref(r, input);
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, legend));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, hint));
	html_lit(o, "</p>");
	if (err) {
		html_lit(o, "<p class=\"error\"");
		html_attr(o, "id", arena_printf(r->arena, "err-%s", field));
		html_lit(o, ">");
		html_text(o, _(r->lang, err));
		html_lit(o, "</p>");
	}
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "None entered yet."));
		html_lit(o, "</p>");
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%s-%lld", input, (long long)item_ids[i]);
		html_lit(o, "<div class=\"field check\"><input type=\"checkbox\"");
		html_attr(o, "name", input);
		html_attr(o, "id", id);
		html_attr(o, "value", arena_printf(r->arena, "%lld", (long long)item_ids[i]));
		if (has_id(ids, nids, item_ids[i]))
			html_lit(o, " checked");
		if (readonly)
			html_lit(o, " disabled");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, ">");
		html_text(o, item_names[i]);
		html_lit(o, "</label></div>");
	}
	if (differ) {
		struct kv_pair *pairs = ARENA_NEW(r->arena, struct kv_pair, (size_t)nsaved + 1);
		const char *text = "";

		for (int i = 0; pairs && i < nsaved; i++) {
			pairs[i] = (struct kv_pair){ input, arena_printf(r->arena, "%lld", (long long)saved[i]) };
			for (size_t j = 0; j < n; j++)
				if (item_ids[j] == saved[i])
					text = *text ? arena_printf(r->arena, "%s, %s", text, item_names[j]) : item_names[j];
		}
		if (pairs)
			form_saved_group(r, input, text, input, pairs, (size_t)nsaved);
	}
	html_lit(o, "</fieldset>");
}

/* "Affected: A, B" as links, and the cost of one day (existing risks, read view and edit view). */
static void affected_summary(struct req *r, const struct risk *k, const struct process *procs, size_t np,
			     const struct system *systems, size_t ns)
{
	struct strbuf *o = &r->out;
	int first = 1;

	html_lit(o, "<p class=\"affected\">");
	html_text(o, _(r->lang, "Affected:"));
	html_lit(o, " ");
	for (size_t i = 0; i < np; i++)
		if (has_id(k->process_ids, k->nprocesses, procs[i].id)) {
			if (!first)
				html_lit(o, ", ");
			html_lit(o, "<a");
			html_attr(o, "href", arena_printf(r->arena, "/o/%lld/processes/%lld", (long long)r->org.id,
							  (long long)procs[i].id));
			html_lit(o, ">");
			html_text(o, procs[i].name);
			html_lit(o, "</a>");
			first = 0;
		}
	for (size_t i = 0; i < ns; i++)
		if (has_id(k->system_ids, k->nsystems, systems[i].id)) {
			if (!first)
				html_lit(o, ", ");
			html_lit(o, "<a");
			html_attr(o, "href", arena_printf(r->arena, "/o/%lld/systems/%lld", (long long)r->org.id,
							  (long long)systems[i].id));
			html_lit(o, ">");
			html_text(o, systems[i].name);
			html_lit(o, "</a>");
			first = 0;
		}
	if (first)
		html_text(o, _(r->lang, "no processes or systems named yet"));
	html_lit(o, "<br>");
	html_text(o, _(r->lang, "Cost of one day down in this scenario:"));
	html_lit(o, " <strong>");
	euros(r, k->cost_per_day);
	html_lit(o, "</strong> <span class=\"hint\">");
	html_text(o, _(r->lang, "(the affected processes and every process that needs an affected system, each counted once)"));
	html_lit(o, "</span></p>");
}

static const char *text_saved(const struct risk *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static int has_threat(const struct risk *k, const char *id)
{
	for (int i = 0; i < k->nthreats; i++)
		if (strcmp(k->threat_refs[i], id) == 0)
			return 1;
	return 0;
}

/* The BSI threats as checkboxes; the chosen ones first, so they stay visible. */
static void threat_boxes(struct req *r, const struct risk *k, const struct field_errors *fe, int readonly,
			 const struct risk *saved)
{
	struct strbuf *o = &r->out;
	const char *err = NULL;
	char id[32], fkey[48];

	for (int i = 0; i <= RISK_MAX_THREATS && !err; i++) {
		snprintf(fkey, sizeof(fkey), "threat_refs[%d]", i);
		err = fe_get(fe, fkey);
	}
	if (!err)
		err = fe_get(fe, "threat_refs");
	html_lit(o, "<fieldset");
	html_attr(o, "class", err ? "threats invalid" : "threats");
	if (saved && !err) {
		int differ = saved->nthreats != k->nthreats;

		for (int i = 0; i < saved->nthreats && !differ; i++)
			differ = !has_threat(k, saved->threat_refs[i]);
		if (differ)
			form_saved_ref(r, "threat");
	}
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "BSI elementary threats"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "Optional: which threats of the BSI IT-Grundschutz catalogue (G 0.1 to G 0.47) does this risk belong to?"));
	html_lit(o, "</p>");
	if (err) {
		html_lit(o, "<p class=\"error\">");
		html_text(o, _(r->lang, err));
		html_lit(o, "</p>");
	}
	/* a reader's disabled boxes take no focus: the scrolling list itself must, for the keyboard */
	html_lit(o, "<div class=\"threat-list\"");
	if (readonly)
		html_lit(o, " tabindex=\"0\"");
	html_lit(o, ">");
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < BSI_THREATS_COUNT; i++) {
			const struct bsi_threat *t = &bsi_threats[i];
			int chosen = has_threat(k, t->id);

			if (chosen != (pass == 0))
				continue;
			snprintf(id, sizeof(id), "g-%d", i + 1);
			html_lit(o, "<div class=\"field check\"><input type=\"checkbox\" name=\"threat\"");
			html_attr(o, "id", id);
			html_attr(o, "value", t->id);
			if (chosen)
				html_lit(o, " checked");
			if (readonly)
				html_lit(o, " disabled");
			html_lit(o, "><label");
			html_attr(o, "for", id);
			html_lit(o, "><strong>");
			html_text(o, t->id);
			html_lit(o, "</strong> ");
			html_text(o, t->title);
			html_lit(o, "</label></div>");
		}
	html_lit(o, "</div>");
	if (saved) {
		struct kv_pair *pairs = ARENA_NEW(r->arena, struct kv_pair, (size_t)saved->nthreats + 1);
		const char *mine = "", *theirs = "";

		for (int i = 0; i < k->nthreats; i++)
			mine = arena_printf(r->arena, "%s%s%s", mine, i ? ", " : "", k->threat_refs[i]);
		for (int i = 0; pairs && i < saved->nthreats; i++) {
			theirs = arena_printf(r->arena, "%s%s%s", theirs, i ? ", " : "", saved->threat_refs[i]);
			pairs[i] = (struct kv_pair){ "threat", saved->threat_refs[i] };
		}
		if (pairs && strcmp(mine, theirs) != 0)
			form_saved_group(r, "threat", theirs, "threat", pairs, (size_t)saved->nthreats);
	}
	html_lit(o, "</fieldset>");
}

/*
 * The risk form. saved is the state someone else stored meanwhile (stale
 * edit) or NULL; then each differing field shows the saved value beside the input.
 */
static void risk_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct risk *k = item, *saved = current;
	int is_new = k->id == 0, readonly = r->org.role < MEMBER_EDITOR, ncats;
	struct option *cats, stats[RISK_STATUS__MAX], *lik, *imp, *people;
	struct strbuf *o = &r->out;
	char action[80], version[24], back[64];
	struct contact *contacts;
	struct risk_owncat *owncats;
	struct process *procs;
	struct system *systems;
	int64_t *pids, *sids;
	const char **pnames, **snames;
	size_t ncontacts, nowncats, np, ns;
	struct field f;

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    store_risk_owncat_list(r->db, r->arena, r->org.id, &owncats, &nowncats) != KF_OK ||
	    store_process_list(r->db, r->arena, r->org.id, &procs, &np) != KF_OK ||
	    store_system_list(r->db, r->arena, r->org.id, &systems, &ns) != KF_OK ||
	    !(people = ARENA_NEW(r->arena, struct option, ncontacts + 1)) ||
	    !(cats = ARENA_NEW(r->arena, struct option, RISK_CAT__MAX + nowncats + 1)) ||
	    !(pids = ARENA_NEW(r->arena, int64_t, np + 1)) || !(pnames = ARENA_NEW(r->arena, const char *, np + 1)) ||
	    !(sids = ARENA_NEW(r->arena, int64_t, ns + 1)) || !(snames = ARENA_NEW(r->arena, const char *, ns + 1)) ||
	    !(lik = scale_options(r, k->scale, risk_scale_likelihood_label)) ||
	    !(imp = scale_options(r, k->scale, risk_scale_impact_label))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	for (size_t i = 0; i < np; i++) {
		pids[i] = procs[i].id;
		pnames[i] = procs[i].name;
	}
	for (size_t i = 0; i < ns; i++) {
		sids[i] = systems[i].id;
		snames[i] = systems[i].name;
	}
	people[0].value = "";
	people[0].label = _(r->lang, "— nobody —");
	for (size_t i = 0; i < ncontacts; i++) {
		people[i + 1].value = arena_printf(r->arena, "%lld", (long long)contacts[i].id);
		people[i + 1].label = contacts[i].name;
	}
	cats[0].value = "";
	cats[0].label = _(r->lang, "— please choose —");
	for (int i = 0; i < RISK_CAT__MAX; i++) {
		cats[i + 1].value = risk_category_name((enum risk_category)i);
		cats[i + 1].label = _(r->lang, risk_category_label((enum risk_category)i));
	}
	ncats = RISK_CAT__MAX + 1;
	for (size_t i = 0; i < nowncats; i++, ncats++) {
		cats[ncats].value = arena_printf(r->arena, "custom:%lld", (long long)owncats[i].id);
		cats[ncats].label = owncats[i].name;
	}
	for (int i = 0; i < RISK_STATUS__MAX; i++) {
		stats[i].value = risk_status_name((enum risk_status)i);
		stats[i].label = _(r->lang, risk_status_label((enum risk_status)i));
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New risk") : readonly ? N_("Risk") : N_("Edit risk"), STEP_RISKS,
		   N_("Something that could stop your business: how likely it is, how bad it would be, and what you do about it."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this risk meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this risk. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/risks/new", (long long)r->org.id);
	else
		snprintf(action, sizeof(action), "/o/%lld/risks/%lld", (long long)r->org.id, (long long)k->id);
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : k->version));
	if (!is_new)
		form_hidden(r, "version", version);
	if (!is_new && !saved) {
		html_lit(o, "<p class=\"score\">");
		html_text(o, _(r->lang, "Score (likelihood × impact):"));
		html_lit(o, " ");
		level_badge(r, k);
		html_lit(o, "</p>");
		affected_summary(r, k, procs, np, systems, ns);
	}
	f = (struct field){ .name = "title", .label = N_("Title"), .value = k->title, .required = 1, .readonly = readonly,
			    .hint = N_("For example: ransomware, power outage, lost laptop."), .error = fe_get(fe, "title"),
			    .saved = text_saved(saved, k->title, saved ? saved->title : "") };
	form_input(r, &f);
	f = (struct field){ .name = "category", .label = N_("Category"),
			    .value = (int)k->category < 0 ? "" : risk_category_value(r->arena, k),
			    .required = 1, .readonly = readonly, .error = fe_get(fe, "category"),
			    .saved = saved && (saved->category != k->category || saved->category_id != k->category_id)
					     ? category_text(r, saved) : NULL,
			    .saved_value = saved ? risk_category_value(r->arena, saved) : NULL };
	form_select(r, &f, cats, ncats);
	f = (struct field){ .name = "description", .label = N_("What could happen?"), .value = k->description,
			    .readonly = readonly, .error = fe_get(fe, "description"),
			    .saved = text_saved(saved, k->description, saved ? saved->description : "") };
	form_textarea(r, &f);
	html_lit(o, "<div class=\"scale-row\">");
	f = (struct field){ .name = "likelihood", .label = N_("Likelihood"), .value = scale_value(r, k->likelihood),
			    .required = 1, .readonly = readonly, .hint = N_("How often could it happen?"),
			    .error = fe_get(fe, "likelihood"),
			    .saved = scale_saved(r, saved, k->likelihood, saved ? saved->likelihood : 0,
						 risk_scale_likelihood_label),
			    .saved_value = saved ? scale_value(r, saved->likelihood) : NULL };
	form_select(r, &f, lik, risk_scale_size(k->scale) + 1);
	f = (struct field){ .name = "impact", .label = N_("Impact"), .value = scale_value(r, k->impact), .required = 1,
			    .readonly = readonly, .hint = N_("How bad would it be?"),
			    .error = fe_get(fe, "impact"),
			    .saved = scale_saved(r, saved, k->impact, saved ? saved->impact : 0, risk_scale_impact_label),
			    .saved_value = saved ? scale_value(r, saved->impact) : NULL };
	form_select(r, &f, imp, risk_scale_size(k->scale) + 1);
	html_lit(o, "</div>");
	f = (struct field){ .name = "owner_contact_id", .label = N_("Owner"),
			    .value = k->owner_contact_id ? arena_printf(r->arena, "%lld", (long long)k->owner_contact_id) : "",
			    .readonly = readonly, .hint = N_("Who looks after this risk and its measures?"),
			    .error = fe_get(fe, "owner_contact_id") };
	if (saved && saved->owner_contact_id != k->owner_contact_id) {
		const char *name = contact_name(contacts, ncontacts, saved->owner_contact_id);

		f.saved = name ? name : "";
		f.saved_value = saved->owner_contact_id ? arena_printf(r->arena, "%lld", (long long)saved->owner_contact_id) : "";
	}
	form_select(r, &f, people, (int)ncontacts + 1);
	f = (struct field){ .name = "measures", .label = N_("Preventive measures"), .value = k->measures,
			    .readonly = readonly, .hint = N_("What do you do so that it does not happen, or does less harm?"),
			    .error = fe_get(fe, "measures"),
			    .saved = text_saved(saved, k->measures, saved ? saved->measures : "") };
	form_textarea(r, &f);
	f = (struct field){ .name = "immediate_actions", .label = N_("Immediate actions"), .value = k->immediate_actions,
			    .readonly = readonly, .hint = N_("What does everybody do first when it happens? One step per line."),
			    .error = fe_get(fe, "immediate_actions"),
			    .saved = text_saved(saved, k->immediate_actions, saved ? saved->immediate_actions : "") };
	form_textarea(r, &f);
	f = (struct field){ .name = "status", .label = N_("Status"), .value = risk_status_name(k->status),
			    .readonly = readonly, .error = fe_get(fe, "status"),
			    .saved = saved && saved->status != k->status ? _(r->lang, risk_status_label(saved->status)) : NULL,
			    .saved_value = saved ? risk_status_name(saved->status) : NULL };
	form_select(r, &f, stats, RISK_STATUS__MAX);
	f = (struct field){ .name = "review_date", .label = N_("Next review on"), .value = k->review_date, .type = "date",
			    .readonly = readonly, .hint = N_("When do you look at this risk again? At least once a year."),
			    .error = fe_get(fe, "review_date"),
			    .saved = text_saved(saved, k->review_date, saved ? saved->review_date : "") };
	form_input(r, &f);
	link_boxes(r, fe, "process_ids", "process", N_("Affected business processes"),
		   N_("Which processes stop or suffer when this happens?"), k->process_ids, k->nprocesses, pids, pnames, np,
		   readonly, saved ? saved->process_ids : NULL, saved ? saved->nprocesses : 0);
	link_boxes(r, fe, "system_ids", "system", N_("Affected IT systems"),
		   N_("Which IT systems fail? Every process that needs one of them counts for the cost of one day."),
		   k->system_ids, k->nsystems, sids, snames, ns, readonly, saved ? saved->system_ids : NULL,
		   saved ? saved->nsystems : 0);
	threat_boxes(r, k, fe, readonly, saved);
	register_url(r, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/risks/%lld/delete", (long long)r->org.id, (long long)k->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Add risk") : N_("Save"), back, is_new || readonly ? NULL : action);
	form_end(r);
	web_item_panel(r, "risk", k->id); /* comments: comments and history */
	page_end(r);
}

/* The organisation's scale onto k (likelihood and impact are read and offered on it). */
static void use_scale(struct req *r, struct risk *k)
{
	struct risk_settings rs;

	if (store_risk_settings_get(r->db, r->org.id, &rs) == KF_OK)
		k->scale = rs.scale;
}

void web_risk_new(struct req *r)
{
	struct risk k;

	risk_init(&k);
	use_scale(r, &k);
	risk_form(r, 200, &k, NULL, NULL);
}

/* Reads and validates the posted form; 0 when it is fine. */
static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct risk *k = item;

	use_scale(r, k);
	risk_from_form(k, &r->form, fe);
	risk_validate(k, r->arena, fe);
	if (fe->n) /* name an unknown owner together with the other mistakes */
		store_risk_check_owner(r->db, k, r->org.id, fe);
	return fe->n ? -1 : 0;
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct risk *k = item;
	char action[96], back[64];
	struct delete_confirmation dc = {
		.title = N_("Delete risk"),
		.question = N_("Do you really want to delete the risk \"%s\"?"),
		.name = k->title,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this risk meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = k->version,
		.back = back,
		.step = STEP_RISKS,
	};

	(void)blockers;
	snprintf(action, sizeof(action), "/o/%lld/risks/%lld/delete", (long long)r->org.id, (long long)k->id);
	register_url(r, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	register_url(r, buf, len);
}

static const struct web_resource risks = {
	.item = &store_item_risk, .gone_msgid = MSG_GONE, .read_form = read_form, .form = risk_form,
	.confirm = confirm_page, .back = back,
};

void web_risk_create(struct req *r) { web_res_create(r, &risks); }
void web_risk_edit(struct req *r) { web_res_edit(r, &risks); }
void web_risk_update(struct req *r) { web_res_update(r, &risks); }
void web_risk_confirm_delete(struct req *r) { web_res_confirm_delete(r, &risks); }
void web_risk_delete(struct req *r) { web_res_delete(r, &risks); }
