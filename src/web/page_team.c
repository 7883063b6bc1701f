/* page_team.c: step 2, the emergency team: roles with their people, and all contacts. */
#include <stdio.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "html.h"
#include "page.h"
#include "team_view.h"
#include "web.h"
#include "../lib/banned.h"

/* A phone number as a tap-to-call link. */
static void phone_link(struct req *r, const struct phone *p)
{
	struct strbuf tel;

	sb_init(&tel, 128);
	sb_adds(&tel, "tel:");
	for (const char *s = p->number; *s; s++)
		if ((*s >= '0' && *s <= '9') || *s == '+')
			sb_addc(&tel, *s);
	html_lit(&r->out, "<a");
	html_attr(&r->out, "href", tel.buf);
	html_lit(&r->out, ">");
	html_text(&r->out, p->number);
	html_lit(&r->out, "</a> <small>");
	html_text(&r->out, _(r->lang, phone_kind_label(p->kind)));
	html_lit(&r->out, "</small>");
	sb_release(&tel);
}

static void person_cell(struct req *r, const struct team_view *tv, int64_t id)
{
	const struct contact *c = id ? team_view_contact(tv, id) : NULL;

	if (!c) {
		html_lit(&r->out, "<span class=\"badge gap\">");
		html_text(&r->out, _(r->lang, "nobody yet"));
		html_lit(&r->out, "</span>");
		return;
	}
	html_text(&r->out, c->name);
	if (c->nphones) {
		html_lit(&r->out, "<br>");
		phone_link(r, &c->phones[0]);
	}
}

/* A cell that names its column, so narrow screens can show rows as cards. */
static void cell(struct req *r, const char *column_msgid)
{
	html_lit(&r->out, "<td");
	html_attr(&r->out, "data-label", _(r->lang, column_msgid));
	html_lit(&r->out, ">");
}

/* An empty list says what belongs in it; returns 1 when it did. */
static int section_empty(struct req *r, size_t n, const char *explanation)
{
	if (n)
		return 0;
	html_lit(&r->out, "<p class=\"empty\">");
	html_text(&r->out, _(r->lang, explanation));
	html_lit(&r->out, "</p></section>");
	return 1;
}

static void table_head(struct req *r, const char *const *columns, int n)
{
	html_lit(&r->out, "<div class=\"table-wrap\"><table><thead><tr>");
	for (int i = 0; i < n; i++) {
		html_lit(&r->out, "<th scope=\"col\">");
		html_text(&r->out, _(r->lang, columns[i]));
		html_lit(&r->out, "</th>");
	}
	html_lit(&r->out, "</tr></thead><tbody>");
}

static void roles_table(struct req *r, const struct team_view *tv)
{
	struct strbuf *o = &r->out;
	char href[80];

	static const char *const columns[] = { N_("Role"), N_("Responsible"), N_("Deputies, in order") };

	snprintf(href, sizeof(href), "/o/%lld/roles/new", (long long)r->org.id);
	page_section_head(r, "h-roles", N_("Emergency roles"), href, N_("Add role"), "button");
	if (section_empty(r, tv->nroles, N_("No roles yet. Typical roles are emergency leader, deputy, technology, communication and data protection.")))
		return;
	table_head(r, columns, 3);
	for (size_t i = 0; i < tv->nroles; i++) {
		const struct role *ro = &tv->roles[i];

		snprintf(href, sizeof(href), "/o/%lld/roles/%lld", (long long)r->org.id, (long long)ro->id);
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, ro->name);
		html_lit(o, "</a>");
		if (*ro->duties) {
			html_lit(o, "<p class=\"duties\">");
			html_text(o, ro->duties);
			html_lit(o, "</p>");
		}
		html_lit(o, "</th>");
		cell(r, N_("Responsible"));
		person_cell(r, tv, ro->primary_contact_id);
		html_lit(o, "</td>");
		cell(r, N_("Deputies, in order"));
		if (!ro->ndeputies)
			person_cell(r, tv, 0);
		html_lit(o, "<ol class=\"deputies\">");
		for (int d = 0; d < ro->ndeputies; d++) {
			html_lit(o, "<li>");
			person_cell(r, tv, ro->deputy_contact_ids[d]);
			html_lit(o, "</li>");
		}
		html_lit(o, "</ol></td></tr>");
	}
	html_lit(o, "</tbody></table></div></section>");
}

