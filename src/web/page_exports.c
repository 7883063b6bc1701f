/* page_exports.c: step 4's download page "Printouts and exports": each export with what it is for, approved or working state. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "../api/api.h"
#include "../api/api_exports.h"
#include "../core/passphrase.h"
#include "../export/export.h"
#include "../export/plan_import.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../lib/kv.h"
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
	html_attr(&r->out, "data-export", "");
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, label));
	html_lit(&r->out, "</a> ");
}

/*
 * After a download: the link that records the copy in the copies register,
 * prefilled with the stamp, the plan version and the date of doc (the
 * script updates it from the downloaded file's stamp).
 */
static void record_copy_link(struct req *r, const struct plan_doc *doc)
{
	char href[200];

	if (r->org.role < MEMBER_EDITOR)
		return;
	if (doc->stamp.draft)
		snprintf(href, sizeof(href), "/o/%lld/documents/copies/new?stamp=%s&plan_date=%.10s", (long long)r->org.id,
			 doc->stamp.hash, doc->stamp.made_at ? doc->stamp.made_at : "");
	else
		snprintf(href, sizeof(href), "/o/%lld/documents/copies/new?stamp=%s&plan_version=%lld&plan_date=%.10s",
			 (long long)r->org.id, doc->stamp.hash, (long long)doc->stamp.plan_version,
			 doc->stamp.made_at ? doc->stamp.made_at : "");
	html_lit(&r->out, "<p class=\"record-copy\">");
	html_lit(&r->out, "<a");
	html_attr(&r->out, "href", href);
	html_attr(&r->out, "data-record-copy", "");
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, "Record the copy in the copies register"));
	html_lit(&r->out, "</a></p>");
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
static void export_item(struct req *r, const struct export_kind *k, const struct plan_doc *working,
			const struct plan_doc *approved)
{
	struct strbuf *o = &r->out;
	char href[160];
	int can_approved = approved && (!k->needs_typed || approved->typed); /* approved */

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
		download_href(r, href, sizeof(href), k, k->needs_typed && !approved ? "" : "?version=draft"); /* approved */
		button(r, href, k->needs_typed ? N_("Download (current state)") : N_("Download the working state (draft)"), 1);
	}
	html_lit(o, "</p><p class=\"export-status\" role=\"status\" aria-live=\"polite\"></p>");
	record_copy_link(r, can_approved ? approved : working);
	html_lit(o, "</li>");
}

/*
 * The offline copy for the USB stick: why, where to keep the passphrase, and
 * the form that makes the sealed file (POST: the passphrase never goes into
 * an address). fe: the refusal of the last try, or NULL.
 */
static void offline_section(struct req *r, const struct export_kind *k, const struct plan_doc *working,
			    const struct plan_doc *approved, const struct field_errors *fe)
{
	struct strbuf *o = &r->out;
	char action[96], href[160];
	int can_approved = approved && !k->needs_typed;
	struct field f;

	html_lit(o, "<section aria-labelledby=\"h-offline\" class=\"card export offline\" id=\"offline\"><h2 id=\"h-offline\">");
	html_text(o, _(r->lang, "Offline copy for the USB stick"));
	html_lit(o, "</h2><p>");
	html_text(o, _(r->lang, "In an emergency the server with this plan may be gone too. The offline copy is the whole plan in one file that opens in any browser, without the server and without the internet: keep it on a USB stick in the safe or in a cloud folder."));
	html_lit(o, "</p><p>");
	html_text(o, _(r->lang, "The plan holds phone numbers and addresses. Lock the file with a passphrase: whoever finds the stick cannot read it. Keep the passphrase apart from the stick, for example in a sealed envelope in the safe or with the management, and tell the emergency team where it is."));
	html_lit(o, "</p>");
	form_error_summary(r, fe);
	snprintf(action, sizeof(action), "/o/%lld/exports/%s#offline", (long long)r->org.id, k->name);
	html_lit(o, "<form method=\"post\" class=\"sealed\" data-export-form=\"\"");
	html_attr(o, "action", action);
	html_lit(o, ">");
	form_hidden(r, "_csrf", r->csrf ? r->csrf : "");
	if (can_approved)
		form_hidden(r, "version", "approved");
	memset(&f, 0, sizeof(f));
	f.name = "passphrase";
	f.label = N_("Passphrase");
	f.type = "password";
	f.value = "";
	f.autocomplete = "new-password";
	f.hint = N_("At least 12 characters. A short sentence is easy to remember and hard to guess.");
	f.error = fe_get(fe, "passphrase");
	f.required = 1;
	form_input(r, &f);
	memset(&f, 0, sizeof(f));
	f.name = "passphrase_repeat";
	f.label = N_("Repeat the passphrase");
	f.type = "password";
	f.value = "";
	f.autocomplete = "new-password";
	f.required = 1;
	form_input(r, &f);
	form_submit(r, N_("Download the locked offline copy"), "primary");
	html_lit(o, "</form><p class=\"export-status\" role=\"status\" aria-live=\"polite\"></p><p class=\"hint\">");
	html_text(o, _(r->lang, "Without a passphrase, for a place that is locked anyway:"));
	html_lit(o, " ");
	download_href(r, href, sizeof(href), k, can_approved ? "?version=approved" : "");
	html_lit(o, "<a");
	html_attr(o, "href", href);
	html_attr(o, "download", "");
	html_attr(o, "data-export", "");
	html_lit(o, ">");
	html_text(o, _(r->lang, "Download the offline copy without a passphrase"));
	html_lit(o, "</a></p>");
	record_copy_link(r, can_approved ? approved : working);
	html_lit(o, "</section>");
}

