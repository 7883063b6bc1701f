/* test_lib.c: unit tests of the small library parts: arena, calendar dates and times, secrets. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/err.h"
#include "../../src/lib/secret.h"
#include "../../src/lib/timeutil.h"

static void test_arena(void **state)
{
	struct arena *a = arena_new();
	unsigned char *p;
	char *s;

	(void)state;
	assert_non_null(a);
	for (int i = 1; i < 100; i++) {
		p = arena_alloc(a, (size_t)i * 7);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		for (int j = 0; j < i * 7; j++)
			assert_int_equal(p[j], 0);
		memset(p, 0xFF, (size_t)i * 7);
	}
	p = arena_alloc(a, 100000); /* bigger than a chunk */
	assert_non_null(p);
	p[99999] = 1;
	assert_non_null(arena_alloc(a, 0));
	assert_null(arena_alloc(a, (size_t)1 << 40)); /* past the cap */
	s = arena_strndup(a, "abcdef", 3);
	assert_string_equal(s, "abc");
	assert_string_equal(arena_strdup(a, "xyz"), "xyz");
	assert_null(arena_strdup(a, NULL));
	assert_string_equal(arena_printf(a, "%s-%d", "n", 42), "n-42");
	arena_free(a);
	arena_free(NULL);
}

static void test_time_format(void **state)
{
	char buf[32];

	(void)state;
	kf_time_iso(0, buf);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	kf_time_iso(1795860000, buf);
	assert_string_equal(buf, "2026-11-28T10:00:00Z");
	kf_date_iso(1795860000, buf);
	assert_string_equal(buf, "2026-11-28");
	kf_date_iso(951782400, buf); /* 2000-02-29 */
	assert_string_equal(buf, "2000-02-29");
	assert_true(kf_now() > 1767225600);
	assert_true(kf_monotonic() >= 0);
}

static void test_date_parse(void **state)
{
	int y = 0, m = 0, d = 0;

	(void)state;
	assert_int_equal(kf_date_parse("2024-02-29", &y, &m, &d), 0);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(kf_date_parse("2026-02-29", &y, &m, &d), -1);
	assert_int_equal(kf_date_parse("2026-12-31", &y, &m, &d), 0);
	assert_int_equal(kf_date_parse("2026-11-31", &y, &m, &d), -1);
	assert_int_equal(kf_date_parse("2026-1-31", &y, &m, &d), -1);
	assert_int_equal(kf_date_parse("2026-01-31x", &y, &m, &d), -1);
	assert_int_equal(kf_date_parse("", &y, &m, &d), -1);
}

static void test_tokens(void **state)
{
	char t1[KF_TOKEN_LEN], t2[KF_TOKEN_LEN], h1[KF_TOKEN_HASH_LEN], h2[KF_TOKEN_HASH_LEN];

	(void)state;
	assert_int_equal(kf_secret_init(), 0);
	kf_random_token(t1);
	kf_random_token(t2);
	assert_int_equal(strlen(t1), 43);
	assert_int_equal(strspn(t1, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), 43);
	assert_string_not_equal(t1, t2);
	kf_token_hash(t1, h1);
	kf_token_hash(t1, h2);
	assert_int_equal(strlen(h1), 64);
	assert_string_equal(h1, h2);
	kf_token_hash(t2, h2);
	assert_string_not_equal(h1, h2);
	assert_true(kf_secure_streq("abc", "abc"));
	assert_false(kf_secure_streq("abc", "abd"));
	assert_false(kf_secure_streq("abc", "abcd"));
	assert_false(kf_secure_streq("", "a"));
	assert_true(kf_secure_streq("", ""));
}

static void test_password_hash(void **state)
{
	char hash[KF_PASSWORD_HASH_LEN];

	(void)state;
	assert_int_equal(kf_secret_init(), 0);
	assert_int_equal(kf_password_hash("correct horse battery", hash), 0);
	assert_true(strlen(hash) < KF_PASSWORD_HASH_LEN);
	assert_non_null(strstr(hash, "argon2id"));
	assert_true(kf_password_verify(hash, "correct horse battery"));
	assert_false(kf_password_verify(hash, "correct horse batterY"));
	assert_false(kf_password_verify(hash, ""));
	assert_false(kf_password_verify("not a hash", "correct horse battery"));
}

static void test_strerror(void **state)
{
	(void)state;
	for (int e = 0; e < KF_ERR__MAX; e++) {
		assert_non_null(kf_strerror((enum kf_err)e));
		assert_true(strlen(kf_strerror((enum kf_err)e)) > 0);
	}
	assert_non_null(kf_strerror(KF_ERR__MAX));
	assert_non_null(kf_strerror((enum kf_err)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_time_format),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_password_hash),
		cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests_name("lib", tests, NULL, NULL);
}
