/* store_alarm.c: the alarm chain (ordered steps, renumbered on every move) and the alarm plan settings. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

static void read_step(struct query *q, struct arena *a, void *item)
{
	struct alarm_step *s = item;

	alarm_step_init(s);
	s->id = q_col_int(q, 0);
	s->version = q_col_int(q, 1);
	s->position = (int)q_col_int(q, 2);
	s->caller_role_id = q_col_is_null(q, 3) ? 0 : q_col_int(q, 3);
	s->caller_contact_id = q_col_is_null(q, 4) ? 0 : q_col_int(q, 4);
	s->callee_contact_id = q_col_int(q, 5);
	if (alarm_channel_parse(q->c->store->drv->col_text(q->st, 6), &s->channel) < 0)
		s->channel = CHANNEL_PHONE;
	s->escalate_after_minutes = (int)q_col_int(q, 7);
	s->escalate_to_contact_id = q_col_is_null(q, 8) ? 0 : q_col_int(q, 8);
	s->note = q_col_text(q, a, 9);
	s->created_at = q_col_int(q, 10);
	s->updated_at = q_col_int(q, 11);
}

enum kf_err store_alarm_step_list(struct store_conn *c, struct arena *a, int64_t org, struct alarm_step **list_r,
				  size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_ALARM_STEP_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_step, (void **)list_r, n_r);
}

enum kf_err store_alarm_step_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct alarm_step *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_ALARM_STEP_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_step(&q, a, out);
	return q_end(&q, err);
}

/* Whether the item id of this organisation exists (stmt binds ?1 = org, ?2 = id). */
static enum kf_err exists(struct store_conn *c, enum stmt stmt, int64_t org, int64_t id, int *exists_r)
{
	enum kf_err err = q_exists(c, stmt, org, id);

	*exists_r = err == KF_OK;
	return err == KF_ENOTFOUND ? KF_OK : err;
}

/* A field error when id is set but names no item of this organisation. */
static enum kf_err check_ref(struct store_conn *c, enum stmt stmt, int64_t org, int64_t id, const char *field,
			     const char *msg, struct field_errors *fe)
{
	enum kf_err err;
	int found;

	if (!id || fe_get(fe, field))
		return KF_OK;
	err = exists(c, stmt, org, id, &found);
	if (!err && !found)
		fe_add(fe, field, msg);
	return err;
}

enum kf_err store_alarm_step_check_refs(struct store_conn *c, const struct alarm_step *s, int64_t org,
					struct field_errors *fe)
{
	static const char *const no_contact = N_("is not a contact of this organisation");
	enum kf_err err;

	err = check_ref(c, STMT_ALARM_ROLE_EXISTS, org, s->caller_role_id, "caller_role_id",
			N_("is not a role of this organisation"), fe);
	if (!err)
		err = check_ref(c, STMT_CONTACT_EXISTS, org, s->caller_contact_id, "caller_contact_id", no_contact, fe);
	if (!err)
		err = check_ref(c, STMT_CONTACT_EXISTS, org, s->callee_contact_id, "callee_contact_id", no_contact, fe);
	if (!err)
		err = check_ref(c, STMT_CONTACT_EXISTS, org, s->escalate_to_contact_id, "escalate_to_contact_id",
				no_contact, fe);
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

/* History of a step write: reads the saved state back so the record shows what is stored. */
/*
 * Gives the steps of order[0..n) the positions 1..n. A step that moves
 * (except skip, which the caller writes itself) gets a new version and a
 * history record, so nobody overwrites its place with a stale edit.
 */
static enum kf_err renumber(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			    const struct alarm_step *order, size_t n, int64_t skip)
{
	struct alarm_step after;
	enum kf_err err;
	struct query q;

