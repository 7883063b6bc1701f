/* page_workarounds.c: step 3: workarounds (Notbetrieb) per business process: list by process, form, delete. */
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
#define MSG_NO_WORKAROUND N_("This workaround does not exist (any more).")

static const char *contact_name(const struct contact *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return list[i].name;
	return NULL;
}

/* ---------------------------------------------------------------- list by process */

static void workaround_article(struct req *r, const struct workaround *w, const struct contact *contacts,
			       size_t ncontacts)
{
	struct strbuf *o = &r->out;
	const char *who =
	    w->responsible_contact_id ? contact_name(contacts, ncontacts, w->responsible_contact_id) : NULL;

	html_lit(o, "<article class=\"workaround\"");
	html_attr(o, "id", arena_printf(r->arena, "workaround-%lld", (long long)w->id));
	html_lit(o, "><h3>");
	html_text(o, w->title);
	html_lit(o, "</h3><dl class=\"plan workaround\"><dt>");
	html_text(o, _(r->lang, "Can be kept up for"));
	html_lit(o, "</dt><dd>");
	if (w->sustainable_hours >= 0)
		html_textf(o, "%lld\u00a0h", (long long)w->sustainable_hours);
	else
		html_text(o, "—");
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Responsible"));
	html_lit(o, "</dt><dd>");
	html_text(o, who ? who : "—");
	html_lit(o, "</dd></dl><h4>");
	html_text(o, _(r->lang, "How work goes on"));
	html_lit(o, "</h4>");
	rv_markdown(r, w->procedure);
	html_lit(o, "<h4>");
	html_text(o, _(r->lang, "To prepare beforehand"));
	html_lit(o, "</h4>");
	rv_markdown(r, w->preparation);
	html_lit(o, "<p>");
	rv_link(r, rv_item_url(r, "workarounds", w->id, ""),
		_(r->lang, r->org.role >= MEMBER_EDITOR ? N_("Edit workaround") : N_("Show as form")), "button secondary");
	html_lit(o, "</p></article>");
}

