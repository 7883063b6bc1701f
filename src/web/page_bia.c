/* page_bia.c: step 1, business impact analysis: business processes and IT systems with their dependencies, computed values and graph. */
#include <stdio.h>
#include <string.h>

#include "../core/bia.h"
#include "../core/plan_check.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_DB_READ N_("The database could not be read. Please try again.")
#define MSG_NO_PROCESS N_("This business process does not exist (any more).")
#define MSG_NO_SYSTEM N_("This IT system does not exist (any more).")

/* ---------------------------------------------------------------- shared bits */

static const char *org_url(struct req *r, const char *tail)
{
	return arena_printf(r->arena, "/o/%lld/%s", (long long)r->org.id, tail);
}

static const char *item_url(struct req *r, const char *kind, int64_t id, const char *tail)
{
	return arena_printf(r->arena, "/o/%lld/%s/%lld%s", (long long)r->org.id, kind, (long long)id, tail);
}

static const char *num_text(struct req *r, int64_t v)
{
	return v >= 0 ? arena_printf(r->arena, "%lld", (long long)v) : "";
}

/* An amount in euros with thousands separators: "1.200 €" (German) or "1,200 €". */
static void euros(struct req *r, int64_t v)
{
	char digits[32], out[48];
	size_t n, k = 0;

	snprintf(digits, sizeof(digits), "%lld", (long long)(v < 0 ? 0 : v));
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

/* "4 h", or a muted "not set". */
static void hours(struct req *r, int64_t v)
{
	if (v < 0) {
		html_lit(&r->out, "<span class=\"muted\">");
		html_text(&r->out, _(r->lang, "not set"));
		html_lit(&r->out, "</span>");
		return;
	}
	html_textf(&r->out, "%lld\u00a0h", (long long)v);
}

static void cell(struct req *r, const char *column_msgid)
{
	html_lit(&r->out, "<td");
	html_attr(&r->out, "data-label", _(r->lang, column_msgid));
	html_lit(&r->out, ">");
}

static const char *contact_name(const struct contact *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return list[i].name;
	return NULL;
}

static const struct system *system_by_id(const struct system *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

/* Names of the listed systems, comma-separated, as text (empty when none). */
static void system_names(struct req *r, const struct system *all, size_t n, const int64_t *ids, int nids)
{
	int shown = 0;

	for (int i = 0; i < nids; i++) {
		const struct system *s = system_by_id(all, n, ids[i]);

		if (!s)
			continue;
		if (shown++)
			html_lit(&r->out, ", ");
		html_text(&r->out, s->name);
	}
	if (!shown) {
		html_lit(&r->out, "<span class=\"muted\">");
		html_text(&r->out, _(r->lang, "none"));
		html_lit(&r->out, "</span>");
	}
}

static struct option *contact_options(struct req *r, const struct contact *contacts, size_t n, const char *none_msgid)
{
	struct option *opts = ARENA_NEW(r->arena, struct option, n + 1);

	if (!opts)
		return NULL;
	opts[0].value = "";
	opts[0].label = _(r->lang, none_msgid);
	for (size_t i = 0; i < n; i++) {
		opts[i + 1].value = arena_printf(r->arena, "%lld", (long long)contacts[i].id);
		opts[i + 1].label = contacts[i].name;
	}
	return opts;
}

static const char *id_value(struct req *r, int64_t id)
{
	return id ? arena_printf(r->arena, "%lld", (long long)id) : "";
}

/* The first error among field and field[0..max]; its arg (if any) in *arg_r. */
static const char *list_error(const struct field_errors *fe, const char *field, int max, const char **arg_r)
{
	char key[48];
	const char *err = fe_get(fe, field);

	*arg_r = fe_get_arg(fe, field);
	for (int i = 0; i <= max && !err; i++) {
		snprintf(key, sizeof(key), "%s[%d]", field, i);
		err = fe_get(fe, key);
	}
	return err;
}

static int has_id(const int64_t *ids, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/*
 * Checkboxes over the systems (all but skip_id), the chosen ones checked;
 * name is the form key, field the API field whose errors show here.
 */
static void system_boxes(struct req *r, const char *name, const char *field, const char *legend, const char *hint,
			 const struct system *all, size_t n, int64_t skip_id, const int64_t *chosen, int nchosen,
			 const struct field_errors *fe, int readonly, const int64_t *saved, int nsaved)
{
	struct strbuf *o = &r->out;
	const char *arg, *type, *err = list_error(fe, field, SYSTEM_MAX_DEPS, &arg);
	char id[48];
	/* safe concurrent editing: the saved choice, when it differs from the input */
	int shown = 0, differ = saved && !form_same_ids(chosen, nchosen, saved, nsaved);
	html_lit(o, "<fieldset");
	html_attr(o, "class", err ? "threats invalid" : "threats");
	if (differ && !err)
		form_saved_ref(r, name);
	if (err) {
		html_lit(o, " aria-invalid=\"true\"");
		html_attr(o, "aria-describedby", arena_printf(r->arena, "err-%s", field));
	}
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, legend));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, hint));
	html_lit(o, "</p>");
	if (err) {
		html_lit(o, "<p class=\"error\"");
		html_attr(o, "id", arena_printf(r->arena, "err-%s", field));
		html_lit(o, ">");
		if (arg)
			html_text_subst(o, _(r->lang, err), arg);
		else
			html_text(o, _(r->lang, err));
		html_lit(o, "</p>");
	}
	html_lit(o, "<div class=\"threat-list\">");
	for (size_t i = 0; i < n; i++) {
		if (all[i].id == skip_id)
			continue;
		snprintf(id, sizeof(id), "%s-%lld", name, (long long)all[i].id);
		html_lit(o, "<div class=\"field check\"><input type=\"checkbox\"");
		html_attr(o, "name", name);
		html_attr(o, "id", id);
		html_attr(o, "value", id_value(r, all[i].id));
		if (has_id(chosen, nchosen, all[i].id))
			html_lit(o, " checked");
		if (readonly)
			html_lit(o, " disabled");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, "><strong>");
		html_text(o, all[i].name);
		html_lit(o, "</strong>");
		type = _(r->lang, system_type_label(all[i].type));
		if (strcmp(type, all[i].name) != 0) {
			html_lit(o, " <small>");
			html_text(o, type);
			html_lit(o, "</small>");
		}
		html_lit(o, "</label></div>");
		shown++;
	}
	html_lit(o, "</div>");
	if (!shown) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No other IT systems yet. Add them on the IT systems page, then choose them here."));
		html_lit(o, "</p>");
	}
	if (differ) {
		const char *text = "";

		for (int i = 0; text && i < nsaved; i++)
			for (size_t j = 0; text && j < n; j++)
				if (all[j].id == saved[i])
					text = *text ? arena_printf(r->arena, "%s, %s", text, all[j].name) : all[j].name;
		form_saved_ids(r, name, saved, nsaved, text ? text : "");
	}
	html_lit(o, "</fieldset>");
}

