/* test_ical.c: unit tests of the calendar feed: which dates become events, stable UIDs, escaping and all-day dates. */
#include <stdio.h>
#include <stdlib.h>

#include "kf_test.h"
#include "../../src/export/ical.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/i18n.h"

#define NOW 1795000000 /* 2026-11-18T11:06:40Z */

struct fixture {
	struct arena *a;
	struct plan_review review;
	struct exercise ex[2];
	struct backup bk[2];
	struct task tasks[3];
	struct ical_plan plan;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f || !(f->a = arena_new()) || i18n_init() < 0)
		return -1;
	review_init(&f->review);
	f->review.id = 1;
	memcpy(f->review.last_review_date, "2025-01-31", 11);
	f->review.review_interval_months = 12;
	f->review.updated_at = 1738300000;

	exercise_init(&f->ex[0]);
	f->ex[0].id = 7;
	f->ex[0].title = "Ransomware, Teil 1; Planspiel\nmit Kaffee";
	memcpy(f->ex[0].date, "2026-12-31", 11);
	f->ex[0].status = EXERCISE_PLANNED;
	f->ex[0].updated_at = 1790000000;
	exercise_init(&f->ex[1]);
	f->ex[1].id = 8;
	f->ex[1].title = "Vorbei";
	memcpy(f->ex[1].date, "2025-03-01", 11);
	f->ex[1].status = EXERCISE_DONE;

	backup_init(&f->bk[0]);
	f->bk[0].id = 3;
	f->bk[0].title = "ERP-Datenbank";
	memcpy(f->bk[0].facts.last_success_date, "2026-02-28", 11);
	backup_init(&f->bk[1]);
	f->bk[1].id = 4;
	f->bk[1].title = "Lohn";

	for (int i = 0; i < 3; i++)
		task_init(&f->tasks[i]);
	f->tasks[0].id = 11;
	f->tasks[0].title = "Schlüssel prüfen";
	memcpy(f->tasks[0].due_date, "2099-01-31", 11);
	f->tasks[0].entity_name = "Erika Muster";
	f->tasks[1].id = 12;
	f->tasks[1].title = "Erledigt";
	memcpy(f->tasks[1].due_date, "2099-01-31", 11);
	f->tasks[1].status = TASK_DONE;
	f->tasks[2].id = 13;
	f->tasks[2].title = "Ohne Termin";

	f->plan = (struct ical_plan){ .org_id = 5, .base_url = "https://plan.example.de", .today = "2026-11-18",
				      .review = &f->review, .exercises = f->ex, .nexercises = 2, .backups = f->bk,
				      .nbackups = 2, .tasks = f->tasks, .ntasks = 3 };
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	free(f);
	return 0;
}

static const struct ical_event *find(const struct ical_event *ev, size_t n, const char *uid)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ev[i].uid, uid) == 0)
			return &ev[i];
	return NULL;
}

