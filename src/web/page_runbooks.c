/* page_runbooks.c: step 3: the recovery runbooks (Wiederanlaufpläne): list in recovery order, view, form with step rows, delete. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "recovery_view.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_DB_READ N_("The database could not be read. Please try again.")
#define MSG_NO_RUNBOOK N_("This runbook does not exist (any more).")
#define BLANK_ROWS 3 /* empty step rows under the filled ones */

static const char *role_name(const struct role *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return list[i].name;
	return NULL;
}

static const struct runbook *runbook_of_system(const struct runbook *list, size_t n, int64_t system_id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].system_id == system_id)
			return &list[i];
	return NULL;
}

static void crumbs(struct req *r)
{
	html_lit(&r->out, "<p class=\"crumbs\">");
	rv_link(r, rv_url(r, "recovery"), _(r->lang, "Back to step 3"), NULL);
	html_lit(&r->out, "</p>");
}

/* ---------------------------------------------------------------- list */

void web_runbooks(struct req *r)
{
	static const char *const columns[] = { N_("Place"), N_("IT system"), N_("Runbook"), N_("Responsible role"),
					       N_("Expected duration") };
	struct strbuf *o = &r->out;
	struct recovery_result res;
	struct runbook *rbs;
	struct role *roles;
	size_t nrb, nroles, with = 0;

	if (store_recovery_order(r->db, r->arena, r->org.id, &res, NULL) != KF_OK ||
	    store_runbook_list(r->db, r->arena, r->org.id, &rbs, &nrb) != KF_OK ||
	    store_role_list(r->db, r->arena, r->org.id, &roles, &nroles) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	page_begin(r, N_("Recovery runbooks"), STEP_RECOVERY,
		   N_("For each IT system: who brings it back, step by step, and how to check that it works again."));
	web_review_notice(r, CHAPTER_RUNBOOKS, "runbooks"); /* review marks */
	crumbs(r);
	if (res.n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No IT systems yet. Record them in step 1 first; then each gets its runbook here."));
		html_lit(o, "</p><p>");
		rv_link(r, rv_url(r, "systems"), _(r->lang, "IT systems and dependencies"), "button primary");
		html_lit(o, "</p>");
		page_end(r);
		return;
	}
	for (size_t i = 0; i < res.n; i++)
		with += runbook_of_system(rbs, nrb, res.entries[i].system->id) != NULL;
	html_lit(o, "<p class=\"counts\">");
	html_textf(o, _(r->lang, "IT systems with a runbook: %zu of %zu"), with, res.n);
	html_lit(o, "</p><p class=\"hint\">");
	html_text(o, _(r->lang, "Listed in recovery order: what others need comes first."));
	html_lit(o, "</p><div class=\"table-wrap\"><table class=\"runbooks\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < res.n; i++) {
		const struct system *s = res.entries[i].system;
		const struct runbook *rb = runbook_of_system(rbs, nrb, s->id);
		const char *role =
		    rb && rb->responsible_role_id ? role_name(roles, nroles, rb->responsible_role_id) : NULL;

		html_lit(o, "<tr><td");
		html_attr(o, "data-label", _(r->lang, "Place"));
		html_lit(o, ">");
		html_textf(o, "%d", res.entries[i].position);
		html_lit(o, "</td><th scope=\"row\">");
		html_text(o, s->name);
		html_lit(o, "</th><td");
		html_attr(o, "data-label", _(r->lang, "Runbook"));
		html_lit(o, ">");
		if (rb) {
			rv_link(r, rv_item_url(r, "runbooks", rb->id, ""), _(r->lang, "View runbook"), NULL);
			html_lit(o, " <small>");
			html_textf(o, _(r->lang, "Steps: %d"), rb->nsteps);
			html_lit(o, "</small>");
		} else {
			html_lit(o, "<span class=\"badge gap\">");
			html_text(o, _(r->lang, "no runbook yet"));
			html_lit(o, "</span>");
			if (r->org.role >= MEMBER_EDITOR) {
				html_lit(o, " ");
				rv_link(r, arena_printf(r->arena, "/o/%lld/runbooks/new?system=%lld", (long long)r->org.id,
							(long long)s->id),
					_(r->lang, "Write runbook"), NULL);
			}
		}
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, "Responsible role"));
		html_lit(o, ">");
		if (role)
			html_text(o, role);
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, "Expected duration"));
		html_lit(o, ">");
		if (rb)
			rv_minutes(r, rb->expected_duration_minutes);
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
	page_end(r);
}