static void bia_nav(struct req *r)
{
	html_lit(&r->out, "<p class=\"crumbs\">");
	page_link(r, org_url(r, "risks"), _(r->lang, "Back to the risk register"), NULL);
	html_lit(&r->out, "</p>");
}

/* ---------------------------------------------------------------- processes */

static void processes_table(struct req *r, const struct process *list, size_t n, const struct system *systems,
			    size_t nsystems, const struct contact *contacts, size_t ncontacts)
{
	static const char *const columns[] = { N_("Business process"), N_("Cost per hour"), N_("One day down costs"),
					       N_("Must run again within"), N_("IT systems needed"), N_("Responsible") };
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"table-wrap\"><table class=\"bia\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct process *p = &list[i];
		const char *who = p->responsible_contact_id ? contact_name(contacts, ncontacts, p->responsible_contact_id)
							    : NULL;

		html_lit(o, "<tr><th scope=\"row\">");
		page_link(r, item_url(r, "processes", p->id, ""), p->name, NULL);
		html_lit(o, "</th>");
		cell(r, N_("Cost per hour"));
		euros(r, p->cost_per_hour);
		html_lit(o, "</td>");
		cell(r, N_("One day down costs"));
		euros(r, process_cost_per_day(p));
		html_lit(o, "</td>");
		cell(r, N_("Must run again within"));
		hours(r, p->rto_hours);
		html_lit(o, "</td>");
		cell(r, N_("IT systems needed"));
		system_names(r, systems, nsystems, p->system_ids, p->nsystems);
		html_lit(o, "</td>");
		cell(r, N_("Responsible"));
		if (who) {
			html_text(o, who);
		} else {
			html_lit(o, "<span class=\"badge gap\">");
			html_text(o, _(r->lang, "nobody yet"));
			html_lit(o, "</span>");
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

void web_processes(struct req *r)
{
	struct strbuf *o = &r->out;
	struct contact *contacts;
	struct process *list;
	struct system *systems;
	size_t n, nsystems, ncontacts;

	if (store_process_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK ||
	    store_system_list(r->db, r->arena, r->org.id, &systems, &nsystems) != KF_OK ||
	    store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	page_begin(r, N_("Business processes"), STEP_RISKS,
		   N_("Which work must go on, what an hour of standstill costs, and which IT systems each process needs."));
	web_review_notice(r, CHAPTER_SYSTEMS, "processes"); /* review marks */
	bia_nav(r);
	html_lit(o, "<div class=\"actions\">");
	if (r->org.role >= MEMBER_EDITOR)
		page_link(r, org_url(r, "processes/new"), _(r->lang, "Add business process"), "button primary");
	page_link(r, org_url(r, "systems"), _(r->lang, "IT systems and dependencies"), "button");
	html_lit(o, "</div>");
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No business processes yet. Start with what earns your money: taking orders, production, delivery, invoicing."));
		html_lit(o, "</p>");
	} else {
		processes_table(r, list, n, systems, nsystems, contacts, ncontacts);
	}
	page_end(r);
}

static struct option *impact_options(struct req *r)
{
	struct option *opts = ARENA_NEW(r->arena, struct option, PROCESS_IMPACT_MAX + 1);

	if (!opts)
		return NULL;
	for (int v = 0; v <= PROCESS_IMPACT_MAX; v++) {
		opts[v].value = arena_printf(r->arena, "%d", v);
		opts[v].label = arena_printf(r->arena, "%d – %s", v, _(r->lang, process_impact_label(v)));
	}
	return opts;
}

static void impact_fieldset(struct req *r, const struct process *p, const struct field_errors *fe, int readonly,
			    const struct process *saved)
{
	struct option *opts = impact_options(r);
	char err_key[32];
	struct field f;

	if (!opts)
		return;
	html_lit(&r->out, "<fieldset class=\"impact\"><legend>");
	html_text(&r->out, _(r->lang, "How bad is a standstill of …"));
	html_lit(&r->out, "</legend><p class=\"hint\">");
	html_text(&r->out, _(r->lang, "0 no harm, 1 minor, 2 moderate, 3 major, 4 threatens the existence of the company."));
	html_lit(&r->out, "</p><div class=\"scale-row impact-row\">");
	for (int h = 0; h < HORIZON__MAX; h++) {
		snprintf(err_key, sizeof(err_key), "impact[%d]", h);
		f = (struct field){ .name = arena_printf(r->arena, "impact_%s", process_horizon_key((enum process_horizon)h)),
				    .label = process_horizon_label((enum process_horizon)h),
				    .value = arena_printf(r->arena, "%d", p->impact[h]), .readonly = readonly,
				    .error = fe_get(fe, err_key),
				    .saved_value = saved ? arena_printf(r->arena, "%d", saved->impact[h]) : NULL };
		form_select(r, &f, opts, PROCESS_IMPACT_MAX + 1);
	}
	html_lit(&r->out, "</div></fieldset>");
}

static void process_form(struct req *r, int status, const void *item, const struct field_errors *fe,
			 const void *current)
{
	const struct process *p = item, *saved = current;
	int is_new = p->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct strbuf *o = &r->out;
	struct contact *contacts;
	struct system *systems;
	size_t ncontacts, nsystems;
	struct option *people;
	struct field f;

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    store_system_list(r->db, r->arena, r->org.id, &systems, &nsystems) != KF_OK ||
	    !(people = contact_options(r, contacts, ncontacts, N_("— nobody —")))) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New business process") : readonly ? N_("Business process") : N_("Edit business process"),
		   STEP_RISKS, N_("A piece of work your company must keep going: what a standstill costs and how long it may last."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this business process meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this business process. Editing needs the editor role."));
	form_error_summary(r, fe);
	form_begin(r, is_new ? org_url(r, "processes/new") : item_url(r, "processes", p->id, ""), r->csrf);
	if (!is_new)
		form_hidden(r, "version", arena_printf(r->arena, "%lld", (long long)(saved ? saved->version : p->version)));
	if (!is_new && !saved && !fe) {
		html_lit(o, "<p class=\"score\">");
		html_text(o, _(r->lang, "One day of standstill costs about"));
		html_lit(o, " <strong>");
		euros(r, process_cost_per_day(p));
		html_lit(o, "</strong></p>");
	}
	f = (struct field){ .name = "name", .label = N_("Name"), .value = p->name, .required = 1, .readonly = readonly,
			    .hint = N_("For example: taking orders, production, delivery, invoicing, payroll."),
			    .error = fe_get(fe, "name"),
			    .saved = saved && strcmp(saved->name, p->name) != 0 ? saved->name : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "description", .label = N_("What happens in this process?"), .value = p->description,
			    .readonly = readonly, .error = fe_get(fe, "description"), .saved_value = saved ? saved->description : NULL };
	form_textarea(r, &f);
	f = (struct field){ .name = "responsible_contact_id", .label = N_("Responsible"),
			    .value = id_value(r, p->responsible_contact_id), .readonly = readonly,
			    .hint = N_("Who knows this process best and decides in an emergency?"),
			    .error = fe_get(fe, "responsible_contact_id"),
			    .saved_value = saved ? id_value(r, saved->responsible_contact_id) : NULL };
	form_select(r, &f, people, (int)ncontacts + 1);
	f = (struct field){ .name = "cost_per_hour", .label = N_("Cost of one hour of standstill (euros)"), .type = "number",
			    .value = num_text(r, p->cost_per_hour), .readonly = readonly,
			    .hint = N_("What does one hour of standstill cost? Lost sales, idle staff, penalties — a rough estimate is enough."),
			    .error = fe_get(fe, "cost_per_hour"), .saved_value = saved ? num_text(r, saved->cost_per_hour) : NULL };
	form_input(r, &f);
	impact_fieldset(r, p, fe, readonly, saved);
	html_lit(o, "<div class=\"scale-row\">");
	f = (struct field){ .name = "mtpd_hours", .label = N_("Maximum tolerable downtime (hours)"), .type = "number",
			    .value = num_text(r, p->mtpd_hours), .readonly = readonly,
			    .hint = N_("After how many hours of standstill would the damage no longer be bearable?"),
			    .error = fe_get(fe, "mtpd_hours"), .saved_value = saved ? num_text(r, saved->mtpd_hours) : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "rto_hours", .label = N_("Recovery time objective, RTO (hours)"), .type = "number",
			    .value = num_text(r, p->rto_hours), .readonly = readonly,
			    .hint = N_("How long may the process stand still at most, until it must run again?"),
			    .error = fe_get(fe, "rto_hours"), .saved_value = saved ? num_text(r, saved->rto_hours) : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "rpo_hours", .label = N_("Recovery point objective, RPO (hours)"), .type = "number",
			    .value = num_text(r, p->rpo_hours), .readonly = readonly,
			    .hint = N_("How many hours of data may be lost at most?"), .error = fe_get(fe, "rpo_hours"),
			    .saved_value = saved ? num_text(r, saved->rpo_hours) : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "emergency_level_percent", .label = N_("Emergency operation level (%)"),
			    .type = "number", .value = num_text(r, p->emergency_level_percent), .readonly = readonly,
			    .hint = N_("How much of the normal work must go on in an emergency, in percent?"),
			    .error = fe_get(fe, "emergency_level_percent"),
			    .saved_value = saved ? num_text(r, saved->emergency_level_percent) : NULL };
	form_input(r, &f);
	html_lit(o, "</div>");
	f = (struct field){ .name = "critical_periods", .label = N_("Critical periods"), .value = p->critical_periods,
			    .readonly = readonly, .hint = N_("When would a standstill hurt most? For example: end of month, Christmas business."),
			    .error = fe_get(fe, "critical_periods"), .saved_value = saved ? saved->critical_periods : NULL };
	form_input(r, &f);
	system_boxes(r, "system", "system_ids", N_("IT systems this process needs"),
		     N_("Choose what the process cannot do without. What those systems need in turn (power, network, server) you record on the IT systems page."),
		     systems, nsystems, 0, p->system_ids, p->nsystems, fe, readonly, saved ? saved->system_ids : NULL,
		     saved ? saved->nsystems : 0);
	form_actions(r, readonly ? NULL : is_new ? N_("Add business process") : N_("Save"), org_url(r, "processes"),
		     is_new || readonly ? NULL : item_url(r, "processes", p->id, "/delete"));
	form_end(r);
	web_item_panel(r, "process", p->id); /* comments: comments and history */
	page_end(r);
}

void web_process_new(struct req *r)
{
	struct process p;

	process_init(&p);
	process_form(r, 200, &p, NULL, NULL);
}

static int read_process_form(struct req *r, void *item, struct field_errors *fe)
{
	struct process *p = item;

	process_from_form(p, &r->form, fe);
	process_validate(p, r->arena, fe);
	if (fe->n)
		store_process_check_refs(r->db, p, r->org.id, fe);
	return fe->n ? -1 : 0;
}

static void process_confirm(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct process *p = item;
	struct delete_confirmation dc = {
		.title = N_("Delete business process"),
		.question = N_("Do you really want to delete the business process \"%s\"?"),
		.name = p->name,
		.note = N_("The IT systems stay. The change history keeps a record of the process."),
		.changed = changed ? N_("Someone else changed this business process meanwhile. Please check it again.") : NULL,
		.action = item_url(r, "processes", p->id, "/delete"),
		.version = p->version,
		.back = org_url(r, "processes"),
		.step = STEP_RISKS,
	};

	(void)blockers;
	page_confirm_delete(r, status, &dc);
}

static void proc_back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	snprintf(buf, len, "%s", org_url(r, "processes"));
}

static const struct web_resource processes = {
	.item = &store_item_process, .gone_msgid = MSG_NO_PROCESS, .read_form = read_process_form, .form = process_form,
	.confirm = process_confirm, .back = proc_back,
};

void web_process_create(struct req *r) { web_res_create(r, &processes); }
void web_process_edit(struct req *r) { web_res_edit(r, &processes); }
void web_process_update(struct req *r) { web_res_update(r, &processes); }
void web_process_confirm_delete(struct req *r) { web_res_confirm_delete(r, &processes); }
void web_process_delete(struct req *r) { web_res_delete(r, &processes); }

/* ---------------------------------------------------------------- systems */

static void spof_badge(struct req *r, const struct system *s)
{
	if (!s->spof)
		return;
	html_lit(&r->out, "<span class=\"badge spof\">");
	html_text(&r->out, _(r->lang, "Single point of failure"));
	html_lit(&r->out, "</span>");
}

static void systems_table(struct req *r, const struct system *list, size_t n)
{
	static const char *const columns[] = { N_("IT system"), N_("Type"), N_("Required RTO"), N_("Required RPO"),
					       N_("Needed by processes"), N_("One day down costs"), N_("Depends on") };
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"table-wrap\"><table class=\"bia\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct system *s = &list[i];

		html_lit(o, "<tr><th scope=\"row\">");
		page_link(r, item_url(r, "systems", s->id, ""), s->name, NULL);
		if (s->spof) {
			html_lit(o, " ");
			spof_badge(r, s);
		}
		html_lit(o, "</th>");
		cell(r, N_("Type"));
		html_text(o, _(r->lang, system_type_label(s->type)));
		html_lit(o, "</td>");
		cell(r, N_("Required RTO"));
		hours(r, s->required_rto_hours);
		html_lit(o, "</td>");
		cell(r, N_("Required RPO"));
		hours(r, s->required_rpo_hours);
		html_lit(o, "</td>");
		cell(r, N_("Needed by processes"));
		html_textf(o, "%d", s->nprocesses);
		html_lit(o, "</td>");
		cell(r, N_("One day down costs"));
		euros(r, s->cost_per_day);
		html_lit(o, "</td>");
		cell(r, N_("Depends on"));
		system_names(r, list, n, s->depends_on_ids, s->ndeps);
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

/* The graph as a picture, and the same facts as text for screen readers and print. */
static void graph_section(struct req *r, const struct system *list, size_t n, const struct process *procs, size_t np)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<section aria-labelledby=\"h-graph\"><h2 id=\"h-graph\">");
	html_text(o, _(r->lang, "Dependency graph"));
	html_lit(o, "</h2><p class=\"hint\">");
	html_text(o, _(r->lang, "An arrow from A to B means: A needs B. Business processes are at the top, what everything rests on (power, network) at the bottom."));
	html_lit(o, "</p><figure class=\"depgraph\"><img");
	html_attr(o, "src", arena_printf(r->arena, "/api/v1/orgs/%lld/systems/graph.svg", (long long)r->org.id));
	html_attr(o, "alt", _(r->lang, "Dependency graph of the business processes and IT systems; the same facts follow as a list."));
	html_lit(o, "><figcaption>");
	html_text(o, _(r->lang, "Who needs what"));
	html_lit(o, "</figcaption></figure><h3>");
	html_text(o, _(r->lang, "The dependencies as a list"));
	html_lit(o, "</h3><ul class=\"deplist\">");
	for (size_t i = 0; i < np; i++) {
		html_lit(o, "<li><strong>");
		html_text(o, procs[i].name);
		html_lit(o, "</strong> (");
		html_text(o, _(r->lang, "Business process"));
		html_lit(o, ") ");
		html_text(o, _(r->lang, "needs:"));
		html_lit(o, " ");
		system_names(r, list, n, procs[i].system_ids, procs[i].nsystems);
		html_lit(o, "</li>");
	}
	for (size_t i = 0; i < n; i++) {
		html_lit(o, "<li><strong>");
		html_text(o, list[i].name);
		html_lit(o, "</strong> ");
		html_text(o, _(r->lang, "needs:"));
		html_lit(o, " ");
		system_names(r, list, n, list[i].depends_on_ids, list[i].ndeps);
		html_lit(o, "</li>");
	}
	html_lit(o, "</ul></section>");
}

