/* wallet_pdf.c: wallet cards per role, ten per A4 sheet with cut marks, drawn with pango/cairo. */
#include <math.h>
#include <string.h>

#include "wallet_pdf.h"
#include "card_text.h"
#include "pdf_text.h"
#include "plan_text.h"
#include "../lib/arena.h"
#include "../lib/banned.h"

#define CARD_W PDF_MM(WALLET_W_MM)
#define CARD_H PDF_MM(WALLET_H_MM)
/* between the two columns; the rows touch (one cut between them) */
#define COL_GAP PDF_MM(10)
#define SHEET_X ((PDF_A4_W - WALLET_COLS * CARD_W - COL_GAP) / 2)
#define SHEET_Y ((PDF_A4_H - WALLET_ROWS * CARD_H) / 2)
/* cut marks: this far from the card's edge, this long */
#define MARK_OFF PDF_MM(1)
#define MARK_LEN PDF_MM(3.5)
/* inside a card */
#define PAD  7.0
#define BAND 20.0

static const char *const font_specs[PDF_FONT__MAX] = {
    [PDF_BODY] = "DejaVu Sans 7.2",
    [PDF_BOLD] = "DejaVu Sans Bold 7.2",
    [PDF_ITALIC] = "DejaVu Sans Oblique 7",
    [PDF_SMALL] = "DejaVu Sans 5.6",
    [PDF_SMALL_BOLD] = "DejaVu Sans Bold 5.6",
    [PDF_CELL] = "DejaVu Sans 6.8",
    [PDF_CELL_BOLD] = "DejaVu Sans Bold 6.8",
    [PDF_H1] = "DejaVu Sans Bold 10.5",
    [PDF_H2] = "DejaVu Sans Bold 9",
    [PDF_H3] = "DejaVu Sans Bold 7.5",
    [PDF_TITLE] = "DejaVu Sans Bold 14",
    [PDF_MARK] = "DejaVu Sans Bold 110",
};

#define RED 0.66, 0.12, 0.10

struct wallet {
	const struct plan_doc *doc;
	struct plan_text t;
	struct pdf p;
	struct card_emergency em;
	int npages;
};

static const char *tr(struct wallet *w, const char *msgid)
{
	return pt_tr(&w->t, msgid);
}

int wallet_pdf_cards(const struct plan_doc *doc)
{
	return 1 + (int)doc->d.nroles;
}

/* Draws text fitted into width × height at x, y (shrunk down to min_size, then cut); returns its height. */
static double fit(struct wallet *w, const char *text, enum pdf_font f, double x, double y, double width, double height,
		  double min_size)
{
	PangoLayout *l = pdf_layout_fit(&w->p, text, f, width, height, min_size);
	double hgt = fmin(pdf_layout_height(l), height);

	pdf_show(&w->p, l, x, y);
	g_object_unref(l);
	return hgt;
}

/* The frame of every card: band with "IT-Notfall" and the company, the emergency number, the foot line; returns the y
 * below the number. */
static double card_frame(struct wallet *w, double x, double y)
{
	const struct card_emergency *em = &w->em;
	const double iw = CARD_W - 2 * PAD;
	double yy;

	cairo_set_line_width(w->p.cr, 0.3);
	pdf_rgb(&w->p, 0.78, 0.78, 0.78);
	cairo_rectangle(w->p.cr, x, y, CARD_W, CARD_H);
	cairo_stroke(w->p.cr);
	pdf_rgb(&w->p, RED);
	cairo_rectangle(w->p.cr, x, y, CARD_W, BAND);
	cairo_fill(w->p.cr);
	pdf_rgb(&w->p, 1, 1, 1);
	pdf_text_at(&w->p, tr(w, N_("IT emergency")), PDF_H1, x + PAD, y + 3.5, 0, iw * 0.45);
	pdf_text_at(&w->p, w->doc->org_name, PDF_BOLD, x + CARD_W - PAD, y + 6, 2, iw * 0.52);
	yy = y + BAND + 4;
	pdf_rgb(&w->p, 0.35, 0.35, 0.35);
	pdf_text_at(&w->p, tr(w, N_("IT emergency number")), PDF_SMALL, x + PAD, yy, 0, iw);
	yy += 7.5;
	pdf_rgb(&w->p, 0, 0, 0);
	if (!em->who) {
		pdf_text_at(&w->p, tr(w, N_("Not set yet – see the emergency plan.")), PDF_ITALIC, x + PAD, yy + 2, 0,
			    iw);
		yy += 13;
	} else {
		const char *name = em->who->name;

		if (em->phone) {
			yy += fit(w, em->phone->number, PDF_TITLE, x + PAD, yy, iw * 0.58, 18, 8);
			pdf_text_at(&w->p, name, PDF_CELL, x + CARD_W - PAD, yy - 11, 2, iw * 0.40);
		} else {
			pdf_text_at(&w->p, pt_fmt(&w->t, "%s – %s", name, tr(w, N_("no number"))), PDF_BOLD, x + PAD,
				    yy + 2, 0, iw);
			yy += 13;
		}
	}
	pdf_rule(&w->p, x + PAD, x + CARD_W - PAD, yy + 2, 0.4, 0.6);
	/* the foot: danger to life first */
	pdf_rgb(&w->p, 0.25, 0.25, 0.25);
	pdf_text_at(&w->p, tr(w, N_("Danger to life: 112 · Police: 110")), PDF_CELL_BOLD, x + PAD, y + CARD_H - 12, 0,
		    iw * 0.62);
	pdf_text_at(&w->p,
		    w->doc->stamp.draft ? tr(w, N_("Draft"))
					: pt_subst(&w->t, tr(w, N_("Plan version %s")),
						   pt_num(&w->t, w->doc->stamp.plan_version), NULL, NULL),
		    PDF_SMALL, x + CARD_W - PAD, y + CARD_H - 11, 2, iw * 0.36);
	pdf_rgb(&w->p, 0, 0, 0);
	return yy + 6;
}

