/* store_comment.c: comments with @mentions, the history of an item, and restoring deleted items. */
#include <string.h>
#include <jansson.h>

#include "../core/mention.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "store.h"
#include "../lib/banned.h"

static void read_comment(struct query *q, struct arena *a, void *item)
{
	struct comment *cm = item;

	memset(cm, 0, sizeof(*cm));
	cm->id = q_col_int(q, 0);
	cm->version = q_col_int(q, 1);
	cm->entity = q_col_text(q, a, 2);
	cm->entity_id = q_col_int(q, 3);
	cm->body = q_col_text(q, a, 4);
	cm->author_id = q_col_int(q, 5);
	cm->author_name = q_col_text(q, a, 6);
	cm->created_at = q_col_int(q, 7);
	cm->updated_at = q_col_int(q, 8);
}

enum kf_err store_comment_list(struct store_conn *c, struct arena *a, int64_t org, const char *entity,
			       int64_t entity_id, struct comment **list_r, size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_COMMENT_LIST);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, entity_id);
	return q_list(&q, a, sizeof(**list_r), read_comment, (void **)list_r, n_r);
}

enum kf_err store_comment_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct comment *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_COMMENT_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_comment(&q, a, out);
	return q_end(&q, err);
}

enum kf_err store_item_name(struct store_conn *c, struct arena *a, int64_t org, const char *entity, int64_t entity_id,
			    const char **name_r)
{
	enum kf_err err;
	struct query q;

	if (!comment_entity_known(entity))
		return KF_ENOTFOUND;
	q_start(&q, c, STMT_ITEM_NAME);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, entity_id);
	err = q_one(&q);
	if (!err && name_r && !(*name_r = q_col_text(&q, a, 0)))
		err = KF_ENOMEM;
	return q_end(&q, err);
}

enum kf_err store_item_exists(struct store_conn *c, int64_t org, const char *entity, int64_t entity_id)
{
	return store_item_name(c, NULL, org, entity, entity_id, NULL);
}

static json_t *snapshot(const struct comment *cm)
{
	return json_pack("{s:I, s:s, s:I, s:s}", "version", (json_int_t)cm->version, "entity", cm->entity, "entity_id",
			 (json_int_t)cm->entity_id, "body", cm->body);
}

/* Notifies each member the body mentions (not the author), inside the caller's transaction. */
static enum kf_err notify_mentions(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   const struct comment *cm, const char *old_body)
{
	const char **tokens, **old_tokens = NULL;
	int n, n_old = 0;
	enum kf_err err = KF_OK;
	char link[96];
	struct query q;
	const char *label = comment_entity_label(cm->entity), *item = "", *author = "", *about;

	n = mention_parse(cm->body, a, &tokens);
	if (n < 0)
		return KF_ENOMEM;
	if (n == 0)
		return KF_OK;
	if (old_body && (n_old = mention_parse(old_body, a, &old_tokens)) < 0)
		return KF_ENOMEM;
	comment_item_path(cm->entity, org, cm->entity_id, link, sizeof(link));
	if ((err = store_item_name(c, a, org, cm->entity, cm->entity_id, &item)))
		return err;
	q_start(&q, c, STMT_COMMENT_MENTIONABLE);
	q_int(&q, 1, org);
	{
		int64_t *users = NULL;
		size_t nu = 0, cap = 0;
		enum db_step st;

		while ((st = q_step(&q)) == DB_ROW) {
			int64_t uid = q_col_int(&q, 0);
			const char *name = q_col_text(&q, a, 1), *email = q_col_text(&q, a, 2);
			int hit = 0, before = 0;

			if (!name || !email) {
				err = KF_ENOMEM;
				break;
			}
			if (uid == actor)
				author = *name ? name : email;
			for (int i = 0; i < n && !hit; i++)
				hit = mention_matches(tokens[i], name, email);
			for (int i = 0; i < n_old && !before; i++)
				before = mention_matches(old_tokens[i], name, email);
			if (!hit || before || uid == actor)
				continue;
			users = arena_array_grow(a, users, nu, &cap, sizeof(*users));
			if (!users) {
				err = KF_ENOMEM;
				break;
			}
			users[nu++] = uid;
		}
		if (!err && st != DB_DONE)
			err = KF_EDB;
		q_done(&q);
		/* the text is stored once, in the mail language: Kontakt „Erika Muster“ (von Eddi Editor) */
		if (*author)
			about = arena_printf(a, _(KF_LANG_DE, N_("%s \"%s\" (by %s)")), _(KF_LANG_DE, label), item, author);
		else
			about = arena_printf(a, _(KF_LANG_DE, N_("%s \"%s\"")), _(KF_LANG_DE, label), item);
		if (!err && !about)
			err = KF_ENOMEM;
		for (size_t i = 0; !err && i < nu; i++)
			err = store_notify(c, org, users[i], NOTIFY_MENTION, N_("You were mentioned in a comment on: %s"),
					   about, link);
	}
	return err;
}

enum kf_err store_comment_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 struct comment *cm)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	cm->id = 0;
	err = store_item_exists(c, org, cm->entity, cm->entity_id);
	if (err)
		goto fail;
	q_start(&q, c, STMT_COMMENT_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, cm->entity);
	q_int(&q, 3, cm->entity_id);
	q_text(&q, 4, cm->body);
	q_id_or_null(&q, 5, actor);
	q_int(&q, 6, kf_now());
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	cm->id = c->store->drv->last_insert_id(c->db);
	err = store_comment_get(c, a, org, cm->id, cm);
	if (!err)
		err = history_snapshots(c, org, "comment", cm->id, "create", actor, 0, NULL, 1, snapshot(cm));
	if (!err)
		err = notify_mentions(c, a, org, actor, cm, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	cm->id = 0;
	tx_rollback(c);
	return err;
}