void web_systems(struct req *r)
{
	struct strbuf *o = &r->out;
	struct system *list;
	struct process *procs;
	size_t n, np, nspof = 0;

	if (store_system_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK ||
	    store_process_list(r->db, r->arena, r->org.id, &procs, &np) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	page_begin(r, N_("IT systems and dependencies"), STEP_RISKS,
		   N_("Which IT systems your processes need, what those systems rest on, and how fast each must be back."));
	web_review_notice(r, CHAPTER_SYSTEMS, "systems"); /* review marks */
	bia_nav(r);
	html_lit(o, "<div class=\"actions\">");
	if (r->org.role >= MEMBER_EDITOR)
		page_link(r, org_url(r, "systems/new"), _(r->lang, "Add IT system"), "button primary");
	page_link(r, org_url(r, "processes"), _(r->lang, "Business processes"), "button");
	html_lit(o, "</div>");
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No IT systems yet. Start with what your most important process needs — for example the merchandise management, its server, the network and the power supply."));
		html_lit(o, "</p>");
		page_end(r);
		return;
	}
	for (size_t i = 0; i < n; i++)
		nspof += list[i].spof != 0;
	html_lit(o, "<p class=\"hint\">");
	html_text(o, _(r->lang, "Required RTO and RPO are computed: the strictest value of the system itself, of the processes that need it, and of the systems that depend on it. A system that several processes need is a single point of failure: when it fails, all of them stand still."));
	html_lit(o, "</p>");
	if (nspof) {
		html_lit(o, "<p>");
		spof_badge(r, &(struct system){ .spof = 1 });
		html_lit(o, " ");
		html_textf(o, _(r->lang, "%zu systems are single points of failure."), nspof);
		html_lit(o, "</p>");
	}
	systems_table(r, list, n);
	graph_section(r, list, n, procs, np);
	page_end(r);
}

