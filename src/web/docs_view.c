/* docs_view.c: loading the registers of step 4 once per page, and the small pieces their pages share. */
#include <stdio.h>

#include "../export/export.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../core/plan_check.h"
#include "docs_view.h"
#include "html.h"
#include "page.h"
#include "../lib/banned.h"

/* Staff, stale copies and confirmations from the lists dv holds. */
static int docs_view_derive(struct req *r, struct docs_view *dv)
{
	dv->staff = ARENA_NEW(r->arena, int64_t, dv->ncontacts + 1);
	if (!dv->staff)
		return -1;
	for (size_t i = 0; i < dv->ncontacts; i++)
		if (!dv->contacts[i].external)
			dv->staff[dv->nstaff++] = dv->contacts[i].id;
	for (size_t i = 0; i < dv->ncopies; i++)
		dv->nstale += plan_copy_stale(&dv->copies[i]);
	dv->nconfirmed = ack_count_confirmed(dv->acks, dv->nacks, dv->staff, dv->nstaff);
	return 0;
}

int docs_view_load(struct req *r, struct docs_view *dv, int compare_stamps)
{
	struct plan_copy *copies;
	struct acknowledgement *acks;
	struct comm_template *templates;
	struct contact *contacts;
	int64_t org = r->org.id;

	*dv = (struct docs_view){ 0 };
	if (store_plan_copy_list(r->db, r->arena, org, &copies, &dv->ncopies) != KF_OK ||
	    store_ack_list(r->db, r->arena, org, &acks, &dv->nacks) != KF_OK ||
	    store_comm_template_list(r->db, r->arena, org, &templates, &dv->ntemplates) != KF_OK ||
	    store_contact_list(r->db, r->arena, org, &contacts, &dv->ncontacts) != KF_OK ||
	    store_plan_last_change(r->db, org, &dv->plan_changed_at) != KF_OK ||
	    (compare_stamps && export_copies_check(r->db, r->arena, org, copies, dv->ncopies) != KF_OK)) /* wire */
		return -1;
	dv->copies = copies;
	dv->acks = acks;
	dv->templates = templates;
	dv->contacts = contacts;
	return docs_view_derive(r, dv);
}

int docs_view_from_plan(struct req *r, struct docs_view *dv, const struct plan_data *d)
{
	*dv = (struct docs_view){ .copies = d->copies, .ncopies = d->ncopies, .acks = d->acks, .nacks = d->nacks,
				  .templates = d->templates, .ntemplates = d->ntemplates, .contacts = d->contacts,
				  .ncontacts = d->ncontacts };
	/* plan_changed_at stays 0: each copy carries the change time it is compared with */
	return docs_view_derive(r, dv);
}

const struct contact *docs_view_contact(const struct docs_view *dv, int64_t id)
{
	for (size_t i = 0; id && i < dv->ncontacts; i++)
		if (dv->contacts[i].id == id)
			return &dv->contacts[i];
	return NULL;
}

const struct acknowledgement *docs_view_ack_of(const struct docs_view *dv, int64_t contact_id)
{
	for (size_t i = 0; i < dv->nacks; i++)
		if (dv->acks[i].contact_id == contact_id)
			return &dv->acks[i];
	return NULL;
}

void docs_url(struct req *r, char *out, size_t len, const char *rest)
{
	snprintf(out, len, "/o/%lld/documents%s", (long long)r->org.id, rest);
}

void docs_stale_badge(struct req *r, int stale)
{
	html_lit(&r->out, "<span");
	html_attr(&r->out, "class", stale ? "badge gap" : "badge ok");
	html_lit(&r->out, ">");
	html_text(&r->out, stale ? _(r->lang, "stale") : _(r->lang, "current"));
	html_lit(&r->out, "</span>");
}

void docs_copy_stamp(struct req *r, const struct plan_copy *p)
{
	char num[24];

	if (!p->stamp[0])
		return;
	html_lit(&r->out, "<br><span class=\"copy-stamp\">");
	if (p->plan_version) {
		snprintf(num, sizeof(num), "%lld", (long long)p->plan_version);
		html_text_subst(&r->out, _(r->lang, "Version %s"), num);
		html_lit(&r->out, " · ");
	}
	html_text(&r->out, _(r->lang, "Stamp"));
	html_lit(&r->out, " <code>");
	html_text(&r->out, p->stamp);
	html_lit(&r->out, "</code>");
	if (p->stamp_stale == 1) {
		html_lit(&r->out, " (");
		html_text(&r->out, _(r->lang, "not the stamp of the current plan"));
		html_lit(&r->out, ")");
	}
	html_lit(&r->out, "</span>");
}

void docs_button(struct req *r, const char *href, const char *label, int primary)
{
	page_link(r, href, _(r->lang, label), primary ? "button primary" : "button");
}

void docs_ack_progress(struct req *r, const struct docs_view *dv)
{
	struct strbuf *o = &r->out;
	char value[24];

	html_lit(o, "<div class=\"progress\"><progress");
	snprintf(value, sizeof(value), "%zu", dv->nstaff ? dv->nstaff : 1);
	html_attr(o, "max", value);
	snprintf(value, sizeof(value), "%zu", dv->nconfirmed);
	html_attr(o, "value", value);
	html_attr(o, "aria-labelledby", "ack-count");
	html_lit(o, "></progress> <span id=\"ack-count\">");
	html_textf(o, _(r->lang, "%zu of %zu staff members have confirmed"), dv->nconfirmed, dv->nstaff);
	html_lit(o, "</span></div>");
}
