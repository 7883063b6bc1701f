/* card_pdf.c: the IT-Notfallkarte as one A4 page with pango/cairo: large type, calm colours, made to hang at every
 * workplace. */
#include <math.h>
#include <string.h>

#include "card_pdf.h"
#include "card_text.h"
#include "pdf_qr.h"
#include "pdf_text.h"
#include "plan_text.h"
#include "../lib/arena.h"
#include "../lib/banned.h"

#define M_X    42.0
#define M_TOP  36.0
#define BODY_W (PDF_A4_W - 2 * M_X)
#define FOOT_Y (PDF_A4_H - 40.0)
/* the QR code with its quiet zone: 32 mm, so that a phone reads it from a print on the wall */
#define QR_SIZE PDF_MM(33)

static const char *const font_specs[PDF_FONT__MAX] = {
    [PDF_BODY] = "DejaVu Sans 11.5",	       [PDF_BOLD] = "DejaVu Sans Bold 12",
    [PDF_ITALIC] = "DejaVu Sans Oblique 11.5", [PDF_SMALL] = "DejaVu Sans 8.5",
    [PDF_SMALL_BOLD] = "DejaVu Sans Bold 8.5", [PDF_CELL] = "DejaVu Sans 12.5",
    [PDF_CELL_BOLD] = "DejaVu Sans Bold 13",   [PDF_H1] = "DejaVu Sans Bold 27",
    [PDF_H2] = "DejaVu Sans Bold 16",	       [PDF_H3] = "DejaVu Sans Bold 12.5",
    [PDF_TITLE] = "DejaVu Sans Bold 40",       [PDF_MARK] = "DejaVu Sans Bold 110",
};

/* the calm red of emergencies, and its pale background */
#define RED	 0.66, 0.12, 0.10
#define RED_PALE 0.995, 0.95, 0.94
#define NAVY	 0.10, 0.20, 0.35

struct card {
	const struct plan_doc *doc;
	struct plan_text t;
	struct pdf p;
	struct card_emergency em;
};

static const char *tr(struct card *c, const char *msgid)
{
	return pt_tr(&c->t, msgid);
}

/* s with its spaces as no-break spaces (a phone number is not split over two lines), in the arena. */
static const char *nobreak(struct card *c, const char *s)
{
	struct strbuf sb;
	const char *r;

	sb_init(&sb, 4096);
	for (; *s; s++)
		if (*s == ' ')
			sb_adds(&sb, "\xc2\xa0");
		else
			sb_addc(&sb, *s);
	r = sb.failed ? "" : pt_fmt(&c->t, "%s", sb.buf);
	sb_release(&sb);
	return r;
}

/* Draws text in font f wrapped to width at x, y; returns its height. */
static double block(struct card *c, const char *text, enum pdf_font f, double x, double y, double width)
{
	PangoLayout *l = pdf_layout(&c->p, text, f, width);
	double hgt = pdf_layout_height(l);

	pdf_show(&c->p, l, x, y);
	g_object_unref(l);
	return hgt;
}

static void fill_rect(struct card *c, double x, double y, double w, double h)
{
	cairo_rectangle(c->p.cr, x, y, w, h);
	cairo_fill(c->p.cr);
}

/* The red band with the title and the company, and the motto beneath; returns the y below. */
static double head(struct card *c, double y)
{
	const double band = 66;

	pdf_rgb(&c->p, RED);
	fill_rect(c, M_X, y, BODY_W, band);
	pdf_rgb(&c->p, 1, 1, 1);
	pdf_text_at(&c->p, tr(c, N_("IT emergency card")), PDF_H1, M_X + 16, y + 9, 0, BODY_W - 32);
	pdf_text_at(&c->p, c->doc->org_name, PDF_H3, M_X + 17, y + 43, 0, BODY_W - 32);
	y += band + 9;
	pdf_rgb(&c->p, 0.25, 0.25, 0.25);
	y += block(c, tr(c, N_("Keep calm and report the IT emergency – better one call too many than one too few.")),
		   PDF_ITALIC, M_X, y, BODY_W);
	pdf_rgb(&c->p, 0, 0, 0);
	return y + 12;
}

