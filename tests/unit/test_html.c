/* test_html.c: unit tests of the escaping HTML writer. */
#include "kf_test.h"
#include "../../src/web/html.h"

static int setup(void **state)
{
	struct strbuf *sb = test_malloc(sizeof(*sb));

	sb_init(sb, 0);
	*state = sb;
	return 0;
}

static int teardown(void **state)
{
	struct strbuf *sb = *state;

	assert_sane_strbuf(sb);
	sb_release(sb);
	test_free(sb);
	return 0;
}

static void test_text_escapes(void **state)
{
	struct strbuf *sb = *state;

	html_text(sb, "<script>alert(1)</script>");
	assert_string_equal(sb->buf, "&lt;script&gt;alert(1)&lt;/script&gt;");
	sb_reset(sb);
	html_text(sb, "Tom & \"Jerry\" 'n' <b>");
	assert_string_equal(sb->buf, "Tom &amp; &quot;Jerry&quot; &#39;n&#39; &lt;b&gt;");
	sb_reset(sb);
	html_text(sb, "&amp;"); /* already escaped text is escaped again */
	assert_string_equal(sb->buf, "&amp;amp;");
	sb_reset(sb);
	html_text(sb, "Grüße, 😀");
	assert_string_equal(sb->buf, "Grüße, 😀");
	sb_reset(sb);
	html_text(sb, "");
	html_text(sb, NULL);
	assert_string_equal(sb->buf, "");
	html_text(sb, "<<>>");
	assert_string_equal(sb->buf, "&lt;&lt;&gt;&gt;");
	assert_sane_strbuf(sb);
}

static void test_textf(void **state)
{
	struct strbuf *sb = *state;

	html_textf(sb, "%d < %s", 3, "<i>&");
	assert_string_equal(sb->buf, "3 &lt; &lt;i&gt;&amp;");
}

static void test_attr(void **state)
{
	struct strbuf *sb = *state;

	html_attr(sb, "title", "a\"b' onmouseover='x");
	assert_string_equal(sb->buf, " title=\"a&quot;b&#39; onmouseover=&#39;x\"");
	sb_reset(sb);
	html_attr(sb, "value", NULL);
	html_attr(sb, "name", "");
	assert_string_equal(sb->buf, " value=\"\" name=\"\"");
	sb_reset(sb);
	html_attr(sb, "href", "/o/1?a=1&b=2");
	assert_string_equal(sb->buf, " href=\"/o/1?a=1&amp;b=2\"");
}

static void test_url_part(void **state)
{
	struct strbuf *sb = *state;

	html_url_part(sb, "AZaz09-._~");
	assert_string_equal(sb->buf, "AZaz09-._~");
	sb_reset(sb);
	html_url_part(sb, "a b/ä?&=#%+\"<");
	assert_string_equal(sb->buf, "a%20b%2F%C3%A4%3F%26%3D%23%25%2B%22%3C");
	sb_reset(sb);
	html_url_part(sb, "\x01\x7f\xff");
	assert_string_equal(sb->buf, "%01%7F%FF");
	sb_reset(sb);
	html_url_part(sb, "");
	assert_string_equal(sb->buf, "");
}

static void test_text_subst(void **state)
{
	struct strbuf *sb = *state;

	html_text_subst(sb, "Role \"%s\" has no deputy.", "<b>IT & Co</b>");
	assert_string_equal(sb->buf, "Role &quot;&lt;b&gt;IT &amp; Co&lt;/b&gt;&quot; has no deputy.");
	sb_reset(sb);
	html_text_subst(sb, "%s has no mobile number.", "Anna");
	assert_string_equal(sb->buf, "Anna has no mobile number.");
	sb_reset(sb);
	html_text_subst(sb, "No placeholder <here>", "ignored");
	assert_string_equal(sb->buf, "No placeholder &lt;here&gt;");
	sb_reset(sb);
	html_text_subst(sb, "%s and %s", "x");
	assert_string_equal(sb->buf, "x and %s"); /* only the first */
	sb_reset(sb);
	html_text_subst(sb, "[%s]", NULL);
	assert_string_equal(sb->buf, "[]");
	sb_reset(sb);
	html_text_subst(sb, "[%s]", "%s"); /* the argument is not a template */
	assert_string_equal(sb->buf, "[%s]");
}

static void test_lit(void **state)
{
	struct strbuf *sb = *state;

	assert_int_equal(html_lit(sb, "<p class=\"x\">"), 0);
	html_text(sb, "<&>");
	html_lit(sb, "</p>");
	assert_string_equal(sb->buf, "<p class=\"x\">&lt;&amp;&gt;</p>");
}

static void test_date(void **state)
{
	struct strbuf *sb = *state;

	html_date(sb, "2026-10-01", 1);
	assert_string_equal(sb->buf, "01.10.2026");
	sb_reset(sb);
	html_date(sb, "2026-10-01", 0);
	assert_string_equal(sb->buf, "2026-10-01");
	sb_reset(sb);
	/* anything that is not a date is written as escaped text */
	html_date(sb, "<b>2026</b>", 1);
	assert_string_equal(sb->buf, "&lt;b&gt;2026&lt;/b&gt;");
	sb_reset(sb);
	html_date(sb, "2026-10-0<", 1);
	assert_string_equal(sb->buf, "2026-10-0&lt;");
	sb_reset(sb);
	html_date(sb, "", 1);
	assert_string_equal(sb->buf, "");
}

static void test_cap_respected(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 10);
	html_text(&sb, "<<<"); /* 12 bytes escaped */
	assert_int_equal(sb.failed, 1);
	assert_true(sb.len <= 10);
	assert_sane_strbuf(&sb);
	sb_release(&sb);
	sb_init(&sb, 10);
	html_text_subst(&sb, "%s!", "0123456789");
	assert_int_equal(sb.failed, 1);
	assert_sane_strbuf(&sb);
	sb_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_text_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_textf, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attr, setup, teardown),
		cmocka_unit_test_setup_teardown(test_url_part, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_subst, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date, setup, teardown),
		cmocka_unit_test(test_cap_respected),
	};

	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