static struct option *type_options(struct req *r)
{
	struct option *opts = ARENA_NEW(r->arena, struct option, SYSTEM_TYPE__MAX + 1);

	if (!opts)
		return NULL;
	opts[0].value = "";
	opts[0].label = _(r->lang, "— please choose —");
	for (int i = 0; i < SYSTEM_TYPE__MAX; i++) {
		opts[i + 1].value = system_type_name((enum system_type)i);
		opts[i + 1].label = _(r->lang, system_type_label((enum system_type)i));
	}
	return opts;
}

/* The computed values of a saved system, read-only. */
static void system_computed(struct req *r, const struct system *s)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<dl class=\"computed\"><dt>");
	html_text(o, _(r->lang, "Required RTO (computed)"));
	html_lit(o, "</dt><dd>");
	hours(r, s->required_rto_hours);
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Required RPO (computed)"));
	html_lit(o, "</dt><dd>");
	hours(r, s->required_rpo_hours);
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Needed by processes"));
	html_lit(o, "</dt><dd>");
	html_textf(o, "%d ", s->nprocesses);
	spof_badge(r, s);
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "One day down costs"));
	html_lit(o, "</dt><dd>");
	euros(r, s->cost_per_day);
	html_lit(o, "</dd></dl>");
	if (s->spof) {
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "When this system fails, several business processes stand still at once. Plan a replacement, a spare part or a workaround for it."));
		html_lit(o, "</p>");
	}
}

