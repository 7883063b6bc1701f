/* store-private.h: the backend vtable, the statement catalogue and query helpers inside src/store/. */
#ifndef KF_STORE_PRIVATE_H
#define KF_STORE_PRIVATE_H

#include <jansson.h>
#include <pthread.h>
#include <stdint.h>

#include "store.h"

enum stmt {
#define STMT(name, sql) STMT_##name,
#include "stmts.def"
#undef STMT
	STMT__MAX
};

extern const char *const stmt_sql[STMT__MAX];

enum db_step { DB_ROW = 1, DB_DONE = 0, DB_ERROR = -1, DB_CONSTRAINT = -2 };

/*
 * One database backend. SQLite now; PostgreSQL implements the same calls
 * (translating ?N placeholders to $N) so that no caller changes.
 */
struct db_driver {
	const char *name;
	int (*connect)(const char *target, void **db_r);
	void (*disconnect)(void *db);
	int (*exec_script)(void *db, const char *sql);
	int (*schema_version)(void *db, int *v_r);
	int (*set_schema_version)(void *db, int v);
	void *(*prepare)(void *db, const char *sql);
	void (*finalize)(void *st);
	void (*reset)(void *st);
	int (*bind_int)(void *st, int idx, int64_t v);
	int (*bind_text)(void *st, int idx, const char *s);
	int (*bind_null)(void *st, int idx);
	enum db_step (*step)(void *st);
	int64_t (*col_int)(void *st, int col);
	/* "" for NULL; valid until the next step or reset */
	const char *(*col_text)(void *st, int col);
	int (*col_is_null)(void *st, int col);
	int64_t (*last_insert_id)(void *db);
	int (*changes)(void *db);
	const char *(*errmsg)(void *db);
};

extern const struct db_driver db_driver_sqlite;

struct store_conn {
	struct store *store;
	void *db;
	void *stmts[STMT__MAX];
	struct store_conn *next;
	/* sse: history records of the open transaction, published at commit */
	int in_tx;     /* nesting depth of the open transaction, 0 when none */
	int tx_doomed; /* an inner level rolled back: the outermost commit rolls back */
	struct pending_change *pending;
	size_t n_pending, cap_pending;
};

/* sse: one change waiting for its transaction to commit */
struct pending_change {
	struct store_change ch;
	char entity[40];
	char action[8];
	int64_t actor; /* user id, 0 when none; named at publication */
};
/* sse: hands the pending changes to the listener (after commit) or drops them (rollback). */
void changes_flush(struct store_conn *c, int publish);

struct store {
	const struct db_driver *drv;
	char *target;
	pthread_mutex_t mu;
	struct store_conn *idle;
	store_listener_fn listener; /* sse */
	void *listener_ctx;
};

/* A prepared statement in use: bind, step, read columns, then q_done. */
struct query {
	struct store_conn *c;
	void *st;
	int failed;
};

int q_start(struct query *q, struct store_conn *c, enum stmt id);
void q_int(struct query *q, int idx, int64_t v);
void q_text(struct query *q, int idx, const char *s);
/* Binds NULL for an empty string. */
void q_text_or_null(struct query *q, int idx, const char *s);
/* Binds NULL for 0. */
void q_id_or_null(struct query *q, int idx, int64_t v);
enum db_step q_step(struct query *q);
int64_t q_col_int(struct query *q, int col);
/* A copy in the arena (NULL when out of memory). */
const char *q_col_text(struct query *q, struct arena *a, int col);
int q_col_is_null(struct query *q, int col);
void q_done(struct query *q);
/* Runs a statement that returns no rows; 0, or -1 (DB_CONSTRAINT gives -2). */
int q_exec(struct query *q);

