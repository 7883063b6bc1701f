/* handbook_pdf.c: the Notfallhandbuch as an A4 PDF with pango/cairo: laid out twice, first for the page numbers, then drawn. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "handbook_pdf.h"
#include "pdf_text.h"
#include "plan_text.h"
#include "../core/backup.h"
#include "../core/comm_template.h"
#include "../core/recovery_order.h"
#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "../web/heatmap.h"
#include "../lib/banned.h"

/* ---------------------------------------------------------------- geometry (points) and fonts */

#define PAGE_W 595.2756
#define PAGE_H 841.8898
#define MARGIN_L 62.0
#define MARGIN_R 52.0
#define BODY_TOP 74.0
#define BODY_BOTTOM (PAGE_H - 66.0)
#define BODY_W (PAGE_W - MARGIN_L - MARGIN_R)

static const char *const font_specs[PDF_FONT__MAX] = {
	[PDF_BODY] = "DejaVu Sans 9.5",
	[PDF_BOLD] = "DejaVu Sans Bold 9.5",
	[PDF_ITALIC] = "DejaVu Sans Oblique 9.5",
	[PDF_SMALL] = "DejaVu Sans 7.5",
	[PDF_SMALL_BOLD] = "DejaVu Sans Bold 7.5",
	[PDF_CELL] = "DejaVu Sans Condensed 8",
	[PDF_CELL_BOLD] = "DejaVu Sans Condensed Bold 8",
	[PDF_H1] = "DejaVu Sans Bold 18",
	[PDF_H2] = "DejaVu Sans Bold 12.5",
	[PDF_H3] = "DejaVu Sans Bold 10.5",
	[PDF_TITLE] = "DejaVu Sans Bold 30",
	[PDF_MARK] = "DejaVu Sans Bold 110",
};

/* The chapters, in emergency order; the appendices follow. */
enum hb_chapter {
	CH_IMMEDIATE,
	CH_ALARM,
	CH_TEAM,
	CH_COMM,
	CH_CRITICAL,
	CH_BACKUPS,
	CH_RUNBOOKS,
	CH_WORKAROUNDS,
	CH_RETURN,
	CH_A_CONTACTS,
	CH_B_PROVIDERS,
	CH_C_DEPS,
	CH_D_RISKS,
	CH_E_EXERCISES,
	CH_F_HISTORY,
	CH__MAX
};

static const char *const chapter_numbers[CH__MAX] = { "1", "2", "3", "4", "5", "6", "7", "8",
						      "9", "A", "B", "C", "D", "E", "F" };
static const char *const chapter_titles[CH__MAX] = {
	N_("Immediate actions"),
	N_("Alarm call chain"),
	N_("Emergency team and contacts"),
	N_("Communication"),
	N_("Critical business processes and IT systems"),
	N_("Backups"),
	N_("Runbooks"),
	N_("Workarounds"),
	N_("Return to normal operation"),
	N_("Contact list"),
	N_("Service providers"),
	N_("Dependencies"),
	N_("Risk matrix"),
	N_("Exercises"),
	N_("History of changes"),
};

_Static_assert(CH__MAX == HANDBOOK_CHAPTERS, "chapter table and header agree");

/* The state of one layout pass. */
struct hb {
	const struct plan_doc *doc;
	struct plan_text t; /* texts, translations, the arena */
	struct pdf p;       /* the page flow */
	int npages;         /* the total of the measuring pass (drawing pass only) */
	int chapter_page[CH__MAX];
	int toc_page[CH__MAX]; /* the measuring pass's pages, printed by the drawing pass */
	struct recovery_result order;
};

/* ---------------------------------------------------------------- page furniture and chapters */

/* Header and footer of a page after the cover. */
static void running_head(struct hb *h)
{
	const struct export_stamp *st = &h->doc->stamp;
	const char *version = st->draft ? pt_tr(&h->t, N_("Draft"))
					: pt_subst(&h->t, pt_tr(&h->t, N_("Plan version %s")), pt_num(&h->t, st->plan_version), NULL, NULL);
	const char *right = pt_fmt(&h->t, "%s · %s", pt_tr(&h->t, N_("IT emergency handbook")), version);
	const char *page = pt_subst(&h->t, pt_tr(&h->t, N_("Page %s of %s")), pt_num(&h->t, h->p.page), pt_num(&h->t, h->npages), NULL);

	pdf_rgb(&h->p, 0.30, 0.30, 0.30);
	pdf_text_at(&h->p, h->doc->org_name, PDF_SMALL, MARGIN_L, 36, 0, BODY_W * 0.5);
	pdf_text_at(&h->p, right, PDF_SMALL, PAGE_W - MARGIN_R, 36, 2, 0);
	pdf_rule(&h->p, MARGIN_L, PAGE_W - MARGIN_R, 50, 0.6, 0.55);
	pdf_rule(&h->p, MARGIN_L, PAGE_W - MARGIN_R, PAGE_H - 50, 0.6, 0.55);
	pdf_rgb(&h->p, 0.30, 0.30, 0.30);
	pdf_text_at(&h->p, pt_subst(&h->t, pt_tr(&h->t, N_("As of %s")), pt_datetime_text(&h->t, st->made_at), NULL, NULL), PDF_SMALL, MARGIN_L,
		PAGE_H - 45, 0, 0);
	pdf_text_at(&h->p, pt_tr(&h->t, N_("Confidential – for internal use only")), PDF_SMALL, PAGE_W / 2, PAGE_H - 45, 1, 0);
	pdf_text_at(&h->p, page, PDF_SMALL, PAGE_W - MARGIN_R, PAGE_H - 45, 2, 0);
	pdf_rgb(&h->p, 0, 0, 0);
}

/* What every page carries: the watermark of a draft, and after the cover the running head. */
static void page_furniture(struct pdf *p, void *data)
{
	struct hb *h = data;

	if (h->doc->stamp.draft)
		pdf_watermark(p, pt_tr(&h->t, N_("DRAFT")));
	if (p->page > 1)
		running_head(h);
}

/* A chapter starts on a new page with its number and title; the drawing pass adds a bookmark. */
static void chapter(struct hb *h, enum hb_chapter ch, const char *intro)
{
	const char *title = pt_fmt(&h->t, "%s  %s", chapter_numbers[ch], pt_tr(&h->t, chapter_titles[ch]));

	pdf_new_page(&h->p);
	h->chapter_page[ch] = h->p.page;
	if (h->p.draw && h->p.surface)
		cairo_pdf_surface_add_outline(h->p.surface, CAIRO_PDF_OUTLINE_ROOT, title, pt_fmt(&h->t, "page=%d", h->p.page), 0);
	pdf_heading(&h->p, title, PDF_H1, 0, 6, 0);
	pdf_rule(&h->p, MARGIN_L, PAGE_W - MARGIN_R, h->p.y, 1.2, 0.25);
	h->p.y += 12;
	if (intro)
		pdf_para(&h->p, intro);
}

