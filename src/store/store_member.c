/* store_member.c: members of an organisation (role changes, removal, never the last admin) and invitations. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

static enum member_role role_col(struct query *q, int col)
{
	enum member_role role = MEMBER_NONE;

	if (member_role_parse(q->c->store->drv->col_text(q->st, col), &role) < 0)
		role = MEMBER_NONE;
	return role;
}

/* Columns id, version, email, name, role, created_at. */
static void read_member(struct query *q, struct arena *a, void *item)
{
	struct member *m = item;

	m->id = q_col_int(q, 0);
	m->version = q_col_int(q, 1);
	m->email = q_col_text(q, a, 2);
	m->name = q_col_text(q, a, 3);
	m->role = role_col(q, 4);
	m->created_at = q_col_int(q, 5);
}

/* Columns of the INVITATION_* reads. */
static void read_invitation(struct query *q, struct arena *a, void *item)
{
	struct invitation *inv = item;

	inv->id = q_col_int(q, 0);
	inv->version = q_col_int(q, 1);
	inv->email = q_col_text(q, a, 2);
	inv->role = role_col(q, 3);
	inv->expires_at = q_col_int(q, 4);
	inv->used_at = q_col_int(q, 5);
	inv->revoked_at = q_col_int(q, 6);
	inv->created_at = q_col_int(q, 7);
	inv->invited_by_name = q_col_text(q, a, 8);
	inv->org_id = q_col_int(q, 9);
	inv->org_name = q_col_text(q, a, 10);
}

enum kf_err store_member_list(struct store_conn *c, struct arena *a, int64_t org, struct member **list_r, size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_MEMBER_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_member, (void **)list_r, n_r);
}

enum kf_err store_member_get(struct store_conn *c, struct arena *a, int64_t org, int64_t user_id, struct member *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_MEMBER_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, user_id);
	err = q_one(&q);
	if (!err)
		read_member(&q, a, out);
	return q_end(&q, err);
}

static json_t *member_history_json(const struct member *m)
{
	return json_pack("{s:I, s:s, s:s}", "user_id", (json_int_t)m->id, "email", m->email, "role",
			 member_role_name(m->role));
}

static enum kf_err admin_count(struct store_conn *c, int64_t org, int64_t *n_r)
{
	enum kf_err err = KF_EDB;
	struct query q;

	q_start(&q, c, STMT_MEMBER_ADMIN_COUNT);
	q_int(&q, 1, org);
	if (q_step(&q) == DB_ROW) {
		*n_r = q_col_int(&q, 0);
		err = KF_OK;
	}
	q_done(&q);
	return err;
}

/*
 * Inside the transaction: reads the member into current_r and checks the
 * version and that the organisation keeps an admin when this member stops
 * being one (new_role MEMBER_NONE = removal).
 */
static enum kf_err member_check_change(struct store_conn *c, struct arena *a, int64_t org, int64_t user_id,
				       int64_t expected_version, enum member_role new_role, struct member *current_r)
{
	enum kf_err err;
	int64_t admins = 0;

	err = store_member_get(c, a, org, user_id, current_r);
	if (err)
		return err;
	if (current_r->version != expected_version)
		return KF_ECONFLICT;
	if (current_r->role == MEMBER_ADMIN && new_role != MEMBER_ADMIN) {
		err = admin_count(c, org, &admins);
		if (err)
			return err;
		if (admins <= 1)
			return KF_EPERM;
	}
	return KF_OK;
}

