/* store_comm.c: communication templates of step 4 (with history), adopting starters, and the placeholder values from the plan. */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "store_register.h"
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

/* The item's own columns from first on: audience .. body. */
static int bind_template(struct query *q, const void *item, int first)
{
	const struct comm_template *t = item;

	q_text(q, first, comm_audience_name(t->audience));
	q_text(q, first + 1, t->title);
	q_text(q, first + 2, t->subject);
	q_text(q, first + 3, t->body);
	return 4;
}

static json_t *template_json(const void *item)
{
	return comm_template_to_json(item);
}

static const struct store_register templates = {
	.item = &store_item_comm_template, .entity = "comm_template",
	.insert = STMT_COMM_TEMPLATE_INSERT, .update = STMT_COMM_TEMPLATE_UPDATE, .remove = STMT_COMM_TEMPLATE_DELETE,
	.bind = bind_template, .to_json = template_json,
};

enum kf_err store_comm_template_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				       struct comm_template *t)
{
	return register_create(c, a, org, actor, &templates, t, NULL);
}

enum kf_err store_comm_template_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				       int64_t expected_version, struct comm_template *t,
				       struct comm_template *current_r)
{
	return register_update(c, a, org, actor, &templates, expected_version, t, current_r, NULL);
}

enum kf_err store_comm_template_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				       int64_t expected_version, struct comm_template *current_r)
{
	return register_delete(c, a, org, actor, &templates, id, expected_version, current_r, NULL);
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
		else if (!(err = register_create(c, a, org, actor, &templates, &items[i], NULL)))
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
