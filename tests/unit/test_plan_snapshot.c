/* test_plan_snapshot.c: unit tests of the plan snapshot (plan_data to JSON) and of comparing two snapshots. */
#include <string.h>

#include "kf_test.h"
#include "../../src/core/plan_snapshot.h"
#include "../../src/core/validate.h"
#include "../../src/lib/arena.h"

static void small_plan(struct plan_data *d, struct contact *c, struct role *r)
{
	memset(d, 0, sizeof(*d));
	contact_init(&c[0]);
	c[0].id = 1;
	c[0].version = 1;
	c[0].name = "Erika Muster";
	c[0].company = "Muster GmbH";
	contact_init(&c[1]);
	c[1].id = 2;
	c[1].version = 1;
	c[1].name = "Max Neu";
	role_init(r);
	r->id = 7;
	r->version = 1;
	r->name = "Notfallleitung";
	r->primary_contact_id = 1;
	d->today = "2025-03-01";
	d->contacts = c;
	d->ncontacts = 2;
	d->roles = r;
	d->nroles = 1;
}

static void test_snapshot_json(void **state)
{
	struct plan_data d;
	struct contact c[2];
	struct role r;
	json_t *j;

	(void)state;
	small_plan(&d, c, &r);
	j = plan_snapshot_json(&d, NULL, 0);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "format")), 1);
	json_t *s = json_object_get(j, "sections");
	assert_int_equal(json_array_size(json_object_get(s, "contacts")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(s, "contacts"), 0), "name")),
			    "Erika Muster");
	assert_int_equal(json_array_size(json_object_get(s, "roles")), 1);
	assert_int_equal(json_array_size(json_object_get(s, "risks")), 0);
	assert_null(json_object_get(s, "alarm_plan")); /* not set up */
	json_decref(j);
}

static void test_compare(void **state)
{
	struct plan_data d;
	struct contact c[2], c2[2];
	struct role r;
	struct plan_diff *diffs;
	size_t n;
	struct arena *a = arena_new();
	json_t *from, *to;

	(void)state;
	small_plan(&d, c, &r);
	from = plan_snapshot_json(&d, NULL, 0);
	/* no differences with itself */
	assert_int_equal(plan_snapshot_compare(from, from, a, &diffs, &n), 0);
	assert_int_equal(n, 0);
	/* contact 1 changed (company; version alone is no change), contact 2 removed, role unchanged, contact 3 added */
	memcpy(c2, c, sizeof(c2));
	c2[0].company = "Muster AG";
	c2[0].version = 2;
	c2[1].id = 3;
	c2[1].name = "Neu Dazu";
	d.contacts = c2;
	to = plan_snapshot_json(&d, NULL, 0);
	assert_int_equal(plan_snapshot_compare(from, to, a, &diffs, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(diffs[0].kind, PLAN_DIFF_CHANGED);
	assert_string_equal(diffs[0].section, "contacts");
	assert_int_equal(diffs[0].id, 1);
	assert_string_equal(diffs[0].name, "Erika Muster");
	assert_int_equal(diffs[0].nfields, 1);
	assert_string_equal(diffs[0].fields[0], "company");
	assert_int_equal(diffs[1].kind, PLAN_DIFF_ADDED);
	assert_int_equal(diffs[1].id, 3);
	assert_int_equal(diffs[2].kind, PLAN_DIFF_REMOVED);
	assert_string_equal(diffs[2].name, "Max Neu");

	json_t *j = plan_diff_to_json(diffs, n);
	assert_int_equal(json_integer_value(json_object_get(j, "changed")), 1);
	assert_int_equal(json_integer_value(json_object_get(j, "added")), 1);
	assert_int_equal(json_integer_value(json_object_get(j, "removed")), 1);
	json_decref(j);
	json_decref(from);
	json_decref(to);
	arena_free(a);
}

static void test_note_input(void **state)
{
	struct field_errors fe = { 0 };
	struct arena *a = arena_new();
	const char *out = NULL;

	(void)state;
	assert_int_equal(plan_version_note_input(&fe, "comment", a, "  ", 1, &out), -1);
	assert_non_null(fe_get(&fe, "comment"));
	memset(&fe, 0, sizeof(fe));
	assert_int_equal(plan_version_note_input(&fe, "note", a, NULL, 0, &out), 0);
	assert_string_equal(out, "");
	assert_int_equal(plan_version_note_input(&fe, "comment", a, " Bitte ergänzen\n", 1, &out), 0);
	assert_string_equal(out, "Bitte ergänzen");
	assert_int_equal(fe.n, 0);
	arena_free(a);
}

static void test_status(void **state)
{
	enum plan_version_status s;

	(void)state;
	assert_int_equal(plan_version_status_parse("returned", &s), 0);
	assert_int_equal(s, PLAN_VERSION_RETURNED);
	assert_int_equal(plan_version_status_parse("pending", &s), -1);
	assert_string_equal(plan_version_status_name(PLAN_VERSION_APPROVED), "approved");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_snapshot_json),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_note_input),
		cmocka_unit_test(test_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