enum kf_err store_comment_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, const char *body, struct comment *out,
				 struct comment *current_r)
{
	struct comment before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_comment_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.author_id != actor) {
		err = KF_EPERM;
		goto fail;
	}
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_COMMENT_UPDATE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_text(&q, 3, body);
	q_int(&q, 4, kf_now());
	q_int(&q, 5, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = store_comment_get(c, a, org, id, out);
	if (!err)
		err = history_snapshots(c, org, "comment", id, "update", actor, 1, snapshot(&before), 1, snapshot(out));
	if (!err)
		err = notify_mentions(c, a, org, actor, out, before.body);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_comment_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int is_admin,
				 int64_t id, int64_t expected_version, struct comment *current_r)
{
	struct comment before;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_comment_get(c, a, org, id, &before);
	if (err)
		goto fail;
	if (before.author_id != actor && !is_admin) {
		err = KF_EPERM;
		goto fail;
	}
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, STMT_COMMENT_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, kf_now());
	q_int(&q, 4, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = history_snapshots(c, org, "comment", id, "delete", actor, 1, snapshot(&before), 0, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

static void read_history(struct query *q, struct arena *a, void *item)
{
	struct history_entry *h = item;

	h->id = q_col_int(q, 0);
	h->action = q_col_text(q, a, 1);
	h->user_id = q_col_int(q, 2);
	h->user_name = q_col_text(q, a, 3);
	h->at = q_col_int(q, 4);
	h->before_json = q_col_text(q, a, 5);
	h->after_json = q_col_text(q, a, 6);
}

enum kf_err store_history_list(struct store_conn *c, struct arena *a, int64_t org, const char *entity,
			       int64_t entity_id, int limit, struct history_entry **list_r, size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_HISTORY_ITEM);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, entity_id);
	q_int(&q, 4, limit);
	return q_list(&q, a, sizeof(**list_r), read_history, (void **)list_r, n_r);
}

static const struct {
	const char *entity;
	enum stmt restore;
} restorable[] = {
	{ "contact", STMT_RESTORE_CONTACT },	       { "role", STMT_RESTORE_ROLE },
	{ "risk", STMT_RESTORE_RISK },		       { "risk_category", STMT_RESTORE_RISK_CATEGORY },
	{ "process", STMT_RESTORE_PROCESS },	       { "system", STMT_RESTORE_SYSTEM },
	{ "backup", STMT_RESTORE_BACKUP },	       { "runbook", STMT_RESTORE_RUNBOOK },
	{ "workaround", STMT_RESTORE_WORKAROUND },     { "comm_template", STMT_RESTORE_COMM_TEMPLATE },
	{ "exercise", STMT_RESTORE_EXERCISE },
};

static int restore_stmt(const char *entity, enum stmt *st_r)
{
	for (size_t i = 0; entity && i < sizeof(restorable) / sizeof(restorable[0]); i++)
		if (strcmp(entity, restorable[i].entity) == 0) {
			*st_r = restorable[i].restore;
			return 1;
		}
	return 0;
}

int store_restorable(const char *entity)
{
	enum stmt st;

	return restore_stmt(entity, &st);
}

static void read_deleted(struct query *q, struct arena *a, void *item)
{
	struct deleted_item *d = item;

	d->entity = q_col_text(q, a, 0);
	d->id = q_col_int(q, 1);
	d->name = q_col_text(q, a, 2);
	d->deleted_at = q_col_int(q, 3);
	d->deleted_by = q_col_text(q, a, 4);
}

enum kf_err store_deleted_list(struct store_conn *c, struct arena *a, int64_t org, struct deleted_item **list_r,
			       size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_DELETED_LIST);
	q_int(&q, 1, org);
	q_text(&q, 2, "");
	q_int(&q, 3, 0);
	return q_list(&q, a, sizeof(**list_r), read_deleted, (void **)list_r, n_r);
}

/* The item as it was deleted (the last "delete" record's before), with its new version; NULL when unknown. */
static json_t *restored_snapshot(struct store_conn *c, struct arena *a, int64_t org, const char *entity, int64_t id)
{
	const char *text = NULL;
	json_t *j = NULL, *v;
	struct query q;

	q_start(&q, c, STMT_HISTORY_LAST_DELETE);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, id);
	if (q_step(&q) == DB_ROW)
		text = q_col_text(&q, a, 0);
	q_done(&q);
	if (text && *text)
		j = json_loads(text, 0, NULL);
	if (j && !json_is_object(j)) {
		json_decref(j);
		j = NULL;
	}
	if (j && (v = json_object_get(j, "version")) && json_is_integer(v))
		json_object_set_new(j, "version", json_integer(json_integer_value(v) + 1));
	return j;
}

enum kf_err store_restore(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *entity,
			  int64_t id)
{
	enum kf_err err;
	struct query q;
	enum stmt st;
	json_t *after;

	if (!restore_stmt(entity, &st))
		return KF_ENOTFOUND;
	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_DELETED_LIST);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, id);
	err = q_end(&q, q_one(&q));
	if (err)
		goto fail;
	q_start(&q, c, STMT_RESTORE_CLASH);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, id);
	err = q_end(&q, q_one(&q));
	if (err == KF_OK) {
		err = KF_EEXIST;
		goto fail;
	}
	if (err != KF_ENOTFOUND)
		goto fail;
	q_start(&q, c, st);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, kf_now());
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	after = restored_snapshot(c, a, org, entity, id);
	err = history_write(c, org, entity, id, "restore", actor, NULL, after);
	json_decref(after);
	if (!err) /* review marks */
		err = review_mark_restored(c, a, org, actor, entity, id);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
