/* history.c: the change-history record written inside each write transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "../lib/arena.h"

#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

/* sse: remembers the change for the listener; published when the transaction commits. */
static enum kf_err change_note(struct store_conn *c, int64_t org, const char *entity, int64_t id, const char *action,
			       int64_t actor, const json_t *before, const json_t *after)
{
	struct pending_change *p;
	const json_t *v;

	if (c->n_pending == c->cap_pending) {
		size_t cap = c->cap_pending ? c->cap_pending * 2 : 8;
		struct pending_change *np = realloc(c->pending, cap * sizeof(*np));

		if (!np)
			return KF_ENOMEM;
		c->pending = np;
		c->cap_pending = cap;
	}
	p = &c->pending[c->n_pending];
	memset(p, 0, sizeof(*p));
	p->ch.hid = c->store->drv->last_insert_id(c->db);
	p->ch.org = org;
	p->ch.entity_id = id;
	p->ch.at = kf_now();
	v = json_object_get(after ? after : before, "version");
	p->ch.version = json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
	snprintf(p->entity, sizeof(p->entity), "%s", entity);
	snprintf(p->action, sizeof(p->action), "%s", action);
	p->actor = actor; /* the name is looked up after the commit, once per actor (changes_flush) */
	c->n_pending++;
	if (!c->in_tx)
		changes_flush(c, 1); /* written outside a transaction: already committed */
	return KF_OK;
}

/* The name shown for actor ("" when none or unknown) into by. */
static void actor_name(struct store_conn *c, int64_t actor, char *by, size_t size)
{
	struct query q;

	by[0] = '\0';
	if (!actor)
		return;
	q_start(&q, c, STMT_SSE_USER_NAME);
	q_int(&q, 1, actor);
	if (q_step(&q) == DB_ROW)
		snprintf(by, size, "%s", c->store->drv->col_text(q.st, 0));
	q_done(&q);
}

void changes_flush(struct store_conn *c, int publish)
{
	store_listener_fn fn;
	void *ctx;
	int64_t named = -1; /* the actor whose name is in by */
	char by[128] = "";

	pthread_mutex_lock(&c->store->mu);
	fn = c->store->listener;
	ctx = c->store->listener_ctx;
	pthread_mutex_unlock(&c->store->mu);
	for (size_t i = 0; publish && fn && i < c->n_pending; i++) {
		struct pending_change *p = &c->pending[i];

		/* after the commit, outside the write transaction; a transaction has one actor, so one lookup */
		if (p->actor != named) {
			actor_name(c, p->actor, by, sizeof(by));
			named = p->actor;
		}
		p->ch.entity = p->entity;
		p->ch.action = p->action;
		p->ch.by = by;
		fn(ctx, &p->ch);
	}
	c->n_pending = 0;
}

void store_set_listener(struct store *s, store_listener_fn fn, void *ctx)
{
	pthread_mutex_lock(&s->mu);
	s->listener = fn;
	s->listener_ctx = ctx;
	pthread_mutex_unlock(&s->mu);
}

static void change_read(struct query *q, struct arena *a, void *item)
{
	struct store_change *ch = item;

	ch->hid = q_col_int(q, 0);
	ch->org = 0;
	ch->entity = q_col_text(q, a, 1);
	ch->entity_id = q_col_int(q, 2);
	ch->action = q_col_text(q, a, 3);
	ch->at = q_col_int(q, 4);
	ch->version = q_col_int(q, 5);
	ch->by = q_col_text(q, a, 6);
}

enum kf_err store_changes_since(struct store_conn *c, struct arena *a, int64_t org, int64_t after, size_t max,
				struct store_change **chs_r, size_t *n_r)
{
	struct query q;
	enum kf_err err;
	void *items = NULL;

	q_start(&q, c, STMT_SSE_CHANGES_SINCE);
	q_int(&q, 1, org);
	q_int(&q, 2, after);
	q_int(&q, 3, (int64_t)max);
	err = q_list(&q, a, sizeof(struct store_change), change_read, &items, n_r);
	for (size_t i = 0; !err && i < *n_r; i++)
		((struct store_change *)items)[i].org = org;
	*chs_r = items;
	return err;
}

enum kf_err history_write(struct store_conn *c, int64_t org, const char *entity, int64_t id, const char *action,
			  int64_t actor, const void *before_json, const void *after_json)
{
	char *before = NULL, *after = NULL;
	enum kf_err err = KF_OK;
	struct query q;

	if (before_json && !(before = json_dumps(before_json, JSON_COMPACT | JSON_SORT_KEYS))) {
		err = KF_ENOMEM;
		goto out;
	}
	if (after_json && !(after = json_dumps(after_json, JSON_COMPACT | JSON_SORT_KEYS))) {
		err = KF_ENOMEM;
		goto out;
	}
	q_start(&q, c, STMT_HISTORY_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, id);
	q_text(&q, 4, action);
	q_id_or_null(&q, 5, actor);
	q_int(&q, 6, kf_now());
	q_text_or_null(&q, 7, before);
	q_text_or_null(&q, 8, after);
	if (q_exec(&q) < 0)
		err = KF_EDB;
	else
		err = change_note(c, org, entity, id, action, actor, before_json, after_json);
out:
	free(before);
	free(after);
	return err;
}

enum kf_err history_snapshots(struct store_conn *c, int64_t org, const char *entity, int64_t id, const char *action,
			      int64_t actor, int had_before, json_t *before, int had_after, json_t *after)
{
	enum kf_err err;

	if ((had_before && !before) || (had_after && !after))
		err = KF_ENOMEM;
	else
		err = history_write(c, org, entity, id, action, actor, before, after);
	json_decref(before);
	json_decref(after);
	return err;
}

enum kf_err store_history_count(struct store_conn *c, int64_t org, const char *entity, int64_t id, int64_t *n_r)
{
	enum kf_err err = KF_EDB;
	struct query q;

	q_start(&q, c, STMT_HISTORY_COUNT);
	q_int(&q, 1, org);
	q_text(&q, 2, entity);
	q_int(&q, 3, id);
	if (q_step(&q) == DB_ROW) {
		*n_r = q_col_int(&q, 0);
		err = KF_OK;
	}
	q_done(&q);
	return err;
}
