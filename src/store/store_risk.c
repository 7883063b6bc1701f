/* store_risk.c: the risk register with its BSI threat references, with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct risk, id) == 0, "q_attach finds risks by their leading id");

static void read_risk(struct query *q, struct arena *a, void *item)
{
	struct risk *k = item;
	const char *s;

	risk_init(k);
	k->id = q_col_int(q, 0);
	k->version = q_col_int(q, 1);
	k->title = q_col_text(q, a, 2);
	s = q->c->store->drv->col_text(q->st, 3);
	if (strcmp(s, "custom") == 0) {
		k->category = RISK_CAT_OWN;
		k->category_id = q_col_int(q, 14);
		k->category_name = q_col_is_null(q, 15) ? "" : q_col_text(q, a, 15);
	} else if (risk_category_parse(s, &k->category) < 0) {
		k->category = RISK_CAT_TECHNICAL; /* not reached: the table's CHECK allows only known names */
	}
	k->description = q_col_text(q, a, 4);
	k->likelihood = (int)q_col_int(q, 5);
	k->impact = (int)q_col_int(q, 6);
	k->owner_contact_id = q_col_is_null(q, 7) ? 0 : q_col_int(q, 7);
	k->measures = q_col_text(q, a, 8);
	if (risk_status_parse(q->c->store->drv->col_text(q->st, 9), &k->status) < 0)
		k->status = RISK_OPEN;
	s = q->c->store->drv->col_text(q->st, 10);
	if (strlen(s) < sizeof(k->review_date))
		memcpy(k->review_date, s, strlen(s) + 1);
	k->immediate_actions = q_col_text(q, a, 11);
	k->created_at = q_col_int(q, 12);
	k->updated_at = q_col_int(q, 13);
}

/* A row (risk_id, ref) onto its risk, in order; refs point into the static threat list. */
static void add_threat(struct query *q, struct arena *a, void *item)
{
	const struct bsi_threat *t = bsi_threat_find(q->c->store->drv->col_text(q->st, 1));
	struct risk *k = item;

	(void)a;
	if (t && k->nthreats < RISK_MAX_THREATS)
		k->threat_refs[k->nthreats++] = t->id;
}

/* A row (risk_id, 0 = process / 1 = system, item id) onto its risk. */
static void add_link(struct query *q, struct arena *a, void *item)
{
	struct risk *k = item;

	(void)a;
	if (q_col_int(q, 1) == 0 && k->nprocesses < RISK_MAX_LINKS)
		k->process_ids[k->nprocesses++] = q_col_int(q, 2);
	else if (q_col_int(q, 1) == 1 && k->nsystems < RISK_MAX_LINKS)
		k->system_ids[k->nsystems++] = q_col_int(q, 2);
}

/* The organisation's scale and each risk's cost of one day, over the processes and systems as stored. */
static enum kf_err fill_computed(struct store_conn *c, struct arena *a, int64_t org, struct risk *list, size_t n)
{
	struct risk_settings rs;
	struct process *procs;
	struct system *systems;
	size_t np, ns;
	enum kf_err err;

	err = store_risk_settings_get(c, org, &rs);
	if (err || n == 0)
		return err;
	err = store_process_list(c, a, org, &procs, &np);
	if (!err)
		err = store_system_list(c, a, org, &systems, &ns);
	if (err)
		return err;
	for (size_t i = 0; i < n; i++) {
		list[i].scale = rs.scale;
		list[i].cost_per_day = risk_cost_per_day(&list[i], systems, ns, procs, np);
		if (list[i].cost_per_day < 0)
			return KF_ENOMEM;
	}
	return KF_OK;
}

enum kf_err store_risk_list(struct store_conn *c, struct arena *a, int64_t org, struct risk **list_r, size_t *n_r)
{
	enum kf_err err;
	struct query q;

	err = q_list_with_children(c, a, org, STMT_RISK_LIST, STMT_RISK_THREATS_OF_ORG, sizeof(**list_r), read_risk,
				   add_threat, (void **)list_r, n_r);
	if (err)
		return err;
	q_start(&q, c, STMT_RISK_LINKS_OF_ORG);
	q_int(&q, 1, org);
	err = q_attach(&q, a, *list_r, *n_r, sizeof(**list_r), add_link);
	if (!err)
		err = fill_computed(c, a, org, *list_r, *n_r);
	if (err)
		*n_r = 0;
	return err;
}