/* ---------------------------------------------------------------- view */

void web_runbook_show(struct req *r)
{
	struct strbuf *o = &r->out;
	struct recovery_result res;
	const struct system *s = NULL;
	const char *role;
	struct runbook rb;
	struct role *roles;
	size_t nroles;
	int place = 0;
	enum kf_err err;

	err = store_runbook_get(r->db, r->arena, r->org.id, r->id, &rb);
	if (err) {
		web_store_error(r, err, MSG_NO_RUNBOOK, 0);
		return;
	}
	if (store_recovery_order(r->db, r->arena, r->org.id, &res, NULL) != KF_OK ||
	    store_role_list(r->db, r->arena, r->org.id, &roles, &nroles) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	for (size_t i = 0; i < res.n; i++)
		if (res.entries[i].system->id == rb.system_id) {
			s = res.entries[i].system;
			place = res.entries[i].position;
		}
	if (!s) { /* not reached: runbooks of deleted systems are not found */
		web_error_page(r, 404, MSG_NO_RUNBOOK);
		return;
	}
	page_begin(r, N_("Recovery runbook"), STEP_RECOVERY,
		   N_("How this IT system is brought back, step by step, and how to check that it works again."));
	crumbs(r);
	if (kv_get(&r->query, "saved"))
		page_notice(r, "ok", _(r->lang, "Saved."));
	html_lit(o, "<h2 class=\"runbook-title\">");
	html_text(o, s->name);
	html_lit(o, "</h2>");
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<div class=\"actions\">");
		rv_link(r, rv_item_url(r, "runbooks", rb.id, "/edit"), _(r->lang, "Edit runbook"), "button");
		rv_link(r, rv_item_url(r, "runbooks", rb.id, "/delete"), _(r->lang, "Delete"), "button danger");
		html_lit(o, "</div>");
	}
	html_lit(o, "<dl class=\"plan runbook\"><dt>");
	html_text(o, _(r->lang, "Place in the recovery order"));
	html_lit(o, "</dt><dd>");
	html_textf(o, "%d", place);
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Must be back"));
	html_lit(o, "</dt><dd>");
	rv_target(r, s->required_rto_hours);
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Responsible role"));
	html_lit(o, "</dt><dd>");
	role = rb.responsible_role_id ? role_name(roles, nroles, rb.responsible_role_id) : NULL;
	if (role) {
		html_text(o, role);
	} else {
		html_lit(o, "<span class=\"badge gap\">");
		html_text(o, _(r->lang, "nobody named yet"));
		html_lit(o, "</span>");
	}
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Expected duration"));
	html_lit(o, "</dt><dd>");
	if (rb.expected_duration_minutes >= 0)
		rv_minutes(r, rb.expected_duration_minutes);
	else
		html_text(o, "—");
	html_lit(o, "</dd></dl>");

	html_lit(o, "<section aria-labelledby=\"h-pre\"><h2 id=\"h-pre\">");
	html_text(o, _(r->lang, "Before you start"));
	html_lit(o, "</h2>");
	rv_markdown(r, rb.prerequisites);
	html_lit(o, "</section><section aria-labelledby=\"h-steps\"><h2 id=\"h-steps\">");
	html_text(o, _(r->lang, "Steps"));
	html_lit(o, "</h2><ol class=\"runbook-steps\">");
	for (int i = 0; i < rb.nsteps; i++) {
		html_lit(o, "<li>");
		rv_markdown(r, rb.steps[i].text);
		if (rb.steps[i].minutes >= 0) {
			html_lit(o, "<p class=\"muted\">");
			html_text(o, _(r->lang, "about"));
			html_lit(o, " ");
			rv_minutes(r, rb.steps[i].minutes);
			html_lit(o, "</p>");
		}
		html_lit(o, "</li>");
	}
	html_lit(o, "</ol></section><section aria-labelledby=\"h-checks\"><h2 id=\"h-checks\">");
	html_text(o, _(r->lang, "How to check that it works again"));
	html_lit(o, "</h2>");
	rv_markdown(r, rb.checks);
	html_lit(o, "</section>");
	page_end(r);
}

