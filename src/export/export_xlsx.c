/* export_xlsx.c: every register in one Excel workbook (libxlsxwriter): an overview sheet with the stamp, then one sheet per register. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "export.h"
#include "plan_text.h"
#include "register_table.h"
#include "../lib/arena.h"
#include "../lib/banned.h"

enum {
	CELL_MAX = 32767, /* bytes of text Excel (and libxlsxwriter) takes in one cell */
	WIDTH_MIN = 8,    /* column widths in characters */
	WIDTH_MAX = 60,   /* wider texts wrap */
	WIDTH_DATE = 12,
	COLS__MAX = 32,   /* more columns than any register has */
	SHEETS__MAX = 32, /* more registers than there are */
};

/* The workbook being written and its formats. */
struct xlsx {
	lxw_workbook *wb;
	struct plan_text t;
	lxw_format *title, *label, *head, *text, *wrap, *num, *eur, *date, *datetime, *link;
	const char *footer; /* the stamp for the printed sheets ("&L...&R..."), or NULL */
};

/* One register sheet while it is written. */
struct sheet {
	struct xlsx *x;
	lxw_worksheet *ws;
	const struct register_def *def;
	double width[COLS__MAX];
	size_t nrows; /* item rows written (the header is row 0) */
};

static enum kf_err lxw_err(lxw_error e)
{
	if (e == LXW_NO_ERROR)
		return KF_OK;
	return e == LXW_ERROR_MEMORY_MALLOC_FAILED ? KF_ENOMEM : KF_EIO;
}

/* Characters (not bytes) of the longest line of s. */
static size_t longest_line(const char *s)
{
	size_t best = 0, n = 0;

	for (; *s; s++) {
		if (*s == '\n') {
			n = 0;
			continue;
		}
		if (((unsigned char)*s & 0xC0) != 0x80 && ++n > best)
			best = n;
	}
	return best;
}

/* s cut to at most max bytes at a character boundary: s itself when short enough, else a copy in a (NULL out of memory). */
static const char *utf8_clip(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return s;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

/* "2026-03-01" into *dt: 0, or -1 when s is no valid date of that form. */
static int parse_date(const char *s, lxw_datetime *dt)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (strlen(s) < 10 || strspn(s, "0123456789") != 4 || s[4] != '-' || s[7] != '-' ||
	    strspn(s + 5, "0123456789") != 2 || strspn(s + 8, "0123456789") != 2)
		return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1] ||
	    (m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))))
		return -1;
	*dt = (lxw_datetime){ .year = y, .month = m, .day = d };
	if (s[10] == '\0')
		return 0;
	/* "2026-03-01 14:05" */
	if (s[10] != ' ' || strlen(s) != 16 || s[13] != ':' || strspn(s + 11, "0123456789") != 2 ||
	    strspn(s + 14, "0123456789") != 2)
		return -1;
	dt->hour = (s[11] - '0') * 10 + (s[12] - '0');
	dt->min = (s[14] - '0') * 10 + (s[15] - '0');
	return dt->hour < 24 && dt->min < 60 ? 0 : -1;
}

/* A text cell: wrapped when it has several lines or is wider than a column may be. */
static enum kf_err put_text(struct sheet *s, size_t row, size_t col, const char *text)
{
	size_t w = longest_line(text);
	const char *clipped = utf8_clip(s->x->t.a, text, CELL_MAX);
	lxw_format *f = (strchr(text, '\n') || w > WIDTH_MAX) ? s->x->wrap : s->x->text;

	if (!clipped)
		return KF_ENOMEM;
	if (w + 2 > s->width[col])
		s->width[col] = (double)(w + 2);
	return lxw_err(worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, clipped, f));
}

/* register_cell_fn: numbers as numbers, dates as dates, the rest as text. */
static enum kf_err sheet_cell(void *ctx, size_t row, size_t col, const char *text, const json_t *v)
{
	struct sheet *s = ctx;
	enum reg_cell kind = s->def->cols[col].cell;
	lxw_datetime dt;

