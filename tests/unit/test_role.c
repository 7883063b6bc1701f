/* test_role.c: unit tests of emergency roles: JSON, forms, the rules about deputies, and JSON output. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/fielderr.h"
#include "../../src/core/role.h"
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

static int apply(struct role *r, struct arena *a, const char *text, int partial, struct field_errors *fe)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (!j)
		fail_msg("bad test JSON: %s: %s", text, err.text);
	memset(fe, 0, sizeof(*fe));
	role_from_json(r, a, j, partial, fe);
	json_decref(j);
	return fe->n;
}

static void parse_form(struct arena *a, struct kv_list *l, const char *body)
{
	memset(l, 0, sizeof(*l));
	assert_int_equal(kv_parse_urlencoded(l, a, body, strlen(body), 200), 0);
}

static void test_from_json_full(void **state)
{
	struct field_errors fe;
	struct role r;

	role_init(&r);
	assert_int_equal(apply(&r, *state,
			       "{\"name\": \"Notfallleitung\", \"duties\": \"Entscheidet.\\nInformiert.\","
			       " \"primary_contact_id\": 1, \"deputy_contact_ids\": [3, 2]}",
			       0, &fe),
			 0);
	assert_string_equal(r.name, "Notfallleitung");
	assert_string_equal(r.duties, "Entscheidet.\nInformiert.");
	assert_int_equal(r.primary_contact_id, 1);
	assert_int_equal(r.ndeputies, 2);
	assert_int_equal(r.deputy_contact_ids[0], 3);
	assert_int_equal(r.deputy_contact_ids[1], 2);
	role_validate(&r, *state, &fe);
	assert_int_equal(fe.n, 0);
}

static void test_from_json_put_and_patch(void **state)
{
	struct field_errors fe;
	struct role r;

	role_init(&r);
	r.id = 4;
	r.version = 9;
	apply(&r, *state, "{\"name\": \"IT\", \"duties\": \"d\", \"primary_contact_id\": 1, \"deputy_contact_ids\": [2]}", 0,
	      &fe);
	assert_int_equal(apply(&r, *state, "{\"primary_contact_id\": null}", 1, &fe), 0);
	assert_int_equal(r.primary_contact_id, 0);
	assert_string_equal(r.name, "IT");
	assert_int_equal(r.ndeputies, 1);
	assert_int_equal(apply(&r, *state, "{\"name\": \"Kommunikation\", \"id\": 1, \"version\": 1}", 0, &fe), 0);
	assert_string_equal(r.name, "Kommunikation");
	assert_string_equal(r.duties, "");
	assert_int_equal(r.ndeputies, 0);
	assert_int_equal(r.id, 4);
	assert_int_equal(r.version, 9);
}

static void test_from_json_errors_named(void **state)
{
	struct field_errors fe;
	struct role r;

	role_init(&r);
	apply(&r, *state,
	      "{\"name\": [], \"duties\": 1, \"primary_contact_id\": \"1\", \"deputy_contact_ids\": [2, \"3\", 0, -4, 5.0, null, 6],"
	      " \"boss\": 1}",
	      0, &fe);
	assert_field_error_is(&fe, "name", "must be text");
	assert_field_error_is(&fe, "duties", "must be text");
	assert_field_error_is(&fe, "primary_contact_id", "must be the id of a contact or null");
	assert_null(fe_get(&fe, "deputy_contact_ids[0]"));
	assert_field_error_is(&fe, "deputy_contact_ids[1]", "must be the id of a contact");
	assert_field_error_is(&fe, "deputy_contact_ids[2]", "must be the id of a contact");
	assert_field_error_is(&fe, "deputy_contact_ids[3]", "must be the id of a contact");
	assert_field_error_is(&fe, "deputy_contact_ids[4]", "must be the id of a contact");
	assert_field_error_is(&fe, "deputy_contact_ids[5]", "must be the id of a contact");
	assert_field_error_is(&fe, "boss", "is not a known field");
	assert_int_equal(r.ndeputies, 2); /* the good ones */
	assert_string_equal(r.name, "");

	assert_int_equal(apply(&r, *state, "{\"primary_contact_id\": 0}", 0, &fe), 1);
	assert_field_error(&fe, "primary_contact_id");
	assert_int_equal(apply(&r, *state, "{\"deputy_contact_ids\": 3}", 0, &fe), 1);
	assert_field_error_is(&fe, "deputy_contact_ids", "must be a list");
	assert_int_equal(apply(&r, *state, "{\"deputy_contact_ids\": [1,2,3,4,5,6,7,8,9,10,11]}", 0, &fe), 1);
	assert_field_error_is(&fe, "deputy_contact_ids", "has too many entries (at most 10)");
	assert_int_equal(apply(&r, *state, "{\"deputy_contact_ids\": [1,2,3,4,5,6,7,8,9,10]}", 0, &fe), 0);
	assert_int_equal(r.ndeputies, 10);
}

