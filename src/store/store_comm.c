/* store_comm.c: communication templates of step 4 (with history), adopting starters, and the placeholder values from the plan. */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

static void read_template(struct query *q, struct arena *a, void *item)
{
	struct comm_template *t = item;

	comm_template_init(t);
	t->id = q_col_int(q, 0);
	t->version = q_col_int(q, 1);
	if (comm_audience_parse(q->c->store->drv->col_text(q->st, 2), &t->audience) < 0)
		t->audience = AUDIENCE_STAFF; /* not reached: the table's CHECK allows only known names */
	t->title = q_col_text(q, a, 3);
	t->subject = q_col_text(q, a, 4);
	t->body = q_col_text(q, a, 5);
	t->created_at = q_col_int(q, 6);
	t->updated_at = q_col_int(q, 7);
}

enum kf_err store_comm_template_list(struct store_conn *c, struct arena *a, int64_t org, struct comm_template **list_r,
				     size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_COMM_TEMPLATE_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_template, (void **)list_r, n_r);
}

enum kf_err store_comm_template_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				    struct comm_template *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_COMM_TEMPLATE_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_template(&q, a, out);
	return q_end(&q, err);
}

static enum kf_err template_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    const char *action, const struct comm_template *before, struct comm_template *after)
{
	enum kf_err err;

	/* re-read, so the record shows what is stored */
	if (after && (err = store_comm_template_get(c, a, org, after->id, after)))
		return err;
	return history_snapshots(c, org, "comm_template", after ? after->id : before->id, action, actor, before != NULL,
				 before ? comm_template_to_json(before) : NULL, after != NULL, after ? comm_template_to_json(after) : NULL);
}

/* Inserts inside the caller's transaction, with history. */
static enum kf_err template_insert(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   struct comm_template *t)
{
	struct query q;

	q_start(&q, c, STMT_COMM_TEMPLATE_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, comm_audience_name(t->audience));
	q_text(&q, 3, t->title);
	q_text(&q, 4, t->subject);
	q_text(&q, 5, t->body);
	q_int(&q, 6, kf_now());
	q_id_or_null(&q, 7, actor);
	if (q_exec(&q) < 0)
		return KF_EDB;
	t->id = c->store->drv->last_insert_id(c->db);
	return template_history(c, a, org, actor, "create", NULL, t);
}

enum kf_err store_comm_template_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				       struct comm_template *t)
{
	enum kf_err err;

	err = tx_begin(c);
	if (err)
		return err;
	err = template_insert(c, a, org, actor, t);
	if (err) {
		tx_rollback(c);
		return err;
	}
	return tx_commit(c);
}

enum kf_err store_comm_template_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				       int64_t expected_version, struct comm_template *t,
				       struct comm_template *current_r)
{
	struct comm_template before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_comm_template_get(c, a, org, t->id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_COMM_TEMPLATE_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, t->id);
	q_int(&q, 3, expected_version);
	q_text(&q, 4, comm_audience_name(t->audience));
	q_text(&q, 5, t->title);
	q_text(&q, 6, t->subject);
	q_text(&q, 7, t->body);
	q_int(&q, 8, kf_now());
	q_id_or_null(&q, 9, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = template_history(c, a, org, actor, "update", &before, t);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_comm_template_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				       int64_t expected_version, struct comm_template *current_r)
{
	struct comm_template before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_comm_template_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_COMM_TEMPLATE_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = template_history(c, a, org, actor, "delete", &before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_comm_template_adopt(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      struct comm_template *items, size_t n, size_t *created_r, size_t *skipped_r)
{
	enum kf_err err;
	struct query q;
	enum db_step rc;
	size_t i;

	*created_r = *skipped_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	for (i = 0; i < n && !err; i++) {
		q_start(&q, c, STMT_COMM_TEMPLATE_TITLE_TAKEN);
		q_int(&q, 1, org);
		q_text(&q, 2, items[i].title);
		rc = q_step(&q);
		q_done(&q);
		if (rc != DB_ROW && rc != DB_DONE)
			err = KF_EDB;
		else if (rc == DB_ROW)
			++*skipped_r;
		else if (!(err = template_insert(c, a, org, actor, &items[i])))
			++*created_r;
	}
	if (err) {
		tx_rollback(c);
		*created_r = *skipped_r = 0;
		return err;
	}
	return tx_commit(c);
}

/* The first phone number of a contact, a mobile one preferred; NULL when none. */
static const char *first_phone(const struct contact *ct)
{
	for (int i = 0; i < ct->nphones; i++)
		if (ct->phones[i].kind == PHONE_MOBILE)
			return ct->phones[i].number;
	return ct->nphones ? ct->phones[0].number : NULL;
}

enum kf_err store_comm_values(struct store_conn *c, struct arena *a, int64_t org, const char *today,
			      struct comm_values *v)
{
	struct alarm_plan plan;
	struct contact leader;
	struct role *roles;
	struct org o;
	enum kf_err err;
	size_t nroles;
	char *datum;

	memset(v, 0, sizeof(*v));
	err = store_org_get(c, a, org, &o);
	if (!err)
		err = store_role_list(c, a, org, &roles, &nroles);
	if (!err)
		err = store_alarm_plan_get(c, a, org, &plan);
	if (err)
		return err;
	v->firma = o.name;
	v->treffpunkt = plan.meeting_place;
	for (size_t i = 0; i < nroles; i++) {
		if (strcasecmp(roles[i].name, "Notfallleitung") != 0 || !roles[i].primary_contact_id)
			continue;
		err = store_contact_get(c, a, org, roles[i].primary_contact_id, &leader);
		if (err == KF_ENOTFOUND)
			break;
		if (err)
			return err;
		v->notfallleitung = leader.name;
		v->notfallleitung_telefon = first_phone(&leader);
		break;
	}
	datum = arena_alloc(a, 11);
	if (!datum)
		return KF_ENOMEM;
	kf_date_german(today, datum);
	v->datum = datum;
	return KF_OK;
}
