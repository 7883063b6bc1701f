/* page_check.c: the Plan-Check page (every gap of the plan, linked to where it is fixed) and its figures on the start page. */
#include <stdio.h>

#include "../export/export.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "check_view.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

int check_view_load(struct req *r, struct plan_data *d, struct plan_check *pc)
{
	if (export_plan_load(r->db, r->arena, r->org.id, d) != KF_OK)
		return -1;
	return plan_check_run(d, r->arena, pc);
}

static void progress(struct req *r, int percent, const char *label)
{
	struct strbuf *o = &r->out;
	char pct[8];

	snprintf(pct, sizeof(pct), "%d", percent);
	html_lit(o, "<div class=\"progress\"><progress max=\"100\"");
	html_attr(o, "value", pct);
	html_attr(o, "aria-label", label);
	html_lit(o, "></progress> <span>");
	html_textf(o, _(r->lang, "%d%% complete"), percent);
	html_lit(o, "</span></div>");
}

void check_view_step_progress(struct req *r, const struct plan_check *pc, enum plan_step s)
{
	if (s <= STEP_NONE || s >= STEP__MAX || pc->steps[s].percent < 0)
		return;
	progress(r, pc->steps[s].percent, _(r->lang, "Completeness of this step in the Plan-Check"));
}

static void check_url(struct req *r, char *out, size_t len)
{
	snprintf(out, len, "/o/%lld/check", (long long)r->org.id);
}

void check_view_home_summary(struct req *r, const struct plan_check *pc)
{
	struct strbuf *o = &r->out;
	char href[64];

	check_url(r, href, sizeof(href));
	html_lit(o, "<section class=\"check-summary\" aria-labelledby=\"h-check\"><h2 id=\"h-check\">");
	html_text(o, _(r->lang, "Plan-Check"));
	html_lit(o, "</h2>");
	progress(r, pc->percent, _(r->lang, "Completeness of the whole plan"));
	html_lit(o, "<p>");
	{
		size_t nwarn = 0;

		for (size_t i = 0; i < pc->ngaps; i++)
			nwarn += pc->gaps[i].level == PLAN_WARNING;
		/* gaps and warnings apart: a warning is worth a look, a gap needs fixing */
		if (pc->ngaps - nwarn)
			html_text_subst(o, _(r->lang, "Gaps found: %s"), arena_printf(r->arena, "%zu", pc->ngaps - nwarn));
		else
			html_text(o, _(r->lang, "No gaps"));
		if (nwarn) {
			html_lit(o, " · ");
			html_text_subst(o, _(r->lang, "Warnings: %s"), arena_printf(r->arena, "%zu", nwarn));
		}
	}
	html_lit(o, " · <a");
	html_attr(o, "href", href);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Open the Plan-Check"));
	html_lit(o, "</a></p></section>");
}

static void gap_item(struct req *r, const struct plan_gap *g)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<li><span");
	html_attr(o, "class", g->level == PLAN_WARNING ? "badge warning" : "badge gap");
	html_lit(o, ">");
	html_text(o, _(r->lang, g->level == PLAN_WARNING ? "Warning" : "Gap"));
	html_lit(o, "</span> <a");
	html_attr(o, "href", plan_gap_href(r->arena, r->org.id, g));
	html_lit(o, ">");
	html_text_subst(o, _(r->lang, g->msgid), g->item);
	html_lit(o, "</a>");
	web_gap_task_button(r, g); /* tasks */
	html_lit(o, "</li>");
}

static void step_section(struct req *r, const struct plan_check *pc, enum plan_step s)
{
	const struct plan_step_info *info = plan_step(s);
	const struct plan_step_score *sc = &pc->steps[s];
	struct strbuf *o = &r->out;
	char id[16], hid[16], href[64];

	snprintf(id, sizeof(id), "step-%d", (int)s);
	snprintf(hid, sizeof(hid), "h-step-%d", (int)s);
	html_lit(o, "<section class=\"check-step\"");
	html_attr(o, "id", id);
	html_attr(o, "aria-labelledby", hid);
	html_lit(o, "><h2");
	html_attr(o, "id", hid);
	html_lit(o, "><span class=\"num\">");
	html_textf(o, "%d", (int)s);
	html_lit(o, "</span> ");
	if (info->path) {
		snprintf(href, sizeof(href), "/o/%lld/%s", (long long)r->org.id, info->path);
		html_lit(o, "<a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, info->title));
		html_lit(o, "</a>");
	} else {
		html_text(o, _(r->lang, info->title));
	}
	html_lit(o, "</h2>");
	if (!sc->checks) {
		html_lit(o, "<p class=\"status\"><span class=\"badge later\">");
		html_text(o, _(r->lang, "coming soon"));
		html_lit(o, "</span> ");
		html_text(o, _(r->lang, "This step has no checks yet."));
		html_lit(o, "</p></section>");
		return;
	}
	progress(r, sc->percent, _(r->lang, "Completeness of this step in the Plan-Check"));
	html_lit(o, "<p class=\"counts\">");
	html_textf(o, _(r->lang, "%zu of %zu checks passed"), sc->passed, sc->checks);
	html_lit(o, "</p>");
	if (sc->passed == sc->checks) {
		html_lit(o, "<p><span class=\"badge ok\">");
		html_text(o, _(r->lang, "No gaps"));
		html_lit(o, "</span></p></section>");
		return;
	}
	html_lit(o, "<ul class=\"gaps\">");
	for (size_t i = 0; i < pc->ngaps; i++)
		if (pc->gaps[i].step == s)
			gap_item(r, &pc->gaps[i]);
	html_lit(o, "</ul></section>");
}

void web_check(struct req *r)
{
	struct strbuf *o = &r->out;
	struct plan_data d;
	struct plan_check pc;

	if (check_view_load(r, &d, &pc) < 0) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Plan-Check"), STEP_NONE,
		   N_("The Plan-Check lists what is still missing in your emergency plan, each with a link to where you fix it."));
	html_lit(o, "<section class=\"check-overall\" aria-labelledby=\"h-overall\"><h2 id=\"h-overall\">");
	html_text(o, _(r->lang, "The whole plan"));
	html_lit(o, "</h2>");
	progress(r, pc.percent, _(r->lang, "Completeness of the whole plan"));
	html_lit(o, "<p>");
	if (pc.ngaps)
		html_text_subst(o, _(r->lang, "Gaps found: %s"), arena_printf(r->arena, "%zu", pc.ngaps));
	else
		html_text(o, _(r->lang, "No gaps: the plan is complete as far as the Plan-Check can tell."));
	html_lit(o, "</p><p class=\"hint\">");
	html_text(o, _(r->lang, "Each step counts the same; the whole plan's figure is the average of the steps."));
	html_lit(o, "</p></section>");
	for (int s = STEP_RISKS; s < STEP__MAX; s++)
		step_section(r, &pc, (enum plan_step)s);
	page_end(r);
}
