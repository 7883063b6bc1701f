/* test_backup.c: unit tests of step 3 backups: validation (every bad field named, forms), the 3-2-1 check, the
 * restore test age, restore time against the RTO and frequency against the RPO, the gap list, restore tests. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/backup.h"
#include "../../src/core/fielderr.h"
#include "../../src/core/restore_test.h"
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

static int bk_json(struct backup *b, struct arena *a, const char *text, int partial, struct field_errors *fe)
{
	json_t *j = load(text);

	memset(fe, 0, sizeof(*fe));
	backup_from_json(b, a, j, partial, fe);
	json_decref(j);
	backup_validate(b, a, fe);
	return fe->n;
}

static int bk_form(struct backup *b, struct arena *a, const char *body, struct field_errors *fe)
{
	struct kv_list l;

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, a, body, strlen(body), 200), 0);
	memset(fe, 0, sizeof(*fe));
	backup_init(b);
	backup_from_form(b, &l, fe);
	backup_validate(b, a, fe);
	return fe->n;
}

/* A backup with copies of the given kinds ("onsite", ...), NULL-terminated. */
static void with_copies(struct backup *b, const char *const *kinds)
{
	backup_init(b);
	b->frequency_hours = 24;
	b->ncopies = 0;
	for (int i = 0; kinds[i]; i++) {
		assert_int_equal(backup_copy_kind_parse(kinds[i], &b->copies[i].kind), 0);
		b->copies[i].media = "x";
		b->ncopies++;
	}
}

/* ---------------------------------------------------------------- validation */

static void test_backup_full(void **state)
{
	struct field_errors fe;
	struct backup b;

	backup_init(&b);
	assert_int_equal(bk_json(&b, *state,
				 "{\"title\": \"  Dateiserver  \", \"system_ids\": [3, 4], \"method\": \" Veeam \","
				 " \"frequency_hours\": 24, \"copies\": [{\"kind\": \"onsite\", \"media\": \" NAS \"},"
				 " {\"kind\": \"offline\", \"media\": \"USB-Platte im Tresor\"}], \"retention_days\": 30,"
				 " \"encrypted\": true, \"responsible_contact_id\": 7, \"notes\": \"Schlüssel\","
				 " \"id\": 9, \"version\": 4, \"checks\": {\"gaps\": []}}",
				 0, &fe),
			 0);
	assert_string_equal(b.title, "Dateiserver");
	assert_string_equal(b.method, "Veeam");
	assert_int_equal(b.nsystems, 2);
	assert_int_equal(b.system_ids[1], 4);
	assert_int_equal(b.frequency_hours, 24);
	assert_int_equal(b.ncopies, 2);
	assert_int_equal(b.copies[1].kind, BACKUP_COPY_OFFLINE);
	assert_string_equal(b.copies[0].media, "NAS");
	assert_int_equal(b.retention_days, 30);
	assert_true(b.encrypted);
	assert_int_equal(b.responsible_contact_id, 7);
	assert_int_equal(b.id, 0);
	assert_int_equal(b.version, 0);
	/* PATCH keeps what is not given; null empties */
	assert_int_equal(bk_json(&b, *state, "{\"retention_days\": null, \"responsible_contact_id\": null}", 1, &fe), 0);
	assert_int_equal(b.retention_days, -1);
	assert_int_equal(b.responsible_contact_id, 0);
	assert_int_equal(b.ncopies, 2);
	assert_string_equal(b.title, "Dateiserver");
}

static void test_backup_required(void **state)
{
	struct field_errors fe;
	struct backup b;

	backup_init(&b);
	assert_int_equal(bk_json(&b, *state, "{}", 0, &fe), 2);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "frequency_hours");
	assert_int_equal(b.retention_days, -1);
	assert_false(b.encrypted);
}

