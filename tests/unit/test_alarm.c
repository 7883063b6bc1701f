/* test_alarm.c: unit tests of alarm steps and alarm plan settings: JSON, forms, every bad field named, escalation rule. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/alarm_plan.h"
#include "../../src/core/alarm_step.h"
#include "../../src/core/fielderr.h"
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

/* Applies JSON, then validates; the number of field errors. */
static int step_json(struct alarm_step *s, struct arena *a, const char *text, int partial, struct field_errors *fe)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (!j)
		fail_msg("bad test JSON: %s: %s", text, err.text);
	memset(fe, 0, sizeof(*fe));
	alarm_step_from_json(s, a, j, partial, fe);
	json_decref(j);
	alarm_step_validate(s, fe);
	return fe->n;
}

static int step_form(struct alarm_step *s, struct arena *a, const char *body, struct field_errors *fe)
{
	struct kv_list l;

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, a, body, strlen(body), 200), 0);
	memset(fe, 0, sizeof(*fe));
	alarm_step_init(s);
	alarm_step_from_form(s, &l, fe);
	alarm_step_validate(s, fe);
	return fe->n;
}

static void test_step_full(void **state)
{
	struct field_errors fe;
	struct alarm_step s;

	alarm_step_init(&s);
	assert_int_equal(step_json(&s, *state,
				   "{\"position\": 2, \"caller_role_id\": 3, \"callee_contact_id\": 7, \"channel\": \"in_person\","
				   " \"escalate_after_minutes\": 15, \"escalate_to_contact_id\": 9, \"note\": \"Ruhig\\nbleiben\"}",
				   0, &fe),
			 0);
	assert_int_equal(s.position, 2);
	assert_int_equal(s.caller_role_id, 3);
	assert_int_equal(s.caller_contact_id, 0);
	assert_int_equal(s.callee_contact_id, 7);
	assert_int_equal(s.channel, CHANNEL_IN_PERSON);
	assert_int_equal(s.escalate_after_minutes, 15);
	assert_int_equal(s.escalate_to_contact_id, 9);
	assert_string_equal(s.note, "Ruhig\nbleiben");
}

static void test_step_defaults_and_first(void **state)
{
	struct field_errors fe;
	struct alarm_step s;

	alarm_step_init(&s);
	/* the first step may leave the caller open: whoever notices the emergency */
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 7}", 0, &fe), 0);
	assert_int_equal(s.channel, CHANNEL_PHONE);
	assert_int_equal(s.position, 0);
	assert_int_equal(s.escalate_after_minutes, 0);
	/* not a later one */
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 7, \"position\": 2}", 0, &fe), 1);
	assert_field_error(&fe, "caller_role_id");
}

static void test_step_every_bad_field_named(void **state)
{
	struct field_errors fe;
	struct alarm_step s;

	alarm_step_init(&s);
	step_json(&s, *state,
		  "{\"position\": 0, \"caller_role_id\": \"x\", \"caller_contact_id\": -1, \"callee_contact_id\": null,"
		  " \"channel\": \"fax\", \"escalate_after_minutes\": 1441, \"escalate_to_contact_id\": 1.5, \"note\": 3,"
		  " \"colour\": \"red\"}",
		  0, &fe);
	assert_field_error(&fe, "position");
	assert_field_error(&fe, "caller_role_id");
	assert_field_error(&fe, "caller_contact_id");
	assert_field_error(&fe, "callee_contact_id");
	assert_field_error(&fe, "channel");
	assert_field_error(&fe, "escalate_after_minutes");
	assert_field_error(&fe, "escalate_to_contact_id");
	assert_field_error(&fe, "note");
	assert_field_error(&fe, "colour");
	assert_int_equal(fe.n, 9);
}

static void test_step_one_caller(void **state)
{
	struct field_errors fe;
	struct alarm_step s;

	alarm_step_init(&s);
	assert_int_equal(step_json(&s, *state, "{\"caller_role_id\": 1, \"caller_contact_id\": 2, \"callee_contact_id\": 3}", 0, &fe), 2);
	assert_field_error(&fe, "caller_role_id");
	assert_field_error(&fe, "caller_contact_id");
	/* nobody calls themselves */
	assert_int_equal(step_json(&s, *state, "{\"caller_contact_id\": 3, \"callee_contact_id\": 3}", 0, &fe), 1);
	assert_field_error(&fe, "callee_contact_id");
}