static void system_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct system *s = item, *saved = current;
	int is_new = s->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct strbuf *o = &r->out;
	struct option *types, *providers, *owners;
	struct contact *contacts;
	struct system *systems;
	size_t ncontacts, nsystems;
	struct field f;

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    store_system_list(r->db, r->arena, r->org.id, &systems, &nsystems) != KF_OK || !(types = type_options(r)) ||
	    !(providers = contact_options(r, contacts, ncontacts, N_("— none —"))) ||
	    !(owners = contact_options(r, contacts, ncontacts, N_("— nobody —")))) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New IT system") : readonly ? N_("IT system") : N_("Edit IT system"), STEP_RISKS,
		   N_("An IT system your work needs, and what it needs in turn: power, network, storage, server."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this IT system meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this IT system. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (!is_new && !saved && !fe)
		system_computed(r, s);
	form_begin(r, is_new ? org_url(r, "systems/new") : item_url(r, "systems", s->id, ""), r->csrf);
	if (!is_new)
		form_hidden(r, "version", arena_printf(r->arena, "%lld", (long long)(saved ? saved->version : s->version)));
	f = (struct field){ .name = "name", .label = N_("Name"), .value = s->name, .required = 1, .readonly = readonly,
			    .hint = N_("For example: merchandise management, file server, internet line, power supply."),
			    .error = fe_get(fe, "name"),
			    .saved = saved && strcmp(saved->name, s->name) != 0 ? saved->name : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "type", .label = N_("Type"), .value = system_type_name(s->type), .required = 1,
			    .readonly = readonly, .error = fe_get(fe, "type"),
			    .saved_value = saved ? system_type_name(saved->type) : NULL };
	form_select(r, &f, types, SYSTEM_TYPE__MAX + 1);
	f = (struct field){ .name = "location", .label = N_("Location"), .value = s->location, .readonly = readonly,
			    .hint = N_("Where is it? For example: server room basement, office, in the cloud at the provider."),
			    .error = fe_get(fe, "location"), .saved_value = saved ? saved->location : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "provider_contact_id", .label = N_("Provider"), .value = id_value(r, s->provider_contact_id),
			    .readonly = readonly, .hint = N_("Which company supplies or looks after it? Add it as a contact first."),
			    .error = fe_get(fe, "provider_contact_id"),
			    .saved_value = saved ? id_value(r, saved->provider_contact_id) : NULL };
	form_select(r, &f, providers, (int)ncontacts + 1);
	f = (struct field){ .name = "owner_contact_id", .label = N_("Owner"), .value = id_value(r, s->owner_contact_id),
			    .readonly = readonly, .hint = N_("Who in your company is responsible for it?"),
			    .error = fe_get(fe, "owner_contact_id"),
			    .saved_value = saved ? id_value(r, saved->owner_contact_id) : NULL };
	form_select(r, &f, owners, (int)ncontacts + 1);
	html_lit(o, "<div class=\"scale-row\">");
	f = (struct field){ .name = "rto_hours", .label = N_("Own RTO target (hours)"), .type = "number",
			    .value = num_text(r, s->rto_hours), .readonly = readonly,
			    .hint = N_("Optional: how long may the system be down at most? krisenfest also computes it from the processes."),
			    .error = fe_get(fe, "rto_hours"), .saved_value = saved ? num_text(r, saved->rto_hours) : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "rpo_hours", .label = N_("Own RPO target (hours)"), .type = "number",
			    .value = num_text(r, s->rpo_hours), .readonly = readonly,
			    .hint = N_("Optional: how many hours of data may be lost at most?"), .error = fe_get(fe, "rpo_hours"),
			    .saved_value = saved ? num_text(r, saved->rpo_hours) : NULL };
	form_input(r, &f);
	html_lit(o, "</div>");
	system_boxes(r, "depends_on", "depends_on_ids", N_("Depends on"),
		     N_("Which systems does this one need to work? For example the server it runs on, the network, the power supply."),
		     systems, nsystems, s->id, s->depends_on_ids, s->ndeps, fe, readonly,
		     saved ? saved->depends_on_ids : NULL, saved ? saved->ndeps : 0);
	f = (struct field){ .name = "notes", .label = N_("Notes"), .value = s->notes, .readonly = readonly,
			    .hint = N_("Contract number, hotline, licence, anything that helps in an emergency."),
			    .error = fe_get(fe, "notes"), .saved_value = saved ? saved->notes : NULL };
	form_textarea(r, &f);
	form_actions(r, readonly ? NULL : is_new ? N_("Add IT system") : N_("Save"), org_url(r, "systems"),
		     is_new || readonly ? NULL : item_url(r, "systems", s->id, "/delete"));
	form_end(r);
	web_item_panel(r, "system", s->id); /* tasks, comments and history */
	page_end(r);
}

