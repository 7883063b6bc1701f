/* store_account.c: settings, organisations, users, memberships, sessions and API tokens. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

/* Columns id, email, name, disabled. */
static void read_user(struct query *q, struct arena *a, struct user *u)
{
	u->id = q_col_int(q, 0);
	u->email = q_col_text(q, a, 1);
	u->name = q_col_text(q, a, 2);
	u->disabled = (int)q_col_int(q, 3);
}

/* Columns id, name and, where the statement has it, the caller's role. */
static void read_org(struct query *q, struct arena *a, void *item)
{
	struct org *o = item;

	o->id = q_col_int(q, 0);
	o->name = q_col_text(q, a, 1);
	o->role = MEMBER_NONE;
	if (!q_col_is_null(q, 2) && member_role_parse(q->c->store->drv->col_text(q->st, 2), &o->role) < 0)
		o->role = MEMBER_NONE;
}

enum kf_err store_instance_exists(struct store_conn *c, int *exists_r)
{
	enum kf_err err = KF_EDB;
	struct query q;

	q_start(&q, c, STMT_ORG_COUNT);
	if (q_step(&q) == DB_ROW) {
		*exists_r = q_col_int(&q, 0) > 0;
		err = KF_OK;
	}
	q_done(&q);
	return err;
}

enum kf_err store_setting_get(struct store_conn *c, struct arena *a, const char *key, const char **value_r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_SETTING_GET);
	q_text(&q, 1, key);
	err = q_one(&q);
	if (!err)
		*value_r = q_col_text(&q, a, 0);
	return q_end(&q, err);
}

enum kf_err store_setting_set(struct store_conn *c, const char *key, const char *value)
{
	struct query q;

	q_start(&q, c, STMT_SETTING_SET);
	q_text(&q, 1, key);
	q_text(&q, 2, value);
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_setting_delete(struct store_conn *c, const char *key)
{
	struct query q;

	q_start(&q, c, STMT_SETTING_DELETE);
	q_text(&q, 1, key);
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

static enum kf_err membership_insert(struct store_conn *c, int64_t org_id, int64_t user_id, enum member_role role)
{
	struct query q;

	q_start(&q, c, STMT_MEMBERSHIP_SET);
	q_int(&q, 1, org_id);
	q_int(&q, 2, user_id);
	q_text(&q, 3, member_role_name(role));
	q_int(&q, 4, kf_now());
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_setup_instance(struct store_conn *c, const char *org_name, const char *email, const char *name,
				 const char *pw_hash, int64_t *org_id_r, int64_t *user_id_r)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_ORG_COUNT);
	if (q_step(&q) != DB_ROW) {
		q_done(&q);
		err = KF_EDB;
		goto fail;
	}
	if (q_col_int(&q, 0) > 0) {
		q_done(&q);
		err = KF_EEXIST;
		goto fail;
	}
	q_done(&q);
	q_start(&q, c, STMT_ORG_INSERT);
	q_text(&q, 1, org_name);
	q_int(&q, 2, kf_now());
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	*org_id_r = c->store->drv->last_insert_id(c->db);
	err = store_user_create(c, email, name, pw_hash, user_id_r);
	if (err)
		goto fail;
	err = membership_insert(c, *org_id_r, *user_id_r, MEMBER_ADMIN);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_org_create(struct store_conn *c, const char *name, int64_t *id_r)
{
	struct query q;

	q_start(&q, c, STMT_ORG_INSERT);
	q_text(&q, 1, name);
	q_int(&q, 2, kf_now());
	if (q_exec(&q) < 0)
		return KF_EDB;
	*id_r = c->store->drv->last_insert_id(c->db);
	return KF_OK;
}

enum kf_err store_org_list(struct store_conn *c, struct arena *a, struct org **orgs_r, size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_ORG_LIST);
	return q_list(&q, a, sizeof(**orgs_r), read_org, (void **)orgs_r, n_r);
}

enum kf_err store_org_get(struct store_conn *c, struct arena *a, int64_t org_id, struct org *org_r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_ORG_GET);
	q_int(&q, 1, org_id);
	err = q_one(&q);
	if (!err)
		read_org(&q, a, org_r);
	return q_end(&q, err);
}

enum kf_err store_user_orgs(struct store_conn *c, struct arena *a, int64_t user_id, struct org **orgs_r, size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_MEMBERSHIP_ORGS);
	q_int(&q, 1, user_id);
	return q_list(&q, a, sizeof(**orgs_r), read_org, (void **)orgs_r, n_r);
}

enum kf_err store_user_create(struct store_conn *c, const char *email, const char *name, const char *pw_hash,
			      int64_t *id_r)
{
	struct query q;
	int rc;

	q_start(&q, c, STMT_USER_INSERT);
	q_text(&q, 1, email);
	q_text(&q, 2, name);
	q_text(&q, 3, pw_hash);
	q_int(&q, 4, kf_now());
	rc = q_exec(&q);
	if (rc == -2)
		return KF_EEXIST;
	if (rc < 0)
		return KF_EDB;
	*id_r = c->store->drv->last_insert_id(c->db);
	return KF_OK;
}