/* The IT emergency number in a framed box of width box_w; returns the y below. */
static double number_box(struct card *c, double y, double box_w)
{
	const struct card_emergency *em = &c->em;
	const double x = M_X + 16, w = box_w - 32;
	double top = y, yy = y + 12;
	PangoLayout *l;

	/* measure first: the box is drawn below the text */
	cairo_push_group(c->p.cr);
	pdf_rgb(&c->p, RED);
	pdf_text_at(&c->p, tr(c, N_("IT emergency number")), PDF_H2, x, yy, 0, w);
	yy += 26;
	pdf_rgb(&c->p, 0, 0, 0);
	if (!em->who) {
		yy += block(c, tr(c, N_("Not set yet: the plan names nobody to call.")), PDF_H2, x, yy, w) + 4;
		pdf_rgb(&c->p, 0.3, 0.3, 0.3);
		yy += block(c,
			    tr(c, N_("Set up the alarm chain in the plan (page “Alarm chain”): its first person is "
				     "printed here.")),
			    PDF_BODY, x, yy, w);
	} else {
		const char *label = *em->via ? em->via : card_contact_label(&c->t, em->who);

		if (em->phone) {
			l = pdf_layout_fit(&c->p, em->phone->number, PDF_TITLE, w, 52, 20);
			pdf_show(&c->p, l, x, yy);
			yy += pdf_layout_height(l) + 2;
			g_object_unref(l);
		} else {
			yy += block(c, tr(c, N_("No phone number in the plan yet.")), PDF_H2, x, yy, w) + 4;
		}
		yy +=
		    block(c, *label ? pt_fmt(&c->t, "%s – %s", em->who->name, label) : em->who->name, PDF_H3, x, yy, w);
		if (em->escalate_minutes > 0) {
			const struct phone *ph = pt_best_phone(em->escalate_to);
			const char *who = ph ? pt_fmt(&c->t, "%s, %s", em->escalate_to->name, nobreak(c, ph->number))
					     : em->escalate_to->name;

			yy += 4;
			yy += block(c,
				    pt_subst(&c->t, tr(c, N_("No answer within %s minutes? Call %s.")),
					     pt_num(&c->t, em->escalate_minutes), who, NULL),
				    PDF_BODY, x, yy, w);
		}
	}
	yy += 14;
	cairo_pop_group_to_source(c->p.cr);
	{
		cairo_pattern_t *content = cairo_get_source(c->p.cr);

		cairo_pattern_reference(content);
		pdf_rgb(&c->p, RED_PALE);
		fill_rect(c, M_X, top, box_w, yy - top);
		cairo_set_line_width(c->p.cr, 2.5);
		pdf_rgb(&c->p, RED);
		cairo_rectangle(c->p.cr, M_X, top, box_w, yy - top);
		cairo_stroke(c->p.cr);
		cairo_set_source(c->p.cr, content);
		cairo_paint(c->p.cr);
		cairo_pattern_destroy(content);
	}
	pdf_rgb(&c->p, 0, 0, 0);
	return yy;
}

/* A section heading in navy with a thin rule; returns the y below. */
static double section(struct card *c, const char *title, double x, double y, double w)
{
	pdf_rgb(&c->p, NAVY);
	pdf_text_at(&c->p, title, PDF_H2, x, y, 0, w);
	pdf_rule(&c->p, x, x + w, y + 24, 1, 0.35);
	pdf_rgb(&c->p, 0, 0, 0);
	return y + 31;
}

