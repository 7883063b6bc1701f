/* team_view.c: loading and checking the team for the start page and the team page. */
#include <stdio.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "../core/plan_check.h"
#include "team_view.h"
#include "web.h"
#include "../lib/banned.h"

/* The team check over what tv holds, with the alarm plan's three checks. */
static void team_view_check(struct team_view *tv, const char *today, size_t nsteps, const struct alarm_plan *plan)
{
	tv->check.gaps = tv->gaps;
	tv->check.max_gaps = TEAM_VIEW_GAPS;
	team_check_run(tv->contacts, tv->ncontacts, tv->roles, tv->nroles, today, &tv->check);
	team_check_alarm(&tv->check, nsteps, plan ? plan->ndeclare_roles : 0, plan ? plan->breach_report_role_id : 0);
}

int team_view_load(struct req *r, struct team_view *tv)
{
	struct contact *contacts;
	struct alarm_step *steps;
	struct alarm_plan plan;
	struct role *roles;
	size_t nsteps;
	char today[11];

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &tv->ncontacts) != KF_OK ||
	    store_role_list(r->db, r->arena, r->org.id, &roles, &tv->nroles) != KF_OK ||
	    store_alarm_step_list(r->db, r->arena, r->org.id, &steps, &nsteps) != KF_OK ||
	    store_alarm_plan_get(r->db, r->arena, r->org.id, &plan) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return -1;
	}
	tv->contacts = contacts;
	tv->roles = roles;
	kf_date_iso(kf_now(), today);
	team_view_check(tv, today, nsteps, &plan);
	return 0;
}

void team_view_from_plan(struct team_view *tv, const struct plan_data *d)
{
	tv->contacts = d->contacts;
	tv->ncontacts = d->ncontacts;
	tv->roles = d->roles;
	tv->nroles = d->nroles;
	team_view_check(tv, d->today, d->nalarm_steps, d->alarm_plan);
}

void team_view_url(struct req *r, char *out, size_t len)
{
	snprintf(out, len, "/o/%lld/team", (long long)r->org.id);
}

const struct contact *team_view_contact(const struct team_view *tv, int64_t id)
{
	for (size_t i = 0; i < tv->ncontacts; i++)
		if (tv->contacts[i].id == id)
			return &tv->contacts[i];
	return NULL;
}

void team_view_gaps(struct req *r, const struct team_view *tv, size_t max)
{
	struct strbuf *o = &r->out;
	char href[80];
	size_t i;

	if (!tv->check.ngaps)
		return;
	html_lit(o, "<ul class=\"gaps\">");
	for (i = 0; i < tv->check.ngaps && i < max; i++) {
		const struct team_gap *g = &tv->check.gaps[i];

		switch (g->kind) {
		case GAP_NO_CONTACTS:
			snprintf(href, sizeof(href), "/o/%lld/contacts/new", (long long)r->org.id);
			break;
		case GAP_NO_ROLES:
			snprintf(href, sizeof(href), "/o/%lld/roles/new", (long long)r->org.id);
			break;
		case GAP_NO_ALARM_CHAIN:
			snprintf(href, sizeof(href), "/o/%lld/alarm/steps/new", (long long)r->org.id);
			break;
		case GAP_NOBODY_DECLARES:
		case GAP_NOBODY_REPORTS_BREACHES:
			snprintf(href, sizeof(href), "/o/%lld/alarm/plan", (long long)r->org.id);
			break;
		case GAP_ROLE_WITHOUT_PRIMARY:
		case GAP_ROLE_WITHOUT_DEPUTY:
			snprintf(href, sizeof(href), "/o/%lld/roles/%lld", (long long)r->org.id, (long long)g->item_id);
			break;
		default:
			snprintf(href, sizeof(href), "/o/%lld/contacts/%lld", (long long)r->org.id,
				 (long long)g->item_id);
			break;
		}
		html_lit(o, "<li><span class=\"badge gap\">");
		html_text(o, _(r->lang, "Gap"));
		html_lit(o, "</span> <a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text_subst(o, _(r->lang, team_gap_message(g->kind)), g->item_name);
		html_lit(o, "</a></li>");
	}
	html_lit(o, "</ul>");
	if (tv->check.gaps_total > max) {
		html_lit(o, "<p class=\"more\">");
		html_textf(o, _(r->lang, "and %zu more"), tv->check.gaps_total - max);
		html_lit(o, "</p>");
	}
}

void team_view_progress(struct req *r, int percent)
{
	struct strbuf *o = &r->out;
	char pct[8];

	snprintf(pct, sizeof(pct), "%d", percent);
	html_lit(o, "<div class=\"progress\"><progress max=\"100\"");
	html_attr(o, "value", pct);
	html_attr(o, "aria-label", _(r->lang, "Progress of the team step"));
	html_lit(o, "></progress> <span>");
	html_textf(o, _(r->lang, "%d%% complete"), percent);
	html_lit(o, "</span></div>");
}
