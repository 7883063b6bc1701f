/* store_role.c: emergency roles with ordered deputies, with history in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
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

static enum kf_err write_deputies(struct store_conn *c, int64_t org, const void *item)
{
	const struct role *r = item;
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

/* review marks: the chapters this change affects, in the same transaction */
static enum kf_err mark_role(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
			     const void *before, const void *after)
{
	(void)a;
	return review_mark_role(c, org, actor, action, before, after);
}

enum kf_err store_role_check_people(struct store_conn *c, const struct role *r, int64_t org, struct field_errors *fe)
{
	return check_people(c, org, r, fe);
}

/* The item's own columns from first on: name, duties, primary contact. */
static int bind_role_fields(struct query *q, const void *item, int first)
{
	const struct role *r = item;

	q_text(q, first, r->name);
	q_text(q, first + 1, r->duties);
	q_id_or_null(q, first + 2, r->primary_contact_id);
	return 3;
}

static enum kf_err check_role(struct store_conn *c, struct arena *a, const void *item, int64_t org,
			      struct field_errors *fe)
{
	(void)a;
	return check_people(c, org, item, fe);
}

static json_t *role_json(const void *item)
{
	return role_to_json(item);
}

static const struct store_register roles = {
	.item = &store_item_role, .entity = "role",
	.insert = STMT_ROLE_INSERT, .update = STMT_ROLE_UPDATE, .remove = STMT_ROLE_DELETE,
	.bind = bind_role_fields, .to_json = role_json, .check_refs = check_role, .children = write_deputies,
	.used_by = store_role_used_by, .after_write = mark_role,
};

enum kf_err store_role_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct role *r,
			      struct field_errors *fe)
{
	return register_create(c, a, org, actor, &roles, r, fe);
}

enum kf_err store_role_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct role *r, struct role *current_r, struct field_errors *fe)
{
	return register_update(c, a, org, actor, &roles, expected_version, r, current_r, fe);
}

enum kf_err store_role_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct role *current_r, const char **used_by_r)
{
	return register_delete(c, a, org, actor, &roles, id, expected_version, current_r, used_by_r);
}
