/* page_deleted.c: the admins' list of deleted items and restoring one of them (with confirmation). */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

static void deleted_page(struct req *r, int status, const char *notice_kind, const char *notice)
{
	struct strbuf *o = &r->out;
	struct deleted_item *list = NULL;
	size_t n = 0;
	char href[160], iso[24];

	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Deleted items"), STEP_NONE,
		   N_("Items deleted from the plan. An admin can bring one back; the change history keeps a record."));
	if (notice)
		page_notice(r, notice_kind, _(r->lang, notice));
	if (store_deleted_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK) {
		page_notice(r, "error", _(r->lang, "The deleted items could not be read."));
		n = 0;
	}
	if (n == 0) {
		html_lit(o, "<p>");
		html_text(o, _(r->lang, "Nothing has been deleted."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<div class=\"table-wrap\"><table class=\"deleted-list\"><thead><tr><th scope=\"col\">");
		html_text(o, _(r->lang, "Kind"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Name"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Deleted"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Deleted by"));
		html_lit(o, "</th><th scope=\"col\"><span class=\"visually-hidden\">");
		html_text(o, _(r->lang, "Action"));
		html_lit(o, "</span></th></tr></thead><tbody>");
	}
	for (size_t i = 0; i < n; i++) {
		const struct deleted_item *d = &list[i];

		html_lit(o, "<tr><td>");
		html_text(o, _(r->lang, comment_entity_label(d->entity)));
		html_lit(o, "</td><td>");
		html_text(o, *d->name ? d->name : "–");
		html_lit(o, "</td><td>");
		kf_date_iso(d->deleted_at, iso);
		html_date(o, iso, r->lang == KF_LANG_DE);
		html_lit(o, "</td><td>");
		html_text(o, *d->deleted_by ? d->deleted_by : "–");
		html_lit(o, "</td><td><a");
		snprintf(href, sizeof(href), "/o/%lld/deleted/%s/%lld/restore", (long long)r->org.id, d->entity,
			 (long long)d->id);
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Restore"));
		html_lit(o, "</a></td></tr>");
	}
	if (n)
		html_lit(o, "</tbody></table></div>");
	page_end(r);
}

void web_deleted(struct req *r)
{
	deleted_page(r, 200, NULL, NULL);
}

/* The deleted item of the path, or NULL after answering 404. */
static const struct deleted_item *find(struct req *r)
{
	const char *entity = router_segment(r, "entity");
	struct deleted_item *list = NULL;
	size_t n = 0;

	if (entity && store_deleted_list(r->db, r->arena, r->org.id, &list, &n) == KF_OK)
		for (size_t i = 0; i < n; i++)
			if (list[i].id == r->id && strcmp(list[i].entity, entity) == 0)
				return &list[i];
	web_error_page(r, 404, N_("There is no deleted item of this kind with this id."));
	return NULL;
}

void web_deleted_confirm(struct req *r)
{
	const struct deleted_item *d = find(r);
	struct strbuf *o = &r->out;
	char action[160], back[64];

	if (!d)
		return;
	snprintf(action, sizeof(action), "/o/%lld/deleted/%s/%lld/restore", (long long)r->org.id, d->entity,
		 (long long)d->id);
	snprintf(back, sizeof(back), "/o/%lld/deleted", (long long)r->org.id);
	page_begin(r, N_("Restore item"), STEP_NONE, N_("Bring a deleted item back into the plan."));
	html_lit(o, "<p>");
	html_text_subst(o, _(r->lang, "Do you really want to restore \"%s\"?"), *d->name ? d->name : "–");
	html_lit(o, " ");
	html_text(o, _(r->lang, comment_entity_label(d->entity)));
	html_lit(o, "</p>");
	form_begin(r, action, r->csrf);
	form_submit(r, N_("Restore"), NULL);
	html_lit(o, " <a class=\"button secondary\"");
	html_attr(o, "href", back);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Cancel"));
	html_lit(o, "</a>");
	form_end(r);
	page_end(r);
}

void web_deleted_restore(struct req *r)
{
	const char *entity = router_segment(r, "entity");
	char back[160];
	enum kf_err err;

	err = store_restore(r->db, r->arena, r->org.id, r->user.id, entity, r->id);
	if (err == KF_EEXIST) {
		deleted_page(r, 409, "error",
			     N_("This item cannot be restored: another item now has its name, or what it belongs to "
				"was deleted. Rename or restore that first."));
		return;
	}
	if (err) {
		web_store_error(r, err, N_("There is no deleted item of this kind with this id."), 1);
		return;
	}
	comment_item_path(entity, r->org.id, r->id, back, sizeof(back));
	resp_redirect(r, back);
}
