/* test_task.c: unit tests of tasks: every bad field named, the link to an item or a step, PATCH, forms and the overdue rule. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/fielderr.h"
#include "../../src/core/task.h"
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

static int from_json(struct task *t, struct arena *a, const char *text, int partial, struct field_errors *fe)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	assert_non_null(j);
	memset(fe, 0, sizeof(*fe));
	task_from_json(t, a, j, partial, fe);
	task_validate(t, a, fe);
	json_decref(j);
	return fe->n;
}

static void test_task_full(void **state)
{
	struct field_errors fe;
	struct task t;

	task_init(&t);
	assert_int_equal(from_json(&t, *state,
				   "{\"title\": \"  Nummer eintragen \", \"description\": \"x\", \"assignee_id\": 4,"
				   " \"due_date\": \"2026-07-01\", \"status\": \"in_progress\", \"entity\": \"runbook\","
				   " \"entity_id\": 9, \"step\": 1, \"id\": 5, \"overdue\": true, \"finding_id\": 3}",
				   0, &fe),
			 0);
	assert_string_equal(t.title, "Nummer eintragen");
	assert_int_equal(t.assignee_id, 4);
	assert_string_equal(t.due_date, "2026-07-01");
	assert_int_equal(t.status, TASK_IN_PROGRESS);
	assert_string_equal(t.entity, "runbook");
	assert_int_equal(t.entity_id, 9);
	assert_int_equal(t.step, 3); /* the item's step wins over what was sent */
	assert_int_equal(t.finding_id, 0); /* read-only */
	assert_int_equal(t.id, 0);
}

static void test_task_every_bad_field_named(void **state)
{
	struct field_errors fe;
	struct task t;

	task_init(&t);
	assert_true(from_json(&t, *state,
			      "{\"title\": \"\", \"description\": 4, \"assignee_id\": -1, \"due_date\": \"2026-02-30\","
			      " \"status\": \"later\", \"step\": 6, \"colour\": \"red\"}",
			      0, &fe) > 0);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "description");
	assert_field_error(&fe, "assignee_id");
	assert_field_error(&fe, "due_date");
	assert_field_error(&fe, "status");
	assert_field_error(&fe, "step");
	assert_field_error(&fe, "colour");

	task_init(&t);
	from_json(&t, *state, "{\"title\": \"x\", \"entity\": \"spaceship\", \"entity_id\": 1}", 0, &fe);
	assert_field_error(&fe, "entity");
	task_init(&t);
	from_json(&t, *state, "{\"title\": \"x\", \"entity\": \"system\"}", 0, &fe);
	assert_field_error(&fe, "entity_id");
	task_init(&t);
	from_json(&t, *state, "{\"title\": \"x\", \"entity_id\": 3}", 0, &fe);
	assert_field_error(&fe, "entity");
	task_init(&t);
	from_json(&t, *state, "{\"title\": \"x\", \"due_date\": \"\"}", 0, &fe);
	assert_field_error(&fe, "due_date");
}

static void test_task_patch_and_step(void **state)
{
	struct field_errors fe;
	struct task t;

	task_init(&t);
	assert_int_equal(from_json(&t, *state, "{\"title\": \"A\", \"step\": 2, \"assignee_id\": 3}", 0, &fe), 0);
	assert_int_equal(t.step, 2);
	assert_int_equal(from_json(&t, *state, "{\"status\": \"done\"}", 1, &fe), 0);
	assert_string_equal(t.title, "A");
	assert_int_equal(t.assignee_id, 3);
	assert_int_equal(t.status, TASK_DONE);
	assert_int_equal(from_json(&t, *state, "{\"assignee_id\": null, \"step\": null}", 1, &fe), 0);
	assert_int_equal(t.assignee_id, 0);
	assert_int_equal(t.step, 0);
	/* PUT resets what is not given */
	assert_int_equal(from_json(&t, *state, "{\"title\": \"B\"}", 0, &fe), 0);
	assert_int_equal(t.status, TASK_OPEN);
}

static void test_task_form(void **state)
{
	struct field_errors fe = { 0 };
	struct kv_list l;
	struct task t;
	const char *body = "title=Liste&assignee_id=abc&due_date=2026-13-01&status=sometime&step=7&entity=&entity_id=";

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, body, strlen(body), 200), 0);
	task_init(&t);
	task_from_form(&t, &l, &fe);
	task_validate(&t, *state, &fe);
	assert_field_error(&fe, "assignee_id");
	assert_field_error(&fe, "due_date");
	assert_field_error(&fe, "status");
	assert_field_error(&fe, "step");
	assert_null(fe_get(&fe, "title"));
}

static void test_task_overdue_rule(void **state)
{
	struct task t;
	struct task_filter f;

	(void)state;
	task_init(&t);
	assert_false(task_is_overdue(&t, "2026-06-15")); /* no due date */
	snprintf(t.due_date, sizeof(t.due_date), "2026-06-15");
	assert_false(task_is_overdue(&t, "2026-06-15")); /* due today is not overdue yet */
	assert_true(task_is_overdue(&t, "2026-06-16"));
	t.status = TASK_IN_PROGRESS;
	assert_true(task_is_overdue(&t, "2026-06-16"));
	t.status = TASK_DONE;
	assert_false(task_is_overdue(&t, "2027-01-01")); /* done is never overdue */

	task_filter_init(&f);
	f.today = "2026-06-16";
	assert_true(task_matches(&t, &f));
	f.overdue_only = 1;
	assert_false(task_matches(&t, &f));
	t.status = TASK_OPEN;
	assert_true(task_matches(&t, &f));
	f.assignee_id = 7;
	assert_false(task_matches(&t, &f));
}

static void test_task_entities(void **state)
{
	(void)state;
	assert_int_equal(task_entity_find("system")->step, 1);
	assert_int_equal(task_entity_find("alarm_step")->step, 2);
	assert_int_equal(task_entity_find("backup")->step, 3);
	assert_int_equal(task_entity_find("plan_copy")->step, 4);
	assert_int_equal(task_entity_find("finding")->step, 5);
	assert_null(task_entity_find("user"));
	assert_string_equal(task_entity_by_path("documents/copies")->name, "plan_copy");
	assert_null(task_entity_by_path("team"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_task_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_every_bad_field_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_patch_and_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_overdue_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_task_entities, setup, teardown),
	};

	return cmocka_run_group_tests_name("task", tests, NULL, NULL);
}
