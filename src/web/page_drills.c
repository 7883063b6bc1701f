/* page_drills.c: the reachability drill pages: list, start (with who gets it and who cannot), detail, close, webhook, confirm link. */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "page.h"
#include "web.h"
#include "../api/drill_service.h"
#include "../core/validate.h"
#include "../http/auth.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/kv.h"
#include "../lib/secret.h"
#include "../lib/timeutil.h"
#include "../lib/banned.h"

#define PRE_COOKIE "kf_pre"

/* "3 min" / "2 h 5 min" / "40 s" */
static void duration(struct req *r, int64_t s)
{
	if (s < 60)
		html_textf(&r->out, "%lld s", (long long)s);
	else if (s < 3600)
		html_textf(&r->out, "%lld min", (long long)(s / 60));
	else
		html_textf(&r->out, "%lld h %lld min", (long long)(s / 3600), (long long)(s % 3600 / 60));
}

/* The webhook form; stale: the input was posted on an old version, s is the saved state (shown with the choice). */
static void webhook_form(struct req *r, const struct drill_settings *s, const char *value, const char *error, int stale)
{
	struct strbuf *o = &r->out;
	char action[64], ver[24];
	struct field f = { .name = "webhook_url", .label = N_("Webhook address of your SMS gateway (optional)"),
			   .value = value, .type = "url", .error = error,
			   .hint = N_("krisenfest sends each test alarm there as JSON (name, mobile number, text, "
				      "confirmation link), so your gateway can send it as a text message. Empty = none."),
			   .saved_value = stale ? s->webhook_url : NULL };

	html_lit(o, "<section aria-labelledby=\"h-webhook\"><h2 id=\"h-webhook\">");
	html_text(o, _(r->lang, "Text messages (SMS) through a webhook"));
	html_lit(o, "</h2>");
	if (r->org.role < MEMBER_EDITOR) {
		html_lit(o, "<p>");
		html_text(o, *s->webhook_url ? s->webhook_url : _(r->lang, "No webhook is set."));
		html_lit(o, "</p></section>");
		return;
	}
	snprintf(action, sizeof(action), "/o/%lld/drills/settings", (long long)r->org.id);
	snprintf(ver, sizeof(ver), "%lld", (long long)s->version);
	if (stale)
		page_conflict_notice(r, NULL);
	form_begin(r, action, r->csrf);
	form_hidden(r, "version", ver);
	form_input(r, &f);
	form_submit(r, N_("Save webhook"), NULL);
	form_end(r);
	html_lit(o, "</section>");
}

static void list_page(struct req *r, int status, const char *webhook_value, const char *webhook_error)
{
	struct strbuf *o = &r->out;
	struct drill_settings s;
	struct drill *list;
	char href[80];
	size_t n;

	if (store_drill_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK ||
	    store_drill_settings_get(r->db, r->arena, r->org.id, &s) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Reachability drills"), STEP_TEAM,
		   N_("A test alarm along the alarm chain: everybody confirms with one click, and you see who was not "
		      "reached."));
	if (r->org.role >= MEMBER_EDITOR) {
		snprintf(href, sizeof(href), "/o/%lld/drills/new", (long long)r->org.id);
		html_lit(o, "<p><a class=\"button\"");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Start a drill"));
		html_lit(o, "</a></p>");
	}
	if (!n) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No drill yet. A drill shows whether everybody in the alarm chain can really be "
					"reached."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<div class=\"table-wrap\"><table id=\"drill-list\"><thead><tr><th scope=\"col\">");
		html_text(o, _(r->lang, "Started"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Confirmed"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Status"));
		html_lit(o, "</th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++) {
			snprintf(href, sizeof(href), "/o/%lld/drills/%lld", (long long)r->org.id, (long long)list[i].id);
			html_lit(o, "<tr><td");
			html_attr(o, "data-label", _(r->lang, "Started"));
			html_lit(o, "><a");
			html_attr(o, "href", href);
			html_lit(o, ">");
			html_time(&r->out, list[i].started_at, r->lang == KF_LANG_DE);
			html_lit(o, "</a></td><td");
			html_attr(o, "data-label", _(r->lang, "Confirmed"));
			html_lit(o, ">");
			html_textf(o, "%zu / %zu", list[i].nconfirmed, list[i].nrecipients);
			html_lit(o, "</td><td");
			html_attr(o, "data-label", _(r->lang, "Status"));
			html_lit(o, ">");
			html_text(o, list[i].closed_at ? _(r->lang, "closed") : _(r->lang, "running"));
			html_lit(o, "</td></tr>");
		}
		html_lit(o, "</tbody></table></div>");
	}
	webhook_form(r, &s, webhook_value ? webhook_value : s.webhook_url, status == 409 ? NULL : webhook_error,
		     status == 409);
	page_end(r);
}