static void test_step_escalation_rule(void **state)
{
	struct field_errors fe;
	struct alarm_step s;

	alarm_step_init(&s);
	/* minutes without a person */
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 3, \"escalate_after_minutes\": 10}", 0, &fe), 1);
	assert_field_error_is(&fe, "escalate_to_contact_id", "must name whom to call when nobody answers in time");
	/* a person without minutes */
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 3, \"escalate_to_contact_id\": 4}", 0, &fe), 1);
	assert_field_error(&fe, "escalate_after_minutes");
	/* escalating to the same person */
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 3, \"escalate_after_minutes\": 5, \"escalate_to_contact_id\": 3}", 0, &fe), 1);
	assert_field_error(&fe, "escalate_to_contact_id");
	/* the bounds */
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 3, \"escalate_after_minutes\": 1440, \"escalate_to_contact_id\": 4}", 0, &fe), 0);
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 3, \"escalate_after_minutes\": -1}", 0, &fe), 1);
	assert_field_error(&fe, "escalate_after_minutes");
	assert_int_equal(step_json(&s, *state, "{\"callee_contact_id\": 3, \"escalate_after_minutes\": 0, \"escalate_to_contact_id\": null}", 0, &fe), 0);
}

static void test_step_put_keeps_place_patch_changes_given(void **state)
{
	struct field_errors fe;
	struct alarm_step s;

	alarm_step_init(&s);
	s.id = 4;
	s.version = 7;
	s.position = 3;
	step_json(&s, *state, "{\"caller_contact_id\": 1, \"callee_contact_id\": 2, \"note\": \"n\", \"channel\": \"sms\"}", 0, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(s.position, 3);
	assert_int_equal(step_json(&s, *state, "{\"position\": 1}", 1, &fe), 0);
	assert_int_equal(s.position, 1);
	assert_int_equal(s.channel, CHANNEL_SMS);
	assert_string_equal(s.note, "n");
	/* PUT resets the rest, keeps identity and place */
	assert_int_equal(step_json(&s, *state, "{\"caller_contact_id\": 1, \"callee_contact_id\": 5, \"id\": 99, \"version\": 1}", 0, &fe), 0);
	assert_int_equal(s.id, 4);
	assert_int_equal(s.version, 7);
	assert_int_equal(s.position, 1);
	assert_int_equal(s.channel, CHANNEL_PHONE);
	assert_string_equal(s.note, "");
}

static void test_step_note_too_long(void **state)
{
	struct field_errors fe;
	struct alarm_step s;
	char *json = arena_alloc(*state, 2100);

	snprintf(json, 2100, "{\"callee_contact_id\": 1, \"note\": \"%02001d\"}", 0);
	alarm_step_init(&s);
	assert_int_equal(step_json(&s, *state, json, 0, &fe), 1);
	assert_field_error_is(&fe, "note", "is too long");
}

static void test_step_form(void **state)
{
	struct field_errors fe;
	struct alarm_step s;

	assert_int_equal(step_form(&s, *state, "position=2&caller=role%3A3&callee_contact_id=7&channel=email"
					       "&escalate_after_minutes=30&escalate_to_contact_id=8&note=x", &fe), 0);
	assert_int_equal(s.position, 2);
	assert_int_equal(s.caller_role_id, 3);
	assert_int_equal(s.channel, CHANNEL_EMAIL);
	assert_int_equal(s.escalate_after_minutes, 30);
	assert_int_equal(step_form(&s, *state, "caller=contact%3A4&callee_contact_id=7", &fe), 0);
	assert_int_equal(s.caller_contact_id, 4);
	assert_int_equal(s.caller_role_id, 0);
	assert_int_equal(step_form(&s, *state, "caller=&callee_contact_id=7&escalate_after_minutes=", &fe), 0);
	step_form(&s, *state, "position=x&caller=team%3A1&callee_contact_id=abc&channel=fax&escalate_after_minutes=5min"
			      "&escalate_to_contact_id=-2", &fe);
	assert_field_error(&fe, "position");
	assert_field_error(&fe, "caller_role_id");
	assert_field_error(&fe, "callee_contact_id");
	assert_field_error(&fe, "channel");
	assert_field_error(&fe, "escalate_after_minutes");
	assert_field_error(&fe, "escalate_to_contact_id");
}

static void test_step_to_json(void **state)
{
	struct alarm_step s;
	json_t *j;

	(void)state;
	alarm_step_init(&s);
	s.id = 1;
	s.version = 2;
	s.position = 1;
	s.callee_contact_id = 5;
	s.channel = CHANNEL_MESSENGER;
	j = alarm_step_to_json(&s);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "channel")), "messenger");
	assert_true(json_is_null(json_object_get(j, "caller_role_id")));
	assert_true(json_is_null(json_object_get(j, "escalate_to_contact_id")));
	assert_int_equal(json_integer_value(json_object_get(j, "callee_contact_id")), 5);
	json_decref(j);
	for (int i = 0; i < CHANNEL__MAX; i++) {
		enum alarm_channel ch;

		assert_int_equal(alarm_channel_parse(alarm_channel_name((enum alarm_channel)i), &ch), 0);
		assert_int_equal(ch, i);
	}
	assert_int_equal(alarm_channel_parse("Telefon", &s.channel), -1);
}

