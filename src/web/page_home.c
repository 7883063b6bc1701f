/* page_home.c: the start page of an organisation: the five steps as a guided path. */
#include <stdio.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "../export/plan_import.h" /* importui */
#include "check_view.h" /* plan check */
#include "docs_view.h"
#include "html.h"
#include "page.h"
#include "team_view.h"
#include "web.h"
#include "../lib/banned.h"

void web_home_slash(struct req *r)
{
	char loc[48];

	snprintf(loc, sizeof(loc), "/o/%lld/", (long long)r->org.id);
	resp_redirect(r, loc);
}

/* The next obvious action of step 2. */
static void team_next_action(struct req *r, const struct team_view *tv)
{
	char href[64];
	const char *label;

	if (tv->ncontacts == 0 && tv->nroles == 0) {
		snprintf(href, sizeof(href), "/o/%lld/team/templates", (long long)r->org.id);
		label = N_("Start with the starter content");
	} else if (tv->ncontacts == 0) {
		snprintf(href, sizeof(href), "/o/%lld/contacts/new", (long long)r->org.id);
		label = N_("Add the first contact");
	} else if (tv->nroles == 0) {
		snprintf(href, sizeof(href), "/o/%lld/team/templates", (long long)r->org.id);
		label = N_("Adopt standard roles");
	} else {
		snprintf(href, sizeof(href), "/o/%lld/team", (long long)r->org.id);
		label = N_("Open the team");
	}
	if (r->org.role < MEMBER_EDITOR) {
		snprintf(href, sizeof(href), "/o/%lld/team", (long long)r->org.id);
		label = N_("Open the team");
	}
	html_lit(&r->out, "<p><a class=\"button primary\"");
	html_attr(&r->out, "href", href);
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, label));
	html_lit(&r->out, "</a></p>");
}

/* Step 1's card: how many risks, how many are high or critical, and the next action. */
static int risks_card(struct req *r, const struct plan_data *d)
{
	const struct risk *list = d->risks;
	size_t n = d->nrisks;
	int high = 0, critical = 0, no_owner = 0;
	const char *label;
	char href[64];

	for (size_t i = 0; i < n; i++) {
		enum risk_level l = risk_level_of(&list[i]);

		if (list[i].status == RISK_CLOSED)
			continue;
		high += l == RISK_HIGH;
		critical += l == RISK_CRITICAL;
		no_owner += list[i].owner_contact_id == 0;
	}
	html_lit(&r->out, "<p class=\"counts\">");
	html_textf(&r->out, _(r->lang, "%zu risks, of which %d high and %d critical"), n, high, critical);
	html_lit(&r->out, "</p>");
	web_bia_home_line(r, d); /* step 1: processes and systems */
	if (no_owner) {
		html_lit(&r->out, "<ul class=\"gaps\"><li><span class=\"badge gap\">");
		html_text(&r->out, _(r->lang, "Gap"));
		html_lit(&r->out, "</span> ");
		html_textf(&r->out, _(r->lang, "%d risks have no owner yet"), no_owner);
		html_lit(&r->out, "</li></ul>");
	}
	if (n == 0 && r->org.role >= MEMBER_EDITOR) {
		snprintf(href, sizeof(href), "/o/%lld/risks/templates", (long long)r->org.id);
		label = N_("Adopt the typical risks");
	} else {
		snprintf(href, sizeof(href), "/o/%lld/risks", (long long)r->org.id);
		label = N_("Open the risk register");
	}
	html_lit(&r->out, "<p><a class=\"button primary\"");
	html_attr(&r->out, "href", href);
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, label));
	html_lit(&r->out, "</a></p>");
	return 0;
}

/* Step 2's card: progress, counts, the first gaps and the next action. */
static int team_card(struct req *r, const struct plan_data *d)
{
	struct team_view tv;

	team_view_from_plan(&tv, d);
	html_lit(&r->out, "<p class=\"counts\">");
	html_textf(&r->out, _(r->lang, "%zu contacts, %zu emergency roles"), tv.ncontacts, tv.nroles);
	html_lit(&r->out, "</p>");
	team_view_gaps(r, &tv, 3);
	team_next_action(r, &tv);
	return 0;
}

