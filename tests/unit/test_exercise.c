/* test_exercise.c: unit tests of step 5: exercises (every bad field named, future + done, participant or observer),
 * findings, month arithmetic of the review cycle and the overdue rule. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/exercise.h"
#include "../../src/core/fielderr.h"
#include "../../src/core/finding.h"
#include "../../src/core/review.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/kv.h"

#define TODAY "2026-06-15"

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

static json_t *load(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (!j)
		fail_msg("bad test JSON: %s: %s", text, err.text);
	return j;
}

/* Applies JSON, then validates on TODAY; the number of field errors. */
static int ex_json(struct exercise *e, struct arena *a, const char *text, int partial, struct field_errors *fe)
{
	json_t *j = load(text);

	memset(fe, 0, sizeof(*fe));
	exercise_from_json(e, a, j, partial, fe);
	json_decref(j);
	exercise_validate(e, a, TODAY, fe);
	return fe->n;
}

static int ex_form(struct exercise *e, struct arena *a, const char *body, struct field_errors *fe)
{
	struct kv_list l;

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, a, body, strlen(body), 200), 0);
	memset(fe, 0, sizeof(*fe));
	exercise_init(e);
	exercise_from_form(e, &l, fe);
	exercise_validate(e, a, TODAY, fe);
	return fe->n;
}

static void test_exercise_full(void **state)
{
	struct field_errors fe;
	struct exercise e;

	exercise_init(&e);
	assert_int_equal(ex_json(&e, *state,
				 "{\"type\": \"restore_test\", \"title\": \"  Rücksicherung Server  \", \"date\": \"2026-05-02\","
				 " \"status\": \"done\", \"scenario_risk_id\": 4, \"participant_ids\": [1, 2], \"observer_ids\": [3],"
				 " \"goals\": \"In 4 Stunden\", \"went_well\": \"Band da\", \"to_improve\": \"Passwort fehlte\","
				 " \"achieved_rto_hours\": 6, \"achieved_rpo_hours\": 24, \"duration_minutes\": 240,"
				 " \"id\": 99, \"version\": 7, \"open_findings\": 3}",
				 0, &fe),
			 0);
	assert_int_equal(e.type, EXERCISE_RESTORE_TEST);
	assert_string_equal(e.title, "Rücksicherung Server");
	assert_string_equal(e.date, "2026-05-02");
	assert_int_equal(e.status, EXERCISE_DONE);
	assert_int_equal(e.scenario_risk_id, 4);
	assert_int_equal(e.nparticipants, 2);
	assert_int_equal(e.observer_ids[0], 3);
	assert_int_equal(e.achieved_rto_hours, 6);
	assert_int_equal(e.achieved_rpo_hours, 24);
	assert_int_equal(e.duration_minutes, 240);
	/* read-only keys are ignored */
	assert_int_equal(e.id, 0);
	assert_int_equal(e.version, 0);
	assert_int_equal(e.open_findings, 0);
}

static void test_exercise_defaults_and_required(void **state)
{
	struct field_errors fe;
	struct exercise e;

	exercise_init(&e);
	assert_int_equal(ex_json(&e, *state, "{}", 0, &fe), 3);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "type");
	assert_field_error(&fe, "date");
	assert_int_equal(e.status, EXERCISE_PLANNED);
	assert_int_equal(e.achieved_rto_hours, -1);
	assert_int_equal(e.duration_minutes, -1);
}

static void test_exercise_every_bad_field_named(void **state)
{
	struct field_errors fe;
	struct exercise e;

	exercise_init(&e);
	ex_json(&e, *state,
		"{\"type\": \"drill\", \"title\": 5, \"date\": \"2026-02-30\", \"status\": \"finished\","
		" \"scenario_risk_id\": -3, \"participant_ids\": [1, \"x\", 1], \"observer_ids\": 4,"
		" \"goals\": 1, \"went_well\": [], \"to_improve\": {}, \"achieved_rto_hours\": -1,"
		" \"achieved_rpo_hours\": 9000, \"duration_minutes\": \"lang\", \"colour\": \"rot\"}",
		0, &fe);
	assert_field_error(&fe, "type");
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "date");
	assert_field_error(&fe, "status");
	assert_field_error(&fe, "scenario_risk_id");
	assert_field_error(&fe, "participant_ids[1]");
	assert_field_error(&fe, "observer_ids");
	assert_field_error(&fe, "goals");
	assert_field_error(&fe, "went_well");
	assert_field_error(&fe, "to_improve");
	assert_field_error(&fe, "achieved_rto_hours");
	assert_field_error(&fe, "achieved_rpo_hours");
	assert_field_error(&fe, "duration_minutes");
	assert_field_error(&fe, "colour");
	/* the repeat of contact 1 is named at its own place */
	assert_field_error_is(&fe, "participant_ids[2]", "is named twice");
}

