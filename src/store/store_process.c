/* store_process.c: business processes with the IT systems they need, with history in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct process, id) == 0, "q_attach finds processes by their leading id");

static int64_t opt_col(struct query *q, int col)
{
	return q_col_is_null(q, col) ? -1 : q_col_int(q, col);
}

static void read_process(struct query *q, struct arena *a, void *item)
{
	struct process *p = item;

	process_init(p);
	p->id = q_col_int(q, 0);
	p->version = q_col_int(q, 1);
	p->name = q_col_text(q, a, 2);
	p->description = q_col_text(q, a, 3);
	p->responsible_contact_id = q_col_is_null(q, 4) ? 0 : q_col_int(q, 4);
	p->cost_per_hour = q_col_int(q, 5);
	for (int h = 0; h < HORIZON__MAX; h++)
		p->impact[h] = (int)q_col_int(q, 6 + h);
	p->mtpd_hours = opt_col(q, 12);
	p->rto_hours = opt_col(q, 13);
	p->rpo_hours = opt_col(q, 14);
	p->critical_periods = q_col_text(q, a, 15);
	p->emergency_level_percent = (int)opt_col(q, 16);
	p->created_at = q_col_int(q, 17);
	p->updated_at = q_col_int(q, 18);
}

/* A row (process_id, system_id) onto its process, in order. */
static void add_system(struct query *q, struct arena *a, void *item)
{
	struct process *p = item;

	(void)a;
	if (p->nsystems < PROCESS_MAX_SYSTEMS)
		p->system_ids[p->nsystems++] = q_col_int(q, 1);
}

enum kf_err store_process_list(struct store_conn *c, struct arena *a, int64_t org, struct process **list_r, size_t *n_r)
{
	return q_list_with_children(c, a, org, STMT_PROCESS_LIST, STMT_PROCESS_SYSTEMS_OF_ORG, sizeof(**list_r),
				    read_process, add_system, (void **)list_r, n_r);
}

enum kf_err store_process_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct process *out)
{
	return q_get_with_children(c, a, org, id, STMT_PROCESS_GET, STMT_PROCESS_SYSTEMS, read_process, add_system, out);
}

static enum kf_err exists(struct store_conn *c, enum stmt st, int64_t org, int64_t id, int *exists_r)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, st);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	*exists_r = rc == DB_ROW;
	return KF_OK;
}

enum kf_err store_process_check_refs(struct store_conn *c, const struct process *p, int64_t org,
				     struct field_errors *fe)
{
	char field[48];
	enum kf_err err;
	int ok;

	if (p->responsible_contact_id) {
		err = exists(c, STMT_CONTACT_EXISTS, org, p->responsible_contact_id, &ok);
		if (err)
			return err;
		if (!ok)
			fe_add(fe, "responsible_contact_id", N_("is not a contact of this organisation"));
	}
	for (int i = 0; i < p->nsystems; i++) {
		err = exists(c, STMT_SYSTEM_EXISTS, org, p->system_ids[i], &ok);
		if (err)
			return err;
		if (!ok) {
			snprintf(field, sizeof(field), "system_ids[%d]", i);
			fe_add(fe, field, N_("is not an IT system of this organisation"));
		}
	}
	return fe->n ? KF_EINVAL : KF_OK;
}

static enum kf_err write_systems(struct store_conn *c, int64_t org, const struct process *p)
{
	struct query q;

	q_start(&q, c, STMT_PROCESS_SYSTEMS_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, p->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (int i = 0; i < p->nsystems; i++) {
		q_start(&q, c, STMT_PROCESS_SYSTEM_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, p->id);
		q_int(&q, 3, i);
		q_int(&q, 4, p->system_ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

/* History of a process write: reads the saved state back so the record shows what is stored. */
static enum kf_err process_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   const char *action, const struct process *before, struct process *after)
{
	enum kf_err err;

	/* re-read, so the record shows what is stored */
	if (after && (err = store_process_get(c, a, org, after->id, after)))
		return err;
	return history_snapshots(c, org, "process", after ? after->id : before->id, action, actor, before != NULL,
				 before ? process_to_json(before) : NULL, after != NULL, after ? process_to_json(after) : NULL);
}

/* Binds NULL for -1 (not given). */
static void bind_opt(struct query *q, int idx, int64_t v)
{
	if (!q->st)
		return;
	if ((v < 0 ? q->c->store->drv->bind_null(q->st, idx) : q->c->store->drv->bind_int(q->st, idx, v)) < 0)
		q->failed = 1;
}

/* The item's own columns from first on: name .. emergency_level_percent (15 values). */
static void bind_process_fields(struct query *q, const struct process *p, int first)
{
	q_text(q, first, p->name);
	q_text(q, first + 1, p->description);
	q_id_or_null(q, first + 2, p->responsible_contact_id);
	q_int(q, first + 3, p->cost_per_hour);
	for (int h = 0; h < HORIZON__MAX; h++)
		q_int(q, first + 4 + h, p->impact[h]);
	bind_opt(q, first + 10, p->mtpd_hours);
	bind_opt(q, first + 11, p->rto_hours);
	bind_opt(q, first + 12, p->rpo_hours);
	q_text(q, first + 13, p->critical_periods);
	bind_opt(q, first + 14, p->emergency_level_percent);
}

enum kf_err store_process_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct process *p,
				 struct field_errors *fe)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_process_check_refs(c, p, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_PROCESS_INSERT);
	q_int(&q, 1, org);
	bind_process_fields(&q, p, 2);
	q_int(&q, 17, kf_now());
	q_id_or_null(&q, 18, actor);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	p->id = c->store->drv->last_insert_id(c->db);
	err = write_systems(c, org, p);
	if (!err)
		err = process_history(c, a, org, actor, "create", NULL, p);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_process_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct process *p, struct process *current_r,
				 struct field_errors *fe)
{
	struct process before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_process_get(c, a, org, p->id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = store_process_check_refs(c, p, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_PROCESS_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, p->id);
	q_int(&q, 3, expected_version);
	bind_process_fields(&q, p, 4);
	q_int(&q, 19, kf_now());
	q_id_or_null(&q, 20, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = write_systems(c, org, p);
	if (!err)
		err = process_history(c, a, org, actor, "update", &before, p);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_process_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct process *current_r)
{
	struct process before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_process_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = risk_drop_links(c, a, org, actor, 0, id); /* riskcfg: risks keep their other links */
	if (err)
		goto fail;
	q_start(&q, c, STMT_PROCESS_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = process_history(c, a, org, actor, "delete", &before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
