/* item_panel.c: below every item's form: its comments (with a form to add one) and its change history. */
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "../core/fielddiff.h"
#include "../core/validate.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "markdown.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

#define PANEL_HISTORY_MAX 50

/* German labels of the API's field names where we know them; others show the field name. */
static const struct {
	const char *field;
	const char *label;
} field_labels[] = {
	{ "name", N_("Name") },
	{ "title", N_("Title") },
	{ "function", N_("Function") },
	{ "company", N_("Company") },
	{ "email", N_("Email") },
	{ "phones", N_("Phone numbers") },
	{ "external", N_("External") },
	{ "last_verified", N_("Details last checked on") },
	{ "notes", N_("Notes") },
	{ "description", N_("Description") },
	{ "tasks", N_("Tasks") },
	{ "primary_contact_id", N_("Primary person") },
	{ "deputy_contact_ids", N_("Deputies") },
	{ "deputies", N_("Deputies") },
	{ "likelihood", N_("Likelihood") },
	{ "impact", N_("Impact") },
	{ "category", N_("Category") },
	{ "category_id", N_("Category") },
	{ "measures", N_("Measures") },
	{ "owner_contact_id", N_("Owner") },
	{ "responsible_contact_id", N_("Responsible person") },
	{ "status", N_("Status") },
	{ "body", N_("Text") },
	{ "date", N_("Date") },
	{ "procedure", N_("Procedure") },
	{ "steps", N_("Steps") },
	{ "system_id", N_("IT system") },
	{ "process_id", N_("Business process") },
	{ "subject", N_("Subject") },
	{ "location", N_("Location") },
	{ "rto_hours", N_("Maximum downtime (hours)") },
	{ "system_ids", N_("IT systems") },
};

static const char *field_label(struct req *r, const char *field)
{
	for (size_t i = 0; i < sizeof(field_labels) / sizeof(field_labels[0]); i++)
		if (strcmp(field, field_labels[i].field) == 0)
			return _(r->lang, field_labels[i].label);
	return field;
}

static void comments(struct req *r, const char *entity, int64_t id)
{
	struct strbuf *o = &r->out;
	struct comment *list = NULL;
	char action[80], eid[24], version[24];
	size_t n = 0;
	struct field f;

	html_lit(o, "<section class=\"item-comments\" id=\"comments\" aria-labelledby=\"comments-h\"><h2 id=\"comments-h\">");
	html_text(o, _(r->lang, "Comments"));
	html_lit(o, "</h2>");
	if (store_comment_list(r->db, r->arena, r->org.id, entity, id, &list, &n) != KF_OK) {
		page_notice(r, "error", _(r->lang, "The comments could not be read."));
		n = 0;
	}
	if (n == 0) {
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "No comments yet."));
		html_lit(o, "</p>");
	}
	if (n)
		html_lit(o, "<ol class=\"comment-list\">");
	for (size_t i = 0; i < n; i++) {
		const struct comment *c = &list[i];

		snprintf(eid, sizeof(eid), "comment-%lld", (long long)c->id);
		html_lit(o, "<li class=\"comment\"");
		html_attr(o, "id", eid);
		html_lit(o, "><p class=\"comment-meta\"><strong>");
		html_text(o, *c->author_name ? c->author_name : _(r->lang, "(unknown)"));
		html_lit(o, "</strong> · ");
		html_time(&r->out, c->created_at, r->lang == KF_LANG_DE);
		if (c->updated_at != c->created_at) {
			html_lit(o, " · ");
			html_text(o, _(r->lang, "edited"));
		}
		html_lit(o, "</p><div class=\"comment-body md\">");
		if (markdown_render(o, c->body, strlen(c->body)) < 0 && !o->failed)
			html_text(o, c->body);
		html_lit(o, "</div>");
		if (r->org.role >= MEMBER_EDITOR && (c->author_id == r->user.id || r->org.role >= MEMBER_ADMIN)) {
			snprintf(action, sizeof(action), "/o/%lld/comments/%lld/delete", (long long)r->org.id,
				 (long long)c->id);
			form_begin(r, action, r->csrf);
			snprintf(version, sizeof(version), "%lld", (long long)c->version);
			form_hidden(r, "version", version);
			form_hidden(r, "back", r->path);
			form_submit(r, N_("Delete comment"), "secondary small");
			form_end(r);
		}
		html_lit(o, "</li>");
	}
	if (n)
		html_lit(o, "</ol>");
	if (r->org.role >= MEMBER_EDITOR) {
		snprintf(action, sizeof(action), "/o/%lld/comments", (long long)r->org.id);
		form_begin(r, action, r->csrf);
		form_hidden(r, "entity", entity);
		snprintf(eid, sizeof(eid), "%lld", (long long)id);
		form_hidden(r, "entity_id", eid);
		form_hidden(r, "back", r->path);
		f = (struct field){ .name = "comment", .label = N_("New comment"), .required = 1,
				    .hint = N_("Markdown works (*italic*, **bold**, lists). Write @name or @\"First Last\" "
					       "to notify a member."),
				    .value = "" };
		form_textarea(r, &f);
		form_submit(r, N_("Add comment"), NULL);
		form_end(r);
	}
	html_lit(o, "</section>");
}

