/* handbook_pdf.c: the Notfallhandbuch as an A4 PDF with pango/cairo: laid out twice, first for the page numbers, then drawn. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <md4c.h>
#include <pango/pangocairo.h>

#include "handbook_pdf.h"
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
#define CELL_PAD 3.5
#define TABLE_MAX_COLS 8
/* A table cell shows at most this many characters; the full text is in the chapter or the register. */
#define CELL_TEXT_MAX 600

enum font { F_BODY, F_BOLD, F_ITALIC, F_SMALL, F_CELL, F_CELL_BOLD, F_H1, F_H2, F_H3, F_TITLE, F_MARK, F__MAX };

static const char *const font_specs[F__MAX] = {
	[F_BODY] = "DejaVu Sans 9.5",
	[F_BOLD] = "DejaVu Sans Bold 9.5",
	[F_ITALIC] = "DejaVu Sans Oblique 9.5",
	[F_SMALL] = "DejaVu Sans 7.5",
	[F_CELL] = "DejaVu Sans Condensed 8",
	[F_CELL_BOLD] = "DejaVu Sans Condensed Bold 8",
	[F_H1] = "DejaVu Sans Bold 18",
	[F_H2] = "DejaVu Sans Bold 12.5",
	[F_H3] = "DejaVu Sans Bold 10.5",
	[F_TITLE] = "DejaVu Sans Bold 30",
	[F_MARK] = "DejaVu Sans Bold 110",
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
	enum kf_lang lang;
	struct arena *a;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *pc;
	PangoFontDescription *fonts[F__MAX];
	int draw;    /* 0: the measuring pass, 1: the drawing pass */
	int page;    /* the current page, 1-based (0 before the first) */
	int npages;  /* the total of the measuring pass (drawing pass only) */
	double y;    /* top of the next line on the page */
	int chapter_page[CH__MAX];
	int toc_page[CH__MAX]; /* the measuring pass's pages, printed by the drawing pass */
	int failed;  /* out of memory */
	struct recovery_result order;
};

/* The translation of msgid, "" for "" (the catalogue maps "" to its header). */
static const char *tr(const struct hb *h, const char *msgid)
{
	return msgid && *msgid ? i18n_tr(h->lang, msgid) : "";
}

/* An arena copy of a printf result; "" (and failed set) when out of memory. */
static const char *fmt(struct hb *h, const char *f, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(struct hb *h, const char *f, ...)
{
	struct strbuf sb;
	const char *s;
	va_list ap;

	sb_init(&sb, 1 << 20);
	va_start(ap, f);
	sb_vaddf(&sb, f, ap);
	va_end(ap);
	s = sb.failed ? NULL : arena_strdup(h->a, sb.buf);
	sb_release(&sb);
	if (!s) {
		h->failed = 1;
		return "";
	}
	return s;
}

/* tmpl with each "%s", in order, replaced by args (translated templates are no printf formats). */
static const char *subst(struct hb *h, const char *tmpl, const char *a1, const char *a2, const char *a3)
{
	const char *s = backup_subst(h->a, tmpl, a1, a2, a3);

	if (!s) {
		h->failed = 1;
		return "";
	}
	return s;
}

/* "2026-11-28" as "28.11.2026" (German) or as it is (English), in the arena. */
static const char *date_text(struct hb *h, const char *iso)
{
	char buf[16];

	if (!iso || !*iso)
		return "";
	if (h->lang != KF_LANG_DE)
		return iso;
	kf_date_german(iso, buf);
	return fmt(h, "%s", buf);
}

/* "2026-11-28 14:05" with the date part in the reader's style. */
static const char *datetime_text(struct hb *h, const char *s)
{
	char day[11];

	if (!s || strlen(s) < 10)
		return s ? s : "";
	memcpy(day, s, 10);
	day[10] = 0;
	return fmt(h, "%s%s", date_text(h, day), s + 10);
}

static const char *unix_date_text(struct hb *h, int64_t t)
{
	char day[11];

	if (t <= 0)
		return "";
	kf_date_iso(t, day);
	return date_text(h, day);
}

static const char *num(struct hb *h, int64_t v)
{
	return fmt(h, "%lld", (long long)v);
}

/* "4 h" for hours, "—" for -1. */
static const char *hours_text(struct hb *h, int64_t hours)
{
	return hours < 0 ? "—" : fmt(h, "%lld h", (long long)hours);
}

static const char *minutes_text(struct hb *h, int64_t minutes)
{
	const char *s;

	if (minutes < 0)
		return "—";
	s = backup_minutes_text(h->a, minutes);
	if (!s)
		h->failed = 1;
	return s ? s : "";
}

/* Whole euros with dots between thousands ("12.000 €"). */
static const char *euro_text(struct hb *h, int64_t v)
{
	char digits[32], out[48];
	size_t n, j = 0;

	if (v < 0)
		return "—";
	snprintf(digits, sizeof(digits), "%lld", (long long)v);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[j++] = h->lang == KF_LANG_DE ? '.' : ',';
		out[j++] = digits[i];
	}
	out[j] = 0;
	return fmt(h, "%s €", out);
}

/* ---------------------------------------------------------------- Markdown as plain text */

struct md_plain {
	struct strbuf *sb;
	int ol_start[8]; /* next number per list level; 0 = bullets */
	int depth;
};

static int md_enter(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md_plain *m = ud;

	switch (type) {
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (m->depth < 7)
			m->depth++;
		m->ol_start[m->depth] = type == MD_BLOCK_OL ? (int)((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		if (m->sb->len && m->sb->buf[m->sb->len - 1] != '\n')
			sb_addc(m->sb, '\n');
		break;
	case MD_BLOCK_LI:
		for (int i = 1; i < m->depth; i++)
			sb_adds(m->sb, "   ");
		if (m->ol_start[m->depth])
			sb_addf(m->sb, "%d. ", m->ol_start[m->depth]++);
		else
			sb_adds(m->sb, "• ");
		break;
	case MD_BLOCK_HR:
		sb_adds(m->sb, "———\n");
		break;
	default:
		break;
	}
	return 0;
}

static int md_leave(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md_plain *m = ud;

	(void)detail;
	switch (type) {
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (m->depth > 0)
			m->depth--;
		break;
	case MD_BLOCK_P:
	case MD_BLOCK_H:
	case MD_BLOCK_CODE:
	case MD_BLOCK_LI:
	case MD_BLOCK_QUOTE:
	case MD_BLOCK_TR:
		if (m->sb->len && m->sb->buf[m->sb->len - 1] != '\n')
			sb_addc(m->sb, '\n');
		break;
	case MD_BLOCK_TD:
	case MD_BLOCK_TH:
		sb_adds(m->sb, "  ");
		break;
	default:
		break;
	}
	return 0;
}

static int md_span(MD_SPANTYPE type, void *detail, void *ud)
{
	(void)type, (void)detail, (void)ud;
	return 0;
}

/* The few entities people type; others stay as written. */
static void md_entity(struct strbuf *sb, const char *t, size_t n)
{
	static const struct {
		const char *name, *text;
	} known[] = { { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&nbsp;", " " },
		      { "&auml;", "ä" }, { "&ouml;", "ö" }, { "&uuml;", "ü" }, { "&szlig;", "ß" }, { "&euro;", "€" } };

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i].name) == n && memcmp(known[i].name, t, n) == 0) {
			sb_adds(sb, known[i].text);
			return;
		}
	sb_add(sb, t, n);
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
	struct md_plain *m = ud;

	switch (type) {
	case MD_TEXT_BR:
		sb_addc(m->sb, '\n');
		break;
	case MD_TEXT_SOFTBR:
		sb_addc(m->sb, ' ');
		break;
	case MD_TEXT_NULLCHAR:
		break;
	case MD_TEXT_ENTITY:
		md_entity(m->sb, text, size);
		break;
	default:
		sb_add(m->sb, text, size);
		break;
	}
	return 0;
}

/* Markdown src as plain text (lists with bullets or numbers, one line per paragraph), in the arena. */
static const char *md_plain(struct hb *h, const char *src)
{
	struct strbuf sb;
	struct md_plain m = { .sb = &sb };
	MD_PARSER p = { .abi_version = 0, .flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH,
			.enter_block = md_enter, .leave_block = md_leave, .enter_span = md_span,
			.leave_span = md_span, .text = md_text };
	const char *s;
	size_t n = src ? strlen(src) : 0;

	if (!n)
		return "";
	sb_init(&sb, 1 << 20);
	if (md_parse(src, (MD_SIZE)n, &p, &m) != 0)
		sb_add(&sb, src, n);
	while (sb.len && sb.buf[sb.len - 1] == '\n')
		sb.buf[--sb.len] = 0;
	s = sb.failed ? NULL : arena_strdup(h->a, sb.buf);
	sb_release(&sb);
	if (!s)
		h->failed = 1;
	return s ? s : "";
}