void web_system_new(struct req *r)
{
	struct system s;

	system_init(&s);
	system_form(r, 200, &s, NULL, NULL);
}

static int read_system_form(struct req *r, void *item, struct field_errors *fe)
{
	struct system *s = item;

	system_from_form(s, &r->form, fe);
	system_validate(s, r->arena, fe);
	if (fe->n)
		store_system_check_refs(r->db, r->arena, s, r->org.id, fe);
	return fe->n ? -1 : 0;
}

static void system_confirm(struct req *r, int status, const void *item, int changed, const char *used_by)
{
	const struct system *s = item;
	struct delete_confirmation dc = {
		.title = N_("Delete IT system"),
		.question = N_("Do you really want to delete the IT system \"%s\"?"),
		.name = s->name,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this IT system meanwhile. Please check it again.") : NULL,
		.blocked = used_by ? N_("It cannot be deleted yet, because these still need it: %s. Remove it from them first.") : NULL,
		.blocked_by = used_by,
		.action = item_url(r, "systems", s->id, "/delete"),
		.version = s->version,
		.back = org_url(r, "systems"),
		.step = STEP_RISKS,
	};

	page_confirm_delete(r, status, &dc);
}

void web_system_confirm_delete(struct req *r)
{
	const char *used_by = NULL;
	struct system s;

	if (store_system_get(r->db, r->arena, r->org.id, r->id, &s) != KF_OK) {
		web_error_page(r, 404, MSG_NO_SYSTEM);
		return;
	}
	if (store_system_used_by(r->db, r->arena, r->org.id, s.id, &used_by) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	system_confirm(r, 200, &s, 0, used_by);
}

static void sys_back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	snprintf(buf, len, "%s", org_url(r, "systems"));
}

