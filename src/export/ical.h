/* ical.h: the iCalendar feed of a plan's due dates (reviews, exercises, restore tests, tasks), built with libical. */
#ifndef KF_ICAL_H
#define KF_ICAL_H

#include <stddef.h>
#include <stdint.h>

#include "../core/backup.h"
#include "../core/exercise.h"
#include "../core/review.h"
#include "../core/task.h"
#include "../lib/i18n.h"

struct arena;

/* One all-day event. Strings are in the arena (or static); "" = none. */
struct ical_event {
	const char *uid;         /* stable across fetches: "exercise-7-1@krisenfest" */
	char date[11];           /* YYYY-MM-DD */
	const char *summary;
	const char *description; /* one line of context */
	const char *url;         /* the item's page */
	int64_t last_modified;   /* 0 = unknown */
};

/*
 * What goes into one member's feed (borrowed): the organisation's dates (the
 * next plan review, planned exercises, the next restore test due of each
 * backup) and the tasks to show (the caller picks them: the member's own
 * open tasks; tasks without a due date or not open are skipped here).
 */
struct ical_plan {
	int64_t org_id;
	const char *base_url; /* "https://plan.example.de", no trailing slash */
	const char *today;    /* YYYY-MM-DD */
	const struct plan_review *review; /* NULL or never reviewed: no review event */
	const struct exercise *exercises;
	size_t nexercises;
	const struct backup *backups; /* with their facts (store_backup_list) */
	size_t nbackups;
	const struct task *tasks;
	size_t ntasks;
};

/*
 * The events of p, in lang: review, exercises, restore tests, tasks. A
 * restore test is due BACKUP_TEST_MAX_AGE_MONTHS after the last successful
 * one, or today when there was none. Allocates in a; -1 when out of memory.
 */
int ical_events(struct arena *a, enum kf_lang lang, const struct ical_plan *p, struct ical_event **events_r,
		size_t *n_r);

/*
 * The VCALENDAR (PUBLISH, named calname) with one all-day VEVENT per event
 * and DTSTAMP now, as CRLF text. Allocates: free() it; NULL when out of memory.
 */
char *ical_render(const char *calname, const struct ical_event *events, size_t n, int64_t now);

#endif