void web_drills(struct req *r)
{
	list_page(r, 200, NULL, NULL);
}

void web_drill_settings_update(struct req *r)
{
	struct drill_settings s, current;
	long long version = page_form_version(r, 0); /* applies the choices "take the saved value" first */
	const char *url = kv_get(&r->form, "webhook_url"), *problem;
	struct field_errors fe = { 0 };
	enum kf_err err;
	char back[48];

	if (version < 0)
		return;
	memset(&s, 0, sizeof(s));
	if (validate_line(&fe, "webhook_url", r->arena, url ? url : "", 0, DRILL_WEBHOOK_URL_MAX, &s.webhook_url) < 0) {
		list_page(r, 422, url ? url : "", fe_get(&fe, "webhook_url"));
		return;
	}
	problem = drill_webhook_url_problem(s.webhook_url, r->app->webhook_http_hosts);
	if (problem) {
		list_page(r, 422, s.webhook_url, problem);
		return;
	}
	err = store_drill_settings_put(r->db, r->arena, r->org.id, r->user.id, version, &s, &current);
	if (err == KF_ECONFLICT) {
		list_page(r, 409, s.webhook_url, NULL);
		return;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	snprintf(back, sizeof(back), "/o/%lld/drills", (long long)r->org.id);
	resp_redirect(r, back);
}

void web_drill_new(struct req *r)
{
	struct strbuf *o = &r->out;
	struct drill_target *t;
	size_t n, gaps = 0;
	char action[64];

	if (drill_targets(r, &t, &n) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Start a drill"), STEP_TEAM,
		   N_("Everybody in the alarm chain gets a test alarm by email and confirms with one click."));
	if (!n) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "The alarm chain names nobody yet. Add its steps first, then start a drill."));
		html_lit(o, "</p>");
		page_end(r);
		return;
	}
	html_lit(o, "<h2>");
	html_text(o, _(r->lang, "These people get the test alarm"));
	html_lit(o, "</h2><ul id=\"drill-reached\">");
	for (size_t i = 0; i < n; i++) {
		if (!t[i].contact->email || !*t[i].contact->email) {
			gaps++;
			continue;
		}
		html_lit(o, "<li>");
		html_text(o, t[i].contact->name);
		html_lit(o, " (");
		html_text(o, t[i].contact->email);
		html_lit(o, ")</li>");
	}
	html_lit(o, "</ul>");
	if (gaps) {
		html_lit(o, "<h2>");
		html_text(o, _(r->lang, "These people cannot get an email"));
		html_lit(o, "</h2><p>");
		html_text(o, _(r->lang, "They have no email address. That is a gap in the alarm chain: add the address "
					"on their contact page (or reach them by text message through the webhook)."));
		html_lit(o, "</p><ul id=\"drill-gaps\">");
		for (size_t i = 0; i < n; i++) {
			if (t[i].contact->email && *t[i].contact->email)
				continue;
			html_lit(o, "<li>");
			html_text(o, t[i].contact->name);
			html_lit(o, "</li>");
		}
		html_lit(o, "</ul>");
	}
	snprintf(action, sizeof(action), "/o/%lld/drills", (long long)r->org.id);
	form_begin(r, action, r->csrf);
	{
		struct field f = { .name = "note", .label = N_("Note (optional)"), .value = "",
				   .hint = N_("For example: announced drill, or a surprise drill.") };

		form_input(r, &f);
	}
	form_submit(r, N_("Send the test alarm now"), NULL);
	form_end(r);
	page_end(r);
}

