/* store_contact.c: contacts and their phone numbers, with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct contact, id) == 0, "q_attach finds contacts by their leading id");

static void read_contact(struct query *q, struct arena *a, void *item)
{
	struct contact *ct = item;
	const char *lv;

	contact_init(ct);
	ct->id = q_col_int(q, 0);
	ct->version = q_col_int(q, 1);
	ct->name = q_col_text(q, a, 2);
	ct->company = q_col_text(q, a, 3);
	ct->function = q_col_text(q, a, 4);
	ct->email = q_col_text(q, a, 5);
	ct->notes = q_col_text(q, a, 6);
	ct->external = (int)q_col_int(q, 7);
	lv = q_col_text(q, a, 8);
	if (strlen(lv) < sizeof(ct->last_verified))
		memcpy(ct->last_verified, lv, strlen(lv) + 1);
	ct->created_at = q_col_int(q, 9);
	ct->updated_at = q_col_int(q, 10);
}

/* A row (contact_id, kind, number) onto its contact. */
static void add_phone(struct query *q, struct arena *a, void *item)
{
	struct contact *ct = item;
	struct phone *ph;

	if (ct->nphones >= CONTACT_MAX_PHONES)
		return;
	ph = &ct->phones[ct->nphones++];
	if (phone_kind_parse(q->c->store->drv->col_text(q->st, 1), &ph->kind) < 0)
		ph->kind = PHONE_OTHER;
	ph->number = q_col_text(q, a, 2);
}

enum kf_err store_contact_list(struct store_conn *c, struct arena *a, int64_t org, struct contact **list_r, size_t *n_r)
{
	return q_list_with_children(c, a, org, STMT_CONTACT_LIST, STMT_CONTACT_PHONES_OF_ORG, sizeof(**list_r), read_contact, add_phone, (void **)list_r, n_r);
}

enum kf_err store_contact_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct contact *out)
{
	return q_get_with_children(c, a, org, id, STMT_CONTACT_GET, STMT_CONTACT_PHONES, read_contact, add_phone, out);
}

static enum kf_err write_phones(struct store_conn *c, int64_t org, const void *item)
{
	const struct contact *ct = item;
	struct query q;
	int i;

	q_start(&q, c, STMT_CONTACT_PHONES_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, ct->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (i = 0; i < ct->nphones; i++) {
		q_start(&q, c, STMT_CONTACT_PHONE_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, ct->id);
		q_int(&q, 3, i);
		q_text(&q, 4, phone_kind_name(ct->phones[i].kind));
		q_text(&q, 5, ct->phones[i].number);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

/* review marks: the chapters this change affects, in the same transaction */
static enum kf_err mark_contact(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
				const void *before, const void *after)
{
	(void)a;
	return review_mark_contact(c, org, actor, action, before, after);
}

/* The item's own columns from first on: name .. last_verified. */
static int bind_contact_fields(struct query *q, const void *item, int first)
{
	const struct contact *ct = item;

	q_text(q, first, ct->name);
	q_text(q, first + 1, ct->company);
	q_text(q, first + 2, ct->function);
	q_text(q, first + 3, ct->email);
	q_text(q, first + 4, ct->notes);
	q_int(q, first + 5, ct->external ? 1 : 0);
	q_text_or_null(q, first + 6, ct->last_verified);
	return 7;
}

static json_t *contact_json(const void *item)
{
	return contact_to_json(item);
}

static enum kf_err contact_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **used_r)
{
	const char *names = NULL;
	enum kf_err err = KF_OK;
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_CONTACT_USED_BY_ROLES);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	while ((rc = q_step(&q)) == DB_ROW) {
		const char *name = c->store->drv->col_text(q.st, 0);

		names = names ? arena_printf(a, "%s, %s", names, name) : arena_strdup(a, name);
		if (!names) {
			err = KF_ENOMEM;
			break;
		}
	}
	if (!err && rc != DB_DONE)
		err = KF_EDB;
	q_done(&q);
	if (!err)
		err = alarm_contact_used_by(c, a, org, id, &names);
	*used_r = names;
	return err;
}

static const struct store_register contacts = {
	.item = &store_item_contact, .entity = "contact",
	.insert = STMT_CONTACT_INSERT, .update = STMT_CONTACT_UPDATE, .remove = STMT_CONTACT_DELETE,
	.bind = bind_contact_fields, .to_json = contact_json, .children = write_phones, .used_by = contact_used_by,
	.after_write = mark_contact,
};

enum kf_err store_contact_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct contact *ct)
{
	return register_create(c, a, org, actor, &contacts, ct, NULL);
}

enum kf_err store_contact_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct contact *ct, struct contact *current_r)
{
	return register_update(c, a, org, actor, &contacts, expected_version, ct, current_r, NULL);
}

enum kf_err store_contact_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct contact *current_r, const char **used_by_r)
{
	return register_delete(c, a, org, actor, &contacts, id, expected_version, current_r, used_by_r);
}
