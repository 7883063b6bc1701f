/* test_strbuf.c: unit tests of the capped string builder (appends, cap, reset, detach). */
#include <stdlib.h>

#include "kf_test.h"

static void test_init_is_empty(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 0);
	assert_sane_strbuf(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.max, STRBUF_DEFAULT_MAX);
	assert_int_equal(sb.failed, 0);
	sb_release(&sb);
	assert_sane_strbuf(&sb);
}

static void test_appends(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 0);
	assert_int_equal(sb_add(&sb, "abc", 3), 0);
	assert_sane_strbuf(&sb);
	assert_int_equal(sb_adds(&sb, "-def"), 0);
	assert_int_equal(sb_addc(&sb, '!'), 0);
	assert_int_equal(sb_addf(&sb, " %d/%s/%05.1f", 42, "x", 3.14159), 0);
	assert_sane_strbuf(&sb);
	assert_string_equal(sb.buf, "abc-def! 42/x/003.1");
	assert_int_equal(sb.len, strlen("abc-def! 42/x/003.1"));
	/* zero-length appends change nothing */
	assert_int_equal(sb_add(&sb, "", 0), 0);
	assert_int_equal(sb_adds(&sb, ""), 0);
	assert_int_equal(sb_addf(&sb, "%s", ""), 0);
	assert_string_equal(sb.buf, "abc-def! 42/x/003.1");
	sb_release(&sb);
}

static void test_binary_and_nul_termination(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 0);
	assert_int_equal(sb_add(&sb, "a\0b", 3), 0);
	assert_int_equal(sb.len, 3);
	assert_memory_equal(sb.buf, "a\0b", 4); /* NUL after the content too */
	assert_sane_strbuf(&sb);
	sb_release(&sb);
}

static void test_grows_over_many_appends(void **state)
{
	struct strbuf sb;
	size_t i;

	(void)state;
	sb_init(&sb, 0);
	for (i = 0; i < 10000; i++) {
		assert_int_equal(sb_addc(&sb, (char)('a' + i % 26)), 0);
		if (i % 997 == 0)
			assert_sane_strbuf(&sb);
	}
	assert_int_equal(sb.len, 10000);
	for (i = 0; i < 10000; i++)
		assert_int_equal(sb.buf[i], 'a' + i % 26);
	assert_sane_strbuf(&sb);
	assert_int_equal(sb_addf(&sb, "%5000s", "y"), 0);
	assert_int_equal(sb.len, 15000);
	assert_int_equal(sb.buf[14999], 'y');
	assert_sane_strbuf(&sb);
	sb_release(&sb);
}

static void test_cap_exactly_max_is_allowed(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 8);
	assert_int_equal(sb_adds(&sb, "12345678"), 0);
	assert_int_equal(sb.failed, 0);
	assert_int_equal(sb.len, 8);
	assert_string_equal(sb.buf, "12345678");
	assert_sane_strbuf(&sb);
	/* one more byte is past the cap */
	assert_int_equal(sb_addc(&sb, '9'), -1);
	assert_int_equal(sb.failed, 1);
	assert_string_equal(sb.buf, "12345678");
	assert_sane_strbuf(&sb);
	sb_release(&sb);
}

static void test_cap_failure_keeps_content_and_sticks(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 8);
	assert_int_equal(sb_adds(&sb, "12345"), 0);
	assert_int_equal(sb_adds(&sb, "6789"), -1);
	assert_int_equal(sb.failed, 1);
	assert_int_equal(sb.len, 5);
	assert_string_equal(sb.buf, "12345");
	assert_sane_strbuf(&sb);
	/* later appends are refused even when they would fit */
	assert_int_equal(sb_addc(&sb, 'x'), -1);
	assert_int_equal(sb_add(&sb, "", 0), -1);
	assert_int_equal(sb_addf(&sb, "%d", 1), -1);
	assert_string_equal(sb.buf, "12345");
	assert_sane_strbuf(&sb);
	sb_release(&sb);
	/* the cap survives sb_release */
	assert_int_equal(sb.max, 8);
	assert_int_equal(sb.failed, 0);
	assert_int_equal(sb_adds(&sb, "123456789"), -1);
	assert_string_equal(sb.buf, "");
	assert_sane_strbuf(&sb);
	sb_release(&sb);
}

static void test_cap_printf(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 10);
	assert_int_equal(sb_addf(&sb, "%s", "abc"), 0);
	assert_int_equal(sb_addf(&sb, "%d", 12345678), -1);
	assert_int_equal(sb.failed, 1);
	assert_string_equal(sb.buf, "abc");
	assert_int_equal(sb.len, 3);
	assert_sane_strbuf(&sb);
	sb_release(&sb);
}

static void test_huge_append_refused(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 16);
	assert_int_equal(sb_adds(&sb, "ab"), 0);
	/* a length that would overflow len + extra must not wrap around the cap check */
	assert_int_equal(sb_add(&sb, "x", SIZE_MAX), -1);
	assert_int_equal(sb.failed, 1);
	assert_string_equal(sb.buf, "ab");
	sb_release(&sb);
}

static void test_reset(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 4);
	sb_reset(&sb); /* on the shared empty string */
	assert_sane_strbuf(&sb);
	assert_int_equal(sb_adds(&sb, "abcde"), -1);
	sb_reset(&sb);
	assert_int_equal(sb.failed, 0);
	assert_int_equal(sb_adds(&sb, "abcd"), 0);
	sb_reset(&sb);
	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	assert_sane_strbuf(&sb);
	assert_int_equal(sb_adds(&sb, "xy"), 0);
	assert_string_equal(sb.buf, "xy");
	sb_release(&sb);
}

static void test_detach(void **state)
{
	struct strbuf sb;
	size_t len = 99;
	char *s;

	(void)state;
	sb_init(&sb, 100);
	assert_int_equal(sb_adds(&sb, "hello"), 0);
	s = sb_detach(&sb, &len);
	assert_non_null(s);
	assert_string_equal(s, "hello");
	assert_int_equal(len, 5);
	/* sb is empty, usable and keeps its cap */
	assert_sane_strbuf(&sb);
	assert_int_equal(sb.len, 0);
	assert_int_equal(sb.alloc, 0);
	assert_int_equal(sb.max, 100);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb_adds(&sb, "again"), 0);
	assert_string_equal(sb.buf, "again");
	assert_string_equal(s, "hello");
	free(s);
	sb_release(&sb);
}

static void test_detach_empty(void **state)
{
	struct strbuf sb;
	size_t len = 99;
	char *s;

	(void)state;
	sb_init(&sb, 0);
	s = sb_detach(&sb, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s); /* must be a real allocation */
	s = sb_detach(&sb, NULL);
	assert_non_null(s);
	free(s);
	assert_sane_strbuf(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_is_empty),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_binary_and_nul_termination),
		cmocka_unit_test(test_grows_over_many_appends),
		cmocka_unit_test(test_cap_exactly_max_is_allowed),
		cmocka_unit_test(test_cap_failure_keeps_content_and_sticks),
		cmocka_unit_test(test_cap_printf),
		cmocka_unit_test(test_huge_append_refused),
		cmocka_unit_test(test_reset),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_detach_empty),
	};

	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
