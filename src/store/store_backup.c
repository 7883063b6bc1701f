/* store_backup.c: backups (systems, copies, computed facts) and their restore tests, with history in the transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct backup, id) == 0, "q_attach finds backups by their leading id");

/* ---------------------------------------------------------------- reading */

static void read_backup(struct query *q, struct arena *a, void *item)
{
	struct backup *b = item;

	backup_init(b);
	b->id = q_col_int(q, 0);
	b->version = q_col_int(q, 1);
	b->title = q_col_text(q, a, 2);
	b->method = q_col_text(q, a, 3);
	b->frequency_hours = (int)q_col_int(q, 4);
	b->retention_days = q_col_is_null(q, 5) ? -1 : (int)q_col_int(q, 5);
	b->encrypted = q_col_int(q, 6) != 0;
	b->responsible_contact_id = q_col_is_null(q, 7) ? 0 : q_col_int(q, 7);
	b->notes = q_col_text(q, a, 8);
	b->created_at = q_col_int(q, 9);
	b->updated_at = q_col_int(q, 10);
}

/* A row (backup_id, system_id) onto its backup, in order. */
static void add_system(struct query *q, struct arena *a, void *item)
{
	struct backup *b = item;

	(void)a;
	if (b->nsystems < BACKUP_MAX_SYSTEMS)
		b->system_ids[b->nsystems++] = q_col_int(q, 1);
}

/* A row (backup_id, kind, media) onto its backup, in order. */
static void add_copy(struct query *q, struct arena *a, void *item)
{
	struct backup *b = item;
	struct backup_copy *k;

	if (b->ncopies >= BACKUP_MAX_COPIES)
		return;
	k = &b->copies[b->ncopies++];
	if (backup_copy_kind_parse(q->c->store->drv->col_text(q->st, 1), &k->kind) < 0)
		k->kind = BACKUP_COPY_ONSITE; /* not reached: the table's CHECK allows only known names */
	k->media = q_col_text(q, a, 2);
}

static void read_test(struct query *q, struct arena *a, void *item)
{
	struct restore_test *t = item;
	const char *s;

	restore_test_init(t);
	t->id = q_col_int(q, 0);
	t->version = q_col_int(q, 1);
	t->backup_id = q_col_int(q, 2);
	s = q->c->store->drv->col_text(q->st, 3);
	if (strlen(s) < sizeof(t->date))
		memcpy(t->date, s, strlen(s) + 1);
	if (restore_result_parse(q->c->store->drv->col_text(q->st, 4), &t->result) < 0)
		t->result = RESTORE_FAILED; /* not reached: the table's CHECK allows only known names */
	t->duration_minutes = q_col_is_null(q, 5) ? -1 : (int)q_col_int(q, 5);
	t->tested_by_contact_id = q_col_is_null(q, 6) ? 0 : q_col_int(q, 6);
	t->notes = q_col_text(q, a, 7);
	t->created_at = q_col_int(q, 8);
	t->updated_at = q_col_int(q, 9);
}

/* The facts of every backup: the organisation's systems (with their computed targets) and restore tests. */
static enum kf_err fill_facts(struct store_conn *c, struct arena *a, int64_t org, struct backup *list, size_t n)
{
	struct restore_test *tests;
	struct system *systems;
	size_t ns, nt;
	enum kf_err err;
	struct query q;
	char today[11];

	if (!n)
		return KF_OK;
	err = store_system_list(c, a, org, &systems, &ns);
	if (err)
		return err;
	q_start(&q, c, STMT_RESTORE_TESTS_OF_ORG);
	q_int(&q, 1, org);
	err = q_list(&q, a, sizeof(*tests), read_test, (void **)&tests, &nt);
	if (err)
		return err;
	kf_date_iso(kf_now(), today);
	for (size_t i = 0; i < n; i++) {
		backup_facts_reset(&list[i].facts, today);
		backup_facts_from_systems(&list[i], systems, ns);
		backup_facts_from_tests(&list[i], tests, nt);
	}
	return KF_OK;
}