static void contacts_table(struct req *r, const struct team_view *tv)
{
	struct strbuf *o = &r->out;
	char href[80];

	static const char *const columns[] = { N_("Name"), N_("Phone"), N_("Email"), N_("Checked on") };

	snprintf(href, sizeof(href), "/o/%lld/contacts/new", (long long)r->org.id);
	page_section_head(r, "h-contacts", N_("Contacts"), href, N_("Add contact"), "button");
	if (section_empty(r, tv->ncontacts, N_("No contacts yet. Add your staff and the outside helpers: IT partner, internet provider, insurer.")))
		return;
	table_head(r, columns, 4);
	for (size_t i = 0; i < tv->ncontacts; i++) {
		const struct contact *c = &tv->contacts[i];

		snprintf(href, sizeof(href), "/o/%lld/contacts/%lld", (long long)r->org.id, (long long)c->id);
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, c->name);
		html_lit(o, "</a>");
		if (*c->function || *c->company) {
			html_lit(o, "<br><small>");
			html_text(o, c->function);
			if (*c->function && *c->company)
				html_lit(o, ", ");
			html_text(o, c->company);
			html_lit(o, "</small>");
		}
		if (c->external) {
			html_lit(o, " <span class=\"badge\">");
			html_text(o, _(r->lang, "external"));
			html_lit(o, "</span>");
		}
		html_lit(o, "</th>");
		cell(r, N_("Phone"));
		html_lit(o, "<ul class=\"phones\">");
		for (int p = 0; p < c->nphones; p++) {
			html_lit(o, "<li>");
			phone_link(r, &c->phones[p]);
			html_lit(o, "</li>");
		}
		html_lit(o, "</ul></td>");
		cell(r, N_("Email"));
		if (*c->email) {
			struct strbuf mailto;

			sb_init(&mailto, 512);
			sb_adds(&mailto, "mailto:");
			html_url_part(&mailto, c->email);
			html_lit(o, "<a");
			html_attr(o, "href", mailto.buf);
			html_lit(o, ">");
			sb_release(&mailto);
			html_text(o, c->email);
			html_lit(o, "</a>");
		}
		html_lit(o, "</td>");
		cell(r, N_("Checked on"));
		if (c->last_verified[0])
			html_date(o, c->last_verified, r->lang == KF_LANG_DE);
		else {
			html_lit(o, "<span class=\"badge gap\">");
			html_text(o, _(r->lang, "never"));
			html_lit(o, "</span>");
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div></section>");
}

/* Points to the starter content while the team is still small. */
static void templates_hint(struct req *r, const struct team_view *tv)
{
	char href[64];

	if (tv->nroles >= 3 && tv->ncontacts >= 5)
		return;
	snprintf(href, sizeof(href), "/o/%lld/team/templates", (long long)r->org.id);
	html_lit(&r->out, "<p class=\"templates\"><a class=\"button primary\"");
	html_attr(&r->out, "href", href);
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, "Adopt standard roles and authority contacts"));
	html_lit(&r->out, "</a> ");
	html_text(&r->out, _(r->lang, "A quick start: typical roles and the numbers of police, data-protection authority and BSI."));
	html_lit(&r->out, "</p>");
}

/* Points to the alarm chain: who calls whom, meeting places, who declares the emergency. */
static void alarm_section(struct req *r)
{
	char href[64];

	snprintf(href, sizeof(href), "/o/%lld/alarm", (long long)r->org.id);
	html_lit(&r->out, "<section aria-labelledby=\"h-alarm\"><div class=\"section-head\"><h2 id=\"h-alarm\">");
	html_text(&r->out, _(r->lang, "Alarm chain"));
	html_lit(&r->out, "</h2><a class=\"button\"");
	html_attr(&r->out, "href", href);
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, "Open the alarm chain"));
	html_lit(&r->out, "</a></div><p>");
	html_text(&r->out, _(r->lang, "Who calls whom in an emergency, where the crisis team meets, who may declare the "
				      "emergency and who reports data breaches."));
	html_lit(&r->out, "</p></section>");
}

void web_team(struct req *r)
{
	struct strbuf *o = &r->out;
	struct team_view tv;

	if (team_view_load(r, &tv) < 0)
		return;
	page_begin(r, N_("Define the emergency team"), STEP_TEAM,
		   N_("Who leads in an emergency, who stands in, and how everybody can be reached — even when email and the file server are down."));
	web_review_notice(r, CHAPTER_TEAM, "team"); /* review marks */
	if (kv_get(&r->query, "adopted"))
		page_notice(r, "ok", _(r->lang, "The starter content was adopted. Now assign people to the roles and check the numbers of the authorities."));
	team_view_progress(r, tv.check.percent);
	if (r->org.role >= MEMBER_EDITOR)
		templates_hint(r, &tv);
	if (tv.check.ngaps) {
		html_lit(o, "<section class=\"todo\" aria-labelledby=\"h-gaps\"><h2 id=\"h-gaps\">");
		html_text(o, _(r->lang, "What is still missing"));
		html_lit(o, "</h2>");
		team_view_gaps(r, &tv, 10);
		html_lit(o, "</section>");
	}
	roles_table(r, &tv);
	alarm_section(r);
	contacts_table(r, &tv);
	page_end(r);
}