/* ---------------------------------------------------------------- lookups */

static const struct contact *contact_of(const struct hb *h, int64_t id)
{
	for (size_t i = 0; id && i < h->doc->d.ncontacts; i++)
		if (h->doc->d.contacts[i].id == id)
			return &h->doc->d.contacts[i];
	return NULL;
}

static const struct role *role_of(const struct hb *h, int64_t id)
{
	for (size_t i = 0; id && i < h->doc->d.nroles; i++)
		if (h->doc->d.roles[i].id == id)
			return &h->doc->d.roles[i];
	return NULL;
}

static const struct system *system_of(const struct hb *h, int64_t id)
{
	for (size_t i = 0; id && i < h->doc->d.nsystems; i++)
		if (h->doc->d.systems[i].id == id)
			return &h->doc->d.systems[i];
	return NULL;
}

static const struct process *process_of(const struct hb *h, int64_t id)
{
	for (size_t i = 0; id && i < h->doc->d.nprocesses; i++)
		if (h->doc->d.processes[i].id == id)
			return &h->doc->d.processes[i];
	return NULL;
}

static const struct backup *backup_of(const struct hb *h, int64_t id)
{
	for (size_t i = 0; id && i < h->doc->d.nbackups; i++)
		if (h->doc->d.backups[i].id == id)
			return &h->doc->d.backups[i];
	return NULL;
}

static const char *contact_name(const struct hb *h, int64_t id)
{
	const struct contact *c = contact_of(h, id);

	return c ? c->name : "—";
}

/* The number to dial first: the first mobile, else the first number; NULL when none. */
static const struct phone *best_phone(const struct contact *c)
{
	for (int i = 0; i < c->nphones; i++)
		if (c->phones[i].kind == PHONE_MOBILE)
			return &c->phones[i];
	return c->nphones ? &c->phones[0] : NULL;
}

/* "Erika Muster, 0171 3920011" (the first number to dial), or the name alone. */
static const char *person_reach(struct hb *h, const struct contact *c)
{
	const struct phone *p;

	if (!c)
		return tr(h, N_("nobody yet"));
	p = best_phone(c);
	if (p)
		return fmt(h, "%s, %s", c->name, p->number);
	if (*c->email)
		return fmt(h, "%s, %s", c->name, c->email);
	return c->name;
}

/* Every number of c, one per line: "Mobile: 0171 …". */
static const char *phones_text(struct hb *h, const struct contact *c)
{
	struct strbuf sb;
	const char *s;

	if (!c->nphones)
		return "—";
	sb_init(&sb, 64 * 1024);
	for (int i = 0; i < c->nphones; i++)
		sb_addf(&sb, "%s%s: %s", i ? "\n" : "", tr(h, phone_kind_label(c->phones[i].kind)), c->phones[i].number);
	s = sb.failed ? NULL : arena_strdup(h->a, sb.buf);
	sb_release(&sb);
	if (!s)
		h->failed = 1;
	return s ? s : "";
}

/* "Notfallleitung: Erika Muster, 0171 …" for a role. */
static const char *role_reach(struct hb *h, int64_t role_id)
{
	const struct role *r = role_of(h, role_id);

	if (!r)
		return tr(h, N_("nobody yet"));
	if (!r->primary_contact_id)
		return fmt(h, "%s: %s", r->name, tr(h, N_("nobody yet")));
	return fmt(h, "%s: %s", r->name, person_reach(h, contact_of(h, r->primary_contact_id)));
}

/* Joins the names of system ids with ", ". */
static const char *system_names(struct hb *h, const int64_t *ids, int n)
{
	struct strbuf sb;
	const char *s;
	int k = 0;

	if (n <= 0)
		return "—";
	sb_init(&sb, 64 * 1024);
	for (int i = 0; i < n; i++) {
		const struct system *sys = system_of(h, ids[i]);

		if (sys)
			sb_addf(&sb, "%s%s", k++ ? ", " : "", sys->name);
	}
	s = sb.failed ? NULL : arena_strdup(h->a, k ? sb.buf : "—");
	sb_release(&sb);
	if (!s)
		h->failed = 1;
	return s ? s : "";
}

/* Cuts text after CELL_TEXT_MAX bytes at a character boundary and adds "…". */
static const char *cell_text(struct hb *h, const char *s)
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
	return fmt(h, "%.*s …", (int)n, s);
}

/* ---------------------------------------------------------------- layouts and the page flow */

