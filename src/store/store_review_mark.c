/* store_review_mark.c: the chapters that need a review after a change, marked in the change's transaction. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

/* 1 when the query bound to org (?1) and id (?2) has a row, 0 when none, -1 on errors. */
static int any_row(struct store_conn *c, enum stmt st, int64_t org, int64_t id)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, st);
	q_int(&q, 1, org);
	if (id)
		q_int(&q, 2, id);
	rc = q_step(&q);
	q_done(&q);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* Writes (or moves the time of) one open mark per chapter in marks. */
static enum kf_err write_marks(struct store_conn *c, int64_t org, int64_t actor, unsigned marks, const char *type,
			       int64_t id, const char *name, const char *action)
{
	struct query q;
	int active;

	if (!marks)
		return KF_OK;
	active = any_row(c, STMT_REVIEW_MARK_ACTIVE, org, 0);
	if (active < 0)
		return KF_EDB;
	if (!active)
		return KF_OK;
	for (int ch = 0; ch < CHAPTER__MAX; ch++) {
		if (!(marks & (1u << ch)))
			continue;
		q_start(&q, c, STMT_REVIEW_MARK_UPSERT);
		q_int(&q, 1, org);
		q_text(&q, 2, chapter_get(ch)->key);
		q_text(&q, 3, type);
		q_int(&q, 4, id);
		q_text(&q, 5, name ? name : "");
		q_text(&q, 6, action);
		q_int(&q, 7, kf_now());
		q_id_or_null(&q, 8, actor);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

enum kf_err review_mark_system(struct store_conn *c, int64_t org, int64_t actor, const char *action,
			       const struct system *before, const struct system *after)
{
	const struct system *s = after ? after : before;
	unsigned facts = 0;
	int wa;

	wa = any_row(c, STMT_REVIEW_MARK_SYSTEM_WORKAROUND, org, s->id);
	if (wa < 0)
		return KF_EDB;
	if (wa)
		facts |= CHANGE_F_WORKAROUND;
	return write_marks(c, org, actor, chapter_marks(CHANGE_SYSTEM, facts), "system", s->id, s->name, action);
}

static int same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* 1 when an update only confirmed the contact (last verified) and changed nothing the plan shows. */
static int only_verified(const struct contact *before, const struct contact *after)
{
	if (!before || !after || !same_text(before->name, after->name) || !same_text(before->company, after->company) ||
	    !same_text(before->function, after->function) || !same_text(before->email, after->email) ||
	    !same_text(before->notes, after->notes) || before->external != after->external ||
	    before->nphones != after->nphones)
		return 0;
	for (int i = 0; i < before->nphones && i < CONTACT_MAX_PHONES; i++)
		if (before->phones[i].kind != after->phones[i].kind ||
		    !same_text(before->phones[i].number, after->phones[i].number))
			return 0;
	return 1;
}

enum kf_err review_mark_contact(struct store_conn *c, int64_t org, int64_t actor, const char *action,
				const struct contact *before, const struct contact *after)
{
	const struct contact *ct = after ? after : before;
	unsigned marks = 0;
	int provider;

	/* confirming that a contact's details are still right is no change to review */
	if (only_verified(before, after))
		return KF_OK;

	/* a contact that turns external (or back) is both a person and a provider */
	if ((before && before->external) || (after && after->external))
		marks |= chapter_marks(CHANGE_PROVIDER, 0);
	if ((before && !before->external) || (after && !after->external))
		marks |= chapter_marks(CHANGE_PERSON, 0);
	provider = any_row(c, STMT_REVIEW_MARK_CONTACT_PROVIDER, org, ct->id);
	if (provider < 0)
		return KF_EDB;
	if (provider)
		marks |= chapter_marks(CHANGE_PROVIDER, 0);
	return write_marks(c, org, actor, marks, "contact", ct->id, ct->name, action);
}

/* 1 when the role's holder or deputies differ between before and after (or one of them is missing). */
static int people_changed(const struct role *before, const struct role *after)
{
	if (!before || !after)
		return 1;
	if (before->primary_contact_id != after->primary_contact_id || before->ndeputies != after->ndeputies)
		return 1;
	for (int i = 0; i < before->ndeputies && i < ROLE_MAX_DEPUTIES; i++)
		if (before->deputy_contact_ids[i] != after->deputy_contact_ids[i])
			return 1;
	return 0;
}

enum kf_err review_mark_role(struct store_conn *c, int64_t org, int64_t actor, const char *action,
			     const struct role *before, const struct role *after)
{
	const struct role *r = after ? after : before;
	unsigned facts = people_changed(before, after) ? CHANGE_F_PEOPLE : 0;

	return write_marks(c, org, actor, chapter_marks(CHANGE_ROLE, facts), "role", r->id, r->name, action);
}

enum kf_err review_mark_restored(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *entity,
				 int64_t id)
{
	struct system s;
	struct contact ct;
	struct role r;
	enum kf_err err;

	/* a restored item is back in the plan: marked like an added one */
	if (strcmp(entity, "system") == 0)
		return (err = store_system_get(c, a, org, id, &s)) ? err : review_mark_system(c, org, actor, "create", NULL, &s);
	if (strcmp(entity, "contact") == 0)
		return (err = store_contact_get(c, a, org, id, &ct)) ? err
								      : review_mark_contact(c, org, actor, "create", NULL, &ct);
	if (strcmp(entity, "role") == 0)
		return (err = store_role_get(c, a, org, id, &r)) ? err : review_mark_role(c, org, actor, "create", NULL, &r);
	return KF_OK;
}

enum kf_err review_marks_clear_all(struct store_conn *c, int64_t org, int64_t actor)
{
	struct query q;

	q_start(&q, c, STMT_REVIEW_MARK_CLEAR_ALL);
	q_int(&q, 1, org);
	q_int(&q, 2, kf_now());
	q_id_or_null(&q, 3, actor);
	return q_exec(&q) < 0 ? KF_EDB : KF_OK;
}

static void read_mark(struct query *q, struct arena *a, void *item)
{
	struct review_mark *m = item;

	m->id = q_col_int(q, 0);
	m->chapter = chapter_by_key(q->c->store->drv->col_text(q->st, 1));
	m->item_type = q_col_text(q, a, 2);
	m->item_id = q_col_int(q, 3);
	m->item_name = q_col_text(q, a, 4);
	m->action = q_col_text(q, a, 5);
	m->created_at = q_col_int(q, 6);
	m->created_by = q_col_is_null(q, 7) ? 0 : q_col_int(q, 7);
}

enum kf_err store_review_marks_list(struct store_conn *c, struct arena *a, int64_t org, struct review_mark **list_r,
				    size_t *n_r)
{
	struct review_mark *list;
	enum kf_err err;
	struct query q;
	size_t n, k = 0;

	*list_r = NULL;
	*n_r = 0;
	q_start(&q, c, STMT_REVIEW_MARK_LIST);
	q_int(&q, 1, org);
	err = q_list(&q, a, sizeof(*list), read_mark, (void **)&list, &n);
	if (err)
		return err;
	/* marks of a chapter this version does not know are left out */
	for (size_t i = 0; i < n; i++)
		if (list[i].chapter >= 0)
			list[k++] = list[i];
	*list_r = list;
	*n_r = k;
	return KF_OK;
}

enum kf_err store_review_marks_clear(struct store_conn *c, int64_t org, int64_t actor, enum chapter ch, int64_t *n_r)
{
	const struct chapter_info *info = chapter_get(ch);
	json_t *before = NULL, *after = NULL;
	enum kf_err err;
	struct query q;
	int64_t n;

	*n_r = 0;
	if (!info)
		return KF_ENOTFOUND;
	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_REVIEW_MARK_CLEAR_CHAPTER);
	q_int(&q, 1, org);
	q_text(&q, 2, info->key);
	q_int(&q, 3, kf_now());
	q_id_or_null(&q, 4, actor);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	n = c->store->drv->changes(c->db);
	/* who reviewed which chapter when: the record's user and time */
	before = json_pack("{s:s, s:I}", "chapter", info->key, "open_marks", (json_int_t)n);
	after = json_pack("{s:s, s:I, s:b}", "chapter", info->key, "open_marks", (json_int_t)0, "reviewed", 1);
	err = before && after ? history_write(c, org, "chapter_review", (int64_t)ch + 1, "update", actor, before, after)
			      : KF_ENOMEM;
	json_decref(before);
	json_decref(after);
	if (err)
		goto fail;
	err = tx_commit(c);
	if (!err)
		*n_r = n;
	return err;
fail:
	tx_rollback(c);
	return err;
}