static void test_backup_every_bad_field_named(void **state)
{
	struct field_errors fe;
	struct backup b;

	backup_init(&b);
	bk_json(&b, *state,
		"{\"title\": 5, \"system_ids\": [1, \"x\", 1, -2], \"method\": \"a\\u0001b\", \"frequency_hours\": 8761,"
		" \"copies\": [{\"kind\": \"tape\", \"media\": \"Band\"}, {\"kind\": \"cloud\", \"media\": \"  \"},"
		" {\"media\": \"ohne Art\"}, {\"kind\": \"onsite\", \"media\": \"NAS\", \"size\": 4}, \"NAS\"],"
		" \"retention_days\": 0, \"encrypted\": 1, \"responsible_contact_id\": \"anna\", \"notes\": [],"
		" \"colour\": \"rot\"}",
		0, &fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "system_ids[1]");
	assert_field_error(&fe, "system_ids[2]"); /* chosen twice, at the repeat */
	assert_field_error(&fe, "system_ids[3]");
	assert_null(fe_get(&fe, "system_ids[0]"));
	assert_field_error(&fe, "method");
	assert_field_error(&fe, "frequency_hours");
	assert_field_error(&fe, "copies[0].kind");
	assert_null(fe_get(&fe, "copies[0].media"));
	assert_field_error(&fe, "copies[1].media");
	assert_field_error(&fe, "copies[2].kind");
	assert_field_error(&fe, "copies[3].size");
	assert_field_error(&fe, "copies[4]");
	assert_field_error(&fe, "retention_days");
	assert_field_error(&fe, "encrypted");
	assert_field_error(&fe, "responsible_contact_id");
	assert_field_error(&fe, "notes");
	assert_field_error(&fe, "colour");
	/* too many entries */
	backup_init(&b);
	bk_json(&b, *state,
		"{\"title\": \"x\", \"frequency_hours\": 1, \"copies\": [{\"kind\": \"onsite\", \"media\": \"1\"},"
		" {\"kind\": \"onsite\", \"media\": \"2\"}, {\"kind\": \"onsite\", \"media\": \"3\"},"
		" {\"kind\": \"onsite\", \"media\": \"4\"}, {\"kind\": \"onsite\", \"media\": \"5\"},"
		" {\"kind\": \"onsite\", \"media\": \"6\"}, {\"kind\": \"onsite\", \"media\": \"7\"},"
		" {\"kind\": \"onsite\", \"media\": \"8\"}, {\"kind\": \"onsite\", \"media\": \"9\"},"
		" {\"kind\": \"onsite\", \"media\": \"10\"}, {\"kind\": \"onsite\", \"media\": \"11\"}],"
		" \"system_ids\": 3}",
		0, &fe);
	assert_field_error(&fe, "copies");
	assert_field_error(&fe, "system_ids");
	/* boundaries */
	backup_init(&b);
	assert_int_equal(bk_json(&b, *state, "{\"title\": \"x\", \"frequency_hours\": 8760, \"retention_days\": 36500}",
				 0, &fe),
			 0);
	assert_int_equal(bk_json(&b, *state, "{\"frequency_hours\": 0}", 1, &fe), 1);
	assert_field_error(&fe, "frequency_hours");
}

static void test_backup_form(void **state)
{
	struct field_errors fe;
	struct backup b;

	assert_int_equal(bk_form(&b, *state,
				 "title=Mails&system=3&system=5&method=Online&frequency=168&frequency_hours=&"
				 "copy_kind_0=onsite&copy_media_0=NAS&copy_kind_1=cloud&copy_media_1=&"
				 "copy_kind_2=offline&copy_media_2=USB&retention_days=&encrypted=1&responsible_contact_id=4",
				 &fe),
			 0);
	assert_int_equal(b.nsystems, 2);
	assert_int_equal(b.frequency_hours, 168);
	assert_int_equal(b.ncopies, 2); /* the empty row is unused */
	assert_int_equal(b.copies[1].kind, BACKUP_COPY_OFFLINE);
	assert_int_equal(b.retention_days, -1);
	assert_true(b.encrypted);
	assert_int_equal(b.responsible_contact_id, 4);
	/* "other" takes the hours */
	assert_int_equal(bk_form(&b, *state, "title=x&frequency=custom&frequency_hours=12", &fe), 0);
	assert_int_equal(b.frequency_hours, 12);
	/* every bad field named */
	bk_form(&b, *state,
		"title=&system=abc&frequency=custom&frequency_hours=zwölf&copy_kind_0=tape&copy_media_0=Band&"
		"retention_days=-1&responsible_contact_id=x",
		&fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "system_ids[0]");
	assert_field_error(&fe, "frequency_hours");
	assert_field_error(&fe, "copies[0].kind");
	assert_field_error(&fe, "retention_days");
	assert_field_error(&fe, "responsible_contact_id");
	bk_form(&b, *state, "title=x&frequency=custom&frequency_hours=", &fe);
	assert_field_error(&fe, "frequency_hours");
}