void web_workarounds(struct req *r)
{
	struct strbuf *o = &r->out;
	struct workaround *list;
	struct process *procs;
	struct contact *contacts;
	size_t n, np, ncontacts, covered = 0;

	if (store_workaround_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK ||
	    store_process_list(r->db, r->arena, r->org.id, &procs, &np) != KF_OK ||
	    store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	page_begin(r, N_("Workarounds"), STEP_RECOVERY,
		   N_("How people keep working while the IT is down: paper forms, printed lists, phones, external emergency IT."));
	web_review_notice(r, CHAPTER_WORKAROUNDS, "workarounds"); /* review marks */
	html_lit(o, "<p class=\"crumbs\">");
	rv_link(r, rv_url(r, "recovery"), _(r->lang, "Back to step 3"), NULL);
	html_lit(o, "</p>");
	if (np == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No business processes yet. Record them in step 1 first; then each can get its workaround here."));
		html_lit(o, "</p><p>");
		rv_link(r, rv_url(r, "processes"), _(r->lang, "Business processes"), "button primary");
		html_lit(o, "</p>");
		page_end(r);
		return;
	}
	for (size_t p = 0; p < np; p++)
		for (size_t i = 0; i < n; i++)
			if (list[i].process_id == procs[p].id) {
				covered++;
				break;
			}
	html_lit(o, "<p class=\"counts\">");
	html_textf(o, _(r->lang, "Business processes with a workaround: %zu of %zu"), covered, np);
	html_lit(o, "</p>");
	for (size_t p = 0; p < np; p++) {
		int shown = 0;

		html_lit(o, "<section class=\"process-workarounds\"");
		html_attr(o, "aria-labelledby", arena_printf(r->arena, "h-process-%lld", (long long)procs[p].id));
		html_lit(o, "><div class=\"section-head\"><h2");
		html_attr(o, "id", arena_printf(r->arena, "h-process-%lld", (long long)procs[p].id));
		html_lit(o, ">");
		html_text(o, procs[p].name);
		html_lit(o, "</h2>");
		if (r->org.role >= MEMBER_EDITOR)
			rv_link(r, arena_printf(r->arena, "/o/%lld/workarounds/new?process=%lld", (long long)r->org.id,
						(long long)procs[p].id),
				_(r->lang, "Add workaround"), "button");
		html_lit(o, "</div><p class=\"hint\">");
		html_text(o, _(r->lang, "Must run again within"));
		html_lit(o, ": ");
		if (procs[p].rto_hours >= 0)
			html_textf(o, "%lld\u00a0h", (long long)procs[p].rto_hours);
		else
			html_text(o, _(r->lang, "not set"));
		html_lit(o, "</p>");
		for (size_t i = 0; i < n; i++)
			if (list[i].process_id == procs[p].id) {
				workaround_article(r, &list[i], contacts, ncontacts);
				shown++;
			}
		if (!shown) {
			html_lit(o, "<p><span class=\"badge gap\">");
			html_text(o, _(r->lang, "Gap"));
			html_lit(o, "</span> ");
			html_text(o, _(r->lang, "No workaround yet: how would people keep this going without IT?"));
			html_lit(o, "</p>");
		}
		html_lit(o, "</section>");
	}
	page_end(r);
}

/* ---------------------------------------------------------------- form */

static void workaround_form(struct req *r, int status, const void *item, const struct field_errors *fe,
			    const void *current)
{
	const struct workaround *w = item, *saved = current;
	int is_new = w->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct strbuf *o = &r->out;
	struct option *proc_opts, *people;
	struct contact *contacts;
	struct process *procs;
	size_t np, ncontacts;
	struct field f;

	if (store_process_list(r->db, r->arena, r->org.id, &procs, &np) != KF_OK ||
	    store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    !(proc_opts = ARENA_NEW(r->arena, struct option, np + 1)) ||
	    !(people = ARENA_NEW(r->arena, struct option, ncontacts + 1))) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	proc_opts[0] = (struct option){ "", _(r->lang, "— please choose —") };
	for (size_t i = 0; i < np; i++)
		proc_opts[i + 1] = (struct option){ rv_num(r, procs[i].id), procs[i].name };
	people[0] = (struct option){ "", _(r->lang, "— nobody —") };
	for (size_t i = 0; i < ncontacts; i++)
		people[i + 1] = (struct option){ rv_num(r, contacts[i].id), contacts[i].name };
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New workaround") : readonly ? N_("Workaround") : N_("Edit workaround"),
		   STEP_RECOVERY, N_("How people keep a business process going while the IT is down."));
	if (saved)
		page_conflict_notice(r, NULL);
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this workaround. Editing needs the editor role."));
	form_error_summary(r, fe);
	form_begin(r, is_new ? rv_url(r, "workarounds/new") : rv_item_url(r, "workarounds", w->id, ""), r->csrf);
	if (!is_new)
		form_hidden(r, "version", rv_num(r, saved ? saved->version : w->version));
	f = (struct field){ .name = "process_id", .label = N_("Business process"), .required = 1, .readonly = readonly,
			    .value = w->process_id ? rv_num(r, w->process_id) : "", .error = fe_get(fe, "process_id"),
			    .saved_value = saved ? rv_id_value(r, saved->process_id) : NULL };
	form_select(r, &f, proc_opts, (int)np + 1);
	f = (struct field){ .name = "title", .label = N_("Title"), .value = w->title, .required = 1, .readonly = readonly,
			    .hint = N_("For example: orders on paper, cash sale with receipt pad, delivery lists printed weekly."),
			    .error = fe_get(fe, "title"),
			    .saved_value = saved ? saved->title : NULL };
	form_input(r, &f);
	rv_markdown_hint(r);
	f = (struct field){ .name = "procedure", .label = N_("How work goes on"), .value = w->procedure, .required = 1,
			    .readonly = readonly, .error = fe_get(fe, "procedure"),
			    .hint = N_("What people do instead: paper forms, printed lists, phones, external emergency IT — and how it is entered later."),
			    .saved_value = saved ? saved->procedure : NULL };
	form_textarea(r, &f);
	f = (struct field){ .name = "preparation", .label = N_("To prepare beforehand"), .value = w->preparation,
			    .readonly = readonly, .error = fe_get(fe, "preparation"),
			    .hint = N_("What must be ready before the emergency: printed forms, current lists, phone numbers, a contract."),
			    .saved_value = saved ? saved->preparation : NULL };
	form_textarea(r, &f);
	html_lit(o, "<div class=\"scale-row\">");
	f = (struct field){ .name = "sustainable_hours", .label = N_("Can be kept up for (hours)"), .type = "number",
			    .readonly = readonly, .value = rv_number_value(r, fe, "sustainable_hours", w->sustainable_hours),
			    .error = fe_get(fe, "sustainable_hours"),
			    .hint = N_("How long can people work like this before it breaks down?"),
			    .saved_value = saved ? rv_num_value(r, saved->sustainable_hours) : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "responsible_contact_id", .label = N_("Responsible"), .readonly = readonly,
			    .value = w->responsible_contact_id ? rv_num(r, w->responsible_contact_id) : "",
			    .error = fe_get(fe, "responsible_contact_id"),
			    .hint = N_("Who starts the workaround and keeps it going?"),
			    .saved_value = saved ? rv_id_value(r, saved->responsible_contact_id) : NULL };
	form_select(r, &f, people, (int)ncontacts + 1);
	html_lit(o, "</div>");
	form_actions(r, readonly ? NULL : is_new ? N_("Add workaround") : N_("Save"), rv_url(r, "workarounds"),
		     is_new || readonly ? NULL : rv_item_url(r, "workarounds", w->id, "/delete"));
	form_end(r);
	web_item_panel(r, "workaround", w->id); /* comments: comments and history */
	page_end(r);
}

