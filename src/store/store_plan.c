/* store_plan.c: loads everything the Plan-Check reads, once, through the store's list functions. */
#include <string.h>

#include "../core/plan_check.h"
#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

/* Appends the open findings of every exercise that has any (findings are listed per exercise). */
static enum kf_err load_open_findings(struct store_conn *c, struct arena *a, int64_t org, const struct exercise *ex,
				      size_t nex, struct plan_data *d)
{
	struct finding *all = NULL, *list;
	size_t n = 0, cap = 0, nlist;
	enum kf_err err;

	for (size_t i = 0; i < nex; i++) {
		if (ex[i].open_findings <= 0)
			continue;
		err = store_finding_list(c, a, org, ex[i].id, &list, &nlist);
		if (err)
			return err;
		for (size_t j = 0; j < nlist; j++) {
			if (!finding_is_open(&list[j]))
				continue;
			all = arena_array_grow(a, all, n, &cap, sizeof(*all));
			if (!all)
				return KF_ENOMEM;
			all[n++] = list[j];
		}
	}
	d->findings = all;
	d->nfindings = n;
	return KF_OK;
}

enum kf_err store_plan_load(struct store_conn *c, struct arena *a, int64_t org, struct plan_data *d)
{
	struct risk *risks;
	struct process *processes;
	struct system *systems;
	struct contact *contacts;
	struct role *roles;
	struct alarm_step *steps;
	struct alarm_plan *ap;
	struct plan_copy *copies;
	struct acknowledgement *acks;
	struct comm_template *templates;
	struct exercise *exercises;
	struct plan_review *review;
	char *today;
	enum kf_err err;

	memset(d, 0, sizeof(*d));
	today = arena_alloc(a, 11);
	ap = ARENA_NEW(a, struct alarm_plan, 1);
	review = ARENA_NEW(a, struct plan_review, 1);
	if (!today || !ap || !review)
		return KF_ENOMEM;
	kf_date_iso(kf_now(), today);
	d->today = today;
	if ((err = store_risk_list(c, a, org, &risks, &d->nrisks)) ||
	    (err = store_process_list(c, a, org, &processes, &d->nprocesses)) ||
	    (err = store_system_list(c, a, org, &systems, &d->nsystems)) ||
	    (err = store_contact_list(c, a, org, &contacts, &d->ncontacts)) ||
	    (err = store_role_list(c, a, org, &roles, &d->nroles)) ||
	    (err = store_alarm_step_list(c, a, org, &steps, &d->nalarm_steps)) ||
	    (err = store_alarm_plan_get(c, a, org, ap)) ||
	    (err = store_plan_copy_list(c, a, org, &copies, &d->ncopies)) ||
	    (err = store_ack_list(c, a, org, &acks, &d->nacks)) ||
	    (err = store_comm_template_list(c, a, org, &templates, &d->ntemplates)) ||
	    (err = store_exercise_list(c, a, org, &exercises, &d->nexercises)) ||
	    (err = store_review_get(c, a, org, review)))
		return err;
	/* step 3: backups */
	{
		struct backup *backups;

		if ((err = store_backup_list(c, a, org, &backups, &d->nbackups)))
			return err;
		d->backups = backups;
	}
	/* step 3: runbooks, recovery order, workarounds */
	{
		struct runbook *runbooks;

		struct workaround *workarounds;

		if ((err = store_runbook_list(c, a, org, &runbooks, &d->nrunbooks)) ||
		    (err = store_workaround_list(c, a, org, &workarounds, &d->nworkarounds)))
			return err;
		d->runbooks = runbooks;
		d->workarounds = workarounds;
	}
	/* review marks */
	{
		struct review_mark *marks;

		if ((err = store_review_marks_list(c, a, org, &marks, &d->nmarks)))
			return err;
		d->marks = marks;
	}
	/* tasks */
	{
		struct task_filter tf;
		struct task *tasks;

		task_filter_init(&tf);
		tf.open_only = 1;
		if ((err = store_task_list(c, a, org, &tf, &tasks, &d->ntasks)))
			return err;
		d->tasks = tasks;
	}
	/* approval: changed since the newest approved version? */
	{
		struct plan_version v;

		err = store_plan_version_approved_head(c, a, org, &v);
		if (err == KF_OK) {
			d->approved_number = v.number;
			err = store_plan_changed_since(c, org, &v, &d->changed_since_approved);
		}
		if (err && err != KF_ENOTFOUND)
			return err;
	}
	/* drill: the newest drill that is over */
	{
		struct drill *dr = ARENA_NEW(a, struct drill, 1);
		int64_t count = 0;
		int found = 0;

		if (!dr)
			return KF_ENOMEM;
		if ((err = store_drill_last_over(c, a, org, kf_now(), dr, &found, &count)))
			return err;
		d->last_drill = found ? dr : NULL;
		d->ndrills = (size_t)count;
	}
	d->risks = risks;
	d->processes = processes;
	d->systems = systems;
	d->contacts = contacts;
	d->roles = roles;
	d->alarm_plan = ap;
	d->copies = copies;
	d->acks = acks;
	d->review = review;
	d->templates = templates;
	d->exercises = exercises;
	return load_open_findings(c, a, org, exercises, d->nexercises, d);
}
