/* store_task.c: tasks, with history and the assignee's notification in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct task, id) == 0, "tasks begin with their id");

static void read_task(struct query *q, struct arena *a, void *item)
{
	struct task *t = item;
	const char *s;

	task_init(t);
	t->id = q_col_int(q, 0);
	t->version = q_col_int(q, 1);
	t->title = q_col_text(q, a, 2);
	t->description = q_col_text(q, a, 3);
	t->assignee_id = q_col_int(q, 4);
	t->assignee_name = q_col_text(q, a, 5);
	s = q_col_text(q, a, 6);
	if (s && strlen(s) < sizeof(t->due_date))
		memcpy(t->due_date, s, strlen(s) + 1);
	s = q->c->store->drv->col_text(q->st, 7);
	if (task_status_parse(s, &t->status) < 0)
		t->status = TASK_OPEN;
	t->entity = q_col_text(q, a, 8);
	t->entity_id = q_col_int(q, 9);
	t->step = (int)q_col_int(q, 10);
	t->finding_id = q_col_int(q, 11);
	t->created_at = q_col_int(q, 12);
	t->updated_at = q_col_int(q, 13);
	t->entity_name = q_col_text(q, a, 14);
}

enum kf_err store_task_list(struct store_conn *c, struct arena *a, int64_t org, const struct task_filter *f,
			    struct task **list_r, size_t *n_r)
{
	struct task *all;
	size_t n, kept = 0;
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_TASK_LIST);
	q_int(&q, 1, org);
	err = q_list(&q, a, sizeof(*all), read_task, (void **)&all, &n);
	if (err)
		return err;
	for (size_t i = 0; i < n; i++)
		if (!f || task_matches(&all[i], f))
			all[kept++] = all[i];
	*list_r = all;
	*n_r = kept;
	return KF_OK;
}

enum kf_err store_task_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct task *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_TASK_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_task(&q, a, out);
	return q_end(&q, err);
}

static enum kf_err exists(struct query *q, int *found_r)
{
	enum db_step rc = q_step(q);

	*found_r = rc == DB_ROW;
	q_done(q);
	return rc == DB_ERROR ? KF_EDB : KF_OK;
}

enum kf_err store_task_check_refs(struct store_conn *c, const struct task *t, int64_t org, struct field_errors *fe)
{
	enum kf_err err;
	struct query q;
	int found;

	if (t->assignee_id) {
		q_start(&q, c, STMT_TASK_MEMBER_EXISTS);
		q_int(&q, 1, org);
		q_int(&q, 2, t->assignee_id);
		if ((err = exists(&q, &found)))
			return err;
		if (!found)
			fe_add(fe, "assignee_id", N_("is not a member of this organisation"));
	}
	if (*t->entity && t->entity_id > 0 && task_entity_find(t->entity)) {
		q_start(&q, c, STMT_TASK_ENTITY_EXISTS);
		q_int(&q, 1, org);
		q_text(&q, 2, t->entity);
		q_int(&q, 3, t->entity_id);
		if ((err = exists(&q, &found)))
			return err;
		if (!found)
			fe_add(fe, "entity_id", N_("is not an item of this organisation"));
	}
	return fe->n ? KF_EINVAL : KF_OK;
}

/* Tells a new assignee (not someone who gives the task to themselves) inside the caller's transaction. */
static enum kf_err notify_assignee(struct store_conn *c, int64_t org, int64_t actor, const struct task *t)
{
	char link[64];

	if (!t->assignee_id || t->assignee_id == actor)
		return KF_OK;
	snprintf(link, sizeof(link), "/o/%lld/tasks/%lld", (long long)org, (long long)t->id);
	return store_notify(c, org, t->assignee_id, NOTIFY_ASSIGNMENT, N_("You were assigned the task \"%s\"."), t->title,
			    link);
}

/* After the history of a new task or of one given to someone else: its assignee learns of it. */
static enum kf_err task_assigned(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
				 const void *before, const void *after)
{
	const struct task *t = after;

	(void)a;
	(void)action;
	if (!t || (before && t->assignee_id == ((const struct task *)before)->assignee_id))
		return KF_OK;
	return notify_assignee(c, org, actor, t);
}

/* The item's own columns from first on: title .. step. */
static int bind_fields(struct query *q, const void *item, int first)
{
	const struct task *t = item;

	q_text(q, first, t->title);
	q_text(q, first + 1, t->description);
	q_id_or_null(q, first + 2, t->assignee_id);
	q_text_or_null(q, first + 3, t->due_date);
	q_text(q, first + 4, task_status_name(t->status));
	q_text_or_null(q, first + 5, t->entity);
	q_id_or_null(q, first + 6, t->entity_id);
	q_id_or_null(q, first + 7, t->step);
	return 8;
}

/* An insert also binds the finding the task was made from, which stays with it. */
static int bind_insert(struct query *q, const void *item, int first)
{
	int n = bind_fields(q, item, first);

	q_id_or_null(q, first + n, ((const struct task *)item)->finding_id);
	return n + 1;
}

static enum kf_err check_task(struct store_conn *c, struct arena *a, const void *item, int64_t org,
			      struct field_errors *fe)
{
	(void)a;
	return store_task_check_refs(c, item, org, fe);
}

static json_t *task_json(const void *item)
{
	return task_to_json(item);
}

static const struct store_register tasks = {
	.item = &store_item_task, .entity = "task",
	.insert = STMT_TASK_INSERT, .update = STMT_TASK_UPDATE, .remove = STMT_TASK_DELETE,
	.bind = bind_fields, .bind_insert = bind_insert, .to_json = task_json, .check_refs = check_task,
	.after_write = task_assigned,
};

enum kf_err store_task_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct task *t,
			      struct field_errors *fe)
{
	return register_create(c, a, org, actor, &tasks, t, fe);
}

enum kf_err store_task_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct task *t, struct task *current_r, struct field_errors *fe)
{
	return register_update(c, a, org, actor, &tasks, expected_version, t, current_r, fe);
}

enum kf_err store_task_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct task *current_r)
{
	return register_delete(c, a, org, actor, &tasks, id, expected_version, current_r, NULL);
}

enum kf_err store_task_remind(struct store_conn *c, int64_t org, const char *key, int64_t user, const char *text,
			      const char *param, const char *link, int *notified_r)
{
	enum kf_err err;
	struct query q;

	*notified_r = 0;
	if (!user)
		return store_remind(c, org, key, NOTIFY_DUE, text, param, link, notified_r);
	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_REMINDER_CLAIM);
	q_int(&q, 1, org);
	q_text(&q, 2, key);
	q_int(&q, 3, kf_now());
	if (q_exec(&q) != 0) {
		err = KF_EDB;
		goto fail;
	}
	if (c->store->drv->changes(c->db) == 0)
		return tx_commit(c); /* given before */
	if ((err = store_notify(c, org, user, NOTIFY_DUE, text, param, link)))
		goto fail;
	*notified_r = 1;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
