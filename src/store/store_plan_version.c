/* store_plan_version.c: plan versions: submit a frozen snapshot, approve or return it (four-eyes), approvers. */
#include <stdlib.h>
#include <string.h>

#include "../core/plan_snapshot.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

/* Columns of PV_COLS, then the snapshot (NULL in lists). */
static void read_version(struct query *q, struct arena *a, void *item)
{
	struct plan_version *v = item;
	enum plan_version_status st = PLAN_VERSION_SUBMITTED;

	v->id = q_col_int(q, 0);
	v->version = q_col_int(q, 1);
	v->number = q_col_int(q, 2);
	if (plan_version_status_parse(q_col_text(q, a, 3), &st) < 0)
		st = PLAN_VERSION_SUBMITTED;
	v->status = st;
	v->note = q_col_text(q, a, 4);
	v->submitted_by = q_col_int(q, 5);
	v->submitted_by_name = q_col_is_null(q, 6) ? "" : q_col_text(q, a, 6);
	v->submitted_at = q_col_int(q, 7);
	v->decided_by = q_col_int(q, 8);
	v->decided_by_name = q_col_is_null(q, 9) ? "" : q_col_text(q, a, 9);
	v->decided_at = q_col_int(q, 10);
	v->comment = q_col_text(q, a, 11);
	v->history_id = q_col_int(q, 12);
	v->snapshot = q_col_is_null(q, 13) ? NULL : q_col_text(q, a, 13);
}

enum kf_err store_plan_version_list(struct store_conn *c, struct arena *a, int64_t org, struct plan_version **list_r,
				    size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_PLAN_VERSION_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_version, (void **)list_r, n_r);
}

enum kf_err store_plan_version_get(struct store_conn *c, struct arena *a, int64_t org, int64_t number,
				   struct plan_version *out)
{
	enum kf_err err;
	struct query q;

	memset(out, 0, sizeof(*out));
	if (number > 0) {
		q_start(&q, c, STMT_PLAN_VERSION_GET);
		q_int(&q, 1, org);
		q_int(&q, 2, number);
	} else {
		q_start(&q, c, STMT_PLAN_VERSION_APPROVED);
		q_int(&q, 1, org);
	}
	err = q_one(&q);
	if (!err)
		read_version(&q, a, out);
	return q_end(&q, err);
}

enum kf_err store_plan_version_approved_head(struct store_conn *c, struct arena *a, int64_t org, struct plan_version *out)
{
	enum kf_err err;
	struct query q;

	memset(out, 0, sizeof(*out));
	q_start(&q, c, STMT_PLAN_VERSION_APPROVED_HEAD);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (!err)
		read_version(&q, a, out);
	return q_end(&q, err);
}

static enum kf_err count_query(struct store_conn *c, enum stmt id, int64_t org, int64_t *n_r)
{
	enum kf_err err = KF_EDB;
	struct query q;

	q_start(&q, c, id);
	q_int(&q, 1, org);
	if (q_step(&q) == DB_ROW) {
		*n_r = q_col_int(&q, 0);
		err = KF_OK;
	}
	q_done(&q);
	return err;
}

enum kf_err store_plan_history_id(struct store_conn *c, int64_t org, int64_t *id_r)
{
	return count_query(c, STMT_PLAN_VERSION_LAST_HISTORY, org, id_r);
}

enum kf_err store_plan_changed_since(struct store_conn *c, int64_t org, const struct plan_version *v, int *changed_r)
{
	int64_t last = 0;
	enum kf_err err = store_plan_history_id(c, org, &last);

	*changed_r = !err && last > v->history_id;
	return err;
}

enum kf_err store_plan_approver(struct store_conn *c, int64_t org, int64_t user, int *may_r, int *flag_r)
{
	enum kf_err err;
	struct query q;

