/* store.c: opening the store, the connection pool, migrations, query helpers and transactions. */
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/log.h"
#include "store-private.h"
#include "../lib/banned.h"

const char *const stmt_sql[STMT__MAX] = {
#define STMT(name, sql) [STMT_##name] = sql,
#include "stmts.def"
#undef STMT
};

/* generated from db/migrations by the build: migration_sql[i] is migration i + 1 */
extern const char *const migration_sql[];
extern const int migration_count;

static struct store_conn *conn_new(struct store *s)
{
	struct store_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->store = s;
	if (s->drv->connect(s->target, &c->db) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

static void conn_free(struct store_conn *c)
{
	for (int i = 0; i < STMT__MAX; i++)
		if (c->stmts[i])
			c->store->drv->finalize(c->stmts[i]);
	c->store->drv->disconnect(c->db);
	free(c->pending); /* sse */
	free(c);
}

static enum kf_err migrate(struct store_conn *c)
{
	const struct db_driver *d = c->store->drv;
	enum kf_err err = KF_OK;
	int v;

	if (d->schema_version(c->db, &v) < 0)
		return KF_EDB;
	for (; v < migration_count; v++) {
		if (d->exec_script(c->db, "BEGIN IMMEDIATE") < 0)
			return KF_EDB;
		if (d->exec_script(c->db, migration_sql[v]) < 0 || d->set_schema_version(c->db, v + 1) < 0) {
			d->exec_script(c->db, "ROLLBACK");
			kf_log(KF_LOG_ERROR, "migration %d failed", v + 1);
			err = KF_EDB;
			break;
		}
		if (d->exec_script(c->db, "COMMIT") < 0)
			return KF_EDB;
		kf_log(KF_LOG_DEBUG, "applied migration %d", v + 1);
	}
	return err;
}

enum kf_err store_open(const char *path, struct store **store_r)
{
	struct store *s;
	struct store_conn *c;
	enum kf_err err;

	s = calloc(1, sizeof(*s));
	if (!s)
		return KF_ENOMEM;
	s->drv = &db_driver_sqlite;
	s->target = strdup(path);
	if (!s->target || pthread_mutex_init(&s->mu, NULL) != 0) {
		free(s->target);
		free(s);
		return KF_ENOMEM;
	}
	c = conn_new(s);
	if (!c) {
		store_close(s);
		return KF_EDB;
	}
	err = migrate(c);
	if (err) {
		conn_free(c);
		store_close(s);
		return err;
	}
	store_conn_put(c);
	*store_r = s;
	return KF_OK;
}

void store_close(struct store *s)
{
	struct store_conn *c, *next;

	if (!s)
		return;
	for (c = s->idle; c; c = next) {
		next = c->next;
		conn_free(c);
	}
	pthread_mutex_destroy(&s->mu);
	free(s->target);
	free(s);
}

struct store_conn *store_conn_get(struct store *s)
{
	struct store_conn *c;

	pthread_mutex_lock(&s->mu);
	c = s->idle;
	if (c)
		s->idle = c->next;
	pthread_mutex_unlock(&s->mu);
	if (!c)
		c = conn_new(s);
	return c;
}

void store_conn_put(struct store_conn *c)
{
	struct store *s;

	if (!c)
		return;
	s = c->store;
	while (c->in_tx) /* a batch left open by mistake: nothing of it is kept */
		tx_rollback(c);
	c->n_pending = 0; /* sse: changes of a transaction never committed are not news */
	pthread_mutex_lock(&s->mu);
	c->next = s->idle;
	s->idle = c;
	pthread_mutex_unlock(&s->mu);
}

int store_schema_version(struct store_conn *c)
{
	int v = -1;

	c->store->drv->schema_version(c->db, &v);
	return v;
}

int q_start(struct query *q, struct store_conn *c, enum stmt id)
{
	q->c = c;
	q->failed = 0;
	if (!c->stmts[id])
		c->stmts[id] = c->store->drv->prepare(c->db, stmt_sql[id]);
	q->st = c->stmts[id];
	if (!q->st) {
		q->failed = 1;
		return -1;
	}
	return 0;
}

void q_int(struct query *q, int idx, int64_t v)
{
	if (q->st && q->c->store->drv->bind_int(q->st, idx, v) < 0)
		q->failed = 1;
}

void q_text(struct query *q, int idx, const char *s)
{
	if (q->st && q->c->store->drv->bind_text(q->st, idx, s ? s : "") < 0)
		q->failed = 1;
}

void q_text_or_null(struct query *q, int idx, const char *s)
{
	if (!q->st)
		return;
	if ((s && *s ? q->c->store->drv->bind_text(q->st, idx, s) : q->c->store->drv->bind_null(q->st, idx)) < 0)
		q->failed = 1;
}

void q_id_or_null(struct query *q, int idx, int64_t v)
{
	if (!q->st)
		return;
	if ((v ? q->c->store->drv->bind_int(q->st, idx, v) : q->c->store->drv->bind_null(q->st, idx)) < 0)
		q->failed = 1;
}

enum db_step q_step(struct query *q)
{
	if (q->failed || !q->st)
		return DB_ERROR;
	return q->c->store->drv->step(q->st);
}

int64_t q_col_int(struct query *q, int col)
{
	return q->c->store->drv->col_int(q->st, col);
}

const char *q_col_text(struct query *q, struct arena *a, int col)
{
	const char *s = arena_strdup(a, q->c->store->drv->col_text(q->st, col));

	if (!s)
		q->failed = 1;
	return s ? s : "";
}

int q_col_is_null(struct query *q, int col)
{
	return q->c->store->drv->col_is_null(q->st, col);
}

void q_done(struct query *q)
{
	if (q->st)
		q->c->store->drv->reset(q->st);
	q->st = NULL;
}

int q_exec(struct query *q)
{
	enum db_step rc = q_step(q);

	q_done(q);
	if (rc == DB_CONSTRAINT)
		return -2;
	return rc == DB_DONE ? 0 : -1;
}

enum kf_err q_one(struct query *q)
{
	enum db_step rc = q_step(q);

	if (rc == DB_ROW)
		return KF_OK;
	return rc == DB_DONE ? KF_ENOTFOUND : KF_EDB;
}

enum kf_err q_exists(struct store_conn *c, enum stmt stmt, int64_t org, int64_t id)
{
	struct query q;
	enum kf_err err;

	q_start(&q, c, stmt);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	q_done(&q);
	return err;
}

enum kf_err q_end(struct query *q, enum kf_err err)
{
	if (!err && q->failed)
		err = KF_ENOMEM;
	q_done(q);
	return err;
}

enum kf_err q_list(struct query *q, struct arena *a, size_t elem, q_read_fn read, void **items_r, size_t *n_r)
{
	enum kf_err err = KF_OK;
	size_t n = 0, cap = 0;
	void *items = NULL;
	enum db_step rc;

	while ((rc = q_step(q)) == DB_ROW) {
		if (!(items = arena_array_grow(a, items, n, &cap, elem))) {
			err = KF_ENOMEM;
			break;
		}
		read(q, a, (char *)items + n * elem);
		n++;
	}
	if (!err && rc != DB_DONE)
		err = KF_EDB;
	err = q_end(q, err);
	*items_r = items;
	*n_r = err ? 0 : n;
	return err;
}

enum kf_err q_attach(struct query *q, struct arena *a, void *items, size_t n, size_t elem, q_read_fn add)
{
	size_t last = 0, i;
	enum db_step rc;

	while ((rc = q_step(q)) == DB_ROW) {
		int64_t parent = q_col_int(q, 0), id;

		if (n == 0)
			continue;
		/* rows come grouped by parent, so the last match is usually the right one */
		memcpy(&id, (char *)items + last * elem, sizeof(id));
		for (i = 0; id != parent && i < n; i++) {
			memcpy(&id, (char *)items + i * elem, sizeof(id));
			if (id == parent)
				last = i;
		}
		if (id == parent)
			add(q, a, (char *)items + last * elem);
	}
	return q_end(q, rc == DB_DONE ? KF_OK : KF_EDB);
}

enum kf_err q_list_with_children(struct store_conn *c, struct arena *a, int64_t org, enum stmt list, enum stmt children,
				 size_t elem, q_read_fn read, q_read_fn add, void **items_r, size_t *n_r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, list);
	q_int(&q, 1, org);
	err = q_list(&q, a, elem, read, items_r, n_r);
	if (err)
		return err;
	q_start(&q, c, children);
	q_int(&q, 1, org);
	err = q_attach(&q, a, *items_r, *n_r, elem, add);
	if (err)
		*n_r = 0;
	return err;
}

enum kf_err q_get_with_children(struct store_conn *c, struct arena *a, int64_t org, int64_t id, enum stmt get,
				enum stmt children, q_read_fn read, q_read_fn add, void *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, get);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read(&q, a, out);
	err = q_end(&q, err);
	if (err)
		return err;
	q_start(&q, c, children);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	return q_attach(&q, a, out, 1, 0, add);
}

