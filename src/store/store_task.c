/* store_task.c: tasks, with history and the assignee's notification in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
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

static enum kf_err task_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
				const struct task *before, struct task *after)
{
	enum kf_err err;

	if (after && (err = store_task_get(c, a, org, after->id, after)))
		return err;
	return history_snapshots(c, org, "task", after ? after->id : before->id, action, actor, before != NULL,
				 before ? task_to_json(before) : NULL, after != NULL, after ? task_to_json(after) : NULL);
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

static void bind_fields(struct query *q, const struct task *t, int first)
{
	q_text(q, first, t->title);
	q_text(q, first + 1, t->description);
	q_id_or_null(q, first + 2, t->assignee_id);
	q_text_or_null(q, first + 3, t->due_date);
	q_text(q, first + 4, task_status_name(t->status));
	q_text_or_null(q, first + 5, t->entity);
	q_id_or_null(q, first + 6, t->entity_id);
	q_id_or_null(q, first + 7, t->step);
}

enum kf_err store_task_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct task *t,
			      struct field_errors *fe)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	if ((err = store_task_check_refs(c, t, org, fe)))
		goto fail;
	q_start(&q, c, STMT_TASK_INSERT);
	q_int(&q, 1, org);
	bind_fields(&q, t, 2);
	q_id_or_null(&q, 10, t->finding_id);
	q_int(&q, 11, kf_now());
	q_id_or_null(&q, 12, actor);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	t->id = c->store->drv->last_insert_id(c->db);
	if ((err = task_history(c, a, org, actor, "create", NULL, t)) || (err = notify_assignee(c, org, actor, t)))
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_task_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct task *t, struct task *current_r, struct field_errors *fe)
{
	struct task before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	if ((err = store_task_get(c, a, org, t->id, &before)))
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	if ((err = store_task_check_refs(c, t, org, fe)))
		goto fail;
	q_start(&q, c, STMT_TASK_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, t->id);
	q_int(&q, 3, expected_version);
	bind_fields(&q, t, 4);
	q_int(&q, 12, kf_now());
	q_id_or_null(&q, 13, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	if ((err = task_history(c, a, org, actor, "update", &before, t)))
		goto fail;
	if (t->assignee_id != before.assignee_id && (err = notify_assignee(c, org, actor, t)))
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_task_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct task *current_r)
{
	struct task before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	if ((err = store_task_get(c, a, org, id, &before)))
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_TASK_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	if ((err = task_history(c, a, org, actor, "delete", &before, NULL)))
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
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