/* ---------------------------------------------------------------- cover and contents */

static void cover(struct hb *h)
{
	const struct export_stamp *st = &h->doc->stamp;
	const char *version;
	PangoLayout *l;

	pdf_new_page(&h->p);
	h->p.y = 150;
	pdf_rgb(&h->p, 0.10, 0.20, 0.35);
	pdf_para_f(&h->p, h->doc->org_name, PDF_H2, 0, 14);
	l = pdf_layout(&h->p, pt_tr(&h->t, N_("IT emergency handbook")), PDF_TITLE, BODY_W);
	pdf_show(&h->p, l, MARGIN_L, h->p.y);
	h->p.y += pdf_layout_height(l) + 10;
	g_object_unref(l);
	pdf_rule(&h->p, MARGIN_L, PAGE_W - MARGIN_R, h->p.y, 2, 0.25);
	h->p.y += 24;
	pdf_rgb(&h->p, 0, 0, 0);
	if (st->draft)
		version = pt_tr(&h->t, N_("Working state – draft, not approved"));
	else
		version = pt_subst(&h->t, pt_tr(&h->t, N_("Plan version %s, approved on %s by %s")), pt_num(&h->t, st->plan_version),
				pt_date_text(&h->t, st->approved_at), st->approved_by);
	pdf_para_f(&h->p, version, PDF_H3, 0, 14);
	pdf_pair(&h->p, pt_tr(&h->t, N_("Made on")), pt_datetime_text(&h->t, st->made_at));
	pdf_pair(&h->p, pt_tr(&h->t, N_("Check code")), st->hash[0] ? st->hash : "—");
	h->p.y += 4;
	pdf_para_f(&h->p, pt_tr(&h->t, N_("The check code matches this copy with the copies register: a copy with another code "
			   "holds another state of the plan.")),
	       PDF_SMALL, 0, 30);
	/* the confidentiality mark in a frame */
	l = pdf_layout(&h->p, pt_tr(&h->t, N_("Confidential – for internal use only")), PDF_H3, BODY_W - 24);
	if (h->p.draw) {
		cairo_set_line_width(h->p.cr, 1.5);
		pdf_rgb(&h->p, 0.55, 0.10, 0.10);
		cairo_rectangle(h->p.cr, MARGIN_L, h->p.y, BODY_W, pdf_layout_height(l) + 20);
		cairo_stroke(h->p.cr);
	}
	pdf_show(&h->p, l, MARGIN_L + 12, h->p.y + 10);
	h->p.y += pdf_layout_height(l) + 32;
	g_object_unref(l);
	pdf_rgb(&h->p, 0, 0, 0);
	pdf_para_f(&h->p, pt_tr(&h->t, N_("In an emergency start with chapter 1. Keep a printed copy outside the company, too: when "
			   "the IT is down, this paper is the plan.")),
	       PDF_BODY, 0, 6);
}

static void contents(struct hb *h)
{
	pdf_new_page(&h->p);
	pdf_heading(&h->p, pt_tr(&h->t, N_("Contents")), PDF_H1, 0, 6, 0);
	pdf_rule(&h->p, MARGIN_L, PAGE_W - MARGIN_R, h->p.y, 1.2, 0.25);
	h->p.y += 16;
	for (int ch = 0; ch < CH__MAX; ch++) {
		const char *title = pt_tr(&h->t, chapter_titles[ch]);
		const char *page = h->toc_page[ch] ? pt_num(&h->t, h->toc_page[ch]) : "";
		PangoLayout *l;
		int w, hgt;

		if (ch == CH_A_CONTACTS) {
			pdf_heading(&h->p, pt_tr(&h->t, N_("Appendices")), PDF_H3, 10, 6, 20);
		}
		l = pdf_layout(&h->p, pt_fmt(&h->t, "%s\t%s", chapter_numbers[ch], title), PDF_BODY, BODY_W - 40);
		{
			PangoTabArray *tabs = pango_tab_array_new_with_positions(1, TRUE, PANGO_TAB_LEFT, 24);

			pango_layout_set_tabs(l, tabs);
			pango_tab_array_free(tabs);
		}
		pango_layout_get_size(l, &w, &hgt);
		if (h->p.draw) {
			double y = h->p.y + (double)hgt / PANGO_SCALE - 4;
			double x0 = MARGIN_L + (double)w / PANGO_SCALE + 6, x1 = PAGE_W - MARGIN_R - 26;
			static const double dots[] = { 0.1, 3.5 };

			pdf_show(&h->p, l, MARGIN_L, h->p.y);
			pdf_text_at(&h->p, page, PDF_BODY, PAGE_W - MARGIN_R, h->p.y, 2, 0);
			if (x1 > x0) {
				cairo_save(h->p.cr);
				cairo_set_dash(h->p.cr, dots, 2, 0);
				cairo_set_line_cap(h->p.cr, CAIRO_LINE_CAP_ROUND);
				cairo_set_line_width(h->p.cr, 1);
				pdf_rgb(&h->p, 0.4, 0.4, 0.4);
				cairo_move_to(h->p.cr, x0, y);
				cairo_line_to(h->p.cr, x1, y);
				cairo_stroke(h->p.cr);
				cairo_restore(h->p.cr);
			}
		}
		h->p.y += (double)hgt / PANGO_SCALE + 7;
		g_object_unref(l);
	}
}

/* ---------------------------------------------------------------- 1 immediate actions */

/* The risks that are not closed, by score (highest first), in the arena; *n_r their number. */
static const struct risk **risks_sorted(struct hb *h, size_t *n_r, int with_actions_only)
{
	const struct risk **list = ARENA_NEW(h->t.a, const struct risk *, h->doc->d.nrisks + 1);
	size_t n = 0;

	if (!list) {
		h->t.failed = 1;
		*n_r = 0;
		return NULL;
	}
	for (size_t i = 0; i < h->doc->d.nrisks; i++) {
		const struct risk *k = &h->doc->d.risks[i];

		if (k->status == RISK_CLOSED && with_actions_only)
			continue;
		if (with_actions_only && !*k->immediate_actions)
			continue;
		list[n++] = k;
	}
	qsort(list, n, sizeof(*list), pt_risk_by_score);
	*n_r = n;
	return list;
}