enum kf_err store_backup_list(struct store_conn *c, struct arena *a, int64_t org, struct backup **list_r, size_t *n_r)
{
	enum kf_err err;
	struct query q;

	err = q_list_with_children(c, a, org, STMT_BACKUP_LIST, STMT_BACKUP_SYSTEMS_OF_ORG, sizeof(**list_r),
				   read_backup, add_system, (void **)list_r, n_r);
	if (err)
		return err;
	q_start(&q, c, STMT_BACKUP_COPIES_OF_ORG);
	q_int(&q, 1, org);
	err = q_attach(&q, a, *list_r, *n_r, sizeof(**list_r), add_copy);
	if (!err)
		err = fill_facts(c, a, org, *list_r, *n_r);
	if (err)
		*n_r = 0;
	return err;
}

enum kf_err store_backup_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct backup *out)
{
	struct backup *list;
	enum kf_err err;
	size_t n;

	/* the facts need the organisation's graph and tests; a plan has tens of backups, not thousands */
	err = store_backup_list(c, a, org, &list, &n);
	if (err)
		return err;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id) {
			*out = list[i];
			return KF_OK;
		}
	return KF_ENOTFOUND;
}

/* ---------------------------------------------------------------- references */

/* A field error when id is set but names no live item of this organisation (stmt binds ?1 = org, ?2 = id). */
static enum kf_err check_ref(struct store_conn *c, enum stmt stmt, int64_t org, int64_t id, const char *field,
			     const char *msg, struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	if (id <= 0 || fe_get(fe, field))
		return KF_OK;
	q_start(&q, c, stmt);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	if (rc == DB_DONE)
		fe_add(fe, field, msg);
	return KF_OK;
}

enum kf_err store_backup_check_refs(struct store_conn *c, const struct backup *b, int64_t org, struct field_errors *fe)
{
	enum kf_err err;
	char field[48];

	err = check_ref(c, STMT_CONTACT_EXISTS, org, b->responsible_contact_id, "responsible_contact_id",
			N_("is not a contact of this organisation"), fe);
	for (int i = 0; !err && i < b->nsystems; i++) {
		snprintf(field, sizeof(field), "system_ids[%d]", i);
		err = check_ref(c, STMT_SYSTEM_EXISTS, org, b->system_ids[i], field,
				N_("is not an IT system of this organisation"), fe);
	}
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

/* ---------------------------------------------------------------- writing backups */

static enum kf_err write_children(struct store_conn *c, int64_t org, const void *item)
{
	const struct backup *b = item;
	struct query q;