enum kf_err store_user_by_email(struct store_conn *c, struct arena *a, const char *email, struct user *u_r,
				const char **pw_hash_r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_USER_BY_EMAIL);
	q_text(&q, 1, email);
	err = q_one(&q);
	if (!err) {
		read_user(&q, a, u_r);
		if (pw_hash_r)
			*pw_hash_r = q_col_text(&q, a, 4);
	}
	return q_end(&q, err);
}

enum kf_err store_user_by_id(struct store_conn *c, struct arena *a, int64_t id, struct user *u_r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_USER_BY_ID);
	q_int(&q, 1, id);
	err = q_one(&q);
	if (!err)
		read_user(&q, a, u_r);
	return q_end(&q, err);
}

enum kf_err store_user_set_password(struct store_conn *c, int64_t user_id, const char *pw_hash)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_USER_SET_PASSWORD);
	q_int(&q, 1, user_id);
	q_text(&q, 2, pw_hash);
	if (q_exec(&q) < 0)
		goto fail;
	q_start(&q, c, STMT_SESSION_DELETE_USER);
	q_int(&q, 1, user_id);
	if (q_exec(&q) < 0)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return KF_EDB;
}

enum kf_err store_user_list(struct store_conn *c, struct arena *a, struct user **users_r,
			    const char ***memberships_r, size_t *n_r)
{
	struct user *users = NULL;
	const char **mem = NULL;
	size_t n = 0, cap = 0;
	enum kf_err err = KF_OK;
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_USER_LIST);
	while ((rc = q_step(&q)) == DB_ROW) {
		if (n == cap) {
			size_t cap2 = cap;

			users = arena_array_grow(a, users, n, &cap, sizeof(*users));
			mem = arena_array_grow(a, mem, n, &cap2, sizeof(*mem));
			if (!users || !mem) {
				err = KF_ENOMEM;
				break;
			}
		}
		read_user(&q, a, &users[n]);
		mem[n] = q_col_text(&q, a, 4);
		n++;
	}
	if (!err && rc != DB_DONE)
		err = KF_EDB;
	if (!err && q.failed)
		err = KF_ENOMEM;
	q_done(&q);
	*users_r = users;
	*memberships_r = mem;
	*n_r = n;
	return err;
}

enum kf_err store_membership_set(struct store_conn *c, int64_t org_id, int64_t user_id, enum member_role role)
{
	return membership_insert(c, org_id, user_id, role);
}

enum kf_err store_membership_role(struct store_conn *c, int64_t org_id, int64_t user_id, enum member_role *role_r)
{
	enum kf_err err = KF_OK;
	char name[32] = "";
	struct query q;
	enum db_step rc;

	*role_r = MEMBER_NONE;
	q_start(&q, c, STMT_MEMBERSHIP_ROLE);
	q_int(&q, 1, org_id);
	q_int(&q, 2, user_id);
	rc = q_step(&q);
	if (rc == DB_ROW) {
		const char *s = c->store->drv->col_text(q.st, 0);

		if (strlen(s) < sizeof(name))
			memcpy(name, s, strlen(s) + 1);
		if (member_role_parse(name, role_r) < 0)
			*role_r = MEMBER_NONE;
	} else if (rc != DB_DONE) {
		err = KF_EDB;
	}
	q_done(&q);
	return err;
}

enum kf_err store_session_create(struct store_conn *c, const char *token_hash, int64_t user_id, const char *csrf,
				 int64_t expires_at)
{
	struct query q;

	q_start(&q, c, STMT_SESSION_INSERT);
	q_text(&q, 1, token_hash);
	q_int(&q, 2, user_id);
	q_text(&q, 3, csrf);
	q_int(&q, 4, kf_now());
	q_int(&q, 5, expires_at);
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_session_lookup(struct store_conn *c, struct arena *a, const char *token_hash, struct user *u_r,
				 const char **csrf_r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_SESSION_LOOKUP);
	q_text(&q, 1, token_hash);
	q_int(&q, 2, kf_now());
	err = q_one(&q);
	if (!err) {
		read_user(&q, a, u_r);
		*csrf_r = q_col_text(&q, a, 4);
	}
	return q_end(&q, err);
}

enum kf_err store_session_delete(struct store_conn *c, const char *token_hash)
{
	struct query q;

	q_start(&q, c, STMT_SESSION_DELETE);
	q_text(&q, 1, token_hash);
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_session_purge(struct store_conn *c)
{
	struct query q;

	q_start(&q, c, STMT_SESSION_PURGE);
	q_int(&q, 1, kf_now());
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_token_create(struct store_conn *c, int64_t user_id, const char *name, const char *token_hash)
{
	struct query q;

	q_start(&q, c, STMT_TOKEN_INSERT);
	q_int(&q, 1, user_id);
	q_text(&q, 2, name);
	q_text(&q, 3, token_hash);
	q_int(&q, 4, kf_now());
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_token_lookup(struct store_conn *c, struct arena *a, const char *token_hash, struct user *u_r)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_TOKEN_LOOKUP);
	q_text(&q, 1, token_hash);
	err = q_one(&q);
	if (!err)
		read_user(&q, a, u_r);
	return q_end(&q, err);
}
