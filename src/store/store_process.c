/* store_process.c: business processes with the IT systems they need, with history in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
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
	enum kf_err err = q_exists(c, st, org, id);

	*exists_r = err == KF_OK;
	return err == KF_ENOTFOUND ? KF_OK : err;
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

static enum kf_err write_systems(struct store_conn *c, int64_t org, const void *item)
{
	const struct process *p = item;
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

/* Binds NULL for -1 (not given). */
static void bind_opt(struct query *q, int idx, int64_t v)
{
	if (!q->st)
		return;
	if ((v < 0 ? q->c->store->drv->bind_null(q->st, idx) : q->c->store->drv->bind_int(q->st, idx, v)) < 0)
		q->failed = 1;
}

/* The item's own columns from first on: name .. emergency_level_percent. */
static int bind_process_fields(struct query *q, const void *item, int first)
{
	const struct process *p = item;

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
	return 15;
}

static enum kf_err check_process(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				 struct field_errors *fe)
{
	(void)a;
	return store_process_check_refs(c, item, org, fe);
}

static json_t *process_json(const void *item)
{
	return process_to_json(item);
}

/* riskcfg: risks keep their other links */
static enum kf_err drop_risk_links(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id)
{
	return risk_drop_links(c, a, org, actor, 0, id);
}

static const struct store_register processes = {
	.item = &store_item_process, .entity = "process",
	.insert = STMT_PROCESS_INSERT, .update = STMT_PROCESS_UPDATE, .remove = STMT_PROCESS_DELETE,
	.bind = bind_process_fields, .to_json = process_json, .check_refs = check_process, .children = write_systems,
	.before_delete = drop_risk_links,
};

enum kf_err store_process_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct process *p,
				 struct field_errors *fe)
{
	return register_create(c, a, org, actor, &processes, p, fe);
}

enum kf_err store_process_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct process *p, struct process *current_r,
				 struct field_errors *fe)
{
	return register_update(c, a, org, actor, &processes, expected_version, p, current_r, fe);
}

enum kf_err store_process_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct process *current_r)
{
	return register_delete(c, a, org, actor, &processes, id, expected_version, current_r, NULL);
}
