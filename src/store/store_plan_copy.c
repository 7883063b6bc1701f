/* store_plan_copy.c: the copies register of step 4 and the plan's newest change, with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
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

/* History of a write: reads the saved state back so the record shows what is stored. */
/* A copy's JSON without the computed parts, which are no state of the copy. */
static json_t *copy_snapshot(const struct plan_copy *pc)
{
	json_t *j = plan_copy_to_json(pc);

	if (j) {
		json_object_del(j, "stale");
		json_object_del(j, "plan_changed_at");
	}
	return j;
}

static enum kf_err copy_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
				const struct plan_copy *before, struct plan_copy *after)
{
	enum kf_err err;

	/* re-read, so the record shows what is stored */
	if (after && (err = store_plan_copy_get(c, a, org, after->id, after)))
		return err;
	return history_snapshots(c, org, "plan_copy", after ? after->id : before->id, action, actor, before != NULL,
				 before ? copy_snapshot(before) : NULL, after != NULL, after ? copy_snapshot(after) : NULL);
}

/* kind .. notes (6 values) from first on. */
static void bind_copy_fields(struct query *q, const struct plan_copy *p, int first)
{
	q_text(q, first, plan_copy_kind_name(p->kind));
	q_text(q, first + 1, p->location);
	q_id_or_null(q, first + 2, p->holder_contact_id);
	q_text(q, first + 3, p->plan_date);
	q_text_or_null(q, first + 4, p->last_checked);
	q_text(q, first + 5, p->notes);
}

enum kf_err store_plan_copy_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   struct plan_copy *p, struct field_errors *fe)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_plan_copy_check_holder(c, p, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_PLAN_COPY_INSERT);
	q_int(&q, 1, org);
	bind_copy_fields(&q, p, 2);
	q_int(&q, 8, kf_now());
	q_id_or_null(&q, 9, actor);
	q_text(&q, 10, p->stamp);
	q_id_or_null(&q, 11, p->plan_version);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	p->id = c->store->drv->last_insert_id(c->db);
	err = copy_history(c, a, org, actor, "create", NULL, p);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_plan_copy_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   int64_t expected_version, struct plan_copy *p, struct plan_copy *current_r,
				   struct field_errors *fe)
{
	struct plan_copy before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_plan_copy_get(c, a, org, p->id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = store_plan_copy_check_holder(c, p, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_PLAN_COPY_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, p->id);
	q_int(&q, 3, expected_version);
	bind_copy_fields(&q, p, 4);
	q_int(&q, 10, kf_now());
	q_id_or_null(&q, 11, actor);
	q_text(&q, 12, p->stamp);
	q_id_or_null(&q, 13, p->plan_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = copy_history(c, a, org, actor, "update", &before, p);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_plan_copy_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				   int64_t expected_version, struct plan_copy *current_r)
{
	struct plan_copy before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_plan_copy_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_PLAN_COPY_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = copy_history(c, a, org, actor, "delete", &before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