	for (size_t i = 0; i < n; i++) {
		if (order[i].id == skip || order[i].position == (int)i + 1)
			continue;
		q_start(&q, c, STMT_ALARM_STEP_SET_POSITION);
		q_int(&q, 1, org);
		q_int(&q, 2, order[i].id);
		q_int(&q, 3, (int64_t)i + 1);
		q_int(&q, 4, kf_now());
		q_id_or_null(&q, 5, actor);
		if (q_exec(&q) < 0)
			return KF_EDB;
		/* re-read, so the record shows what is stored */
		err = store_alarm_step_get(c, a, org, order[i].id, &after);
		if (!err)
			err = history_snapshots(c, org, "alarm_step", after.id, "update", actor, 1,
						alarm_step_to_json(&order[i]), 1, alarm_step_to_json(&after));
		if (err)
			return err;
	}
	return KF_OK;
}

/*
 * The chain with item placed at pos (1-based): the n steps of list without
 * item->id, and item at index pos - 1. Allocates the array in a.
 */
static struct alarm_step *chain_with(struct arena *a, const struct alarm_step *list, size_t n, const struct alarm_step *item,
				     int pos, size_t *n_r)
{
	struct alarm_step *order = ARENA_NEW(a, struct alarm_step, n + 1);
	size_t k = 0;

	if (!order)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (list[i].id == item->id)
			continue;
		if ((int)k == pos - 1)
			order[k++] = *item;
		order[k++] = list[i];
	}
	if ((int)k == pos - 1)
		order[k++] = *item;
	*n_r = k;
	return order;
}

/* Place rules that need the chain: pos within 1..last, the open caller only first. */
static void check_place(const struct alarm_step *s, int pos, int last, struct field_errors *fe)
{
	if (pos > last)
		fe_add(fe, "position", N_("is after the end of the chain"));
	if (!s->caller_role_id && !s->caller_contact_id && pos != 1)
		fe_add(fe, "caller_role_id",
		       N_("only the first step may leave the caller open (whoever notices the emergency)"));
}

/* The item's own columns from first on: position .. note. */
static int bind_step_fields(struct query *q, const void *item, int first)
{
	const struct alarm_step *s = item;

	q_int(q, first, s->position);
	q_id_or_null(q, first + 1, s->caller_role_id);
	q_id_or_null(q, first + 2, s->caller_contact_id);
	q_int(q, first + 3, s->callee_contact_id);
	q_text(q, first + 4, alarm_channel_name(s->channel));
	q_int(q, first + 5, s->escalate_after_minutes);
	q_id_or_null(q, first + 6, s->escalate_to_contact_id);
	q_text(q, first + 7, s->note);
	return 8;
}

/*
 * Before a step is written: the rules that need the chain and the
 * references, then its place (a new step goes last unless it names one,
 * a changed one keeps its place unless it names one) and the steps around
 * it renumbered.
 */
static enum kf_err place_step(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const void *before,
			      void *item, struct field_errors *fe)
{
	struct alarm_step *s = item, *list, *order;
	size_t n, norder;
	enum kf_err err;
	int pos;

	err = store_alarm_step_list(c, a, org, &list, &n);
	if (err)
		return err;
	if (before) {
		pos = s->position ? s->position : ((const struct alarm_step *)before)->position;
		check_place(s, pos, (int)n, fe);
	} else {
		pos = s->position ? s->position : (int)n + 1;
		if (n >= ALARM_STEPS_MAX)
			fe_add(fe, "position", N_("the chain already has the most steps possible (100)"));
		check_place(s, pos, (int)n + 1, fe);
	}
	err = store_alarm_step_check_refs(c, s, org, fe);
	if (!err && fe->n)
		err = KF_EINVAL;
	if (err)
		return err;
	s->position = pos;
	order = chain_with(a, list, n, s, pos, &norder);
	/* a new step (id 0 until it is written) is skipped like a changed one: its own row has its place */
	return order ? renumber(c, a, org, actor, order, norder, s->id) : KF_ENOMEM;
}

