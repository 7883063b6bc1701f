/* store_calendar.c: each member's secret calendar link per organisation; only the token's hash is stored. */
#include <string.h>

#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

enum kf_err store_calendar_link_get(struct store_conn *c, int64_t org, int64_t user, struct calendar_link *out)
{
	struct query q;
	enum kf_err err;

	memset(out, 0, sizeof(*out));
	q_start(&q, c, STMT_CAL_LINK_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, user);
	err = q_one(&q);
	if (!err) {
		out->id = q_col_int(&q, 0);
		out->created_at = q_col_int(&q, 1);
		out->last_used_at = q_col_int(&q, 2);
	}
	return q_end(&q, err);
}

enum kf_err store_calendar_link_create(struct store_conn *c, int64_t org, int64_t user, const char *token_hash,
				       struct calendar_link *out)
{
	int64_t now = kf_now();
	struct query q;
	enum kf_err err;

	memset(out, 0, sizeof(*out));
	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_CAL_LINK_REVOKE);
	q_int(&q, 1, org);
	q_int(&q, 2, user);
	q_int(&q, 3, now);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto out;
	}
	q_start(&q, c, STMT_CAL_LINK_INSERT);
	q_int(&q, 1, org);
	q_int(&q, 2, user);
	q_text(&q, 3, token_hash);
	q_int(&q, 4, now);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto out;
	}
	out->id = c->store->drv->last_insert_id(c->db);
	out->created_at = now;
	err = tx_commit(c);
	return err;
out:
	tx_rollback(c);
	return err;
}

enum kf_err store_calendar_link_delete(struct store_conn *c, int64_t org, int64_t user)
{
	struct query q;

	q_start(&q, c, STMT_CAL_LINK_REVOKE);
	q_int(&q, 1, org);
	q_int(&q, 2, user);
	q_int(&q, 3, kf_now());
	if (q_exec(&q) < 0)
		return KF_EDB;
	return c->store->drv->changes(c->db) > 0 ? KF_OK : KF_ENOTFOUND;
}

enum kf_err store_calendar_link_by_token(struct store_conn *c, struct arena *a, const char *token_hash,
					 struct calendar_owner *out)
{
	struct query q;
	enum kf_err err;

	memset(out, 0, sizeof(*out));
	q_start(&q, c, STMT_CAL_LINK_BY_HASH);
	q_text(&q, 1, token_hash);
	err = q_one(&q);
	if (!err) {
		out->link_id = q_col_int(&q, 0);
		out->org_id = q_col_int(&q, 1);
		out->user_id = q_col_int(&q, 2);
		out->org_name = q_col_text(&q, a, 3);
	}
	err = q_end(&q, err);
	if (err)
		return err;
	q_start(&q, c, STMT_CAL_LINK_USED);
	q_int(&q, 1, out->org_id);
	q_int(&q, 2, out->link_id);
	q_int(&q, 3, kf_now());
	return q_exec(&q) < 0 ? KF_EDB : KF_OK;
}