static void ch_immediate(struct hb *h)
{
	const struct alarm_plan *ap = h->doc->d.alarm_plan;
	const struct contact *first = pt_first_callee(&h->t);
	const struct risk **risks;
	size_t n;
	int k = 1;

	chapter(h, CH_IMMEDIATE,
		pt_tr(&h->t, N_("What to do first when the IT fails or an attack is suspected. Work through the list from the top; "
			 "the chapters after it say how to go on.")));
	pdf_h2(&h->p, pt_tr(&h->t, N_("The first minutes")));
	pdf_item(&h->p, pt_fmt(&h->t, "%d.", k++),
	     pt_tr(&h->t, N_("Safety first: people before technology. With fire or danger to life call 112 at once.")), 0);
	pdf_item(&h->p, pt_fmt(&h->t, "%d.", k++),
	     first ? pt_subst(&h->t, pt_tr(&h->t, N_("Report the emergency at once to %s.")), pt_person_reach(&h->t, first), NULL, NULL)
		   : pt_tr(&h->t, N_("Report the emergency at once to the emergency leadership (the alarm chain is not set up "
			      "yet).")),
	     0);
	pdf_item(&h->p, pt_fmt(&h->t, "%d.", k++),
	     pt_tr(&h->t, N_("With a suspected attack (ransom note, strange messages, files that cannot be opened): pull the "
		      "network cable and switch off Wi-Fi of the affected devices, but leave them switched on. Pay "
		      "nothing.")),
	     0);
	pdf_item(&h->p, pt_fmt(&h->t, "%d.", k++),
	     pt_tr(&h->t, N_("Write down what happened, when, and what you saw; take photos of messages on screens.")), 0);
	pdf_item(&h->p, pt_fmt(&h->t, "%d.", k++),
	     pt_tr(&h->t, N_("Delete nothing and do not try repairs on your own; wait for the emergency team.")), 0);
	pdf_item(&h->p, pt_fmt(&h->t, "%d.", k++),
	     pt_tr(&h->t, N_("The emergency team follows the alarm chain (chapter 2), brings the systems back in the recovery "
		      "order (chapters 5 and 7) and keeps the business going with the workarounds (chapter 8).")),
	     0);

	pdf_h2(&h->p, pt_tr(&h->t, N_("Where the crisis team meets")));
	pdf_pair(&h->p, pt_tr(&h->t, N_("Meeting place")), ap ? ap->meeting_place : "");
	pdf_pair(&h->p, pt_tr(&h->t, N_("Fallback place (when the office cannot be used)")), ap ? ap->meeting_fallback : "");
	pdf_pair(&h->p, pt_tr(&h->t, N_("Phone or video bridge")), ap ? ap->phone_bridge : "");

	pdf_h2(&h->p, pt_tr(&h->t, N_("First actions by scenario")));
	risks = risks_sorted(h, &n, 1);
	if (!n)
		pdf_empty(&h->p);
	for (size_t i = 0; i < n; i++) {
		pdf_h3(&h->p, risks[i]->title);
		pdf_para(&h->p, pt_md_plain(&h->t, risks[i]->immediate_actions));
	}
}

/* ---------------------------------------------------------------- 2 alarm chain */

/* "Notfallleitung (Erika Muster)" for a role, the name for a contact, NULL for nobody. */
static const char *caller_name(struct hb *h, const struct alarm_step *s)
{
	const struct contact *c;
	const struct role *ro;

	if (s->caller_role_id) {
		ro = pt_role_of(&h->t, s->caller_role_id);
		if (!ro)
			return "?";
		c = pt_contact_of(&h->t, ro->primary_contact_id);
		return c ? pt_fmt(&h->t, "%s (%s)", ro->name, c->name) : ro->name;
	}
	if (s->caller_contact_id) {
		c = pt_contact_of(&h->t, s->caller_contact_id);
		return c ? c->name : "?";
	}
	return NULL;
}

/* " (Phone, 0171 …)": how the contact is reached on the channel. */
static const char *reach(struct hb *h, const struct contact *c, enum alarm_channel ch)
{
	const struct phone *p = c ? pt_best_phone(c) : NULL;

	if (ch == CHANNEL_EMAIL && c && *c->email)
		return pt_fmt(&h->t, " (%s, %s)", pt_tr(&h->t, alarm_channel_label(ch)), c->email);
	if (p)
		return pt_fmt(&h->t, " (%s, %s)", pt_tr(&h->t, alarm_channel_label(ch)), p->number);
	if (c)
		return pt_fmt(&h->t, " (%s, %s)", pt_tr(&h->t, alarm_channel_label(ch)), pt_tr(&h->t, N_("no number")));
	return pt_fmt(&h->t, " (%s)", pt_tr(&h->t, alarm_channel_label(ch)));
}

static void ch_alarm(struct hb *h)
{
	const struct alarm_plan *ap = h->doc->d.alarm_plan;

	chapter(h, CH_ALARM,
		pt_tr(&h->t, N_("Who calls whom when an emergency happens, where the crisis team meets, and who may declare the "
			 "emergency.")));
	pdf_h2(&h->p, pt_tr(&h->t, N_("Who calls whom")));
	if (!h->doc->nsteps)
		pdf_empty(&h->p);
	for (size_t i = 0; i < h->doc->nsteps; i++) {
		const struct alarm_step *s = &h->doc->steps[i];
		const struct contact *callee = pt_contact_of(&h->t, s->callee_contact_id);
		const char *caller = caller_name(h, s), *who = callee ? callee->name : "?", *line;
		int phone = s->channel == CHANNEL_PHONE;

		if (caller)
			line = pt_subst(&h->t, pt_tr(&h->t, phone ? N_("%s calls %s") : N_("%s informs %s")), caller, who, NULL);
		else
			line = pt_subst(&h->t,
				     pt_tr(&h->t, phone ? N_("Whoever notices the emergency calls %s")
						 : N_("Whoever notices the emergency informs %s")),
				     who, NULL, NULL);
		line = pt_fmt(&h->t, "%s%s.", line, reach(h, callee, s->channel));
		if (s->escalate_after_minutes > 0) {
			const struct contact *esc = pt_contact_of(&h->t, s->escalate_to_contact_id);

			line = pt_fmt(&h->t, "%s\n%s%s.", line,
				   pt_subst(&h->t, pt_tr(&h->t, N_("No answer after %s minutes: on to %s")),
					 pt_num(&h->t, s->escalate_after_minutes), esc ? esc->name : "?", NULL),
				   reach(h, esc, s->channel));
		}
		if (*s->note)
			line = pt_fmt(&h->t, "%s\n%s", line, s->note);
		pdf_item(&h->p, pt_fmt(&h->t, "%zu.", i + 1), line, 0);
	}

	pdf_h2(&h->p, pt_tr(&h->t, N_("Who may declare an emergency")));
	if (!ap || !ap->ndeclare_roles)
		pdf_empty(&h->p);
	for (int i = 0; ap && i < ap->ndeclare_roles; i++)
		pdf_item(&h->p, "•", pt_role_reach(&h->t, ap->declare_role_ids[i]), 0);
	pdf_pair(&h->p, pt_tr(&h->t, N_("On which criteria")), ap ? pt_md_plain(&h->t, ap->declare_criteria) : "");

	pdf_h2(&h->p, pt_tr(&h->t, N_("Who reports data breaches")));
	pdf_para(&h->p, pt_tr(&h->t, N_("When personal data may have been lost or seen by strangers, the breach must be reported to the "
			 "data protection authority within 72 hours (GDPR Art. 33).")));
	pdf_pair(&h->p, pt_tr(&h->t, N_("Role that reports to the authority")),
	     ap && ap->breach_report_role_id ? pt_role_reach(&h->t, ap->breach_report_role_id) : "");
	pdf_pair(&h->p, pt_tr(&h->t, N_("Notes on reporting")), ap ? pt_md_plain(&h->t, ap->breach_notes) : "");
}

