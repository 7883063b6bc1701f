/* remind.c: the reminder job: plan review and restore tests that fall due, told once per key. */
#include <stdio.h>
#include <string.h>

#include "remind.h"
#include "../core/comm_template.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/log.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "../lib/banned.h"

static enum kf_err remind_review(struct store_conn *c, struct arena *a, int64_t org, int64_t now, int *given)
{
	char today[11], soon[11], next[11], german[16], key[64], link[64];
	struct plan_review p;
	enum review_state st;
	enum kf_err err;
	int n = 0;

	err = store_review_get(c, a, org, &p);
	if (err || !p.last_review_date[0])
		return err; /* never reviewed: the Plan-Check says so; there is no date to remind of */
	kf_date_iso(now, today);
	kf_date_iso(now + (int64_t)REMIND_REVIEW_DAYS_BEFORE * 86400, soon);
	st = review_next(&p, today, next);
	kf_date_german(next, german);
	snprintf(link, sizeof(link), "/o/%lld/exercises", (long long)org);
	if (st == REVIEW_OVERDUE) {
		/* weekly while overdue */
		snprintf(key, sizeof(key), "review-overdue:%s:w%lld", next, (long long)(now / (7 * 86400)));
		err = store_remind(c, org, key, NOTIFY_DUE, N_("The review of the emergency plan is overdue since %s."),
				   german, link, &n);
	} else if (strcmp(next, soon) <= 0) {
		snprintf(key, sizeof(key), "review-due:%s", next);
		err = store_remind(c, org, key, NOTIFY_DUE, N_("The review of the emergency plan is due on %s."), german,
				   link, &n);
	}
	*given += n;
	return err;
}

static enum kf_err remind_restore_tests(struct store_conn *c, struct arena *a, int64_t org, int64_t now, int *given)
{
	char today[11], key[64], link[64];
	struct backup *list;
	struct strbuf names;
	enum kf_err err;
	size_t n, due = 0;
	int given_now = 0;

	err = store_backup_list(c, a, org, &list, &n);
	if (err)
		return err;
	kf_date_iso(now, today);
	sb_init(&names, 2048);
	for (size_t i = 0; i < n; i++) {
		if (backup_test_state(&list[i].facts, today, BACKUP_TEST_MAX_AGE_MONTHS) == BACKUP_TEST_OK)
			continue;
		if (due++)
			sb_adds(&names, ", ");
		sb_addf(&names, "„%s“", list[i].title);
	}
	if (due) {
		/* once a month, one notification for all of them */
		snprintf(key, sizeof(key), "restore-tests:%.7s", today);
		snprintf(link, sizeof(link), "/o/%lld/backups", (long long)org);
		err = store_remind(c, org, key, NOTIFY_DUE,
				   N_("These backups have no successful restore test in the last 12 months: %s"),
				   names.failed ? "…" : names.buf, link, &given_now);
		*given += given_now;
	}
	sb_release(&names);
	return err;
}

/* tasks: each open task that is due today or overdue, told to its assignee once per task and day. */
static enum kf_err remind_tasks(struct store_conn *c, struct arena *a, int64_t org, int64_t now, int *given)
{
	char today[11], key[64], link[64];
	struct task_filter f;
	struct task *list;
	enum kf_err err;
	size_t n;

	kf_date_iso(now, today);
	task_filter_init(&f);
	f.open_only = 1;
	err = store_task_list(c, a, org, &f, &list, &n);
	for (size_t i = 0; !err && i < n; i++) {
		int given_now = 0;

		if (!list[i].due_date[0] || strcmp(list[i].due_date, today) > 0)
			continue;
		snprintf(key, sizeof(key), "task:%lld:%s", (long long)list[i].id, today);
		snprintf(link, sizeof(link), "/o/%lld/tasks/%lld", (long long)org, (long long)list[i].id);
		err = store_task_remind(c, org, key, list[i].assignee_id,
					strcmp(list[i].due_date, today) < 0 ? N_("The task \"%s\" is overdue.")
									    : N_("The task \"%s\" is due today."),
					list[i].title, link, &given_now);
		*given += given_now;
	}
	return err;
}

enum kf_err remind_run(struct store_conn *c, int64_t now, int *given_r)
{
	struct arena *a = arena_new(), *per_org;
	struct org *orgs;
	enum kf_err err;
	size_t n;

	*given_r = 0;
	if (!a)
		return KF_ENOMEM;
	err = store_org_list(c, a, &orgs, &n);
	for (size_t i = 0; !err && i < n; i++) {
		if (!(per_org = arena_new())) {
			err = KF_ENOMEM;
			break;
		}
		err = remind_review(c, per_org, orgs[i].id, now, given_r);
		if (!err)
			err = remind_restore_tests(c, per_org, orgs[i].id, now, given_r);
		/* reminders: tasks */
		if (!err)
			err = remind_tasks(c, per_org, orgs[i].id, now, given_r);
		arena_free(per_org);
	}
	if (err)
		kf_log(KF_LOG_ERROR, "reminders stopped: error %d", (int)err);
	arena_free(a);
	return err;
}