/* ---------------------------------------------------------------- form */

static void step_row(struct req *r, int i, const struct runbook_step *st, const struct field_errors *fe, int readonly)
{
	struct strbuf *o = &r->out;
	const char *text_field = arena_printf(r->arena, "steps[%d].text", i),
		   *min_field = arena_printf(r->arena, "steps[%d].minutes", i);
	const char *text_id = arena_printf(r->arena, "f-step-text-%d", i),
		   *min_id = arena_printf(r->arena, "f-step-minutes-%d", i);
	int text_bad = fe_get(fe, text_field) != NULL, min_bad = fe_get(fe, min_field) != NULL;

	html_lit(o, "<fieldset class=\"step-row\"><legend>");
	html_text_subst(o, _(r->lang, "Step %s"), rv_num(r, i + 1));
	html_lit(o, "</legend><div");
	html_attr(o, "class", text_bad ? "field invalid" : "field");
	html_lit(o, "><label");
	html_attr(o, "for", text_id);
	html_lit(o, ">");
	html_text(o, _(r->lang, "What to do"));
	html_lit(o, "</label>");
	rv_field_error(r, fe, text_field);
	html_lit(o, "<textarea rows=\"3\" name=\"step_text\"");
	html_attr(o, "id", text_id);
	if (text_bad) {
		html_lit(o, " aria-invalid=\"true\"");
		html_attr(o, "aria-describedby", arena_printf(r->arena, "err-%s", text_field));
	}
	if (readonly)
		html_lit(o, " readonly");
	html_lit(o, ">");
	html_text(o, st ? st->text : "");
	html_lit(o, "</textarea></div><div");
	html_attr(o, "class", min_bad ? "field minutes invalid" : "field minutes");
	html_lit(o, "><label");
	html_attr(o, "for", min_id);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Minutes (about)"));
	html_lit(o, "</label>");
	rv_field_error(r, fe, min_field);
	html_lit(o, "<input type=\"number\" min=\"0\" name=\"step_minutes\"");
	html_attr(o, "id", min_id);
	html_attr(o, "value", st && st->minutes >= 0 ? rv_num(r, st->minutes) : "");
	if (min_bad) {
		html_lit(o, " aria-invalid=\"true\"");
		html_attr(o, "aria-describedby", arena_printf(r->arena, "err-%s", min_field));
	}
	if (readonly)
		html_lit(o, " readonly");
	html_lit(o, "></div></fieldset>");
}

/* "1. text (20 min) 2. ..." of a runbook's steps. */
static const char *steps_text(struct req *r, const struct runbook *rb)
{
	const char *s = "";

	for (int i = 0; s && i < rb->nsteps; i++) {
		s = arena_printf(r->arena, "%s%s%d. %s", s, i ? " " : "", i + 1, rb->steps[i].text);
		if (s && rb->steps[i].minutes >= 0)
			s = arena_printf(r->arena, "%s (%lld min)", s, (long long)rb->steps[i].minutes);
	}
	return s ? s : "";
}

/* The saved steps as shown, when they differ from the input; else NULL. */
static const char *steps_saved_text(struct req *r, const struct runbook *rb, const struct runbook *saved)
{
	const char *theirs = steps_text(r, saved);

	return strcmp(steps_text(r, rb), theirs) != 0 ? theirs : NULL;
}

/* The saved steps as one group: "take saved" replaces every step row. */
static void steps_saved_block(struct req *r, const struct runbook *saved, const char *text)
{
	struct kv_pair *pairs = ARENA_NEW(r->arena, struct kv_pair, 2 * (size_t)saved->nsteps + 1);

	if (!pairs)
		return;
	for (int i = 0; i < saved->nsteps; i++) {
		pairs[2 * i] = (struct kv_pair){ "step_text", saved->steps[i].text };
		pairs[2 * i + 1] = (struct kv_pair){ "step_minutes", rv_num_value(r, saved->steps[i].minutes) };
	}
	form_saved_group(r, "steps", text, "step_text step_minutes", pairs, 2 * (size_t)saved->nsteps);
}

