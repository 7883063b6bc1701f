/* page_exports.c: step 4's download page "Printouts and exports": each export with what it is for, approved or working state. */
#include <stdio.h>
#include <string.h>

#include "../api/api.h"
#include "../export/export.h"
#include "../http/request.h"
#include "../lib/i18n.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

/* "/o/{org}/exports/{kind}" with the query q ("" or "?version=draft"), into out. */
static void download_href(struct req *r, char *out, size_t len, const struct export_kind *k, const char *q)
{
	snprintf(out, len, "/o/%lld/exports/%s%s", (long long)r->org.id, k->name, q);
}

static void button(struct req *r, const char *href, const char *label, int primary)
{
	html_lit(&r->out, "<a");
	html_attr(&r->out, "class", primary ? "button primary" : "button");
	html_attr(&r->out, "href", href);
	html_attr(&r->out, "download", "");
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, label));
	html_lit(&r->out, "</a> ");
}

/* The state of the plan that the exports print: the approved version and the working state with their stamps. */
static void stamps(struct req *r, const struct plan_doc *working, const struct plan_doc *approved)
{
	struct strbuf *o = &r->out;
	char href[64], num[24];

	html_lit(o, "<section aria-labelledby=\"h-stamp\" class=\"export-stamp\"><h2 id=\"h-stamp\">");
	html_text(o, _(r->lang, "Which state of the plan"));
	html_lit(o, "</h2><dl class=\"stamp\"><dt>");
	html_text(o, _(r->lang, "Approved version"));
	html_lit(o, "</dt><dd id=\"stamp-approved\">");
	if (approved) {
		snprintf(num, sizeof(num), "%lld", (long long)approved->stamp.plan_version);
		html_text_subst(o, _(r->lang, "Version %s"), num);
		html_lit(o, ", ");
		html_text(o, _(r->lang, "approved on"));
		html_lit(o, " ");
		html_date(o, approved->stamp.approved_at, r->lang == KF_LANG_DE);
		if (*approved->stamp.approved_by) {
			html_lit(o, " ");
			html_text_subst(o, _(r->lang, "by %s"), approved->stamp.approved_by);
		}
		html_lit(o, " · ");
		html_text(o, _(r->lang, "Stamp"));
		html_lit(o, " <code>");
		html_text(o, approved->stamp.hash);
		html_lit(o, "</code>");
	} else {
		html_text(o, _(r->lang, "No version has been approved yet. Until then, the exports show the working state, marked as draft."));
		snprintf(href, sizeof(href), "/o/%lld/plan-versions", (long long)r->org.id);
		html_lit(o, " ");
		page_link(r, href, _(r->lang, "Versions and approval"), NULL);
	}
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Working state (draft)"));
	html_lit(o, "</dt><dd id=\"stamp-working\">");
	html_text(o, _(r->lang, "Stamp"));
	html_lit(o, " <code>");
	html_text(o, working->stamp.hash);
	html_lit(o, "</code>");
	if (approved && strcmp(approved->stamp.hash, working->stamp.hash) != 0) {
		html_lit(o, " <span class=\"badge gap\">");
		html_text(o, _(r->lang, "changed since the approved version"));
		html_lit(o, "</span>");
	}
	html_lit(o, "</dd></dl><p class=\"hint\">");
	html_text(o, _(r->lang, "Every export carries its stamp: the version, the date and a short code. When you record a copy in the copies register, note the stamp, so that you can see later whether the copy is still current."));
	html_lit(o, "</p></section>");
}

/* One export that is not a register table: what it is for and its download buttons. */
static void export_item(struct req *r, const struct export_kind *k, const struct plan_doc *approved)
{
	struct strbuf *o = &r->out;
	char href[160];
	int can_approved = approved && !k->needs_typed;

	html_lit(o, "<li class=\"card export\"");
	html_attr(o, "id", k->name);
	html_lit(o, "><h3>");
	html_text(o, _(r->lang, k->label));
	html_lit(o, "</h3><p>");
	html_text(o, _(r->lang, k->purpose));
	html_lit(o, "</p><p class=\"actions\">");
	if (can_approved) {
		download_href(r, href, sizeof(href), k, "?version=approved");
		button(r, href, N_("Download the approved version"), 1);
		download_href(r, href, sizeof(href), k, "?version=draft");
		button(r, href, N_("Download the working state (draft)"), 0);
	} else {
		download_href(r, href, sizeof(href), k, k->needs_typed ? "" : "?version=draft");
		button(r, href, k->needs_typed ? N_("Download (current state)") : N_("Download the working state (draft)"), 1);
	}
	html_lit(o, "</p></li>");
}

