/* offline_html.c: the offline copy of the plan: one self-contained HTML document, and its passphrase-sealed outer page. */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "offline_html.h"
#include "offline_crypt.h"
#include "plan_text.h"
#include "../core/bia.h"
#include "../lib/arena.h"
#include "../web/html.h"
#include "../web/markdown.h"
#include "../lib/banned.h"

/* What every chapter writer reads. */
struct oh {
	const struct plan_doc *doc;
	const struct plan_data *d;
	struct strbuf *o;
	struct plan_text t; /* lookups and texts shared with the handbook; t.a holds the texts */
	struct recovery_result order; /* the systems in recovery order, with the team's overrides */
};

/* The chapters, in the order an emergency needs them (the handbook's order). */
enum oh_chapter {
	CH_IMMEDIATE,
	CH_ALARM,
	CH_TEAM,
	CH_COMM,
	CH_CRITICAL,
	CH_BACKUPS,
	CH_RUNBOOKS,
	CH_WORKAROUNDS,
	CH_RETURN,
	CH_APPENDIX,
	CH__MAX
};

static const struct {
	const char *anchor;
	const char *title;
} chapters[CH__MAX] = {
	[CH_IMMEDIATE] = { "sofortmassnahmen", N_("Immediate actions") },
	[CH_ALARM] = { "alarmierung", N_("Alarm call chain") },
	[CH_TEAM] = { "team", N_("Emergency team and contacts") },
	[CH_COMM] = { "kommunikation", N_("Communication") },
	[CH_CRITICAL] = { "kritisch", N_("Critical business processes and IT systems") },
	[CH_BACKUPS] = { "datensicherungen", N_("Backups") },
	[CH_RUNBOOKS] = { "wiederanlauf", N_("Runbooks") },
	[CH_WORKAROUNDS] = { "notbetrieb", N_("Workarounds") },
	[CH_RETURN] = { "normalbetrieb", N_("Return to normal operation") },
	[CH_APPENDIX] = { "anhaenge", N_("Appendices") },
};

#define T(msgid) _(h->t.lang, msgid)

/* ---- small writers */

static int blank(const char *s)
{
	return !s || !s[strspn(s, " \t\r\n")];
}

static void muted(struct oh *h, const char *text)
{
	html_lit(h->o, "<span class=\"muted\">");
	html_text(h->o, text);
	html_lit(h->o, "</span>");
}

static void para(struct oh *h, const char *text)
{
	html_lit(h->o, "<p>");
	html_text(h->o, text);
	html_lit(h->o, "</p>");
}

static void h3(struct oh *h, const char *text)
{
	html_lit(h->o, "<h3>");
	html_text(h->o, text);
	html_lit(h->o, "</h3>");
}

static void none_yet(struct oh *h)
{
	html_lit(h->o, "<p class=\"muted\">");
	html_text(h->o, T("No entries yet."));
	html_lit(h->o, "</p>");
}

/* Plain text with its line breaks kept. */
static void multiline(struct oh *h, const char *text)
{
	if (blank(text)) {
		muted(h, T("not set yet"));
		return;
	}
	html_lit(h->o, "<span class=\"ml\">");
	html_text(h->o, text);
	html_lit(h->o, "</span>");
}

/* A Markdown text through the project's safe renderer (as the step 3 pages show it). */
static void markdown(struct oh *h, const char *src)
{
	size_t mark;

	if (blank(src)) {
		html_lit(h->o, "<p class=\"muted\">");
		html_text(h->o, T("Not written down yet."));
		html_lit(h->o, "</p>");
		return;
	}
	html_lit(h->o, "<div class=\"md\">");
	mark = h->o->len;
	if (markdown_render(h->o, src, strlen(src)) < 0 && !h->o->failed) {
		h->o->len = mark;
		h->o->buf[mark] = '\0';
		html_lit(h->o, "<p class=\"ml\">");
		html_text(h->o, src);
		html_lit(h->o, "</p>");
	}
	html_lit(h->o, "</div>");
}

/* A text of plan_text, "—" for "". */
static void or_dash(struct oh *h, const char *text)
{
	html_text(h->o, *text ? text : "—");
}

/* A calendar date as the reader expects it ("" shows a dash). */
static void date(struct oh *h, const char *iso)
{
	or_dash(h, pt_date_text(&h->t, iso));
}

static void hours(struct oh *h, int64_t v)
{
	if (v < 0)
		html_text(h->o, "—");
	else
		html_textf(h->o, "%lld\u00a0h", (long long)v);
}

/* An amount with thousands separators as page_bia.c shows it: "21.600 €" (German) or "21,600 €". */
static void euros(struct oh *h, int64_t v)
{
	if (v < 0) {
		html_text(h->o, "—");
		return;
	}
	html_text(h->o, pt_thousands(&h->t, v));
	html_lit(h->o, "\u00a0€");
}

/* A phone number as a tap-to-call link, with its kind. */
static void phone_link(struct oh *h, const struct phone *p)
{
	struct strbuf tel;

	sb_init(&tel, 128);
	sb_adds(&tel, "tel:");
	for (const char *s = p->number; *s; s++)
		if ((*s >= '0' && *s <= '9') || *s == '+')
			sb_addc(&tel, *s);
	html_lit(h->o, "<a class=\"tel\"");
	html_attr(h->o, "href", tel.buf);
	html_lit(h->o, ">");
	html_text(h->o, p->number);
	html_lit(h->o, "</a> <small>");
	html_text(h->o, T(phone_kind_label(p->kind)));
	html_lit(h->o, "</small>");
	if (tel.failed)
		h->o->failed = 1;
	sb_release(&tel);
}

static void mail_link(struct oh *h, const char *email)
{
	struct strbuf href;

	sb_init(&href, 1024);
	sb_adds(&href, "mailto:");
	html_url_part(&href, email);
	html_lit(h->o, "<a");
	html_attr(h->o, "href", href.buf);
	html_lit(h->o, ">");
	html_text(h->o, email);
	html_lit(h->o, "</a>");
	if (href.failed)
		h->o->failed = 1;
	sb_release(&href);
}

/* A person with every way to reach them: name, function, phones, email. */
static void person(struct oh *h, const struct contact *c)
{
	if (!c) {
		html_lit(h->o, "<span class=\"gap\">");
		html_text(h->o, T("nobody yet"));
		html_lit(h->o, "</span>");
		return;
	}
	html_lit(h->o, "<strong>");
	html_text(h->o, c->name);
	html_lit(h->o, "</strong>");
	if (*c->function) {
		html_text(h->o, " (");
		html_text(h->o, c->function);
		html_text(h->o, ")");
	}
	for (int i = 0; i < c->nphones; i++) {
		html_lit(h->o, "<br>");
		phone_link(h, &c->phones[i]);
	}
	if (*c->email) {
		html_lit(h->o, "<br>");
		mail_link(h, c->email);
	}
}

/* The name of a role with its holder's name ("Notfallleitung: Erika Muster"). */
static void role_name(struct oh *h, int64_t id)
{
	const struct role *r = pt_role_of(&h->t, id);
	const struct contact *c = r ? pt_contact_of(&h->t, r->primary_contact_id) : NULL;

	if (!r) {
		muted(h, T("nobody named yet"));
		return;
	}
	html_text(h->o, r->name);
	if (c) {
		html_text(h->o, ": ");
		html_text(h->o, c->name);
	}
}

/* <dt>label</dt><dd> ... the caller writes the value and calls dd_end. */
static void dt(struct oh *h, const char *label)
{
	html_lit(h->o, "<dt>");
	html_text(h->o, label);
	html_lit(h->o, "</dt><dd>");
}

static void dd_end(struct oh *h)
{
	html_lit(h->o, "</dd>");
}

static void pair_text(struct oh *h, const char *label, const char *value)
{
	dt(h, label);
	multiline(h, value);
	dd_end(h);
}