/* step 4: registers */
/* Step 4's card: copies (and how many are stale), acknowledgements "x of y", templates, and the next action. */
static int documents_card(struct req *r, const struct plan_data *d)
{
	struct docs_view dv;
	const char *label;
	char href[96];

	if (docs_view_from_plan(r, &dv, d) < 0)
		return -1;
	html_lit(&r->out, "<p class=\"counts\">");
	html_textf(&r->out, _(r->lang, "Copies of the plan: %zu, stale: %zu · communication templates: %zu"),
		   dv.ncopies, dv.nstale, dv.ntemplates);
	html_lit(&r->out, "</p>");
	if (dv.nstaff)
		docs_ack_progress(r, &dv);
	if (dv.nstale) {
		html_lit(&r->out, "<ul class=\"gaps\"><li><span class=\"badge gap\">");
		html_text(&r->out, _(r->lang, "Gap"));
		html_lit(&r->out, "</span> ");
		html_textf(&r->out, _(r->lang, "Stale copies that hold an old state of the plan: %zu"), dv.nstale);
		html_lit(&r->out, "</li></ul>");
	}
	if (r->org.role < MEMBER_EDITOR) {
		docs_url(r, href, sizeof(href), "");
		label = N_("Open step 4");
	} else if (dv.ncopies == 0) {
		docs_url(r, href, sizeof(href), "/copies/new");
		label = N_("Record where the plan is kept");
	} else if (dv.nstale) {
		docs_url(r, href, sizeof(href), "");
		label = N_("Replace the stale copies");
	} else if (dv.ntemplates == 0) {
		docs_url(r, href, sizeof(href), "/templates/starter");
		label = N_("Adopt the starter templates");
	} else if (dv.nconfirmed < dv.nstaff) {
		docs_url(r, href, sizeof(href), "/acknowledgements");
		label = N_("Record staff confirmations");
	} else {
		docs_url(r, href, sizeof(href), "");
		label = N_("Open step 4");
	}
	html_lit(&r->out, "<p><a class=\"button primary\"");
	html_attr(&r->out, "href", href);
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, label));
	html_lit(&r->out, "</a> ");
	/* exports: the download page */
	snprintf(href, sizeof(href), "/o/%lld/exports", (long long)r->org.id);
	page_link(r, href, _(r->lang, "Printouts and exports"), "button");
	html_lit(&r->out, "</p>");
	return 0;
}

/* importui: an admin of an organisation without a plan may have one as a file: the way to the import section. */
static void import_hint(struct req *r, const struct plan_data *d)
{
	char href[64];

	if (r->org.role < MEMBER_ADMIN || !plan_import_data_is_empty(d))
		return;
	snprintf(href, sizeof(href), "/o/%lld/exports#import", (long long)r->org.id);
	html_lit(&r->out, "<p class=\"import-hint\">");
	html_text(&r->out, _(r->lang, "Do you already have the plan as a JSON export of krisenfest?"));
	html_lit(&r->out, " ");
	page_link(r, href, _(r->lang, "Take it over from the file"), NULL);
	html_lit(&r->out, "</p>");
}

/*
 * What each step shows on the start page; NULL while a step is not built.
 * A card writes its part of the page from the plan loaded once for the
 * Plan-Check and returns 0, or -1 when its data could not be read.
 */
static int (*const step_cards[STEP__MAX])(struct req *r, const struct plan_data *d) = {
	[STEP_RISKS] = risks_card,
	[STEP_TEAM] = team_card,
	[STEP_RECOVERY] = web_recovery_card, /* step 3: runbooks, recovery order, workarounds */
	[STEP_DOCUMENT] = documents_card, /* step 4: registers */
	[STEP_EXERCISE] = web_exercises_card,
};

void web_home(struct req *r)
{
	struct strbuf *o = &r->out;
	struct plan_check pc;
	struct plan_data d;

	if (check_view_load(r, &d, &pc) < 0) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Your emergency plan"), STEP_NONE,
		   N_("Five steps lead to a plan that works when the IT is down. Work through them together, one after the other."));
	check_view_home_summary(r, &pc);
	web_plan_version_state(r, 1); /* approval: approved version, changed since */
	import_hint(r, &d);           /* importui */
	html_lit(o, "<ol class=\"path\">");
	for (int s = STEP_RISKS; s < STEP__MAX; s++) {
		const struct plan_step_info *info = plan_step((enum plan_step)s);

		html_lit(o, "<li");
		html_attr(o, "class", info->path ? "card" : "card later");
		html_lit(o, "><h2><span class=\"num\">");
		html_textf(o, "%d", s);
		html_lit(o, "</span> ");
		html_text(o, _(r->lang, info->title));
		html_lit(o, "</h2><p>");
		html_text(o, _(r->lang, info->summary));
		html_lit(o, "</p>");
		check_view_step_progress(r, &pc, (enum plan_step)s);
		web_tasks_step_line(r, &d, s); /* tasks */
		if (step_cards[s]) {
			if (step_cards[s](r, &d) < 0) {
				web_error_page(r, 500, N_("The database could not be read. Please try again."));
				return;
			}
			web_review_marks_card(r, &d, (enum plan_step)s); /* review marks */
		} else {
			html_lit(o, "<p class=\"status\"><span class=\"badge later\">");
			html_text(o, _(r->lang, "coming soon"));
			html_lit(o, "</span> ");
			html_text(o, _(r->lang, "This step is being built and will follow in a later version."));
			html_lit(o, "</p>");
		}
		html_lit(o, "</li>");
	}
	html_lit(o, "</ol>");
	page_end(r);
}