static const char *action_label(const char *action)
{
	if (strcmp(action, "create") == 0)
		return N_("created");
	if (strcmp(action, "update") == 0)
		return N_("changed");
	if (strcmp(action, "delete") == 0)
		return N_("deleted");
	if (strcmp(action, "restore") == 0)
		return N_("restored");
	return action;
}

static void history(struct req *r, const char *entity, int64_t id)
{
	struct strbuf *o = &r->out;
	struct history_entry *list = NULL;
	size_t n = 0;

	html_lit(o, "<section class=\"item-history\" id=\"history\" aria-labelledby=\"history-h\"><h2 id=\"history-h\">");
	html_text(o, _(r->lang, "Change history"));
	html_lit(o, "</h2>");
	if (store_history_list(r->db, r->arena, r->org.id, entity, id, PANEL_HISTORY_MAX, &list, &n) != KF_OK) {
		page_notice(r, "error", _(r->lang, "The change history could not be read."));
		n = 0;
	}
	if (n == 0) {
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "No changes recorded yet."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<ol class=\"history-list\">");
	}
	for (size_t i = 0; i < n; i++) {
		const struct history_entry *h = &list[i];
		json_t *before = *h->before_json ? json_loads(h->before_json, 0, NULL) : NULL;
		json_t *after = *h->after_json ? json_loads(h->after_json, 0, NULL) : NULL;
		struct fielddiff *d = NULL;
		int nd = 0;

		html_lit(o, "<li class=\"history-entry\"><p class=\"history-meta\">");
		html_time(&r->out, h->at, r->lang == KF_LANG_DE);
		html_lit(o, " · <strong>");
		/* no user: written on the command line (an import, the demo company) */
		html_text(o, *h->user_name ? h->user_name
			     : !h->user_id ? _(r->lang, "krisenfest on the command line")
					   : _(r->lang, "(unknown)"));
		html_lit(o, "</strong> ");
		html_text(o, _(r->lang, action_label(h->action)));
		html_lit(o, "</p>");
		if (strcmp(h->action, "update") == 0)
			nd = fielddiff_compute(before, after, r->arena, &d);
		if (nd > 0) {
			html_lit(o, "<div class=\"table-wrap\"><table class=\"history-diff\"><thead><tr><th scope=\"col\">");
			html_text(o, _(r->lang, "Field"));
			html_lit(o, "</th><th scope=\"col\">");
			html_text(o, _(r->lang, "Before"));
			html_lit(o, "</th><th scope=\"col\">");
			html_text(o, _(r->lang, "After"));
			html_lit(o, "</th></tr></thead><tbody>");
			for (int k = 0; k < nd; k++) {
				html_lit(o, "<tr><th scope=\"row\">");
				html_text(o, field_label(r, d[k].field));
				html_lit(o, "</th><td>");
				html_text(o, *d[k].before ? d[k].before : "–");
				html_lit(o, "</td><td>");
				html_text(o, *d[k].after ? d[k].after : "–");
				html_lit(o, "</td></tr>");
			}
			html_lit(o, "</tbody></table></div>");
		}
		json_decref(before);
		json_decref(after);
		html_lit(o, "</li>");
	}
	if (n)
		html_lit(o, "</ol>");
	html_lit(o, "</section>");
}