static void th(struct oh *h, const char *label)
{
	html_lit(h->o, "<th scope=\"col\">");
	html_text(h->o, label);
	html_lit(h->o, "</th>");
}

static void table_start(struct oh *h, const char *caption, const char *const *heads, size_t n)
{
	html_lit(h->o, "<div class=\"scroll\"><table><caption>");
	html_text(h->o, caption);
	html_lit(h->o, "</caption><thead><tr>");
	for (size_t i = 0; i < n; i++)
		th(h, T(heads[i]));
	html_lit(h->o, "</tr></thead><tbody>");
}

static void table_end(struct oh *h)
{
	html_lit(h->o, "</tbody></table></div>");
}

/* <td data-label="..."> for the narrow layout, where each row becomes a card. */
static void td(struct oh *h, const char *label)
{
	html_lit(h->o, "<td");
	html_attr(h->o, "data-label", T(label));
	html_lit(h->o, ">");
}

static void td_text(struct oh *h, const char *label, const char *text)
{
	td(h, label);
	if (blank(text))
		html_text(h->o, "—");
	else
		html_text(h->o, text);
	html_lit(h->o, "</td>");
}

static void chapter_start(struct oh *h, enum oh_chapter ch, const char *purpose)
{
	html_lit(h->o, "<section class=\"chapter\"");
	html_attr(h->o, "id", chapters[ch].anchor);
	html_attr(h->o, "aria-labelledby", arena_printf(h->t.a, "%s-h", chapters[ch].anchor));
	html_lit(h->o, "><h2");
	html_attr(h->o, "id", arena_printf(h->t.a, "%s-h", chapters[ch].anchor));
	html_lit(h->o, ">");
	html_textf(h->o, "%d. ", (int)ch + 1);
	html_text(h->o, T(chapters[ch].title));
	html_lit(h->o, "</h2>");
	if (purpose)
		html_lit(h->o, "<p class=\"purpose\">"), html_text(h->o, purpose), html_lit(h->o, "</p>");
}

static void chapter_end(struct oh *h)
{
	html_lit(h->o, "<p class=\"top\"><a href=\"#inhalt\">");
	html_text(h->o, T("Back to the contents"));
	html_lit(h->o, "</a></p></section>");
}

/* ---- 1. immediate actions */

static void ch_immediate(struct oh *h)
{
	const struct alarm_plan *ap = h->d->alarm_plan;
	const struct contact *first = pt_first_callee(&h->t);
	size_t nscen = 0;

	chapter_start(h, CH_IMMEDIATE,
		      T("What to do first when the IT fails or an attack is suspected. Work through the list from the top; "
			"the chapters after it say how to go on."));
	h3(h, T("The first minutes"));
	html_lit(h->o, "<ol class=\"first\"><li>");
	html_text(h->o, T("Safety first: people before technology. With fire or danger to life call 112 at once."));
	html_lit(h->o, "</li><li>");
	if (first) {
		html_text_subst(h->o, T("Report the emergency at once to %s."), first->name);
		html_lit(h->o, "<div class=\"call\">");
		person(h, first);
		html_lit(h->o, "</div>");
	} else {
		html_text(h->o,
			  T("Report the emergency at once to the emergency leadership (the alarm chain is not set up yet)."));
	}
	html_lit(h->o, "</li><li>");
	html_text(h->o, T("With a suspected attack (ransom note, strange messages, files that cannot be opened): pull the "
			  "network cable and switch off Wi-Fi of the affected devices, but leave them switched on. Pay "
			  "nothing."));
	html_lit(h->o, "</li><li>");
	html_text(h->o, T("Write down what happened, when, and what you saw; take photos of messages on screens."));
	html_lit(h->o, "</li><li>");
	html_text(h->o, T("Delete nothing and do not try repairs on your own; wait for the emergency team."));
	html_lit(h->o, "</li></ol><p>");
	html_text(h->o, T("The emergency team follows the alarm chain (chapter 2), brings the systems back in the recovery "
			  "order (chapters 5 and 7) and keeps the business going with the workarounds (chapter 8)."));
	html_lit(h->o, "</p>");

	h3(h, T("Where the crisis team meets"));
	html_lit(h->o, "<dl>");
	pair_text(h, T("Meeting place"), ap ? ap->meeting_place : "");
	pair_text(h, T("Fallback place (when the office cannot be used)"), ap ? ap->meeting_fallback : "");
	pair_text(h, T("Phone or video bridge"), ap ? ap->phone_bridge : "");
	html_lit(h->o, "</dl>");

	h3(h, T("First actions by scenario"));
	for (size_t i = 0; i < h->d->nrisks; i++) {
		const struct risk *k = &h->d->risks[i];

		if (k->status == RISK_CLOSED || blank(k->immediate_actions))
			continue;
		html_lit(h->o, "<h4>");
		html_text(h->o, k->title);
		html_lit(h->o, "</h4><p class=\"ml\">");
		html_text(h->o, k->immediate_actions);
		html_lit(h->o, "</p>");
		nscen++;
	}
	if (!nscen)
		none_yet(h);
	chapter_end(h);
}

/* ---- 2. alarm chain */

/* "Notfallleitung (Erika Muster)", the contact's name, or NULL for whoever notices. */
static const char *caller_text(struct oh *h, const struct alarm_step *s)
{
	const struct role *r = pt_role_of(&h->t, s->caller_role_id);
	const struct contact *c;

	if (r) {
		c = pt_contact_of(&h->t, r->primary_contact_id);
		return c ? arena_printf(h->t.a, "%s (%s)", r->name, c->name) : r->name;
	}
	c = pt_contact_of(&h->t, s->caller_contact_id);
	return c ? c->name : NULL;
}

static void ch_alarm(struct oh *h)
{
	const struct alarm_plan *ap = h->d->alarm_plan;

	chapter_start(h, CH_ALARM,
		      T("Who calls whom when an emergency happens, where the crisis team meets, and who may declare the "
			"emergency."));
	h3(h, T("Who calls whom"));
	if (!h->doc->nsteps)
		none_yet(h);
	else
		html_lit(h->o, "<ol class=\"chain\">");
	for (size_t i = 0; i < h->doc->nsteps; i++) {
		const struct alarm_step *s = &h->doc->steps[i];
		const struct contact *callee = pt_contact_of(&h->t, s->callee_contact_id);
		const char *caller = caller_text(h, s), *who = callee ? callee->name : T("nobody yet"), *line;
		int phone = s->channel == CHANNEL_PHONE;

		if (caller)
			line = backup_subst(h->t.a, T(phone ? "%s calls %s" : "%s informs %s"), caller, who, NULL);
		else
			line = backup_subst(h->t.a,
					    T(phone ? "Whoever notices the emergency calls %s"
						    : "Whoever notices the emergency informs %s"),
					    who, NULL, NULL);
		html_lit(h->o, "<li><p><strong>");
		html_text(h->o, line ? line : who);
		html_lit(h->o, "</strong> <small>(");
		html_text(h->o, T(alarm_channel_label(s->channel)));
		html_lit(h->o, ")</small></p><div class=\"call\">");
		person(h, callee);
		html_lit(h->o, "</div>");
		if (s->escalate_after_minutes > 0) {
			const struct contact *esc = pt_contact_of(&h->t, s->escalate_to_contact_id);

			line = backup_subst(h->t.a, T("No answer after %s minutes: on to %s"),
					    pt_num(&h->t, s->escalate_after_minutes), esc ? esc->name : T("nobody yet"), NULL);
			html_lit(h->o, "<p class=\"esc\">");
			html_text(h->o, line ? line : "");
			html_lit(h->o, "</p>");
			if (esc) {
				html_lit(h->o, "<div class=\"call\">");
				person(h, esc);
				html_lit(h->o, "</div>");
			}
		}
		if (!blank(s->note)) {
			html_lit(h->o, "<p class=\"ml note\">");
			html_text(h->o, s->note);
			html_lit(h->o, "</p>");
		}
		html_lit(h->o, "</li>");
	}
	if (h->doc->nsteps)
		html_lit(h->o, "</ol>");

	h3(h, T("Who may declare an emergency"));
	html_lit(h->o, "<dl>");
	dt(h, T("Roles that may declare an emergency"));
	if (!ap || !ap->ndeclare_roles)
		muted(h, T("not set yet"));
	for (int i = 0; ap && i < ap->ndeclare_roles; i++) {
		if (i)
			html_lit(h->o, "<br>");
		role_name(h, ap->declare_role_ids[i]);
	}
	dd_end(h);
	pair_text(h, T("On which criteria"), ap ? ap->declare_criteria : "");
	html_lit(h->o, "</dl>");

	h3(h, T("Who reports data breaches"));
	para(h, T("When personal data may have been lost or seen by strangers, the breach must be reported to the data "
		  "protection authority within 72 hours (GDPR Art. 33)."));
	html_lit(h->o, "<dl>");
	dt(h, T("Role that reports to the authority"));
	if (ap && ap->breach_report_role_id)
		role_name(h, ap->breach_report_role_id);
	else
		muted(h, T("nobody named yet"));
	dd_end(h);
	pair_text(h, T("Notes on reporting"), ap ? ap->breach_notes : "");
	html_lit(h->o, "</dl>");
	chapter_end(h);
}

