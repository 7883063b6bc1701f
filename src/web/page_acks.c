/* page_acks.c: step 4, staff acknowledgements: every staff member with their status, confirming several at once, and the single form. */
#include <stdio.h>
#include <string.h>

#include "../core/validate.h"
#include "../http/request.h"
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

#define MSG_GONE N_("This confirmation does not exist (any more).")

static struct option *how_options(struct req *r, int with_empty)
{
	struct option *opts = ARENA_NEW(r->arena, struct option, ACK_HOW__MAX + 1);
	int n = 0;

	if (!opts)
		return NULL;
	if (with_empty) {
		opts[n].value = "";
		opts[n++].label = _(r->lang, "— please choose —");
	}
	for (int i = 0; i < ACK_HOW__MAX; i++, n++) {
		opts[n].value = ack_how_name((enum ack_how)i);
		opts[n].label = _(r->lang, ack_how_label((enum ack_how)i));
	}
	return opts;
}

static void ack_url(struct req *r, char *out, size_t len, int64_t id, const char *suffix)
{
	char rest[64];

	snprintf(rest, sizeof(rest), "/acknowledgements/%lld%s", (long long)id, suffix);
	docs_url(r, out, len, rest);
}

/* One row per staff member: name, status, and (for editors) a box to confirm or a link to the confirmation. */
static void staff_table(struct req *r, const struct docs_view *dv, int editor)
{
	struct strbuf *o = &r->out;
	char href[96], id[32];

	html_lit(o, "<div class=\"table-wrap\"><table class=\"acks\"><thead><tr><th scope=\"col\">");
	html_text(o, _(r->lang, "Staff member"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Status"));
	html_lit(o, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < dv->nstaff; i++) {
		const struct contact *ct = docs_view_contact(dv, dv->staff[i]);
		const struct acknowledgement *k = docs_view_ack_of(dv, dv->staff[i]);

		snprintf(id, sizeof(id), "c-%lld", (long long)ct->id);
		html_lit(o, "<tr><th scope=\"row\">");
		if (editor && !k) {
			html_lit(o, "<div class=\"field check\"><input type=\"checkbox\" name=\"contact\"");
			html_attr(o, "id", id);
			html_attr(o, "value", id + 2);
			html_lit(o, "><label");
			html_attr(o, "for", id);
			html_lit(o, ">");
			html_text(o, ct->name);
			html_lit(o, "</label></div>");
		} else {
			html_text(o, ct->name);
		}
		html_lit(o, "</th><td");
		html_attr(o, "data-label", _(r->lang, "Status"));
		html_lit(o, ">");
		if (k) {
			ack_url(r, href, sizeof(href), k->id, "");
			html_lit(o, "<span class=\"badge ok\">");
			html_text(o, _(r->lang, "confirmed"));
			html_lit(o, "</span> <a");
			html_attr(o, "href", href);
			html_lit(o, ">");
			if (r->lang == KF_LANG_DE) {
				char d[11];

				kf_date_german(k->confirmed_on, d);
				html_text_subst(o, _(r->lang, "on %s"), d);
			} else {
				html_text_subst(o, _(r->lang, "on %s"), k->confirmed_on);
			}
			html_lit(o, " (");
			html_text(o, _(r->lang, ack_how_label(k->how)));
			html_lit(o, ")</a>");
		} else {
			html_lit(o, "<span class=\"badge gap\">");
			html_text(o, _(r->lang, "still open"));
			html_lit(o, "</span>");
			if (editor) {
				char rest[64];

				snprintf(rest, sizeof(rest), "/acknowledgements/new?contact=%lld", (long long)ct->id);
				docs_url(r, href, sizeof(href), rest);
				html_lit(o, " <a");
				html_attr(o, "href", href);
				html_lit(o, ">");
				html_text(o, _(r->lang, "record with notes"));
				html_lit(o, "</a>");
			}
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

/* Confirmations of people who are no staff members (any more): external now, or deleted. */
static void other_acks(struct req *r, const struct docs_view *dv)
{
	struct strbuf *o = &r->out;
	int any = 0;
	char href[96];

	for (size_t i = 0; i < dv->nacks; i++) {
		const struct acknowledgement *k = &dv->acks[i];
		const struct contact *ct = docs_view_contact(dv, k->contact_id);

		if (ct && !ct->external)
			continue;
		if (!any) {
			html_lit(o, "<h2>");
			html_text(o, _(r->lang, "Confirmations of people who are no staff members"));
			html_lit(o, "</h2><ul>");
			any = 1;
		}
		ack_url(r, href, sizeof(href), k->id, "");
		html_lit(o, "<li><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, ct ? ct->name : _(r->lang, "(deleted contact)"));
		html_lit(o, "</a></li>");
	}
	if (any)
		html_lit(o, "</ul>");
}

static void acks_page(struct req *r, int status, const struct field_errors *fe, const char *date, const char *how)
{
	int editor = r->org.role >= MEMBER_EDITOR;
	struct strbuf *o = &r->out;
	struct docs_view dv;
	char action[96], today[11];
	struct option *hows;
	struct field f;

	if (docs_view_load(r, &dv, 0) < 0 || !(hows = how_options(r, 0))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Staff acknowledgements"), STEP_DOCUMENT,
		   N_("Every staff member confirms that they know the emergency card and where the plan is kept. Here you see who has not yet."));
	{
		const char *n = kv_get(&r->query, "confirmed");

		if (n)
			page_notice(r, "ok", _(r->lang, "The confirmations were recorded."));
	}
	form_error_summary(r, fe);
	for (int i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->e[i].field, "contact") == 0)
			page_notice(r, "error", _(r->lang, fe->e[i].msg));
	if (dv.nstaff == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No staff members yet. Add your colleagues as internal contacts in step 2."));
		html_lit(o, "</p>");
		other_acks(r, &dv);
		page_end(r);
		return;
	}
	docs_ack_progress(r, &dv);
	if (editor && dv.nconfirmed < dv.nstaff) {
		docs_url(r, action, sizeof(action), "/acknowledgements");
		form_begin(r, action, r->csrf);
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "Tick everyone who confirmed, for example after a briefing, and record them together with one date."));
		html_lit(o, "</p>");
	}
	staff_table(r, &dv, editor);
	if (editor && dv.nconfirmed < dv.nstaff) {
		kf_date_iso(kf_now(), today);
		html_lit(o, "<div class=\"scale-row\">");
		f = (struct field){ .name = "confirmed_on", .label = N_("Confirmed on"), .type = "date", .required = 1,
				    .value = date ? date : today, .error = fe_get(fe, "confirmed_on") };
		form_input(r, &f);
		f = (struct field){ .name = "how", .label = N_("How"), .value = how ? how : "briefing",
				    .error = fe_get(fe, "how") };
		form_select(r, &f, hows, ACK_HOW__MAX);
		html_lit(o, "</div><div class=\"actions\">");
		form_submit(r, N_("Record the ticked confirmations"), NULL);
		html_lit(o, "</div>");
		form_end(r);
	}
	other_acks(r, &dv);
	docs_url(r, action, sizeof(action), "");
	html_lit(o, "<p><a");
	html_attr(o, "href", action);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Back to step 4"));
	html_lit(o, "</a></p>");
	page_end(r);
}

void web_acks(struct req *r)
{
	acks_page(r, 200, NULL, NULL, NULL);
}

void web_ack_bulk(struct req *r)
{
	struct acknowledgement *acks = ARENA_NEW(r->arena, struct acknowledgement, ACK_BULK_MAX);
	struct field_errors fe = { 0 };
	size_t n = 0, created, skipped;
	char today[11], loc[96];
	enum kf_err err;

	if (!acks) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	kf_date_iso(kf_now(), today);
	ack_bulk_from_form(&r->form, today, acks, &n, &fe);
	if (fe.n) {
		acks_page(r, 422, &fe, kv_get(&r->form, "confirmed_on"), kv_get(&r->form, "how"));
		return;
	}
	err = store_ack_bulk(r->db, r->arena, r->org.id, r->user.id, acks, n, &created, &skipped, &fe);
	if (err == KF_EINVAL) {
		acks_page(r, 422, &fe, kv_get(&r->form, "confirmed_on"), kv_get(&r->form, "how"));
		return;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	docs_url(r, loc, sizeof(loc), "");
	snprintf(loc + strlen(loc), sizeof(loc) - strlen(loc), "/acknowledgements?confirmed=%zu", created);
	resp_redirect(r, loc);
}

static const char *text_saved(const struct acknowledgement *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static void ack_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct acknowledgement *k = item, *saved = current;
	int is_new = k->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct option *people, *hows;
	struct strbuf *o = &r->out;
	char action[96], version[24], back[64];
	struct docs_view dv;
	size_t np = 0;
	struct field f;

	if (docs_view_load(r, &dv, 0) < 0 || !(hows = how_options(r, 1)) ||
	    !(people = ARENA_NEW(r->arena, struct option, dv.ncontacts + 2))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	people[np].value = "";
	people[np++].label = _(r->lang, "— please choose —");
	for (size_t i = 0; i < dv.ncontacts; i++) {
		const struct contact *ct = &dv.contacts[i];
		const struct acknowledgement *other = docs_view_ack_of(&dv, ct->id);

		/* staff members still open, and the person of this confirmation */
		if (ct->id != k->contact_id && (ct->external || (other && other->id != k->id)))
			continue;
		people[np].value = arena_printf(r->arena, "%lld", (long long)ct->id);
		people[np++].label = ct->name;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("Record a confirmation") : readonly ? N_("Confirmation") : N_("Edit confirmation"),
		   STEP_DOCUMENT, N_("A staff member confirms that they know the emergency card and where the plan is kept."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this confirmation meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this confirmation. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		docs_url(r, action, sizeof(action), "/acknowledgements/new");
	else
		ack_url(r, action, sizeof(action), k->id, "");
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : k->version));
	if (!is_new)
		form_hidden(r, "version", version);
	f = (struct field){ .name = "contact_id", .label = N_("Staff member"),
			    .value = k->contact_id ? arena_printf(r->arena, "%lld", (long long)k->contact_id) : "",
			    .required = 1, .readonly = readonly, .error = fe_get(fe, "contact_id"),
			    .hint = N_("Only internal contacts (staff) are listed; people who confirmed already are left out.") };
	if (saved && saved->contact_id != k->contact_id) {
		const struct contact *ct = docs_view_contact(&dv, saved->contact_id);

		f.saved = ct ? ct->name : "";
		f.saved_value = arena_printf(r->arena, "%lld", (long long)saved->contact_id);
	}
	form_select(r, &f, people, (int)np);
	f = (struct field){ .name = "confirmed_on", .label = N_("Confirmed on"), .value = k->confirmed_on, .type = "date",
			    .required = 1, .readonly = readonly, .error = fe_get(fe, "confirmed_on"),
			    .saved = text_saved(saved, k->confirmed_on, saved ? saved->confirmed_on : "") };
	form_input(r, &f);
	f = (struct field){ .name = "how", .label = N_("How"), .value = ack_how_name(k->how), .required = 1,
			    .readonly = readonly, .error = fe_get(fe, "how"),
			    .hint = N_("Signed list, briefing, email reply or another way."),
			    .saved_value = saved ? ack_how_name(saved->how) : NULL };
	form_select(r, &f, hows, ACK_HOW__MAX + 1);
	f = (struct field){ .name = "notes", .label = N_("Notes"), .value = k->notes, .readonly = readonly,
			    .error = fe_get(fe, "notes"), .saved = text_saved(saved, k->notes, saved ? saved->notes : "") };
	form_textarea(r, &f);
	docs_url(r, back, sizeof(back), "/acknowledgements");
	ack_url(r, action, sizeof(action), k->id, "/delete");
	form_actions(r, readonly ? NULL : is_new ? N_("Record confirmation") : N_("Save"), back,
		     is_new || readonly ? NULL : action);
	form_end(r);
	web_item_panel(r, "acknowledgement", k->id); /* comments: comments and history */
	page_end(r);
}

void web_ack_new(struct req *r)
{
	struct acknowledgement k;
	const char *c = kv_get(&r->query, "contact");
	long long id;

	ack_init(&k);
	kf_date_iso(kf_now(), k.confirmed_on);
	k.how = ACK_SIGNATURE;
	if (c && parse_id(c, &id) == 0)
		k.contact_id = id;
	ack_form(r, 200, &k, NULL, NULL);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct acknowledgement *k = item;
	char today[11];

	kf_date_iso(kf_now(), today);
	ack_from_form(k, &r->form, fe);
	ack_validate(k, today, fe);
	if (fe->n && k->contact_id > 0 && !fe_get(fe, "contact_id"))
		store_ack_check_person(r->db, k, r->org.id, "contact_id", fe);
	return fe->n ? -1 : 0;
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct acknowledgement *k = item;
	char action[96], back[96];
	const char *name = "";
	struct contact ct;
	struct delete_confirmation dc = {
		.title = N_("Delete confirmation"),
		.question = N_("Do you really want to delete the confirmation of \"%s\"?"),
		.note = N_("The person then counts as open again. The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this confirmation meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = k->version,
		.back = back,
		.step = STEP_DOCUMENT,
	};

	(void)blockers;
	if (store_contact_get(r->db, r->arena, r->org.id, k->contact_id, &ct) == KF_OK)
		name = ct.name;
	dc.name = name;
	ack_url(r, action, sizeof(action), k->id, "/delete");
	docs_url(r, back, sizeof(back), "/acknowledgements");
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	docs_url(r, buf, len, "/acknowledgements");
}

static const struct web_resource acks = {
	.item = &store_item_ack, .gone_msgid = MSG_GONE, .create_gone_msgid = MSG_GONE, .read_form = read_form,
	.form = ack_form, .confirm = confirm_page, .back = back,
};

void web_ack_create(struct req *r) { web_res_create(r, &acks); }
void web_ack_edit(struct req *r) { web_res_edit(r, &acks); }
void web_ack_update(struct req *r) { web_res_update(r, &acks); }
void web_ack_confirm_delete(struct req *r) { web_res_confirm_delete(r, &acks); }
void web_ack_delete(struct req *r) { web_res_delete(r, &acks); }
