/* test_comments.c: the @mention parser and matcher, and the field diff of history snapshots. */
#include <string.h>

#include "kf_test.h"
#include "../../src/core/fielddiff.h"
#include "../../src/core/mention.h"
#include "../../src/lib/arena.h"

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

static void test_mention_tokens(void **state)
{
	const char **t;
	int n = mention_parse("Hallo @anna, bitte mit @Bernd.Maier. und @\"Carla Ohm\" klären; mail@x.de, @anna again",
			      *state, &t);

	assert_int_equal(n, 3);
	assert_string_equal(t[0], "anna");
	assert_string_equal(t[1], "Bernd.Maier");
	assert_string_equal(t[2], "Carla Ohm");
}

static void test_mention_edge_cases(void **state)
{
	const char **t;
	char big[300];

	assert_int_equal(mention_parse("", *state, &t), 0);
	assert_int_equal(mention_parse(NULL, *state, &t), 0);
	assert_int_equal(mention_parse("@", *state, &t), 0);
	assert_int_equal(mention_parse("@@x a@b @\"open", *state, &t), 0);
	assert_int_equal(mention_parse("@\"line\nbreak\"", *state, &t), 0);
	assert_int_equal(mention_parse("(@jörg)", *state, &t), 1);
	assert_string_equal(t[0], "jörg");
	assert_int_equal(mention_parse("@ANNA @anna", *state, &t), 1);
	memset(big, 'a', sizeof(big) - 1);
	big[0] = '@';
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(mention_parse(big, *state, &t), 0);
}

static void test_mention_max(void **state)
{
	char text[1024] = "";
	const char **t;

	for (int i = 0; i < 30; i++) {
		char one[16];

		snprintf(one, sizeof(one), "@u%d ", i);
		strncat(text, one, sizeof(text) - strlen(text) - 1);
	}
	assert_int_equal(mention_parse(text, *state, &t), MENTION_MAX);
}

static void test_mention_matches(void **state)
{
	(void)state;
	assert_true(mention_matches("anna.schmidt", "Anna Schmidt", "as@example.org"));
	assert_true(mention_matches("annaschmidt", "Anna Schmidt", "as@example.org"));
	assert_true(mention_matches("Anna_Schmidt", "Anna  Schmidt", "as@example.org"));
	assert_true(mention_matches("anna schmidt", "Anna Schmidt", ""));
	assert_true(mention_matches("AS", "Anna Schmidt", "as@example.org"));
	assert_false(mention_matches("anna", "Anna Schmidt", "as@example.org"));
	assert_false(mention_matches("example.org", "Anna Schmidt", "as@example.org"));
	assert_false(mention_matches("", "Anna", "a@b.de"));
	assert_false(mention_matches("x", "", ""));
}

static json_t *j(const char *s)
{
	json_t *v = json_loads(s, 0, NULL);

	assert_non_null(v);
	return v;
}

static void test_diff_changed_added_removed(void **state)
{
	json_t *b = j("{\"id\":1,\"version\":1,\"name\":\"A\",\"notes\":\"x\",\"company\":\"\",\"gone\":\"y\"}");
	json_t *a = j("{\"id\":1,\"version\":2,\"name\":\"B\",\"notes\":\"x\",\"company\":\"\",\"email\":\"e@x.de\","
		      "\"empty\":[]}");
	struct fielddiff *d;
	int n = fielddiff_compute(b, a, *state, &d);

	assert_int_equal(n, 3);
	assert_string_equal(d[0].field, "name");
	assert_int_equal(d[0].kind, FIELDDIFF_CHANGED);
	assert_string_equal(d[0].before, "A");
	assert_string_equal(d[0].after, "B");
	assert_string_equal(d[1].field, "gone");
	assert_int_equal(d[1].kind, FIELDDIFF_REMOVED);
	assert_string_equal(d[1].after, "");
	assert_string_equal(d[2].field, "email");
	assert_int_equal(d[2].kind, FIELDDIFF_ADDED);
	assert_string_equal(d[2].before, "");
	json_decref(a);
	json_decref(b);
}

static void test_diff_nested_arrays(void **state)
{
	json_t *b = j("{\"phones\":[{\"kind\":\"mobile\",\"number\":\"0170\"}],\"ids\":[1,2],\"ok\":true,\"n\":null}");
	json_t *a = j("{\"phones\":[{\"kind\":\"mobile\",\"number\":\"0170\"},{\"kind\":\"office\",\"number\":\"0761\"}],"
		      "\"ids\":[1,2],\"ok\":false,\"n\":3}");
	struct fielddiff *d;
	int n = fielddiff_compute(b, a, *state, &d);

	assert_int_equal(n, 3);
	assert_string_equal(d[0].field, "phones");
	assert_string_equal(d[0].before, "(kind: mobile, number: 0170)");
	assert_string_equal(d[0].after, "(kind: mobile, number: 0170), (kind: office, number: 0761)");
	assert_string_equal(d[1].before, "true");
	assert_string_equal(d[1].after, "false");
	assert_string_equal(d[2].before, "");
	assert_string_equal(d[2].after, "3");
	json_decref(a);
	json_decref(b);
}

static void test_diff_null_and_long(void **state)
{
	struct fielddiff *d;
	char text[1000];
	json_t *a;
	int n;

	assert_int_equal(fielddiff_compute(NULL, NULL, *state, &d), 0);
	a = j("[1]");
	assert_int_equal(fielddiff_compute(a, NULL, *state, &d), 0);
	json_decref(a);
	memset(text, 0, sizeof(text));
	for (int i = 0; i < 200; i++)
		memcpy(text + i * 3, "ä.", 3);
	a = json_pack("{s:s}", "notes", text);
	n = fielddiff_compute(NULL, a, *state, &d);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].kind, FIELDDIFF_ADDED);
	assert_true(strlen(d[0].after) <= FIELDDIFF_VALUE_MAX + 3);
	assert_non_null(strstr(d[0].after, "…"));
	json_decref(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mention_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mention_edge_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mention_max, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mention_matches, setup, teardown),
		cmocka_unit_test_setup_teardown(test_diff_changed_added_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_diff_nested_arrays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_diff_null_and_long, setup, teardown),
	};

	return cmocka_run_group_tests_name("comments", tests, NULL, NULL);
}