/* xlsx: the one workbook with every register, as a card above the CSV table (why one file: the hint below it). */
static void xlsx_card(struct req *r, const struct export_kind *k, const struct plan_doc *working,
		      const struct plan_doc *approved)
{
	html_lit(&r->out, "<ul class=\"exports\">");
	export_item(r, k, working, approved);
	html_lit(&r->out, "</ul><p class=\"hint\">");
	html_text(&r->out, _(r->lang, "The first sheet shows the state of the plan and its check code. One file is easier to keep and to pass on than many; if a program needs a single register, take its CSV file below."));
	html_lit(&r->out, "</p>");
}

static void csv_table(struct req *r, const struct export_kind *kinds, size_t n, const struct plan_doc *working,
		      const struct plan_doc *approved)
{
	struct strbuf *o = &r->out;
	char href[160];

	html_lit(o, "<section aria-labelledby=\"h-csv\"><h2 id=\"h-csv\">");
	html_text(o, _(r->lang, "Registers as tables"));
	html_lit(o, "</h2>");
	for (size_t i = 0; i < n; i++)
		if (strcmp(kinds[i].name, EXPORT_XLSX_KIND) == 0)
			xlsx_card(r, &kinds[i], working, approved);
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

/*
 * importui: for admins, "take over a plan from a file": into an empty
 * organisation the form that sends a JSON export to the import API
 * (exports.js; without the script the form stays hidden and the text names
 * the command line), else one sentence why there is no form. empty:
 * plan_import_doc_is_empty of the working state.
 */
static void import_section(struct req *r, int empty)
{
	struct strbuf *o = &r->out;
	char cmd[160], url[64], home[48];

	html_lit(o, "<section aria-labelledby=\"h-import\" class=\"card import\" id=\"import\"><h2 id=\"h-import\">");
	html_text(o, _(r->lang, "Take over a plan from a file"));
	html_lit(o, "</h2><p>");
	html_text(o, _(r->lang, "Do you have the plan as a JSON export of krisenfest, for example from another server or from a backup? It can be read into an organisation that has no plan yet. Either everything is taken over or nothing. The items get new numbers."));
	html_lit(o, "</p>");
	if (!empty) {
		/* the import's result stays here when live updates refresh the page after it (app.js, data-live-keep) */
		html_lit(o, "<div class=\"import-result\" id=\"import-result\" data-live-keep=\"\"></div><p id=\"import-not-empty\">");
		html_text(o, _(r->lang, "This organisation already has a plan. A plan can only be imported into a new, empty organisation (made for example with \"krisenfest org add\"), so that nothing is mixed or overwritten."));
		html_lit(o, "</p></section>");
		return;
	}
	snprintf(cmd, sizeof(cmd), "krisenfest import --data DIR --org %lld %s", (long long)r->org.id,
		 _(r->lang, "FILE"));
	html_lit(o, "<p class=\"import-nojs\" data-import-nojs=\"\">");
	html_text(o, _(r->lang, "Importing in the browser needs JavaScript. Without it, the command line on the server does the same:"));
	html_lit(o, " <code>");
	html_text(o, cmd);
	html_lit(o, "</code></p>");
	snprintf(url, sizeof(url), "/api/v1/orgs/%lld/import", (long long)r->org.id);
	snprintf(home, sizeof(home), "/o/%lld/", (long long)r->org.id);
	html_lit(o, "<form method=\"post\" class=\"import-form\" data-import-form=\"\" hidden");
	html_attr(o, "action", url);
	html_attr(o, "data-home", home);
	html_attr(o, "data-busy", _(r->lang, "Being imported …"));
	html_attr(o, "data-done", _(r->lang, "The plan was imported. Items taken over: {n}."));
	html_attr(o, "data-home-label", _(r->lang, "Go to the start page"));
	html_attr(o, "data-failed", _(r->lang, "The plan could not be imported. Please try again."));
	html_lit(o, ">");
	form_hidden(r, "_csrf", r->csrf ? r->csrf : "");
	html_lit(o, "<div class=\"field\"><label for=\"f-plan-file\">");
	html_text(o, _(r->lang, "JSON export of the plan"));
	html_lit(o, "</label><input type=\"file\" id=\"f-plan-file\" name=\"plan_file\" accept=\".json,application/json\" "
		    "required></div>");
	form_submit(r, N_("Import the plan"), "primary");
	html_lit(o, "</form><div class=\"import-status\" role=\"status\" aria-live=\"polite\"></div>"
		    "<div class=\"import-result\" id=\"import-result\" data-live-keep=\"\"></div></section>");
}

/* The whole page; with fe, the offline form's refusal (status 422). */
static void exports_page(struct req *r, int status, const struct field_errors *fe)
{
	struct plan_doc working, approved;
	const struct export_kind *offline = export_kind_find("offline.html");
	struct strbuf *o = &r->out;
	enum kf_err err;
	int have_approved, empty = 0;
	size_t n;
	const struct export_kind *kinds = export_kinds(&n);

	err = export_doc_load(r->db, r->arena, r->org.id, app_public_url(r->app), 0, &working);
	if (!err) {
		err = export_doc_load(r->db, r->arena, r->org.id, app_public_url(r->app), 1, &approved);
		have_approved = err == KF_OK;
		if (err == KF_ENOTFOUND)
			err = KF_OK;
	}
	/* importui: whether the organisation is empty, for the import section (admins only) */
	if (!err && r->org.role >= MEMBER_ADMIN && (empty = plan_import_doc_is_empty(r->db, r->arena, &working)) < 0)
		err = KF_EDB;
	if (err) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Printouts and exports"), STEP_DOCUMENT,
		   N_("The plan on paper, on the phone and as files, so that it is at hand when the IT or the server is down."));
	stamps(r, &working, have_approved ? &approved : NULL);
	html_lit(o, "<section aria-labelledby=\"h-files\"><h2 id=\"h-files\">");
	html_text(o, _(r->lang, "The plan as files"));
	html_lit(o, "</h2><ul class=\"exports\">");
	for (size_t i = 0; i < n; i++)
		if (!kinds[i].bom_option && &kinds[i] != offline &&
		    strcmp(kinds[i].name, EXPORT_XLSX_KIND) != 0) /* xlsx: beside the CSV table */
			export_item(r, &kinds[i], &working, have_approved ? &approved : NULL);
	html_lit(o, "</ul></section>");
	if (offline)
		offline_section(r, offline, &working, have_approved ? &approved : NULL, fe);
	csv_table(r, kinds, n, &working, have_approved ? &approved : NULL);
	if (r->org.role >= MEMBER_ADMIN) /* importui */
		import_section(r, empty);
	html_lit(o, "<div id=\"export-texts\" hidden");
	html_attr(o, "data-busy", _(r->lang, "Being made …"));
	html_attr(o, "data-done", _(r->lang, "Saved: {name}"));
	html_attr(o, "data-failed", _(r->lang, "The file could not be made. Please try again."));
	html_lit(o, "></div><script src=\"/assets/exports.js\" defer></script>");
	page_end(r);
}