/* ---------------------------------------------------------------- 3-2-1 */

static void test_321(void **state)
{
	static const char *const none[] = { NULL };
	static const char *const full[] = { "onsite", "onsite", "cloud", NULL };
	static const char *const one_kind[] = { "onsite", "onsite", "onsite", NULL };
	static const char *const all_off[] = { "offsite", "offsite", "offsite", NULL };
	static const char *const two[] = { "onsite", "offline", NULL };
	static const char *const no_off[] = { "onsite", "onsite", NULL };
	static const char *const mixed[] = { "offline", "cloud", "offsite", "onsite", NULL };
	struct backup b;
	int kinds;

	(void)state;
	with_copies(&b, none);
	assert_int_equal(backup_check_321(&b, &kinds), B321_COPIES | B321_KINDS | B321_OFFSITE);
	assert_int_equal(kinds, 0);
	with_copies(&b, full);
	assert_int_equal(backup_check_321(&b, &kinds), 0);
	assert_int_equal(kinds, 2);
	with_copies(&b, one_kind);
	assert_int_equal(backup_check_321(&b, NULL), B321_KINDS | B321_OFFSITE);
	/* three off-site copies on one kind of storage: the 2 is missing */
	with_copies(&b, all_off);
	assert_int_equal(backup_check_321(&b, NULL), B321_KINDS);
	with_copies(&b, two);
	assert_int_equal(backup_check_321(&b, &kinds), B321_COPIES);
	assert_int_equal(kinds, 2);
	with_copies(&b, no_off);
	assert_int_equal(backup_check_321(&b, NULL), B321_COPIES | B321_KINDS | B321_OFFSITE);
	with_copies(&b, mixed);
	assert_int_equal(backup_check_321(&b, &kinds), 0);
	assert_int_equal(kinds, 4);
}

/* ---------------------------------------------------------------- facts and test age */

static struct restore_test test_of(int64_t id, int64_t backup, const char *date, enum restore_result res, int min)
{
	struct restore_test t;

	restore_test_init(&t);
	t.id = id;
	t.backup_id = backup;
	snprintf(t.date, sizeof(t.date), "%s", date);
	t.result = res;
	t.duration_minutes = min;
	return t;
}

static void test_facts_from_tests(void **state)
{
	struct restore_test tests[5];
	struct backup b;

	(void)state;
	backup_init(&b);
	b.id = 1;
	backup_facts_reset(&b.facts, TODAY);
	backup_facts_from_tests(&b, NULL, 0);
	assert_int_equal(backup_test_state(&b.facts, TODAY, 12), BACKUP_TEST_NEVER);
	tests[0] = test_of(10, 1, "2026-01-10", RESTORE_SUCCESS, 90);
	tests[1] = test_of(11, 1, "2026-03-01", RESTORE_FAILED, 20);
	tests[2] = test_of(12, 2, "2026-06-01", RESTORE_SUCCESS, 5);      /* another backup */
	tests[3] = test_of(13, 1, "2026-01-10", RESTORE_SUCCESS, 120);    /* same day, later id wins */
	tests[4] = test_of(14, 1, "2025-12-01", RESTORE_PARTIAL, 30);
	backup_facts_from_tests(&b, tests, 5);
	assert_int_equal(b.facts.ntests, 4);
	assert_string_equal(b.facts.last_test_date, "2026-03-01");
	assert_int_equal(b.facts.last_test_result, RESTORE_FAILED);
	assert_string_equal(b.facts.last_success_date, "2026-01-10");
	assert_int_equal(b.facts.last_success_minutes, 120);
	assert_int_equal(backup_test_state(&b.facts, TODAY, 12), BACKUP_TEST_OK);
	/* only failed and partial tests: never successful */
	backup_facts_from_tests(&b, &tests[1], 1);
	assert_int_equal(backup_test_state(&b.facts, TODAY, 12), BACKUP_TEST_NO_SUCCESS);
	assert_int_equal(b.facts.last_success_minutes, -1);
}