/* ---- 3. team and contacts */

static void contact_table(struct oh *h, const char *caption, int external)
{
	static const char *const heads[] = { N_("Name"), N_("Function"), N_("Phone"), N_("Email"), N_("Checked on") };
	size_t n = 0;

	for (size_t i = 0; i < h->d->ncontacts; i++)
		n += h->d->contacts[i].external == external;
	if (!n) {
		h3(h, caption);
		none_yet(h);
		return;
	}
	h3(h, caption);
	table_start(h, caption, heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < h->d->ncontacts; i++) {
		const struct contact *c = &h->d->contacts[i];

		if (c->external != external)
			continue;
		html_lit(h->o, "<tr>");
		td(h, "Name");
		html_lit(h->o, "<strong>");
		html_text(h->o, c->name);
		html_lit(h->o, "</strong>");
		if (*c->company && external) {
			html_lit(h->o, "<br>");
			html_text(h->o, c->company);
		}
		html_lit(h->o, "</td>");
		td_text(h, "Function", c->function);
		td(h, "Phone");
		for (int j = 0; j < c->nphones; j++) {
			if (j)
				html_lit(h->o, "<br>");
			phone_link(h, &c->phones[j]);
		}
		if (!c->nphones)
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td(h, "Email");
		if (*c->email)
			mail_link(h, c->email);
		else
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td(h, "Checked on");
		date(h, c->last_verified);
		html_lit(h->o, "</td></tr>");
	}
	table_end(h);
}

static void ch_team(struct oh *h)
{
	chapter_start(h, CH_TEAM,
		      T("The emergency roles with the people who fill them and their deputies, in the order they step in; "
			"then every contact with phone numbers."));
	h3(h, T("Emergency roles"));
	if (!h->d->nroles)
		none_yet(h);
	for (size_t i = 0; i < h->d->nroles; i++) {
		const struct role *r = &h->d->roles[i];

		html_lit(h->o, "<div class=\"card\"><h4>");
		html_text(h->o, r->name);
		html_lit(h->o, "</h4><dl>");
		dt(h, T("Responsible"));
		person(h, pt_contact_of(&h->t, r->primary_contact_id));
		dd_end(h);
		dt(h, T("Deputies"));
		if (!r->ndeputies)
			muted(h, T("nobody yet"));
		else
			html_lit(h->o, "<ol class=\"deputies\">");
		for (int j = 0; j < r->ndeputies; j++) {
			html_lit(h->o, "<li>");
			person(h, pt_contact_of(&h->t, r->deputy_contact_ids[j]));
			html_lit(h->o, "</li>");
		}
		if (r->ndeputies)
			html_lit(h->o, "</ol>");
		dd_end(h);
		pair_text(h, T("Duties"), r->duties);
		html_lit(h->o, "</dl></div>");
	}
	contact_table(h, T("Contact list"), 0);
	contact_table(h, T("Service providers"), 1);
	chapter_end(h);
}

/* ---- 4. communication */

static void ch_comm(struct oh *h)
{
	chapter_start(h, CH_COMM,
		      T("Prepared messages for staff, customers, suppliers, the public and the authorities. Placeholders in "
			"braces such as {datum} are filled in when the message is sent."));
	if (!h->d->ntemplates)
		none_yet(h);
	for (size_t i = 0; i < h->d->ntemplates; i++) {
		const struct comm_template *t = &h->d->templates[i];

		html_lit(h->o, "<div class=\"card\"><h3>");
		html_text(h->o, t->title);
		html_lit(h->o, "</h3><dl>");
		dt(h, T("Audience"));
		html_text(h->o, t->audience >= 0 ? T(comm_audience_label(t->audience)) : "—");
		dd_end(h);
		pair_text(h, T("Subject"), t->subject);
		html_lit(h->o, "</dl><blockquote class=\"ml\">");
		html_text(h->o, t->body);
		html_lit(h->o, "</blockquote></div>");
	}
	chapter_end(h);
}

/* ---- 5. critical processes and IT systems */

static void ch_critical(struct oh *h)
{
	static const char *const pheads[] = { N_("Business process"), N_("Responsible"), N_("RTO"), N_("MTPD"),
					      N_("Cost per day"), N_("IT systems"), N_("Workaround") };
	static const char *const sheads[] = { N_("Place"), N_("IT system"), N_("RTO"), N_("RPO"), N_("Depends on"),
					      N_("Note") };
	const struct process **ps = NULL;
	size_t np = h->d->nprocesses;

	chapter_start(h, CH_CRITICAL,
		      T("Which business processes matter most, how long they may stand still, and in which order the IT "
			"systems are brought back."));
	h3(h, T("Business processes by urgency"));
	if (np && !(ps = ARENA_NEW(h->t.a, const struct process *, np))) {
		h->o->failed = 1;
		return;
	}
	for (size_t i = 0; i < np; i++)
		ps[i] = &h->d->processes[i];
	if (np)
		qsort(ps, np, sizeof(*ps), pt_process_by_rto);
	if (!np) {
		none_yet(h);
	} else {
		para(h, T("RTO: how long the process may stand still at most. MTPD: from when on the standstill threatens "
			  "the company."));
		table_start(h, T("Business processes by urgency"), pheads, sizeof(pheads) / sizeof(pheads[0]));
	}
	for (size_t i = 0; i < np; i++) {
		const struct process *p = ps[i];
		const struct contact *c = pt_contact_of(&h->t, p->responsible_contact_id);

		html_lit(h->o, "<tr>");
		td_text(h, "Business process", p->name);
		td_text(h, "Responsible", c ? c->name : "");
		td(h, "RTO");
		hours(h, p->rto_hours);
		html_lit(h->o, "</td>");
		td(h, "MTPD");
		hours(h, p->mtpd_hours);
		html_lit(h->o, "</td>");
		td(h, "Cost per day");
		euros(h, process_cost_per_day(p));
		html_lit(h->o, "</td>");
		td(h, "IT systems");
		for (int j = 0, shown = 0; j < p->nsystems; j++) {
			const struct system *s = pt_system_of(&h->t, p->system_ids[j]);

			if (!s)
				continue;
			if (shown++)
				html_text(h->o, ", ");
			html_text(h->o, s->name);
		}
		if (!p->nsystems)
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td_text(h, "Workaround", pt_has_workaround(&h->t, p->id) ? T("yes") : T("no"));
		html_lit(h->o, "</tr>");
	}
	if (np)
		table_end(h);

	h3(h, T("Recovery order"));
	if (!h->order.n) {
		none_yet(h);
	} else {
		para(h, T("Each system comes after the systems it needs; among those, the most urgent comes first. Places "
			  "the team pinned by hand say why. RTO and RPO: what the processes that need the system require."));
		table_start(h, T("Recovery order"), sheads, sizeof(sheads) / sizeof(sheads[0]));
	}
	for (size_t i = 0; i < h->order.n; i++) {
		const struct recovery_entry *e = &h->order.entries[i];
		const struct system *s = e->system;

		html_lit(h->o, "<tr>");
		td(h, "Place");
		html_textf(h->o, "%d", e->position);
		html_lit(h->o, "</td>");
		td(h, "IT system");
		html_lit(h->o, "<strong>");
		html_text(h->o, s->name);
		html_lit(h->o, "</strong>");
		if (*s->location) {
			html_lit(h->o, "<br><small>");
			html_text(h->o, s->location);
			html_lit(h->o, "</small>");
		}
		html_lit(h->o, "</td>");
		td(h, "RTO");
		hours(h, s->required_rto_hours);
		html_lit(h->o, "</td>");
		td(h, "RPO");
		hours(h, s->required_rpo_hours);
		html_lit(h->o, "</td>");
		td(h, "Depends on");
		for (int j = 0, shown = 0; j < s->ndeps; j++) {
			const struct system *dep = pt_system_of(&h->t, s->depends_on_ids[j]);

			if (!dep)
				continue;
			if (shown++)
				html_text(h->o, ", ");
			html_text(h->o, dep->name);
		}
		if (!s->ndeps)
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td(h, "Note");
		if (e->override)
			html_text_subst(h->o, T("Pinned: %s"), e->override->reason);
		if (s->spof) {
			if (e->override)
				html_lit(h->o, "<br>");
			html_text(h->o, T("Single point of failure"));
		}
		if (!e->override && !s->spof)
			html_text(h->o, "—");
		html_lit(h->o, "</td></tr>");
	}
	if (h->order.n)
		table_end(h);
	chapter_end(h);
}