/* The card for all staff: the short first steps and whom to call. */
static void card_all(struct wallet *w, double x, double y)
{
	const struct contact *list[3];
	size_t n = card_callees(&w->t, list, 3);
	const double iw = CARD_W - 2 * PAD, lw = iw * 0.50, rx = x + PAD + lw + 6, rw = iw - lw - 6;
	double yy = card_frame(w, x, y), yl, bottom = y + CARD_H - 15;

	pdf_rgb(&w->p, 0.10, 0.20, 0.35);
	yy += fit(w, tr(w, N_("For all staff")), PDF_H2, x + PAD, yy, iw, 11.5, 6.5) + 2;
	pdf_rgb(&w->p, 0, 0, 0);
	yl = yy;

	pdf_text_at(&w->p, tr(w, N_("What to do?")), PDF_H3, x + PAD, yl, 0, lw);
	yl += 10;
	for (int i = 0; card_first_steps_short[i] && yl < bottom - 8; i++) {
		pdf_text_at(&w->p, pt_fmt(&w->t, "%d.", i + 1), PDF_BOLD, x + PAD, yl, 0, 0);
		yl += fit(w, tr(w, card_first_steps_short[i]), PDF_BODY, x + PAD + 9, yl, lw - 9, fmin(18, bottom - yl),
			  5) +
		      1.5;
	}
	pdf_text_at(&w->p, tr(w, N_("Whom to call?")), PDF_H3, rx, yy, 0, rw);
	yy += 10;
	if (!n)
		pdf_text_at(&w->p, tr(w, N_("Not set yet.")), PDF_ITALIC, rx, yy, 0, rw);
	for (size_t i = 0; i < n && yy < bottom - 7; i++) {
		const struct phone *ph = pt_best_phone(list[i]);

		pdf_text_at(&w->p, list[i]->name, PDF_CELL_BOLD, rx, yy, 0, rw);
		pdf_text_at(&w->p, ph ? ph->number : tr(w, N_("no number")), PDF_CELL, rx, yy + 7.5, 0, rw);
		yy += 16;
	}
}

/* The card of one role: its name, who fills it, and its duties. */
static void card_role(struct wallet *w, const struct role *r, double x, double y)
{
	const double iw = CARD_W - 2 * PAD;
	const struct contact *holder = pt_contact_of(&w->t, r->primary_contact_id);
	const struct contact *deputy = r->ndeputies ? pt_contact_of(&w->t, r->deputy_contact_ids[0]) : NULL;
	double yy = card_frame(w, x, y), bottom = y + CARD_H - 15;
	const char *who;

	pdf_rgb(&w->p, 0.10, 0.20, 0.35);
	yy += fit(w, r->name, PDF_H2, x + PAD, yy, iw, 11.5, 6.5);
	pdf_rgb(&w->p, 0, 0, 0);
	who = pt_fmt(&w->t, "%s%s%s", holder ? holder->name : tr(w, N_("nobody yet")), deputy ? " · " : "",
		     deputy ? pt_subst(&w->t, tr(w, N_("Deputy: %s")), deputy->name, NULL, NULL) : "");
	pdf_text_at(&w->p, who, PDF_CELL, x + PAD, yy + 0.5, 0, iw);
	yy += 10;
	if (bottom - yy > 6)
		fit(w, *r->duties ? pt_md_plain(&w->t, r->duties) : tr(w, N_("Duties not set yet.")), PDF_BODY, x + PAD,
		    yy, iw, bottom - yy - 1, 5);
}

