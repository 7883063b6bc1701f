/* store_runbook.c: runbooks with their ordered steps, and the overrides of the recovery order, with history in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct runbook, id) == 0, "q_attach finds runbooks by their leading id");

static void read_runbook(struct query *q, struct arena *a, void *item)
{
	struct runbook *rb = item;

	runbook_init(rb);
	rb->id = q_col_int(q, 0);
	rb->version = q_col_int(q, 1);
	rb->system_id = q_col_int(q, 2);
	rb->responsible_role_id = q_col_is_null(q, 3) ? 0 : q_col_int(q, 3);
	rb->expected_duration_minutes = q_col_is_null(q, 4) ? -1 : q_col_int(q, 4);
	rb->prerequisites = q_col_text(q, a, 5);
	rb->checks = q_col_text(q, a, 6);
	rb->created_at = q_col_int(q, 7);
	rb->updated_at = q_col_int(q, 8);
}

/* A row (runbook_id, text, minutes) onto its runbook, in order. */
static void add_step(struct query *q, struct arena *a, void *item)
{
	struct runbook *rb = item;

	if (rb->nsteps >= RUNBOOK_MAX_STEPS)
		return;
	rb->steps[rb->nsteps].text = q_col_text(q, a, 1);
	rb->steps[rb->nsteps].minutes = q_col_is_null(q, 2) ? -1 : q_col_int(q, 2);
	rb->nsteps++;
}

enum kf_err store_runbook_list(struct store_conn *c, struct arena *a, int64_t org, struct runbook **list_r, size_t *n_r)
{
	return q_list_with_children(c, a, org, STMT_RUNBOOK_LIST, STMT_RUNBOOK_STEPS_OF_ORG, sizeof(**list_r),
				    read_runbook, add_step, (void **)list_r, n_r);
}

enum kf_err store_runbook_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct runbook *out)
{
	return q_get_with_children(c, a, org, id, STMT_RUNBOOK_GET, STMT_RUNBOOK_STEPS, read_runbook, add_step, out);
}

/* 1 when the statement (?1 = org, ?2 = id[, ?3 = other]) finds a row. */
static enum kf_err found(struct store_conn *c, enum stmt st, int64_t org, int64_t id, int64_t other, int use_other,
			 int *found_r)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, st);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	if (use_other)
		q_int(&q, 3, other);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	*found_r = rc == DB_ROW;
	return KF_OK;
}

enum kf_err store_runbook_check_refs(struct store_conn *c, const struct runbook *rb, int64_t org,
				     struct field_errors *fe)
{
	enum kf_err err = KF_OK;
	int ok;

	if (rb->system_id > 0 && !fe_get(fe, "system_id")) {
		err = found(c, STMT_SYSTEM_EXISTS, org, rb->system_id, 0, 0, &ok);
		if (!err && !ok)
			fe_add(fe, "system_id", N_("is not an IT system of this organisation"));
		if (!err && ok) {
			err = found(c, STMT_RUNBOOK_OF_SYSTEM, org, rb->system_id, rb->id, 1, &ok);
			if (!err && ok)
				fe_add(fe, "system_id", N_("already has a runbook: each IT system has one"));
		}
	}
	if (!err && rb->responsible_role_id > 0 && !fe_get(fe, "responsible_role_id")) {
		err = found(c, STMT_RUNBOOK_ROLE_EXISTS, org, rb->responsible_role_id, 0, 0, &ok);
		if (!err && !ok)
			fe_add(fe, "responsible_role_id", N_("is not a role of this organisation"));
	}
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

static void bind_opt(struct query *q, int idx, int64_t v)
{
	if (!q->st)
		return;
	if ((v < 0 ? q->c->store->drv->bind_null(q->st, idx) : q->c->store->drv->bind_int(q->st, idx, v)) < 0)
		q->failed = 1;
}

static enum kf_err write_steps(struct store_conn *c, int64_t org, const void *item)
{
	const struct runbook *rb = item;
	struct query q;

	q_start(&q, c, STMT_RUNBOOK_STEPS_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, rb->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (int i = 0; i < rb->nsteps; i++) {
		q_start(&q, c, STMT_RUNBOOK_STEP_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, rb->id);
		q_int(&q, 3, i);
		q_text(&q, 4, rb->steps[i].text);
		bind_opt(&q, 5, rb->steps[i].minutes);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

/* The item's own columns from first on: system_id .. checks. */
static int bind_fields(struct query *q, const void *item, int first)
{
	const struct runbook *rb = item;

	q_int(q, first, rb->system_id);
	q_id_or_null(q, first + 1, rb->responsible_role_id);
	bind_opt(q, first + 2, rb->expected_duration_minutes);
	q_text(q, first + 3, rb->prerequisites);
	q_text(q, first + 4, rb->checks);
	return 5;
}

static enum kf_err check_runbook(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				 struct field_errors *fe)
{
	(void)a;
	return store_runbook_check_refs(c, item, org, fe);
}

static json_t *runbook_json(const void *item)
{
	return runbook_to_json(item);
}

static const struct store_register runbooks = {
	.item = &store_item_runbook, .entity = "runbook",
	.insert = STMT_RUNBOOK_INSERT, .update = STMT_RUNBOOK_UPDATE, .remove = STMT_RUNBOOK_DELETE,
	.bind = bind_fields, .to_json = runbook_json, .check_refs = check_runbook, .children = write_steps,
	/* another request gave the system its runbook meanwhile */
	.unique_field = "system_id", .unique_msg = N_("already has a runbook: each IT system has one"),
};

enum kf_err store_runbook_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct runbook *rb,
				 struct field_errors *fe)
{
	return register_create(c, a, org, actor, &runbooks, rb, fe);
}

enum kf_err store_runbook_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct runbook *rb, struct runbook *current_r,
				 struct field_errors *fe)
{
	return register_update(c, a, org, actor, &runbooks, expected_version, rb, current_r, fe);
}

enum kf_err store_runbook_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct runbook *current_r)
{
	return register_delete(c, a, org, actor, &runbooks, id, expected_version, current_r, NULL);
}

/* ---------------------------------------------------------------- overrides of the recovery order */

enum kf_err store_recovery_overrides_get(struct store_conn *c, struct arena *a, int64_t org,
					 struct recovery_overrides *out)
{
	enum kf_err err;
	struct query q;
	enum db_step rc;