static void test_exercise_future_cannot_be_done(void **state)
{
	struct field_errors fe;
	struct exercise e;

	exercise_init(&e);
	assert_int_equal(ex_json(&e, *state, "{\"type\": \"tabletop\", \"title\": \"T\", \"date\": \"2026-06-16\", "
					     "\"status\": \"done\"}", 0, &fe), 1);
	assert_field_error_is(&fe, "status", "cannot be done while the date lies in the future");
	/* today is fine, and a future date may be planned or cancelled */
	assert_int_equal(ex_json(&e, *state, "{\"date\": \"" TODAY "\"}", 1, &fe), 0);
	assert_int_equal(ex_json(&e, *state, "{\"date\": \"2030-01-01\", \"status\": \"planned\"}", 1, &fe), 0);
	assert_int_equal(ex_json(&e, *state, "{\"status\": \"cancelled\"}", 1, &fe), 0);
	/* a date in the past may be planned still (it did not happen yet) */
	assert_int_equal(ex_json(&e, *state, "{\"date\": \"2020-01-01\", \"status\": \"planned\"}", 1, &fe), 0);
}

static void test_exercise_person_participant_or_observer(void **state)
{
	struct field_errors fe;
	struct exercise e;

	exercise_init(&e);
	assert_int_equal(ex_json(&e, *state, "{\"type\": \"simulation\", \"title\": \"S\", \"date\": \"2026-01-01\", "
					     "\"participant_ids\": [1, 2], \"observer_ids\": [3, 2, 3]}", 0, &fe), 2);
	assert_field_error_is(&fe, "observer_ids[1]", "takes part already; a person either takes part or observes");
	assert_field_error_is(&fe, "observer_ids[2]", "is named twice");
	assert_true(exercise_names_contact(&e, 3));
	assert_false(exercise_names_contact(&e, 9));
}

static void test_exercise_patch_changes_given_only(void **state)
{
	struct field_errors fe;
	struct exercise e;

	exercise_init(&e);
	assert_int_equal(ex_json(&e, *state, "{\"type\": \"alarm_test\", \"title\": \"A\", \"date\": \"2026-01-01\", "
					     "\"participant_ids\": [5], \"achieved_rto_hours\": 2}", 0, &fe), 0);
	assert_int_equal(ex_json(&e, *state, "{\"achieved_rto_hours\": null, \"went_well\": \"gut\"}", 1, &fe), 0);
	assert_int_equal(e.type, EXERCISE_ALARM_TEST);
	assert_int_equal(e.nparticipants, 1);
	assert_int_equal(e.achieved_rto_hours, -1);
	assert_string_equal(e.went_well, "gut");
	/* PUT resets what is not given */
	assert_int_equal(ex_json(&e, *state, "{\"type\": \"full_drill\", \"title\": \"B\", \"date\": \"2026-01-01\"}", 0,
				 &fe), 0);
	assert_int_equal(e.nparticipants, 0);
	assert_string_equal(e.went_well, "");
}

static void test_exercise_form(void **state)
{
	struct field_errors fe;
	struct exercise e;

	assert_int_equal(ex_form(&e, *state,
				 "title=Planspiel&type=tabletop&date=2026-03-01&status=done&scenario_risk_id=7"
				 "&participant=1&participant=2&observer=3&achieved_rto_hours=&achieved_rpo_hours=12"
				 "&duration_minutes=90&goals=Ziel",
				 &fe),
			 0);
	assert_int_equal(e.type, EXERCISE_TABLETOP);
	assert_int_equal(e.nparticipants, 2);
	assert_int_equal(e.nobservers, 1);
	assert_int_equal(e.achieved_rto_hours, -1);
	assert_int_equal(e.achieved_rpo_hours, 12);
	assert_int_equal(e.duration_minutes, 90);
	assert_int_equal(e.scenario_risk_id, 7);
	ex_form(&e, *state,
		"title=&type=x&date=morgen&status=y&scenario_risk_id=a&participant=b&observer=1&participant=1"
		"&achieved_rto_hours=-2&achieved_rpo_hours=1.5&duration_minutes=99999",
		&fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "type");
	assert_field_error(&fe, "date");
	assert_field_error(&fe, "status");
	assert_field_error(&fe, "scenario_risk_id");
	assert_field_error(&fe, "participant_ids");
	assert_field_error(&fe, "observer_ids[0]");
	assert_field_error(&fe, "achieved_rto_hours");
	assert_field_error(&fe, "achieved_rpo_hours");
	assert_field_error(&fe, "duration_minutes");
}