/* After a step's deletion: the steps after it move up. */
static enum kf_err close_gap(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
			     const void *before, const void *after)
{
	struct alarm_step *list;
	enum kf_err err;
	size_t n;

	(void)action;
	(void)before;
	if (after)
		return KF_OK;
	err = store_alarm_step_list(c, a, org, &list, &n);
	return err ? err : renumber(c, a, org, actor, list, n, 0);
}

static json_t *step_json(const void *item)
{
	return alarm_step_to_json(item);
}

static const struct store_register steps = {
	.item = &store_item_alarm_step, .entity = "alarm_step",
	.insert = STMT_ALARM_STEP_INSERT, .update = STMT_ALARM_STEP_UPDATE, .remove = STMT_ALARM_STEP_DELETE,
	.bind = bind_step_fields, .to_json = step_json, .before_write = place_step, .after_write = close_gap,
};

enum kf_err store_alarm_step_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   struct alarm_step *s, struct field_errors *fe)
{
	return register_create(c, a, org, actor, &steps, s, fe);
}

enum kf_err store_alarm_step_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   int64_t expected_version, struct alarm_step *s, struct alarm_step *current_r,
				   struct field_errors *fe)
{
	return register_update(c, a, org, actor, &steps, expected_version, s, current_r, fe);
}

enum kf_err store_alarm_step_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				   int64_t expected_version, struct alarm_step *current_r)
{
	return register_delete(c, a, org, actor, &steps, id, expected_version, current_r, NULL);
}

/* ---------------------------------------------------------------- plan settings */

static void read_plan(struct query *q, struct arena *a, struct alarm_plan *p)
{
	alarm_plan_init(p);
	p->id = q_col_int(q, 0);
	p->version = q_col_int(q, 1);
	p->meeting_place = q_col_text(q, a, 2);
	p->meeting_fallback = q_col_text(q, a, 3);
	p->phone_bridge = q_col_text(q, a, 4);
	p->declare_criteria = q_col_text(q, a, 5);
	p->breach_report_role_id = q_col_is_null(q, 6) ? 0 : q_col_int(q, 6);
	p->breach_notes = q_col_text(q, a, 7);
	p->created_at = q_col_int(q, 8);
	p->updated_at = q_col_int(q, 9);
}

enum kf_err store_alarm_plan_get(struct store_conn *c, struct arena *a, int64_t org, struct alarm_plan *out)
{
	enum kf_err err;
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_ALARM_PLAN_GET);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (err == KF_ENOTFOUND) {
		alarm_plan_init(out);
		return q_end(&q, KF_OK);
	}
	if (!err)
		read_plan(&q, a, out);
	err = q_end(&q, err);
	if (err)
		return err;
	q_start(&q, c, STMT_ALARM_PLAN_DECLARE_ROLES);
	q_int(&q, 1, org);
	while ((rc = q_step(&q)) == DB_ROW)
		if (out->ndeclare_roles < ALARM_PLAN_MAX_DECLARE_ROLES)
			out->declare_role_ids[out->ndeclare_roles++] = q_col_int(&q, 0);
	return q_end(&q, rc == DB_DONE ? KF_OK : KF_EDB);
}

enum kf_err store_alarm_plan_check_roles(struct store_conn *c, const struct alarm_plan *p, int64_t org,
					 struct field_errors *fe)
{
	static const char *const no_role = N_("is not a role of this organisation");
	enum kf_err err = KF_OK;
	char field[48];

	for (int i = 0; i < p->ndeclare_roles && !err; i++) {
		snprintf(field, sizeof(field), "declare_role_ids[%d]", i);
		err = check_ref(c, STMT_ALARM_ROLE_EXISTS, org, p->declare_role_ids[i], field, no_role, fe);
	}
	if (!err)
		err = check_ref(c, STMT_ALARM_ROLE_EXISTS, org, p->breach_report_role_id, "breach_report_role_id",
				no_role, fe);
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

static enum kf_err write_declare_roles(struct store_conn *c, int64_t org, const struct alarm_plan *p)
{
	struct query q;

