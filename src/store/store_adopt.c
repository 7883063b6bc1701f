/* store_adopt.c: taking over starter content (roles, authority contacts) in one transaction. */
#include "../lib/arena.h"
#include "store-private.h"
#include "../lib/banned.h"

/* 1 when the organisation has a live item of this name (the statement binds org, name). */
static enum kf_err name_taken(struct store_conn *c, enum stmt id, int64_t org, const char *name, int *taken_r)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, id);
	q_int(&q, 1, org);
	q_text(&q, 2, name);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	*taken_r = rc == DB_ROW;
	return KF_OK;
}

enum kf_err store_team_adopt(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct contact *contacts,
			     size_t ncontacts, struct role *roles, size_t nroles, size_t *created_r, size_t *skipped_r)
{
	struct field_errors fe = { 0 }; /* a template role names no contacts, so it has no references to refuse */
	enum kf_err err;
	size_t i;
	int taken;

	*created_r = *skipped_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	for (i = 0; i < ncontacts && !err; i++) {
		err = name_taken(c, STMT_CONTACT_NAME_TAKEN, org, contacts[i].name, &taken);
		if (!err && taken)
			++*skipped_r;
		else if (!err && !(err = store_contact_create(c, a, org, actor, &contacts[i])))
			++*created_r;
	}
	for (i = 0; i < nroles && !err; i++) {
		err = name_taken(c, STMT_ROLE_NAME_TAKEN, org, roles[i].name, &taken);
		if (!err && taken)
			++*skipped_r;
		else if (!err && !(err = store_role_create(c, a, org, actor, &roles[i], &fe)))
			++*created_r;
	}
	if (err) {
		tx_rollback(c);
		*created_r = *skipped_r = 0;
		return err;
	}
	return tx_commit(c);
}
