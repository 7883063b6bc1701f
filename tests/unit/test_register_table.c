/* test_register_table.c: unit tests of the registers as tables (register_table.c) and the Excel workbook made from them. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kf_test.h"
#include "../../src/export/export.h"
#include "../../src/export/register_table.h"

static void one_contact_doc(struct plan_doc *doc, struct contact *c, struct risk_settings *rs,
			    struct recovery_overrides *ov)
{
	memset(doc, 0, sizeof(*doc));
	memset(ov, 0, sizeof(*ov));
	risk_settings_init(rs);
	contact_init(c);
	c->id = 3;
	c->version = 1;
	c->name = "Jürgen Müller";
	c->company = "Bäckerei, Süd";
	memcpy(c->last_verified, "2025-03-01", 11);
	c->nphones = 1;
	c->phones[0].kind = PHONE_MOBILE;
	c->phones[0].number = "0171 1234567";
	doc->org_id = 1;
	doc->org_name = "Bäckerei & Söhne";
	doc->d.today = "2025-03-01";
	doc->d.contacts = c;
	doc->d.ncontacts = 1;
	doc->overrides = ov;
	doc->risk_settings = rs;
	doc->typed = 1;
	doc->stamp.draft = 1;
	doc->stamp.approved_at = "";
	doc->stamp.approved_by = "";
	doc->stamp.made_at = "2025-03-01 10:00";
	memcpy(doc->stamp.hash, "0123456789ab", 13);
}

/* Every register has a CSV kind, a unique name and unique column keys; its title fits a sheet name. */
static void test_defs(void **state)
{
	size_t n;
	const struct register_def *defs = register_defs(&n);
	char kind[64];

	(void)state;
	assert_true(n >= 15);
	for (size_t i = 0; i < n; i++) {
		assert_ptr_equal(register_find(defs[i].name), &defs[i]);
		snprintf(kind, sizeof(kind), "%s.csv", defs[i].name);
		assert_non_null(export_kind_find(kind));
		assert_true(defs[i].ncols > 0 && defs[i].ncols <= 32);
		assert_true(strlen(_(KF_LANG_DE, defs[i].title)) > 0);
		for (size_t a = 0; a < defs[i].ncols; a++)
			for (size_t b = a + 1; b < defs[i].ncols; b++)
				assert_string_not_equal(defs[i].cols[a].key, defs[i].cols[b].key);
	}
	assert_null(register_find("nope"));
	assert_null(register_find(NULL));
}

struct seen {
	size_t cells, rows;
	char name[64], phones[64], date[16];
	int date_is_string;
};

static enum kf_err collect(void *ctx, size_t row, size_t col, const char *text, const json_t *v)
{
	struct seen *s = ctx;
	const struct register_def *def = register_find("contacts");

	s->cells++;
	if (row + 1 > s->rows)
		s->rows = row + 1;
	if (row == 1 && strcmp(def->cols[col].key, "name") == 0)
		snprintf(s->name, sizeof(s->name), "%s", text);
	if (row == 1 && strcmp(def->cols[col].key, "phones") == 0)
		snprintf(s->phones, sizeof(s->phones), "%s", text);
	if (row == 1 && def->cols[col].cell == REG_CELL_DATE) {
		snprintf(s->date, sizeof(s->date), "%s", text);
		s->date_is_string = json_is_string(v);
	}
	if (row == 0)
		assert_null(v);
	return KF_OK;
}

static enum kf_err stop_at_header(void *ctx, size_t row, size_t col, const char *text, const json_t *v)
{
	(void)ctx, (void)row, (void)col, (void)text, (void)v;
	return KF_ETOOBIG;
}

/* The visit: a header row and one row per item, values as text, the callback's refusal returned. */
static void test_visit(void **state)
{
	struct plan_doc doc;
	struct contact c;
	struct risk_settings rs;
	struct recovery_overrides ov;
	struct seen s = { 0 };
	const struct register_def *def = register_find("contacts");

	(void)state;
	one_contact_doc(&doc, &c, &rs, &ov);
	assert_int_equal(register_table_visit(def, &doc, KF_LANG_DE, collect, &s), KF_OK);
	assert_int_equal(s.rows, 2);
	assert_int_equal(s.cells, 2 * def->ncols);
	assert_string_equal(s.name, "Jürgen Müller");
	assert_string_equal(s.phones, "Mobil: 0171 1234567");
	assert_string_equal(s.date, "2025-03-01");
	assert_true(s.date_is_string);
	assert_int_equal(register_table_visit(def, &doc, KF_LANG_DE, stop_at_header, NULL), KF_ETOOBIG);
}

/* The workbook: a ZIP file, and no temporary file left in $TMPDIR. */
static void test_xlsx(void **state)
{
	struct plan_doc doc;
	struct contact c;
	struct risk_settings rs;
	struct recovery_overrides ov;
	struct strbuf sb;
	char dir[] = "/tmp/kf-xlsx-test-XXXXXX";
	struct dirent *e;
	DIR *d;
	int files = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(setenv("TMPDIR", dir, 1), 0);
	one_contact_doc(&doc, &c, &rs, &ov);
	sb_init(&sb, 16 << 20);
	assert_int_equal(export_render(export_kind_find(EXPORT_XLSX_KIND), &doc, KF_LANG_DE, 0, &sb), KF_OK);
	assert_true(sb.len > 1000);
	assert_memory_equal(sb.buf, "PK\x03\x04", 4);
	/* too small a buffer: refused as a whole, and still no file left */
	sb_release(&sb);
	sb_init(&sb, 100);
	assert_int_equal(export_render(export_kind_find(EXPORT_XLSX_KIND), &doc, KF_LANG_DE, 0, &sb), KF_ETOOBIG);
	sb_release(&sb);
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			files++;
	closedir(d);
	assert_int_equal(files, 0);
	rmdir(dir);
	unsetenv("TMPDIR");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defs),
		cmocka_unit_test(test_visit),
		cmocka_unit_test(test_xlsx),
	};

	if (i18n_init() < 0)
		return 1;
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	i18n_release();
	return rc;
}