/* Cut marks in the margins and in the gap between the columns, outside every card corner, for rows rows. */
static void cut_marks(struct wallet *w, int rows)
{
	cairo_t *cr = w->p.cr;
	const double xs[4] = {SHEET_X, SHEET_X + CARD_W, SHEET_X + CARD_W + COL_GAP, SHEET_X + 2 * CARD_W + COL_GAP};
	const double y_end = SHEET_Y + rows * CARD_H;

	cairo_set_line_width(cr, 0.4);
	pdf_rgb(&w->p, 0, 0, 0);
	for (int i = 0; i < 4; i++) {
		cairo_move_to(cr, xs[i], SHEET_Y - MARK_OFF);
		cairo_line_to(cr, xs[i], SHEET_Y - MARK_OFF - MARK_LEN);
		cairo_move_to(cr, xs[i], y_end + MARK_OFF);
		cairo_line_to(cr, xs[i], y_end + MARK_OFF + MARK_LEN);
	}
	for (int r = 0; r <= rows; r++) {
		double y = SHEET_Y + r * CARD_H;

		cairo_move_to(cr, xs[0] - MARK_OFF, y);
		cairo_line_to(cr, xs[0] - MARK_OFF - MARK_LEN, y);
		cairo_move_to(cr, xs[3] + MARK_OFF, y);
		cairo_line_to(cr, xs[3] + MARK_OFF + MARK_LEN, y);
		cairo_move_to(cr, xs[1] + MARK_OFF, y);
		cairo_line_to(cr, xs[1] + MARK_OFF + MARK_LEN, y);
		cairo_move_to(cr, xs[2] - MARK_OFF, y);
		cairo_line_to(cr, xs[2] - MARK_OFF - MARK_LEN, y);
	}
	cairo_stroke(cr);
}

/* The sheet's foot line below the marks: what it is, version, date, check code, page. */
static void sheet_foot(struct wallet *w, int sheet, int nsheets)
{
	const struct export_stamp *st = &w->doc->stamp;
	const char *text =
	    pt_fmt(&w->t, "%s · %s · %s · %s %s · %s", w->doc->org_name, tr(w, N_("Wallet cards: cut along the marks")),
		   pt_subst(&w->t, tr(w, N_("As of %s")), pt_datetime_text(&w->t, st->made_at), NULL, NULL),
		   tr(w, N_("Check code")), st->hash[0] ? st->hash : "—",
		   pt_subst(&w->t, tr(w, N_("Page %s of %s")), pt_num(&w->t, sheet), pt_num(&w->t, nsheets), NULL));

	pdf_rgb(&w->p, 0.30, 0.30, 0.30);
	pdf_text_at(&w->p, text, PDF_SMALL, PDF_A4_W / 2, PDF_A4_H - PDF_MM(7.5), 1, PDF_A4_W - 2 * SHEET_X);
	pdf_rgb(&w->p, 0, 0, 0);
}

static void sheets(struct wallet *w)
{
	int ncards = wallet_pdf_cards(w->doc), nsheets = (ncards + WALLET_PER_SHEET - 1) / WALLET_PER_SHEET;

	for (int s = 0; s < nsheets; s++) {
		int first = s * WALLET_PER_SHEET,
		    n = ncards - first < WALLET_PER_SHEET ? ncards - first : WALLET_PER_SHEET;

		pdf_new_page(&w->p);
		for (int k = 0; k < n; k++) {
			double x = SHEET_X + (k % WALLET_COLS) * (CARD_W + COL_GAP),
			       y = SHEET_Y + (k / WALLET_COLS) * CARD_H;

			if (first + k == 0)
				card_all(w, x, y);
			else
				card_role(w, &w->doc->d.roles[first + k - 1], x, y);
		}
		cut_marks(w, (n + WALLET_COLS - 1) / WALLET_COLS);
		sheet_foot(w, s + 1, nsheets);
		if (w->doc->stamp.draft)
			pdf_watermark(&w->p, tr(w, N_("DRAFT")));
	}
}

enum kf_err wallet_pdf_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	struct wallet w = {.doc = doc, .t = {.doc = doc, .lang = lang}};
	enum kf_err err = KF_ENOMEM;
	size_t start = out->len;

	if (!(w.t.a = arena_new()))
		return KF_ENOMEM;
	w.p = (struct pdf){.t = &w.t,
			   .page_w = PDF_A4_W,
			   .page_h = PDF_A4_H,
			   .left = SHEET_X,
			   .width = PDF_A4_W - 2 * SHEET_X,
			   .top = SHEET_Y,
			   .bottom = PDF_A4_H - SHEET_Y};
	if (pdf_fonts_load(&w.p, font_specs) < 0)
		goto out;
	card_emergency_of(&w.t, &w.em);
	pdf_begin(&w.p, 1, out, pt_fmt(&w.t, "%s – %s", tr(&w, N_("Wallet cards")), doc->org_name));
	sheets(&w);
	err = pdf_end(&w.p, out);
out:
	if (err && out->len > start) {
		out->len = start;
		out->buf[start] = 0;
	}
	pdf_fonts_free(&w.p);
	arena_free(w.t.a);
	return err;
}