	recovery_overrides_init(out);
	q_start(&q, c, STMT_RECOVERY_PLAN_GET);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (err == KF_ENOTFOUND)
		return q_end(&q, KF_OK);
	if (!err) {
		out->id = q_col_int(&q, 0);
		out->version = q_col_int(&q, 1);
		out->created_at = q_col_int(&q, 2);
		out->updated_at = q_col_int(&q, 3);
	}
	err = q_end(&q, err);
	if (err)
		return err;
	q_start(&q, c, STMT_RECOVERY_OVERRIDES);
	q_int(&q, 1, org);
	while ((rc = q_step(&q)) == DB_ROW) {
		struct recovery_override *ov;

		if (out->n >= RECOVERY_MAX_OVERRIDES)
			continue;
		ov = &out->items[out->n++];
		ov->system_id = q_col_int(&q, 0);
		ov->position = q_col_int(&q, 1);
		ov->reason = q_col_text(&q, a, 2);
	}
	return q_end(&q, rc == DB_DONE ? KF_OK : KF_EDB);
}

enum kf_err store_recovery_overrides_check(struct store_conn *c, struct arena *a, struct recovery_overrides *o,
					   int64_t org, int form, struct field_errors *fe)
{
	struct system *systems;
	char field[48];
	enum kf_err err;
	size_t n;

	err = store_system_list(c, a, org, &systems, &n);
	if (err)
		return err;
	for (int i = 0; i < o->n; i++) {
		int known = 0;

		for (size_t k = 0; k < n; k++)
			known |= systems[k].id == o->items[i].system_id;
		if (form)
			snprintf(field, sizeof(field), "position-%lld", (long long)o->items[i].system_id);
		else
			snprintf(field, sizeof(field), "overrides[%d].system_id", i);
		if (!known && o->items[i].system_id > 0)
			fe_add(fe, field, N_("is not an IT system of this organisation"));
	}
	recovery_overrides_validate(o, a, n, form, fe);
	return fe->n ? KF_EINVAL : KF_OK;
}

enum kf_err store_recovery_overrides_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
					 int64_t expected_version, struct recovery_overrides *o,
					 struct recovery_overrides *current_r, struct field_errors *fe)
{
	struct recovery_overrides *before = ARENA_NEW(a, struct recovery_overrides, 1);
	json_t *jb = NULL, *ja = NULL;
	enum kf_err err;
	struct query q;

	if (!before)
		return KF_ENOMEM;
	err = tx_begin(c);
	if (err)
		return err;
	err = store_recovery_overrides_get(c, a, org, before);
	if (err)
		goto fail;
	if (before->version != expected_version) {
		*current_r = *before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = store_recovery_overrides_check(c, a, o, org, 0, fe);
	if (err)
		goto fail;
	q_start(&q, c, before->version ? STMT_RECOVERY_PLAN_UPDATE : STMT_RECOVERY_PLAN_INSERT);
	q_int(&q, 1, org);
	q_int(&q, 2, kf_now());
	q_id_or_null(&q, 3, actor);
	if (before->version)
		q_int(&q, 4, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	q_start(&q, c, STMT_RECOVERY_OVERRIDES_CLEAR);
	q_int(&q, 1, org);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	for (int i = 0; i < o->n; i++) {
		q_start(&q, c, STMT_RECOVERY_OVERRIDE_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, o->items[i].system_id);
		q_int(&q, 3, o->items[i].position);
		q_text(&q, 4, o->items[i].reason);
		if (q_exec(&q) < 0) {
			err = KF_EDB;
			goto fail;
		}
	}
	err = store_recovery_overrides_get(c, a, org, o);
	if (err)
		goto fail;
	jb = before->version ? recovery_overrides_to_json(before) : NULL;
	ja = recovery_overrides_to_json(o);
	if ((before->version && !jb) || !ja)
		err = KF_ENOMEM;
	else
		err = history_write(c, org, "recovery_overrides", o->id, before->version ? "update" : "create", actor, jb,
				    ja);
	json_decref(jb);
	json_decref(ja);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_recovery_order(struct store_conn *c, struct arena *a, int64_t org, struct recovery_result *out,
				 struct recovery_overrides **overrides_r)
{
	struct recovery_overrides *ov = ARENA_NEW(a, struct recovery_overrides, 1);
	struct system *systems;
	enum kf_err err;
	size_t n;

	if (!ov)
		return KF_ENOMEM;
	err = store_system_list(c, a, org, &systems, &n);
	if (!err)
		err = store_recovery_overrides_get(c, a, org, ov);
	if (err)
		return err;
	if (recovery_order(a, systems, n, ov->items, ov->n, out) < 0)
		return KF_ENOMEM;
	if (overrides_r)
		*overrides_r = ov;
	return KF_OK;
}
