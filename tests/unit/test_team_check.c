/* test_team_check.c: unit tests of the team completeness check, its gaps, and date_months_before. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/team_check.h"

#define TODAY "2026-06-15"

static struct contact person(int64_t id, const char *name, const char *verified, int mobile)
{
	struct contact c;

	contact_init(&c);
	c.id = id;
	c.name = name;
	snprintf(c.last_verified, sizeof(c.last_verified), "%s", verified);
	c.nphones = 1;
	c.phones[0].kind = mobile ? PHONE_MOBILE : PHONE_OFFICE;
	c.phones[0].number = "030 123";
	return c;
}

static struct role role(int64_t id, const char *name, int64_t primary, int64_t deputy)
{
	struct role r;

	role_init(&r);
	r.id = id;
	r.name = name;
	r.primary_contact_id = primary;
	if (deputy) {
		r.ndeputies = 1;
		r.deputy_contact_ids[0] = deputy;
	}
	return r;
}

/* Runs the check with room for 16 gaps. */
static void run(const struct contact *c, size_t nc, const struct role *r, size_t nr, struct team_check *tc,
		struct team_gap *gaps)
{
	memset(tc, 0xAB, sizeof(*tc)); /* the run must set every counter */
	tc->gaps = gaps;
	tc->max_gaps = 16;
	team_check_run(c, nc, r, nr, TODAY, tc);
	assert_true(tc->passed <= tc->checks);
	assert_true(tc->ngaps <= tc->gaps_total);
	assert_int_equal(tc->checks - tc->passed, tc->gaps_total);
	assert_int_equal(tc->percent, tc->checks ? (int)(tc->passed * 100 / tc->checks) : 0);
}

/* Whether a gap of this kind and item is in the list. */
static int has_gap(const struct team_check *tc, enum team_gap_kind k, int64_t id)
{
	for (size_t i = 0; i < tc->ngaps; i++)
		if (tc->gaps[i].kind == k && tc->gaps[i].item_id == id)
			return 1;
	return 0;
}

static void test_empty_team(void **state)
{
	struct team_gap gaps[16];
	struct team_check tc;

	(void)state;
	run(NULL, 0, NULL, 0, &tc, gaps);
	assert_int_equal(tc.checks, 2);
	assert_int_equal(tc.passed, 0);
	assert_int_equal(tc.percent, 0);
	assert_int_equal(tc.ngaps, 2);
	assert_true(has_gap(&tc, GAP_NO_ROLES, 0));
	assert_true(has_gap(&tc, GAP_NO_CONTACTS, 0));
}

static void test_complete_team(void **state)
{
	struct contact c[2] = { person(1, "Anna", "2026-06-01", 1), person(2, "Bernd", "2026-01-15", 1) };
	struct role r[1] = { role(10, "Leitung", 1, 2) };
	struct team_gap gaps[16];
	struct team_check tc;

	(void)state;
	run(c, 2, r, 1, &tc, gaps);
	assert_int_equal(tc.percent, 100);
	assert_int_equal(tc.ngaps, 0);
	assert_int_equal(tc.gaps_total, 0);
	assert_int_equal(tc.checks, tc.passed);
	/* 2 + 2 per role + 2 per internal person */
	assert_int_equal(tc.checks, 8);
}

static void test_role_without_deputy_or_primary(void **state)
{
	struct contact c[1] = { person(1, "Anna", "2026-06-01", 1) };
	struct role r[2] = { role(10, "Leitung", 1, 0), role(11, "Kommunikation", 0, 1) };
	struct team_gap gaps[16];
	struct team_check tc;

	(void)state;
	run(c, 1, r, 2, &tc, gaps);
	assert_int_equal(tc.ngaps, 2);
	assert_true(has_gap(&tc, GAP_ROLE_WITHOUT_DEPUTY, 10));
	assert_true(has_gap(&tc, GAP_ROLE_WITHOUT_PRIMARY, 11));
	for (size_t i = 0; i < tc.ngaps; i++)
		if (tc.gaps[i].item_id == 10)
			assert_string_equal(tc.gaps[i].item_name, "Leitung");
	assert_true(tc.percent < 100);
	assert_int_equal(tc.checks, 8);
	assert_int_equal(tc.percent, 6 * 100 / 8);
}

static void test_person_without_mobile(void **state)
{
	struct contact c[3] = { person(1, "Anna", "2026-06-01", 0), person(2, "Extern GmbH", "2026-06-01", 0),
				person(3, "Carla", "2026-06-01", 1) };
	struct role r[1] = { role(10, "Leitung", 3, 1) };
	struct team_gap gaps[16];
	struct team_check tc;

	(void)state;
	c[1].external = 1; /* external contacts need no mobile */
	c[2].nphones = 2;  /* the mobile need not come first */
	c[2].phones[1] = c[2].phones[0];
	c[2].phones[0].kind = PHONE_PRIVATE;
	run(c, 3, r, 1, &tc, gaps);
	assert_int_equal(tc.ngaps, 1);
	assert_true(has_gap(&tc, GAP_PERSON_WITHOUT_MOBILE, 1));
	assert_string_equal(tc.gaps[0].item_name, "Anna");

	c[0].nphones = 0;
	run(c, 3, r, 1, &tc, gaps);
	assert_true(has_gap(&tc, GAP_PERSON_WITHOUT_MOBILE, 1));
}

