/* test_team_templates.c: the shipped starter content passes our own rules and adopts as promised. */
#include "kf_test.h"

#include "../../src/core/team_templates.h"
#include "../../src/core/validate.h"
#include "../../src/lib/arena.h"

static void test_every_template_contact_is_valid(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < contact_templates_count; i++) {
		struct team_adoption ta = { .ncontacts = 0 };
		struct field_errors fe = { 0 };

		team_adoption_add_contact(&ta, a, contact_templates[i].key, "contacts[0]", &fe);
		assert_int_equal(fe.n, 0);
		assert_int_equal(ta.ncontacts, 1);
		contact_validate(&ta.contacts[0], a, "2026-11-28", &fe);
		if (fe.n)
			fail_msg("template %s: %s %s", contact_templates[i].key, fe.e[0].field, fe.e[0].msg);
		assert_true(template_region_known(contact_templates[i].region));
		assert_true(strlen(contact_templates[i].source) > 0);
	}
	arena_free(a);
}

static void test_every_template_role_is_valid(void **state)
{
	struct arena *a = arena_new();
	struct team_adoption ta = { .ncontacts = 0 };
	struct field_errors fe = { 0 };
	char field[32];

	(void)state;
	for (size_t i = 0; i < role_templates_count; i++) {
		snprintf(field, sizeof(field), "roles[%zu]", i);
		team_adoption_add_role(&ta, role_templates[i].key, field, &fe);
	}
	assert_int_equal(fe.n, 0);
	assert_int_equal(ta.nroles, role_templates_count);
	for (size_t i = 0; i < ta.nroles; i++) {
		role_validate(&ta.roles[i], a, &fe);
		assert_int_equal(ta.roles[i].primary_contact_id, 0);
	}
	assert_int_equal(fe.n, 0);
	arena_free(a);
}

static void test_adopted_contact_is_external_unchecked_with_source(void **state)
{
	struct arena *a = arena_new();
	struct team_adoption ta = { .ncontacts = 0 };
	struct field_errors fe = { 0 };
	const struct contact_template *t = contact_template_find("lfdi-bw");

	(void)state;
	assert_non_null(t);
	team_adoption_add_contact(&ta, a, "lfdi-bw", "contacts[0]", &fe);
	assert_int_equal(fe.n, 0);
	assert_true(ta.contacts[0].external);
	assert_string_equal(ta.contacts[0].last_verified, "");
	assert_non_null(strstr(ta.contacts[0].notes, t->source));
	assert_int_equal(ta.contacts[0].nphones, 1);
	assert_string_equal(ta.contacts[0].phones[0].number, t->phone);
	arena_free(a);
}

static void test_unknown_and_repeated_keys_are_named(void **state)
{
	struct arena *a = arena_new();
	struct team_adoption ta = { .ncontacts = 0 };
	struct field_errors fe = { 0 };

	(void)state;
	team_adoption_add_contact(&ta, a, "zac-bw", "contacts[0]", &fe);
	team_adoption_add_contact(&ta, a, "zac-bw", "contacts[1]", &fe);
	team_adoption_add_contact(&ta, a, "nope", "contacts[2]", &fe);
	team_adoption_add_role(&ta, "technik", "roles[0]", &fe);
	team_adoption_add_role(&ta, "technik", "roles[1]", &fe);
	team_adoption_add_role(&ta, "", "roles[2]", &fe);
	assert_int_equal(ta.ncontacts, 1);
	assert_int_equal(ta.nroles, 1);
	assert_field_error_is(&fe, "contacts[1]", "is chosen twice");
	assert_field_error_is(&fe, "contacts[2]", "is not a known template");
	assert_field_error_is(&fe, "roles[1]", "is chosen twice");
	assert_field_error_is(&fe, "roles[2]", "is not a known template");
	assert_null(fe_get(&fe, "contacts[0]"));
	arena_free(a);
}

static void test_regions(void **state)
{
	(void)state;
	assert_true(template_region_known("DE"));
	assert_true(template_region_known("BW"));
	assert_false(template_region_known("XX"));
	assert_false(template_region_known(""));
	assert_null(contact_template_find("does-not-exist"));
	assert_null(role_template_find("does-not-exist"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_template_contact_is_valid),
		cmocka_unit_test(test_every_template_role_is_valid),
		cmocka_unit_test(test_adopted_contact_is_external_unchecked_with_source),
		cmocka_unit_test(test_unknown_and_repeated_keys_are_named),
		cmocka_unit_test(test_regions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