static void test_exercise_to_json(void **state)
{
	struct field_errors fe;
	struct exercise e;
	json_t *j;

	exercise_init(&e);
	assert_int_equal(ex_json(&e, *state, "{\"type\": \"walkthrough\", \"title\": \"W\", \"date\": \"2026-01-01\", "
					     "\"observer_ids\": [4]}", 0, &fe), 0);
	j = exercise_to_json(&e);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "type")), "walkthrough");
	assert_string_equal(json_string_value(json_object_get(j, "status")), "planned");
	assert_true(json_is_null(json_object_get(j, "scenario_risk_id")));
	assert_true(json_is_null(json_object_get(j, "achieved_rto_hours")));
	assert_int_equal(json_integer_value(json_array_get(json_object_get(j, "observer_ids"), 0)), 4);
	assert_int_equal(json_array_size(json_object_get(j, "participant_ids")), 0);
	json_decref(j);
	for (int t = 0; t < EXERCISE_TYPE__MAX; t++) {
		enum exercise_type back;

		assert_int_equal(exercise_type_parse(exercise_type_name((enum exercise_type)t), &back), 0);
		assert_int_equal(back, t);
		assert_true(*exercise_type_label((enum exercise_type)t));
	}
}

static void test_finding(void **state)
{
	struct field_errors fe = { 0 };
	struct finding f;
	json_t *j;

	finding_init(&f);
	f.exercise_id = 8;
	j = load("{\"title\": \" Nummer veraltet \", \"severity\": \"high\", \"responsible_contact_id\": 3, "
		 "\"due_date\": \"2027-01-31\", \"exercise_id\": 99}");
	finding_from_json(&f, *state, j, 0, &fe);
	json_decref(j);
	finding_validate(&f, *state, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(f.title, "Nummer veraltet");
	assert_int_equal(f.severity, FINDING_HIGH);
	assert_int_equal(f.status, FINDING_OPEN);
	assert_int_equal(f.exercise_id, 8); /* a finding stays with its exercise */
	assert_true(finding_is_open(&f));
	memset(&fe, 0, sizeof(fe));
	j = load("{\"title\": \"\", \"severity\": \"urgent\", \"status\": \"closed\", \"responsible_contact_id\": \"x\", "
		 "\"due_date\": \"31.01.2027\", \"description\": 3, \"x\": 1}");
	finding_from_json(&f, *state, j, 0, &fe);
	json_decref(j);
	finding_validate(&f, *state, &fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "severity");
	assert_field_error(&fe, "status");
	assert_field_error(&fe, "responsible_contact_id");
	assert_field_error(&fe, "due_date");
	assert_field_error(&fe, "description");
	assert_field_error(&fe, "x");
	f.status = FINDING_DONE;
	assert_false(finding_is_open(&f));
}

static void test_months_after(void **state)
{
	char out[11];

	(void)state;
	date_months_after("2026-03-15", 12, out);
	assert_string_equal(out, "2027-03-15");
	date_months_after("2026-01-31", 1, out);
	assert_string_equal(out, "2026-02-28");
	date_months_after("2027-01-31", 13, out);
	assert_string_equal(out, "2028-02-29"); /* leap year */
	date_months_after("2026-08-31", 1, out);
	assert_string_equal(out, "2026-09-30");
	date_months_after("2026-12-01", 1, out);
	assert_string_equal(out, "2027-01-01");
	date_months_after("2026-11-30", 36, out);
	assert_string_equal(out, "2029-11-30");
	date_months_after("2024-02-29", 12, out);
	assert_string_equal(out, "2025-02-28");
	date_months_after("2026-05-05", 0, out);
	assert_string_equal(out, "2026-05-05");
	date_months_after("kein Datum", 3, out);
	assert_string_equal(out, "0000-00-00");
}

static void test_review_next_and_overdue(void **state)
{
	struct plan_review p;
	char next[11];
	json_t *j;

	(void)state;
	review_init(&p);
	assert_int_equal(p.review_interval_months, 12);
	assert_int_equal(review_next(&p, TODAY, next), REVIEW_NONE);
	assert_string_equal(next, "");
	snprintf(p.last_review_date, sizeof(p.last_review_date), "2025-06-15");
	assert_int_equal(review_next(&p, TODAY, next), REVIEW_OK); /* due today: not overdue yet */
	assert_string_equal(next, "2026-06-15");
	snprintf(p.last_review_date, sizeof(p.last_review_date), "2025-06-14");
	assert_int_equal(review_next(&p, TODAY, next), REVIEW_OVERDUE);
	p.review_interval_months = 13;
	assert_int_equal(review_next(&p, TODAY, next), REVIEW_OK);
	assert_string_equal(next, "2026-07-14");
	j = review_to_json(&p, TODAY);
	assert_string_equal(json_string_value(json_object_get(j, "next_review_date")), "2026-07-14");
	assert_true(json_is_false(json_object_get(j, "overdue")));
	assert_string_equal(json_string_value(json_object_get(j, "state")), "ok");
	assert_true(json_is_null(json_object_get(j, "id")));
	json_decref(j);
}

static void test_review_validation(void **state)
{
	struct field_errors fe = { 0 };
	struct plan_review p;
	struct kv_list l;
	const char *body;
	json_t *j;

	review_init(&p);
	j = load("{\"last_review_date\": \"2026-06-16\", \"review_interval_months\": 37, \"reviewer_contact_id\": 0, "
		 "\"notes\": 5, \"state\": \"ok\", \"other\": 1}");
	review_from_json(&p, *state, j, &fe);
	json_decref(j);
	review_validate(&p, TODAY, &fe);
	assert_field_error_is(&fe, "last_review_date", "must not be in the future");
	assert_field_error(&fe, "review_interval_months");
	assert_field_error(&fe, "reviewer_contact_id");
	assert_field_error(&fe, "notes");
	assert_field_error(&fe, "other");
	assert_null(fe_get(&fe, "state"));
	memset(&fe, 0, sizeof(fe));
	j = load("{\"review_interval_months\": 0}");
	review_from_json(&p, *state, j, &fe);
	json_decref(j);
	assert_field_error(&fe, "review_interval_months");
	memset(&fe, 0, sizeof(fe));
	j = load("{\"last_review_date\": \"2026-13-01\"}");
	review_from_json(&p, *state, j, &fe);
	json_decref(j);
	review_validate(&p, TODAY, &fe);
	assert_field_error_is(&fe, "last_review_date", "is not a date (YYYY-MM-DD)");
	/* a full replace: what is not given takes its default */
	memset(&fe, 0, sizeof(fe));
	j = load("{\"last_review_date\": \"2026-06-15\"}");
	review_from_json(&p, *state, j, &fe);
	json_decref(j);
	review_validate(&p, TODAY, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(p.review_interval_months, 12);
	/* the form */
	body = "last_review_date=2026-01-10&review_interval_months=6&reviewer_contact_id=4&notes=ok";
	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, body, strlen(body), 200), 0);
	review_from_form(&p, &l, &fe);
	review_validate(&p, TODAY, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(p.review_interval_months, 6);
	assert_int_equal(p.reviewer_contact_id, 4);
	body = "last_review_date=x&review_interval_months=6.5&reviewer_contact_id=-4";
	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, body, strlen(body), 200), 0);
	review_from_form(&p, &l, &fe);
	review_validate(&p, TODAY, &fe);
	assert_field_error(&fe, "last_review_date");
	assert_field_error(&fe, "review_interval_months");
	assert_field_error(&fe, "reviewer_contact_id");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_exercise_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exercise_defaults_and_required, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exercise_every_bad_field_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exercise_future_cannot_be_done, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exercise_person_participant_or_observer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exercise_patch_changes_given_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exercise_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exercise_to_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_finding, setup, teardown),
		cmocka_unit_test_setup_teardown(test_months_after, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_next_and_overdue, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review_validation, setup, teardown),
	};

	return cmocka_run_group_tests_name("exercise", tests, NULL, NULL);
}