static void test_from_form(void **state)
{
	struct field_errors fe = { 0 };
	struct kv_list form;
	struct role r;

	role_init(&r);
	parse_form(*state, &form,
		   "name=Krisenstab&duties=Alles%0Aregeln&primary_contact_id=7&deputy_0=3&deputy_1=&deputy_2=5&deputy_9=8");
	role_from_form(&r, &form, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(r.name, "Krisenstab");
	assert_string_equal(r.duties, "Alles\nregeln");
	assert_int_equal(r.primary_contact_id, 7);
	assert_int_equal(r.ndeputies, 3);
	assert_int_equal(r.deputy_contact_ids[0], 3);
	assert_int_equal(r.deputy_contact_ids[1], 5);
	assert_int_equal(r.deputy_contact_ids[2], 8);

	memset(&fe, 0, sizeof(fe));
	parse_form(*state, &form, "name=X&primary_contact_id=&deputy_0=");
	role_from_form(&r, &form, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(r.primary_contact_id, 0);
	assert_int_equal(r.ndeputies, 0);

	memset(&fe, 0, sizeof(fe));
	parse_form(*state, &form, "primary_contact_id=abc&deputy_0=-3&deputy_1=4");
	role_from_form(&r, &form, &fe);
	assert_field_error_is(&fe, "primary_contact_id", "must be the id of a contact or null");
	assert_field_error_is(&fe, "deputy_contact_ids[0]", "must be the id of a contact");
	assert_int_equal(r.ndeputies, 1);
	assert_int_equal(r.deputy_contact_ids[0], 4);
	assert_string_equal(r.name, "");
}

static void test_validate_deputies(void **state)
{
	struct field_errors fe = { 0 };
	struct role r;

	role_init(&r);
	r.name = "IT";
	r.primary_contact_id = 1;
	r.ndeputies = 3;
	r.deputy_contact_ids[0] = 2;
	r.deputy_contact_ids[1] = 3;
	r.deputy_contact_ids[2] = 2;
	role_validate(&r, *state, &fe);
	assert_int_equal(fe.n, 1);
	assert_field_error_is(&fe, "deputy_contact_ids[2]", "is named twice as deputy");

	memset(&fe, 0, sizeof(fe));
	r.deputy_contact_ids[2] = 1;
	role_validate(&r, *state, &fe);
	assert_int_equal(fe.n, 1);
	assert_field_error_is(&fe, "deputy_contact_ids[2]", "is already the primary person of this role");

	memset(&fe, 0, sizeof(fe));
	r.deputy_contact_ids[0] = 1;
	r.deputy_contact_ids[1] = 1;
	r.deputy_contact_ids[2] = 1;
	role_validate(&r, *state, &fe);
	assert_int_equal(fe.n, 3);

	/* no primary yet: deputies alone are fine */
	memset(&fe, 0, sizeof(fe));
	r.primary_contact_id = 0;
	r.ndeputies = 2;
	r.deputy_contact_ids[0] = 4;
	r.deputy_contact_ids[1] = 5;
	role_validate(&r, *state, &fe);
	assert_int_equal(fe.n, 0);
}

static void test_validate_text(void **state)
{
	static char duties[ROLE_DUTIES_MAX + 2];
	struct field_errors fe = { 0 };
	struct role r;

	role_init(&r);
	r.name = "  Leitung  ";
	r.duties = "1. Lage\n2. Entscheiden\n\t- schnell";
	role_validate(&r, *state, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(r.name, "Leitung");

	role_init(&r);
	memset(duties, 'd', sizeof(duties));
	duties[ROLE_DUTIES_MAX + 1] = '\0';
	r.duties = duties;
	role_validate(&r, *state, &fe);
	assert_field_error_is(&fe, "name", "must not be empty");
	assert_field_error_is(&fe, "duties", "is too long");

	memset(&fe, 0, sizeof(fe));
	r.name = "Lei\x01tung";
	r.duties = "ok\x1b";
	role_validate(&r, *state, &fe);
	assert_field_error_is(&fe, "name", "contains control characters");
	assert_field_error_is(&fe, "duties", "contains control characters");
}

static void test_to_json(void **state)
{
	struct field_errors fe;
	struct role r, r2;
	json_t *j, *j2, *deps;

	role_init(&r);
	r.id = 3;
	r.version = 2;
	r.name = "IT-Leitung";
	r.duties = "Server";
	r.primary_contact_id = 0;
	r.ndeputies = 3;
	r.deputy_contact_ids[0] = 9;
	r.deputy_contact_ids[1] = 4;
	r.deputy_contact_ids[2] = 6;
	j = role_to_json(&r);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "id")), 3);
	assert_int_equal(json_integer_value(json_object_get(j, "version")), 2);
	assert_string_equal(json_string_value(json_object_get(j, "name")), "IT-Leitung");
	assert_true(json_is_null(json_object_get(j, "primary_contact_id")));
	deps = json_object_get(j, "deputy_contact_ids");
	assert_int_equal(json_array_size(deps), 3);
	assert_int_equal(json_integer_value(json_array_get(deps, 0)), 9);
	assert_int_equal(json_integer_value(json_array_get(deps, 1)), 4);
	assert_int_equal(json_integer_value(json_array_get(deps, 2)), 6);
	assert_string_equal(json_string_value(json_object_get(j, "created_at")), "1970-01-01T00:00:00Z");

	/* round trip */
	role_init(&r2);
	r2.id = 3;
	r2.version = 2;
	memset(&fe, 0, sizeof(fe));
	role_from_json(&r2, *state, j, 0, &fe);
	assert_int_equal(fe.n, 0);
	j2 = role_to_json(&r2);
	assert_true(json_equal(j, j2));
	json_decref(j2);
	json_decref(j);

	r.primary_contact_id = 12;
	j = role_to_json(&r);
	assert_int_equal(json_integer_value(json_object_get(j, "primary_contact_id")), 12);
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_from_json_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_put_and_patch, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_errors_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validate_deputies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validate_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_to_json, setup, teardown),
	};

	return cmocka_run_group_tests_name("role", tests, NULL, NULL);
}
