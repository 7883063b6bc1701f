/* test_export.c: unit tests of the exports: CSV quoting (RFC 4180), vCard escaping and folding (RFC 6350), the registry and stamp. */
#include <string.h>

#include "kf_test.h"
#include "../../src/export/export.h"
#include "../../src/lib/arena.h"

static void test_csv_field(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 4096);
	csv_field(&sb, "plain Bäckerei");
	sb_addc(&sb, '|');
	csv_field(&sb, "a,b");
	sb_addc(&sb, '|');
	csv_field(&sb, "sagt \"hallo\"");
	sb_addc(&sb, '|');
	csv_field(&sb, "zwei\nZeilen");
	sb_addc(&sb, '|');
	csv_field(&sb, "cr\r");
	sb_addc(&sb, '|');
	csv_field(&sb, NULL);
	sb_addc(&sb, '|');
	csv_field(&sb, "");
	assert_string_equal(sb.buf, "plain Bäckerei|\"a,b\"|\"sagt \"\"hallo\"\"\"|\"zwei\nZeilen\"|\"cr\r\"||");
	sb_release(&sb);
}

static void test_vcard_escape(void **state)
{
	struct strbuf sb;
	const char *parts[] = { "Müller; Sohn", "Anna, Maria", "" };

	(void)state;
	sb_init(&sb, 4096);
	vcard_line(&sb, "NOTE", "a\\b, c; d\ne\r\nf");
	assert_string_equal(sb.buf, "NOTE:a\\\\b\\, c\\; d\\ne\\nf\r\n");
	sb_reset(&sb);
	vcard_line_parts(&sb, "N", parts, 3);
	assert_string_equal(sb.buf, "N:Müller\\; Sohn;Anna\\, Maria;\r\n");
	sb_release(&sb);
}

/* Every physical line at most 75 octets, continuation lines start with one space, unfolding gives the line back. */
static void test_vcard_fold(void **state)
{
	struct strbuf sb, unfolded, want;
	const char *p;

	(void)state;
	sb_init(&sb, 8192);
	sb_init(&unfolded, 8192);
	sb_init(&want, 8192);
	sb_adds(&want, "NOTE:");
	for (int i = 0; i < 40; i++)
		sb_adds(&want, "Grüße ä€"); /* 2-, 3-byte sequences: a fold must not split them */
	vcard_line(&sb, "NOTE", want.buf + 5);
	p = sb.buf;
	while (*p) {
		const char *eol = strstr(p, "\r\n");

		assert_non_null(eol);
		assert_true(eol - p <= 75);
		if (p != sb.buf) {
			assert_int_equal(*p, ' ');
			p++;
		}
		/* a line never starts inside a UTF-8 sequence */
		assert_true(((unsigned char)*p & 0xC0) != 0x80);
		sb_add(&unfolded, p, (size_t)(eol - p));
		p = eol + 2;
	}
	assert_string_equal(unfolded.buf, want.buf);
	/* short lines are not folded */
	sb_reset(&sb);
	vcard_line(&sb, "FN", "Erika Muster");
	assert_string_equal(sb.buf, "FN:Erika Muster\r\n");
	sb_release(&sb);
	sb_release(&unfolded);
	sb_release(&want);
}

static void small_doc(struct plan_doc *doc, struct contact *c, struct risk_settings *rs, struct recovery_overrides *ov)
{
	memset(doc, 0, sizeof(*doc));
	memset(ov, 0, sizeof(*ov));
	risk_settings_init(rs);
	contact_init(c);
	c->id = 3;
	c->version = 1;
	c->name = "Erika Muster";
	c->company = "Muster, GmbH";
	c->function = "Geschäftsführerin";
	c->email = "erika@example.org";
	c->nphones = 1;
	c->phones[0].kind = PHONE_MOBILE;
	c->phones[0].number = "0171 1234567";
	doc->org_id = 1;
	doc->org_name = "Bäckerei Beispiel";
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
}

static void test_registry_and_stamp(void **state)
{
	struct plan_doc doc;
	struct contact c;
	struct risk_settings rs;
	struct recovery_overrides ov;
	struct strbuf sb;
	char h1[13], h2[13];
	struct arena *a = arena_new();
	size_t n;
	const struct export_kind *k = export_kinds(&n);

	(void)state;
	assert_true(n > 3);
	for (size_t i = 0; i < n; i++)
		assert_ptr_equal(export_kind_find(k[i].name), &k[i]);
	assert_null(export_kind_find("nope"));
	small_doc(&doc, &c, &rs, &ov);
	/* the hash ignores made_at and bookkeeping (version), not content */
	assert_int_equal(export_stamp_hash(&doc, h1), 0);
	assert_int_equal(strlen(h1), 12);
	doc.stamp.made_at = "2026-01-01 00:00";
	c.version = 7;
	assert_int_equal(export_stamp_hash(&doc, h2), 0);
	assert_string_equal(h1, h2);
	c.email = "neu@example.org";
	assert_int_equal(export_stamp_hash(&doc, h2), 0);
	assert_string_not_equal(h1, h2);
	memcpy(doc.stamp.hash, h2, 13);
	assert_string_equal(export_file_name(a, export_kind_find("contacts.vcf"), &doc, 0),
			    "baeckerei-beispiel-kontakte-entwurf-2026-01-01.vcf");
	/* CSV with BOM, German headers, CRLF */
	sb_init(&sb, 1 << 20);
	assert_int_equal(export_render(export_kind_find("contacts.csv"), &doc, KF_LANG_DE, &(struct export_opts){ .bom = 1 }, &sb), KF_OK);
	assert_memory_equal(sb.buf, "\xEF\xBB\xBF", 3);
	assert_non_null(strstr(sb.buf, "\r\n3,Erika Muster,\"Muster, GmbH\",Geschäftsführerin,"));
	/* wire: a passphrase for a kind that cannot be sealed is refused, nothing written */
	sb_reset(&sb);
	assert_int_equal(export_render(export_kind_find("contacts.csv"), &doc, KF_LANG_DE,
				       &(struct export_opts){ .passphrase = "lang genug geheim" }, &sb), KF_EPERM);
	assert_int_equal(sb.len, 0);
	assert_non_null(export_kind_find("offline.html"));
	assert_non_null(export_kind_find("offline.html")->render_sealed);
	/* an approved document without typed registers cannot feed the vCard */
	sb_reset(&sb);
	doc.typed = 0;
	assert_int_equal(export_render(export_kind_find("contacts.vcf"), &doc, KF_LANG_DE, NULL, &sb), KF_EINVAL);
	doc.typed = 1;
	assert_int_equal(export_render(export_kind_find("contacts.vcf"), &doc, KF_LANG_DE, NULL, &sb), KF_OK);
	assert_non_null(strstr(sb.buf, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Erika Muster\r\nN:Muster;Erika;;;\r\nORG:Muster\\, GmbH\r\n"));
	assert_non_null(strstr(sb.buf, "TEL;TYPE=cell:0171 1234567\r\n"));
	sb_release(&sb);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_field),
		cmocka_unit_test(test_vcard_escape),
		cmocka_unit_test(test_vcard_fold),
		cmocka_unit_test(test_registry_and_stamp),
	};

	if (i18n_init() < 0)
		return 1;
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	i18n_release();
	return rc;
}