	if (col >= COLS__MAX)
		return KF_EINVAL;
	if (row == 0) { /* the header: bold, room for the filter arrow */
		size_t w = longest_line(text) + 4;

		if (w > s->width[col])
			s->width[col] = (double)w;
		return lxw_err(worksheet_write_string(s->ws, 0, (lxw_col_t)col, text, s->x->head));
	}
	s->nrows = row;
	if (!*text)
		return KF_OK; /* empty cell */
	if ((kind == REG_CELL_NUMBER || kind == REG_CELL_EUR) && json_is_number(v)) {
		size_t w = strlen(text) + (kind == REG_CELL_EUR ? 6 : 2);

		if (w > s->width[col])
			s->width[col] = (double)w;
		return lxw_err(worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, json_number_value(v),
						      kind == REG_CELL_EUR ? s->x->eur : s->x->num));
	}
	if (kind == REG_CELL_DATE && strlen(text) == 10 && parse_date(text, &dt) == 0) {
		if (WIDTH_DATE > s->width[col])
			s->width[col] = WIDTH_DATE;
		return lxw_err(worksheet_write_datetime(s->ws, (lxw_row_t)row, (lxw_col_t)col, &dt, s->x->date));
	}
	return put_text(s, row, col, text);
}

/* title as a valid sheet name: at most 31 characters, none of []:*?/\, no ' at either end; into buf. */
static void sheet_name(char *buf, size_t len, const char *title)
{
	size_t n = 0, chars = 0;

	for (const char *p = title; *p && n + 4 < len; p++) {
		int start = ((unsigned char)*p & 0xC0) != 0x80;

		if (start && chars == LXW_SHEETNAME_MAX)
			break;
		chars += start;
		buf[n++] = strchr("[]:*?/\\", *p) ? '-' : *p;
	}
	while (n > 0 && buf[n - 1] == '\'')
		n--;
	buf[n] = '\0';
	if (buf[0] == '\'')
		buf[0] = '-';
}

/* The print settings of a sheet: A4 landscape, one page wide, the header row and the stamp on every page. */
static void sheet_print(struct xlsx *x, lxw_worksheet *ws, int repeat_header)
{
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	if (repeat_header)
		worksheet_repeat_rows(ws, 0, 0);
	if (x->footer)
		worksheet_set_footer(ws, x->footer);
}

/* One register on its own sheet; its name into name (LXW_MAX_SHEETNAME_LENGTH), its rows into *nrows_r. */
static enum kf_err register_sheet(struct xlsx *x, const struct register_def *def, char *name, size_t *nrows_r)
{
	struct sheet s = { .x = x, .def = def };
	enum kf_err err;

	if (def->ncols > COLS__MAX)
		return KF_EINVAL;
	sheet_name(name, LXW_MAX_SHEETNAME_LENGTH, pt_tr(&x->t, def->title));
	if (!*name || workbook_validate_sheet_name(x->wb, name) != LXW_NO_ERROR)
		snprintf(name, LXW_MAX_SHEETNAME_LENGTH, "%s", def->name); /* ASCII and unique */
	if (!(s.ws = workbook_add_worksheet(x->wb, name)))
		return KF_ENOMEM;
	for (size_t c = 0; c < def->ncols; c++)
		s.width[c] = WIDTH_MIN;
	if ((err = register_table_visit(def, x->t.doc, x->t.lang, sheet_cell, &s)))
		return err;
	for (size_t c = 0; c < def->ncols; c++)
		worksheet_set_column(s.ws, (lxw_col_t)c, (lxw_col_t)c,
				     s.width[c] > WIDTH_MAX ? WIDTH_MAX : s.width[c], NULL);
	worksheet_freeze_panes(s.ws, 1, 0);
	if ((err = lxw_err(worksheet_autofilter(s.ws, 0, 0, (lxw_row_t)s.nrows, (lxw_col_t)(def->ncols - 1)))))
		return err;
	sheet_print(x, s.ws, 1);
	*nrows_r = s.nrows;
	return KF_OK;
}

/* '&' doubled (it starts a code in Excel's header and footer texts). */
static void footer_part(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			sb_addc(sb, '&');
		sb_addc(sb, *s);
	}
}