enum kf_err store_member_set_role(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t user_id,
				  int64_t expected_version, enum member_role role, struct member *m_r,
				  struct member *current_r)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = member_check_change(c, a, org, user_id, expected_version, role, current_r);
	if (err)
		goto fail;
	q_start(&q, c, STMT_MEMBER_SET_ROLE);
	q_int(&q, 1, org);
	q_int(&q, 2, user_id);
	q_text(&q, 3, member_role_name(role));
	q_int(&q, 4, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = store_member_get(c, a, org, user_id, m_r);
	if (!err)
		err = history_snapshots(c, org, "member", user_id, "update", actor, 1, member_history_json(current_r), 1,
					member_history_json(m_r));
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_member_remove(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t user_id,
				int64_t expected_version, struct member *current_r)
{
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = member_check_change(c, a, org, user_id, expected_version, MEMBER_NONE, current_r);
	if (err)
		goto fail;
	q_start(&q, c, STMT_MEMBER_DELETE);
	q_int(&q, 1, org);
	q_int(&q, 2, user_id);
	q_int(&q, 3, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	/* calendar: the member's calendar link stops working with the membership */
	q_start(&q, c, STMT_CAL_LINK_REVOKE);
	q_int(&q, 1, org);
	q_int(&q, 2, user_id);
	q_int(&q, 3, kf_now());
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	err = history_snapshots(c, org, "member", user_id, "delete", actor, 1, member_history_json(current_r), 0, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_invitation_list(struct store_conn *c, struct arena *a, int64_t org, struct invitation **list_r,
				  size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_INVITATION_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_invitation, (void **)list_r, n_r);
}

enum kf_err store_invitation_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct invitation *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_INVITATION_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_invitation(&q, a, out);
	return q_end(&q, err);
}

enum kf_err store_invitation_by_token(struct store_conn *c, struct arena *a, const char *token_hash,
				      struct invitation *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_INVITATION_BY_HASH);
	q_text(&q, 1, token_hash);
	err = q_one(&q);
	if (!err)
		read_invitation(&q, a, out);
	return q_end(&q, err);
}

static json_t *invitation_history_json(const struct invitation *inv)
{
	return invitation_to_json(inv, kf_now());
}

/* Revokes one invitation inside the transaction, with history; KF_ECONFLICT when stale or no longer pending. */
static enum kf_err invitation_revoke(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				     int64_t expected_version, struct invitation *current_r)
{
	struct invitation after;
	enum kf_err err;
	struct query q;

	err = store_invitation_get(c, a, org, id, current_r);
	if (err)
		return err;
	if (current_r->version != expected_version)
		return KF_ECONFLICT;
	if (current_r->used_at || current_r->revoked_at)
		return KF_EINVAL;
	q_start(&q, c, STMT_INVITATION_REVOKE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, kf_now());
	q_int(&q, 4, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1)
		return KF_EDB;
	err = store_invitation_get(c, a, org, id, &after);
	if (err)
		return err;
	return history_snapshots(c, org, "invitation", id, "delete", actor, 1, invitation_history_json(current_r), 1,
				 invitation_history_json(&after));
}

enum kf_err store_invitation_revoke(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				    int64_t expected_version, struct invitation *current_r)
{
	enum kf_err err;

	err = tx_begin(c);
	if (err)
		return err;
	err = invitation_revoke(c, a, org, actor, id, expected_version, current_r);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_invitation_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    struct invitation *inv, const char *token_hash, int days, const struct outbox_mail *mail)
{
	struct { int64_t id, version; } earlier[16];
	int64_t now = kf_now();
	struct invitation old;
	enum kf_err err;
	struct query q;
	int n = 0;

	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_MEMBER_BY_EMAIL);
	q_int(&q, 1, org);
	q_text(&q, 2, inv->email);
	err = q_one(&q);
	q_done(&q);
	if (err != KF_ENOTFOUND) {
		err = err ? err : KF_EEXIST;
		goto fail;
	}
	/* a new link replaces the earlier pending ones for this address (the admin may have lost it) */
	q_start(&q, c, STMT_INVITATION_PENDING_FOR_EMAIL);
	q_int(&q, 1, org);
	q_text(&q, 2, inv->email);
	q_int(&q, 3, now);
	while (n < (int)(sizeof(earlier) / sizeof(earlier[0])) && q_step(&q) == DB_ROW) {
		earlier[n].id = q_col_int(&q, 0);
		earlier[n].version = q_col_int(&q, 1);
		n++;
	}
	q_done(&q);
	for (int i = 0; i < n; i++) {
		err = invitation_revoke(c, a, org, actor, earlier[i].id, earlier[i].version, &old);
		if (err)
			goto fail;
	}
	q_start(&q, c, STMT_INVITATION_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, inv->email);
	q_text(&q, 3, member_role_name(inv->role));
	q_text(&q, 4, token_hash);
	q_int(&q, 5, now + (int64_t)days * 24 * 3600);
	q_id_or_null(&q, 6, actor);
	q_int(&q, 7, now);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	err = store_invitation_get(c, a, org, c->store->drv->last_insert_id(c->db), inv);
	if (!err)
		err = history_snapshots(c, org, "invitation", inv->id, "create", actor, 0, NULL, 1,
					invitation_history_json(inv));
	if (!err && mail)
		err = store_outbox_enqueue(c, org, inv->email, mail->subject, mail->body, mail->link);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_invitation_accept(struct store_conn *c, struct arena *a, const struct invitation *inv,
				    int64_t user_id, const char *name, const char *pw_hash, int64_t *user_id_r,
				    int *already_r)
{
	int64_t now = kf_now(), org = inv->org_id;
	struct invitation after;
	struct member m;
	enum kf_err err;
	struct query q;
	int rc;

	*already_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	if (!user_id) {
		err = store_user_create(c, inv->email, name, pw_hash, &user_id);
		if (err)
			goto fail;
	}
	q_start(&q, c, STMT_INVITATION_USE);
	q_int(&q, 1, org);
	q_int(&q, 2, inv->id);
	q_int(&q, 3, now);
	q_int(&q, 4, user_id);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	if (c->store->drv->changes(c->db) != 1) {
		err = KF_ECONFLICT; /* used, revoked or expired meanwhile */
		goto fail;
	}
	err = store_invitation_get(c, a, org, inv->id, &after);
	if (!err)
		err = history_snapshots(c, org, "invitation", inv->id, "update", user_id, 1, invitation_history_json(inv),
					1, invitation_history_json(&after));
	if (err)
		goto fail;
	q_start(&q, c, STMT_MEMBER_INSERT);
	q_int(&q, 1, org);
	q_int(&q, 2, user_id);
	q_text(&q, 3, member_role_name(inv->role));
	q_int(&q, 4, now);
	rc = q_exec(&q);
	if (rc == -2) {
		*already_r = 1; /* a member already (added meanwhile): the role stays as it is */
	} else if (rc < 0) {
		err = KF_EDB;
		goto fail;
	} else {
		err = store_member_get(c, a, org, user_id, &m);
		if (!err)
			err = history_snapshots(c, org, "member", user_id, "create", user_id, 0, NULL, 1,
						member_history_json(&m));
		if (err)
			goto fail;
	}
	*user_id_r = user_id;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}