void web_drill_start(struct req *r)
{
	struct field_errors fe = { 0 };
	const char *note = kv_get(&r->form, "note");
	struct drill d;
	enum kf_err err;
	char loc[64];

	if (validate_line(&fe, "note", r->arena, note ? note : "", 0, DRILL_NOTE_MAX, &note) < 0) {
		web_error_page(r, 422, N_("The note is too long."));
		return;
	}
	err = drill_start(r, note, &d);
	if (err == KF_EINVAL) {
		web_error_page(r, 422, N_("The alarm chain names nobody yet. Add its steps first, then start a drill."));
		return;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/drills/%lld", (long long)r->org.id, (long long)d.id);
	resp_redirect(r, loc);
}

static void detail_page(struct req *r, int status, const char *notice)
{
	struct strbuf *o = &r->out;
	struct drill d;
	enum kf_err err;
	char action[80], ver[24];

	err = store_drill_get(r->db, r->arena, r->org.id, r->id, &d);
	if (err == KF_ENOTFOUND) {
		web_error_page(r, 404, N_("This drill does not exist (any more)."));
		return;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Reachability drill"), STEP_TEAM, NULL);
	if (notice)
		page_notice(r, "warn", _(r->lang, notice));
	html_lit(o, "<p>");
	html_text(o, _(r->lang, "Started"));
	html_lit(o, ": ");
	html_time(&r->out, d.started_at, r->lang == KF_LANG_DE);
	if (*d.started_by_name) {
		html_lit(o, " – ");
		html_text(o, d.started_by_name);
	}
	html_lit(o, "<br>");
	html_text(o, _(r->lang, "Status"));
	html_lit(o, ": ");
	if (d.closed_at) {
		html_text(o, _(r->lang, "closed"));
		html_lit(o, " (");
		html_time(&r->out, d.closed_at, r->lang == KF_LANG_DE);
		html_lit(o, ")");
	} else {
		html_text(o, _(r->lang, "running"));
	}
	html_lit(o, "</p>");
	if (*d.note) {
		html_lit(o, "<p>");
		html_text(o, d.note);
		html_lit(o, "</p>");
	}
	html_lit(o, "<div class=\"table-wrap\"><table id=\"drill-recipients\"><thead><tr><th scope=\"col\">");
	html_text(o, _(r->lang, "Person"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Sent"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Confirmed"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Time to confirm"));
	html_lit(o, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < d.nrecipients; i++) {
		const struct drill_recipient *p = &d.recipients[i];

		html_lit(o, "<tr><th scope=\"row\">");
		html_text(o, p->name);
		html_lit(o, "</th><td");
		html_attr(o, "data-label", _(r->lang, "Sent"));
		html_lit(o, ">");
		if (p->sent_at)
			html_time(&r->out, p->sent_at, r->lang == KF_LANG_DE);
		else
			html_text(o, _(r->lang, "not sent: no email address"));
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, "Confirmed"));
		html_lit(o, ">");
		if (p->confirmed_at)
			html_time(&r->out, p->confirmed_at, r->lang == KF_LANG_DE);
		else
			html_text(o, _(r->lang, "not confirmed"));
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, "Time to confirm"));
		html_lit(o, ">");
		if (p->confirmed_at && p->sent_at)
			duration(r, p->confirmed_at - p->sent_at);
		else
			html_lit(o, "–");
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
	if (!d.closed_at && r->org.role >= MEMBER_EDITOR) {
		snprintf(action, sizeof(action), "/o/%lld/drills/%lld/close", (long long)r->org.id, (long long)d.id);
		snprintf(ver, sizeof(ver), "%lld", (long long)d.version);
		form_begin(r, action, r->csrf);
		form_hidden(r, "version", ver);
		form_submit(r, N_("Close the drill"), NULL);
		form_end(r);
	}
	snprintf(action, sizeof(action), "/o/%lld/drills", (long long)r->org.id);
	html_lit(o, "<p><a");
	html_attr(o, "href", action);
	html_lit(o, ">");
	html_text(o, _(r->lang, "All drills"));
	html_lit(o, "</a></p>");
	page_end(r);
}

void web_drill(struct req *r)
{
	detail_page(r, 200, NULL);
}

void web_drill_close(struct req *r)
{
	long long version = page_form_version(r, 1);
	struct drill d;
	enum kf_err err;
	char loc[64];

	if (version < 0)
		return;
	err = store_drill_close(r->db, r->arena, r->org.id, r->user.id, r->id, version, &d);
	if (err == KF_ENOTFOUND) {
		web_error_page(r, 404, N_("This drill does not exist (any more)."));
		return;
	}
	if (err == KF_ECONFLICT || err == KF_EINVAL) {
		detail_page(r, 409, N_("Someone else changed this drill meanwhile. Here is how it is now."));
		return;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/drills/%lld", (long long)r->org.id, (long long)r->id);
	resp_redirect(r, loc);
}

/* ------------------------------------------------------------------ the confirmation link (no sign-in) */

static const char *pre_token(struct req *r)
{
	const char *have = req_cookie(r, PRE_COOKIE);
	char token[KF_TOKEN_LEN];

	if (have && strlen(have) >= 32 && strlen(have) < 64)
		return have;
	kf_random_token(token);
	resp_cookie(r, PRE_COOKIE, token, 3600);
	return arena_strdup(r->arena, token);
}

static void confirm_page(struct req *r, enum drill_confirm_result res, const struct drill_token_info *info,
			 int64_t retry, const char *token)
{
	struct strbuf *o = &r->out;

	sb_reset(o);
	switch (res) {
	case DRILL_CONFIRM_UNKNOWN:
		web_error_page(r, 404, N_("This confirmation link is not valid. Please check that you copied all of it."));
		return;
	case DRILL_CONFIRM_THROTTLED:
		auth_retry_after(r, retry);
		web_error_page(r, 429, N_("Too many failed attempts. Please wait a few minutes and try again."));
		return;
	case DRILL_CONFIRM_ERROR:
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	default:
		break;
	}
	r->status = res == DRILL_CONFIRM_CLOSED ? 410 : 200;
	page_begin(r, N_("Test alarm"), STEP_NONE, NULL);
	html_lit(o, "<p class=\"lead\" id=\"drill-status\">");
	if (res == DRILL_CONFIRM_CLOSED) {
		html_text(o, _(r->lang, "This reachability drill is over; a confirmation is no longer needed. Thank you."));
	} else if (res == DRILL_CONFIRM_ALREADY) {
		html_text(o, _(r->lang, "Already confirmed on"));
		html_lit(o, " ");
		html_time(o, info->confirmed_at, r->lang == KF_LANG_DE);
		html_lit(o, ". ");
		html_text(o, _(r->lang, "Thank you."));
	} else if (token) {
		html_text_subst(o, _(r->lang, "This is a test of the alarm chain of %s."), info->org_name);
		html_lit(o, " ");
		html_text(o, _(r->lang, "Please confirm that the test alarm reached you."));
		html_lit(o, "</p>");
		form_begin(r, arena_printf(r->arena, "/drill/confirm/%s", token), pre_token(r));
		form_submit(r, N_("Yes, I got the test alarm"), NULL);
		form_end(r);
		page_end(r);
		return;
	} else {
		html_text(o, _(r->lang, "Thank you, your confirmation was recorded."));
	}
	html_lit(o, "</p>");
	page_end(r);
}

void web_drill_confirm_form(struct req *r)
{
	const char *token = router_segment(r, "token");
	struct drill_token_info info;
	int64_t retry = 0;
	enum drill_confirm_result res = drill_confirm_lookup(r, token, &info, &retry);

	/* a GET never confirms: mail scanners open links by themselves */
	confirm_page(r, res, &info, retry, res == DRILL_CONFIRM_OK ? token : NULL);
}

void web_drill_confirm(struct req *r)
{
	const char *token = router_segment(r, "token");
	struct drill_token_info info;
	int64_t retry = 0;
	enum drill_confirm_result res = drill_confirm(r, token, &info, &retry);

	confirm_page(r, res, &info, retry, NULL);
}