/* ---- 6. backups */

static void ch_backups(struct oh *h)
{
	static const char *const bheads[] = { N_("Backup"), N_("IT systems"), N_("Frequency"), N_("Copies"),
					      N_("Last test"), N_("Responsible") };
	static const char *const theads[] = { N_("Date"), N_("Backup"), N_("Result"), N_("Duration"), N_("Tested by"),
					      N_("Notes") };
	size_t ngaps = 0;

	chapter_start(h, CH_BACKUPS,
		      T("What is backed up, how often, where the copies are kept, and when a restore was last tested."));
	if (!h->d->nbackups)
		none_yet(h);
	else
		table_start(h, T("Backups"), bheads, sizeof(bheads) / sizeof(bheads[0]));
	for (size_t i = 0; i < h->d->nbackups; i++) {
		const struct backup *b = &h->d->backups[i];
		const struct contact *c = pt_contact_of(&h->t, b->responsible_contact_id);
		const char *freq = backup_frequency_label(b->frequency_hours);

		html_lit(h->o, "<tr>");
		td(h, "Backup");
		html_lit(h->o, "<strong>");
		html_text(h->o, b->title);
		html_lit(h->o, "</strong>");
		if (*b->method) {
			html_lit(h->o, "<br><small>");
			html_text(h->o, b->method);
			html_lit(h->o, "</small>");
		}
		html_lit(h->o, "</td>");
		td(h, "IT systems");
		for (int j = 0, shown = 0; j < b->nsystems; j++) {
			const struct system *s = pt_system_of(&h->t, b->system_ids[j]);

			if (!s)
				continue;
			if (shown++)
				html_text(h->o, ", ");
			html_text(h->o, s->name);
		}
		if (!b->nsystems)
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td(h, "Frequency");
		if (freq)
			html_text(h->o, T(freq));
		else if (b->frequency_hours > 0)
			html_text_subst(h->o, T("every %s hours"), pt_num(&h->t, b->frequency_hours));
		else
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td(h, "Copies");
		for (int j = 0; j < b->ncopies; j++) {
			if (j)
				html_lit(h->o, "<br>");
			html_text(h->o, T(backup_copy_kind_label(b->copies[j].kind)));
			html_text(h->o, ": ");
			html_text(h->o, b->copies[j].media);
		}
		if (!b->ncopies)
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td(h, "Last test");
		if (*b->facts.last_test_date) {
			date(h, b->facts.last_test_date);
			html_text(h->o, " (");
			html_text(h->o, T(restore_result_label(b->facts.last_test_result)));
			html_text(h->o, ")");
		} else {
			html_lit(h->o, "<span class=\"gap\">");
			html_text(h->o, T("never tested"));
			html_lit(h->o, "</span>");
		}
		html_lit(h->o, "</td>");
		td_text(h, "Responsible", c ? c->name : "");
		html_lit(h->o, "</tr>");
	}
	if (h->d->nbackups)
		table_end(h);

	if (h->d->nbackups) {
		h3(h, T("Gaps of the backups"));
		for (size_t i = 0; i < h->d->nbackups; i++) {
			const struct backup *b = &h->d->backups[i];
			struct backup_gap gaps[BACKUP_GAPS_MAX];
			int n = backup_gaps(b, h->d->today, gaps, BACKUP_GAPS_MAX);

			for (int j = 0; j < n; j++) {
				const char *t = backup_gap_text(h->t.a, h->t.lang, &gaps[j]);

				if (!ngaps++)
					html_lit(h->o, "<ul class=\"gaps\">");
				html_lit(h->o, "<li><strong>");
				html_text(h->o, b->title);
				html_lit(h->o, ":</strong> ");
				html_text(h->o, t ? t : "");
				html_lit(h->o, "</li>");
			}
		}
		if (ngaps)
			html_lit(h->o, "</ul>");
		else
			para(h, T("No gaps: every backup keeps the 3-2-1 rule, was tested recently and meets its targets."));
	}

	h3(h, T("Restore tests"));
	if (!h->doc->nrestore_tests)
		none_yet(h);
	else
		table_start(h, T("Restore tests"), theads, sizeof(theads) / sizeof(theads[0]));
	for (size_t i = 0; i < h->doc->nrestore_tests; i++) {
		const struct restore_test *t = &h->doc->restore_tests[i];
		const struct backup *b = pt_backup_of(&h->t, t->backup_id);
		const struct contact *c = pt_contact_of(&h->t, t->tested_by_contact_id);

		html_lit(h->o, "<tr>");
		td(h, "Date");
		date(h, t->date);
		html_lit(h->o, "</td>");
		td_text(h, "Backup", b ? b->title : "");
		td_text(h, "Result", T(restore_result_label(t->result)));
		td(h, "Duration");
		html_text(h->o, pt_minutes_text(&h->t, t->duration_minutes));
		html_lit(h->o, "</td>");
		td_text(h, "Tested by", c ? c->name : "");
		td(h, "Notes");
		if (blank(t->notes))
			html_text(h->o, "—");
		else
			multiline(h, t->notes);
		html_lit(h->o, "</td></tr>");
	}
	if (h->doc->nrestore_tests)
		table_end(h);
	chapter_end(h);
}

/* ---- 7. runbooks in recovery order */