/* A layout of plain text (never markup) in font f, wrapped at word boundaries to width. */
static PangoLayout *layout(struct hb *h, const char *text, enum font f, double width)
{
	PangoLayout *l = pango_layout_new(h->pc);
	PangoRectangle ink, log;

	pango_layout_set_font_description(l, h->fonts[f]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_text(l, text ? text : "", -1);
	/* the last resort for a single token longer than the line (a URL): break it between characters */
	pango_layout_get_extents(l, &ink, &log);
	if (log.x + log.width > (int)(width * PANGO_SCALE) + PANGO_SCALE)
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, hgt;

	pango_layout_get_size(l, &w, &hgt);
	return (double)hgt / PANGO_SCALE;
}

static void set_rgb(struct hb *h, double r, double g, double b)
{
	cairo_set_source_rgb(h->cr, r, g, b);
}

/* Draws l with its top left corner at x, y (drawing pass only). */
static void show(struct hb *h, PangoLayout *l, double x, double y)
{
	if (!h->draw)
		return;
	cairo_move_to(h->cr, x, y);
	pango_cairo_show_layout(h->cr, l);
	cairo_new_path(h->cr);
}

/* One line of text at x, y; align: 0 left, 1 centre, 2 right (x is then the centre or right edge). */
static void text_at(struct hb *h, const char *text, enum font f, double x, double y, int align, double width)
{
	PangoLayout *l;
	int w, hgt;

	if (!h->draw)
		return;
	l = pango_layout_new(h->pc);
	pango_layout_set_font_description(l, h->fonts[f]);
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
	show(h, l, x, y);
	g_object_unref(l);
}

/* The diagonal "ENTWURF" across the page (drawn first, so the text lies above it). */
static void watermark(struct hb *h)
{
	PangoLayout *l;
	int w, hgt;

	l = pango_layout_new(h->pc);
	pango_layout_set_font_description(l, h->fonts[F_MARK]);
	pango_layout_set_text(l, tr(h, N_("DRAFT")), -1);
	pango_layout_get_size(l, &w, &hgt);
	cairo_save(h->cr);
	cairo_translate(h->cr, PAGE_W / 2, PAGE_H / 2);
	cairo_rotate(h->cr, -atan2(PAGE_H, PAGE_W));
	cairo_set_source_rgba(h->cr, 0.80, 0.15, 0.15, 0.13);
	cairo_move_to(h->cr, -(double)w / PANGO_SCALE / 2, -(double)hgt / PANGO_SCALE / 2);
	pango_cairo_show_layout(h->cr, l);
	cairo_new_path(h->cr);
	cairo_restore(h->cr);
	g_object_unref(l);
}

static void rule(struct hb *h, double x0, double x1, double y, double width, double grey)
{
	if (!h->draw)
		return;
	cairo_set_line_width(h->cr, width);
	set_rgb(h, grey, grey, grey);
	cairo_move_to(h->cr, x0, y);
	cairo_line_to(h->cr, x1, y);
	cairo_stroke(h->cr);
	set_rgb(h, 0, 0, 0);
}

/* Header and footer of a page after the cover. */
static void running_head(struct hb *h)
{
	const struct export_stamp *st = &h->doc->stamp;
	const char *version = st->draft ? tr(h, N_("Draft"))
					: subst(h, tr(h, N_("Plan version %s")), num(h, st->plan_version), NULL, NULL);
	const char *right = fmt(h, "%s · %s", tr(h, N_("IT emergency handbook")), version);
	const char *page = subst(h, tr(h, N_("Page %s of %s")), num(h, h->page), num(h, h->npages), NULL);

	set_rgb(h, 0.30, 0.30, 0.30);
	text_at(h, h->doc->org_name, F_SMALL, MARGIN_L, 36, 0, BODY_W * 0.5);
	text_at(h, right, F_SMALL, PAGE_W - MARGIN_R, 36, 2, 0);
	rule(h, MARGIN_L, PAGE_W - MARGIN_R, 50, 0.6, 0.55);
	rule(h, MARGIN_L, PAGE_W - MARGIN_R, PAGE_H - 50, 0.6, 0.55);
	set_rgb(h, 0.30, 0.30, 0.30);
	text_at(h, subst(h, tr(h, N_("As of %s")), datetime_text(h, st->made_at), NULL, NULL), F_SMALL, MARGIN_L,
		PAGE_H - 45, 0, 0);
	text_at(h, tr(h, N_("Confidential – for internal use only")), F_SMALL, PAGE_W / 2, PAGE_H - 45, 1, 0);
	text_at(h, page, F_SMALL, PAGE_W - MARGIN_R, PAGE_H - 45, 2, 0);
	set_rgb(h, 0, 0, 0);
}

/* Ends the current page (if any) and starts the next one. */
static void new_page(struct hb *h)
{
	if (h->draw && h->page > 0)
		cairo_show_page(h->cr);
	h->page++;
	h->y = BODY_TOP;
	if (!h->draw)
		return;
	if (h->doc->stamp.draft)
		watermark(h);
	if (h->page > 1)
		running_head(h);
	set_rgb(h, 0, 0, 0);
}

/* Starts a new page unless need points still fit on this one. */
static void need(struct hb *h, double need_pt)
{
	if (h->y + need_pt > BODY_BOTTOM)
		new_page(h);
}

/* Draws l at x line by line from h->y, breaking to the next page between lines. */
static void flow(struct hb *h, PangoLayout *l, double x)
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
		if (h->y + lh > BODY_BOTTOM)
			new_page(h);
		if (h->draw) {
			cairo_move_to(h->cr, x + (double)logical.x / PANGO_SCALE, h->y + (double)(base - y0) / PANGO_SCALE);
			pango_cairo_show_layout_line(h->cr, pango_layout_iter_get_line_readonly(it));
			cairo_new_path(h->cr);
		}
		h->y += lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* A paragraph of plain text in font f, indented by indent, followed by after points of space. */
static void para_f(struct hb *h, const char *text, enum font f, double indent, double after)
{
	PangoLayout *l;

	if (!text || !*text)
		return;
	l = layout(h, text, f, BODY_W - indent);
	flow(h, l, MARGIN_L + indent);
	g_object_unref(l);
	h->y += after;
}

static void para(struct hb *h, const char *text)
{
	para_f(h, text, F_BODY, 0, 6);
}

/* The sentence every empty section prints. */
static void empty(struct hb *h)
{
	set_rgb(h, 0.35, 0.35, 0.35);
	para_f(h, tr(h, N_("No entries yet.")), F_ITALIC, 0, 6);
	set_rgb(h, 0, 0, 0);
}

/* A list item: marker ("•", "3.") in the margin of the text. */
static void item(struct hb *h, const char *marker, const char *text, double indent)
{
	PangoLayout *l = layout(h, text, F_BODY, BODY_W - indent - 16);
	PangoLayout *m = layout(h, marker, F_BODY, 16);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int y0, y1;

	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	pango_layout_iter_free(it);
	need(h, (double)(y1 - y0) / PANGO_SCALE);
	show(h, m, MARGIN_L + indent, h->y);
	flow(h, l, MARGIN_L + indent + 16);
	g_object_unref(l);
	g_object_unref(m);
	h->y += 3;
}

/* A label and its text beside it (the text flows over pages); "not set yet" for an empty text. */
static void pair(struct hb *h, const char *label, const char *text)
{
	const double lw = 150;
	PangoLayout *lab = layout(h, label, F_BOLD, lw - 8), *val;
	int empty_text = !text || !*text;

	val = layout(h, empty_text ? tr(h, N_("not set yet")) : text, empty_text ? F_ITALIC : F_BODY, BODY_W - lw);
	need(h, fmin(layout_height(lab), 60));
	show(h, lab, MARGIN_L, h->y);
	{
		double y_label_end = h->y + layout_height(lab);
		int page = h->page;

		flow(h, val, MARGIN_L + lw);
		if (h->page == page && h->y < y_label_end)
			h->y = y_label_end;
	}
	g_object_unref(lab);
	g_object_unref(val);
	h->y += 4;
}

static void heading(struct hb *h, const char *text, enum font f, double before, double after, double keep)
{
	PangoLayout *l = layout(h, text, f, BODY_W);

	if (h->y > BODY_TOP + 1)
		h->y += before;
	need(h, layout_height(l) + keep);
	set_rgb(h, 0.10, 0.20, 0.35);
	show(h, l, MARGIN_L, h->y);
	set_rgb(h, 0, 0, 0);
	h->y += layout_height(l) + after;
	g_object_unref(l);
}

static void h2(struct hb *h, const char *text)
{
	heading(h, text, F_H2, 10, 6, 50);
}

static void h3(struct hb *h, const char *text)
{
	heading(h, text, F_H3, 6, 4, 40);
}

/* A chapter starts on a new page with its number and title; the drawing pass adds a bookmark. */
static void chapter(struct hb *h, enum hb_chapter ch, const char *intro)
{
	const char *title = fmt(h, "%s  %s", chapter_numbers[ch], tr(h, chapter_titles[ch]));

	new_page(h);
	h->chapter_page[ch] = h->page;
	if (h->draw && h->surface)
		cairo_pdf_surface_add_outline(h->surface, CAIRO_PDF_OUTLINE_ROOT, title, fmt(h, "page=%d", h->page), 0);
	heading(h, title, F_H1, 0, 6, 0);
	rule(h, MARGIN_L, PAGE_W - MARGIN_R, h->y, 1.2, 0.25);
	h->y += 12;
	if (intro)
		para(h, intro);
}

/* ---------------------------------------------------------------- tables */

struct tcol {
	const char *title; /* msgid */
	double width;      /* share of the body width */
};

struct table {
	struct hb *h;
	const struct tcol *cols;
	int ncols;
	int row; /* rows drawn so far (for the stripes) */
};

static double col_x(const struct table *t, int i)
{
	double x = MARGIN_L;

	for (int k = 0; k < i; k++)
		x += t->cols[k].width * BODY_W;
	return x;
}

/* Lays out one row (cells in font f), returns its height; layouts go to ls. */
static double row_layouts(struct table *t, const char *const *cells, enum font f, PangoLayout **ls, int translate)
{
	struct hb *h = t->h;
	double height = 0, max = BODY_BOTTOM - BODY_TOP - 60;

	for (int i = 0; i < t->ncols; i++) {
		const char *s = translate ? tr(h, cells[i]) : cell_text(h, cells[i]);

		ls[i] = layout(h, s, f, t->cols[i].width * BODY_W - 2 * CELL_PAD);
		if (layout_height(ls[i]) > max) {
			pango_layout_set_height(ls[i], (int)(max * PANGO_SCALE));
			pango_layout_set_ellipsize(ls[i], PANGO_ELLIPSIZE_END);
		}
		height = fmax(height, layout_height(ls[i]));
	}
	return height + 2 * CELL_PAD;
}

static void row_draw(struct table *t, PangoLayout **ls, double height, int header)
{
	struct hb *h = t->h;

	if (h->draw) {
		if (header)
			cairo_set_source_rgb(h->cr, 0.86, 0.89, 0.93);
		else
			cairo_set_source_rgb(h->cr, 0.965, 0.97, 0.975);
		if (header || t->row % 2) {
			cairo_rectangle(h->cr, MARGIN_L, h->y, BODY_W, height);
			cairo_fill(h->cr);
		}
		set_rgb(h, 0, 0, 0);
		for (int i = 0; i < t->ncols; i++)
			show(h, ls[i], col_x(t, i) + CELL_PAD, h->y + CELL_PAD);
	}
	rule(h, MARGIN_L, PAGE_W - MARGIN_R, h->y + height, header ? 0.8 : 0.3, header ? 0.35 : 0.7);
	set_rgb(h, 0, 0, 0);
	h->y += height;
}

static void table_header(struct table *t)
{
	const char *titles[TABLE_MAX_COLS];
	PangoLayout *ls[TABLE_MAX_COLS];
	double height;

	for (int i = 0; i < t->ncols; i++)
		titles[i] = t->cols[i].title;
	height = row_layouts(t, titles, F_CELL_BOLD, ls, 1);
	row_draw(t, ls, height, 1);
	for (int i = 0; i < t->ncols; i++)
		g_object_unref(ls[i]);
}

/* Starts a table: its header row, kept together with room for a first row. */
static void table_begin(struct hb *h, struct table *t, const struct tcol *cols, int ncols)
{
	*t = (struct table){ .h = h, .cols = cols, .ncols = ncols };
	need(h, 60);
	table_header(t);
}

/* One row; a row that does not fit goes to the next page, below the header row again. */
static void table_row(struct table *t, const char *const *cells)
{
	PangoLayout *ls[TABLE_MAX_COLS];
	double height = row_layouts(t, cells, F_CELL, ls, 0);

	if (t->h->y + height > BODY_BOTTOM) {
		new_page(t->h);
		table_header(t);
	}
	row_draw(t, ls, height, 0);
	t->row++;
	for (int i = 0; i < t->ncols; i++)
		g_object_unref(ls[i]);
}

static void table_end(struct table *t)
{
	t->h->y += 10;
}

/* ---------------------------------------------------------------- cover and contents */

static void cover(struct hb *h)
{
	const struct export_stamp *st = &h->doc->stamp;
	const char *version;
	PangoLayout *l;

	new_page(h);
	h->y = 150;
	set_rgb(h, 0.10, 0.20, 0.35);
	para_f(h, h->doc->org_name, F_H2, 0, 14);
	l = layout(h, tr(h, N_("IT emergency handbook")), F_TITLE, BODY_W);
	show(h, l, MARGIN_L, h->y);
	h->y += layout_height(l) + 10;
	g_object_unref(l);
	rule(h, MARGIN_L, PAGE_W - MARGIN_R, h->y, 2, 0.25);
	h->y += 24;
	set_rgb(h, 0, 0, 0);
	if (st->draft)
		version = tr(h, N_("Working state – draft, not approved"));
	else
		version = subst(h, tr(h, N_("Plan version %s, approved on %s by %s")), num(h, st->plan_version),
				date_text(h, st->approved_at), st->approved_by);
	para_f(h, version, F_H3, 0, 14);
	pair(h, tr(h, N_("Made on")), datetime_text(h, st->made_at));
	pair(h, tr(h, N_("Check code")), st->hash[0] ? st->hash : "—");
	h->y += 4;
	para_f(h, tr(h, N_("The check code matches this copy with the copies register: a copy with another code "
			   "holds another state of the plan.")),
	       F_SMALL, 0, 30);
	/* the confidentiality mark in a frame */
	l = layout(h, tr(h, N_("Confidential – for internal use only")), F_H3, BODY_W - 24);
	if (h->draw) {
		cairo_set_line_width(h->cr, 1.5);
		set_rgb(h, 0.55, 0.10, 0.10);
		cairo_rectangle(h->cr, MARGIN_L, h->y, BODY_W, layout_height(l) + 20);
		cairo_stroke(h->cr);
	}
	show(h, l, MARGIN_L + 12, h->y + 10);
	h->y += layout_height(l) + 32;
	g_object_unref(l);
	set_rgb(h, 0, 0, 0);
	para_f(h, tr(h, N_("In an emergency start with chapter 1. Keep a printed copy outside the company, too: when "
			   "the IT is down, this paper is the plan.")),
	       F_BODY, 0, 6);
}

static void contents(struct hb *h)
{
	new_page(h);
	heading(h, tr(h, N_("Contents")), F_H1, 0, 6, 0);
	rule(h, MARGIN_L, PAGE_W - MARGIN_R, h->y, 1.2, 0.25);
	h->y += 16;
	for (int ch = 0; ch < CH__MAX; ch++) {
		const char *title = tr(h, chapter_titles[ch]);
		const char *page = h->toc_page[ch] ? num(h, h->toc_page[ch]) : "";
		PangoLayout *l;
		int w, hgt;

		if (ch == CH_A_CONTACTS) {
			heading(h, tr(h, N_("Appendices")), F_H3, 10, 6, 20);
		}
		l = layout(h, fmt(h, "%s\t%s", chapter_numbers[ch], title), F_BODY, BODY_W - 40);
		{
			PangoTabArray *tabs = pango_tab_array_new_with_positions(1, TRUE, PANGO_TAB_LEFT, 24);

			pango_layout_set_tabs(l, tabs);
			pango_tab_array_free(tabs);
		}
		pango_layout_get_size(l, &w, &hgt);
		if (h->draw) {
			double y = h->y + (double)hgt / PANGO_SCALE - 4;
			double x0 = MARGIN_L + (double)w / PANGO_SCALE + 6, x1 = PAGE_W - MARGIN_R - 26;
			static const double dots[] = { 0.1, 3.5 };

			show(h, l, MARGIN_L, h->y);
			text_at(h, page, F_BODY, PAGE_W - MARGIN_R, h->y, 2, 0);
			if (x1 > x0) {
				cairo_save(h->cr);
				cairo_set_dash(h->cr, dots, 2, 0);
				cairo_set_line_cap(h->cr, CAIRO_LINE_CAP_ROUND);
				cairo_set_line_width(h->cr, 1);
				set_rgb(h, 0.4, 0.4, 0.4);
				cairo_move_to(h->cr, x0, y);
				cairo_line_to(h->cr, x1, y);
				cairo_stroke(h->cr);
				cairo_restore(h->cr);
			}
		}
		h->y += (double)hgt / PANGO_SCALE + 7;
		g_object_unref(l);
	}
}

/* ---------------------------------------------------------------- 1 immediate actions */

/* The first person the chain calls (the first step's callee), or NULL. */
static const struct contact *first_callee(const struct hb *h)
{
	return h->doc->nsteps ? contact_of(h, h->doc->steps[0].callee_contact_id) : NULL;
}

static int risk_by_score(const void *x, const void *y)
{
	const struct risk *a = *(const struct risk *const *)x, *b = *(const struct risk *const *)y;
	int sa = risk_score(a), sb = risk_score(b);

	if (sa != sb)
		return sb - sa;
	return strcmp(a->title, b->title);
}

/* The risks that are not closed, by score (highest first), in the arena; *n_r their number. */
static const struct risk **risks_sorted(struct hb *h, size_t *n_r, int with_actions_only)
{
	const struct risk **list = ARENA_NEW(h->a, const struct risk *, h->doc->d.nrisks + 1);
	size_t n = 0;

	if (!list) {
		h->failed = 1;
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
	qsort(list, n, sizeof(*list), risk_by_score);
	*n_r = n;
	return list;
}

static void ch_immediate(struct hb *h)
{
	const struct alarm_plan *ap = h->doc->d.alarm_plan;
	const struct contact *first = first_callee(h);
	const struct risk **risks;
	size_t n;
	int k = 1;

	chapter(h, CH_IMMEDIATE,
		tr(h, N_("What to do first when the IT fails or an attack is suspected. Work through the list from the top; "
			 "the chapters after it say how to go on.")));
	h2(h, tr(h, N_("The first minutes")));
	item(h, fmt(h, "%d.", k++),
	     tr(h, N_("Safety first: people before technology. With fire or danger to life call 112 at once.")), 0);
	item(h, fmt(h, "%d.", k++),
	     first ? subst(h, tr(h, N_("Report the emergency at once to %s.")), person_reach(h, first), NULL, NULL)
		   : tr(h, N_("Report the emergency at once to the emergency leadership (the alarm chain is not set up "
			      "yet).")),
	     0);
	item(h, fmt(h, "%d.", k++),
	     tr(h, N_("With a suspected attack (ransom note, strange messages, files that cannot be opened): pull the "
		      "network cable and switch off Wi-Fi of the affected devices, but leave them switched on. Pay "
		      "nothing.")),
	     0);
	item(h, fmt(h, "%d.", k++),
	     tr(h, N_("Write down what happened, when, and what you saw; take photos of messages on screens.")), 0);
	item(h, fmt(h, "%d.", k++),
	     tr(h, N_("Delete nothing and do not try repairs on your own; wait for the emergency team.")), 0);
	item(h, fmt(h, "%d.", k++),
	     tr(h, N_("The emergency team follows the alarm chain (chapter 2), brings the systems back in the recovery "
		      "order (chapters 5 and 7) and keeps the business going with the workarounds (chapter 8).")),
	     0);

	h2(h, tr(h, N_("Where the crisis team meets")));
	pair(h, tr(h, N_("Meeting place")), ap ? ap->meeting_place : "");
	pair(h, tr(h, N_("Fallback place (when the office cannot be used)")), ap ? ap->meeting_fallback : "");
	pair(h, tr(h, N_("Phone or video bridge")), ap ? ap->phone_bridge : "");

	h2(h, tr(h, N_("First actions by scenario")));
	risks = risks_sorted(h, &n, 1);
	if (!n)
		empty(h);
	for (size_t i = 0; i < n; i++) {
		h3(h, risks[i]->title);
		para(h, md_plain(h, risks[i]->immediate_actions));
	}
}

/* ---------------------------------------------------------------- 2 alarm chain */

/* "Notfallleitung (Erika Muster)" for a role, the name for a contact, NULL for nobody. */
static const char *caller_name(struct hb *h, const struct alarm_step *s)
{
	const struct contact *c;
	const struct role *ro;

	if (s->caller_role_id) {
		ro = role_of(h, s->caller_role_id);
		if (!ro)
			return "?";
		c = contact_of(h, ro->primary_contact_id);
		return c ? fmt(h, "%s (%s)", ro->name, c->name) : ro->name;
	}
	if (s->caller_contact_id) {
		c = contact_of(h, s->caller_contact_id);
		return c ? c->name : "?";
	}
	return NULL;
}

/* " (Phone, 0171 …)": how the contact is reached on the channel. */
static const char *reach(struct hb *h, const struct contact *c, enum alarm_channel ch)
{
	const struct phone *p = c ? best_phone(c) : NULL;

	if (ch == CHANNEL_EMAIL && c && *c->email)
		return fmt(h, " (%s, %s)", tr(h, alarm_channel_label(ch)), c->email);
	if (p)
		return fmt(h, " (%s, %s)", tr(h, alarm_channel_label(ch)), p->number);
	if (c)
		return fmt(h, " (%s, %s)", tr(h, alarm_channel_label(ch)), tr(h, N_("no number")));
	return fmt(h, " (%s)", tr(h, alarm_channel_label(ch)));
}

static void ch_alarm(struct hb *h)
{
	const struct alarm_plan *ap = h->doc->d.alarm_plan;

	chapter(h, CH_ALARM,
		tr(h, N_("Who calls whom when an emergency happens, where the crisis team meets, and who may declare the "
			 "emergency.")));
	h2(h, tr(h, N_("Who calls whom")));
	if (!h->doc->nsteps)
		empty(h);
	for (size_t i = 0; i < h->doc->nsteps; i++) {
		const struct alarm_step *s = &h->doc->steps[i];
		const struct contact *callee = contact_of(h, s->callee_contact_id);
		const char *caller = caller_name(h, s), *who = callee ? callee->name : "?", *line;
		int phone = s->channel == CHANNEL_PHONE;

		if (caller)
			line = subst(h, tr(h, phone ? N_("%s calls %s") : N_("%s informs %s")), caller, who, NULL);
		else
			line = subst(h,
				     tr(h, phone ? N_("Whoever notices the emergency calls %s")
						 : N_("Whoever notices the emergency informs %s")),
				     who, NULL, NULL);
		line = fmt(h, "%s%s.", line, reach(h, callee, s->channel));
		if (s->escalate_after_minutes > 0) {
			const struct contact *esc = contact_of(h, s->escalate_to_contact_id);

			line = fmt(h, "%s\n%s%s.", line,
				   subst(h, tr(h, N_("No answer after %s minutes: on to %s")),
					 num(h, s->escalate_after_minutes), esc ? esc->name : "?", NULL),
				   reach(h, esc, s->channel));
		}
		if (*s->note)
			line = fmt(h, "%s\n%s", line, s->note);
		item(h, fmt(h, "%zu.", i + 1), line, 0);
	}

	h2(h, tr(h, N_("Who may declare an emergency")));
	if (!ap || !ap->ndeclare_roles)
		empty(h);
	for (int i = 0; ap && i < ap->ndeclare_roles; i++)
		item(h, "•", role_reach(h, ap->declare_role_ids[i]), 0);
	pair(h, tr(h, N_("On which criteria")), ap ? md_plain(h, ap->declare_criteria) : "");

	h2(h, tr(h, N_("Who reports data breaches")));
	para(h, tr(h, N_("When personal data may have been lost or seen by strangers, the breach must be reported to the "
			 "data protection authority within 72 hours (GDPR Art. 33).")));
	pair(h, tr(h, N_("Role that reports to the authority")),
	     ap && ap->breach_report_role_id ? role_reach(h, ap->breach_report_role_id) : "");
	pair(h, tr(h, N_("Notes on reporting")), ap ? md_plain(h, ap->breach_notes) : "");
}

/* ---------------------------------------------------------------- 3 team */

static void ch_team(struct hb *h)
{
	chapter(h, CH_TEAM,
		tr(h, N_("The emergency roles with the people who fill them and their deputies, in the order they step "
			 "in. All numbers are in appendix A.")));
	if (!h->doc->d.nroles)
		empty(h);
	for (size_t i = 0; i < h->doc->d.nroles; i++) {
		const struct role *r = &h->doc->d.roles[i];
		struct strbuf sb;

		h2(h, r->name);
		pair(h, tr(h, N_("Responsible")), r->primary_contact_id ? person_reach(h, contact_of(h, r->primary_contact_id)) : "");
		sb_init(&sb, 64 * 1024);
		for (int k = 0; k < r->ndeputies; k++)
			sb_addf(&sb, "%s%d. %s", k ? "\n" : "", k + 1, person_reach(h, contact_of(h, r->deputy_contact_ids[k])));
		pair(h, tr(h, N_("Deputies")), sb.failed ? "" : fmt(h, "%s", sb.buf));
		sb_release(&sb);
		pair(h, tr(h, N_("Duties")), md_plain(h, r->duties));
	}
}

/* ---------------------------------------------------------------- 4 communication */

static void ch_comm(struct hb *h)
{
	int any = 0;

	chapter(h, CH_COMM,
		tr(h, N_("Prepared messages for staff, customers, suppliers, the public and the authorities. Placeholders "
			 "in braces such as {datum} are filled in when the message is sent.")));
	for (int aud = -1; aud < AUDIENCE__MAX; aud++)
		for (size_t i = 0; i < h->doc->d.ntemplates; i++) {
			const struct comm_template *t = &h->doc->d.templates[i];

			if ((int)t->audience != aud)
				continue;
			any = 1;
			h2(h, t->title);
			pair(h, tr(h, N_("Audience")), tr(h, comm_audience_label(t->audience)));
			pair(h, tr(h, N_("Subject")), t->subject);
			para_f(h, t->body, F_BODY, 0, 6);
		}
	if (!any)
		empty(h);
}

/* ---------------------------------------------------------------- 5 critical processes and systems */

static int has_workaround(const struct hb *h, int64_t process_id)
{
	for (size_t i = 0; i < h->doc->d.nworkarounds; i++)
		if (h->doc->d.workarounds[i].process_id == process_id)
			return 1;
	return 0;
}

static int process_by_rto(const void *x, const void *y)
{
	const struct process *a = *(const struct process *const *)x, *b = *(const struct process *const *)y;
	int64_t ra = a->rto_hours < 0 ? INT64_MAX : a->rto_hours, rb = b->rto_hours < 0 ? INT64_MAX : b->rto_hours;

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->cost_per_hour != b->cost_per_hour)
		return a->cost_per_hour > b->cost_per_hour ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void ch_critical(struct hb *h)
{
	static const struct tcol pcols[] = {
		{ N_("Business process"), 0.24 }, { N_("Responsible"), 0.16 }, { N_("RTO"), 0.07 },
		{ N_("MTPD"), 0.08 },             { N_("Cost per day"), 0.12 }, { N_("IT systems"), 0.21 },
		{ N_("Workaround"), 0.12 },
	};
	static const struct tcol scols[] = {
		{ N_("Place"), 0.07 }, { N_("IT system"), 0.25 }, { N_("RTO"), 0.08 },
		{ N_("RPO"), 0.08 },   { N_("Depends on"), 0.27 }, { N_("Note"), 0.25 },
	};
	const struct process **procs = ARENA_NEW(h->a, const struct process *, h->doc->d.nprocesses + 1);
	struct table t;

	chapter(h, CH_CRITICAL,
		tr(h, N_("Which business processes matter most, how long they may stand still, and in which order the IT "
			 "systems are brought back.")));
	h2(h, tr(h, N_("Business processes by urgency")));
	if (!procs) {
		h->failed = 1;
		return;
	}
	for (size_t i = 0; i < h->doc->d.nprocesses; i++)
		procs[i] = &h->doc->d.processes[i];
	qsort(procs, h->doc->d.nprocesses, sizeof(*procs), process_by_rto);
	if (!h->doc->d.nprocesses)
		empty(h);
	else {
		para_f(h, tr(h, N_("RTO: how long the process may stand still at most. MTPD: from when on the standstill "
				   "threatens the company.")),
		       F_SMALL, 0, 6);
		table_begin(h, &t, pcols, 7);
		for (size_t i = 0; i < h->doc->d.nprocesses; i++) {
			const struct process *p = procs[i];
			const char *cells[7] = {
				p->name,
				p->responsible_contact_id ? contact_name(h, p->responsible_contact_id) : "—",
				hours_text(h, p->rto_hours),
				hours_text(h, p->mtpd_hours),
				euro_text(h, process_cost_per_day(p)),
				system_names(h, p->system_ids, p->nsystems),
				tr(h, has_workaround(h, p->id) ? N_("yes") : N_("no")),
			};
			table_row(&t, cells);
		}
		table_end(&t);
	}

	h2(h, tr(h, N_("Recovery order")));
	if (!h->order.n) {
		empty(h);
		return;
	}
	para_f(h, tr(h, N_("Each system comes after the systems it needs; among those, the most urgent comes first. "
			   "Places the team pinned by hand say why. RTO and RPO: what the processes that need the "
			   "system require.")),
	       F_SMALL, 0, 6);
	table_begin(h, &t, scols, 6);
	for (size_t i = 0; i < h->order.n; i++) {
		const struct recovery_entry *e = &h->order.entries[i];
		const struct system *s = e->system;
		const char *note = "";

		if (e->override)
			note = subst(h, tr(h, N_("Pinned: %s")), e->override->reason, NULL, NULL);
		if (s->spof)
			note = fmt(h, "%s%s%s", note, *note ? "\n" : "", tr(h, N_("Single point of failure")));
		{
			const char *cells[6] = { fmt(h, "%d", e->position),
						 s->name,
						 hours_text(h, s->required_rto_hours),
						 hours_text(h, s->required_rpo_hours),
						 system_names(h, s->depends_on_ids, s->ndeps),
						 note };
			table_row(&t, cells);
		}
	}
	table_end(&t);
	for (int i = 0; i < h->order.nwarnings; i++) {
		const struct recovery_warning *w = &h->order.warnings[i];

		item(h, "!",
		     fmt(h, "%s: %s", w->system->name,
			 subst(h, tr(h, recovery_problem_msgid(w->problem)), w->other ? w->other->name : "?", NULL, NULL)),
		     0);
	}
}

/* ---------------------------------------------------------------- 6 backups */

static const char *frequency_text(struct hb *h, int hours)
{
	const char *label = backup_frequency_label(hours);

	if (label)
		return tr(h, label);
	if (hours <= 0)
		return "—";
	return subst(h, tr(h, N_("every %s hours")), num(h, hours), NULL, NULL);
}

static const char *copies_text(struct hb *h, const struct backup *b)
{
	struct strbuf sb;

	if (!b->ncopies)
		return "—";
	sb_init(&sb, 64 * 1024);
	for (int i = 0; i < b->ncopies; i++)
		sb_addf(&sb, "%s%s: %s", i ? "\n" : "", tr(h, backup_copy_kind_label(b->copies[i].kind)), b->copies[i].media);
	{
		const char *s = sb.failed ? "" : fmt(h, "%s", sb.buf);

		sb_release(&sb);
		return s;
	}
}

static void ch_backups(struct hb *h)
{
	static const struct tcol cols[] = {
		{ N_("Backup"), 0.19 },   { N_("IT systems"), 0.18 },        { N_("Frequency"), 0.11 },
		{ N_("Copies"), 0.24 },   { N_("Last test"), 0.14 }, { N_("Responsible"), 0.14 },
	};
	static const struct tcol tcols[] = {
		{ N_("Date"), 0.13 },     { N_("Backup"), 0.25 },      { N_("Result"), 0.14 },
		{ N_("Duration"), 0.12 }, { N_("Tested by"), 0.18 },  { N_("Notes"), 0.18 },
	};
	struct table t;

	chapter(h, CH_BACKUPS,
		tr(h, N_("What is backed up, how often, where the copies are kept, and when a restore was last tested.")));
	if (!h->doc->d.nbackups) {
		empty(h);
		return;
	}
	table_begin(h, &t, cols, 6);
	for (size_t i = 0; i < h->doc->d.nbackups; i++) {
		const struct backup *b = &h->doc->d.backups[i];
		const char *last = b->facts.last_test_date[0]
					   ? fmt(h, "%s\n%s", date_text(h, b->facts.last_test_date),
						 tr(h, restore_result_label(b->facts.last_test_result)))
					   : tr(h, N_("never tested"));
		const char *cells[6] = { b->title,
					 system_names(h, b->system_ids, b->nsystems),
					 frequency_text(h, b->frequency_hours),
					 copies_text(h, b),
					 last,
					 b->responsible_contact_id ? contact_name(h, b->responsible_contact_id) : "—" };
		table_row(&t, cells);
	}
	table_end(&t);

	h2(h, tr(h, N_("Gaps of the backups")));
	{
		int any = 0;

		for (size_t i = 0; i < h->doc->d.nbackups; i++) {
			const struct backup *b = &h->doc->d.backups[i];
			struct backup_gap gaps[BACKUP_GAPS_MAX];
			int n = backup_gaps(b, b->facts.today, gaps, BACKUP_GAPS_MAX);

			for (int k = 0; k < n; k++) {
				const char *s = backup_gap_text(h->a, h->lang, &gaps[k]);

				item(h, "•", fmt(h, "%s: %s", b->title, s ? s : ""), 0);
				any = 1;
			}
		}
		if (!any)
			para(h, tr(h, N_("No gaps: every backup keeps the 3-2-1 rule, was tested recently and meets its targets.")));
	}

	h2(h, tr(h, N_("Restore tests")));
	if (!h->doc->nrestore_tests) {
		empty(h);
		return;
	}
	table_begin(h, &t, tcols, 6);
	for (size_t i = 0; i < h->doc->nrestore_tests; i++) {
		const struct restore_test *rt = &h->doc->restore_tests[i];
		const struct backup *b = backup_of(h, rt->backup_id);
		const char *cells[6] = { date_text(h, rt->date),
					 b ? b->title : "?",
					 tr(h, restore_result_label(rt->result)),
					 minutes_text(h, rt->duration_minutes),
					 rt->tested_by_contact_id ? contact_name(h, rt->tested_by_contact_id) : "—",
					 rt->notes };
		table_row(&t, cells);
	}
	table_end(&t);
}

/* ---------------------------------------------------------------- 7 runbooks */

static const struct runbook *runbook_of(const struct hb *h, int64_t system_id)
{
	for (size_t i = 0; i < h->doc->d.nrunbooks; i++)
		if (h->doc->d.runbooks[i].system_id == system_id)
			return &h->doc->d.runbooks[i];
	return NULL;
}

static void ch_runbooks(struct hb *h)
{
	struct strbuf missing;
	int nmissing = 0, any = 0;

	chapter(h, CH_RUNBOOKS,
		tr(h, N_("How each IT system is brought back, step by step, in the recovery order of chapter 5.")));
	sb_init(&missing, 1 << 20);
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const struct runbook *rb = runbook_of(h, s->id);

		if (!rb) {
			sb_addf(&missing, "%s%s", nmissing++ ? ", " : "", s->name);
			continue;
		}
		any = 1;
		h2(h, fmt(h, "%d. %s", h->order.entries[i].position, s->name));
		pair(h, tr(h, N_("Responsible")), rb->responsible_role_id ? role_reach(h, rb->responsible_role_id) : "");
		pair(h, tr(h, N_("Expected duration")), rb->expected_duration_minutes >= 0
								? minutes_text(h, rb->expected_duration_minutes)
								: "");
		pair(h, tr(h, N_("Target")), s->required_rto_hours >= 0
						    ? subst(h, tr(h, N_("back within %s")), hours_text(h, s->required_rto_hours), NULL, NULL)
						    : "");
		pair(h, tr(h, N_("Prerequisites")), md_plain(h, rb->prerequisites));
		h3(h, tr(h, N_("Steps")));
		for (int k = 0; k < rb->nsteps; k++) {
			const struct runbook_step *st = &rb->steps[k];
			const char *text = md_plain(h, st->text);

			if (st->minutes >= 0)
				text = fmt(h, "%s (%s)", text, minutes_text(h, st->minutes));
			item(h, fmt(h, "%d.", k + 1), text, 0);
		}
		h->y += 3;
		pair(h, tr(h, N_("Checks")), md_plain(h, rb->checks));
	}
	if (!any)
		empty(h);
	if (nmissing) {
		h2(h, tr(h, N_("Systems without a runbook")));
		para(h, missing.failed ? "" : missing.buf);
	}
	sb_release(&missing);
}

/* ---------------------------------------------------------------- 8 workarounds */

static void ch_workarounds(struct hb *h)
{
	chapter(h, CH_WORKAROUNDS,
		tr(h, N_("How people keep working while the IT is down: paper forms, printed lists, phones, other "
			 "devices.")));
	if (!h->doc->d.nworkarounds)
		empty(h);
	for (size_t i = 0; i < h->doc->d.nworkarounds; i++) {
		const struct workaround *w = &h->doc->d.workarounds[i];
		const struct process *p = process_of(h, w->process_id);

		h2(h, w->title);
		pair(h, tr(h, N_("Business process")), p ? p->name : "");
		pair(h, tr(h, N_("Responsible")), w->responsible_contact_id ? person_reach(h, contact_of(h, w->responsible_contact_id)) : "");
		pair(h, tr(h, N_("Can be kept up for")), w->sustainable_hours >= 0 ? hours_text(h, w->sustainable_hours) : "");
		pair(h, tr(h, N_("Preparation")), md_plain(h, w->preparation));
		pair(h, tr(h, N_("Procedure")), md_plain(h, w->procedure));
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

	chapter(h, CH_RETURN, tr(h, N_("When the systems are back: how the emergency is ended in an orderly way.")));
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		item(h, fmt(h, "%zu.", i + 1), tr(h, steps[i]), 0);
	h2(h, tr(h, N_("How to prove each system is back")));
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const struct runbook *rb = runbook_of(h, s->id);

		if (!rb || !*rb->checks)
			continue;
		any = 1;
		pair(h, s->name, md_plain(h, rb->checks));
	}
	if (!any)
		empty(h);
}

/* ---------------------------------------------------------------- appendices */

static void contact_table(struct hb *h, int external)
{
	static const struct tcol cols[] = {
		{ N_("Name"), 0.22 },  { N_("Function"), 0.20 }, { N_("Phone"), 0.23 },
		{ N_("Email"), 0.23 }, { N_("Checked on"), 0.12 },
	};
	static const struct tcol ecols[] = {
		{ N_("Company"), 0.20 }, { N_("Name"), 0.17 },  { N_("Function"), 0.15 },
		{ N_("Phone"), 0.21 },   { N_("Email"), 0.27 },
	};
	struct table t;
	int any = 0;

	for (size_t i = 0; i < h->doc->d.ncontacts; i++) {
		const struct contact *c = &h->doc->d.contacts[i];

		if (c->external != external)
			continue;
		if (!any++)
			table_begin(h, &t, external ? ecols : cols, 5);
		if (external) {
			const char *cells[5] = { *c->company ? c->company : "—", c->name, *c->function ? c->function : "—",
						 phones_text(h, c), *c->email ? c->email : "—" };
			table_row(&t, cells);
		} else {
			const char *cells[5] = { c->name, *c->function ? c->function : "—", phones_text(h, c),
						 *c->email ? c->email : "—",
						 c->last_verified[0] ? date_text(h, c->last_verified) : "—" };
			table_row(&t, cells);
		}
	}
	if (any)
		table_end(&t);
	else
		empty(h);
}

static void ch_contacts(struct hb *h)
{
	chapter(h, CH_A_CONTACTS, tr(h, N_("Everybody in the company the emergency team may need to reach.")));
	contact_table(h, 0);
}

static void ch_providers(struct hb *h)
{
	chapter(h, CH_B_PROVIDERS,
		tr(h, N_("IT partners, providers, insurers and authorities: whom to call from outside the company.")));
	contact_table(h, 1);
}

static void ch_deps(struct hb *h)
{
	static const struct tcol cols[] = {
		{ N_("IT system"), 0.22 },       { N_("Type"), 0.14 },  { N_("Depends on"), 0.30 },
		{ N_("Needed by processes"), 0.14 }, { N_("Single point of failure"), 0.20 },
	};
	struct table t;

	chapter(h, CH_C_DEPS,
		tr(h, N_("Which IT system needs which other systems. When a system fails, everything that depends on it "
			 "fails too.")));
	if (!h->doc->d.nsystems) {
		empty(h);
		return;
	}
	table_begin(h, &t, cols, 5);
	for (size_t i = 0; i < h->order.n; i++) {
		const struct system *s = h->order.entries[i].system;
		const char *cells[5] = { s->name, *system_type_label(s->type) ? tr(h, system_type_label(s->type)) : "—",
					 system_names(h, s->depends_on_ids, s->ndeps), num(h, s->nprocesses),
					 tr(h, s->spof ? N_("yes") : N_("no")) };
		table_row(&t, cells);
	}
	table_end(&t);
}

static void level_colour(struct hb *h, enum risk_level l)
{
	switch (l) {
	case RISK_CRITICAL: set_rgb(h, 0xe5 / 255.0, 0x73 / 255.0, 0x73 / 255.0); break;
	case RISK_HIGH: set_rgb(h, 0xf5 / 255.0, 0xb9 / 255.0, 0x71 / 255.0); break;
	case RISK_MEDIUM: set_rgb(h, 0xf7 / 255.0, 0xe0 / 255.0, 0x8a / 255.0); break;
	default: set_rgb(h, 0xbf / 255.0, 0xe3 / 255.0, 0xc8 / 255.0); break;
	}
}

/* The matrix: likelihood across, impact upwards, each cell with its count and level. */
static void risk_matrix(struct hb *h, const struct heatmap *hm)
{
	const double cellw = 58, cellh = 46, left = MARGIN_L + 150;
	const int n = hm->size;
	const double height = n * cellh + 70;

	need(h, height);
	for (int i = n; i >= 1; i--) {
		double y = h->y + (n - i) * cellh;

		set_rgb(h, 0, 0, 0);
		text_at(h, fmt(h, "%d %s", i, tr(h, risk_scale_impact_label(hm->scale, i))), F_CELL, left - 8,
			y + cellh / 2 - 6, 2, 140);
		for (int l = 1; l <= n; l++) {
			double x = left + (l - 1) * cellw;
			enum risk_level lvl = risk_scale_level(hm->scale, l * i);
			int count = hm->cell[l - 1][i - 1];

			if (h->draw) {
				level_colour(h, lvl);
				cairo_rectangle(h->cr, x, y, cellw, cellh);
				cairo_fill_preserve(h->cr);
				set_rgb(h, 1, 1, 1);
				cairo_set_line_width(h->cr, 2);
				cairo_stroke(h->cr);
			}
			set_rgb(h, 0, 0, 0);
			if (count)
				text_at(h, num(h, count), F_H3, x + cellw / 2, y + 8, 1, 0);
			set_rgb(h, 0.2, 0.2, 0.2);
			text_at(h, tr(h, risk_level_label(lvl)), F_SMALL, x + cellw / 2, y + cellh - 13, 1, cellw - 2);
		}
	}
	set_rgb(h, 0, 0, 0);
	for (int l = 1; l <= n; l++) {
		double x = left + (l - 1) * cellw + cellw / 2, y = h->y + n * cellh + 4;

		text_at(h, num(h, l), F_CELL_BOLD, x, y, 1, 0);
		text_at(h, tr(h, risk_scale_likelihood_label(hm->scale, l)), F_SMALL, x, y + (l % 2 ? 12 : 23), 1, 0);
	}
	text_at(h, fmt(h, "%s →", tr(h, N_("Likelihood"))), F_CELL_BOLD, left + n * cellw / 2, h->y + n * cellh + 38, 1, 0);
	text_at(h, fmt(h, "%s ↑", tr(h, N_("Impact"))), F_CELL_BOLD, left - 8, h->y - 14, 2, 0);
	h->y += height;
}

static void ch_risks(struct hb *h)
{
	static const struct tcol cols[] = {
		{ N_("Risk"), 0.31 },  { N_("Category"), 0.16 }, { N_("Score"), 0.12 }, { N_("Level"), 0.11 },
		{ N_("Status"), 0.14 }, { N_("Owner"), 0.16 },
	};
	const struct risk **risks;
	struct heatmap hm;
	struct table t;
	size_t n;

	chapter(h, CH_D_RISKS,
		tr(h, N_("The risks of the register by likelihood and impact, on the scale the organisation chose. Closed "
			 "risks are not in the matrix.")));
	heatmap_count(&hm, h->doc->d.risks, h->doc->d.nrisks, h->doc->risk_settings->scale);
	para_f(h, tr(h, risk_scale_label(hm.scale)), F_SMALL, 0, 20);
	risk_matrix(h, &hm);
	para(h, fmt(h, i18n_tr(h->lang, "%d risks in the matrix: %d critical, %d high, %d medium, %d low."), hm.total,
		    hm.level[RISK_CRITICAL], hm.level[RISK_HIGH], hm.level[RISK_MEDIUM], hm.level[RISK_LOW]));
	if (hm.closed)
		para(h, fmt(h, i18n_tr(h->lang, "%d closed risks are not shown."), hm.closed));
	para_f(h, tr(h, N_("Score: likelihood × impact.")), F_SMALL, 0, 6);
	h2(h, tr(h, N_("Risks by score")));
	risks = risks_sorted(h, &n, 0);
	if (!n) {
		empty(h);
		return;
	}
	table_begin(h, &t, cols, 6);
	for (size_t i = 0; i < n; i++) {
		const struct risk *k = risks[i];
		const char *cat = k->category == RISK_CAT_OWN ? k->category_name : tr(h, risk_category_label(k->category));
		const char *cells[6] = {
			k->title,
			*cat ? cat : "—",
			risk_score(k) ? fmt(h, "%d × %d = %d", k->likelihood, k->impact, risk_score(k)) : "—",
			risk_score(k) ? tr(h, risk_level_label(risk_level_of(k))) : "—",
			tr(h, risk_status_label(k->status)),
			k->owner_contact_id ? contact_name(h, k->owner_contact_id) : "—",
		};
		table_row(&t, cells);
	}
	table_end(&t);
}

static void ch_exercises(struct hb *h)
{
	static const struct tcol cols[] = {
		{ N_("Date"), 0.13 },   { N_("Exercise"), 0.35 },      { N_("Type"), 0.18 },
		{ N_("Status"), 0.16 }, { N_("Open findings"), 0.18 },
	};
	static const struct tcol fcols[] = {
		{ N_("Finding"), 0.36 }, { N_("Severity"), 0.13 }, { N_("Status"), 0.15 },
		{ N_("Responsible"), 0.20 }, { N_("Due"), 0.16 },
	};
	struct table t;
	int any = 0;

	chapter(h, CH_E_EXERCISES,
		tr(h, N_("The exercises of the plan, planned and done, and the findings that still need work.")));
	if (!h->doc->d.nexercises)
		empty(h);
	else {
		table_begin(h, &t, cols, 5);
		for (size_t i = 0; i < h->doc->d.nexercises; i++) {
			const struct exercise *e = &h->doc->d.exercises[i];
			const char *cells[5] = { date_text(h, e->date), e->title,
						 *exercise_type_label(e->type) ? tr(h, exercise_type_label(e->type)) : "—",
						 tr(h, exercise_status_label(e->status)), num(h, e->open_findings) };
			table_row(&t, cells);
		}
		table_end(&t);
	}
	h2(h, tr(h, N_("Open findings")));
	for (size_t i = 0; i < h->doc->d.nfindings; i++) {
		const struct finding *f = &h->doc->d.findings[i];

		if (!finding_is_open(f))
			continue;
		if (!any++)
			table_begin(h, &t, fcols, 5);
		{
			const char *cells[5] = { f->title, tr(h, finding_severity_label(f->severity)),
						 tr(h, finding_status_label(f->status)),
						 f->responsible_contact_id ? contact_name(h, f->responsible_contact_id) : "—",
						 f->due_date[0] ? date_text(h, f->due_date) : "—" };
			table_row(&t, cells);
		}
	}
	if (any)
		table_end(&t);
	else
		empty(h);
}

static void ch_history(struct hb *h)
{
	static const struct tcol cols[] = {
		{ N_("Version"), 0.09 },   { N_("Status"), 0.13 }, { N_("Submitted"), 0.22 },
		{ N_("Decided"), 0.22 },   { N_("Note"), 0.34 },
	};
	struct table t;

	chapter(h, CH_F_HISTORY,
		tr(h, N_("Every version of the plan that was submitted for approval, newest first.")));
	if (!h->doc->nversions) {
		empty(h);
		return;
	}
	table_begin(h, &t, cols, 5);
	for (size_t i = 0; i < h->doc->nversions; i++) {
		const struct plan_version *v = &h->doc->versions[i];
		const char *note = v->note ? v->note : "";
		const char *cells[5];

		if (v->comment && *v->comment)
			note = fmt(h, "%s%s%s", note, *note ? "\n" : "", v->comment);
		cells[0] = num(h, v->number);
		cells[1] = tr(h, plan_version_status_label(v->status));
		cells[2] = fmt(h, "%s\n%s", unix_date_text(h, v->submitted_at), v->submitted_by_name ? v->submitted_by_name : "");
		cells[3] = v->decided_by ? fmt(h, "%s\n%s", unix_date_text(h, v->decided_at),
					      v->decided_by_name ? v->decided_by_name : "")
					 : "—";
		cells[4] = *note ? note : "—";
		table_row(&t, cells);
	}
	table_end(&t);
}

/* ---------------------------------------------------------------- the passes */

static cairo_status_t write_sb(void *closure, const unsigned char *data, unsigned int len)
{
	return sb_add(closure, data, len) < 0 ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static cairo_status_t write_nothing(void *closure, const unsigned char *data, unsigned int len)
{
	(void)closure, (void)data, (void)len;
	return CAIRO_STATUS_SUCCESS;
}

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
	cairo_font_options_t *fo;
	enum kf_err err = KF_OK;

	h->draw = draw;
	h->page = 0;
	h->surface = cairo_pdf_surface_create_for_stream(draw ? write_sb : write_nothing, out, PAGE_W, PAGE_H);
	h->cr = cairo_create(h->surface);
	h->pc = pango_cairo_create_context(h->cr);
	pango_cairo_context_set_resolution(h->pc, 72);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(h->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(h->pc, FALSE);
	if (draw) {
		cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_TITLE,
					       fmt(h, "%s – %s", tr(h, N_("IT emergency handbook")), h->doc->org_name));
		cairo_pdf_surface_set_metadata(h->surface, CAIRO_PDF_METADATA_CREATOR, "krisenfest");
	}
	document(h);
	if (draw && h->page > 0)
		cairo_show_page(h->cr);
	g_object_unref(h->pc);
	h->pc = NULL;
	cairo_destroy(h->cr);
	h->cr = NULL;
	cairo_surface_finish(h->surface);
	if (cairo_surface_status(h->surface) != CAIRO_STATUS_SUCCESS)
		err = draw && out->failed ? KF_ETOOBIG : KF_EIO;
	cairo_surface_destroy(h->surface);
	h->surface = NULL;
	if (!err && h->failed)
		err = KF_ENOMEM;
	return err;
}

enum kf_err handbook_pdf_render_layout(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out,
				       struct handbook_layout *lay_r)
{
	struct hb h = { .doc = doc, .lang = lang };
	enum kf_err err = KF_ENOMEM;
	size_t start = out->len;

	h.a = arena_new();
	if (!h.a)
		return KF_ENOMEM;
	for (int f = 0; f < F__MAX; f++)
		if (!(h.fonts[f] = pango_font_description_from_string(font_specs[f])))
			goto out;
	if (recovery_order(h.a, doc->d.systems, doc->d.nsystems, doc->overrides->items, doc->overrides->n, &h.order) < 0)
		goto out;
	/* measure (the page numbers and the total), then draw with them */
	if ((err = pass(&h, 0, NULL)))
		goto out;
	memcpy(h.toc_page, h.chapter_page, sizeof(h.toc_page));
	h.npages = h.page;
	if ((err = pass(&h, 1, out)))
		goto out;
	if (h.page != h.npages || memcmp(h.toc_page, h.chapter_page, sizeof(h.toc_page)) != 0) {
		/* the page numbers moved the layout (not expected: the contents page has a fixed length) */
		err = KF_EIO;
		goto out;
	}
	if (lay_r) {
		lay_r->npages = h.npages;
		for (int ch = 0; ch < CH__MAX; ch++) {
			lay_r->number[ch] = chapter_numbers[ch];
			lay_r->title[ch] = tr(&h, chapter_titles[ch]);
			lay_r->page[ch] = h.chapter_page[ch];
		}
	}
out:
	if (err && out->len > start) {
		out->len = start;
		out->buf[start] = 0;
	}
	for (int f = 0; f < F__MAX; f++)
		if (h.fonts[f])
			pango_font_description_free(h.fonts[f]);
	arena_free(h.a);
	return err;
}

enum kf_err handbook_pdf_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	return handbook_pdf_render_layout(doc, lang, out, NULL);
}
