/* store_workaround.c: workarounds of business processes, with history in the same transaction. */
#include <stddef.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
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

static void bind_opt(struct query *q, int idx, int64_t v)
{
	if (!q->st)
		return;
	if ((v < 0 ? q->c->store->drv->bind_null(q->st, idx) : q->c->store->drv->bind_int(q->st, idx, v)) < 0)
		q->failed = 1;
}

/* The item's own columns from first on: process_id .. responsible_contact_id. */
static int bind_fields(struct query *q, const void *item, int first)
{
	const struct workaround *w = item;

	q_int(q, first, w->process_id);
	q_text(q, first + 1, w->title);
	q_text(q, first + 2, w->procedure);
	q_text(q, first + 3, w->preparation);
	bind_opt(q, first + 4, w->sustainable_hours);
	q_id_or_null(q, first + 5, w->responsible_contact_id);
	return 6;
}

static enum kf_err check_workaround(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				   struct field_errors *fe)
{
	(void)a;
	return store_workaround_check_refs(c, item, org, fe);
}

static json_t *workaround_json(const void *item)
{
	return workaround_to_json(item);
}

static const struct store_register workarounds = {
	.item = &store_item_workaround, .entity = "workaround",
	.insert = STMT_WORKAROUND_INSERT, .update = STMT_WORKAROUND_UPDATE, .remove = STMT_WORKAROUND_DELETE,
	.bind = bind_fields, .to_json = workaround_json, .check_refs = check_workaround,
};

enum kf_err store_workaround_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    struct workaround *w, struct field_errors *fe)
{
	return register_create(c, a, org, actor, &workarounds, w, fe);
}

enum kf_err store_workaround_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    int64_t expected_version, struct workaround *w, struct workaround *current_r,
				    struct field_errors *fe)
{
	return register_update(c, a, org, actor, &workarounds, expected_version, w, current_r, fe);
}

enum kf_err store_workaround_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				    int64_t expected_version, struct workaround *current_r)
{
	return register_delete(c, a, org, actor, &workarounds, id, expected_version, current_r, NULL);
}