/* "Wen anrufen?": the first people of the alarm chain with their numbers, then 112 and 110; returns the y below. */
static double callees(struct card *c, double y)
{
	const struct contact *list[CARD_CALLEES_MAX];
	size_t n = card_callees(&c->t, list, CARD_CALLEES_MAX);
	const double num_w = 24, phone_w = 150, name_w = BODY_W - num_w - phone_w - 10;

	y = section(c, tr(c, N_("Whom to call?")), M_X, y, BODY_W);
	if (!n) {
		pdf_rgb(&c->p, 0.3, 0.3, 0.3);
		y += block(c, tr(c, N_("The alarm chain is not set up yet.")), PDF_ITALIC, M_X, y, BODY_W) + 6;
		pdf_rgb(&c->p, 0, 0, 0);
	}
	for (size_t i = 0; i < n; i++) {
		const struct phone *ph = pt_best_phone(list[i]);
		const char *label = card_contact_label(&c->t, list[i]);
		PangoLayout *name = pdf_layout_fit(&c->p, list[i]->name, PDF_CELL_BOLD, name_w * 0.5, 17, 9);
		double nw = pdf_layout_width(name);

		if (i % 2) {
			cairo_set_source_rgb(c->p.cr, 0.96, 0.965, 0.97);
			fill_rect(c, M_X, y - 4, BODY_W, 24);
		}
		pdf_rgb(&c->p, 0, 0, 0);
		pdf_text_at(&c->p, pt_fmt(&c->t, "%zu.", i + 1), PDF_CELL_BOLD, M_X + 4, y, 0, 0);
		pdf_show(&c->p, name, M_X + num_w, y);
		g_object_unref(name);
		if (*label) {
			pdf_rgb(&c->p, 0.30, 0.30, 0.30);
			pdf_text_at(&c->p, label, PDF_ITALIC, M_X + num_w + nw + 10, y + 1, 0, name_w - nw - 10);
		}
		pdf_rgb(&c->p, 0, 0, 0);
		if (ph)
			pdf_text_at(&c->p, ph->number, PDF_CELL_BOLD, M_X + BODY_W - 4, y, 2, phone_w);
		else {
			pdf_rgb(&c->p, 0.35, 0.35, 0.35);
			pdf_text_at(&c->p, tr(c, N_("no number")), PDF_ITALIC, M_X + BODY_W - 4, y, 2, phone_w);
		}
		pdf_rgb(&c->p, 0, 0, 0);
		y += 24;
	}
	/* danger to life comes before the IT */
	y += 6;
	pdf_rgb(&c->p, 0.98, 0.93, 0.80);
	fill_rect(c, M_X, y, BODY_W, 30);
	pdf_rgb(&c->p, 0, 0, 0);
	pdf_text_at(&c->p, tr(c, N_("Danger to life, fire, injured people: first call 112 · Police: 110")), PDF_H3,
		    M_X + BODY_W / 2, y + 7, 1, BODY_W - 16);
	return y + 30 + 22;
}

/* A list under a heading at x, width w: numbered or with bullets; returns the y below. */
static double list(struct card *c, const char *title, const char *const *items, int numbered, double x, double y,
		   double w)
{
	y = section(c, title, x, y, w);
	for (int i = 0; items[i]; i++) {
		const char *mark = numbered ? pt_fmt(&c->t, "%d.", i + 1) : "•";

		pdf_text_at(&c->p, mark, numbered ? PDF_BOLD : PDF_BODY, x, y, 0, 0);
		y += block(c, tr(c, items[i]), PDF_BODY, x + 20, y, w - 20) + 5;
	}
	return y;
}

/* The QR code to the plan at x, y (QR_SIZE wide) with a caption beneath; returns the y below. */
static double plan_qr(struct card *c, const char *url, double x, double y)
{
	if (pdf_qr_draw(c->p.cr, url, x, y, QR_SIZE) < 0) {
		c->t.failed = 1;
		return y;
	}
	y += QR_SIZE;
	pdf_rgb(&c->p, 0.30, 0.30, 0.30);
	y += block(c, tr(c, N_("Scan with a phone (sign-in required).")), PDF_SMALL, x, y, QR_SIZE);
	pdf_rgb(&c->p, 0, 0, 0);
	return y;
}

