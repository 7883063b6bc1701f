/* history.c: the change-history record written inside each write transaction. */
#include <stdlib.h>
#include <jansson.h>

#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

enum kf_err history_write(struct store_conn *c, int64_t org, const char *entity, int64_t id, const char *action,
			  int64_t actor, const void *before_json, const void *after_json)
{
	char *before = NULL, *after = NULL;
	enum kf_err err = KF_OK;
	struct query q;

	if (before_json && !(before = json_dumps(before_json, JSON_COMPACT | JSON_SORT_KEYS))) {
		err = KF_ENOMEM;
		goto out;
	}
	if (after_json && !(after = json_dumps(after_json, JSON_COMPACT | JSON_SORT_KEYS))) {
		err = KF_ENOMEM;
		goto out;
	}
	q_start(&q, c, STMT_HISTORY_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, id);
	q_text(&q, 4, action);
	q_id_or_null(&q, 5, actor);
	q_int(&q, 6, kf_now());
	q_text_or_null(&q, 7, before);
	q_text_or_null(&q, 8, after);
	if (q_exec(&q) < 0)
		err = KF_EDB;
out:
	free(before);
	free(after);
	return err;
}

enum kf_err history_snapshots(struct store_conn *c, int64_t org, const char *entity, int64_t id, const char *action,
			      int64_t actor, int had_before, json_t *before, int had_after, json_t *after)
{
	enum kf_err err;

	if ((had_before && !before) || (had_after && !after))
		err = KF_ENOMEM;
	else
		err = history_write(c, org, entity, id, action, actor, before, after);
	json_decref(before);
	json_decref(after);
	return err;
}

enum kf_err store_history_count(struct store_conn *c, int64_t org, const char *entity, int64_t id, int64_t *n_r)
{
	enum kf_err err = KF_EDB;
	struct query q;

	q_start(&q, c, STMT_HISTORY_COUNT);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, id);
	if (q_step(&q) == DB_ROW) {
		*n_r = q_col_int(&q, 0);
		err = KF_OK;
	}
	q_done(&q);
	return err;
}
