/* page_notifications.c: the caller's notifications in this organisation, marking them read, and email settings. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

#define NOTIFICATIONS_SHOWN 200

/* only our own paths become links ("/o/1/backups"), never another site or a scheme */
static int local_link(const char *link)
{
	return link && link[0] == '/' && link[1] != '/' && link[1] != '\\' && !strpbrk(link, " \"'<>\r\n");
}

void web_notify_header_link(struct req *r)
{
	struct strbuf *o = &r->out;
	char href[64], count[24];
	int64_t n = 0;

	if (!r->authed || !r->org.id || !r->db ||
	    store_notification_unread_count(r->db, r->user.id, r->org.id, &n) != KF_OK)
		return;
	snprintf(href, sizeof(href), "/o/%lld/notifications", (long long)r->org.id);
	snprintf(count, sizeof(count), "%lld", (long long)n);
	html_lit(o, "<a class=\"notif\"");
	html_attr(o, "href", href);
	html_lit(o, " id=\"notif-link\">");
	html_text(o, _(r->lang, "Notifications"));
	if (n > 0) {
		html_lit(o, " <span class=\"count\" id=\"notif-count\">");
		html_text(o, count);
		html_lit(o, "</span><span class=\"visually-hidden\"> ");
		html_text(o, _(r->lang, "unread"));
		html_lit(o, "</span>");
	}
	html_lit(o, "</a>");
}

static void item(struct req *r, const struct notification *n)
{
	struct strbuf *o = &r->out;
	char action[96], id[32];

	snprintf(id, sizeof(id), "n-%lld", (long long)n->id);
	html_lit(o, "<li");
	html_attr(o, "id", id);
	html_attr(o, "class", n->read_at ? "read" : "unread");
	html_lit(o, "><p class=\"text\">");
	if (!n->read_at) {
		html_lit(o, "<span class=\"badge gap\">");
		html_text(o, _(r->lang, "new"));
		html_lit(o, "</span> ");
	}
	html_text_subst(o, _(r->lang, n->text), n->param);
	html_lit(o, "</p><p class=\"meta\">");
	html_time(&r->out, n->created_at, r->lang == KF_LANG_DE);
	html_lit(o, "</p><div class=\"row-actions\">");
	if (local_link(n->link)) {
		html_lit(o, "<a class=\"button secondary\"");
		html_attr(o, "href", n->link);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Show"));
		html_lit(o, "</a>");
	}
	if (!n->read_at) {
		snprintf(action, sizeof(action), "/o/%lld/notifications/%lld/read", (long long)r->org.id,
			 (long long)n->id);
		form_begin(r, action, r->csrf);
		form_submit(r, N_("Mark as read"), "secondary");
		form_end(r);
	}
	html_lit(o, "</div></li>");
}

void web_notifications(struct req *r)
{
	struct strbuf *o = &r->out;
	struct notification *list;
	char action[80], href[80];
	int64_t unread = 0;
	enum kf_err err;
	size_t n;

	err = store_notification_list(r->db, r->arena, r->user.id, r->org.id, 0, NOTIFICATIONS_SHOWN, &list, &n);
	if (!err)
		err = store_notification_unread_count(r->db, r->user.id, r->org.id, &unread);
	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 0);
		return;
	}
	r->status = 200;
	page_begin(r, N_("Notifications"), STEP_NONE,
		   N_("What krisenfest tells you in this organisation: what falls due, what was given to you, where "
		      "someone named you."));
	if (kv_get(&r->query, "read"))
		page_notice(r, "ok", _(r->lang, "Marked as read."));
	if (kv_get(&r->query, "saved"))
		page_notice(r, "ok", _(r->lang, "Your email settings are saved."));
	html_lit(o, "<div class=\"actions\">");
	if (unread > 0) {
		snprintf(action, sizeof(action), "/o/%lld/notifications/read-all", (long long)r->org.id);
		form_begin(r, action, r->csrf);
		form_submit(r, N_("Mark all as read"), NULL);
		form_end(r);
	}
	snprintf(href, sizeof(href), "/o/%lld/notifications/settings", (long long)r->org.id);
	html_lit(o, "<a class=\"button secondary\"");
	html_attr(o, "href", href);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Email settings"));
	html_lit(o, "</a>");
	/* calendar */
	snprintf(href, sizeof(href), "/o/%lld/notifications/settings#h-calendar", (long long)r->org.id);
	page_link(r, href, _(r->lang, "Subscribe to the calendar"), "button secondary");
	html_lit(o, "</div>");
	if (!n) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No notifications yet. When something falls due or someone gives you a task, "
					"you will find it here."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<ul class=\"notifications\">");
		for (size_t i = 0; i < n; i++)
			item(r, &list[i]);
		html_lit(o, "</ul>");
	}
	page_end(r);
}