	q_start(&q, c, STMT_ALARM_PLAN_DECLARE_CLEAR);
	q_int(&q, 1, org);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (int i = 0; i < p->ndeclare_roles; i++) {
		q_start(&q, c, STMT_ALARM_PLAN_DECLARE_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, i);
		q_int(&q, 3, p->declare_role_ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

enum kf_err store_alarm_plan_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct alarm_plan *p, struct alarm_plan *current_r,
				 struct field_errors *fe)
{
	json_t *jb = NULL, *ja = NULL;
	struct alarm_plan before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_alarm_plan_get(c, a, org, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = store_alarm_plan_check_roles(c, p, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, before.version ? STMT_ALARM_PLAN_UPDATE : STMT_ALARM_PLAN_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, p->meeting_place);
	q_text(&q, 3, p->meeting_fallback);
	q_text(&q, 4, p->phone_bridge);
	q_text(&q, 5, p->declare_criteria);
	q_id_or_null(&q, 6, p->breach_report_role_id);
	q_text(&q, 7, p->breach_notes);
	q_int(&q, 8, kf_now());
	q_id_or_null(&q, 9, actor);
	if (before.version)
		q_int(&q, 10, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = write_declare_roles(c, org, p);
	if (!err)
		err = store_alarm_plan_get(c, a, org, p);
	if (err)
		goto fail;
	jb = before.version ? alarm_plan_to_json(&before) : NULL;
	ja = alarm_plan_to_json(p);
	if ((before.version && !jb) || !ja)
		err = KF_ENOMEM;
	else
		err = history_write(c, org, "alarm_plan", p->id, before.version ? "update" : "create", actor, jb, ja);
	json_decref(jb);
	json_decref(ja);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

/* ---------------------------------------------------------------- references from the alarm chain */

/* Appends label to *names ("A, B"); -1 when out of memory. */
static int append(struct arena *a, const char **names, const char *label)
{
	const char *s = *names ? arena_printf(a, "%s, %s", *names, label) : arena_strdup(a, label);

	if (!s)
		return -1;
	*names = s;
	return 0;
}

/*
 * Appends "alarm chain step N" for each step the query (?1 = org, ?2 = id)
 * returns. The labels are in German, the product's first language: the
 * store knows no request language.
 */
static enum kf_err append_steps(struct store_conn *c, struct arena *a, enum stmt stmt, int64_t org, int64_t id,
				const char **names)
{
	const char *label = i18n_tr(KF_LANG_DE, N_("alarm chain step"));
	enum kf_err err = KF_OK;
	struct query q;
	enum db_step rc;

	q_start(&q, c, stmt);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	while ((rc = q_step(&q)) == DB_ROW) {
		const char *s = arena_printf(a, "%s %lld", label, (long long)q_col_int(&q, 0));

		if (!s || append(a, names, s) < 0) {
			err = KF_ENOMEM;
			break;
		}
	}
	if (!err && rc != DB_DONE)
		err = KF_EDB;
	q_done(&q);
	return err;
}

enum kf_err alarm_contact_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **names)
{
	return append_steps(c, a, STMT_ALARM_STEPS_NAMING_CONTACT, org, id, names);
}

enum kf_err store_role_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **used_by_r)
{
	struct alarm_plan plan;
	enum kf_err err;

	*used_by_r = NULL;
	err = append_steps(c, a, STMT_ALARM_STEPS_NAMING_ROLE, org, id, used_by_r);
	if (!err)
		err = store_alarm_plan_get(c, a, org, &plan);
	if (err)
		return err;
	for (int i = 0; i < plan.ndeclare_roles; i++)
		if (plan.declare_role_ids[i] == id &&
		    append(a, used_by_r, i18n_tr(KF_LANG_DE, N_("alarm plan: may declare an emergency"))) < 0)
			return KF_ENOMEM;
	if (plan.breach_report_role_id == id &&
	    append(a, used_by_r, i18n_tr(KF_LANG_DE, N_("alarm plan: reports data breaches"))) < 0)
		return KF_ENOMEM;
	return KF_OK;
}