/* "&L{org}&R{stamp}", NULL when it would be longer than Excel allows (255 characters). */
static const char *footer_text(struct xlsx *x)
{
	const char *stamp = export_stamp_line(x->t.a, x->t.doc, x->t.lang);
	const char *r = NULL;
	struct strbuf sb;

	sb_init(&sb, 250);
	sb_adds(&sb, "&L");
	footer_part(&sb, x->t.doc->org_name ? x->t.doc->org_name : "");
	sb_adds(&sb, "&R");
	footer_part(&sb, stamp ? stamp : "");
	if (!sb.failed && stamp)
		r = arena_strdup(x->t.a, sb.buf);
	sb_release(&sb);
	return r;
}

static void label_row(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row, const char *label, const char *value)
{
	const char *v = utf8_clip(x->t.a, value, CELL_MAX);

	worksheet_write_string(ws, row, 0, pt_tr(&x->t, label), x->label);
	if (v)
		worksheet_write_string(ws, row, 1, v, x->text);
	else
		x->t.failed = 1;
}

/* The first sheet: the company, the stamp, and a link to every register sheet with its number of entries. */
static enum kf_err overview(struct xlsx *x, lxw_worksheet *ws, char (*names)[LXW_MAX_SHEETNAME_LENGTH],
			    const size_t *counts, const struct register_def *defs, size_t n)
{
	const struct export_stamp *st = &x->t.doc->stamp;
	struct plan_text *t = &x->t;
	lxw_datetime dt;
	lxw_row_t row;

	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	worksheet_write_string(ws, 0, 0, pt_tr(t, N_("IT emergency plan – all registers")), x->title);
	label_row(x, ws, 2, N_("Company"), x->t.doc->org_name ? x->t.doc->org_name : "");
	label_row(x, ws, 3, N_("State of the plan"),
		  st->draft ? pt_tr(t, N_("Working state – draft, not approved"))
			    : pt_subst(t, pt_tr(t, N_("Plan version %s, approved on %s by %s")), pt_num(t, st->plan_version),
				       pt_date_text(t, st->approved_at), st->approved_by));
	if (st->made_at && parse_date(st->made_at, &dt) == 0) {
		worksheet_write_string(ws, 4, 0, pt_tr(t, N_("Made on")), x->label);
		worksheet_write_datetime(ws, 4, 1, &dt, x->datetime);
	} else {
		label_row(x, ws, 4, N_("Made on"), st->made_at ? st->made_at : "");
	}
	label_row(x, ws, 5, N_("Check code"), st->hash[0] ? st->hash : "—");
	worksheet_write_string(ws, 6, 0,
			       pt_tr(t, N_("The check code matches this copy with the copies register: a copy with another "
					   "code holds another state of the plan.")),
			       NULL);
	worksheet_write_string(ws, 8, 0, pt_tr(t, N_("Register")), x->head);
	worksheet_write_string(ws, 8, 1, pt_tr(t, N_("Entries")), x->head);
	for (size_t i = 0; i < n; i++) {
		struct strbuf url;
		enum kf_err err;

		row = (lxw_row_t)(9 + i);
		sb_init(&url, 256);
		sb_adds(&url, "internal:'");
		for (const char *p = names[i]; *p; p++) { /* ' is doubled inside a quoted sheet name */
			if (*p == '\'')
				sb_addc(&url, '\'');
			sb_addc(&url, *p);
		}
		sb_adds(&url, "'!A1");
		err = url.failed ? KF_ENOMEM
				 : lxw_err(worksheet_write_url_opt(ws, row, 0, url.buf, x->link, names[i],
								   pt_tr(t, defs[i].title)));
		sb_release(&url);
		if (err)
			return err;
		worksheet_write_number(ws, row, 1, (double)counts[i], x->num);
	}
	row = (lxw_row_t)(10 + n);
	worksheet_write_string(ws, row, 0,
			       pt_tr(t, N_("Each sheet holds one register. The first row stays in place when you scroll; its "
					   "arrows sort and filter the rows.")),
			       NULL);
	sheet_print(x, ws, 0);
	worksheet_set_portrait(ws);
	return t->failed ? KF_ENOMEM : KF_OK;
}

static lxw_format *format(lxw_workbook *wb, int bold, int wrap, const char *num)
{
	lxw_format *f = workbook_add_format(wb);

	if (!f)
		return NULL;
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (bold)
		format_set_bold(f);
	if (wrap)
		format_set_text_wrap(f);
	if (num)
		format_set_num_format(f, num);
	return f;
}

