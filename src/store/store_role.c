/* store_role.c: emergency roles with ordered deputies, with history in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct role, id) == 0, "q_attach finds roles by their leading id");

static void read_role(struct query *q, struct arena *a, void *item)
{
	struct role *r = item;

	role_init(r);
	r->id = q_col_int(q, 0);
	r->version = q_col_int(q, 1);
	r->name = q_col_text(q, a, 2);
	r->duties = q_col_text(q, a, 3);
	r->primary_contact_id = q_col_is_null(q, 4) ? 0 : q_col_int(q, 4);
	r->created_at = q_col_int(q, 5);
	r->updated_at = q_col_int(q, 6);
}

/* A row (role_id, contact_id) onto its role, in order. */
static void add_deputy(struct query *q, struct arena *a, void *item)
{
	struct role *r = item;

	(void)a;
	if (r->ndeputies < ROLE_MAX_DEPUTIES)
		r->deputy_contact_ids[r->ndeputies++] = q_col_int(q, 1);
}

enum kf_err store_role_list(struct store_conn *c, struct arena *a, int64_t org, struct role **list_r, size_t *n_r)
{
	return q_list_with_children(c, a, org, STMT_ROLE_LIST, STMT_ROLE_DEPUTIES_OF_ORG, sizeof(**list_r), read_role, add_deputy, (void **)list_r, n_r);
}

enum kf_err store_role_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct role *out)
{
	return q_get_with_children(c, a, org, id, STMT_ROLE_GET, STMT_ROLE_DEPUTIES, read_role, add_deputy, out);
}

static enum kf_err contact_exists(struct store_conn *c, int64_t org, int64_t id, int *exists_r)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_CONTACT_EXISTS);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	rc = q_step(&q);
	q_done(&q);
	if (rc == DB_ERROR || rc == DB_CONSTRAINT)
		return KF_EDB;
	*exists_r = rc == DB_ROW;
	return KF_OK;
}

/* Every named person must be a contact of this organisation (checked inside the write transaction). */
static enum kf_err check_people(struct store_conn *c, int64_t org, const struct role *r, struct field_errors *fe)
{
	char field[48];
	int exists, i;
	enum kf_err err;

	if (r->primary_contact_id) {
		err = contact_exists(c, org, r->primary_contact_id, &exists);
		if (err)
			return err;
		if (!exists)
			fe_add(fe, "primary_contact_id", N_("is not a contact of this organisation"));
	}
	for (i = 0; i < r->ndeputies; i++) {
		err = contact_exists(c, org, r->deputy_contact_ids[i], &exists);
		if (err)
			return err;
		if (!exists) {
			snprintf(field, sizeof(field), "deputy_contact_ids[%d]", i);
			fe_add(fe, field, N_("is not a contact of this organisation"));
		}
	}
	return fe->n ? KF_EINVAL : KF_OK;
}

static enum kf_err write_deputies(struct store_conn *c, int64_t org, const struct role *r)
{
	struct query q;
	int i;

	q_start(&q, c, STMT_ROLE_DEPUTIES_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, r->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (i = 0; i < r->ndeputies; i++) {
		q_start(&q, c, STMT_ROLE_DEPUTY_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, r->id);
		q_int(&q, 3, i);
		q_int(&q, 4, r->deputy_contact_ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

static enum kf_err role_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
				const struct role *before, struct role *after)
{
	enum kf_err err;

	/* re-read, so the record shows what is stored */
	if (after && (err = store_role_get(c, a, org, after->id, after)))
		return err;
	err = history_snapshots(c, org, "role", after ? after->id : before->id, action, actor, before != NULL,
				before ? role_to_json(before) : NULL, after != NULL, after ? role_to_json(after) : NULL);
	/* review marks: the chapters this change affects, in the same transaction */
	return err ? err : review_mark_role(c, org, actor, action, before, after);
}

enum kf_err store_role_check_people(struct store_conn *c, const struct role *r, int64_t org, struct field_errors *fe)
{
	return check_people(c, org, r, fe);
}

enum kf_err role_insert(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct role *r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_ROLE_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, r->name);
	q_text(&q, 3, r->duties);
	q_id_or_null(&q, 4, r->primary_contact_id);
	q_int(&q, 5, kf_now());
	q_id_or_null(&q, 6, actor);
	if (q_exec(&q) < 0)
		return KF_EDB;
	r->id = c->store->drv->last_insert_id(c->db);
	err = write_deputies(c, org, r);
	if (!err)
		err = role_history(c, a, org, actor, "create", NULL, r);
	return err;
}

enum kf_err store_role_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct role *r,
			      struct field_errors *fe)
{
	enum kf_err err;

	err = tx_begin(c);
	if (err)
		return err;
	err = check_people(c, org, r, fe);
	if (!err)
		err = role_insert(c, a, org, actor, r);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_role_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct role *r, struct role *current_r, struct field_errors *fe)
{
	struct role before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_role_get(c, a, org, r->id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = check_people(c, org, r, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_ROLE_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, r->id);
	q_int(&q, 3, expected_version);
	q_text(&q, 4, r->name);
	q_text(&q, 5, r->duties);
	q_id_or_null(&q, 6, r->primary_contact_id);
	q_int(&q, 7, kf_now());
	q_id_or_null(&q, 8, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = write_deputies(c, org, r);
	if (!err)
		err = role_history(c, a, org, actor, "update", &before, r);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_role_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct role *current_r, const char **used_by_r)
{
	struct role before;
	enum kf_err err;
	struct query q;

	*used_by_r = NULL;
	err = tx_begin(c);
	if (err)
		return err;
	err = store_role_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = store_role_used_by(c, a, org, id, used_by_r);
	if (!err && *used_by_r) {
		*current_r = before;
		err = KF_EINUSE;
	}
	if (err)
		goto fail;
	q_start(&q, c, STMT_ROLE_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = role_history(c, a, org, actor, "delete", &before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