enum kf_err store_risk_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct risk *out)
{
	enum kf_err err;
	struct query q;

	err = q_get_with_children(c, a, org, id, STMT_RISK_GET, STMT_RISK_THREATS, read_risk, add_threat, out);
	if (err)
		return err;
	q_start(&q, c, STMT_RISK_LINKS);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_attach(&q, a, out, 1, 0, add_link);
	if (!err)
		err = fill_computed(c, a, org, out, 1);
	return err;
}

/* 1 when the query (?1 = org, ?2 = id) finds a row; -1 on a database error. */
static int found(struct store_conn *c, enum stmt st, int64_t org, int64_t id)
{
	enum kf_err err = q_exists(c, st, org, id);

	return err == KF_OK ? 1 : err == KF_ENOTFOUND ? 0 : -1;
}

/* Each id must be a live item of the organisation (unknown, deleted and other organisations' ids look alike). */
static enum kf_err check_ids(struct store_conn *c, enum stmt st, int64_t org, const int64_t *ids, int n,
			     const char *name, const char *msg, struct field_errors *fe)
{
	char field[48];

	for (int i = 0; i < n; i++) {
		int f;

		snprintf(field, sizeof(field), "%s[%d]", name, i);
		if (fe_get(fe, field))
			continue;
		f = found(c, st, org, ids[i]);
		if (f < 0)
			return KF_EDB;
		if (!f)
			fe_add(fe, field, msg);
	}
	return KF_OK;
}

enum kf_err store_risk_check_owner(struct store_conn *c, const struct risk *k, int64_t org, struct field_errors *fe)
{
	struct risk_settings rs;
	struct query q;
	enum db_step rc;
	enum kf_err err;
	int f;

	if (k->owner_contact_id) {
		q_start(&q, c, STMT_CONTACT_EXISTS);
		q_int(&q, 1, org);
		q_int(&q, 2, k->owner_contact_id);
		rc = q_step(&q);
		q_done(&q);
		if (rc != DB_ROW && rc != DB_DONE)
			return KF_EDB;
		if (rc == DB_DONE)
			fe_add(fe, "owner_contact_id", N_("is not a contact of this organisation"));
	}
	if (k->category == RISK_CAT_OWN && !fe_get(fe, "category")) {
		f = found(c, STMT_RISK_OWNCAT_EXISTS, org, k->category_id);
		if (f < 0)
			return KF_EDB;
		if (!f)
			fe_add(fe, "category", N_("is not an own category of this organisation"));
	}
	err = check_ids(c, STMT_RISK_PROCESS_EXISTS, org, k->process_ids, k->nprocesses, "process_ids",
			N_("is not a process of this organisation"), fe);
	if (!err)
		err = check_ids(c, STMT_SYSTEM_EXISTS, org, k->system_ids, k->nsystems, "system_ids",
				N_("is not an IT system of this organisation"), fe);
	/* the scale may have changed since the input was read: values beyond it are refused here too */
	if (!err)
		err = store_risk_settings_get(c, org, &rs);
	if (err)
		return err;
	if (k->likelihood > risk_scale_size(rs.scale))
		fe_add(fe, "likelihood", risk_scale_msg(rs.scale));
	if (k->impact > risk_scale_size(rs.scale))
		fe_add(fe, "impact", risk_scale_msg(rs.scale));
	return fe->n ? KF_EINVAL : KF_OK;
}

/* The affected processes and systems, replaced as a whole. */
enum kf_err risk_write_links(struct store_conn *c, int64_t org, const struct risk *k)
{
	struct query q;
	int i;