void web_workaround_new(struct req *r)
{
	const char *proc = kv_get(&r->query, "process");
	struct workaround w;
	long long id;

	workaround_init(&w);
	if (proc && sscanf(proc, "%lld", &id) == 1 && id > 0)
		w.process_id = id;
	workaround_form(r, 200, &w, NULL, NULL);
}

static int read_workaround_form(struct req *r, void *item, struct field_errors *fe)
{
	struct workaround *w = item;

	workaround_from_form(w, &r->form, fe);
	workaround_validate(w, r->arena, fe);
	if (fe->n)
		store_workaround_check_refs(r->db, w, r->org.id, fe);
	return fe->n ? -1 : 0;
}

static void workaround_confirm(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct workaround *w = item;
	struct delete_confirmation dc = {
		.title = N_("Delete workaround"),
		.question = N_("Do you really want to delete the workaround \"%s\"?"),
		.name = w->title,
		.note = N_("The business process stays. The change history keeps a record of the workaround."),
		.changed = changed ? N_("Someone else changed this workaround meanwhile. Please check it again.") : NULL,
		.action = rv_item_url(r, "workarounds", w->id, "/delete"),
		.version = w->version,
		.back = rv_item_url(r, "workarounds", w->id, ""),
		.step = STEP_RECOVERY,
	};

	(void)blockers;
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	if (item)
		snprintf(buf, len, "/o/%lld/workarounds#workaround-%lld", (long long)r->org.id,
			 (long long)((const struct workaround *)item)->id);
	else
		snprintf(buf, len, "%s", rv_url(r, "workarounds"));
}

static const struct web_resource workarounds = {
	.item = &store_item_workaround, .gone_msgid = MSG_NO_WORKAROUND, .confirm_db_error = 1,
	.read_form = read_workaround_form, .form = workaround_form, .confirm = workaround_confirm, .back = back,
};

void web_workaround_create(struct req *r) { web_res_create(r, &workarounds); }
void web_workaround_edit(struct req *r) { web_res_edit(r, &workarounds); }
void web_workaround_update(struct req *r) { web_res_update(r, &workarounds); }
void web_workaround_confirm_delete(struct req *r) { web_res_confirm_delete(r, &workarounds); }
void web_workaround_delete(struct req *r) { web_res_delete(r, &workarounds); }