/* xlsx: the one workbook with every register, as a card above the CSV table (why one file: the hint below it). */
static void xlsx_card(struct req *r, const struct export_kind *k, const struct plan_doc *approved)
{
	html_lit(&r->out, "<ul class=\"exports\">");
	export_item(r, k, approved);
	html_lit(&r->out, "</ul><p class=\"hint\">");
	html_text(&r->out, _(r->lang, "The first sheet shows the state of the plan and its check code. One file is easier to keep and to pass on than many; if a program needs a single register, take its CSV file below."));
	html_lit(&r->out, "</p>");
}

static void csv_table(struct req *r, const struct export_kind *kinds, size_t n, const struct plan_doc *approved)
{
	struct strbuf *o = &r->out;
	char href[160];

	html_lit(o, "<section aria-labelledby=\"h-csv\"><h2 id=\"h-csv\">");
	html_text(o, _(r->lang, "Registers as tables"));
	html_lit(o, "</h2>");
	for (size_t i = 0; i < n; i++)
		if (strcmp(kinds[i].name, EXPORT_XLSX_KIND) == 0)
			xlsx_card(r, &kinds[i], approved);
	html_lit(o, "<p class=\"hint\">");
	html_text(o, _(r->lang, "Each register as a CSV file with the current state, for Excel, LibreOffice or your IT service provider. Choose \"for Excel\" if Excel shows the umlauts wrongly."));
	html_lit(o, "</p><div class=\"table-wrap\"><table class=\"exports\"><thead><tr><th scope=\"col\">");
	html_text(o, _(r->lang, "Register"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "What for"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Download"));
	html_lit(o, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct export_kind *k = &kinds[i];

		if (!k->bom_option)
			continue;
		html_lit(o, "<tr");
		html_attr(o, "id", k->name);
		html_lit(o, "><th scope=\"row\">");
		html_text(o, _(r->lang, k->label));
		html_lit(o, "</th><td");
		html_attr(o, "data-label", _(r->lang, "What for"));
		html_lit(o, ">");
		html_text(o, _(r->lang, k->purpose));
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, "Download"));
		html_lit(o, ">");
		download_href(r, href, sizeof(href), k, "");
		html_lit(o, "<a");
		html_attr(o, "href", href);
		html_attr(o, "download", "");
		html_lit(o, ">CSV</a> · <a");
		download_href(r, href, sizeof(href), k, "?bom=1");
		html_attr(o, "href", href);
		html_attr(o, "download", "");
		html_lit(o, ">");
		html_text(o, _(r->lang, "CSV for Excel"));
		html_lit(o, "</a></td></tr>");
	}
	html_lit(o, "</tbody></table></div></section>");
}

void web_exports(struct req *r)
{
	struct plan_doc working, approved;
	struct strbuf *o = &r->out;
	enum kf_err err;
	int have_approved;
	size_t n;
	const struct export_kind *kinds = export_kinds(&n);

	err = export_doc_load(r->db, r->arena, r->org.id, app_public_url(r->app), 0, &working);
	if (!err) {
		err = export_doc_load(r->db, r->arena, r->org.id, app_public_url(r->app), 1, &approved);
		have_approved = err == KF_OK;
		if (err == KF_ENOTFOUND)
			err = KF_OK;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Printouts and exports"), STEP_DOCUMENT,
		   N_("The plan on paper, on the phone and as files, so that it is at hand when the IT or the server is down."));
	stamps(r, &working, have_approved ? &approved : NULL);
	html_lit(o, "<section aria-labelledby=\"h-files\"><h2 id=\"h-files\">");
	html_text(o, _(r->lang, "The plan as files"));
	html_lit(o, "</h2><ul class=\"exports\">");
	for (size_t i = 0; i < n; i++)
		if (!kinds[i].bom_option && strcmp(kinds[i].name, EXPORT_XLSX_KIND) != 0) /* xlsx: beside the CSV table */
			export_item(r, &kinds[i], have_approved ? &approved : NULL);
	html_lit(o, "</ul></section>");
	csv_table(r, kinds, n, have_approved ? &approved : NULL);
	html_lit(o, "<p class=\"status\"><span class=\"badge later\">");
	html_text(o, _(r->lang, "coming soon"));
	html_lit(o, "</span> ");
	html_text(o, _(r->lang, "The offline copy and the calendar feed follow."));
	html_lit(o, "</p>");
	page_end(r);
}

void web_export_download(struct req *r)
{
	api_export_get(r);
}