/* ---------------------------------------------------------------- 3 team */

static void ch_team(struct hb *h)
{
	chapter(h, CH_TEAM,
		pt_tr(&h->t, N_("The emergency roles with the people who fill them and their deputies, in the order they step "
			 "in. All numbers are in appendix A.")));
	if (!h->doc->d.nroles)
		pdf_empty(&h->p);
	for (size_t i = 0; i < h->doc->d.nroles; i++) {
		const struct role *r = &h->doc->d.roles[i];
		struct strbuf sb;

		pdf_h2(&h->p, r->name);
		pdf_pair(&h->p, pt_tr(&h->t, N_("Responsible")), r->primary_contact_id ? pt_person_reach(&h->t, pt_contact_of(&h->t, r->primary_contact_id)) : "");
		sb_init(&sb, 64 * 1024);
		for (int k = 0; k < r->ndeputies; k++)
			sb_addf(&sb, "%s%d. %s", k ? "\n" : "", k + 1, pt_person_reach(&h->t, pt_contact_of(&h->t, r->deputy_contact_ids[k])));
		pdf_pair(&h->p, pt_tr(&h->t, N_("Deputies")), sb.failed ? "" : pt_fmt(&h->t, "%s", sb.buf));
		sb_release(&sb);
		pdf_pair(&h->p, pt_tr(&h->t, N_("Duties")), pt_md_plain(&h->t, r->duties));
	}
}

/* ---------------------------------------------------------------- 4 communication */

static void ch_comm(struct hb *h)
{
	int any = 0;

	chapter(h, CH_COMM,
		pt_tr(&h->t, N_("Prepared messages for staff, customers, suppliers, the public and the authorities. Placeholders "
			 "in braces such as {datum} are filled in when the message is sent.")));
	for (int aud = -1; aud < AUDIENCE__MAX; aud++)
		for (size_t i = 0; i < h->doc->d.ntemplates; i++) {
			const struct comm_template *t = &h->doc->d.templates[i];

			if ((int)t->audience != aud)
				continue;
			any = 1;
			pdf_h2(&h->p, t->title);
			pdf_pair(&h->p, pt_tr(&h->t, N_("Audience")), pt_tr(&h->t, comm_audience_label(t->audience)));
			pdf_pair(&h->p, pt_tr(&h->t, N_("Subject")), t->subject);
			pdf_para_f(&h->p, t->body, PDF_BODY, 0, 6);
		}
	if (!any)
		pdf_empty(&h->p);
}

/* ---------------------------------------------------------------- 5 critical processes and systems */

static void ch_critical(struct hb *h)
{
	static const struct pdf_tcol pcols[] = {
		{ N_("Business process"), 0.24 }, { N_("Responsible"), 0.16 }, { N_("RTO"), 0.07 },
		{ N_("MTPD"), 0.08 },             { N_("Cost per day"), 0.12 }, { N_("IT systems"), 0.21 },
		{ N_("Workaround"), 0.12 },
	};
	static const struct pdf_tcol scols[] = {
		{ N_("Place"), 0.07 }, { N_("IT system"), 0.25 }, { N_("RTO"), 0.08 },
		{ N_("RPO"), 0.08 },   { N_("Depends on"), 0.27 }, { N_("Note"), 0.25 },
	};
	const struct process **procs = ARENA_NEW(h->t.a, const struct process *, h->doc->d.nprocesses + 1);
	struct pdf_table t;

	chapter(h, CH_CRITICAL,
		pt_tr(&h->t, N_("Which business processes matter most, how long they may stand still, and in which order the IT "
			 "systems are brought back.")));
	pdf_h2(&h->p, pt_tr(&h->t, N_("Business processes by urgency")));
	if (!procs) {
		h->t.failed = 1;
		return;
	}
	for (size_t i = 0; i < h->doc->d.nprocesses; i++)
		procs[i] = &h->doc->d.processes[i];
	qsort(procs, h->doc->d.nprocesses, sizeof(*procs), pt_process_by_rto);
	if (!h->doc->d.nprocesses)
		pdf_empty(&h->p);
	else {
		pdf_para_f(&h->p, pt_tr(&h->t, N_("RTO: how long the process may stand still at most. MTPD: from when on the standstill "
				   "threatens the company.")),
		       PDF_SMALL, 0, 6);
		pdf_table_begin(&h->p, &t, pcols, 7);
		for (size_t i = 0; i < h->doc->d.nprocesses; i++) {
			const struct process *p = procs[i];
			const char *cells[7] = {
				p->name,
				p->responsible_contact_id ? pt_contact_name(&h->t, p->responsible_contact_id) : "—",
				pt_hours_text(&h->t, p->rto_hours),
				pt_hours_text(&h->t, p->mtpd_hours),
				pt_euro_text(&h->t, process_cost_per_day(p)),
				pt_system_names(&h->t, p->system_ids, p->nsystems),
				pt_tr(&h->t, pt_has_workaround(&h->t, p->id) ? N_("yes") : N_("no")),
			};
			pdf_table_row(&t, cells);
		}
		pdf_table_end(&t);
	}

	pdf_h2(&h->p, pt_tr(&h->t, N_("Recovery order")));
	if (!h->order.n) {
		pdf_empty(&h->p);
		return;
	}
	pdf_para_f(&h->p, pt_tr(&h->t, N_("Each system comes after the systems it needs; among those, the most urgent comes first. "
			   "Places the team pinned by hand say why. RTO and RPO: what the processes that need the "
			   "system require.")),
	       PDF_SMALL, 0, 6);
	pdf_table_begin(&h->p, &t, scols, 6);
	for (size_t i = 0; i < h->order.n; i++) {
		const struct recovery_entry *e = &h->order.entries[i];
		const struct system *s = e->system;
		const char *note = "";

		if (e->override)
			note = pt_subst(&h->t, pt_tr(&h->t, N_("Pinned: %s")), e->override->reason, NULL, NULL);
		if (s->spof)
			note = pt_fmt(&h->t, "%s%s%s", note, *note ? "\n" : "", pt_tr(&h->t, N_("Single point of failure")));
		{
			const char *cells[6] = { pt_fmt(&h->t, "%d", e->position),
						 s->name,
						 pt_hours_text(&h->t, s->required_rto_hours),
						 pt_hours_text(&h->t, s->required_rpo_hours),
						 pt_system_names(&h->t, s->depends_on_ids, s->ndeps),
						 note };
			pdf_table_row(&t, cells);
		}
	}
	pdf_table_end(&t);
	for (int i = 0; i < h->order.nwarnings; i++) {
		const struct recovery_warning *w = &h->order.warnings[i];

		pdf_item(&h->p, "!",
		     pt_fmt(&h->t, "%s: %s", w->system->name,
			 pt_subst(&h->t, pt_tr(&h->t, recovery_problem_msgid(w->problem)), w->other ? w->other->name : "?", NULL, NULL)),
		     0);
	}
}

