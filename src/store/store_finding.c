/* store_finding.c: the findings of exercises, with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

static void read_finding(struct query *q, struct arena *a, void *item)
{
	struct finding *f = item;
	const char *s;

	finding_init(f);
	f->id = q_col_int(q, 0);
	f->version = q_col_int(q, 1);
	f->exercise_id = q_col_int(q, 2);
	f->title = q_col_text(q, a, 3);
	f->description = q_col_text(q, a, 4);
	if (finding_severity_parse(q->c->store->drv->col_text(q->st, 5), &f->severity) < 0)
		f->severity = FINDING_MEDIUM; /* not reached: the table's CHECK allows only known names */
	if (finding_status_parse(q->c->store->drv->col_text(q->st, 6), &f->status) < 0)
		f->status = FINDING_OPEN;
	f->responsible_contact_id = q_col_is_null(q, 7) ? 0 : q_col_int(q, 7);
	s = q->c->store->drv->col_text(q->st, 8);
	if (strlen(s) < sizeof(f->due_date))
		memcpy(f->due_date, s, strlen(s) + 1);
	f->created_at = q_col_int(q, 9);
	f->updated_at = q_col_int(q, 10);
}

/* Whether a live exercise id belongs to org. */
static enum kf_err exercise_exists(struct store_conn *c, int64_t org, int64_t id)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_EXERCISE_EXISTS);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	rc = q_step(&q);
	q_done(&q);
	if (rc == DB_ROW)
		return KF_OK;
	return rc == DB_DONE ? KF_ENOTFOUND : KF_EDB;
}

enum kf_err store_finding_list(struct store_conn *c, struct arena *a, int64_t org, int64_t exercise_id,
			       struct finding **list_r, size_t *n_r)
{
	enum kf_err err;
	struct query q;

	*list_r = NULL;
	*n_r = 0;
	err = exercise_exists(c, org, exercise_id);
	if (err)
		return err;
	q_start(&q, c, STMT_FINDING_LIST);
	q_int(&q, 1, org);
	q_int(&q, 2, exercise_id);
	return q_list(&q, a, sizeof(**list_r), read_finding, (void **)list_r, n_r);
}

enum kf_err store_finding_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct finding *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_FINDING_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_finding(&q, a, out);
	return q_end(&q, err);
}

enum kf_err store_finding_check_refs(struct store_conn *c, const struct finding *f, int64_t org,
				     struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	if (f->responsible_contact_id && !fe_get(fe, "responsible_contact_id")) {
		q_start(&q, c, STMT_CONTACT_EXISTS);
		q_int(&q, 1, org);
		q_int(&q, 2, f->responsible_contact_id);
		rc = q_step(&q);
		q_done(&q);
		if (rc != DB_ROW && rc != DB_DONE)
			return KF_EDB;
		if (rc == DB_DONE)
			fe_add(fe, "responsible_contact_id", N_("is not a contact of this organisation"));
	}
	return fe->n ? KF_EINVAL : KF_OK;
}

static enum kf_err finding_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   const char *action, const struct finding *before, struct finding *after)
{
	enum kf_err err;

	/* re-read, so the record shows what is stored */
	if (after && (err = store_finding_get(c, a, org, after->id, after)))
		return err;
	return history_snapshots(c, org, "finding", after ? after->id : before->id, action, actor, before != NULL,
				 before ? finding_to_json(before) : NULL, after != NULL, after ? finding_to_json(after) : NULL);
}

/* The item's own columns from first on: title .. due_date (6 values). */
static void bind_fields(struct query *q, const struct finding *f, int first)
{
	q_text(q, first, f->title);
	q_text(q, first + 1, f->description);
	q_text(q, first + 2, finding_severity_name(f->severity));
	q_text(q, first + 3, finding_status_name(f->status));
	q_id_or_null(q, first + 4, f->responsible_contact_id);
	q_text_or_null(q, first + 5, f->due_date);
}

enum kf_err store_finding_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct finding *f,
				 struct field_errors *fe)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = exercise_exists(c, org, f->exercise_id);
	if (!err)
		err = store_finding_check_refs(c, f, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_FINDING_INSERT);
	q_int(&q, 1, org);
	q_int(&q, 2, f->exercise_id);
	bind_fields(&q, f, 3);
	q_int(&q, 9, kf_now());
	q_id_or_null(&q, 10, actor);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	f->id = c->store->drv->last_insert_id(c->db);
	err = finding_history(c, a, org, actor, "create", NULL, f);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_finding_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct finding *f, struct finding *current_r,
				 struct field_errors *fe)
{
	struct finding before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_finding_get(c, a, org, f->id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	f->exercise_id = before.exercise_id;
	err = store_finding_check_refs(c, f, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, STMT_FINDING_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, f->id);
	q_int(&q, 3, expected_version);
	bind_fields(&q, f, 4);
	q_int(&q, 10, kf_now());
	q_id_or_null(&q, 11, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = finding_history(c, a, org, actor, "update", &before, f);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_finding_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct finding *current_r)
{
	struct finding before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_finding_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_FINDING_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = finding_history(c, a, org, actor, "delete", &before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
