/* pdf_text.c: the text layer of the printed exports (moved out of the handbook so that the card and later outputs share
 * it). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>


#include "pdf_text.h"
#include "hyphenate.h"
#include "../lib/banned.h"

#define CELL_PAD 3.5
/* A table cell shows at most this many characters; the full text is in the chapter or the register. */
#define CELL_TEXT_MAX 600

/* ---------------------------------------------------------------- fonts and passes */

int pdf_fonts_load(struct pdf *p, const char *const specs[PDF_FONT__MAX])
{
	for (int f = 0; f < PDF_FONT__MAX; f++)
		if (!(p->fonts[f] = pango_font_description_from_string(specs[f])))
			return -1;
	return 0;
}

void pdf_fonts_free(struct pdf *p)
{
	for (int f = 0; f < PDF_FONT__MAX; f++) {
		if (p->fonts[f])
			pango_font_description_free(p->fonts[f]);
		p->fonts[f] = NULL;
	}
}

static cairo_status_t write_sb(void *closure, const unsigned char *data, unsigned int len)
{
	return sb_add(closure, data, len) < 0 ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static cairo_status_t write_nothing(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure, (void)data, (void)len;
	return CAIRO_STATUS_SUCCESS;
}

void pdf_begin(struct pdf *p, int draw, struct strbuf *out, const char *title)
{
	cairo_font_options_t *fo;

	p->draw = draw;
	p->page = 0;
	p->y = p->top;
	p->surface = cairo_pdf_surface_create_for_stream(draw ? write_sb : write_nothing, out, p->page_w, p->page_h);
	p->cr = cairo_create(p->surface);
	p->pc = pango_cairo_create_context(p->cr);
	pango_cairo_context_set_resolution(p->pc, 72);
	/* unhinted metrics: the measuring and the drawing pass lay out the same */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(p->pc, FALSE);
	if (draw) {
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE, title);
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, "krisenfest");
	}
}

enum kf_err pdf_end(struct pdf *p, struct strbuf *out)
{
	enum kf_err err = KF_OK;

	if (p->draw && p->page > 0)
		cairo_show_page(p->cr);
	g_object_unref(p->pc);
	p->pc = NULL;
	cairo_destroy(p->cr);
	p->cr = NULL;
	cairo_surface_finish(p->surface);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		err = p->draw && out && out->failed ? KF_ETOOBIG : KF_EIO;
	cairo_surface_destroy(p->surface);
	p->surface = NULL;
	if (!err && p->t->failed)
		err = KF_ENOMEM;
	return err;
}

/* Cuts text after CELL_TEXT_MAX bytes at a character boundary and adds "…". */
static const char *cell_text(struct pdf *p, const char *s)
{
	size_t n;

	if (!s)
		return "";
	n = strlen(s);
	if (n <= CELL_TEXT_MAX)
		return s;
	n = CELL_TEXT_MAX;
	while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return pt_fmt(p->t, "%.*s …", (int)n, s);
}

/* ---------------------------------------------------------------- layouts and the page flow */

/* 1 when a line of l is wider than width (a word that does not fit). */
static int overflows(PangoLayout *l, double width)
{
	PangoRectangle ink, log;

	pango_layout_get_extents(l, &ink, &log);
	return log.x + log.width > (int)(width * PANGO_SCALE) + PANGO_SCALE;
}

