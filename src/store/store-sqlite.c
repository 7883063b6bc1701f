/* store-sqlite.c: the SQLite backend of the store (WAL, foreign keys, busy timeout). */
#include <sqlite3.h>
#include <stdio.h>

#include "store-private.h"
#include "../lib/log.h"
#include "../lib/banned.h"

static int sq_connect(const char *target, void **db_r)
{
	sqlite3 *db = NULL;
	int rc;

	rc = sqlite3_open_v2(target, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		kf_log(KF_LOG_ERROR, "cannot open database %s: %s", target, db ? sqlite3_errmsg(db) : "no memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_extended_result_codes(db, 1);
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", NULL,
			 NULL, NULL) != SQLITE_OK) {
		kf_log(KF_LOG_ERROR, "cannot configure database %s: %s", target, sqlite3_errmsg(db));
		sqlite3_close(db);
		return -1;
	}
	*db_r = db;
	return 0;
}

static void sq_disconnect(void *db)
{
	sqlite3_close(db);
}

static int sq_exec_script(void *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		kf_log(KF_LOG_ERROR, "database script failed: %s", err ? err : "?");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static int sq_schema_version(void *db, int *v_r)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*v_r = sqlite3_column_int(st, 0);
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

static int sq_set_schema_version(void *db, int v)
{
	char sql[64];

	/* PRAGMA takes no bound parameters; v is our own migration number */
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
	return sq_exec_script(db, sql);
}

static void *sq_prepare(void *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		kf_log(KF_LOG_ERROR, "cannot prepare statement: %s", sqlite3_errmsg(db));
		return NULL;
	}
	return st;
}

static void sq_finalize(void *st)
{
	sqlite3_finalize(st);
}

static void sq_reset(void *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static int sq_bind_int(void *st, int idx, int64_t v)
{
	return sqlite3_bind_int64(st, idx, v) == SQLITE_OK ? 0 : -1;
}

static int sq_bind_text(void *st, int idx, const char *s)
{
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : -1;
}

static int sq_bind_null(void *st, int idx)
{
	return sqlite3_bind_null(st, idx) == SQLITE_OK ? 0 : -1;
}

static enum db_step sq_step(void *st)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return DB_CONSTRAINT;
	kf_log(KF_LOG_ERROR, "database step failed: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
	return DB_ERROR;
}

static int64_t sq_col_int(void *st, int col)
{
	return sqlite3_column_int64(st, col);
}

static const char *sq_col_text(void *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return s ? (const char *)s : "";
}

static int sq_col_is_null(void *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL;
}

static int64_t sq_last_insert_id(void *db)
{
	return sqlite3_last_insert_rowid(db);
}

static int sq_changes(void *db)
{
	return sqlite3_changes(db);
}

static const char *sq_errmsg(void *db)
{
	return sqlite3_errmsg(db);
}

const struct db_driver db_driver_sqlite = {
	.name = "sqlite",
	.connect = sq_connect,
	.disconnect = sq_disconnect,
	.exec_script = sq_exec_script,
	.schema_version = sq_schema_version,
	.set_schema_version = sq_set_schema_version,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.reset = sq_reset,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_is_null = sq_col_is_null,
	.last_insert_id = sq_last_insert_id,
	.changes = sq_changes,
	.errmsg = sq_errmsg,
};
