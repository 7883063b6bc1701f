/* test_offline.c: the offline copy: sealing round-trips with the documented parameters, a wrong passphrase or a changed byte fails the GCM tag; the document escapes and stands alone. */
#include "kf_test.h"

#include <stdlib.h>

#include "../../src/export/offline_crypt.h"
#include "../../src/export/offline_html.h"
#include "../../src/lib/i18n.h"

static const char plain[] = "<!DOCTYPE html><p>Notfallplan der Bäckerei – Ärger &amp; Co</p>";

static void test_round_trip(void **state)
{
	struct offline_sealed s;
	unsigned char *out;
	size_t len;

	(void)state;
	assert_int_equal(offline_seal("Stollen & Brezel", OFFLINE_KDF_ITERATIONS, plain, strlen(plain), &s), KF_OK);
	assert_int_equal(s.iterations, 600000);
	assert_int_equal(s.ctlen, strlen(plain) + OFFLINE_TAG_LEN);
	assert_memory_not_equal(s.ct, plain, strlen(plain)); /* really encrypted */
	assert_int_equal(offline_open("Stollen & Brezel", &s, &out, &len), KF_OK);
	assert_int_equal(len, strlen(plain));
	assert_memory_equal(out, plain, len);
	assert_int_equal(out[len], '\0');
	free(out);
	offline_sealed_release(&s);
	assert_null(s.ct);
}

static void test_wrong_key_fails_tag(void **state)
{
	struct offline_sealed s;
	unsigned char *out = (unsigned char *)"x";
	size_t len = 1;

	(void)state;
	/* fewer rounds keep the test quick; the rounds are a parameter like salt and iv */
	assert_int_equal(offline_seal("richtig", 1000, plain, strlen(plain), &s), KF_OK);
	assert_int_equal(offline_open("falsch", &s, &out, &len), KF_EAUTH);
	assert_null(out);
	assert_int_equal(len, 0);
	/* the right passphrase with other rounds derives another key */
	s.iterations = 1001;
	assert_int_equal(offline_open("richtig", &s, &out, &len), KF_EAUTH);
	s.iterations = 1000;
	/* one changed bit of the ciphertext, of the tag, or of the iv */
	s.ct[3] ^= 1;
	assert_int_equal(offline_open("richtig", &s, &out, &len), KF_EAUTH);
	s.ct[3] ^= 1;
	s.ct[s.ctlen - 1] ^= 0x80;
	assert_int_equal(offline_open("richtig", &s, &out, &len), KF_EAUTH);
	s.ct[s.ctlen - 1] ^= 0x80;
	s.iv[0] ^= 1;
	assert_int_equal(offline_open("richtig", &s, &out, &len), KF_EAUTH);
	s.iv[0] ^= 1;
	assert_int_equal(offline_open("richtig", &s, &out, &len), KF_OK);
	free(out);
	offline_sealed_release(&s);
}

static void test_fresh_salt_and_iv(void **state)
{
	struct offline_sealed a, b;

	(void)state;
	assert_int_equal(offline_seal("pw", 1000, plain, strlen(plain), &a), KF_OK);
	assert_int_equal(offline_seal("pw", 1000, plain, strlen(plain), &b), KF_OK);
	assert_memory_not_equal(a.salt, b.salt, OFFLINE_SALT_LEN);
	assert_memory_not_equal(a.iv, b.iv, OFFLINE_IV_LEN);
	assert_memory_not_equal(a.ct, b.ct, a.ctlen);
	offline_sealed_release(&a);
	offline_sealed_release(&b);
}

static void test_refusals(void **state)
{
	struct offline_sealed s;
	unsigned char *out;
	size_t len;

	(void)state;
	assert_int_equal(offline_seal("", 1000, plain, 3, &s), KF_EINVAL);
	assert_int_equal(offline_seal(NULL, 1000, plain, 3, &s), KF_EINVAL);
	assert_int_equal(offline_seal("pw", 0, plain, 3, &s), KF_EINVAL);
	assert_null(s.ct);
	/* an empty text seals to the tag alone */
	assert_int_equal(offline_seal("pw", 1000, "", 0, &s), KF_OK);
	assert_int_equal(s.ctlen, OFFLINE_TAG_LEN);
	assert_int_equal(offline_open("pw", &s, &out, &len), KF_OK);
	assert_int_equal(len, 0);
	free(out);
	s.ctlen = OFFLINE_TAG_LEN - 1;
	assert_int_equal(offline_open("pw", &s, &out, &len), KF_EINVAL);
	s.ctlen = OFFLINE_TAG_LEN;
	offline_sealed_release(&s);
}

/* An empty plan whose organisation name needs escaping. */
static void empty_doc(struct plan_doc *doc, struct recovery_overrides *ov, struct risk_settings *rs)
{
	memset(doc, 0, sizeof(*doc));
	recovery_overrides_init(ov);
	risk_settings_init(rs);
	doc->org_id = 1;
	doc->org_name = "<script>alert(1)</script> Ärger & Co";
	doc->base_url = "";
	doc->overrides = ov;
	doc->risk_settings = rs;
	doc->d.today = "2026-11-28";
	doc->stamp.draft = 1;
	doc->stamp.approved_at = "";
	doc->stamp.approved_by = "";
	doc->stamp.made_at = "2026-11-28 10:00";
}

static void test_document_escapes_and_stands_alone(void **state)
{
	struct recovery_overrides ov;
	struct risk_settings rs;
	struct plan_doc doc;
	struct strbuf sb;

	(void)state;
	empty_doc(&doc, &ov, &rs);
	sb_init(&sb, STRBUF_DEFAULT_MAX);
	assert_int_equal(offline_html_render(&doc, KF_LANG_DE, NULL, &sb), KF_OK);
	assert_sane_strbuf(&sb);
	assert_non_null(strstr(sb.buf, "&lt;script&gt;alert(1)&lt;/script&gt; Ärger &amp; Co"));
	assert_null(strstr(sb.buf, "<script"));
	assert_null(strstr(sb.buf, "src="));
	assert_null(strstr(sb.buf, "http:"));
	assert_null(strstr(sb.buf, "https:"));
	assert_non_null(strstr(sb.buf, "default-src 'none'"));
	assert_non_null(strstr(sb.buf, "href=\"#wiederanlauf\""));
	assert_non_null(strstr(sb.buf, "id=\"wiederanlauf\""));
	assert_non_null(strstr(sb.buf, "28.11.2026 10:00"));
	sb_release(&sb);

	/* "" is no passphrase; with one, the outer page holds no plan text */
	sb_init(&sb, STRBUF_DEFAULT_MAX);
	assert_int_equal(offline_html_render(&doc, KF_LANG_DE, "", &sb), KF_OK);
	assert_null(strstr(sb.buf, "data-ciphertext"));
	sb_release(&sb);
	sb_init(&sb, STRBUF_DEFAULT_MAX);
	assert_int_equal(offline_html_render(&doc, KF_LANG_DE, "geheim", &sb), KF_OK);
	assert_non_null(strstr(sb.buf, "data-ciphertext=\""));
	assert_non_null(strstr(sb.buf, "data-iterations=\"600000\""));
	assert_non_null(strstr(sb.buf, "crypto.subtle"));
	assert_null(strstr(sb.buf, "wiederanlauf"));
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_wrong_key_fails_tag),
		cmocka_unit_test(test_fresh_salt_and_iv),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_document_escapes_and_stands_alone),
	};
	int rc;

	i18n_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	i18n_release();
	return rc;
}
