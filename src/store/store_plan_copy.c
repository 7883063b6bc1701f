/* store_plan_copy.c: the copies register of step 4 and the plan's newest change, with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

enum kf_err store_plan_last_change(struct store_conn *c, int64_t org, int64_t *at_r)
{
	struct query q;
	enum kf_err err;

	*at_r = 0;
	q_start(&q, c, STMT_PLAN_LAST_CHANGE);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (!err)
		*at_r = q_col_int(&q, 0);
	return q_end(&q, err);
}

/* A date column into a fixed buffer ("" for NULL). */
static void col_date(struct query *q, int col, char *buf)
{
	const char *s = q->c->store->drv->col_text(q->st, col);

	buf[0] = '\0';
	if (strlen(s) < REGFIELD_DATE_LEN)
		memcpy(buf, s, strlen(s) + 1);
}

static void read_copy(struct query *q, struct arena *a, void *item)
{
	struct plan_copy *p = item;

	plan_copy_init(p);
	p->id = q_col_int(q, 0);
	p->version = q_col_int(q, 1);
	if (plan_copy_kind_parse(q->c->store->drv->col_text(q->st, 2), &p->kind) < 0)
		p->kind = COPY_KIND_OTHER; /* not reached: the table's CHECK allows only known names */
	p->location = q_col_text(q, a, 3);
	p->holder_contact_id = q_col_is_null(q, 4) ? 0 : q_col_int(q, 4);
	col_date(q, 5, p->plan_date);
	col_date(q, 6, p->last_checked);
	p->notes = q_col_text(q, a, 7);
	p->created_at = q_col_int(q, 8);
	p->updated_at = q_col_int(q, 9);
	/* wire: the stamp of the export the copy holds */
	if (strlen(q->c->store->drv->col_text(q->st, 10)) == PLAN_COPY_STAMP_LEN)
		memcpy(p->stamp, q->c->store->drv->col_text(q->st, 10), PLAN_COPY_STAMP_LEN + 1);
	p->plan_version = q_col_is_null(q, 11) ? 0 : q_col_int(q, 11);
}

enum kf_err store_plan_copy_list(struct store_conn *c, struct arena *a, int64_t org, struct plan_copy **list_r,
				 size_t *n_r)
{
	int64_t changed;
	enum kf_err err;
	struct query q;

	err = store_plan_last_change(c, org, &changed);
	if (err)
		return err;
	q_start(&q, c, STMT_PLAN_COPY_LIST);
	q_int(&q, 1, org);
	err = q_list(&q, a, sizeof(**list_r), read_copy, (void **)list_r, n_r);
	for (size_t i = 0; !err && i < *n_r; i++)
		(*list_r)[i].plan_changed_at = changed;
	return err;
}

enum kf_err store_plan_copy_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct plan_copy *out)
{
	int64_t changed;
	enum kf_err err;
	struct query q;

	err = store_plan_last_change(c, org, &changed);
	if (err)
		return err;
	q_start(&q, c, STMT_PLAN_COPY_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err) {
		read_copy(&q, a, out);
		out->plan_changed_at = changed;
	}
	return q_end(&q, err);
}

enum kf_err store_plan_copy_check_holder(struct store_conn *c, const struct plan_copy *p, int64_t org,
					 struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	if (!p->holder_contact_id)
		return fe->n ? KF_EINVAL : KF_OK;
	q_start(&q, c, STMT_CONTACT_EXISTS);
	q_int(&q, 1, org);
	q_int(&q, 2, p->holder_contact_id);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	if (rc == DB_DONE)
		fe_add(fe, "holder_contact_id", N_("is not a contact of this organisation"));
	return fe->n ? KF_EINVAL : KF_OK;
}

/* A copy's JSON without the computed parts, which are no state of the copy. */
static json_t *copy_snapshot(const void *item)
{
	json_t *j = plan_copy_to_json(item);

	if (j) {
		json_object_del(j, "stale");
		json_object_del(j, "plan_changed_at");
	}
	return j;
}

/* The item's own columns from first on: kind .. notes. */
static int bind_copy_fields(struct query *q, const void *item, int first)
{
	const struct plan_copy *p = item;

	q_text(q, first, plan_copy_kind_name(p->kind));
	q_text(q, first + 1, p->location);
	q_id_or_null(q, first + 2, p->holder_contact_id);
	q_text(q, first + 3, p->plan_date);
	q_text_or_null(q, first + 4, p->last_checked);
	q_text(q, first + 5, p->notes);
	return 6;
}

/* After the time and the actor: the stamp of the export the copy holds and its plan version. */
static void bind_copy_stamp(struct query *q, const void *item, int first)
{
	const struct plan_copy *p = item;

	q_text(q, first, p->stamp);
	q_id_or_null(q, first + 1, p->plan_version);
}

static enum kf_err check_copy(struct store_conn *c, struct arena *a, const void *item, int64_t org,
			      struct field_errors *fe)
{
	(void)a;
	return store_plan_copy_check_holder(c, item, org, fe);
}

static const struct store_register copies = {
	.item = &store_item_plan_copy, .entity = "plan_copy",
	.insert = STMT_PLAN_COPY_INSERT, .update = STMT_PLAN_COPY_UPDATE, .remove = STMT_PLAN_COPY_DELETE,
	.bind = bind_copy_fields, .bind_tail = bind_copy_stamp, .to_json = copy_snapshot, .check_refs = check_copy,
};

enum kf_err store_plan_copy_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   struct plan_copy *p, struct field_errors *fe)
{
	return register_create(c, a, org, actor, &copies, p, fe);
}

enum kf_err store_plan_copy_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   int64_t expected_version, struct plan_copy *p, struct plan_copy *current_r,
				   struct field_errors *fe)
{
	return register_update(c, a, org, actor, &copies, expected_version, p, current_r, fe);
}

enum kf_err store_plan_copy_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				   int64_t expected_version, struct plan_copy *current_r)
{
	return register_delete(c, a, org, actor, &copies, id, expected_version, current_r, NULL);
}
