/* store_ack.c: staff acknowledgements of step 4 (one per internal contact), with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

static void read_ack(struct query *q, struct arena *a, void *item)
{
	struct acknowledgement *k = item;
	const char *s;

	ack_init(k);
	k->id = q_col_int(q, 0);
	k->version = q_col_int(q, 1);
	k->contact_id = q_col_int(q, 2);
	s = q->c->store->drv->col_text(q->st, 3);
	if (strlen(s) < sizeof(k->confirmed_on))
		memcpy(k->confirmed_on, s, strlen(s) + 1);
	if (ack_how_parse(q->c->store->drv->col_text(q->st, 4), &k->how) < 0)
		k->how = ACK_OTHER; /* not reached: the table's CHECK allows only known names */
	k->notes = q_col_text(q, a, 5);
	k->created_at = q_col_int(q, 6);
	k->updated_at = q_col_int(q, 7);
}

enum kf_err store_ack_list(struct store_conn *c, struct arena *a, int64_t org, struct acknowledgement **list_r,
			   size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_ACK_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_ack, (void **)list_r, n_r);
}

enum kf_err store_ack_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct acknowledgement *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_ACK_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_ack(&q, a, out);
	return q_end(&q, err);
}

enum person_state { PERSON_OK, PERSON_UNKNOWN, PERSON_EXTERNAL, PERSON_CONFIRMED };

/* Whether contact_id may confirm: a live internal contact here without another acknowledgement than self_id. */
static enum kf_err person_state(struct store_conn *c, int64_t org, int64_t contact_id, int64_t self_id,
				enum person_state *state_r)
{
	struct query q;
	enum db_step rc;
	int64_t external = 0;

	q_start(&q, c, STMT_CONTACT_EXTERNAL);
	q_int(&q, 1, org);
	q_int(&q, 2, contact_id);
	rc = q_step(&q);
	if (rc == DB_ROW)
		external = q_col_int(&q, 0);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	if (rc == DB_DONE || external) {
		*state_r = rc == DB_DONE ? PERSON_UNKNOWN : PERSON_EXTERNAL;
		return KF_OK;
	}
	q_start(&q, c, STMT_ACK_CONTACT_TAKEN);
	q_int(&q, 1, org);
	q_int(&q, 2, contact_id);
	q_int(&q, 3, self_id);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	*state_r = rc == DB_ROW ? PERSON_CONFIRMED : PERSON_OK;
	return KF_OK;
}

static const char *const person_msgs[] = {
	[PERSON_OK] = NULL,
	[PERSON_UNKNOWN] = N_("is not a contact of this organisation"),
	[PERSON_EXTERNAL] = N_("is an external contact; only staff members confirm"),
	[PERSON_CONFIRMED] = N_("has confirmed already; change that confirmation instead"),
};

enum kf_err store_ack_check_person(struct store_conn *c, const struct acknowledgement *k, int64_t org,
				   const char *field, struct field_errors *fe)
{
	enum person_state st;
	enum kf_err err;

	if (k->contact_id <= 0)
		return fe->n ? KF_EINVAL : KF_OK;
	err = person_state(c, org, k->contact_id, k->id, &st);
	if (err)
		return err;
	if (st != PERSON_OK)
		fe_add(fe, field, person_msgs[st]);
	return fe->n ? KF_EINVAL : KF_OK;
}

/* The item's own columns from first on: contact_id .. notes. */
static int bind_ack(struct query *q, const void *item, int first)
{
	const struct acknowledgement *k = item;

	q_int(q, first, k->contact_id);
	q_text(q, first + 1, k->confirmed_on);
	q_text(q, first + 2, ack_how_name(k->how));
	q_text(q, first + 3, k->notes);
	return 4;
}

static enum kf_err check_ack(struct store_conn *c, struct arena *a, const void *item, int64_t org,
			     struct field_errors *fe)
{
	(void)a;
	return store_ack_check_person(c, item, org, "contact_id", fe);
}

static json_t *ack_json(const void *item)
{
	return ack_to_json(item);
}

static const struct store_register acks = {
	.item = &store_item_ack, .entity = "acknowledgement",
	.insert = STMT_ACK_INSERT, .update = STMT_ACK_UPDATE, .remove = STMT_ACK_DELETE,
	.bind = bind_ack, .to_json = ack_json, .check_refs = check_ack,
};

enum kf_err store_ack_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			     struct acknowledgement *k, struct field_errors *fe)
{
	return register_create(c, a, org, actor, &acks, k, fe);
}

enum kf_err store_ack_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			     int64_t expected_version, struct acknowledgement *k, struct acknowledgement *current_r,
			     struct field_errors *fe)
{
	return register_update(c, a, org, actor, &acks, expected_version, k, current_r, fe);
}

enum kf_err store_ack_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			     int64_t expected_version, struct acknowledgement *current_r)
{
	return register_delete(c, a, org, actor, &acks, id, expected_version, current_r, NULL);
}

enum kf_err store_ack_bulk(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			   struct acknowledgement *list, size_t n, size_t *created_r, size_t *skipped_r,
			   struct field_errors *fe)
{
	struct store_register checked = acks; /* each person is checked below, where a confirmed one is skipped */
	enum kf_err err;
	size_t i;

	checked.check_refs = NULL;
	*created_r = *skipped_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	for (i = 0; i < n && !err; i++) {
		enum person_state st;

		list[i].id = 0;
		err = person_state(c, org, list[i].contact_id, 0, &st);
		if (err)
			break;
		if (st == PERSON_CONFIRMED) {
			++*skipped_r;
		} else if (st != PERSON_OK) {
			fe_add(fe, "contact", person_msgs[st]);
			err = KF_EINVAL;
		} else if (!(err = register_create(c, a, org, actor, &checked, &list[i], fe))) {
			++*created_r;
		}
	}
	if (err) {
		tx_rollback(c);
		*created_r = *skipped_r = 0;
		return err;
	}
	return tx_commit(c);
}