/* ---------------------------------------------------------------- 6 backups */

static const char *frequency_text(struct hb *h, int hours)
{
	const char *label = backup_frequency_label(hours);

	if (label)
		return pt_tr(&h->t, label);
	if (hours <= 0)
		return "—";
	return pt_subst(&h->t, pt_tr(&h->t, N_("every %s hours")), pt_num(&h->t, hours), NULL, NULL);
}

static const char *copies_text(struct hb *h, const struct backup *b)
{
	struct strbuf sb;

	if (!b->ncopies)
		return "—";
	sb_init(&sb, 64 * 1024);
	for (int i = 0; i < b->ncopies; i++)
		sb_addf(&sb, "%s%s: %s", i ? "\n" : "", pt_tr(&h->t, backup_copy_kind_label(b->copies[i].kind)), b->copies[i].media);
	{
		const char *s = sb.failed ? "" : pt_fmt(&h->t, "%s", sb.buf);

		sb_release(&sb);
		return s;
	}
}

static void ch_backups(struct hb *h)
{
	static const struct pdf_tcol cols[] = {
		{ N_("Backup"), 0.19 },   { N_("IT systems"), 0.18 },        { N_("Frequency"), 0.11 },
		{ N_("Copies"), 0.24 },   { N_("Last test"), 0.14 }, { N_("Responsible"), 0.14 },
	};
	static const struct pdf_tcol tcols[] = {
		{ N_("Date"), 0.13 },     { N_("Backup"), 0.25 },      { N_("Result"), 0.14 },
		{ N_("Duration"), 0.12 }, { N_("Tested by"), 0.18 },  { N_("Notes"), 0.18 },
	};
	struct pdf_table t;

	chapter(h, CH_BACKUPS,
		pt_tr(&h->t, N_("What is backed up, how often, where the copies are kept, and when a restore was last tested.")));
	if (!h->doc->d.nbackups) {
		pdf_empty(&h->p);
		return;
	}
	pdf_table_begin(&h->p, &t, cols, 6);
	for (size_t i = 0; i < h->doc->d.nbackups; i++) {
		const struct backup *b = &h->doc->d.backups[i];
		const char *last = b->facts.last_test_date[0]
					   ? pt_fmt(&h->t, "%s\n%s", pt_date_text(&h->t, b->facts.last_test_date),
						 pt_tr(&h->t, restore_result_label(b->facts.last_test_result)))
					   : pt_tr(&h->t, N_("never tested"));
		const char *cells[6] = { b->title,
					 pt_system_names(&h->t, b->system_ids, b->nsystems),
					 frequency_text(h, b->frequency_hours),
					 copies_text(h, b),
					 last,
					 b->responsible_contact_id ? pt_contact_name(&h->t, b->responsible_contact_id) : "—" };
		pdf_table_row(&t, cells);
	}
	pdf_table_end(&t);

	pdf_h2(&h->p, pt_tr(&h->t, N_("Gaps of the backups")));
	{
		int any = 0;

		for (size_t i = 0; i < h->doc->d.nbackups; i++) {
			const struct backup *b = &h->doc->d.backups[i];
			struct backup_gap gaps[BACKUP_GAPS_MAX];
			int n = backup_gaps(b, b->facts.today, gaps, BACKUP_GAPS_MAX);

			for (int k = 0; k < n; k++) {
				const char *s = backup_gap_text(h->t.a, h->t.lang, &gaps[k]);

				pdf_item(&h->p, "•", pt_fmt(&h->t, "%s: %s", b->title, s ? s : ""), 0);
				any = 1;
			}
		}
		if (!any)
			pdf_para(&h->p, pt_tr(&h->t, N_("No gaps: every backup keeps the 3-2-1 rule, was tested recently and meets its targets.")));
	}

	pdf_h2(&h->p, pt_tr(&h->t, N_("Restore tests")));
	if (!h->doc->nrestore_tests) {
		pdf_empty(&h->p);
		return;
	}
	pdf_table_begin(&h->p, &t, tcols, 6);
	for (size_t i = 0; i < h->doc->nrestore_tests; i++) {
		const struct restore_test *rt = &h->doc->restore_tests[i];
		const struct backup *b = pt_backup_of(&h->t, rt->backup_id);
		const char *cells[6] = { pt_date_text(&h->t, rt->date),
					 b ? b->title : "?",
					 pt_tr(&h->t, restore_result_label(rt->result)),
					 pt_minutes_text(&h->t, rt->duration_minutes),
					 rt->tested_by_contact_id ? pt_contact_name(&h->t, rt->tested_by_contact_id) : "—",
					 rt->notes };
		pdf_table_row(&t, cells);
	}
	pdf_table_end(&t);
}

/* ---------------------------------------------------------------- 7 runbooks */