/* A layout of plain text (never markup) in font f, wrapped at word boundaries to width. */
PangoLayout *pdf_layout(struct pdf *p, const char *text, enum pdf_font f, double width)
{
	PangoLayout *l = pango_layout_new(p->pc);
	char *hyphenated;

	pango_layout_set_font_description(l, p->fonts[f]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_text(l, text ? text : "", -1);
	if (!overflows(l, width))
		return l;
	/* a word longer than the line (a narrow table column): break it at its German hyphenation points */
	hyphenated = hyphenate_soft(text);
	if (hyphenated) {
		pango_layout_set_text(l, hyphenated, -1);
		free(hyphenated);
	}
	/* the last resort for a token that still does not fit (a URL): break it between characters */
	if (overflows(l, width))
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	return l;
}

double pdf_layout_height(PangoLayout *l)
{
	int w, hgt;

	pango_layout_get_size(l, &w, &hgt);
	return (double)hgt / PANGO_SCALE;
}

double pdf_layout_width(PangoLayout *l)
{
	int w, hgt;

	pango_layout_get_size(l, &w, &hgt);
	return (double)w / PANGO_SCALE;
}

PangoLayout *pdf_layout_fit(struct pdf *p, const char *text, enum pdf_font f, double width, double height,
			    double min_size)
{
	PangoFontDescription *fd;
	double size = (double)pango_font_description_get_size(p->fonts[f]) / PANGO_SCALE;
	PangoLayout *l = pdf_layout(p, text, f, width);
	char *hyphenated;

	if (pdf_layout_height(l) <= height)
		return l; /* fits as it is: no word broken */
	/* too long: break words at their hyphenation points (between any characters only as the last resort), then shrink */
	hyphenated = hyphenate_soft(text);
	if (hyphenated) {
		pango_layout_set_text(l, hyphenated, -1);
		free(hyphenated);
	}
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	fd = pango_font_description_copy(p->fonts[f]);
	for (;;) {
		pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
		pango_layout_set_font_description(l, fd);
		if (pdf_layout_height(l) <= height || size - 0.5 < min_size)
			break;
		size -= 0.5;
	}
	if (pdf_layout_height(l) > height) {
		/* still too long at the smallest size: cut the last line that fits with "…" */
		pango_layout_set_height(l, (int)(height * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_font_description_free(fd);
	return l;
}

void pdf_rgb(struct pdf *p, double r, double g, double b)
{
	cairo_set_source_rgb(p->cr, r, g, b);
}

/* Draws l with its top left corner at x, y (drawing pass only). */
void pdf_show(struct pdf *p, PangoLayout *l, double x, double y)
{
	if (!p->draw)
		return;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	cairo_new_path(p->cr);
}

/* One line of text at x, y; align: 0 left, 1 centre, 2 right (x is then the centre or right edge). */
void pdf_text_at(struct pdf *p, const char *text, enum pdf_font f, double x, double y, int align, double width)
{
	PangoLayout *l;
	int w, hgt;

	if (!p->draw)
		return;
	l = pango_layout_new(p->pc);
	pango_layout_set_font_description(l, p->fonts[f]);
	pango_layout_set_text(l, text, -1);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	pango_layout_get_size(l, &w, &hgt);
	if (align == 1)
		x -= (double)w / PANGO_SCALE / 2;
	else if (align == 2)
		x -= (double)w / PANGO_SCALE;
	pdf_show(p, l, x, y);
	g_object_unref(l);
}

/* text diagonally across the page ("ENTWURF"), drawn first so that the text lies above it. */
void pdf_watermark(struct pdf *p, const char *text)
{
	PangoLayout *l;
	int w, hgt;

	l = pango_layout_new(p->pc);
	pango_layout_set_font_description(l, p->fonts[PDF_MARK]);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_size(l, &w, &hgt);
	cairo_save(p->cr);
	cairo_translate(p->cr, p->page_w / 2, p->page_h / 2);
	cairo_rotate(p->cr, -atan2(p->page_h, p->page_w));
	cairo_set_source_rgba(p->cr, 0.80, 0.15, 0.15, 0.13);
	cairo_move_to(p->cr, -(double)w / PANGO_SCALE / 2, -(double)hgt / PANGO_SCALE / 2);
	pango_cairo_show_layout(p->cr, l);
	cairo_new_path(p->cr);
	cairo_restore(p->cr);
	g_object_unref(l);
}

void pdf_rule(struct pdf *p, double x0, double x1, double y, double width, double grey)
{
	if (!p->draw)
		return;
	cairo_set_line_width(p->cr, width);
	pdf_rgb(p, grey, grey, grey);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x1, y);
	cairo_stroke(p->cr);
	pdf_rgb(p, 0, 0, 0);
}

/* Ends the current page (if any) and starts the next one. */
void pdf_new_page(struct pdf *p)
{
	if (p->draw && p->page > 0)
		cairo_show_page(p->cr);
	p->page++;
	p->y = p->top;
	if (!p->draw)
		return;
	if (p->on_page)
		p->on_page(p, p->on_page_data);
	pdf_rgb(p, 0, 0, 0);
}

/* Starts a new page unless need points still fit on this one. */
void pdf_need(struct pdf *p, double need_pt)
{
	if (p->y + need_pt > p->bottom)
		pdf_new_page(p);
}

/* Draws l at x line by line from p->y, breaking to the next page between lines. */
void pdf_flow(struct pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);

	do {
		PangoRectangle logical;
		int y0, y1, base;
		double lh;

		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		base = pango_layout_iter_get_baseline(it);
		lh = (double)(y1 - y0) / PANGO_SCALE;
		if (p->y + lh > p->bottom)
			pdf_new_page(p);
		if (p->draw) {
			cairo_move_to(p->cr, x + (double)logical.x / PANGO_SCALE,
				      p->y + (double)(base - y0) / PANGO_SCALE);
			pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
			cairo_new_path(p->cr);
		}
		p->y += lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* A paragraph of plain text in font f, indented by indent, followed by after points of space. */
void pdf_para_f(struct pdf *p, const char *text, enum pdf_font f, double indent, double after)
{
	PangoLayout *l;

	if (!text || !*text)
		return;
	l = pdf_layout(p, text, f, p->width - indent);
	pdf_flow(p, l, p->left + indent);
	g_object_unref(l);
	p->y += after;
}

void pdf_para(struct pdf *p, const char *text)
{
	pdf_para_f(p, text, PDF_BODY, 0, 6);
}

/* The sentence every empty section prints. */
void pdf_empty(struct pdf *p)
{
	pdf_rgb(p, 0.35, 0.35, 0.35);
	pdf_para_f(p, pt_tr(p->t, N_("No entries yet.")), PDF_ITALIC, 0, 6);
	pdf_rgb(p, 0, 0, 0);
}

/* A list item: marker ("•", "3.") in the margin of the text. */
void pdf_item(struct pdf *p, const char *marker, const char *text, double indent)
{
	PangoLayout *l = pdf_layout(p, text, PDF_BODY, p->width - indent - 16);
	PangoLayout *m = pdf_layout(p, marker, PDF_BODY, 16);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int y0, y1;

	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	pango_layout_iter_free(it);
	pdf_need(p, (double)(y1 - y0) / PANGO_SCALE);
	pdf_show(p, m, p->left + indent, p->y);
	pdf_flow(p, l, p->left + indent + 16);
	g_object_unref(l);
	g_object_unref(m);
	p->y += 3;
}

/* A label and its text beside it (the text flows over pages); "not set yet" for an empty text. */
void pdf_pair(struct pdf *p, const char *label, const char *text)
{
	const double lw = 150;
	PangoLayout *lab = pdf_layout(p, label, PDF_BOLD, lw - 8), *val;
	int empty_text = !text || !*text;

	val = pdf_layout(p, empty_text ? pt_tr(p->t, N_("not set yet")) : text, empty_text ? PDF_ITALIC : PDF_BODY,
			 p->width - lw);
	pdf_need(p, fmin(pdf_layout_height(lab), 60));
	pdf_show(p, lab, p->left, p->y);
	{
		double y_label_end = p->y + pdf_layout_height(lab);
		int page = p->page;

		pdf_flow(p, val, p->left + lw);
		if (p->page == page && p->y < y_label_end)
			p->y = y_label_end;
	}
	g_object_unref(lab);
	g_object_unref(val);
	p->y += 4;
}

void pdf_heading(struct pdf *p, const char *text, enum pdf_font f, double before, double after, double keep)
{
	PangoLayout *l = pdf_layout(p, text, f, p->width);

	if (p->y > p->top + 1)
		p->y += before;
	pdf_need(p, pdf_layout_height(l) + keep);
	pdf_rgb(p, 0.10, 0.20, 0.35);
	pdf_show(p, l, p->left, p->y);
	pdf_rgb(p, 0, 0, 0);
	p->y += pdf_layout_height(l) + after;
	g_object_unref(l);
}

void pdf_h2(struct pdf *p, const char *text)
{
	pdf_heading(p, text, PDF_H2, 10, 6, 50);
}

void pdf_h3(struct pdf *p, const char *text)
{
	pdf_heading(p, text, PDF_H3, 6, 4, 40);
}

/* ---------------------------------------------------------------- tables */

static double col_x(const struct pdf_table *t, int i)
{
	double x = t->p->left;

	for (int k = 0; k < i; k++)
		x += t->cols[k].width * t->p->width;
	return x;
}

/* Lays out one row (cells in font f), returns its height; layouts go to ls. */
static double row_layouts(struct pdf_table *t, const char *const *cells, enum pdf_font f, PangoLayout **ls,
			  int translate)
{
	struct pdf *p = t->p;
	double height = 0, max = p->bottom - p->top - 60;

	for (int i = 0; i < t->ncols; i++) {
		const char *s = translate ? pt_tr(p->t, cells[i]) : cell_text(p, cells[i]);

		ls[i] = pdf_layout(p, s, f, t->cols[i].width * p->width - 2 * CELL_PAD);
		if (pdf_layout_height(ls[i]) > max) {
			pango_layout_set_height(ls[i], (int)(max * PANGO_SCALE));
			pango_layout_set_ellipsize(ls[i], PANGO_ELLIPSIZE_END);
		}
		height = fmax(height, pdf_layout_height(ls[i]));
	}
	return height + 2 * CELL_PAD;
}

static void row_draw(struct pdf_table *t, PangoLayout **ls, double height, int header)
{
	struct pdf *p = t->p;

	if (p->draw) {
		if (header)
			cairo_set_source_rgb(p->cr, 0.86, 0.89, 0.93);
		else
			cairo_set_source_rgb(p->cr, 0.965, 0.97, 0.975);
		if (header || t->row % 2) {
			cairo_rectangle(p->cr, p->left, p->y, p->width, height);
			cairo_fill(p->cr);
		}
		pdf_rgb(p, 0, 0, 0);
		for (int i = 0; i < t->ncols; i++)
			pdf_show(p, ls[i], col_x(t, i) + CELL_PAD, p->y + CELL_PAD);
	}
	pdf_rule(p, p->left, p->left + p->width, p->y + height, header ? 0.8 : 0.3, header ? 0.35 : 0.7);
	pdf_rgb(p, 0, 0, 0);
	p->y += height;
}

static void table_header(struct pdf_table *t)
{
	const char *titles[PDF_TABLE_MAX_COLS];
	PangoLayout *ls[PDF_TABLE_MAX_COLS];
	double height;

	for (int i = 0; i < t->ncols; i++)
		titles[i] = t->cols[i].title;
	height = row_layouts(t, titles, PDF_CELL_BOLD, ls, 1);
	row_draw(t, ls, height, 1);
	for (int i = 0; i < t->ncols; i++)
		g_object_unref(ls[i]);
}

/* Starts a table: its header row, kept together with room for a first row. */
void pdf_table_begin(struct pdf *p, struct pdf_table *t, const struct pdf_tcol *cols, int ncols)
{
	*t = (struct pdf_table){.p = p, .cols = cols, .ncols = ncols};
	pdf_need(p, 60);
	table_header(t);
}

/* One row; a row that does not fit goes to the next page, below the header row again. */
void pdf_table_row(struct pdf_table *t, const char *const *cells)
{
	PangoLayout *ls[PDF_TABLE_MAX_COLS];
	double height = row_layouts(t, cells, PDF_CELL, ls, 0);

	if (t->p->y + height > t->p->bottom) {
		pdf_new_page(t->p);
		table_header(t);
	}
	row_draw(t, ls, height, 0);
	t->row++;
	for (int i = 0; i < t->ncols; i++)
		g_object_unref(ls[i]);
}

void pdf_table_end(struct pdf_table *t)
{
	t->p->y += 10;
}

void pdf_text_release_process_caches(void)
{
	hyphenate_release();
	pango_cairo_font_map_set_default(NULL);
	/*
	 * Neither cairo_debug_reset_static_data() nor FcFini(): both assert
	 * that no font is in use any more, while pango still matches fonts on
	 * threads of its own, so either one aborted a finished command now and
	 * then. What fontconfig then keeps is its own: the leak check is told
	 * so in tests/lsan-suppressions.txt, for fontconfig's allocations only.
	 */
}
