/* store_workaround.c: workarounds of business processes, with history in the same transaction. */
#include <stddef.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

static void read_workaround(struct query *q, struct arena *a, void *item)
{
	struct workaround *w = item;

	workaround_init(w);
	w->id = q_col_int(q, 0);
	w->version = q_col_int(q, 1);
	w->process_id = q_col_int(q, 2);
	w->title = q_col_text(q, a, 3);
	w->procedure = q_col_text(q, a, 4);
	w->preparation = q_col_text(q, a, 5);
	w->sustainable_hours = q_col_is_null(q, 6) ? -1 : q_col_int(q, 6);
	w->responsible_contact_id = q_col_is_null(q, 7) ? 0 : q_col_int(q, 7);
	w->created_at = q_col_int(q, 8);
	w->updated_at = q_col_int(q, 9);
}

enum kf_err store_workaround_list(struct store_conn *c, struct arena *a, int64_t org, struct workaround **list_r,
				  size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_WORKAROUND_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_workaround, (void **)list_r, n_r);
}

enum kf_err store_workaround_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct workaround *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_WORKAROUND_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_workaround(&q, a, out);
	return q_end(&q, err);
}

static enum kf_err check_ref(struct store_conn *c, enum stmt st, int64_t org, int64_t id, const char *field,
			     const char *msg, struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	if (id <= 0 || fe_get(fe, field))
		return KF_OK;
	q_start(&q, c, st);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	if (rc == DB_DONE)
		fe_add(fe, field, msg);
	return KF_OK;
}

enum kf_err store_workaround_check_refs(struct store_conn *c, const struct workaround *w, int64_t org,
					struct field_errors *fe)
{
	enum kf_err err;

	err = check_ref(c, STMT_WORKAROUND_PROCESS_EXISTS, org, w->process_id, "process_id",
			N_("is not a business process of this organisation"), fe);
	if (!err)
		err = check_ref(c, STMT_CONTACT_EXISTS, org, w->responsible_contact_id, "responsible_contact_id",
				N_("is not a contact of this organisation"), fe);
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

static enum kf_err workaround_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      const char *action, const struct workaround *before, struct workaround *after)
{
	enum kf_err err;

	/* re-read, so the record shows what is stored */
	if (after && (err = store_workaround_get(c, a, org, after->id, after)))
		return err;
	return history_snapshots(c, org, "workaround", after ? after->id : before->id, action, actor, before != NULL,
				 before ? workaround_to_json(before) : NULL, after != NULL, after ? workaround_to_json(after) : NULL);
}

static void bind_opt(struct query *q, int idx, int64_t v)
{
	if (!q->st)
		return;
	if ((v < 0 ? q->c->store->drv->bind_null(q->st, idx) : q->c->store->drv->bind_int(q->st, idx, v)) < 0)
		q->failed = 1;
}

/* The item's own columns from first on: process_id .. responsible_contact_id (6 values). */
static void bind_fields(struct query *q, const struct workaround *w, int first)
{
	q_int(q, first, w->process_id);
	q_text(q, first + 1, w->title);
	q_text(q, first + 2, w->procedure);
	q_text(q, first + 3, w->preparation);
	bind_opt(q, first + 4, w->sustainable_hours);
	q_id_or_null(q, first + 5, w->responsible_contact_id);
}

enum kf_err store_workaround_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    struct workaround *w, struct field_errors *fe)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	w->id = 0;
	err = store_workaround_check_refs(c, w, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_WORKAROUND_INSERT);
	q_int(&q, 1, org);
	bind_fields(&q, w, 2);
	q_int(&q, 8, kf_now());
	q_id_or_null(&q, 9, actor);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	w->id = c->store->drv->last_insert_id(c->db);
	err = workaround_history(c, a, org, actor, "create", NULL, w);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	w->id = 0;
	tx_rollback(c);
	return err;
}

enum kf_err store_workaround_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    int64_t expected_version, struct workaround *w, struct workaround *current_r,
				    struct field_errors *fe)
{
	struct workaround before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_workaround_get(c, a, org, w->id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = store_workaround_check_refs(c, w, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_WORKAROUND_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, w->id);
	q_int(&q, 3, expected_version);
	bind_fields(&q, w, 4);
	q_int(&q, 10, kf_now());
	q_id_or_null(&q, 11, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = workaround_history(c, a, org, actor, "update", &before, w);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_workaround_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				    int64_t expected_version, struct workaround *current_r)
{
	struct workaround before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_workaround_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_WORKAROUND_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = workaround_history(c, a, org, actor, "delete", &before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