static void ch_runbooks(struct oh *h)
{
	size_t without = 0;

	chapter_start(h, CH_RUNBOOKS,
		      T("How each IT system is brought back, step by step, in the recovery order of chapter 5."));
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const struct runbook *rb = pt_runbook_of(&h->t, s->id);

		if (!rb) {
			without++;
			continue;
		}
		html_lit(h->o, "<article class=\"runbook\"");
		html_attr(h->o, "id", arena_printf(h->t.a, "wiederanlauf-%lld", (long long)s->id));
		html_lit(h->o, "><h3>");
		html_textf(h->o, "%d. ", h->order.entries[i].position);
		html_text(h->o, s->name);
		html_lit(h->o, "</h3><dl>");
		dt(h, T("Responsible"));
		role_name(h, rb->responsible_role_id);
		dd_end(h);
		dt(h, T("Expected duration"));
		html_text(h->o, pt_minutes_text(&h->t, rb->expected_duration_minutes));
		dd_end(h);
		dt(h, T("Target"));
		if (s->required_rto_hours >= 0)
			html_text_subst(h->o, T("back within %s"), arena_printf(h->t.a, "%lld\u00a0h",
										 (long long)s->required_rto_hours));
		else
			muted(h, T("no target set yet"));
		dd_end(h);
		html_lit(h->o, "</dl><h4>");
		html_text(h->o, T("Before you start"));
		html_lit(h->o, "</h4>");
		markdown(h, rb->prerequisites);
		html_lit(h->o, "<h4>");
		html_text(h->o, T("Steps"));
		html_lit(h->o, "</h4><ol class=\"steps\">");
		for (int j = 0; j < rb->nsteps; j++) {
			html_lit(h->o, "<li>");
			markdown(h, rb->steps[j].text);
			if (rb->steps[j].minutes >= 0) {
				html_lit(h->o, "<p class=\"muted\">");
				html_text(h->o, T("about"));
				html_text(h->o, " ");
				html_text(h->o, pt_minutes_text(&h->t, rb->steps[j].minutes));
				html_lit(h->o, "</p>");
			}
			html_lit(h->o, "</li>");
		}
		html_lit(h->o, "</ol><h4>");
		html_text(h->o, T("How to check that it works again"));
		html_lit(h->o, "</h4>");
		markdown(h, rb->checks);
		html_lit(h->o, "</article>");
	}
	if (!h->d->nrunbooks)
		none_yet(h);
	if (without) {
		h3(h, T("Systems without a runbook"));
		html_lit(h->o, "<ul>");
		for (size_t i = 0; i < h->order.n; i++) {
			const struct system *s = h->order.entries[i].system;

			if (pt_runbook_of(&h->t, s->id))
				continue;
			html_lit(h->o, "<li>");
			html_textf(h->o, "%d. ", h->order.entries[i].position);
			html_text(h->o, s->name);
			html_lit(h->o, "</li>");
		}
		html_lit(h->o, "</ul>");
	}
	chapter_end(h);
}

/* ---- 8. workarounds */

static void ch_workarounds(struct oh *h)
{
	chapter_start(h, CH_WORKAROUNDS,
		      T("How people keep working while the IT is down: paper forms, printed lists, phones, other devices."));
	if (!h->d->nworkarounds)
		none_yet(h);
	for (size_t i = 0; i < h->d->nworkarounds; i++) {
		const struct workaround *w = &h->d->workarounds[i];
		const struct process *p = pt_process_of(&h->t, w->process_id);

		html_lit(h->o, "<article class=\"card\"><h3>");
		html_text(h->o, w->title);
		html_lit(h->o, "</h3><dl>");
		dt(h, T("Business process"));
		html_text(h->o, p ? p->name : "—");
		dd_end(h);
		dt(h, T("Responsible"));
		person(h, pt_contact_of(&h->t, w->responsible_contact_id));
		dd_end(h);
		dt(h, T("Can be kept up for"));
		hours(h, w->sustainable_hours);
		dd_end(h);
		html_lit(h->o, "</dl><h4>");
		html_text(h->o, T("How work goes on"));
		html_lit(h->o, "</h4>");
		markdown(h, w->procedure);
		html_lit(h->o, "<h4>");
		html_text(h->o, T("To prepare beforehand"));
		html_lit(h->o, "</h4>");
		markdown(h, w->preparation);
		html_lit(h->o, "</article>");
	}
	chapter_end(h);
}

/* ---- 9. return to normal */

static void ch_return(struct oh *h)
{
	static const char *const items[] = {
		N_("Check that every system is back and works, in the recovery order: use the checks of each runbook "
		   "(below)."),
		N_("Check that the data is complete; enter what was written on paper during the workarounds."),
		N_("The emergency leadership declares the end of the emergency and informs staff, customers and "
		   "suppliers (chapter 4)."),
		N_("Keep the logs, notes and photos; change passwords that may have been seen."),
		N_("Within two weeks: talk through what went well and what must get better, write the findings down and "
		   "update this plan."),
	};
	size_t shown = 0;

	chapter_start(h, CH_RETURN, T("When the systems are back: how the emergency is ended in an orderly way."));
	html_lit(h->o, "<ol>");
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		html_lit(h->o, "<li>");
		html_text(h->o, T(items[i]));
		html_lit(h->o, "</li>");
	}
	html_lit(h->o, "</ol>");
	h3(h, T("How to prove each system is back"));
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const struct runbook *rb = pt_runbook_of(&h->t, s->id);

		if (!rb || blank(rb->checks))
			continue;
		html_lit(h->o, "<h4>");
		html_textf(h->o, "%d. ", h->order.entries[i].position);
		html_text(h->o, s->name);
		html_lit(h->o, "</h4>");
		markdown(h, rb->checks);
		shown++;
	}
	if (!shown)
		none_yet(h);
	chapter_end(h);
}

/* ---- 10. appendices: risks, exercises and open findings, change history */

static void appendix_risks(struct oh *h)
{
	static const char *const heads[] = { N_("Risk"), N_("Category"), N_("Score"), N_("Status"), N_("Owner") };
	const struct risk **rs = NULL;
	size_t n = h->d->nrisks;

	html_lit(h->o, "<h3 id=\"anhang-risiken\">");
	html_text(h->o, T("Risks by score"));
	html_lit(h->o, "</h3>");
	if (!n) {
		none_yet(h);
		return;
	}
	if (!(rs = ARENA_NEW(h->t.a, const struct risk *, n))) {
		h->o->failed = 1;
		return;
	}
	for (size_t i = 0; i < n; i++)
		rs[i] = &h->d->risks[i];
	qsort(rs, n, sizeof(*rs), pt_risk_by_score);
	para(h, T("Score: likelihood × impact."));
	table_start(h, T("Risks by score"), heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < n; i++) {
		const struct risk *k = rs[i];
		const struct contact *c = pt_contact_of(&h->t, k->owner_contact_id);
		int score = risk_score(k);

		html_lit(h->o, "<tr>");
		td_text(h, "Risk", k->title);
		td_text(h, "Category", k->category == RISK_CAT_OWN ? k->category_name
				       : k->category >= 0 ? T(risk_category_label(k->category)) : "");
		td(h, "Score");
		if (score)
			html_textf(h->o, "%d (%s)", score, T(risk_level_label(risk_level_of(k))));
		else
			html_text(h->o, "—");
		html_lit(h->o, "</td>");
		td_text(h, "Status", T(risk_status_label(k->status)));
		td_text(h, "Owner", c ? c->name : "");
		html_lit(h->o, "</tr>");
	}
	table_end(h);
}