static int plan_json(struct alarm_plan *p, struct arena *a, const char *text, struct field_errors *fe)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (!j)
		fail_msg("bad test JSON: %s: %s", text, err.text);
	memset(fe, 0, sizeof(*fe));
	alarm_plan_from_json(p, a, j, fe);
	json_decref(j);
	alarm_plan_validate(p, fe);
	return fe->n;
}

static void test_plan(void **state)
{
	struct field_errors fe;
	struct alarm_plan p;
	json_t *j;

	alarm_plan_init(&p);
	p.id = 3;
	p.version = 2;
	assert_int_equal(plan_json(&p, *state,
				   "{\"meeting_place\": \"Raum 1\\nHauptstraße 5\", \"declare_role_ids\": [4, 2],"
				   " \"breach_report_role_id\": 6, \"version\": 1}",
				   &fe),
			 0);
	assert_int_equal(p.version, 2);
	assert_int_equal(p.ndeclare_roles, 2);
	assert_int_equal(p.declare_role_ids[1], 2);
	assert_true(alarm_plan_names_role(&p, 6));
	assert_true(alarm_plan_names_role(&p, 4));
	assert_false(alarm_plan_names_role(&p, 5));
	j = alarm_plan_to_json(&p);
	assert_int_equal(json_array_size(json_object_get(j, "declare_role_ids")), 2);
	json_decref(j);
	/* a full replace: what is not given is empty */
	assert_int_equal(plan_json(&p, *state, "{\"phone_bridge\": \"0800 1\"}", &fe), 0);
	assert_string_equal(p.meeting_place, "");
	assert_int_equal(p.ndeclare_roles, 0);
	assert_int_equal(p.breach_report_role_id, 0);
	/* before the first write */
	alarm_plan_init(&p);
	j = alarm_plan_to_json(&p);
	assert_true(json_is_null(json_object_get(j, "id")));
	assert_int_equal(json_integer_value(json_object_get(j, "version")), 0);
	json_decref(j);
}

static void test_plan_every_bad_field_named(void **state)
{
	struct field_errors fe;
	struct alarm_plan p;
	char *json = arena_alloc(*state, 6000);

	alarm_plan_init(&p);
	plan_json(&p, *state,
		  "{\"meeting_place\": 1, \"meeting_fallback\": \"a\\u0001\", \"phone_bridge\": [],"
		  " \"declare_role_ids\": [1, 1, 0], \"declare_criteria\": false, \"breach_report_role_id\": -3,"
		  " \"breach_notes\": {}, \"colour\": 1}",
		  &fe);
	assert_field_error(&fe, "meeting_place");
	assert_field_error(&fe, "meeting_fallback");
	assert_field_error(&fe, "phone_bridge");
	assert_field_error(&fe, "declare_role_ids[1]");
	assert_field_error(&fe, "declare_role_ids[2]");
	assert_field_error(&fe, "declare_criteria");
	assert_field_error(&fe, "breach_report_role_id");
	assert_field_error(&fe, "breach_notes");
	assert_field_error(&fe, "colour");
	assert_int_equal(plan_json(&p, *state, "{\"declare_role_ids\": 3}", &fe), 1);
	assert_field_error(&fe, "declare_role_ids");
	snprintf(json, 6000, "{\"declare_criteria\": \"%05001d\"}", 0);
	assert_int_equal(plan_json(&p, *state, json, &fe), 1);
	assert_field_error_is(&fe, "declare_criteria", "is too long");
}

static void test_plan_form(void **state)
{
	struct field_errors fe = { 0 };
	struct alarm_plan p;
	struct kv_list l;
	const char *body = "meeting_place=Raum&declare_role=3&declare_role=5&declare_role=&breach_report_role_id=5";

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, body, strlen(body), 200), 0);
	alarm_plan_init(&p);
	alarm_plan_from_form(&p, &l, &fe);
	alarm_plan_validate(&p, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(p.meeting_place, "Raum");
	assert_int_equal(p.ndeclare_roles, 2);
	assert_int_equal(p.declare_role_ids[0], 3);
	assert_int_equal(p.breach_report_role_id, 5);
	body = "declare_role=x&breach_report_role_id=y";
	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, body, strlen(body), 200), 0);
	alarm_plan_from_form(&p, &l, &fe);
	assert_field_error(&fe, "declare_role_ids");
	assert_field_error(&fe, "breach_report_role_id");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_step_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_defaults_and_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_every_bad_field_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_one_caller, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_escalation_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_put_keeps_place_patch_changes_given, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_note_too_long, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_step_to_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_every_bad_field_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_form, setup, teardown),
	};

	return cmocka_run_group_tests_name("alarm", tests, NULL, NULL);
}