/* Steps to the one row a lookup expects: KF_OK (row ready), KF_ENOTFOUND or KF_EDB. */
enum kf_err q_one(struct query *q);
/* Whether statement stmt (?1 org, ?2 id) finds a row: KF_OK, KF_ENOTFOUND or KF_EDB. */
enum kf_err q_exists(struct store_conn *c, enum stmt stmt, int64_t org, int64_t id);
/* Ends a query: returns err, or KF_ENOMEM when a column copy failed. */
enum kf_err q_end(struct query *q, enum kf_err err);

typedef void (*q_read_fn)(struct query *q, struct arena *a, void *item);
/* Reads every row of the bound query into a new element of an arena array; ends the query. */
enum kf_err q_list(struct query *q, struct arena *a, size_t elem, q_read_fn read, void **items_r, size_t *n_r);
/*
 * Hands each row (column 0: the parent's id) to add with its parent among
 * items, whose elements must begin with their int64_t id. Rows of unknown
 * parents are skipped. Ends the query.
 */
enum kf_err q_attach(struct query *q, struct arena *a, void *items, size_t n, size_t elem, q_read_fn add);

/*
 * The items of org with their child rows: list binds ?1 = org, children
 * binds ?1 = org and yields (parent id, ...) rows for add.
 */
enum kf_err q_list_with_children(struct store_conn *c, struct arena *a, int64_t org, enum stmt list, enum stmt children,
				 size_t elem, q_read_fn read, q_read_fn add, void **items_r, size_t *n_r);
/* One item with its child rows: get and children bind ?1 = org, ?2 = id. KF_ENOTFOUND when absent. */
enum kf_err q_get_with_children(struct store_conn *c, struct arena *a, int64_t org, int64_t id, enum stmt get,
				enum stmt children, q_read_fn read, q_read_fn add, void *out);

enum kf_err tx_begin(struct store_conn *c);
enum kf_err tx_commit(struct store_conn *c);
void tx_rollback(struct store_conn *c);

/* riskcfg: a risk's affected processes and systems, replaced inside the caller's transaction. */
enum kf_err risk_write_links(struct store_conn *c, int64_t org, const struct risk *k);
/* riskcfg: drops the links of every risk to a process (is_system 0) or system being deleted, each with history. */
enum kf_err risk_drop_links(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int is_system,
			    int64_t item_id);

/* Appends the alarm steps naming contact id to *names ("A, alarm chain step 2"). */
enum kf_err alarm_contact_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **names);

/*
 * review marks: inside the caller's transaction, after the item's write,
 * mark the chapters its change affects (chapter_marks). before/after are
 * NULL where the item did not exist. Nothing before the plan's first review.
 */
enum kf_err review_mark_system(struct store_conn *c, int64_t org, int64_t actor, const char *action,
			       const struct system *before, const struct system *after);
enum kf_err review_mark_contact(struct store_conn *c, int64_t org, int64_t actor, const char *action,
				const struct contact *before, const struct contact *after);
enum kf_err review_mark_role(struct store_conn *c, int64_t org, int64_t actor, const char *action,
			     const struct role *before, const struct role *after);
/* Marks the chapters of a restored system, contact or role (other entities: nothing). */
enum kf_err review_mark_restored(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *entity,
				 int64_t id);
/* Clears every open mark (a review of the whole plan was recorded). */
enum kf_err review_marks_clear_all(struct store_conn *c, int64_t org, int64_t actor);

/*
 * The history record of one item write from its JSON snapshots: takes both
 * over (NULL where the item did not exist before or after). had_before and
 * had_after say which snapshots were wanted, so a snapshot that could not be
 * made fails the write with KF_ENOMEM instead of recording a wrong story.
 */
enum kf_err history_snapshots(struct store_conn *c, int64_t org, const char *entity, int64_t id, const char *action,
			      int64_t actor, int had_before, json_t *before, int had_after, json_t *after);

/* Writes one history record; before/after are JSON objects or NULL. Steals neither. */
enum kf_err history_write(struct store_conn *c, int64_t org, const char *entity, int64_t id, const char *action,
			  int64_t actor, const void *before_json, const void *after_json);

#endif