static void appendix_exercises(struct oh *h)
{
	static const char *const eheads[] = { N_("Date"), N_("Exercise"), N_("Type"), N_("Status") };
	static const char *const fheads[] = { N_("Finding"), N_("Severity"), N_("Status"), N_("Responsible"), N_("Due") };
	size_t nopen = 0;

	html_lit(h->o, "<h3 id=\"anhang-uebungen\">");
	html_text(h->o, T("Exercises"));
	html_lit(h->o, "</h3>");
	para(h, T("The exercises of the plan, planned and done, and the findings that still need work."));
	if (!h->d->nexercises)
		none_yet(h);
	else
		table_start(h, T("Exercises"), eheads, sizeof(eheads) / sizeof(eheads[0]));
	for (size_t i = 0; i < h->d->nexercises; i++) {
		const struct exercise *e = &h->d->exercises[i];

		html_lit(h->o, "<tr>");
		td(h, "Date");
		date(h, e->date);
		html_lit(h->o, "</td>");
		td_text(h, "Exercise", e->title);
		td_text(h, "Type", e->type >= 0 ? T(exercise_type_label(e->type)) : "");
		td_text(h, "Status", T(exercise_status_label(e->status)));
		html_lit(h->o, "</tr>");
	}
	if (h->d->nexercises)
		table_end(h);

	for (size_t i = 0; i < h->d->nfindings; i++)
		nopen += finding_is_open(&h->d->findings[i]);
	html_lit(h->o, "<h4>");
	html_text(h->o, T("Open findings"));
	html_lit(h->o, "</h4>");
	if (!nopen) {
		none_yet(h);
		return;
	}
	table_start(h, T("Open findings"), fheads, sizeof(fheads) / sizeof(fheads[0]));
	for (size_t i = 0; i < h->d->nfindings; i++) {
		const struct finding *f = &h->d->findings[i];
		const struct contact *c = pt_contact_of(&h->t, f->responsible_contact_id);

		if (!finding_is_open(f))
			continue;
		html_lit(h->o, "<tr>");
		td_text(h, "Finding", f->title);
		td_text(h, "Severity", T(finding_severity_label(f->severity)));
		td_text(h, "Status", T(finding_status_label(f->status)));
		td_text(h, "Responsible", c ? c->name : "");
		td(h, "Due");
		date(h, f->due_date);
		html_lit(h->o, "</td></tr>");
	}
	table_end(h);
}

static void appendix_history(struct oh *h)
{
	static const char *const heads[] = { N_("Version"), N_("Status"), N_("Submitted"), N_("Decided"), N_("Note") };

	html_lit(h->o, "<h3 id=\"anhang-historie\">");
	html_text(h->o, T("History of changes"));
	html_lit(h->o, "</h3>");
	para(h, T("Every version of the plan that was submitted for approval, newest first."));
	if (!h->doc->nversions) {
		none_yet(h);
		return;
	}
	table_start(h, T("History of changes"), heads, sizeof(heads) / sizeof(heads[0]));
	for (size_t i = 0; i < h->doc->nversions; i++) {
		const struct plan_version *v = &h->doc->versions[i];

		html_lit(h->o, "<tr>");
		td(h, "Version");
		html_textf(h->o, "%lld", (long long)v->number);
		html_lit(h->o, "</td>");
		td_text(h, "Status", T(plan_version_status_label(v->status)));
		td(h, "Submitted");
		or_dash(h, pt_unix_date_text(&h->t, v->submitted_at));
		if (v->submitted_by_name && *v->submitted_by_name) {
			html_lit(h->o, "<br>");
			html_text(h->o, v->submitted_by_name);
		}
		html_lit(h->o, "</td>");
		td(h, "Decided");
		or_dash(h, pt_unix_date_text(&h->t, v->decided_by ? v->decided_at : 0));
		if (v->decided_by && v->decided_by_name && *v->decided_by_name) {
			html_lit(h->o, "<br>");
			html_text(h->o, v->decided_by_name);
		}
		html_lit(h->o, "</td>");
		td(h, "Note");
		if (blank(v->note) && blank(v->comment))
			html_text(h->o, "—");
		if (!blank(v->note))
			multiline(h, v->note);
		if (!blank(v->comment)) {
			if (!blank(v->note))
				html_lit(h->o, "<br>");
			multiline(h, v->comment);
		}
		html_lit(h->o, "</td></tr>");
	}
	table_end(h);
}

static void ch_appendix(struct oh *h)
{
	chapter_start(h, CH_APPENDIX, NULL);
	appendix_risks(h);
	appendix_exercises(h);
	appendix_history(h);
	chapter_end(h);
}

/* ---- the document */

/*
 * The stylesheet: calm colours of assets/style.css, phone first, tables turn
 * into cards below 40em, and a print part (each chapter on a new page, no
 * navigation, link targets of phone numbers written out).
 */
static void style(struct strbuf *o)
{
	html_lit(o,
		 "<style>"
		 ":root{--ink:#1d2433;--muted:#4f5b6d;--line:#d5dbe3;--bg:#f6f7f9;--card:#fff;--accent:#1f5fa8;"
		 "--bad:#b3261e;--warn-bg:#fff4dc;--warn:#8a5a00}"
		 "*{box-sizing:border-box}"
		 "html{font-size:106.25%}"
		 "body{margin:0;font-family:\"DejaVu Sans\",\"Segoe UI\",system-ui,-apple-system,sans-serif;"
		 "line-height:1.55;color:var(--ink);background:var(--bg)}"
		 "a{color:var(--accent)}"
		 ":focus-visible{outline:3px solid #f2a900;outline-offset:2px}"
		 ".wrap{max-width:58rem;margin:0 auto;padding:1rem}"
		 "header.doc{background:var(--card);border-bottom:4px solid var(--accent);padding:1rem 0}"
		 "header.doc h1{margin:.2rem 0;font-size:1.6rem;line-height:1.25}"
		 ".company{font-size:1.25rem;font-weight:bold;margin:0}"
		 ".stamp{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.8rem 0}"
		 ".stamp dt{color:var(--muted);margin:0}.stamp dd{margin:0}"
		 ".draft{background:var(--warn-bg);color:var(--warn);font-weight:bold;padding:0 .4rem;border-radius:4px}"
		 ".conf{font-weight:bold}"
		 "nav.toc{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5rem 1rem;"
		 "margin:1rem 0}"
		 "nav.toc h2{margin:.3rem 0;font-size:1.2rem}"
		 "nav.toc ol{margin:.3rem 0;padding-left:1.6rem}nav.toc li{margin:.35rem 0}"
		 "nav.toc a{padding:.1rem 0}"
		 "section.chapter{background:var(--card);border:1px solid var(--line);border-radius:8px;"
		 "padding:.2rem 1rem 1rem;margin:1.2rem 0}"
		 "h2{font-size:1.4rem;margin:1rem 0 .4rem;line-height:1.3}"
		 "h3{font-size:1.15rem;margin:1.4rem 0 .4rem}h4{font-size:1rem;margin:1rem 0 .3rem}"
		 ".purpose{color:var(--muted);margin-top:0}"
		 ".muted{color:var(--muted)}.gap{color:var(--bad);font-weight:bold}"
		 ".ml{white-space:pre-line}"
		 "dl{margin:.4rem 0}dt{font-weight:bold;margin-top:.5rem}dd{margin:0 0 0 1rem}"
		 ".card{border:1px solid var(--line);border-radius:8px;padding:.2rem .9rem .6rem;margin:.8rem 0}"
		 ".card h3,.card h4{margin-top:.6rem}"
		 ".call{margin:.2rem 0 .4rem;padding:.3rem .6rem;border-left:4px solid var(--accent);background:var(--bg)}"
		 "a.tel{font-weight:bold;font-size:1.08rem;display:inline-block;padding:.15rem 0}"
		 "ol.first>li,ol.chain>li{margin:.5rem 0}ol.chain p{margin:.2rem 0}"
		 ".esc{margin:.3rem 0 .1rem}"
		 "blockquote{margin:.4rem 0;padding:.4rem .8rem;border-left:4px solid var(--line);background:var(--bg)}"
		 "article.runbook{border-top:2px solid var(--line);margin-top:1.2rem}"
		 ".scroll{overflow-x:auto}"
		 "table{border-collapse:collapse;width:100%;margin:.5rem 0}"
		 "caption{text-align:left;font-weight:bold;padding:.2rem 0;position:absolute;left:-9999px}"
		 "th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}"
		 "th{background:var(--bg)}"
		 "td{overflow-wrap:anywhere}"
		 ".top{margin:1rem 0 0;font-size:.9rem}"
		 "footer.doc{color:var(--muted);font-size:.9rem;padding-bottom:2rem}"
		 ".unlock{margin:1rem 0}.unlock label{display:block;font-weight:bold;margin-bottom:.3rem}"
		 ".unlock input{font:inherit;font-size:1.1rem;padding:.55rem .6rem;width:100%;max-width:24rem;"
		 "border:2px solid var(--muted);border-radius:6px;display:block;margin-bottom:.6rem}"
		 ".unlock button{font:inherit;font-weight:bold;padding:.6rem 1.2rem;border:0;border-radius:6px;"
		 "background:var(--accent);color:#fff;cursor:pointer;min-height:2.75rem}"
		 ".unlock button:disabled{opacity:.6}"
		 "#kf-msg{min-height:1.6rem;font-weight:bold}#kf-msg.bad{color:var(--bad)}"
		 "@media (max-width:40em){"
		 ".wrap{padding:.5rem}"
		 "section.chapter{padding:.1rem .6rem .8rem}"
		 "dd{margin-left:.5rem}"
		 "table,thead,tbody,tr,th,td{display:block}"
		 "thead tr{position:absolute;left:-9999px}"
		 "tr{border:1px solid var(--line);border-radius:8px;margin:.6rem 0;padding:.3rem .6rem}"
		 "td{border:0;padding:.15rem 0}"
		 "td::before{content:attr(data-label) \": \";color:var(--muted);font-size:.9rem}"
		 "header.doc{padding:.4rem 0}header.doc h1{font-size:1.35rem}header.doc p{font-size:.9rem;margin:.4rem 0}"
		 ".company{font-size:1.1rem}"
		 ".stamp{font-size:.85rem;gap:0 .6rem;margin:.4rem 0}"
		 "}"
		 "@page{margin:16mm 15mm}"
		 "@media print{"
		 "html{font-size:11pt}body{background:#fff}"
		 "nav.toc,.top,.noprint{display:none}"
		 "header.doc{border-bottom:2px solid #000}"
		 "section.chapter{break-before:page;page-break-before:always;border:0;padding:0;margin:0}"
		 "h2,h3,h4{break-after:avoid;page-break-after:avoid}"
		 "tr,.card,.call{break-inside:avoid;page-break-inside:avoid}"
		 "a{color:#000;text-decoration:none}"
		 ".wrap{max-width:none;padding:0}"
		 "}"
		 "</style>");
}