	*may_r = 0;
	if (flag_r)
		*flag_r = 0;
	q_start(&q, c, STMT_PLAN_APPROVER_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, user);
	err = q_one(&q);
	if (!err) {
		*may_r = (int)q_col_int(&q, 0);
		if (flag_r)
			*flag_r = (int)q_col_int(&q, 1);
	}
	return q_end(&q, err);
}

enum kf_err store_plan_approver_set(struct store_conn *c, int64_t org, int64_t actor, int64_t user, int may_approve)
{
	enum kf_err err;
	struct query q;
	int may = 0, flag = 0;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_plan_approver(c, org, user, &may, &flag);
	if (err)
		goto fail;
	q_start(&q, c, STMT_PLAN_APPROVER_SET);
	q_int(&q, 1, org);
	q_int(&q, 2, user);
	q_int(&q, 3, may_approve ? 1 : 0);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = history_snapshots(c, org, "member", user, "update", actor, 1,
				json_pack("{s:I, s:b}", "user_id", (json_int_t)user, "may_approve", flag), 1,
				json_pack("{s:I, s:b}", "user_id", (json_int_t)user, "may_approve", may_approve ? 1 : 0));
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

/* Inside the transaction: tells every approver but the submitter that version number waits. */
static enum kf_err notify_approvers(struct store_conn *c, int64_t org, int64_t submitter, const char *number,
				   const char *link)
{
	int64_t users[128];
	size_t n = 0;
	enum db_step rc;
	enum kf_err err = KF_OK;
	struct query q;

	q_start(&q, c, STMT_PLAN_APPROVERS);
	q_int(&q, 1, org);
	while ((rc = q_step(&q)) == DB_ROW && n < sizeof(users) / sizeof(users[0]))
		users[n++] = q_col_int(&q, 0);
	q_done(&q);
	if (rc == DB_ERROR)
		return KF_EDB;
	for (size_t i = 0; !err && i < n; i++)
		if (users[i] != submitter)
			err = store_notify(c, org, users[i], NOTIFY_APPROVAL,
					   N_("Version %s of the emergency plan waits for your approval."), number, link);
	return err;
}

/* exports */
enum kf_err store_restore_test_list_all(struct store_conn *c, struct arena *a, int64_t org, const struct plan_data *d,
					struct restore_test **list_r, size_t *n_r)
{
	struct restore_test *all = NULL, *list;
	size_t n = 0, cap = 0, nlist;
	enum kf_err err;

	for (size_t i = 0; i < d->nbackups; i++) {
		if ((err = store_restore_test_list(c, a, org, d->backups[i].id, &list, &nlist)))
			return err;
		for (size_t k = 0; k < nlist; k++) {
			all = arena_array_grow(a, all, n, &cap, sizeof(*all));
			if (!all)
				return KF_ENOMEM;
			all[n++] = list[k];
		}
	}
	*list_r = all;
	*n_r = n;
	return KF_OK;
}

static enum kf_err load_snapshot(struct store_conn *c, struct arena *a, int64_t org, char **text_r)
{
	struct plan_data d;
	struct alarm_step *steps;
	struct restore_test *tests;
	struct recovery_overrides ov;
	struct risk_settings rs;
	struct plan_snapshot_extra x = { 0 };
	size_t nsteps;
	enum kf_err err;
	json_t *j;

	if ((err = store_plan_load(c, a, org, &d)) || (err = store_alarm_step_list(c, a, org, &steps, &nsteps)) ||
	    (err = store_restore_test_list_all(c, a, org, &d, &tests, &x.nrestore_tests)) ||
	    (err = store_recovery_overrides_get(c, a, org, &ov)) || (err = store_risk_settings_get(c, org, &rs)))
		return err;
	x.restore_tests = tests;
	x.overrides = &ov;
	x.risk_settings = &rs;
	j = plan_snapshot_json_full(&d, steps, nsteps, &x);
	*text_r = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	return *text_r ? KF_OK : KF_ENOMEM;
}

enum kf_err store_plan_version_submit(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      const char *note, struct plan_version *out)
{
	char *snap = NULL, num[24], link[64];
	int64_t pending = 0, number = 0, hist = 0;
	enum kf_err err;
	struct query q;
	int rc;