void web_exports(struct req *r)
{
	exports_page(r, 200, NULL);
}


/* POST /o/{org}/exports/{kind}: the offline form; the sealed file, or the page again with the refusal beside the field. */
void web_export_sealed(struct req *r)
{
	const struct export_kind *k = export_kind_find(router_segment(r, "kind"));
	const char *pass = kv_get(&r->form, "passphrase"), *repeat = kv_get(&r->form, "passphrase_repeat");
	struct field_errors fe = { 0 };
	enum export_choice choice;

	sodium_memzero(r->body.buf, r->body.len); /* parsed into r->form; the passphrase stays in one place only */
	if (!k) {
		web_error_page(r, 404, N_("There is no export of this kind. The list of exports shows every kind there is."));
		return;
	}
	if (!k->render_sealed) {
		web_error_page(r, 422, N_("This export cannot be locked with a passphrase. Only the offline copy can."));
		return;
	}
	if (export_choice_parse(kv_get(&r->form, "version"), &choice) < 0)
		fe_add(&fe, "version", N_("must be \"approved\" or \"draft\""));
	validate_passphrase_pair(&fe, "passphrase", pass, repeat);
	if (repeat)
		sodium_memzero((char *)repeat, strlen(repeat));
	if (fe.n) {
		if (pass)
			sodium_memzero((char *)pass, strlen(pass));
		exports_page(r, 422, &fe);
		return;
	}
	/* pass lives in the request arena (the parsed form): the worker wipes it after sealing */
	if (api_export_sealed_start(r, k, choice, (char *)pass) < 0)
		web_error_page(r, 500, N_("The export could not be made. Please try again."));
}

void web_export_download(struct req *r)
{
	api_export_get(r);
}