/* The head of both pages: charset, viewport, no requests, title. */
static void head(struct strbuf *o, const char *title, int with_script)
{
	html_lit(o, "<head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		    "<meta name=\"referrer\" content=\"no-referrer\">");
	if (with_script)
		html_lit(o, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
			    "script-src 'unsafe-inline'; style-src 'unsafe-inline'\">");
	else
		html_lit(o, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
			    "style-src 'unsafe-inline'\">");
	html_lit(o, "<title>");
	html_text(o, title);
	html_lit(o, "</title>");
	style(o);
	html_lit(o, "</head>");
}

/* The stamp: plan version and approval or the working state, when made, the check code. */
static void stamp(struct oh *h)
{
	const struct export_stamp *st = &h->doc->stamp;

	html_lit(h->o, "<dl class=\"stamp\">");
	dt(h, T("State of the plan"));
	if (st->draft) {
		html_lit(h->o, "<span class=\"draft\">");
		html_text(h->o, T("Working state – draft, not approved"));
		html_lit(h->o, "</span>");
	} else {
		const char *t = backup_subst(h->t.a, T("Plan version %s, approved on %s by %s"), pt_num(&h->t, st->plan_version),
					     "\x01", st->approved_by);
		const char *cut = t ? strchr(t, '\x01') : NULL;

		/* the date in the reader's format where the sentence has it */
		if (cut) {
			html_text(h->o, arena_strndup(h->t.a, t, (size_t)(cut - t)));
			date(h, st->approved_at);
			html_text(h->o, cut + 1);
		} else {
			html_text(h->o, t ? t : "");
		}
	}
	dd_end(h);
	dt(h, T("Made on"));
	or_dash(h, pt_datetime_text(&h->t, st->made_at));
	dd_end(h);
	dt(h, T("Check code"));
	html_text(h->o, st->hash[0] ? st->hash : "—");
	dd_end(h);
	html_lit(h->o, "</dl>");
}

static const char *doc_title(struct oh *h)
{
	const char *t = arena_printf(h->t.a, "%s – %s", T("IT emergency plan"), h->doc->org_name);

	return t ? t : "";
}

static void document(struct oh *h)
{
	struct strbuf *o = h->o;

	html_lit(o, "<!DOCTYPE html><html");
	html_attr(o, "lang", i18n_code(h->t.lang));
	html_lit(o, ">");
	head(o, doc_title(h), 0);
	html_lit(o, "<body><header class=\"doc\"><div class=\"wrap\"><h1>");
	html_text(o, T("IT emergency plan"));
	html_lit(o, "</h1><p class=\"company\">");
	html_text(o, h->doc->org_name);
	html_lit(o, "</p>");
	stamp(h);
	html_lit(o, "<p class=\"conf\">");
	html_text(o, T("Confidential – for internal use only"));
	html_lit(o, "</p><p>");
	html_text(o, T("The offline copy of the plan: it needs neither internet nor the krisenfest server. Search it "
		       "with Ctrl+F (on a phone: \"Find in page\"), print it with Ctrl+P. In an emergency start with "
		       "chapter 1."));
	html_lit(o, "</p>");
	if (*h->doc->base_url) {
		html_lit(o, "<p class=\"muted\">");
		html_text_subst(o, T("The plan online (while the server runs): %s"), h->doc->base_url);
		html_lit(o, "</p>");
	}
	html_lit(o, "</div></header><div class=\"wrap\"><nav class=\"toc\" id=\"inhalt\"");
	html_attr(o, "aria-label", T("Contents"));
	html_lit(o, "><h2>");
	html_text(o, T("Contents"));
	html_lit(o, "</h2><ol>");
	for (int i = 0; i < CH__MAX; i++) {
		html_lit(o, "<li><a");
		html_attr(o, "href", arena_printf(h->t.a, "#%s", chapters[i].anchor));
		html_lit(o, ">");
		html_text(o, T(chapters[i].title));
		html_lit(o, "</a></li>");
	}
	html_lit(o, "</ol></nav><main>");
	ch_immediate(h);
	ch_alarm(h);
	ch_team(h);
	ch_comm(h);
	ch_critical(h);
	ch_backups(h);
	ch_runbooks(h);
	ch_workarounds(h);
	ch_return(h);
	ch_appendix(h);
	html_lit(o, "</main><footer class=\"doc\"><p>");
	html_text(o, h->doc->org_name);
	html_text(o, " · ");
	html_text(o, T("IT emergency plan"));
	html_text(o, " · ");
	or_dash(h, pt_datetime_text(&h->t, h->doc->stamp.made_at));
	if (h->doc->stamp.hash[0]) {
		html_text(o, " · ");
		html_text(o, h->doc->stamp.hash);
	}
	html_lit(o, "</p></footer></div></body></html>\n");
}

enum kf_err offline_html_document(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	struct oh h = { .doc = doc, .d = &doc->d, .o = out, .t = { .doc = doc, .lang = lang } };
	enum kf_err err = KF_ENOMEM;

	if (!(h.t.a = arena_new()))
		return KF_ENOMEM;
	if (recovery_order(h.t.a, doc->d.systems, doc->d.nsystems, doc->overrides->items, doc->overrides->n, &h.order) < 0)
		goto out;
	document(&h);
	if (!out->failed && !h.t.failed)
		err = KF_OK;
out:
	arena_free(h.t.a);
	return err;
}

/* ---- the sealed outer page */