static const struct web_resource systems = {
	.item = &store_item_system, .gone_msgid = MSG_NO_SYSTEM, .read_form = read_system_form, .form = system_form,
	.confirm = system_confirm, .back = sys_back,
};

void web_system_create(struct req *r) { web_res_create(r, &systems); }
void web_system_edit(struct req *r) { web_res_edit(r, &systems); }
void web_system_update(struct req *r) { web_res_update(r, &systems); }
void web_system_delete(struct req *r) { web_res_delete(r, &systems); }

/* ---------------------------------------------------------------- links from step 1 */

void web_bia_risks_section(struct req *r)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<section aria-labelledby=\"h-bia\"><h2 id=\"h-bia\">");
	html_text(o, _(r->lang, "Business processes and IT systems"));
	html_lit(o, "</h2><p class=\"hint\">");
	html_text(o, _(r->lang, "What does an hour of standstill cost, which IT systems does each process need, and how fast must they be back? krisenfest computes the rest."));
	html_lit(o, "</p><div class=\"actions\">");
	page_link(r, org_url(r, "processes"), _(r->lang, "Business processes"), "button");
	page_link(r, org_url(r, "systems"), _(r->lang, "IT systems and dependencies"), "button");
	html_lit(o, "</div></section>");
}

void web_bia_home_line(struct req *r, const struct plan_data *d)
{
	size_t nspof = 0;

	for (size_t i = 0; i < d->nsystems; i++)
		nspof += d->systems[i].spof != 0;
	html_lit(&r->out, "<p class=\"counts\">");
	html_textf(&r->out, _(r->lang, "%zu business processes, %zu IT systems, of which %zu single points of failure"),
		   d->nprocesses, d->nsystems, nspof);
	html_lit(&r->out, " · ");
	page_link(r, org_url(r, "systems"), _(r->lang, "IT systems"), NULL);
	html_lit(&r->out, "</p>");
}