static void test_test_age(void **state)
{
	struct backup_facts f;

	(void)state;
	backup_facts_reset(&f, TODAY);
	assert_int_equal(backup_test_state(&f, TODAY, 12), BACKUP_TEST_NEVER);
	f.ntests = 1;
	snprintf(f.last_test_date, sizeof(f.last_test_date), "2025-06-15");
	snprintf(f.last_success_date, sizeof(f.last_success_date), "2025-06-15");
	/* exactly 12 months ago still counts */
	assert_int_equal(backup_test_state(&f, TODAY, 12), BACKUP_TEST_OK);
	snprintf(f.last_success_date, sizeof(f.last_success_date), "2025-06-14");
	assert_int_equal(backup_test_state(&f, TODAY, 12), BACKUP_TEST_TOO_OLD);
	assert_int_equal(backup_test_state(&f, TODAY, 24), BACKUP_TEST_OK);
	/* the end of a month: 29 Feb + 12 months = 28 Feb */
	snprintf(f.last_success_date, sizeof(f.last_success_date), "2024-02-29");
	assert_int_equal(backup_test_state(&f, "2025-02-28", 12), BACKUP_TEST_OK);
	assert_int_equal(backup_test_state(&f, "2025-03-01", 12), BACKUP_TEST_TOO_OLD);
	/* a later failed test does not make an old success new */
	snprintf(f.last_test_date, sizeof(f.last_test_date), "2026-06-01");
	assert_int_equal(backup_test_state(&f, TODAY, 12), BACKUP_TEST_TOO_OLD);
	assert_string_equal(backup_test_state_name(BACKUP_TEST_TOO_OLD), "too_old");
	assert_string_equal(backup_test_state_name(BACKUP_TEST_NEVER), "never_tested");
}

/* ---------------------------------------------------------------- targets */

static void test_targets_from_systems(void **state)
{
	struct system sys[3];
	struct backup b;

	(void)state;
	for (int i = 0; i < 3; i++) {
		system_init(&sys[i]);
		sys[i].id = i + 1;
	}
	sys[0].name = "Dateiserver";
	sys[0].required_rto_hours = 8;
	sys[0].required_rpo_hours = 24;
	sys[1].name = "ERP";
	sys[1].required_rto_hours = 4;
	sys[1].required_rpo_hours = -1;
	sys[2].name = "Nicht gedeckt";
	sys[2].required_rto_hours = 1;
	sys[2].required_rpo_hours = 1;
	backup_init(&b);
	b.frequency_hours = 24;
	backup_facts_reset(&b.facts, TODAY);
	backup_facts_from_systems(&b, sys, 3);
	assert_int_equal(b.facts.required_rto_hours, -1);
	assert_int_equal(backup_rto_state(&b), BACKUP_TARGET_NONE);
	assert_int_equal(backup_rpo_state(&b), BACKUP_TARGET_NONE);
	b.nsystems = 2;
	b.system_ids[0] = 1;
	b.system_ids[1] = 2;
	backup_facts_from_systems(&b, sys, 3);
	assert_int_equal(b.facts.required_rto_hours, 4);
	assert_int_equal(b.facts.rto_system_id, 2);
	assert_string_equal(b.facts.rto_system_name, "ERP");
	assert_int_equal(b.facts.required_rpo_hours, 24);
	assert_int_equal(b.facts.rpo_system_id, 1);
	/* an id that is no (live) system is skipped */
	b.system_ids[1] = 99;
	backup_facts_from_systems(&b, sys, 3);
	assert_int_equal(b.facts.required_rto_hours, 8);
}

static void test_rto_rpo(void **state)
{
	struct backup b;

	(void)state;
	backup_init(&b);
	b.frequency_hours = 24;
	backup_facts_reset(&b.facts, TODAY);
	b.facts.required_rto_hours = 4;
	assert_int_equal(backup_rto_state(&b), BACKUP_TARGET_NOT_MEASURED);
	b.facts.last_success_minutes = 240; /* exactly the RTO is in time */
	assert_int_equal(backup_rto_state(&b), BACKUP_TARGET_OK);
	b.facts.last_success_minutes = 241;
	assert_int_equal(backup_rto_state(&b), BACKUP_TARGET_GAP);
	b.facts.required_rto_hours = 0; /* must never stand still: any restore is too slow */
	b.facts.last_success_minutes = 1;
	assert_int_equal(backup_rto_state(&b), BACKUP_TARGET_GAP);
	b.facts.last_success_minutes = 0;
	assert_int_equal(backup_rto_state(&b), BACKUP_TARGET_OK);

	b.facts.required_rpo_hours = 24; /* a backup every RPO hours is enough */
	assert_int_equal(backup_rpo_state(&b), BACKUP_TARGET_OK);
	b.frequency_hours = 25;
	assert_int_equal(backup_rpo_state(&b), BACKUP_TARGET_GAP);
	b.frequency_hours = 1;
	b.facts.required_rpo_hours = 0; /* no data may be lost: backups alone never reach that */
	assert_int_equal(backup_rpo_state(&b), BACKUP_TARGET_GAP);
	assert_string_equal(backup_target_state_name(BACKUP_TARGET_NOT_MEASURED), "not_measured");
}

