/* page_documents.c: step 4's overview: copies of the plan, staff acknowledgements, communication templates. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "docs_view.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

static void cell(struct req *r, const char *column_msgid)
{
	html_lit(&r->out, "<td");
	html_attr(&r->out, "data-label", _(r->lang, column_msgid));
	html_lit(&r->out, ">");
}

static void copies_table(struct req *r, const struct docs_view *dv)
{
	static const char *const columns[] = { N_("Where"), N_("Kind"), N_("Held by"), N_("State of the plan"),
					       N_("Last checked"), N_("Status") };
	struct strbuf *o = &r->out;
	char href[96];

	html_lit(o, "<div class=\"table-wrap\"><table class=\"copies\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < dv->ncopies; i++) {
		const struct plan_copy *p = &dv->copies[i];
		const struct contact *holder = docs_view_contact(dv, p->holder_contact_id);
		char rest[48];

		snprintf(rest, sizeof(rest), "/copies/%lld", (long long)p->id);
		docs_url(r, href, sizeof(href), rest);
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, p->location);
		html_lit(o, "</a></th>");
		cell(r, N_("Kind"));
		html_text(o, _(r->lang, plan_copy_kind_label(p->kind)));
		html_lit(o, "</td>");
		cell(r, N_("Held by"));
		if (holder)
			html_text(o, holder->name);
		html_lit(o, "</td>");
		cell(r, N_("State of the plan"));
		html_date(o, p->plan_date, r->lang == KF_LANG_DE);
		docs_copy_stamp(r, p);
		html_lit(o, "</td>");
		cell(r, N_("Last checked"));
		if (p->last_checked[0])
			html_date(o, p->last_checked, r->lang == KF_LANG_DE);
		else
			html_text(o, _(r->lang, "never"));
		html_lit(o, "</td>");
		cell(r, N_("Status"));
		docs_stale_badge(r, plan_copy_stale(p));
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

static void section_start(struct req *r, const char *id, const char *title, const char *hint)
{
	html_lit(&r->out, "<section");
	html_attr(&r->out, "aria-labelledby", id);
	html_lit(&r->out, "><h2");
	html_attr(&r->out, "id", id);
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, title));
	html_lit(&r->out, "</h2><p class=\"hint\">");
	html_text(&r->out, _(r->lang, hint));
	html_lit(&r->out, "</p>");
}

static void copies_section(struct req *r, const struct docs_view *dv)
{
	struct strbuf *o = &r->out;
	char href[96], date[11];

	section_start(r, "h-copies", N_("Copies of the plan"),
		      N_("When the IT is down, the plan must be at hand on paper or on a stick. Note where each copy is kept and which state of the plan it holds."));
	if (dv->plan_changed_at) {
		kf_date_iso(dv->plan_changed_at, date);
		html_lit(o, "<p id=\"plan-changed\">");
		html_text(o, _(r->lang, "Last change to the plan:"));
		html_lit(o, " ");
		html_date(o, date, r->lang == KF_LANG_DE);
		html_lit(o, "</p>");
	}
	if (dv->nstale) {
		html_lit(o, "<p class=\"notice warn\" id=\"stale-count\">");
		html_textf(o, _(r->lang, "Stale copies: %zu of %zu. The plan changed after they were made; replace them and enter the new date."),
			   dv->nstale, dv->ncopies);
		html_lit(o, "</p>");
	}
	if (dv->ncopies == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No copies recorded yet. Start with the printed copy in the emergency folder."));
		html_lit(o, "</p>");
	} else {
		copies_table(r, dv);
	}
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<div class=\"actions\">");
		docs_url(r, href, sizeof(href), "/copies/new");
		docs_button(r, href, N_("Add copy"), dv->ncopies == 0);
		html_lit(o, "</div>");
	}
	html_lit(o, "</section>");
}

static void acks_section(struct req *r, const struct docs_view *dv)
{
	struct strbuf *o = &r->out;
	char href[96];

	section_start(r, "h-acks", N_("Staff acknowledgements"),
		      N_("Every staff member confirms that they know the emergency card and where the plan is kept."));
	if (dv->nstaff == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No staff members yet. Add your colleagues as internal contacts in step 2."));
		html_lit(o, "</p>");
	} else {
		docs_ack_progress(r, dv);
	}
	html_lit(o, "<div class=\"actions\">");
	docs_url(r, href, sizeof(href), "/acknowledgements");
	docs_button(r, href, N_("Open the acknowledgements"), 0);
	html_lit(o, "</div></section>");
}

static void templates_section(struct req *r, const struct docs_view *dv)
{
	struct strbuf *o = &r->out;
	char href[96], rest[48];

	section_start(r, "h-templates", N_("Templates for communication"),
		      N_("Prepared messages for staff, customers, suppliers, the public and authorities, so that nobody has to find words under stress."));
	if (dv->ntemplates == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No templates yet. Adopt the five starter templates and adapt them."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<ul class=\"templates\">");
		for (size_t i = 0; i < dv->ntemplates; i++) {
			const struct comm_template *t = &dv->templates[i];

			snprintf(rest, sizeof(rest), "/templates#t-%lld", (long long)t->id);
			docs_url(r, href, sizeof(href), rest);
			html_lit(o, "<li><a");
			html_attr(o, "href", href);
			html_lit(o, ">");
			html_text(o, t->title);
			html_lit(o, "</a> <span class=\"badge\">");
			html_text(o, _(r->lang, comm_audience_label(t->audience)));
			html_lit(o, "</span></li>");
		}
		html_lit(o, "</ul>");
	}
	html_lit(o, "<div class=\"actions\">");
	docs_url(r, href, sizeof(href), "/templates");
	docs_button(r, href, N_("Open the templates"), 0);
	if (r->org.role >= MEMBER_EDITOR) {
		docs_url(r, href, sizeof(href), "/templates/starter");
		docs_button(r, href, N_("Adopt starter templates"), dv->ntemplates == 0);
	}
	html_lit(o, "</div></section>");
}

void web_documents(struct req *r)
{
	struct docs_view dv;

	if (docs_view_load(r, &dv, 1) < 0) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Document and communicate"), STEP_DOCUMENT,
		   N_("So that the plan is at hand when the IT is down, everybody knows it, and the right words are ready."));
	copies_section(r, &dv);
	acks_section(r, &dv);
	templates_section(r, &dv);
	/* approval: versions and four-eyes approval, before the printouts that print the approved version */
	{
		char href[64];

		section_start(r, "h-versions", N_("Versions and approval"),
			      N_("The Notfallleiter submits the plan as a version; another person approves it (four-eyes "
				 "principle). The approved version is the one that counts."));
		web_plan_version_state(r, 0);
		snprintf(href, sizeof(href), "/o/%lld/plan-versions", (long long)r->org.id);
		html_lit(&r->out, "<div class=\"actions\">");
		docs_button(r, href, N_("Versions and approval"), 0);
		html_lit(&r->out, "</div></section>");
	}
	/* exports: the download page */
	{
		char href[64];

		section_start(r, "h-exports", N_("Printouts and exports"),
			      N_("The plan on paper, on the phone and as files, so that it is at hand when the IT or the server is down."));
		snprintf(href, sizeof(href), "/o/%lld/exports", (long long)r->org.id);
		html_lit(&r->out, "<div class=\"actions\">");
		docs_button(r, href, N_("Printouts and exports"), 0);
		html_lit(&r->out, "</div></section>");
	}
	page_end(r);
}
