/* store_contact.c: contacts and their phone numbers, with history in the same transaction. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

static void read_contact(struct query *q, struct arena *a, struct contact *ct)
{
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

static void add_phone(struct contact *ct, struct query *q, struct arena *a, int kind_col)
{
	struct phone *ph;

	if (ct->nphones >= CONTACT_MAX_PHONES)
		return;
	ph = &ct->phones[ct->nphones++];
	if (phone_kind_parse(q->c->store->drv->col_text(q->st, kind_col), &ph->kind) < 0)
		ph->kind = PHONE_OTHER;
	ph->number = q_col_text(q, a, kind_col + 1);
}

enum kf_err store_contact_list(struct store_conn *c, struct arena *a, int64_t org, struct contact **list_r, size_t *n_r)
{
	struct contact *list = NULL;
	size_t n = 0, cap = 0, i, last = 0;
	enum kf_err err = KF_OK;
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_CONTACT_LIST);
	q_int(&q, 1, org);
	while ((rc = q_step(&q)) == DB_ROW) {
		if (n == cap) {
			struct contact *more;

			cap = cap ? cap * 2 : 32;
			more = ARENA_NEW(a, struct contact, cap);
			if (!more) {
				err = KF_ENOMEM;
				break;
			}
			if (n)
				memcpy(more, list, n * sizeof(*list));
			list = more;
		}
		read_contact(&q, a, &list[n++]);
	}
	if (!err && rc != DB_DONE)
		err = KF_EDB;
	q_done(&q);
	if (err)
		goto out;
	q_start(&q, c, STMT_CONTACT_PHONES_OF_ORG);
	q_int(&q, 1, org);
	while ((rc = q_step(&q)) == DB_ROW) {
		int64_t cid = q_col_int(&q, 0);

		/* phones come grouped by contact, so the last match is usually the right one */
		if (n == 0)
			continue;
		if (list[last].id != cid)
			for (i = 0; i < n; i++)
				if (list[i].id == cid) {
					last = i;
					break;
				}
		if (list[last].id == cid)
			add_phone(&list[last], &q, a, 1);
	}
	if (rc != DB_DONE)
		err = KF_EDB;
	if (!err && q.failed)
		err = KF_ENOMEM;
	q_done(&q);
out:
	*list_r = list;
	*n_r = err ? 0 : n;
	return err;
}

enum kf_err store_contact_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct contact *out)
{
	enum kf_err err = KF_ENOTFOUND;
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_CONTACT_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	rc = q_step(&q);
	if (rc == DB_ROW) {
		read_contact(&q, a, out);
		err = KF_OK;
	} else if (rc != DB_DONE) {
		err = KF_EDB;
	}
	q_done(&q);
	if (err)
		return err;
	q_start(&q, c, STMT_CONTACT_PHONES);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	while ((rc = q_step(&q)) == DB_ROW)
		add_phone(out, &q, a, 0);
	if (rc != DB_DONE)
		err = KF_EDB;
	else if (q.failed)
		err = KF_ENOMEM;
	q_done(&q);
	return err;
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
	json_t *jb = NULL, *ja = NULL;
	enum kf_err err;

	if (after) {
		err = store_contact_get(c, a, org, after->id, after);
		if (err)
			return err;
	}
	jb = before ? contact_to_json(before) : NULL;
	ja = after ? contact_to_json(after) : NULL;
	if ((before && !jb) || (after && !ja))
		err = KF_ENOMEM;
	else
		err = history_write(c, org, "contact", after ? after->id : before->id, action, actor, jb, ja);
	json_decref(jb);
	json_decref(ja);
	return err;
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

enum kf_err store_contact_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct contact *ct)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_CONTACT_INSERT);
	q_int(&q, 1, org);
	bind_contact_fields(&q, ct, 2);
	q_int(&q, 9, kf_now());
	q_id_or_null(&q, 10, actor);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	ct->id = c->store->drv->last_insert_id(c->db);
	err = write_phones(c, org, ct);
	if (!err)
		err = contact_history(c, a, org, actor, "create", NULL, ct);
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
