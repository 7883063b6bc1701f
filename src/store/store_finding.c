/* store_finding.c: the findings of exercises, with history in the same transaction. */
#include <stddef.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

static void read_finding(struct query *q, struct arena *a, void *item)
{
	struct finding *f = item;
	const char *s;

	finding_init(f);
	f->id = q_col_int(q, 0);
	f->version = q_col_int(q, 1);
	f->exercise_id = q_col_int(q, 2);
	f->title = q_col_text(q, a, 3);
	f->description = q_col_text(q, a, 4);
	if (finding_severity_parse(q->c->store->drv->col_text(q->st, 5), &f->severity) < 0)
		f->severity = FINDING_MEDIUM; /* not reached: the table's CHECK allows only known names */
	if (finding_status_parse(q->c->store->drv->col_text(q->st, 6), &f->status) < 0)
		f->status = FINDING_OPEN;
	f->responsible_contact_id = q_col_is_null(q, 7) ? 0 : q_col_int(q, 7);
	s = q->c->store->drv->col_text(q->st, 8);
	if (strlen(s) < sizeof(f->due_date))
		memcpy(f->due_date, s, strlen(s) + 1);
	f->created_at = q_col_int(q, 9);
	f->updated_at = q_col_int(q, 10);
}

enum kf_err store_finding_list(struct store_conn *c, struct arena *a, int64_t org, int64_t exercise_id,
			       struct finding **list_r, size_t *n_r)
{
	enum kf_err err;
	struct query q;

	*list_r = NULL;
	*n_r = 0;
	err = q_exists(c, STMT_EXERCISE_EXISTS, org, exercise_id);
	if (err)
		return err;
	q_start(&q, c, STMT_FINDING_LIST);
	q_int(&q, 1, org);
	q_int(&q, 2, exercise_id);
	return q_list(&q, a, sizeof(**list_r), read_finding, (void **)list_r, n_r);
}

enum kf_err store_finding_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct finding *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_FINDING_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_finding(&q, a, out);
	return q_end(&q, err);
}

enum kf_err store_finding_check_refs(struct store_conn *c, const struct finding *f, int64_t org,
				     struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	if (f->responsible_contact_id && !fe_get(fe, "responsible_contact_id")) {
		q_start(&q, c, STMT_CONTACT_EXISTS);
		q_int(&q, 1, org);
		q_int(&q, 2, f->responsible_contact_id);
		rc = q_step(&q);
		q_done(&q);
		if (rc != DB_ROW && rc != DB_DONE)
			return KF_EDB;
		if (rc == DB_DONE)
			fe_add(fe, "responsible_contact_id", N_("is not a contact of this organisation"));
	}
	return fe->n ? KF_EINVAL : KF_OK;
}

/* The item's own columns from first on: title .. due_date. */
static int bind_fields(struct query *q, const void *item, int first)
{
	const struct finding *f = item;

	q_text(q, first, f->title);
	q_text(q, first + 1, f->description);
	q_text(q, first + 2, finding_severity_name(f->severity));
	q_text(q, first + 3, finding_status_name(f->status));
	q_id_or_null(q, first + 4, f->responsible_contact_id);
	q_text_or_null(q, first + 5, f->due_date);
	return 6;
}

static enum kf_err check_finding(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				 struct field_errors *fe)
{
	(void)a;
	return store_finding_check_refs(c, item, org, fe);
}

static json_t *finding_json(const void *item)
{
	return finding_to_json(item);
}

static const struct store_register findings = {
	.item = &store_item_finding, .entity = "finding",
	.insert = STMT_FINDING_INSERT, .update = STMT_FINDING_UPDATE, .remove = STMT_FINDING_DELETE,
	.parent_offset = offsetof(struct finding, exercise_id), .parent_exists = STMT_EXERCISE_EXISTS,
	.bind = bind_fields, .to_json = finding_json, .check_refs = check_finding,
};

enum kf_err store_finding_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct finding *f,
				 struct field_errors *fe)
{
	return register_create(c, a, org, actor, &findings, f, fe);
}

enum kf_err store_finding_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct finding *f, struct finding *current_r,
				 struct field_errors *fe)
{
	return register_update(c, a, org, actor, &findings, expected_version, f, current_r, fe);
}

enum kf_err store_finding_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct finding *current_r)
{
	return register_delete(c, a, org, actor, &findings, id, expected_version, current_r, NULL);
}