/* Writes the workbook into the file path. */
static enum kf_err write_workbook(const struct plan_doc *doc, enum kf_lang lang, const char *path, const char *tmpdir)
{
	lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = (char *)tmpdir, .use_zip64 = 0 };
	struct xlsx x = { .t = { .doc = doc, .lang = lang } };
	size_t n, counts[SHEETS__MAX] = { 0 };
	const struct register_def *defs = register_defs(&n);
	char names[SHEETS__MAX][LXW_MAX_SHEETNAME_LENGTH];
	lxw_doc_properties props = { 0 };
	lxw_worksheet *first;
	enum kf_err err = KF_ENOMEM;
	lxw_error closed;

	if (n > SHEETS__MAX)
		return KF_EINVAL;
	if (!(x.t.a = arena_new()))
		return KF_ENOMEM;
	if (!(x.wb = workbook_new_opt(path, &opt)))
		goto out;
	x.title = workbook_add_format(x.wb);
	x.label = format(x.wb, 1, 0, NULL);
	x.head = format(x.wb, 1, 1, NULL);
	x.text = format(x.wb, 0, 0, NULL);
	x.wrap = format(x.wb, 0, 1, NULL);
	x.num = format(x.wb, 0, 0, NULL);
	x.eur = format(x.wb, 0, 0, "#,##0.00");
	x.date = format(x.wb, 0, 0, "dd.mm.yyyy");
	x.datetime = format(x.wb, 0, 0, "dd.mm.yyyy hh:mm");
	x.link = workbook_get_default_url_format(x.wb);
	if (!x.title || !x.label || !x.head || !x.text || !x.wrap || !x.num || !x.eur || !x.date || !x.datetime)
		goto out;
	format_set_bold(x.title);
	format_set_font_size(x.title, 14);
	format_set_bottom(x.head, LXW_BORDER_THIN);
	format_set_bg_color(x.head, 0xE8EEF4);
	x.footer = footer_text(&x);
	props.title = (char *)pt_tr(&x.t, N_("IT emergency plan – all registers"));
	props.company = (char *)(doc->org_name ? doc->org_name : "");
	if ((err = lxw_err(workbook_set_properties(x.wb, &props))))
		goto out;
	err = KF_ENOMEM;
	if (!(first = workbook_add_worksheet(x.wb, pt_tr(&x.t, N_("Summary")))))
		goto out;
	for (size_t i = 0; i < n; i++)
		if ((err = register_sheet(&x, &defs[i], names[i], &counts[i])))
			goto out;
	err = overview(&x, first, names, counts, defs, n);
	if (!err && x.t.failed)
		err = KF_ENOMEM;
out:
	if (x.wb) {
		closed = workbook_close(x.wb); /* writes the file and frees the workbook, also after an error */
		if (!err)
			err = lxw_err(closed);
	}
	arena_free(x.t.a);
	return err;
}

/* Appends the file path to out. */
static enum kf_err read_back(const char *path, struct strbuf *out)
{
	char buf[65536];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	enum kf_err err = KF_OK;
	ssize_t got;

	if (fd < 0)
		return KF_EIO;
	while ((got = read(fd, buf, sizeof(buf))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			err = KF_EIO;
			break;
		}
		if (sb_add(out, buf, (size_t)got) < 0) {
			err = out->len + (size_t)got > out->max ? KF_ETOOBIG : KF_ENOMEM;
			break;
		}
	}
	close(fd);
	return err;
}

/*
 * libxlsxwriter (1.1.4 in Debian bookworm) writes only to a file path, so the
 * workbook goes to a private temporary file in $TMPDIR that is read back and
 * always removed.
 */
enum kf_err export_xlsx_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	const char *tmpdir = getenv("TMPDIR");
	char path[4096];
	enum kf_err err;
	int fd;

	if (!tmpdir || !*tmpdir)
		tmpdir = "/tmp";
	if ((size_t)snprintf(path, sizeof(path), "%s/krisenfest-xlsx-XXXXXX", tmpdir) >= sizeof(path))
		return KF_EIO;
	if ((fd = mkstemp(path)) < 0)
		return KF_EIO;
	close(fd);
	err = write_workbook(doc, lang, path, tmpdir);
	if (!err)
		err = read_back(path, out);
	unlink(path);
	return err;
}