static void runbook_form(struct req *r, int status, const void *item, const struct field_errors *fe,
			 const void *current)
{
	const struct runbook *rb = item, *saved = current;
	int is_new = rb->id == 0, readonly = r->org.role < MEMBER_EDITOR, nsys = 0, rows;
	struct strbuf *o = &r->out;
	struct option *sys_opts, *role_opts;
	struct system *systems;
	struct runbook *rbs;
	struct role *roles;
	size_t n, nrb, nroles;
	const char *steps_theirs;
	struct field f;

	if (store_system_list(r->db, r->arena, r->org.id, &systems, &n) != KF_OK ||
	    store_runbook_list(r->db, r->arena, r->org.id, &rbs, &nrb) != KF_OK ||
	    store_role_list(r->db, r->arena, r->org.id, &roles, &nroles) != KF_OK ||
	    !(sys_opts = ARENA_NEW(r->arena, struct option, n + 1)) ||
	    !(role_opts = ARENA_NEW(r->arena, struct option, nroles + 1))) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	sys_opts[nsys++] = (struct option){ "", _(r->lang, "— please choose —") };
	for (size_t i = 0; i < n; i++) {
		const struct runbook *other = runbook_of_system(rbs, nrb, systems[i].id);

		/* each system has one runbook: offer those without one, and this one's own */
		if (other && other->id != rb->id && systems[i].id != rb->system_id)
			continue;
		sys_opts[nsys++] = (struct option){ rv_num(r, systems[i].id), systems[i].name };
	}
	role_opts[0] = (struct option){ "", _(r->lang, "— no role —") };
	for (size_t i = 0; i < nroles; i++)
		role_opts[i + 1] = (struct option){ rv_num(r, roles[i].id), roles[i].name };
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New recovery runbook") : N_("Edit recovery runbook"), STEP_RECOVERY,
		   N_("How an IT system is brought back, step by step, and how to check that it works again."));
	if (saved)
		page_conflict_notice(r, NULL);
	form_error_summary(r, fe);
	form_begin(r, is_new ? rv_url(r, "runbooks/new") : rv_item_url(r, "runbooks", rb->id, "/edit"), r->csrf);
	if (!is_new)
		form_hidden(r, "version", rv_num(r, saved ? saved->version : rb->version));
	f = (struct field){ .name = "system_id", .label = N_("IT system"), .required = 1, .readonly = readonly,
			    .value = rb->system_id ? rv_num(r, rb->system_id) : "", .error = fe_get(fe, "system_id"),
			    .hint = N_("Each IT system has one runbook."),
			    .saved_value = saved ? rv_id_value(r, saved->system_id) : NULL };
	form_select(r, &f, sys_opts, nsys);
	f = (struct field){ .name = "responsible_role_id", .label = N_("Responsible role"), .readonly = readonly,
			    .value = rb->responsible_role_id ? rv_num(r, rb->responsible_role_id) : "",
			    .error = fe_get(fe, "responsible_role_id"),
			    .hint = N_("Which emergency role brings this system back? The roles are defined in step 2."),
			    .saved_value = saved ? rv_id_value(r, saved->responsible_role_id) : NULL };
	form_select(r, &f, role_opts, (int)nroles + 1);
	f = (struct field){ .name = "expected_duration_minutes", .label = N_("Expected duration (minutes)"),
			    .type = "number", .readonly = readonly,
			    .value = rv_number_value(r, fe, "expected_duration_minutes", rb->expected_duration_minutes),
			    .error = fe_get(fe, "expected_duration_minutes"),
			    .hint = N_("How long does the whole recovery take, roughly?"),
			    .saved_value = saved ? rv_num_value(r, saved->expected_duration_minutes) : NULL };
	form_input(r, &f);
	rv_markdown_hint(r);
	f = (struct field){ .name = "prerequisites", .label = N_("Before you start"), .value = rb->prerequisites,
			    .readonly = readonly, .error = fe_get(fe, "prerequisites"),
			    .hint = N_("What must be at hand: keys, passwords from the safe, installation media, the provider's hotline."),
			    .saved_value = saved ? saved->prerequisites : NULL };
	form_textarea(r, &f);
	steps_theirs = saved ? steps_saved_text(r, rb, saved) : NULL;
	html_lit(o, "<fieldset");
	html_attr(o, "class", fe_get(fe, "steps") ? "steps invalid" : "steps");
	if (steps_theirs)
		form_saved_ref(r, "steps");
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "Steps"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "One step per box, in order. Empty boxes are left out; for more steps, save and edit again."));
	html_lit(o, "</p>");
	rv_field_error(r, fe, "steps");
	rows = readonly ? rb->nsteps : rb->nsteps + BLANK_ROWS;
	if (rows > RUNBOOK_MAX_STEPS)
		rows = RUNBOOK_MAX_STEPS > rb->nsteps ? RUNBOOK_MAX_STEPS : rb->nsteps;
	for (int i = 0; i < rows; i++)
		step_row(r, i, i < rb->nsteps ? &rb->steps[i] : NULL, fe, readonly);
	if (steps_theirs)
		steps_saved_block(r, saved, steps_theirs);
	html_lit(o, "</fieldset>");
	f = (struct field){ .name = "checks", .label = N_("How to check that it works again"), .value = rb->checks,
			    .readonly = readonly, .error = fe_get(fe, "checks"),
			    .hint = N_("For example: log in, open a customer, print a test invoice."),
			    .saved_value = saved ? saved->checks : NULL };
	form_textarea(r, &f);
	form_actions(r, readonly ? NULL : is_new ? N_("Add runbook") : N_("Save"),
		     is_new ? rv_url(r, "runbooks") : rv_item_url(r, "runbooks", rb->id, ""),
		     is_new || readonly ? NULL : rv_item_url(r, "runbooks", rb->id, "/delete"));
	form_end(r);
	web_item_panel(r, "runbook", rb->id); /* comments: comments and history */
	page_end(r);
}