/* The plan's address in one line across the page (no hyphen breaks in the middle of it); returns the y below. */
static double plan_address(struct card *c, const char *url, double y)
{
	PangoLayout *l =
	    pdf_layout(&c->p, pt_fmt(&c->t, "%s: %s", tr(c, N_("The emergency plan online")), url), PDF_BODY, BODY_W);
	double hgt = pdf_layout_height(l);

	pdf_rgb(&c->p, NAVY);
	pdf_show(&c->p, l, M_X, y);
	pdf_rgb(&c->p, 0, 0, 0);
	g_object_unref(l);
	return y + hgt;
}

/* Version or "Entwurf", date and check code at the foot of the page. */
static void foot(struct card *c)
{
	const struct export_stamp *st = &c->doc->stamp;
	const char *version =
	    st->draft ? tr(c, N_("Draft"))
		      : pt_subst(&c->t, tr(c, N_("Plan version %s")), pt_num(&c->t, st->plan_version), NULL, NULL);
	const char *left =
	    pt_fmt(&c->t, "%s · %s", version,
		   pt_subst(&c->t, tr(c, N_("As of %s")), pt_datetime_text(&c->t, st->made_at), NULL, NULL));

	pdf_rule(&c->p, M_X, M_X + BODY_W, FOOT_Y - 6, 0.6, 0.55);
	pdf_rgb(&c->p, 0.30, 0.30, 0.30);
	pdf_text_at(&c->p, left, PDF_SMALL, M_X, FOOT_Y, 0, BODY_W * 0.6);
	pdf_text_at(&c->p, pt_fmt(&c->t, "%s %s", tr(c, N_("Check code")), st->hash[0] ? st->hash : "—"), PDF_SMALL,
		    M_X + BODY_W, FOOT_Y, 2, 0);
	pdf_rgb(&c->p, 0, 0, 0);
}

static void page(struct card *c)
{
	const double col_l = BODY_W * 0.55, gap = 22, col_r = BODY_W - col_l - gap;
	const char *url = card_plan_url(&c->t);
	double y = M_TOP, yl, yr;

	pdf_new_page(&c->p);
	y = head(c, y);
	/* the number, and beside it the code to the plan (only when the plan has an address) */
	if (url) {
		y = fmax(number_box(c, y, BODY_W - QR_SIZE - 14), plan_qr(c, url, M_X + BODY_W - QR_SIZE, y));
		y = plan_address(c, url, y + 8);
	} else
		y = number_box(c, y, BODY_W);
	y = callees(c, y + 20);
	yl = list(c, tr(c, N_("What to do?")), card_first_steps, 1, M_X, y, col_l);
	yr = list(c, tr(c, N_("What to report?")), card_report_questions, 0, M_X + col_l + gap, y, col_r);
	y = fmax(yl, yr) + 6;
	pdf_rgb(&c->p, 0.25, 0.25, 0.25);
	block(c, tr(c, N_("All details – contacts, alarm chain, runbooks – are in the IT emergency handbook.")),
	      PDF_ITALIC, M_X, y, BODY_W);
	pdf_rgb(&c->p, 0, 0, 0);
	foot(c);
	if (c->doc->stamp.draft)
		pdf_watermark(&c->p, tr(c, N_("DRAFT")));
}

enum kf_err card_pdf_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	struct card c = {.doc = doc, .t = {.doc = doc, .lang = lang}};
	enum kf_err err = KF_ENOMEM;
	size_t start = out->len;

	if (!(c.t.a = arena_new()))
		return KF_ENOMEM;
	c.p = (struct pdf){.t = &c.t,
			   .page_w = PDF_A4_W,
			   .page_h = PDF_A4_H,
			   .left = M_X,
			   .width = BODY_W,
			   .top = M_TOP,
			   .bottom = FOOT_Y - 10};
	if (pdf_fonts_load(&c.p, font_specs) < 0)
		goto out;
	card_emergency_of(&c.t, &c.em);
	pdf_begin(&c.p, 1, out, pt_fmt(&c.t, "%s – %s", tr(&c, N_("IT emergency card")), doc->org_name));
	page(&c);
	err = pdf_end(&c.p, out);
out:
	if (err && out->len > start) {
		out->len = start;
		out->buf[start] = 0;
	}
	pdf_fonts_free(&c.p);
	arena_free(c.t.a);
	return err;
}