static void ch_runbooks(struct hb *h)
{
	struct strbuf missing;
	int nmissing = 0, any = 0;

	chapter(h, CH_RUNBOOKS,
		pt_tr(&h->t, N_("How each IT system is brought back, step by step, in the recovery order of chapter 5.")));
	sb_init(&missing, 1 << 20);
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const struct runbook *rb = pt_runbook_of(&h->t, s->id);

		if (!rb) {
			sb_addf(&missing, "%s%s", nmissing++ ? ", " : "", s->name);
			continue;
		}
		any = 1;
		pdf_h2(&h->p, pt_fmt(&h->t, "%d. %s", h->order.entries[i].position, s->name));
		pdf_pair(&h->p, pt_tr(&h->t, N_("Responsible")), rb->responsible_role_id ? pt_role_reach(&h->t, rb->responsible_role_id) : "");
		pdf_pair(&h->p, pt_tr(&h->t, N_("Expected duration")), rb->expected_duration_minutes >= 0
								? pt_minutes_text(&h->t, rb->expected_duration_minutes)
								: "");
		pdf_pair(&h->p, pt_tr(&h->t, N_("Target")), s->required_rto_hours >= 0
						    ? pt_subst(&h->t, pt_tr(&h->t, N_("back within %s")), pt_hours_text(&h->t, s->required_rto_hours), NULL, NULL)
						    : "");
		pdf_pair(&h->p, pt_tr(&h->t, N_("Prerequisites")), pt_md_plain(&h->t, rb->prerequisites));
		pdf_h3(&h->p, pt_tr(&h->t, N_("Steps")));
		for (int k = 0; k < rb->nsteps; k++) {
			const struct runbook_step *st = &rb->steps[k];
			const char *text = pt_md_plain(&h->t, st->text);

			if (st->minutes >= 0)
				text = pt_fmt(&h->t, "%s (%s)", text, pt_minutes_text(&h->t, st->minutes));
			pdf_item(&h->p, pt_fmt(&h->t, "%d.", k + 1), text, 0);
		}
		h->p.y += 3;
		pdf_pair(&h->p, pt_tr(&h->t, N_("Checks")), pt_md_plain(&h->t, rb->checks));
	}
	if (!any)
		pdf_empty(&h->p);
	if (nmissing) {
		pdf_h2(&h->p, pt_tr(&h->t, N_("Systems without a runbook")));
		pdf_para(&h->p, missing.failed ? "" : missing.buf);
	}
	sb_release(&missing);
}

/* ---------------------------------------------------------------- 8 workarounds */

static void ch_workarounds(struct hb *h)
{
	chapter(h, CH_WORKAROUNDS,
		pt_tr(&h->t, N_("How people keep working while the IT is down: paper forms, printed lists, phones, other "
			 "devices.")));
	if (!h->doc->d.nworkarounds)
		pdf_empty(&h->p);
	for (size_t i = 0; i < h->doc->d.nworkarounds; i++) {
		const struct workaround *w = &h->doc->d.workarounds[i];
		const struct process *p = pt_process_of(&h->t, w->process_id);

		pdf_h2(&h->p, w->title);
		pdf_pair(&h->p, pt_tr(&h->t, N_("Business process")), p ? p->name : "");
		pdf_pair(&h->p, pt_tr(&h->t, N_("Responsible")), w->responsible_contact_id ? pt_person_reach(&h->t, pt_contact_of(&h->t, w->responsible_contact_id)) : "");
		pdf_pair(&h->p, pt_tr(&h->t, N_("Can be kept up for")), w->sustainable_hours >= 0 ? pt_hours_text(&h->t, w->sustainable_hours) : "");
		pdf_pair(&h->p, pt_tr(&h->t, N_("Preparation")), pt_md_plain(&h->t, w->preparation));
		pdf_pair(&h->p, pt_tr(&h->t, N_("Procedure")), pt_md_plain(&h->t, w->procedure));
	}
}

/* ---------------------------------------------------------------- 9 return to normal */

static void ch_return(struct hb *h)
{
	static const char *const steps[] = {
		N_("Check that every system is back and works, in the recovery order: use the checks of each runbook "
		   "(below)."),
		N_("Check that the data is complete; enter what was written on paper during the workarounds."),
		N_("The emergency leadership declares the end of the emergency and informs staff, customers and "
		   "suppliers (chapter 4)."),
		N_("Keep the logs, notes and photos; change passwords that may have been seen."),
		N_("Within two weeks: talk through what went well and what must get better, write the findings down and "
		   "update this plan."),
	};
	int any = 0;

	chapter(h, CH_RETURN, pt_tr(&h->t, N_("When the systems are back: how the emergency is ended in an orderly way.")));
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		pdf_item(&h->p, pt_fmt(&h->t, "%zu.", i + 1), pt_tr(&h->t, steps[i]), 0);
	pdf_h2(&h->p, pt_tr(&h->t, N_("How to prove each system is back")));
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const struct runbook *rb = pt_runbook_of(&h->t, s->id);

		if (!rb || !*rb->checks)
			continue;
		any = 1;
		pdf_pair(&h->p, s->name, pt_md_plain(&h->t, rb->checks));
	}
	if (!any)
		pdf_empty(&h->p);
}

/* ---------------------------------------------------------------- appendices */

static void contact_table(struct hb *h, int external)
{
	static const struct pdf_tcol cols[] = {
		{ N_("Name"), 0.22 },  { N_("Function"), 0.20 }, { N_("Phone"), 0.23 },
		{ N_("Email"), 0.23 }, { N_("Checked on"), 0.12 },
	};
	static const struct pdf_tcol ecols[] = {
		{ N_("Company"), 0.20 }, { N_("Name"), 0.17 },  { N_("Function"), 0.15 },
		{ N_("Phone"), 0.21 },   { N_("Email"), 0.27 },
	};
	struct pdf_table t;
	int any = 0;

	for (size_t i = 0; i < h->doc->d.ncontacts; i++) {
		const struct contact *c = &h->doc->d.contacts[i];

		if (c->external != external)
			continue;
		if (!any++)
			pdf_table_begin(&h->p, &t, external ? ecols : cols, 5);
		if (external) {
			const char *cells[5] = { *c->company ? c->company : "—", c->name, *c->function ? c->function : "—",
						 pt_phones_text(&h->t, c), *c->email ? c->email : "—" };
			pdf_table_row(&t, cells);
		} else {
			const char *cells[5] = { c->name, *c->function ? c->function : "—", pt_phones_text(&h->t, c),
						 *c->email ? c->email : "—",
						 c->last_verified[0] ? pt_date_text(&h->t, c->last_verified) : "—" };
			pdf_table_row(&t, cells);
		}
	}
	if (any)
		pdf_table_end(&t);
	else
		pdf_empty(&h->p);
}

static void ch_contacts(struct hb *h)
{
	chapter(h, CH_A_CONTACTS, pt_tr(&h->t, N_("Everybody in the company the emergency team may need to reach.")));
	contact_table(h, 0);
}

static void ch_providers(struct hb *h)
{
	chapter(h, CH_B_PROVIDERS,
		pt_tr(&h->t, N_("IT partners, providers, insurers and authorities: whom to call from outside the company.")));
	contact_table(h, 1);
}

static void ch_deps(struct hb *h)
{
	static const struct pdf_tcol cols[] = {
		{ N_("IT system"), 0.22 },       { N_("Type"), 0.14 },  { N_("Depends on"), 0.30 },
		{ N_("Needed by processes"), 0.14 }, { N_("Single point of failure"), 0.20 },
	};
	struct pdf_table t;

	chapter(h, CH_C_DEPS,
		pt_tr(&h->t, N_("Which IT system needs which other systems. When a system fails, everything that depends on it "
			 "fails too.")));
	if (!h->doc->d.nsystems) {
		pdf_empty(&h->p);
		return;
	}
	pdf_table_begin(&h->p, &t, cols, 5);
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const char *cells[5] = { s->name, *system_type_label(s->type) ? pt_tr(&h->t, system_type_label(s->type)) : "—",
					 pt_system_names(&h->t, s->depends_on_ids, s->ndeps), pt_num(&h->t, s->nprocesses),
					 pt_tr(&h->t, s->spof ? N_("yes") : N_("no")) };
		pdf_table_row(&t, cells);
	}
	pdf_table_end(&t);
}

