/* test_kv.c: unit tests of key/value lists and the application/x-www-form-urlencoded parser. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/kv.h"

static int setup(void **state)
{
	*state = arena_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* Parses s (whole string) into a fresh list; returns the parser's result. */
static int parse(struct arena *a, struct kv_list *l, const char *s, size_t max_fields)
{
	memset(l, 0, sizeof(*l));
	return kv_parse_urlencoded(l, a, s, strlen(s), max_fields);
}

static void test_simple_pairs(void **state)
{
	struct kv_list l;

	assert_int_equal(parse(*state, &l, "a=1&b=two&c=3", 10), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0].key, "a");
	assert_string_equal(l.items[0].val, "1");
	assert_string_equal(l.items[1].key, "b");
	assert_string_equal(l.items[1].val, "two");
	assert_string_equal(kv_get(&l, "c"), "3");
	assert_null(kv_get(&l, "d"));
	assert_null(kv_get(&l, "A")); /* keys are case-sensitive */
}

static void test_plus_and_percent_decoding(void **state)
{
	struct kv_list l;

	assert_int_equal(parse(*state, &l, "name=Hans+M%C3%BCller&q=a%20b&city=K%C3%b6ln&x=%2B%26%3D%25", 10), 0);
	assert_string_equal(kv_get(&l, "name"), "Hans Müller");
	assert_string_equal(kv_get(&l, "q"), "a b");
	assert_string_equal(kv_get(&l, "city"), "Köln"); /* lower-case hex too */
	assert_string_equal(kv_get(&l, "x"), "+&=%");
	assert_int_equal(parse(*state, &l, "Stra%C3%9Fe+1=%C3%A4%C3%B6%C3%BC", 10), 0);
	assert_string_equal(l.items[0].key, "Straße 1"); /* keys are decoded too */
	assert_string_equal(l.items[0].val, "äöü");
}

static void test_empty_values_and_missing_equals(void **state)
{
	struct kv_list l;

	assert_int_equal(parse(*state, &l, "empty=&flag&last=", 10), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(kv_get(&l, "empty"), "");
	assert_string_equal(kv_get(&l, "flag"), "");
	assert_string_equal(kv_get(&l, "last"), "");
	assert_int_equal(parse(*state, &l, "=v", 10), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0].key, "");
	assert_string_equal(l.items[0].val, "v");
}

static void test_empty_segments_skipped(void **state)
{
	struct kv_list l;

	assert_int_equal(parse(*state, &l, "", 10), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(parse(*state, &l, "&&a=1&&&b=2&", 10), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_string_equal(kv_get(&l, "b"), "2");
}

static void test_value_with_equals_and_duplicates(void **state)
{
	struct kv_list l;

	assert_int_equal(parse(*state, &l, "a=b=c&k=1&k=2", 10), 0);
	assert_string_equal(kv_get(&l, "a"), "b=c");
	assert_string_equal(kv_get(&l, "k"), "1"); /* the first value wins */
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[2].val, "2"); /* order is kept */
}

static void test_malformed_escapes_rejected(void **state)
{
	static const char *const bad[] = {
		"a=%zz", "a=%", "a=b%", "a=%4", "a=%4g", "a=%g4", "%=1", "k%zz=1", "a=1&b=%", "a=%%41",
	};
	struct kv_list l;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parse(*state, &l, bad[i], 10) != -1)
			fail_msg("accepted malformed input \"%s\"", bad[i]);
	}
	/* an escape right at the end is fine */
	assert_int_equal(parse(*state, &l, "a=%41", 10), 0);
	assert_string_equal(kv_get(&l, "a"), "A");
	assert_int_equal(parse(*state, &l, "a=x%41&b=%42", 10), 0);
	assert_string_equal(kv_get(&l, "a"), "xA");
	assert_string_equal(kv_get(&l, "b"), "B");
}

static void test_max_fields(void **state)
{
	struct kv_list l;

	assert_int_equal(parse(*state, &l, "a=1&b=2&c=3", 3), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(parse(*state, &l, "a=1&b=2&c=3", 2), -1);
	assert_int_equal(parse(*state, &l, "a=1", 0), -1);
	/* empty segments do not count */
	assert_int_equal(parse(*state, &l, "a=1&&&&b=2", 2), 0);
	assert_int_equal(l.n, 2);
}

static void test_length_is_respected(void **state)
{
	const char *s = "a=1&b=2";
	struct kv_list l;

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, s, 3, 10), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_get(&l, "a"), "1");
	assert_null(kv_get(&l, "b"));
	/* a cut in the middle of an escape is malformed, not a read past the end */
	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, "a=%41", 4, 10), -1);
}

static void test_many_fields_grow_list(void **state)
{
	char buf[2048];
	size_t off = 0;
	struct kv_list l;
	int i;

	for (i = 0; i < 100; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%sk%d=v%d", i ? "&" : "", i, i);
	assert_int_equal(parse(*state, &l, buf, 100), 0);
	assert_int_equal(l.n, 100);
	for (i = 0; i < 100; i++) {
		char k[16], v[16];

		snprintf(k, sizeof(k), "k%d", i);
		snprintf(v, sizeof(v), "v%d", i);
		assert_string_equal(kv_get(&l, k), v);
	}
	assert_int_equal(parse(*state, &l, buf, 99), -1);
}

static void test_kv_add(void **state)
{
	struct kv_list l;

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_add(&l, *state, "key", 3, "value", 5), 0);
	assert_int_equal(kv_add(&l, *state, "k2xxx", 2, "v2yyy", 2), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(kv_get(&l, "key"), "value");
	assert_string_equal(kv_get(&l, "k2"), "v2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_simple_pairs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plus_and_percent_decoding, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_values_and_missing_equals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_segments_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_value_with_equals_and_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed_escapes_rejected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_max_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_length_is_respected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_fields_grow_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kv_add, setup, teardown),
	};

	return cmocka_run_group_tests_name("kv", tests, NULL, NULL);
}
