/* store_review.c: the plan review settings of an organisation (one item, created by the first write), with history. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

enum kf_err store_review_get(struct store_conn *c, struct arena *a, int64_t org, struct plan_review *out)
{
	enum kf_err err;
	struct query q;
	const char *s;

	review_init(out);
	q_start(&q, c, STMT_REVIEW_GET);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (err == KF_ENOTFOUND)
		return q_end(&q, KF_OK);
	if (!err) {
		out->id = q_col_int(&q, 0);
		out->version = q_col_int(&q, 1);
		s = q.c->store->drv->col_text(q.st, 2);
		if (strlen(s) < sizeof(out->last_review_date))
			memcpy(out->last_review_date, s, strlen(s) + 1);
		out->review_interval_months = (int)q_col_int(&q, 3);
		out->reviewer_contact_id = q_col_is_null(&q, 4) ? 0 : q_col_int(&q, 4);
		out->notes = q_col_text(&q, a, 5);
		out->created_at = q_col_int(&q, 6);
		out->updated_at = q_col_int(&q, 7);
	}
	return q_end(&q, err);
}

enum kf_err store_review_check_refs(struct store_conn *c, const struct plan_review *p, int64_t org,
				    struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	if (p->reviewer_contact_id && !fe_get(fe, "reviewer_contact_id")) {
		q_start(&q, c, STMT_CONTACT_EXISTS);
		q_int(&q, 1, org);
		q_int(&q, 2, p->reviewer_contact_id);
		rc = q_step(&q);
		q_done(&q);
		if (rc != DB_ROW && rc != DB_DONE)
			return KF_EDB;
		if (rc == DB_DONE)
			fe_add(fe, "reviewer_contact_id", N_("is not a contact of this organisation"));
	}
	return fe->n ? KF_EINVAL : KF_OK;
}

enum kf_err store_review_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			     int64_t expected_version, struct plan_review *p, struct plan_review *current_r,
			     struct field_errors *fe)
{
	json_t *jb = NULL, *ja = NULL;
	struct plan_review before;
	char today[11];
	enum kf_err err;
	struct query q;

	kf_date_iso(kf_now(), today);
	err = tx_begin(c);
	if (err)
		return err;
	err = store_review_get(c, a, org, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = store_review_check_refs(c, p, org, fe);
	if (err)
		goto fail;
	q_start(&q, c, before.version ? STMT_REVIEW_UPDATE : STMT_REVIEW_INSERT);
	q_int(&q, 1, org);
	q_text_or_null(&q, 2, p->last_review_date);
	q_int(&q, 3, p->review_interval_months);
	q_id_or_null(&q, 4, p->reviewer_contact_id);
	q_text(&q, 5, p->notes);
	q_int(&q, 6, kf_now());
	q_id_or_null(&q, 7, actor);
	if (before.version)
		q_int(&q, 8, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = store_review_get(c, a, org, p);
	if (err)
		goto fail;
	jb = before.version ? review_to_json(&before, today) : NULL;
	ja = review_to_json(p, today);
	if ((before.version && !jb) || !ja)
		err = KF_ENOMEM;
	else
		err = history_write(c, org, "plan_review", p->id, before.version ? "update" : "create", actor, jb, ja);
	json_decref(jb);
	json_decref(ja);
	/* review marks: a recorded review of the whole plan clears every chapter's marks */
	if (!err && p->last_review_date[0])
		err = review_marks_clear_all(c, org, actor);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
