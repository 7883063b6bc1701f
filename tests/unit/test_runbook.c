/* test_runbook.c: runbook and workaround rules: every bad field named, steps in order, form rows, JSON round trip. */
#include "kf_test.h"

#include <jansson.h>

#include "../../src/core/runbook.h"
#include "../../src/core/workaround.h"
#include "../../src/lib/arena.h"

static json_t *parse(const char *s)
{
	json_t *j = json_loads(s, 0, NULL);

	assert_non_null(j);
	return j;
}

static void test_runbook_valid(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct runbook rb;
	json_t *j, *out;

	(void)state;
	runbook_init(&rb);
	j = parse("{\"system_id\": 4, \"responsible_role_id\": null, \"expected_duration_minutes\": 90,"
		  " \"prerequisites\": \"Schlüssel zum Serverraum\", \"steps\": [{\"text\": \"Strom prüfen\", \"minutes\": 10},"
		  " {\"text\": \"Server einschalten\", \"minutes\": null, \"html\": \"x\"}], \"checks\": \"Anmeldung klappt\","
		  " \"id\": 9, \"version\": 3, \"html\": {}}");
	runbook_from_json(&rb, a, j, 0, &fe);
	json_decref(j);
	runbook_validate(&rb, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(rb.system_id, 4);
	assert_int_equal(rb.id, 0); /* read-only keys are ignored */
	assert_int_equal(rb.nsteps, 2);
	assert_string_equal(rb.steps[1].text, "Server einschalten");
	assert_int_equal(rb.steps[1].minutes, -1);
	assert_int_equal(runbook_steps_minutes(&rb), 10);
	out = runbook_to_json(&rb);
	assert_non_null(out);
	assert_int_equal(json_array_size(json_object_get(out, "steps")), 2);
	assert_true(json_is_null(json_object_get(json_array_get(json_object_get(out, "steps"), 1), "minutes")));
	assert_true(json_is_null(json_object_get(out, "responsible_role_id")));
	assert_int_equal(json_integer_value(json_object_get(out, "expected_duration_minutes")), 90);
	json_decref(out);
	/* PATCH keeps what is not given */
	j = parse("{\"checks\": \"Buchung testen\"}");
	runbook_from_json(&rb, a, j, 1, &fe);
	json_decref(j);
	assert_int_equal(rb.nsteps, 2);
	assert_string_equal(rb.checks, "Buchung testen");
	arena_free(a);
}

static void test_runbook_every_field_named(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct runbook rb;
	json_t *j;

	(void)state;
	runbook_init(&rb);
	j = parse("{\"system_id\": \"vier\", \"responsible_role_id\": 0, \"expected_duration_minutes\": 43201,"
		  " \"prerequisites\": 5, \"steps\": [{\"text\": \"  \"}, {\"minutes\": -1}, 7, {\"text\": \"ok\", \"extra\": 1}],"
		  " \"colour\": \"red\"}");
	runbook_from_json(&rb, a, j, 0, &fe);
	json_decref(j);
	runbook_validate(&rb, &fe);
	assert_field_error(&fe, "system_id");
	assert_field_error(&fe, "responsible_role_id");
	assert_field_error(&fe, "expected_duration_minutes");
	assert_field_error(&fe, "prerequisites");
	assert_field_error(&fe, "steps[0].text");
	assert_field_error(&fe, "steps[1].minutes");
	assert_field_error(&fe, "steps[1].text");
	assert_field_error(&fe, "steps[2]");
	assert_field_error(&fe, "steps[3].extra");
	assert_null(fe_get(&fe, "steps[3].text"));
	assert_field_error(&fe, "colour");
	/* no steps at all, and a step list that is no list */
	memset(&fe, 0, sizeof(fe));
	j = parse("{\"system_id\": 1, \"steps\": []}");
	runbook_from_json(&rb, a, j, 0, &fe);
	json_decref(j);
	runbook_validate(&rb, &fe);
	assert_field_error_is(&fe, "steps", "needs at least one step");
	memset(&fe, 0, sizeof(fe));
	j = parse("{\"system_id\": 1, \"steps\": \"alles\", \"checks\": \"a\\u0001b\"}");
	runbook_from_json(&rb, a, j, 0, &fe);
	json_decref(j);
	assert_field_error(&fe, "steps");
	runbook_validate(&rb, &fe);
	assert_field_error(&fe, "checks");
	arena_free(a);
}

static void test_runbook_form_rows(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct kv_list form = { 0 };
	struct runbook rb;

	(void)state;
	runbook_init(&rb);
#define ADD(k, v) kv_add(&form, a, k, strlen(k), v, strlen(v))
	ADD("system_id", "3");
	ADD("responsible_role_id", "");
	ADD("expected_duration_minutes", " 60 ");
	ADD("step_text", "Erst dies");
	ADD("step_minutes", "5");
	ADD("step_text", "");
	ADD("step_minutes", "");
	ADD("step_text", "");
	ADD("step_minutes", "zehn");
	ADD("step_text", "Dann das");
	ADD("step_minutes", "");
#undef ADD
	runbook_from_form(&rb, &form, &fe);
	runbook_validate(&rb, &fe);
	assert_int_equal(rb.system_id, 3);
	assert_int_equal(rb.responsible_role_id, 0);
	assert_int_equal(rb.expected_duration_minutes, 60);
	/* the empty row is left out; the row with only minutes stays and is named */
	assert_int_equal(rb.nsteps, 3);
	assert_string_equal(rb.steps[0].text, "Erst dies");
	assert_int_equal(rb.steps[0].minutes, 5);
	assert_field_error(&fe, "steps[1].minutes");
	assert_field_error(&fe, "steps[1].text");
	assert_string_equal(rb.steps[2].text, "Dann das");
	assert_int_equal(rb.steps[2].minutes, -1);
	assert_int_equal(fe.n, 2);
	arena_free(a);
}

static void test_workaround_rules(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct workaround w;
	json_t *j, *out;

	(void)state;
	workaround_init(&w);
	j = parse("{\"process_id\": 2, \"title\": \"  Aufträge auf Papier \", \"procedure\": \"Formular *A* nutzen\","
		  " \"sustainable_hours\": 48, \"responsible_contact_id\": null, \"html\": {}}");
	workaround_from_json(&w, a, j, 0, &fe);
	json_decref(j);
	workaround_validate(&w, a, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(w.title, "Aufträge auf Papier");
	out = workaround_to_json(&w);
	assert_int_equal(json_integer_value(json_object_get(out, "sustainable_hours")), 48);
	json_decref(out);
	workaround_init(&w);
	j = parse("{\"process_id\": 0, \"title\": \"\", \"procedure\": \" \", \"preparation\": 1,"
		  " \"sustainable_hours\": -2, \"responsible_contact_id\": \"x\", \"colour\": 1}");
	workaround_from_json(&w, a, j, 0, &fe);
	json_decref(j);
	workaround_validate(&w, a, &fe);
	assert_field_error(&fe, "process_id");
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "procedure");
	assert_field_error(&fe, "preparation");
	assert_field_error(&fe, "sustainable_hours");
	assert_field_error(&fe, "responsible_contact_id");
	assert_field_error(&fe, "colour");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runbook_valid),     cmocka_unit_test(test_runbook_every_field_named),
		cmocka_unit_test(test_runbook_form_rows), cmocka_unit_test(test_workaround_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
