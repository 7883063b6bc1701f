/* page_calendar.c: subscribing to the iCalendar feed: the section on the settings page, making, renewing and deleting the link. */
#include <stdio.h>
#include <string.h>

#include "../http/calendar.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

/* The day of t as the reader writes it, in the arena ("" when out of memory). */
static const char *day_text(struct req *r, int64_t t)
{
	char iso[16], de[16];
	const char *s;

	kf_date_iso(t, iso);
	if (r->lang == KF_LANG_DE) {
		kf_date_german(iso, de);
		s = arena_strdup(r->arena, de);
	} else {
		s = arena_strdup(r->arena, iso);
	}
	return s ? s : "";
}

static void settings_href(struct req *r, char *out, size_t n, const char *query)
{
	snprintf(out, n, "/o/%lld/notifications/settings%s", (long long)r->org.id, query);
}

static void howto_item(struct req *r, const char *app, const char *msgid)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<li><strong>");
	html_text(o, app);
	html_lit(o, ":</strong> ");
	html_text(o, _(r->lang, msgid));
	html_lit(o, "</li>");
}

void web_calendar_new_link(struct req *r, const char *url)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"notice ok calendar-link\" role=\"status\"><p>");
	html_text(o, _(r->lang, "Your calendar link is ready. Copy it now and paste it into your calendar: it is shown "
				"only this once."));
	html_lit(o, "</p><p><label for=\"calendar-url\">");
	html_text(o, _(r->lang, "Your calendar link"));
	html_lit(o, "</label><input type=\"text\" id=\"calendar-url\" readonly class=\"copy\"");
	html_attr(o, "value", url);
	html_lit(o, "></p><p>");
	page_link(r, "#h-calendar", _(r->lang, "How to put it into your calendar"), NULL);
	html_lit(o, "</p></div>");
}

void web_calendar_section(struct req *r)
{
	struct strbuf *o = &r->out;
	struct calendar_link l;
	char href[96];
	enum kf_err err = store_calendar_link_get(r->db, r->org.id, r->user.id, &l);

	html_lit(o, "<section class=\"calendar\" aria-labelledby=\"h-calendar\"><h2 id=\"h-calendar\">");
	html_text(o, _(r->lang, "Subscribe to the calendar"));
	html_lit(o, "</h2><p>");
	html_text(o, _(r->lang, "Put the dates of the emergency plan into the calendar you already use: the next plan "
				"review, planned exercises, restore tests that fall due and your own tasks. Your calendar "
				"fetches them through a secret link and keeps them up to date by itself."));
	html_lit(o, "</p><ul class=\"calendar-howto\">");
	howto_item(r, "Outlook", N_("Add calendar, then \"Subscribe from web\", and paste the link."));
	howto_item(r, "Thunderbird", N_("New calendar, then \"On the network\", and paste the link."));
	howto_item(r, "iPhone", N_("Settings, Calendar, Accounts, Add account, Other, \"Add subscribed calendar\", and "
				   "paste the link."));
	html_lit(o, "</ul><p class=\"hint\">");
	html_text(o, _(r->lang, "Keep the link to yourself: whoever has it sees these dates. krisenfest keeps only a "
				"fingerprint of it, so it is shown only once, right after you create it."));
	html_lit(o, "</p>");
	if (err && err != KF_ENOTFOUND) {
		page_notice(r, "error", _(r->lang, "The database could not be read. Please try again."));
	} else if (!err) {
		html_lit(o, "<p id=\"calendar-state\">");
		html_text_subst(o, _(r->lang, "You have a calendar link since %s."), day_text(r, l.created_at));
		html_lit(o, " ");
		if (l.last_used_at)
			html_text_subst(o, _(r->lang, "Your calendar last fetched it on %s."), day_text(r, l.last_used_at));
		else
			html_text(o, _(r->lang, "No calendar has fetched it yet."));
		html_lit(o, "</p><div class=\"actions\">");
		snprintf(href, sizeof(href), "/o/%lld/calendar-link/renew", (long long)r->org.id);
		page_link(r, href, _(r->lang, "Create a new link"), "button secondary");
		snprintf(href, sizeof(href), "/o/%lld/calendar-link/delete", (long long)r->org.id);
		page_link(r, href, _(r->lang, "Delete link"), "button secondary");
		html_lit(o, "</div>");
	} else {
		snprintf(href, sizeof(href), "/o/%lld/calendar-link", (long long)r->org.id);
		form_begin(r, href, r->csrf);
		form_submit(r, N_("Create calendar link"), NULL);
		form_end(r);
	}
	html_lit(o, "</section>");
}

/* POST: makes the link (an earlier one stops working) and shows it this once on the settings page. */
void web_calendar_link_create(struct req *r)
{
	struct calendar_link l;
	const char *url;
	enum kf_err err = calendar_link_new(r, &l, &url);

	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 1);
		return;
	}
	web_notify_settings_page(r, url);
}

void web_calendar_link_confirm_renew(struct req *r)
{
	struct strbuf *o = &r->out;
	struct calendar_link l;
	char action[80], back[96];
	enum kf_err err = store_calendar_link_get(r->db, r->org.id, r->user.id, &l);

	settings_href(r, back, sizeof(back), "");
	if (err == KF_ENOTFOUND) {
		resp_redirect(r, back);
		return;
	}
	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 0);
		return;
	}
	r->status = 200;
	page_begin(r, N_("Create a new calendar link"), STEP_NONE, NULL);
	html_lit(o, "<p class=\"lead\">");
	html_text(o, _(r->lang, "Your current calendar link stops working. Calendars that use it get no more updates "
				"until you put the new link into them."));
	html_lit(o, "</p>");
	snprintf(action, sizeof(action), "/o/%lld/calendar-link", (long long)r->org.id);
	form_begin(r, action, r->csrf);
	html_lit(o, "<div class=\"actions\"><a class=\"button secondary\"");
	html_attr(o, "href", back);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Cancel"));
	html_lit(o, "</a>");
	form_submit(r, N_("Yes, create a new link"), NULL);
	html_lit(o, "</div>");
	form_end(r);
	page_end(r);
}

void web_calendar_link_confirm_delete(struct req *r)
{
	struct calendar_link l;
	char action[80], back[96];
	struct delete_confirmation dc;
	enum kf_err err = store_calendar_link_get(r->db, r->org.id, r->user.id, &l);

	settings_href(r, back, sizeof(back), "");
	if (err == KF_ENOTFOUND) {
		resp_redirect(r, back);
		return;
	}
	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 0);
		return;
	}
	snprintf(action, sizeof(action), "/o/%lld/calendar-link/delete", (long long)r->org.id);
	dc = (struct delete_confirmation){
		.title = N_("Delete calendar link"),
		.question = N_("Do you really want to delete your calendar link for %s?"),
		.name = r->org.name,
		.note = N_("Calendars that use it get no more updates. You can create a new link at any time."),
		.action = action,
		.back = back,
		.step = STEP_NONE,
	};
	page_confirm_delete(r, 200, &dc);
}

void web_calendar_link_delete(struct req *r)
{
	char back[96];
	enum kf_err err = store_calendar_link_delete(r->db, r->org.id, r->user.id);

	if (err && err != KF_ENOTFOUND) { /* deleting twice is fine */
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 1);
		return;
	}
	settings_href(r, back, sizeof(back), "?calendar=deleted");
	resp_redirect(r, back);
}