static void test_verified_months_ago(void **state)
{
	struct contact c[5] = {
		person(1, "Five months", "2026-01-15", 1),   /* 5 months ago: fine */
		person(2, "Seven months", "2025-11-15", 1),  /* 7 months ago: gap */
		person(3, "Exactly six", "2025-12-15", 1),   /* the boundary counts as recent */
		person(4, "Six and a day", "2025-12-14", 1), /* just too old */
		person(5, "Never", "", 1),                   /* never verified: gap */
	};
	struct role r[1] = { role(10, "Leitung", 1, 3) };
	struct team_gap gaps[16];
	struct team_check tc;

	(void)state;
	run(c, 5, r, 1, &tc, gaps);
	assert_false(has_gap(&tc, GAP_CONTACT_NOT_VERIFIED, 1));
	assert_true(has_gap(&tc, GAP_CONTACT_NOT_VERIFIED, 2));
	assert_false(has_gap(&tc, GAP_CONTACT_NOT_VERIFIED, 3));
	assert_true(has_gap(&tc, GAP_CONTACT_NOT_VERIFIED, 4));
	assert_true(has_gap(&tc, GAP_CONTACT_NOT_VERIFIED, 5));
	assert_int_equal(tc.ngaps, 3);
}

static void test_gaps_capacity(void **state)
{
	struct team_gap gaps[1];
	struct team_check tc;

	(void)state;
	memset(&tc, 0, sizeof(tc));
	tc.gaps = gaps;
	tc.max_gaps = 1;
	team_check_run(NULL, 0, NULL, 0, TODAY, &tc);
	assert_int_equal(tc.ngaps, 1);
	assert_int_equal(tc.gaps_total, 2);
	/* no array at all */
	memset(&tc, 0, sizeof(tc));
	team_check_run(NULL, 0, NULL, 0, TODAY, &tc);
	assert_int_equal(tc.ngaps, 0);
	assert_int_equal(tc.gaps_total, 2);
}

static void test_gap_messages(void **state)
{
	(void)state;
	for (int k = GAP_NO_CONTACTS; k <= GAP_CONTACT_NOT_VERIFIED; k++) {
		const char *m = team_gap_message((enum team_gap_kind)k);

		assert_non_null(m);
		assert_true(strlen(m) > 0);
	}
	assert_non_null(strstr(team_gap_message(GAP_ROLE_WITHOUT_DEPUTY), "%s"));
	assert_non_null(strstr(team_gap_message(GAP_PERSON_WITHOUT_MOBILE), "%s"));
}

static void check_months_before(const char *day, int months, const char *want)
{
	char out[11];

	memset(out, 'Z', sizeof(out));
	date_months_before(day, months, out);
	if (memchr(out, '\0', sizeof(out)) == NULL || strcmp(out, want) != 0)
		fail_msg("date_months_before(%s, %d): want %s, got %.11s", day, months, want, out);
}

static void test_date_months_before(void **state)
{
	(void)state;
	check_months_before("2026-06-15", 6, "2025-12-15");
	check_months_before("2026-06-15", 0, "2026-06-15");
	check_months_before("2026-01-15", 1, "2025-12-15"); /* year wrap */
	check_months_before("2026-03-31", 1, "2026-02-28"); /* month end, clamped */
	check_months_before("2024-03-31", 1, "2024-02-29"); /* leap year */
	check_months_before("2026-08-31", 6, "2026-02-28");
	check_months_before("2026-05-31", 6, "2025-11-30");
	check_months_before("2026-12-31", 1, "2026-11-30");
	check_months_before("2026-10-31", 6, "2026-04-30");
	check_months_before("2026-01-31", 13, "2024-12-31"); /* more than a year */
	check_months_before("2026-02-28", 24, "2024-02-28");
	check_months_before("2000-03-30", 1, "2000-02-29"); /* 2000 is a leap year */
	check_months_before("2101-03-29", 1, "2101-02-28");
	check_months_before("not a date", 6, "0000-00-00");
	check_months_before("2026-02-30", 1, "0000-00-00");
}

static void test_alarm_checks(void **state)
{
	struct contact c[2] = { person(1, "Anna", "2026-06-01", 1), person(2, "Bernd", "2026-01-15", 1) };
	struct role r[1] = { role(10, "Leitung", 1, 2) };
	struct team_gap gaps[16];
	struct team_check tc;

	(void)state;
	run(c, 2, r, 1, &tc, gaps);
	/* no chain, nobody declares, nobody reports breaches: 8 of 11 */
	team_check_alarm(&tc, 0, 0, 0);
	assert_int_equal(tc.checks, 11);
	assert_int_equal(tc.passed, 8);
	assert_int_equal(tc.percent, 72);
	assert_true(has_gap(&tc, GAP_NO_ALARM_CHAIN, 0));
	assert_true(has_gap(&tc, GAP_NOBODY_DECLARES, 0));
	assert_true(has_gap(&tc, GAP_NOBODY_REPORTS_BREACHES, 0));

	run(c, 2, r, 1, &tc, gaps);
	team_check_alarm(&tc, 3, 1, 10);
	assert_int_equal(tc.percent, 100);
	assert_int_equal(tc.ngaps, 0);
	assert_string_not_equal(team_gap_message(GAP_NO_ALARM_CHAIN), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_team),
		cmocka_unit_test(test_complete_team),
		cmocka_unit_test(test_role_without_deputy_or_primary),
		cmocka_unit_test(test_person_without_mobile),
		cmocka_unit_test(test_verified_months_ago),
		cmocka_unit_test(test_gaps_capacity),
		cmocka_unit_test(test_gap_messages),
		cmocka_unit_test(test_date_months_before),
		cmocka_unit_test(test_alarm_checks),
	};

	return cmocka_run_group_tests_name("team_check", tests, NULL, NULL);
}