static void level_colour(struct hb *h, enum risk_level l)
{
	switch (l) {
	case RISK_CRITICAL: pdf_rgb(&h->p, 0xe5 / 255.0, 0x73 / 255.0, 0x73 / 255.0); break;
	case RISK_HIGH: pdf_rgb(&h->p, 0xf5 / 255.0, 0xb9 / 255.0, 0x71 / 255.0); break;
	case RISK_MEDIUM: pdf_rgb(&h->p, 0xf7 / 255.0, 0xe0 / 255.0, 0x8a / 255.0); break;
	default: pdf_rgb(&h->p, 0xbf / 255.0, 0xe3 / 255.0, 0xc8 / 255.0); break;
	}
}

/* The matrix: likelihood across, impact upwards, each cell with its count and level. */
static void risk_matrix(struct hb *h, const struct heatmap *hm)
{
	const double cellw = 58, cellh = 46, left = MARGIN_L + 150;
	const int n = hm->size;
	const double height = n * cellh + 70;

	pdf_need(&h->p, height);
	for (int i = n; i >= 1; i--) {
		double y = h->p.y + (n - i) * cellh;

		pdf_rgb(&h->p, 0, 0, 0);
		pdf_text_at(&h->p, pt_fmt(&h->t, "%d %s", i, pt_tr(&h->t, risk_scale_impact_label(hm->scale, i))), PDF_CELL, left - 8,
			y + cellh / 2 - 6, 2, 140);
		for (int l = 1; l <= n; l++) {
			double x = left + (l - 1) * cellw;
			enum risk_level lvl = risk_scale_level(hm->scale, l * i);
			int count = hm->cell[l - 1][i - 1];

			if (h->p.draw) {
				level_colour(h, lvl);
				cairo_rectangle(h->p.cr, x, y, cellw, cellh);
				cairo_fill_preserve(h->p.cr);
				pdf_rgb(&h->p, 1, 1, 1);
				cairo_set_line_width(h->p.cr, 2);
				cairo_stroke(h->p.cr);
			}
			pdf_rgb(&h->p, 0, 0, 0);
			if (count)
				pdf_text_at(&h->p, pt_num(&h->t, count), PDF_H3, x + cellw / 2, y + 8, 1, 0);
			pdf_rgb(&h->p, 0.2, 0.2, 0.2);
			pdf_text_at(&h->p, pt_tr(&h->t, risk_level_label(lvl)), PDF_SMALL, x + cellw / 2, y + cellh - 13, 1, cellw - 2);
		}
	}
	pdf_rgb(&h->p, 0, 0, 0);
	for (int l = 1; l <= n; l++) {
		double x = left + (l - 1) * cellw + cellw / 2, y = h->p.y + n * cellh + 4;

		pdf_text_at(&h->p, pt_num(&h->t, l), PDF_CELL_BOLD, x, y, 1, 0);
		pdf_text_at(&h->p, pt_tr(&h->t, risk_scale_likelihood_label(hm->scale, l)), PDF_SMALL, x, y + (l % 2 ? 12 : 23), 1, 0);
	}
	pdf_text_at(&h->p, pt_fmt(&h->t, "%s →", pt_tr(&h->t, N_("Likelihood"))), PDF_CELL_BOLD, left + n * cellw / 2, h->p.y + n * cellh + 38, 1, 0);
	pdf_text_at(&h->p, pt_fmt(&h->t, "%s ↑", pt_tr(&h->t, N_("Impact"))), PDF_CELL_BOLD, left - 8, h->p.y - 14, 2, 0);
	h->p.y += height;
}

static void ch_risks(struct hb *h)
{
	static const struct pdf_tcol cols[] = {
		{ N_("Risk"), 0.31 },  { N_("Category"), 0.16 }, { N_("Score"), 0.12 }, { N_("Level"), 0.11 },
		{ N_("Status"), 0.14 }, { N_("Owner"), 0.16 },
	};
	const struct risk **risks;
	struct heatmap hm;
	struct pdf_table t;
	size_t n;

	chapter(h, CH_D_RISKS,
		pt_tr(&h->t, N_("The risks of the register by likelihood and impact, on the scale the organisation chose. Closed "
			 "risks are not in the matrix.")));
	heatmap_count(&hm, h->doc->d.risks, h->doc->d.nrisks, h->doc->risk_settings->scale);
	pdf_para_f(&h->p, pt_tr(&h->t, risk_scale_label(hm.scale)), PDF_SMALL, 0, 20);
	risk_matrix(h, &hm);
	pdf_para(&h->p, pt_fmt(&h->t, i18n_tr(h->t.lang, "%d risks in the matrix: %d critical, %d high, %d medium, %d low."), hm.total,
		    hm.level[RISK_CRITICAL], hm.level[RISK_HIGH], hm.level[RISK_MEDIUM], hm.level[RISK_LOW]));
	if (hm.closed)
		pdf_para(&h->p, pt_fmt(&h->t, i18n_tr(h->t.lang, "%d closed risks are not shown."), hm.closed));
	pdf_para_f(&h->p, pt_tr(&h->t, N_("Score: likelihood × impact.")), PDF_SMALL, 0, 6);
	pdf_h2(&h->p, pt_tr(&h->t, N_("Risks by score")));
	risks = risks_sorted(h, &n, 0);
	if (!n) {
		pdf_empty(&h->p);
		return;
	}
	pdf_table_begin(&h->p, &t, cols, 6);
	for (size_t i = 0; i < n; i++) {
		const struct risk *k = risks[i];
		const char *cat = k->category == RISK_CAT_OWN ? k->category_name : pt_tr(&h->t, risk_category_label(k->category));
		const char *cells[6] = {
			k->title,
			*cat ? cat : "—",
			risk_score(k) ? pt_fmt(&h->t, "%d × %d = %d", k->likelihood, k->impact, risk_score(k)) : "—",
			risk_score(k) ? pt_tr(&h->t, risk_level_label(risk_level_of(k))) : "—",
			pt_tr(&h->t, risk_status_label(k->status)),
			k->owner_contact_id ? pt_contact_name(&h->t, k->owner_contact_id) : "—",
		};
		pdf_table_row(&t, cells);
	}
	pdf_table_end(&t);
}