void web_item_panel(struct req *r, const char *entity, int64_t id)
{
	if (!entity || id <= 0)
		return;
	html_lit(&r->out, "<div class=\"item-panel\">");
	if (strcmp(entity, "finding") != 0) /* a finding's page lists its tasks itself, with the one-click button */
		web_item_tasks(r, entity, id);
	comments(r, entity, id);
	history(r, entity, id);
	html_lit(&r->out, "</div>");
}

/* The posted "back" path when it is one of this organisation's pages, else the start page. */
static void back_path(struct req *r, char *buf, size_t size)
{
	const char *back = kv_get(&r->form, "back");
	char prefix[32];

	snprintf(prefix, sizeof(prefix), "/o/%lld/", (long long)r->org.id);
	if (back && strncmp(back, prefix, strlen(prefix)) == 0 && !strpbrk(back, "\\\"<> \r\n") &&
	    strlen(back) + 10 < size)
		snprintf(buf, size, "%s", back);
	else
		snprintf(buf, size, "/o/%lld", (long long)r->org.id);
}

void web_comment_create(struct req *r)
{
	struct field_errors fe = { 0 };
	struct comment cm = { 0 };
	const char *id_s = kv_get(&r->form, "entity_id");
	long long eid = 0;
	char back[256];
	enum kf_err err;

	cm.entity = kv_get(&r->form, "entity");
	cm.body = kv_get(&r->form, "comment");
	if (!comment_entity_known(cm.entity) || !id_s || parse_id(id_s, &eid) < 0) {
		web_error_page(r, 400, N_("This comment does not belong to an item."));
		return;
	}
	cm.entity_id = eid;
	if (comment_validate_body(cm.body, &fe) < 0) {
		web_error_page(r, 422, fe_get(&fe, "body") && cm.body && *cm.body
					       ? N_("The comment was not saved: its text is too long or holds characters "
						    "that are not allowed.")
					       : N_("The comment was not saved: please write a text first."));
		return;
	}
	err = store_comment_create(r->db, r->arena, r->org.id, r->user.id, &cm);
	if (err) {
		web_store_error(r, err, N_("This item does not exist (any more)."), 1);
		return;
	}
	back_path(r, back, sizeof(back));
	snprintf(back + strlen(back), sizeof(back) - strlen(back), "#comments");
	resp_redirect(r, back);
}

void web_comment_delete(struct req *r)
{
	struct comment current;
	long long version;
	char back[256];
	enum kf_err err;

	version = page_form_version(r, 1);
	if (version < 0)
		return;
	err = store_comment_delete(r->db, r->arena, r->org.id, r->user.id, r->org.role >= MEMBER_ADMIN, r->id, version,
				   &current);
	if (err == KF_EPERM) {
		web_error_page(r, 403, N_("Only the author or an admin may delete this comment."));
		return;
	}
	if (err == KF_ECONFLICT) {
		web_error_page(r, 409, N_("Someone changed this comment meanwhile. Please look at it again."));
		return;
	}
	if (err) {
		web_store_error(r, err, N_("This comment does not exist (any more)."), 1);
		return;
	}
	back_path(r, back, sizeof(back));
	snprintf(back + strlen(back), sizeof(back) - strlen(back), "#comments");
	resp_redirect(r, back);
}