	err = tx_begin(c);
	if (err)
		return err;
	if ((err = count_query(c, STMT_PLAN_VERSION_PENDING, org, &pending)))
		goto fail;
	if (pending) {
		err = KF_EEXIST;
		goto fail;
	}
	if ((err = count_query(c, STMT_PLAN_VERSION_NEXT, org, &number)) ||
	    (err = store_plan_history_id(c, org, &hist)) || (err = load_snapshot(c, a, org, &snap)))
		goto fail;
	q_start(&q, c, STMT_PLAN_VERSION_INSERT);
	q_int(&q, 1, org);
	q_int(&q, 2, number);
	q_text(&q, 3, note);
	q_text(&q, 4, snap);
	q_int(&q, 5, hist);
	q_int(&q, 6, actor);
	q_int(&q, 7, kf_now());
	rc = q_exec(&q);
	if (rc < 0) {
		err = rc == -2 ? KF_EEXIST : KF_EDB;
		goto fail;
	}
	if ((err = store_plan_version_get(c, a, org, number, out)))
		goto fail;
	snprintf(num, sizeof(num), "%lld", (long long)number);
	snprintf(link, sizeof(link), "/o/%lld/plan-versions", (long long)org);
	err = history_snapshots(c, org, "plan_version", out->id, "create", actor, 0, NULL, 1,
				plan_version_to_json(out, 0));
	if (!err)
		err = notify_approvers(c, org, actor, num, link);
	if (err)
		goto fail;
	free(snap);
	return tx_commit(c);
fail:
	free(snap);
	tx_rollback(c);
	return err;
}

enum kf_err store_plan_version_decide(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      int64_t number, int64_t expected_version, int approve, const char *comment,
				      struct plan_version *out, struct plan_version *current_r, int *own_r)
{
	char num[24], link[64];
	enum kf_err err;
	struct query q;
	int may = 0;

	*own_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	if ((err = store_plan_version_get(c, a, org, number, current_r)))
		goto fail;
	if ((err = store_plan_approver(c, org, actor, &may, NULL)))
		goto fail;
	if (!may || current_r->submitted_by == actor) {
		*own_r = may && current_r->submitted_by == actor;
		err = KF_EPERM;
		goto fail;
	}
	if (current_r->version != expected_version) {
		err = KF_ECONFLICT;
		goto fail;
	}
	if (current_r->status != PLAN_VERSION_SUBMITTED) {
		err = KF_EINVAL;
		goto fail;
	}
	q_start(&q, c, STMT_PLAN_VERSION_DECIDE);
	q_int(&q, 1, org);
	q_int(&q, 2, number);
	q_text(&q, 3, plan_version_status_name(approve ? PLAN_VERSION_APPROVED : PLAN_VERSION_RETURNED));
	q_int(&q, 4, actor);
	q_int(&q, 5, kf_now());
	q_text(&q, 6, comment ? comment : "");
	q_int(&q, 7, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	if ((err = store_plan_version_get(c, a, org, number, out)))
		goto fail;
	snprintf(num, sizeof(num), "%lld", (long long)number);
	snprintf(link, sizeof(link), "/o/%lld/plan-versions", (long long)org);
	err = history_snapshots(c, org, "plan_version", out->id, "update", actor, 1, plan_version_to_json(current_r, 0),
				1, plan_version_to_json(out, 0));
	if (!err && out->submitted_by)
		err = store_notify(c, org, out->submitted_by, NOTIFY_APPROVAL,
				   approve ? N_("Version %s of the emergency plan was approved.") :
					     N_("Version %s of the emergency plan was returned with a comment."),
				   num, link);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