void web_runbook_new(struct req *r)
{
	const char *sys = kv_get(&r->query, "system");
	struct runbook rb;
	long long id;

	runbook_init(&rb);
	if (sys && sscanf(sys, "%lld", &id) == 1 && id > 0)
		rb.system_id = id;
	runbook_form(r, 200, &rb, NULL, NULL);
}

static int read_runbook_form(struct req *r, void *item, struct field_errors *fe)
{
	struct runbook *rb = item;

	runbook_from_form(rb, &r->form, fe);
	runbook_validate(rb, fe);
	if (fe->n)
		store_runbook_check_refs(r->db, rb, r->org.id, fe);
	return fe->n ? -1 : 0;
}

/* ---------------------------------------------------------------- delete */

static void runbook_confirm(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct runbook *rb = item;
	struct system s;
	struct delete_confirmation dc = {
		.title = N_("Delete recovery runbook"),
		.question = N_("Do you really want to delete the runbook of \"%s\"?"),
		.note = N_("The IT system stays. The change history keeps a record of the runbook."),
		.changed = changed ? N_("Someone else changed this runbook meanwhile. Please check it again.") : NULL,
		.action = rv_item_url(r, "runbooks", rb->id, "/delete"),
		.version = rb->version,
		.back = rv_item_url(r, "runbooks", rb->id, ""),
		.step = STEP_RECOVERY,
	};

	(void)blockers;
	dc.name = store_system_get(r->db, r->arena, r->org.id, rb->system_id, &s) == KF_OK ? s.name : "?";
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	snprintf(buf, len, "%s", item ? rv_item_url(r, "runbooks", ((const struct runbook *)item)->id, "?saved=1")
				      : rv_url(r, "runbooks"));
}

static const struct web_resource runbooks = {
	.item = &store_item_runbook, .gone_msgid = MSG_NO_RUNBOOK, .confirm_db_error = 1,
	.read_form = read_runbook_form, .form = runbook_form, .confirm = runbook_confirm, .back = back,
};

void web_runbook_create(struct req *r) { web_res_create(r, &runbooks); }
void web_runbook_edit(struct req *r) { web_res_edit(r, &runbooks); }
void web_runbook_update(struct req *r) { web_res_update(r, &runbooks); }
void web_runbook_confirm_delete(struct req *r) { web_res_confirm_delete(r, &runbooks); }
void web_runbook_delete(struct req *r) { web_res_delete(r, &runbooks); }
