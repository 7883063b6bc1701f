/* store_contact.c: contacts and their phone numbers, with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store-private.h"
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

static enum kf_err write_phones(struct store_conn *c, int64_t org, const struct contact *ct)
{
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

/* History of a contact write: reads the saved state back so the record shows what is stored. */
static enum kf_err contact_history(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
				   const struct contact *before, struct contact *after)
{
	enum kf_err err;

	/* re-read, so the record shows what is stored */
	if (after && (err = store_contact_get(c, a, org, after->id, after)))
		return err;
	err = history_snapshots(c, org, "contact", after ? after->id : before->id, action, actor, before != NULL,
				before ? contact_to_json(before) : NULL, after != NULL, after ? contact_to_json(after) : NULL);
	/* review marks: the chapters this change affects, in the same transaction */
	return err ? err : review_mark_contact(c, org, actor, action, before, after);
}

static void bind_contact_fields(struct query *q, const struct contact *ct, int first)
{
	q_text(q, first, ct->name);
	q_text(q, first + 1, ct->company);
	q_text(q, first + 2, ct->function);
	q_text(q, first + 3, ct->email);
	q_text(q, first + 4, ct->notes);
	q_int(q, first + 5, ct->external ? 1 : 0);
	q_text_or_null(q, first + 6, ct->last_verified);
}

enum kf_err contact_insert(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct contact *ct)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_CONTACT_INSERT);
	q_int(&q, 1, org);
	bind_contact_fields(&q, ct, 2);
	q_int(&q, 9, kf_now());
	q_id_or_null(&q, 10, actor);
	if (q_exec(&q) < 0)
		return KF_EDB;
	ct->id = c->store->drv->last_insert_id(c->db);
	err = write_phones(c, org, ct);
	if (!err)
		err = contact_history(c, a, org, actor, "create", NULL, ct);
	return err;
}

enum kf_err store_contact_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct contact *ct)
{
	enum kf_err err;

	err = tx_begin(c);
	if (err)
		return err;
	err = contact_insert(c, a, org, actor, ct);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_contact_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct contact *ct, struct contact *current_r)
{
	struct contact before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_contact_get(c, a, org, ct->id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_CONTACT_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, ct->id);
	q_int(&q, 3, expected_version);
	bind_contact_fields(&q, ct, 4);
	q_int(&q, 11, kf_now());
	q_id_or_null(&q, 12, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = write_phones(c, org, ct);
	if (!err)
		err = contact_history(c, a, org, actor, "update", &before, ct);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
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

enum kf_err store_contact_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct contact *current_r, const char **used_by_r)
{
	struct contact before;
	enum kf_err err;
	struct query q;

	*used_by_r = NULL;
	err = tx_begin(c);
	if (err)
		return err;
	err = store_contact_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	err = contact_used_by(c, a, org, id, used_by_r);
	if (err)
		goto fail;
	if (*used_by_r) {
		*current_r = before;
		err = KF_EINUSE;
		goto fail;
	}
	q_start(&q, c, STMT_CONTACT_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = contact_history(c, a, org, actor, "delete", &before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