/* The text with folded lines joined again (RFC 5545 3.1). */
static char *unfold(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	assert_non_null(out);
	while (*s) {
		if (s[0] == '\r' && s[1] == '\n' && (s[2] == ' ' || s[2] == '\t')) {
			s += 3;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

static void test_ical_events_chosen(void **state)
{
	struct fixture *f = *state;
	const struct ical_event *e;
	struct ical_event *ev;
	size_t n;

	assert_int_equal(ical_events(f->a, KF_LANG_DE, &f->plan, &ev, &n), 0);
	/* review, the planned exercise, two restore tests, the open task with a due date */
	assert_int_equal(n, 5);
	e = find(ev, n, "review-5@krisenfest");
	assert_non_null(e);
	assert_string_equal(e->date, "2026-01-31");
	assert_string_equal(e->summary, "Planprüfung fällig");
	assert_string_equal(e->url, "https://plan.example.de/o/5/exercises");
	assert_int_equal(e->last_modified, 1738300000);
	e = find(ev, n, "exercise-7-5@krisenfest");
	assert_non_null(e);
	assert_string_equal(e->date, "2026-12-31");
	assert_string_equal(e->summary, "Übung: Ransomware, Teil 1; Planspiel\nmit Kaffee");
	assert_string_equal(e->url, "https://plan.example.de/o/5/exercises/7");
	assert_null(find(ev, n, "exercise-8-5@krisenfest")); /* done: no date to come */
	e = find(ev, n, "restoretest-due-3-5@krisenfest");
	assert_non_null(e);
	assert_string_equal(e->date, "2027-02-28"); /* 12 months after the last success */
	assert_string_equal(e->summary, "Wiederherstellungstest fällig: ERP-Datenbank");
	assert_non_null(strstr(e->description, "28.02.2026"));
	e = find(ev, n, "restoretest-due-4-5@krisenfest");
	assert_non_null(e);
	assert_string_equal(e->date, "2026-11-18"); /* never restored: due today */
	e = find(ev, n, "task-11-5@krisenfest");
	assert_non_null(e);
	assert_string_equal(e->summary, "Aufgabe fällig: Schlüssel prüfen");
	assert_string_equal(e->description, "Ihre Aufgabe im Notfallplan, zu „Erika Muster“.");
	assert_string_equal(e->url, "https://plan.example.de/o/5/tasks/11");
	assert_null(find(ev, n, "task-12-5@krisenfest")); /* done */
	assert_null(find(ev, n, "task-13-5@krisenfest")); /* no due date */

	assert_int_equal(ical_events(f->a, KF_LANG_EN, &f->plan, &ev, &n), 0);
	assert_string_equal(find(ev, n, "review-5@krisenfest")->summary, "Plan review due");
}

static void test_ical_never_reviewed_and_empty(void **state)
{
	struct fixture *f = *state;
	struct ical_event *ev;
	size_t n;
	char *text, *flat;

	f->review.last_review_date[0] = '\0';
	f->plan.nexercises = f->plan.nbackups = f->plan.ntasks = 0;
	assert_int_equal(ical_events(f->a, KF_LANG_DE, &f->plan, &ev, &n), 0);
	assert_int_equal(n, 0);
	f->plan.review = NULL;
	assert_int_equal(ical_events(f->a, KF_LANG_DE, &f->plan, &ev, &n), 0);
	assert_int_equal(n, 0);
	/* an empty calendar is still a valid one */
	text = ical_render("IT-Notfallplan – Leer", ev, n, NOW);
	assert_non_null(text);
	flat = unfold(text);
	assert_non_null(strstr(flat, "BEGIN:VCALENDAR\r\n"));
	assert_non_null(strstr(flat, "END:VCALENDAR\r\n"));
	assert_null(strstr(flat, "VEVENT"));
	free(flat);
	free(text);
}

static void test_ical_render(void **state)
{
	struct fixture *f = *state;
	struct ical_event *ev;
	char *text, *again, *flat;
	size_t n;

	assert_int_equal(ical_events(f->a, KF_LANG_DE, &f->plan, &ev, &n), 0);
	text = ical_render("IT-Notfallplan – Bäckerei, Beispiel", ev, n, NOW);
	assert_non_null(text);
	flat = unfold(text);
	assert_non_null(strstr(flat, "BEGIN:VCALENDAR\r\n"));
	assert_non_null(strstr(flat, "\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(flat, "\r\nPRODID:-//krisenfest//IT-Notfallplan//DE\r\n"));
	assert_non_null(strstr(flat, "\r\nMETHOD:PUBLISH\r\n"));
	assert_non_null(strstr(flat, "\r\nX-WR-CALNAME:IT-Notfallplan – Bäckerei, Beispiel\r\n"));
	/* commas, semicolons and line breaks of titles are escaped */
	assert_non_null(strstr(flat, "\r\nSUMMARY:Übung: Ransomware\\, Teil 1\\; Planspiel\\nmit Kaffee\r\n"));
	/* all-day: DTSTART a date, DTEND the next day (over the year's end too) */
	assert_non_null(strstr(flat, "\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
	assert_non_null(strstr(flat, "\r\nDTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n"));
	assert_non_null(strstr(flat, "\r\nDTSTAMP:20261118T110640Z\r\n"));
	assert_non_null(strstr(flat, "\r\nLAST-MODIFIED:20250131T050640Z\r\n"));
	assert_non_null(strstr(flat, "\r\nURL:https://plan.example.de/o/5/tasks/11\r\n"));
	assert_non_null(strstr(flat, "\r\nUID:task-11-5@krisenfest\r\n"));
	/* the same plan gives the same text: UIDs and everything else are stable */
	assert_int_equal(ical_events(f->a, KF_LANG_DE, &f->plan, &ev, &n), 0);
	again = ical_render("IT-Notfallplan – Bäckerei, Beispiel", ev, n, NOW);
	assert_non_null(again);
	assert_string_equal(text, again);
	/* no line longer than 75 octets */
	for (const char *line = text; *line;) {
		const char *end = strstr(line, "\r\n");

		assert_non_null(end);
		assert_true(end - line <= 75);
		line = end + 2;
	}
	free(again);
	free(flat);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ical_events_chosen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ical_never_reviewed_and_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ical_render, setup, teardown),
	};

	return cmocka_run_group_tests_name("ical", tests, NULL, NULL);
}
