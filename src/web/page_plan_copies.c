/* page_plan_copies.c: step 4, the form to add, edit and delete a copy of the plan. */
#include <stdio.h>
#include <string.h>

#include "../core/validate.h"
#include "../export/export.h"
#include "../http/request.h"
#include "../lib/kv.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "docs_view.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This copy does not exist (any more).")

static const char *text_saved(const struct plan_copy *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

/* The form; saved is what someone else stored meanwhile (stale edit) or NULL. */
static void copy_form(struct req *r, int status, const void *item, const struct field_errors *fe,
		      const void *current)
{
	const struct plan_copy *p = item, *saved = current;
	int is_new = p->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct option kinds[COPY_KIND__MAX + 1], *people;
	struct strbuf *o = &r->out;
	char action[96], version[24], back[64], rest[48];
	struct contact *contacts;
	size_t ncontacts;
	struct field f;

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    !(people = ARENA_NEW(r->arena, struct option, ncontacts + 1))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	people[0].value = "";
	people[0].label = _(r->lang, "— nobody in particular —");
	for (size_t i = 0; i < ncontacts; i++) {
		people[i + 1].value = arena_printf(r->arena, "%lld", (long long)contacts[i].id);
		people[i + 1].label = contacts[i].name;
	}
	kinds[0].value = "";
	kinds[0].label = _(r->lang, "— please choose —");
	for (int i = 0; i < COPY_KIND__MAX; i++) {
		kinds[i + 1].value = plan_copy_kind_name((enum plan_copy_kind)i);
		kinds[i + 1].label = _(r->lang, plan_copy_kind_label((enum plan_copy_kind)i));
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New copy of the plan") : readonly ? N_("Copy of the plan") : N_("Edit copy of the plan"),
		   STEP_DOCUMENT, N_("Where a printed or digital copy of the plan is kept, and which state of the plan it holds."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this copy meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this copy. Editing needs the editor role."));
	if (!is_new && !saved) {
		int stale = plan_copy_stale(p);

		html_lit(o, "<p class=\"score\">");
		docs_stale_badge(r, stale);
		html_lit(o, " ");
		html_text(o, stale ? (p->stamp_stale == 1 ? _(r->lang, "The stamp of this copy is not the stamp of the current plan. Replace the copy and enter the new stamp.")
							   : _(r->lang, "The plan changed after this copy was made. Replace the copy and enter the new date."))
				   : _(r->lang, "This copy holds the current state of the plan."));
		html_lit(o, "</p>");
	}
	form_error_summary(r, fe);
	if (is_new) {
		docs_url(r, action, sizeof(action), "/copies/new");
	} else {
		snprintf(rest, sizeof(rest), "/copies/%lld", (long long)p->id);
		docs_url(r, action, sizeof(action), rest);
	}
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : p->version));
	if (!is_new)
		form_hidden(r, "version", version);
	f = (struct field){ .name = "kind", .label = N_("Kind of copy"), .value = plan_copy_kind_name(p->kind),
			    .required = 1, .readonly = readonly, .error = fe_get(fe, "kind"),
			    .saved_value = saved ? plan_copy_kind_name(saved->kind) : NULL };
	form_select(r, &f, kinds, COPY_KIND__MAX + 1);
	f = (struct field){ .name = "location", .label = N_("Where is it kept?"), .value = p->location, .required = 1,
			    .readonly = readonly, .error = fe_get(fe, "location"),
			    .hint = N_("As precisely as someone else would find it, e.g. emergency folder in the managing director's office."),
			    .saved = text_saved(saved, p->location, saved ? saved->location : "") };
	form_input(r, &f);
	f = (struct field){ .name = "holder_contact_id", .label = N_("Held by"),
			    .value = p->holder_contact_id ? arena_printf(r->arena, "%lld", (long long)p->holder_contact_id) : "",
			    .readonly = readonly, .hint = N_("Who has this copy or looks after it? Optional."),
			    .error = fe_get(fe, "holder_contact_id") };
	if (saved)
		f.saved_value = saved->holder_contact_id ? arena_printf(r->arena, "%lld", (long long)saved->holder_contact_id) : "";
	form_select(r, &f, people, (int)ncontacts + 1);
	f = (struct field){ .name = "plan_date", .label = N_("State of the plan"), .value = p->plan_date, .type = "date",
			    .required = 1, .readonly = readonly, .error = fe_get(fe, "plan_date"),
			    .hint = N_("The day the copy was printed or saved. When the plan changes after that day, the copy is stale."),
			    .saved = text_saved(saved, p->plan_date, saved ? saved->plan_date : "") };
	form_input(r, &f);
	/* wire: the stamp printed on the export the copy holds */
	f = (struct field){ .name = "stamp", .label = N_("Stamp of the export"), .value = p->stamp,
			    .readonly = readonly, .error = fe_get(fe, "stamp"), .autocomplete = "off",
			    .hint = N_("The 12-character code printed on every export (e.g. 1a2b3c4d5e6f). With it, krisenfest sees exactly whether the copy still holds the current plan. Optional."),
			    .saved = text_saved(saved, p->stamp, saved ? saved->stamp : "") };
	form_input(r, &f);
	f = (struct field){ .name = "plan_version", .label = N_("Approved plan version"),
			    .value = p->plan_version ? arena_printf(r->arena, "%lld", (long long)p->plan_version) : "",
			    .readonly = readonly, .error = fe_get(fe, "plan_version"),
			    .hint = N_("The number of the approved version the copy holds; empty for the working state (draft).") };
	if (saved && saved->plan_version != p->plan_version)
		f.saved = saved->plan_version ? arena_printf(r->arena, "%lld", (long long)saved->plan_version) : "";
	form_input(r, &f);
	f = (struct field){ .name = "last_checked", .label = N_("Last checked on"), .value = p->last_checked,
			    .type = "date", .readonly = readonly, .error = fe_get(fe, "last_checked"),
			    .hint = N_("When did someone last look that the copy is still there and readable?"),
			    .saved = text_saved(saved, p->last_checked, saved ? saved->last_checked : "") };
	form_input(r, &f);
	f = (struct field){ .name = "notes", .label = N_("Notes"), .value = p->notes, .readonly = readonly,
			    .error = fe_get(fe, "notes"), .hint = N_("For example: who has the key, where the password is kept."),
			    .saved = text_saved(saved, p->notes, saved ? saved->notes : "") };
	form_textarea(r, &f);
	docs_url(r, back, sizeof(back), "");
	snprintf(rest, sizeof(rest), "/copies/%lld/delete", (long long)p->id);
	docs_url(r, action, sizeof(action), rest);
	form_actions(r, readonly ? NULL : is_new ? N_("Add copy") : N_("Save"), back, is_new || readonly ? NULL : action);
	form_end(r);
	web_item_panel(r, "plan_copy", p->id); /* comments: comments and history */
	page_end(r);
}

void web_plan_copy_new(struct req *r)
{
	struct plan_copy p;

	struct field_errors fe = { 0 };
	const char *v;

	plan_copy_init(&p);
	kf_date_iso(kf_now(), p.plan_date);
	/* wire: "record the copy" on the download page prefills the stamp, the version and the date */
	if ((v = kv_get(&r->query, "stamp")) && plan_copy_stamp_ok(v) == 0)
		memcpy(p.stamp, v, strlen(v) + 1);
	if ((v = kv_get(&r->query, "plan_version")) && *v) {
		long long n;

		if (parse_id(v, &n) == 0)
			p.plan_version = n;
	}
	if ((v = kv_get(&r->query, "plan_date")) && strlen(v) == 10)
		regfield_date_form(v, "plan_date", p.plan_date, &fe);
	if (fe.n)
		kf_date_iso(kf_now(), p.plan_date);
	copy_form(r, 200, &p, NULL, NULL);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct plan_copy *p = item;
	char today[11];

	kf_date_iso(kf_now(), today);
	plan_copy_from_form(p, &r->form, fe);
	plan_copy_validate(p, r->arena, today, fe);
	if (fe->n) /* name an unknown holder together with the other mistakes */
		store_plan_copy_check_holder(r->db, p, r->org.id, fe);
	return fe->n ? -1 : 0;
}

void web_plan_copy_edit(struct req *r)
{
	struct plan_copy p;
	enum kf_err err;

	err = store_plan_copy_get(r->db, r->arena, r->org.id, r->id, &p);
	if (!err)
		err = export_copies_check(r->db, r->arena, r->org.id, &p, 1);
	if (err) {
		web_store_error(r, err, MSG_GONE, 0);
		return;
	}
	copy_form(r, 200, &p, NULL, NULL);
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct plan_copy *p = item;
	char action[96], back[64], rest[48];
	struct delete_confirmation dc = {
		.title = N_("Delete copy"),
		.question = N_("Do you really want to delete the copy at \"%s\" from the register?"),
		.name = p->location,
		.note = N_("Only the entry is deleted, not the copy itself. The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this copy meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = p->version,
		.back = back,
		.step = STEP_DOCUMENT,
	};

	(void)blockers;
	snprintf(rest, sizeof(rest), "/copies/%lld/delete", (long long)p->id);
	docs_url(r, action, sizeof(action), rest);
	docs_url(r, back, sizeof(back), "");
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	docs_url(r, buf, len, "");
}

static const struct web_resource copies = {
	.item = &store_item_plan_copy, .gone_msgid = MSG_GONE, .create_gone_msgid = MSG_GONE, .read_form = read_form,
	.form = copy_form, .confirm = confirm_page, .back = back,
};

void web_plan_copy_create(struct req *r) { web_res_create(r, &copies); }
void web_plan_copy_update(struct req *r) { web_res_update(r, &copies); }
void web_plan_copy_confirm_delete(struct req *r) { web_res_confirm_delete(r, &copies); }
void web_plan_copy_delete(struct req *r) { web_res_delete(r, &copies); }