static void test_gaps(void **state)
{
	static const char *const full[] = { "onsite", "onsite", "cloud", NULL };
	static const char *const one[] = { "onsite", NULL };
	struct backup_gap gaps[BACKUP_GAPS_MAX];
	struct backup b;
	const char *text;
	int n;

	with_copies(&b, full);
	backup_facts_reset(&b.facts, TODAY);
	n = backup_gaps(&b, TODAY, gaps, BACKUP_GAPS_MAX);
	assert_int_equal(n, 1);
	assert_int_equal(gaps[0].kind, BACKUP_GAP_NEVER_TESTED);
	assert_string_equal(backup_gap_code(gaps[0].kind), "never_tested");

	/* every kind at once, in a fixed order */
	with_copies(&b, one);
	b.frequency_hours = 24;
	backup_facts_reset(&b.facts, TODAY);
	b.facts.ntests = 2;
	snprintf(b.facts.last_test_date, sizeof(b.facts.last_test_date), "2025-01-01");
	snprintf(b.facts.last_success_date, sizeof(b.facts.last_success_date), "2025-01-01");
	b.facts.last_success_minutes = 360;
	b.facts.required_rto_hours = 4;
	b.facts.rto_system_name = "ERP";
	b.facts.required_rpo_hours = 12;
	b.facts.rpo_system_name = "ERP";
	n = backup_gaps(&b, TODAY, gaps, BACKUP_GAPS_MAX);
	assert_int_equal(n, 6);
	assert_int_equal(gaps[0].kind, BACKUP_GAP_FEW_COPIES);
	assert_int_equal(gaps[0].have, 1);
	assert_int_equal(gaps[1].kind, BACKUP_GAP_ONE_KIND);
	assert_int_equal(gaps[2].kind, BACKUP_GAP_NO_OFFSITE);
	assert_int_equal(gaps[3].kind, BACKUP_GAP_TEST_TOO_OLD);
	assert_int_equal(gaps[4].kind, BACKUP_GAP_RESTORE_TOO_SLOW);
	assert_int_equal(gaps[4].have, 360);
	assert_int_equal(gaps[4].need, 4);
	assert_int_equal(gaps[5].kind, BACKUP_GAP_TOO_RARE);
	text = backup_gap_text(*state, KF_LANG_EN, &gaps[4]);
	assert_string_equal(text, "The restore takes 6\u00a0h, but \"ERP\" must run again after 4\u00a0h.");
	text = backup_gap_text(*state, KF_LANG_EN, &gaps[5]);
	assert_string_equal(text, "A backup is made every 24\u00a0h, but \"ERP\" may lose at most 12\u00a0h of data.");
	text = backup_gap_text(*state, KF_LANG_EN, &gaps[3]);
	assert_string_equal(text, "The last successful restore test (2025-01-01) is more than 12 months ago.");
	/* max limits what is written */
	assert_int_equal(backup_gaps(&b, TODAY, gaps, 2), 2);

	/* a successful test without a time: the RTO comparison cannot be made */
	with_copies(&b, full);
	backup_facts_reset(&b.facts, TODAY);
	b.facts.ntests = 1;
	snprintf(b.facts.last_test_date, sizeof(b.facts.last_test_date), "2026-06-01");
	snprintf(b.facts.last_success_date, sizeof(b.facts.last_success_date), "2026-06-01");
	b.facts.required_rto_hours = 4;
	n = backup_gaps(&b, TODAY, gaps, BACKUP_GAPS_MAX);
	assert_int_equal(n, 1);
	assert_int_equal(gaps[0].kind, BACKUP_GAP_RESTORE_NOT_MEASURED);
	/* never tested: not measured is not named twice */
	b.facts.ntests = 0;
	b.facts.last_test_date[0] = b.facts.last_success_date[0] = '\0';
	n = backup_gaps(&b, TODAY, gaps, BACKUP_GAPS_MAX);
	assert_int_equal(n, 1);
	assert_int_equal(gaps[0].kind, BACKUP_GAP_NEVER_TESTED);
}