static void back_to_list(struct req *r, const char *query)
{
	char back[96];

	snprintf(back, sizeof(back), "/o/%lld/notifications%s", (long long)r->org.id, query);
	resp_redirect(r, back);
}

void web_notification_read(struct req *r)
{
	enum kf_err err = store_notification_read(r->db, r->user.id, r->id);

	if (err) {
		web_store_error(r, err, N_("This notification does not exist (any more)."), 1);
		return;
	}
	back_to_list(r, "?read=1");
}

void web_notifications_read_all(struct req *r)
{
	int64_t n;
	enum kf_err err = store_notification_read_all(r->db, r->user.id, r->org.id, &n);

	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 1);
		return;
	}
	back_to_list(r, "?read=1");
}

static void mail_status(struct req *r)
{
	struct strbuf *o = &r->out;
	int64_t waiting, sent, failed;
	char num[24];

	if (!r->app->mail_configured)
		page_notice(r, "warn",
			    _(r->lang, "Email is not set up on this server yet. Notifications appear here in krisenfest; "
				       "their emails wait until an administrator sets up mail sending."));
	if (r->org.role < MEMBER_ADMIN ||
	    store_outbox_counts(r->db, r->org.id, &waiting, &sent, &failed) != KF_OK)
		return;
	html_lit(o, "<h2>");
	html_text(o, _(r->lang, "Emails of this organisation"));
	html_lit(o, "</h2><dl class=\"outbox\"><dt>");
	html_text(o, _(r->lang, "Waiting to be sent"));
	html_lit(o, "</dt><dd id=\"outbox-waiting\">");
	snprintf(num, sizeof(num), "%lld", (long long)waiting);
	html_text(o, num);
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Sent"));
	html_lit(o, "</dt><dd id=\"outbox-sent\">");
	snprintf(num, sizeof(num), "%lld", (long long)sent);
	html_text(o, num);
	html_lit(o, "</dd><dt>");
	html_text(o, _(r->lang, "Given up after several attempts"));
	html_lit(o, "</dt><dd id=\"outbox-failed\">");
	snprintf(num, sizeof(num), "%lld", (long long)failed);
	html_text(o, num);
	html_lit(o, "</dd></dl>");
}

void web_notify_settings(struct req *r)
{
	web_notify_settings_page(r, NULL);
}

void web_notify_settings_page(struct req *r, const char *new_cal_url)
{
	struct strbuf *o = &r->out;
	struct notify_prefs p;
	char action[80], back[80], id[32];
	enum kf_err err = store_notify_prefs_get(r->db, r->user.id, &p);

	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 0);
		return;
	}
	r->status = 200;
	page_begin(r, N_("Email settings"), STEP_NONE,
		   N_("Choose which notifications also come to you by email. In krisenfest you always see all of them."));
	/* calendar */
	if (new_cal_url)
		web_calendar_new_link(r, new_cal_url);
	if (kv_get(&r->query, "calendar"))
		page_notice(r, "ok", _(r->lang, "Your calendar link is deleted; it no longer works."));
	mail_status(r);
	snprintf(action, sizeof(action), "/o/%lld/notifications/settings", (long long)r->org.id);
	form_begin(r, action, r->csrf);
	html_lit(o, "<fieldset><legend>");
	html_text(o, _(r->lang, "Send me an email when"));
	html_lit(o, "</legend>");
	for (int k = 0; k < NOTIFY_KIND__MAX; k++) {
		snprintf(id, sizeof(id), "email_%s", notify_kind_name((enum notify_kind)k));
		html_lit(o, "<div class=\"field check\"><input type=\"checkbox\" value=\"1\"");
		html_attr(o, "name", id);
		html_attr(o, "id", id);
		if (p.email[k])
			html_lit(o, " checked");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, ">");
		html_text(o, _(r->lang, notify_kind_label((enum notify_kind)k)));
		html_lit(o, "</label></div>");
	}
	html_lit(o, "</fieldset>");
	snprintf(back, sizeof(back), "/o/%lld/notifications", (long long)r->org.id);
	form_actions(r, N_("Save"), back, NULL);
	form_end(r);
	web_calendar_section(r); /* calendar */
	page_end(r);
}

void web_notify_settings_update(struct req *r)
{
	struct notify_prefs p;
	enum kf_err err;

	notify_prefs_from_form(&p, &r->form);
	err = store_notify_prefs_put(r->db, r->user.id, &p);
	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 1);
		return;
	}
	back_to_list(r, "?saved=1");
}