static void ch_exercises(struct hb *h)
{
	static const struct pdf_tcol cols[] = {
		{ N_("Date"), 0.13 },   { N_("Exercise"), 0.35 },      { N_("Type"), 0.18 },
		{ N_("Status"), 0.16 }, { N_("Open findings"), 0.18 },
	};
	static const struct pdf_tcol fcols[] = {
		{ N_("Finding"), 0.36 }, { N_("Severity"), 0.13 }, { N_("Status"), 0.15 },
		{ N_("Responsible"), 0.20 }, { N_("Due"), 0.16 },
	};
	struct pdf_table t;
	int any = 0;

	chapter(h, CH_E_EXERCISES,
		pt_tr(&h->t, N_("The exercises of the plan, planned and done, and the findings that still need work.")));
	if (!h->doc->d.nexercises)
		pdf_empty(&h->p);
	else {
		pdf_table_begin(&h->p, &t, cols, 5);
		for (size_t i = 0; i < h->doc->d.nexercises; i++) {
			const struct exercise *e = &h->doc->d.exercises[i];
			const char *cells[5] = { pt_date_text(&h->t, e->date), e->title,
						 *exercise_type_label(e->type) ? pt_tr(&h->t, exercise_type_label(e->type)) : "—",
						 pt_tr(&h->t, exercise_status_label(e->status)), pt_num(&h->t, e->open_findings) };
			pdf_table_row(&t, cells);
		}
		pdf_table_end(&t);
	}
	pdf_h2(&h->p, pt_tr(&h->t, N_("Open findings")));
	for (size_t i = 0; i < h->doc->d.nfindings; i++) {
		const struct finding *f = &h->doc->d.findings[i];

		if (!finding_is_open(f))
			continue;
		if (!any++)
			pdf_table_begin(&h->p, &t, fcols, 5);
		{
			const char *cells[5] = { f->title, pt_tr(&h->t, finding_severity_label(f->severity)),
						 pt_tr(&h->t, finding_status_label(f->status)),
						 f->responsible_contact_id ? pt_contact_name(&h->t, f->responsible_contact_id) : "—",
						 f->due_date[0] ? pt_date_text(&h->t, f->due_date) : "—" };
			pdf_table_row(&t, cells);
		}
	}
	if (any)
		pdf_table_end(&t);
	else
		pdf_empty(&h->p);
}

static void ch_history(struct hb *h)
{
	static const struct pdf_tcol cols[] = {
		{ N_("Version"), 0.09 },   { N_("Status"), 0.13 }, { N_("Submitted"), 0.22 },
		{ N_("Decided"), 0.22 },   { N_("Note"), 0.34 },
	};
	struct pdf_table t;

	chapter(h, CH_F_HISTORY,
		pt_tr(&h->t, N_("Every version of the plan that was submitted for approval, newest first.")));
	if (!h->doc->nversions) {
		pdf_empty(&h->p);
		return;
	}
	pdf_table_begin(&h->p, &t, cols, 5);
	for (size_t i = 0; i < h->doc->nversions; i++) {
		const struct plan_version *v = &h->doc->versions[i];
		const char *note = v->note ? v->note : "";
		const char *cells[5];

		if (v->comment && *v->comment)
			note = pt_fmt(&h->t, "%s%s%s", note, *note ? "\n" : "", v->comment);
		cells[0] = pt_num(&h->t, v->number);
		cells[1] = pt_tr(&h->t, plan_version_status_label(v->status));
		cells[2] = pt_fmt(&h->t, "%s\n%s", pt_unix_date_text(&h->t, v->submitted_at), v->submitted_by_name ? v->submitted_by_name : "");
		cells[3] = v->decided_by ? pt_fmt(&h->t, "%s\n%s", pt_unix_date_text(&h->t, v->decided_at),
					      v->decided_by_name ? v->decided_by_name : "")
					 : "—";
		cells[4] = *note ? note : "—";
		pdf_table_row(&t, cells);
	}
	pdf_table_end(&t);
}

/* ---------------------------------------------------------------- the passes */


static void document(struct hb *h)
{
	cover(h);
	contents(h);
	ch_immediate(h);
	ch_alarm(h);
	ch_team(h);
	ch_comm(h);
	ch_critical(h);
	ch_backups(h);
	ch_runbooks(h);
	ch_workarounds(h);
	ch_return(h);
	ch_contacts(h);
	ch_providers(h);
	ch_deps(h);
	ch_risks(h);
	ch_exercises(h);
	ch_history(h);
}

/* One pass; draw = 0 measures (output discarded), 1 writes to out. */
static enum kf_err pass(struct hb *h, int draw, struct strbuf *out)
{
	pdf_begin(&h->p, draw, out,
		  draw ? pt_fmt(&h->t, "%s – %s", pt_tr(&h->t, N_("IT emergency handbook")), h->doc->org_name) : "");
	document(h);
	return pdf_end(&h->p, out);
}

enum kf_err handbook_pdf_render_layout(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out,
				       struct handbook_layout *lay_r)
{
	struct hb h = { .doc = doc, .t = { .doc = doc, .lang = lang } };
	enum kf_err err = KF_ENOMEM;
	size_t start = out->len;

	h.t.a = arena_new();
	if (!h.t.a)
		return KF_ENOMEM;
	h.p = (struct pdf){ .t = &h.t, .page_w = PAGE_W, .page_h = PAGE_H, .left = MARGIN_L, .width = BODY_W,
			    .top = BODY_TOP, .bottom = BODY_BOTTOM, .on_page = page_furniture, .on_page_data = &h };
	if (pdf_fonts_load(&h.p, font_specs) < 0)
		goto out;
	if (recovery_order(h.t.a, doc->d.systems, doc->d.nsystems, doc->overrides->items, doc->overrides->n,
			   &h.order) < 0)
		goto out;
	/* measure (the page numbers and the total), then draw with them */
	if ((err = pass(&h, 0, NULL)))
		goto out;
	memcpy(h.toc_page, h.chapter_page, sizeof(h.toc_page));
	h.npages = h.p.page;
	if ((err = pass(&h, 1, out)))
		goto out;
	if (h.p.page != h.npages || memcmp(h.toc_page, h.chapter_page, sizeof(h.toc_page)) != 0) {
		/* the page numbers moved the layout (not expected: the contents page has a fixed length) */
		err = KF_EIO;
		goto out;
	}
	if (lay_r) {
		lay_r->npages = h.npages;
		for (int ch = 0; ch < CH__MAX; ch++) {
			lay_r->number[ch] = chapter_numbers[ch];
			lay_r->title[ch] = pt_tr(&h.t, chapter_titles[ch]);
			lay_r->page[ch] = h.chapter_page[ch];
		}
	}
out:
	if (err && out->len > start) {
		out->len = start;
		out->buf[start] = 0;
	}
	pdf_fonts_free(&h.p);
	arena_free(h.t.a);
	return err;
}

enum kf_err handbook_pdf_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	return handbook_pdf_render_layout(doc, lang, out, NULL);
}