	q_start(&q, c, STMT_RISK_PROCESSES_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, k->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	q_start(&q, c, STMT_RISK_SYSTEMS_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, k->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (i = 0; i < k->nprocesses; i++) {
		q_start(&q, c, STMT_RISK_PROCESS_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, k->id);
		q_int(&q, 3, i);
		q_int(&q, 4, k->process_ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	for (i = 0; i < k->nsystems; i++) {
		q_start(&q, c, STMT_RISK_SYSTEM_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, k->id);
		q_int(&q, 3, i);
		q_int(&q, 4, k->system_ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

/* The threats and the affected processes and systems. */
static enum kf_err write_threats(struct store_conn *c, int64_t org, const void *item)
{
	const struct risk *k = item;
	struct query q;
	int i;

	q_start(&q, c, STMT_RISK_THREATS_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, k->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (i = 0; i < k->nthreats; i++) {
		q_start(&q, c, STMT_RISK_THREAT_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, k->id);
		q_int(&q, 3, i);
		q_text(&q, 4, k->threat_refs[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return risk_write_links(c, org, k);
}

/* The item's own columns from first on: title .. immediate_actions. */
static int bind_risk_fields(struct query *q, const void *item, int first)
{
	const struct risk *k = item;

	q_text(q, first, k->title);
	q_text(q, first + 1, risk_category_name(k->category));
	q_text(q, first + 2, k->description);
	q_int(q, first + 3, k->likelihood);
	q_int(q, first + 4, k->impact);
	q_id_or_null(q, first + 5, k->owner_contact_id);
	q_text(q, first + 6, k->measures);
	q_text(q, first + 7, risk_status_name(k->status));
	q_text_or_null(q, first + 8, k->review_date);
	q_text(q, first + 9, k->immediate_actions);
	return 10;
}

/* riskcfg: the own category, after the time and the actor (insert ?14, update ?16) */
static void bind_risk_category(struct query *q, const void *item, int first)
{
	const struct risk *k = item;

	q_id_or_null(q, first, k->category == RISK_CAT_OWN ? k->category_id : 0);
}

static enum kf_err check_risk(struct store_conn *c, struct arena *a, const void *item, int64_t org,
			      struct field_errors *fe)
{
	(void)a;
	return store_risk_check_owner(c, item, org, fe);
}

static json_t *risk_json(const void *item)
{
	return risk_to_json(item);
}

static const struct store_register risk_register = {
	.item = &store_item_risk, .entity = "risk",
	.insert = STMT_RISK_INSERT, .update = STMT_RISK_UPDATE, .remove = STMT_RISK_DELETE,
	.bind = bind_risk_fields, .to_json = risk_json, .check_refs = check_risk, .children = write_threats,
	.bind_tail = bind_risk_category,
};

enum kf_err store_risk_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct risk *k,
			      struct field_errors *fe)
{
	return register_create(c, a, org, actor, &risk_register, k, fe);
}

enum kf_err store_risk_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct risk *k, struct risk *current_r, struct field_errors *fe)
{
	return register_update(c, a, org, actor, &risk_register, expected_version, k, current_r, fe);
}

enum kf_err store_risk_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct risk *current_r)
{
	return register_delete(c, a, org, actor, &risk_register, id, expected_version, current_r, NULL);
}

enum kf_err store_risk_adopt(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct risk *risks,
			     size_t n, size_t *created_r, size_t *skipped_r)
{
	struct field_errors fe = { 0 }; /* a suggestion names no contact, category or link of the plan */
	struct risk_settings rs;
	enum kf_err err;
	struct query q;
	enum db_step rc;
	size_t i;

	*created_r = *skipped_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	err = store_risk_settings_get(c, org, &rs);
	for (i = 0; i < n && !err; i++) {
		risk_rescale(&risks[i], rs.scale); /* the suggestions are on the 5×5 scale */
		q_start(&q, c, STMT_RISK_TITLE_TAKEN);
		q_int(&q, 1, org);
		q_text(&q, 2, risks[i].title);
		rc = q_step(&q);
		q_done(&q);
		if (rc != DB_ROW && rc != DB_DONE)
			err = KF_EDB;
		else if (rc == DB_ROW)
			++*skipped_r;
		else if (!(err = store_risk_create(c, a, org, actor, &risks[i], &fe)))
			++*created_r;
	}
	if (err) {
		tx_rollback(c);
		*created_r = *skipped_r = 0;
		return err;
	}
	return tx_commit(c);
}