	q_start(&q, c, STMT_BACKUP_SYSTEMS_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, b->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (int i = 0; i < b->nsystems; i++) {
		q_start(&q, c, STMT_BACKUP_SYSTEM_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, b->id);
		q_int(&q, 3, i);
		q_int(&q, 4, b->system_ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	q_start(&q, c, STMT_BACKUP_COPIES_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, b->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (int i = 0; i < b->ncopies; i++) {
		q_start(&q, c, STMT_BACKUP_COPY_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, b->id);
		q_int(&q, 3, i);
		q_text(&q, 4, backup_copy_kind_name(b->copies[i].kind));
		q_text(&q, 5, b->copies[i].media);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

static void bind_int_or_null(struct query *q, int idx, int v)
{
	if (v < 0)
		q_text_or_null(q, idx, ""); /* binds NULL: not given */
	else
		q_int(q, idx, v);
}

/* The item's own columns from first on: title .. notes. */
static int bind_fields(struct query *q, const void *item, int first)
{
	const struct backup *b = item;

	q_text(q, first, b->title);
	q_text(q, first + 1, b->method);
	q_int(q, first + 2, b->frequency_hours);
	bind_int_or_null(q, first + 3, b->retention_days);
	q_int(q, first + 4, b->encrypted ? 1 : 0);
	q_id_or_null(q, first + 5, b->responsible_contact_id);
	q_text(q, first + 6, b->notes);
	return 7;
}

static enum kf_err check_backup(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				struct field_errors *fe)
{
	(void)a;
	return store_backup_check_refs(c, item, org, fe);
}

static json_t *backup_json(const void *item)
{
	return backup_to_json(item);
}

static const struct store_register backups = {
	.item = &store_item_backup, .entity = "backup",
	.insert = STMT_BACKUP_INSERT, .update = STMT_BACKUP_UPDATE, .remove = STMT_BACKUP_DELETE,
	.bind = bind_fields, .to_json = backup_json, .check_refs = check_backup, .children = write_children,
};

enum kf_err store_backup_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct backup *b,
				struct field_errors *fe)
{
	return register_create(c, a, org, actor, &backups, b, fe);
}

enum kf_err store_backup_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				int64_t expected_version, struct backup *b, struct backup *current_r,
				struct field_errors *fe)
{
	return register_update(c, a, org, actor, &backups, expected_version, b, current_r, fe);
}

enum kf_err store_backup_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				int64_t expected_version, struct backup *current_r)
{
	return register_delete(c, a, org, actor, &backups, id, expected_version, current_r, NULL);
}

/* ---------------------------------------------------------------- restore tests */

enum kf_err store_restore_test_list(struct store_conn *c, struct arena *a, int64_t org, int64_t backup_id,
				    struct restore_test **list_r, size_t *n_r)
{
	enum kf_err err;
	struct query q;

	*list_r = NULL;
	*n_r = 0;
	err = q_exists(c, STMT_BACKUP_EXISTS, org, backup_id);
	if (err)
		return err;
	q_start(&q, c, STMT_RESTORE_TEST_LIST);
	q_int(&q, 1, org);
	q_int(&q, 2, backup_id);
	return q_list(&q, a, sizeof(**list_r), read_test, (void **)list_r, n_r);
}

enum kf_err store_restore_test_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				   struct restore_test *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_RESTORE_TEST_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_test(&q, a, out);
	return q_end(&q, err);
}

enum kf_err store_restore_test_check_refs(struct store_conn *c, const struct restore_test *t, int64_t org,
					  struct field_errors *fe)
{
	enum kf_err err;

	err = check_ref(c, STMT_CONTACT_EXISTS, org, t->tested_by_contact_id, "tested_by_contact_id",
			N_("is not a contact of this organisation"), fe);
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

/* The item's own columns from first on: date .. notes. */
static int bind_test_fields(struct query *q, const void *item, int first)
{
	const struct restore_test *t = item;

	q_text(q, first, t->date);
	q_text(q, first + 1, restore_result_name(t->result));
	bind_int_or_null(q, first + 2, t->duration_minutes);
	q_id_or_null(q, first + 3, t->tested_by_contact_id);
	q_text(q, first + 4, t->notes);
	return 5;
}

static enum kf_err check_test(struct store_conn *c, struct arena *a, const void *item, int64_t org,
			      struct field_errors *fe)
{
	(void)a;
	return store_restore_test_check_refs(c, item, org, fe);
}

static json_t *test_json(const void *item)
{
	return restore_test_to_json(item);
}

static const struct store_register restore_tests = {
	.item = &store_item_restore_test, .entity = "restore_test",
	.insert = STMT_RESTORE_TEST_INSERT, .update = STMT_RESTORE_TEST_UPDATE, .remove = STMT_RESTORE_TEST_DELETE,
	.parent_offset = offsetof(struct restore_test, backup_id), .parent_exists = STMT_BACKUP_EXISTS,
	.bind = bind_test_fields, .to_json = test_json, .check_refs = check_test,
};

enum kf_err store_restore_test_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      struct restore_test *t, struct field_errors *fe)
{
	return register_create(c, a, org, actor, &restore_tests, t, fe);
}

enum kf_err store_restore_test_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      int64_t expected_version, struct restore_test *t, struct restore_test *current_r,
				      struct field_errors *fe)
{
	return register_update(c, a, org, actor, &restore_tests, expected_version, t, current_r, fe);
}

enum kf_err store_restore_test_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				      int64_t expected_version, struct restore_test *current_r)
{
	return register_delete(c, a, org, actor, &restore_tests, id, expected_version, current_r, NULL);
}