static enum kf_err run_simple(struct store_conn *c, enum stmt id)
{
	struct query q;

	q_start(&q, c, id);
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

/*
 * Transactions nest: a write called inside a batch (store_batch_begin) joins
 * the batch's transaction instead of opening its own. Only the outermost
 * level speaks to the database; a rollback at an inner level dooms the whole
 * transaction, so the outermost commit rolls back instead (all or nothing).
 */
enum kf_err tx_begin(struct store_conn *c)
{
	enum kf_err err;

	if (c->in_tx > 0) {
		c->in_tx++;
		return KF_OK;
	}
	err = run_simple(c, STMT_BEGIN);
	c->in_tx = err == KF_OK;
	c->tx_doomed = 0;
	c->n_pending = 0;
	return err;
}

enum kf_err tx_commit(struct store_conn *c)
{
	enum kf_err err;

	if (c->in_tx > 1) {
		c->in_tx--;
		return KF_OK;
	}
	if (c->tx_doomed) {
		tx_rollback(c);
		return KF_EDB;
	}
	err = run_simple(c, STMT_COMMIT);
	if (err) {
		tx_rollback(c);
		return err;
	}
	c->in_tx = 0;
	changes_flush(c, 1); /* sse: only committed changes reach the listener */
	return err;
}

void tx_rollback(struct store_conn *c)
{
	if (c->in_tx > 1) {
		c->in_tx--;
		c->tx_doomed = 1;
		return;
	}
	run_simple(c, STMT_ROLLBACK);
	c->in_tx = 0;
	c->tx_doomed = 0;
	changes_flush(c, 0);
}

enum kf_err store_batch_begin(struct store_conn *c)
{
	return tx_begin(c);
}

enum kf_err store_batch_commit(struct store_conn *c)
{
	return tx_commit(c);
}

void store_batch_rollback(struct store_conn *c)
{
	tx_rollback(c);
}