static void test_texts(void **state)
{
	assert_string_equal(backup_minutes_text(*state, 45), "45\u00a0min");
	assert_string_equal(backup_minutes_text(*state, 60), "1\u00a0h");
	assert_string_equal(backup_minutes_text(*state, 90), "1\u00a0h 30\u00a0min");
	assert_string_equal(backup_subst(*state, "a %s b %s c %s d %s", "1", "2", "3"), "a 1 b 2 c 3 d %s");
	assert_string_equal(backup_subst(*state, "a %s b %s", "1", NULL, "3"), "a 1 b %s");
	assert_string_equal(backup_subst(*state, "100%% %s", "x", NULL, NULL), "100%% x");
	assert_string_equal(backup_frequency_label(24), "daily");
	assert_null(backup_frequency_label(12));
}

/* ---------------------------------------------------------------- restore tests */

static void test_restore_test_rules(void **state)
{
	struct restore_test t;
	struct field_errors fe;
	json_t *j;

	restore_test_init(&t);
	memset(&fe, 0, sizeof(fe));
	j = load("{\"date\": \"2026-06-15\", \"result\": \"partial\", \"duration_minutes\": 90,"
		 " \"tested_by_contact_id\": 3, \"notes\": \"ok\", \"backup_id\": 99, \"id\": 5}");
	restore_test_from_json(&t, *state, j, 0, &fe);
	json_decref(j);
	restore_test_validate(&t, TODAY, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(t.result, RESTORE_PARTIAL);
	assert_int_equal(t.duration_minutes, 90);
	assert_int_equal(t.backup_id, 0); /* read-only */
	/* the future is refused; every bad field named */
	memset(&fe, 0, sizeof(fe));
	j = load("{\"date\": \"2026-06-16\", \"result\": \"ok\", \"duration_minutes\": 43201,"
		 " \"tested_by_contact_id\": 0, \"notes\": 1, \"size\": 2}");
	restore_test_from_json(&t, *state, j, 1, &fe);
	json_decref(j);
	restore_test_validate(&t, TODAY, &fe);
	assert_field_error(&fe, "date");
	assert_field_error(&fe, "result");
	assert_field_error(&fe, "duration_minutes");
	assert_field_error(&fe, "tested_by_contact_id");
	assert_field_error(&fe, "notes");
	assert_field_error(&fe, "size");
	/* required date; null duration allowed */
	restore_test_init(&t);
	memset(&fe, 0, sizeof(fe));
	j = load("{\"duration_minutes\": null}");
	restore_test_from_json(&t, *state, j, 0, &fe);
	json_decref(j);
	restore_test_validate(&t, TODAY, &fe);
	assert_int_equal(fe.n, 1);
	assert_field_error(&fe, "date");
	assert_int_equal(t.result, RESTORE_SUCCESS);
}

static void test_restore_test_form(void **state)
{
	struct restore_test t;
	struct field_errors fe;
	struct kv_list l;
	const char *body = "date=2026-02-30&result=broken&duration_minutes=1.5&tested_by_contact_id=x&notes=n";

	memset(&l, 0, sizeof(l));
	assert_int_equal(kv_parse_urlencoded(&l, *state, body, strlen(body), 50), 0);
	memset(&fe, 0, sizeof(fe));
	restore_test_init(&t);
	restore_test_from_form(&t, &l, &fe);
	restore_test_validate(&t, TODAY, &fe);
	assert_field_error(&fe, "date");
	assert_field_error(&fe, "result");
	assert_field_error(&fe, "duration_minutes");
	assert_field_error(&fe, "tested_by_contact_id");
	assert_int_equal(fe.n, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_backup_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_required, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_every_bad_field_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_form, setup, teardown),
		cmocka_unit_test(test_321),
		cmocka_unit_test(test_facts_from_tests),
		cmocka_unit_test(test_test_age),
		cmocka_unit_test(test_targets_from_systems),
		cmocka_unit_test(test_rto_rpo),
		cmocka_unit_test_setup_teardown(test_gaps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_texts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_test_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_test_form, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
