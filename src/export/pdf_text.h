/* pdf_text.h: the text layer of the printed exports: fonts, pango layouts, lines, paragraphs, lists, label pairs and
 * tables that flow over pages (pango/cairo). */
#ifndef KF_PDF_TEXT_H
#define KF_PDF_TEXT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../lib/err.h"
#include "../lib/strbuf.h"
#include "plan_text.h"

/* A4 in points */
#define PDF_A4_W 595.2756
#define PDF_A4_H 841.8898
/* millimetres in points */
#define PDF_MM(x) ((x)*72.0 / 25.4)

/* The fonts by use; each output gives its own sizes (pdf_fonts_load). */
enum pdf_font {
	PDF_BODY,
	PDF_BOLD,
	PDF_ITALIC,
	PDF_SMALL,
	PDF_SMALL_BOLD,
	PDF_CELL,
	PDF_CELL_BOLD,
	PDF_H1,
	PDF_H2,
	PDF_H3,
	PDF_TITLE,
	PDF_MARK, /* the diagonal watermark */
	PDF_FONT__MAX
};

struct pdf;
/* Draws what every new page carries (watermark, running head); called by pdf_new_page in the drawing pass. */
typedef void pdf_page_fn(struct pdf *p, void *data);

/*
 * One pass over a document. With draw 0 nothing is drawn (a measuring pass
 * that only moves y and counts pages); with draw 1 the pages are drawn.
 * Texts are translated and allocated through t (its failed flag is the
 * pass's out-of-memory flag).
 */
struct pdf {
	struct plan_text *t;
	PangoFontDescription *fonts[PDF_FONT__MAX];
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *pc;
	int draw; /* 0: measuring, 1: drawing */
	int page; /* the current page, 1-based (0 before the first) */
	double y; /* top of the next line on the page */
	/* the page and its text area (points) */
	double page_w, page_h;
	double left, width, top, bottom;
	pdf_page_fn *on_page;
	void *on_page_data;
};

/* Parses the font descriptions (pango strings, "DejaVu Sans Bold 12") into p->fonts. 0 or -1 (out of memory). */
int pdf_fonts_load(struct pdf *p, const char *const specs[PDF_FONT__MAX]);
void pdf_fonts_free(struct pdf *p);
/*
 * Frees the font caches pango, cairo and fontconfig keep for the whole
 * process, so that a leak check sees only our own memory. For a command that
 * ends (the CLI, test tools); a server keeps them for its lifetime. No PDF may
 * be made afterwards.
 */
void pdf_text_release_process_caches(void);

/* Starts a pass: a PDF surface writing to out (draw 1) or to nowhere (draw 0), page size from p. title: metadata. */
void pdf_begin(struct pdf *p, int draw, struct strbuf *out, const char *title);
/* Ends the pass (shows the last page, finishes the file). KF_OK, KF_ETOOBIG (out's cap), KF_EIO or KF_ENOMEM. */
enum kf_err pdf_end(struct pdf *p, struct strbuf *out);

/* ---- single texts */

/* A layout of plain text (never markup) in font f, wrapped at word boundaries to width (caller unrefs). */
PangoLayout *pdf_layout(struct pdf *p, const char *text, enum pdf_font f, double width);
/*
 * A layout of text in font f (caller unrefs) that fits width × height: the
 * size shrinks in steps down to min_size points; what still does not fit is
 * cut with "…" at the end.
 */
PangoLayout *pdf_layout_fit(struct pdf *p, const char *text, enum pdf_font f, double width, double height,
			    double min_size);
double pdf_layout_height(PangoLayout *l);
double pdf_layout_width(PangoLayout *l);
void pdf_rgb(struct pdf *p, double r, double g, double b);
/* Draws l with its top left corner at x, y (drawing pass only). */
void pdf_show(struct pdf *p, PangoLayout *l, double x, double y);
/* One line of text at x, y; align: 0 left, 1 centre, 2 right (x is then the centre or right edge); width > 0 cuts with
 * "…". */
void pdf_text_at(struct pdf *p, const char *text, enum pdf_font f, double x, double y, int align, double width);
/* text diagonally across the page in pale red (draw it first, so the text lies above it). */
void pdf_watermark(struct pdf *p, const char *text);
/* A horizontal line from x0 to x1 at y. */
void pdf_rule(struct pdf *p, double x0, double x1, double y, double width, double grey);

/* ---- the page flow (from p->y down, within left .. left + width, top .. bottom) */

/* Ends the current page (if any) and starts the next one at p->top. */
void pdf_new_page(struct pdf *p);
/* Starts a new page unless need_pt points still fit on this one. */
void pdf_need(struct pdf *p, double need_pt);
/* Draws l at x line by line from p->y, breaking to the next page between lines. */
void pdf_flow(struct pdf *p, PangoLayout *l, double x);
/* A paragraph of plain text in font f, indented by indent, followed by after points of space. */
void pdf_para_f(struct pdf *p, const char *text, enum pdf_font f, double indent, double after);
void pdf_para(struct pdf *p, const char *text);
/* "No entries yet." in grey italics. */
void pdf_empty(struct pdf *p);
/* A list item: marker ("•", "3.") in the margin of the text. */
void pdf_item(struct pdf *p, const char *marker, const char *text, double indent);
/* A label and its text beside it (the text flows over pages); "not set yet" for an empty text. */
void pdf_pair(struct pdf *p, const char *label, const char *text);
void pdf_heading(struct pdf *p, const char *text, enum pdf_font f, double before, double after, double keep);
void pdf_h2(struct pdf *p, const char *text);
void pdf_h3(struct pdf *p, const char *text);

/* ---- tables that continue over pages below their header row */

#define PDF_TABLE_MAX_COLS 8

struct pdf_tcol {
	const char *title; /* msgid */
	double width;	   /* share of the text width */
};

struct pdf_table {
	struct pdf *p;
	const struct pdf_tcol *cols;
	int ncols;
	int row; /* rows drawn so far (for the stripes) */
};

/* Starts a table: its header row, kept together with room for a first row. */
void pdf_table_begin(struct pdf *p, struct pdf_table *t, const struct pdf_tcol *cols, int ncols);
/* One row of plain texts; a row that does not fit goes to the next page, below the header row again. */
void pdf_table_row(struct pdf_table *t, const char *const *cells);
void pdf_table_end(struct pdf_table *t);

#endif