/* The script that opens the sealed plan with WebCrypto and puts it in place of this page. A literal: no runtime text. */
#define UNLOCK_SCRIPT                                                                                            \
	"<script>\n"                                                                                             \
	"(function () {\n"                                                                                       \
	"  'use strict';\n"                                                                                      \
	"  var box = document.getElementById('kf-sealed'), form = document.getElementById('kf-unlock');\n"       \
	"  var input = document.getElementById('kf-pass'), msg = document.getElementById('kf-msg');\n"           \
	"  var button = form.querySelector('button'), d = box.dataset;\n"                                        \
	"  function bytes(b64) {\n"                                                                              \
	"    var s = atob(b64), u = new Uint8Array(s.length);\n"                                                  \
	"    for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);\n"                                        \
	"    return u;\n"                                                                                        \
	"  }\n"                                                                                                  \
	"  function say(text, bad) {\n"                                                                         \
	"    msg.textContent = '';\n"                                                                            \
	"    msg.className = bad ? 'bad' : '';\n"                                                                \
	"    window.setTimeout(function () { msg.textContent = text; }, 30);\n"                                  \
	"  }\n"                                                                                                  \
	"  function wrong() {\n"                                                                                 \
	"    button.disabled = false;\n"                                                                         \
	"    input.setAttribute('aria-invalid', 'true');\n"                                                      \
	"    say(d.msgWrong, true);\n"                                                                           \
	"    input.focus();\n"                                                                                   \
	"    input.select();\n"                                                                                  \
	"  }\n"                                                                                                  \
	"  function show(plain) {\n"                                                                             \
	"    var html = new TextDecoder('utf-8').decode(plain);\n"                                               \
	"    var doc = new DOMParser().parseFromString(html, 'text/html');\n"                                    \
	"    document.replaceChild(document.adoptNode(doc.documentElement), document.documentElement);\n"        \
	"    var h1 = document.querySelector('h1');\n"                                                           \
	"    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus(); }\n"                                       \
	"  }\n"                                                                                                  \
	"  if (!window.crypto || !window.crypto.subtle || !window.TextEncoder || !window.DOMParser) {\n"         \
	"    say(d.msgNocrypto, true);\n"                                                                        \
	"    return;\n"                                                                                          \
	"  }\n"                                                                                                  \
	"  form.hidden = false;\n"                                                                               \
	"  form.addEventListener('submit', function (ev) {\n"                                                   \
	"    ev.preventDefault();\n"                                                                             \
	"    if (!input.value) { say(d.msgEmpty, true); input.focus(); return; }\n"                              \
	"    button.disabled = true;\n"                                                                          \
	"    say(d.msgBusy, false);\n"                                                                           \
	"    var subtle = window.crypto.subtle;\n"                                                               \
	"    subtle.importKey('raw', new TextEncoder().encode(input.value), 'PBKDF2', false, ['deriveKey'])\n"   \
	"      .then(function (base) {\n"                                                                        \
	"        return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: bytes(d.salt),\n"              \
	"                                  iterations: parseInt(d.iterations, 10) }, base,\n"                    \
	"                                { name: 'AES-GCM', length: 256 }, false, ['decrypt']);\n"               \
	"      })\n"                                                                                             \
	"      .then(function (key) {\n"                                                                         \
	"        return subtle.decrypt({ name: 'AES-GCM', iv: bytes(d.iv), tagLength: 128 }, key,\n"             \
	"                              bytes(d.ciphertext));\n"                                                  \
	"      })\n"                                                                                             \
	"      .then(show, wrong);\n"                                                                            \
	"  });\n"                                                                                                \
	"})();\n"                                                                                                \
	"</script>"

/* base64 (standard alphabet, with padding) of n bytes as a data attribute. */
static int b64_attr(struct strbuf *o, const char *name, const unsigned char *bin, size_t n)
{
	size_t len = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
	char *s = malloc(len);

	if (!s)
		return -1;
	sodium_bin2base64(s, len, bin, n, sodium_base64_VARIANT_ORIGINAL);
	html_attr(o, name, s);
	free(s);
	return 0;
}

static enum kf_err sealed_page(const struct plan_doc *doc, enum kf_lang lang, const struct offline_sealed *s,
			       struct strbuf *o)
{
	struct oh h = { .doc = doc, .d = &doc->d, .o = o, .t = { .doc = doc, .lang = lang } };
	enum kf_err err = KF_ENOMEM;

	if (!(h.t.a = arena_new()))
		return KF_ENOMEM;
	html_lit(o, "<!DOCTYPE html><html");
	html_attr(o, "lang", i18n_code(lang));
	html_lit(o, ">");
	head(o, arena_printf(h.t.a, "%s – %s", _(lang, "IT emergency plan (encrypted)"), doc->org_name), 1);
	html_lit(o, "<body><header class=\"doc\"><div class=\"wrap\"><h1>");
	html_text(o, _(lang, "IT emergency plan"));
	html_lit(o, "</h1><p class=\"company\">");
	html_text(o, doc->org_name);
	html_lit(o, "</p>");
	stamp(&h);
	html_lit(o, "</div></header><div class=\"wrap\"><main><section class=\"chapter lock\"><h2>");
	html_text(o, _(lang, "This copy of the plan is encrypted"));
	html_lit(o, "</h2><p id=\"kf-about\">");
	html_text(o, _(lang, "Enter the passphrase to read the plan. It is decrypted here in the browser; this file needs "
			     "neither internet nor a server, and the passphrase is not stored."));
	html_lit(o, "</p><noscript><p class=\"gap\">");
	html_text(o, _(lang, "To decrypt the plan this file needs JavaScript. Please allow JavaScript for this file (it "
			     "loads nothing from the internet), or open it in another current browser."));
	html_lit(o, "</p></noscript><form id=\"kf-unlock\" class=\"unlock\" hidden><label for=\"kf-pass\">");
	html_text(o, _(lang, "Passphrase"));
	html_lit(o, "</label><input id=\"kf-pass\" name=\"passphrase\" type=\"password\" autocomplete=\"off\" "
		    "spellcheck=\"false\" aria-describedby=\"kf-about kf-msg\"><button type=\"submit\">");
	html_text(o, _(lang, "Open the plan"));
	html_lit(o, "</button></form><p id=\"kf-msg\" role=\"alert\"></p>");
	html_lit(o, "<div id=\"kf-sealed\" hidden data-format=\"krisenfest-offline-1\" data-kdf=\"PBKDF2-HMAC-SHA256\""
		    " data-cipher=\"AES-256-GCM\"");
	html_attr(o, "data-iterations", arena_printf(h.t.a, "%u", s->iterations));
	if (b64_attr(o, "data-salt", s->salt, sizeof(s->salt)) < 0 || b64_attr(o, "data-iv", s->iv, sizeof(s->iv)) < 0 ||
	    b64_attr(o, "data-ciphertext", s->ct, s->ctlen) < 0)
		goto out;
	html_attr(o, "data-msg-wrong", _(lang, "The passphrase is not right."));
	html_attr(o, "data-msg-empty", _(lang, "Please enter the passphrase."));
	html_attr(o, "data-msg-busy", _(lang, "Decrypting …"));
	html_attr(o, "data-msg-nocrypto",
		  _(lang, "This browser cannot decrypt the plan. Please open the file in a current Firefox, Chrome, Edge "
			  "or Safari."));
	html_lit(o, "></div></section></main></div>" UNLOCK_SCRIPT "</body></html>\n");
	if (!o->failed && !h.t.failed)
		err = KF_OK;
out:
	arena_free(h.t.a);
	return err;
}

enum kf_err offline_html_render(const struct plan_doc *doc, enum kf_lang lang, const char *passphrase,
				struct strbuf *out)
{
	struct offline_sealed s;
	struct strbuf inner;
	enum kf_err err;

	if (!passphrase || !*passphrase)
		return offline_html_document(doc, lang, out);
	sb_init(&inner, out->max);
	err = offline_html_document(doc, lang, &inner);
	if (!err)
		err = offline_seal(passphrase, OFFLINE_KDF_ITERATIONS, inner.buf, inner.len, &s);
	if (inner.len)
		sodium_memzero(inner.buf, inner.len);
	sb_release(&inner);
	if (err)
		return err;
	err = sealed_page(doc, lang, &s, out);
	offline_sealed_release(&s);
	return err;
}
