/* store_system.c: IT systems with their dependencies, the cycle check, and the computed values over the graph. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../core/bia.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct system, id) == 0, "q_attach finds systems by their leading id");

static void read_system(struct query *q, struct arena *a, void *item)
{
	struct system *s = item;

	system_init(s);
	s->id = q_col_int(q, 0);
	s->version = q_col_int(q, 1);
	s->name = q_col_text(q, a, 2);
	if (system_type_parse(q->c->store->drv->col_text(q->st, 3), &s->type) < 0)
		s->type = SYSTEM_OTHER; /* not reached: the table's CHECK allows only known names */
	s->location = q_col_text(q, a, 4);
	s->provider_contact_id = q_col_is_null(q, 5) ? 0 : q_col_int(q, 5);
	s->owner_contact_id = q_col_is_null(q, 6) ? 0 : q_col_int(q, 6);
	s->rto_hours = q_col_is_null(q, 7) ? -1 : q_col_int(q, 7);
	s->rpo_hours = q_col_is_null(q, 8) ? -1 : q_col_int(q, 8);
	s->notes = q_col_text(q, a, 9);
	s->created_at = q_col_int(q, 10);
	s->updated_at = q_col_int(q, 11);
	s->required_rto_hours = s->rto_hours;
	s->required_rpo_hours = s->rpo_hours;
}

/* A row (system_id, depends_on_id) onto its system, in order. */
static void add_dep(struct query *q, struct arena *a, void *item)
{
	struct system *s = item;

	(void)a;
	if (s->ndeps < SYSTEM_MAX_DEPS)
		s->depends_on_ids[s->ndeps++] = q_col_int(q, 1);
}

/* The systems as stored, without the computed values. */
static enum kf_err list_raw(struct store_conn *c, struct arena *a, int64_t org, struct system **list_r, size_t *n_r)
{
	return q_list_with_children(c, a, org, STMT_SYSTEM_LIST, STMT_SYSTEM_DEPS_OF_ORG, sizeof(**list_r), read_system,
				    add_dep, (void **)list_r, n_r);
}

enum kf_err store_system_list(struct store_conn *c, struct arena *a, int64_t org, struct system **list_r, size_t *n_r)
{
	struct process *procs;
	size_t np;
	enum kf_err err;

	err = list_raw(c, a, org, list_r, n_r);
	if (!err)
		err = store_process_list(c, a, org, &procs, &np);
	if (!err && bia_compute(*list_r, *n_r, procs, np) < 0)
		err = KF_ENOMEM;
	return err;
}

enum kf_err store_system_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct system *out)
{
	struct system *list;
	enum kf_err err;
	size_t n;

	/* the computed values need the whole graph; a plan has tens of systems, not thousands */
	err = store_system_list(c, a, org, &list, &n);
	if (err)
		return err;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id) {
			*out = list[i];
			return KF_OK;
		}
	return KF_ENOTFOUND;
}

static enum kf_err exists(struct store_conn *c, enum stmt st, int64_t org, int64_t id, int *exists_r)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, st);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	*exists_r = rc == DB_ROW;
	return KF_OK;
}

static enum kf_err check_contact(struct store_conn *c, int64_t org, int64_t id, const char *field,
				 struct field_errors *fe)
{
	enum kf_err err;
	int ok;

	if (!id)
		return KF_OK;
	err = exists(c, STMT_CONTACT_EXISTS, org, id, &ok);
	if (!err && !ok)
		fe_add(fe, field, N_("is not a contact of this organisation"));
	return err;
}

/* Refuses a dependency cycle through s over the organisation's graph with s as it would be saved. */
static enum kf_err check_cycle(struct store_conn *c, struct arena *a, const struct system *s, int64_t org,
			       struct field_errors *fe)
{
	int64_t path[BIA_CYCLE_MAX];
	struct system *list;
	enum kf_err err;
	int len, found;
	size_t n;

	if (!s->id || !s->ndeps)
		return KF_OK; /* nothing depends on a new system yet, so it cannot close a cycle */
	err = list_raw(c, a, org, &list, &n);
	if (err)
		return err;
	for (size_t i = 0; i < n; i++)
		if (list[i].id == s->id)
			list[i] = *s;
	found = bia_find_cycle(list, n, s->id, path, BIA_CYCLE_MAX, &len);
	if (found < 0)
		return KF_ENOMEM;
	if (found) {
		const char *text = bia_cycle_text(a, list, n, path, len);

		if (!text)
			return KF_ENOMEM;
		fe_add_arg(fe, "depends_on_ids", N_("would create a cycle: %s"), text);
	}
	return KF_OK;
}

enum kf_err store_system_check_refs(struct store_conn *c, struct arena *a, const struct system *s, int64_t org,
				    struct field_errors *fe)
{
	char field[48];
	enum kf_err err;
	int ok, bad = 0;

	err = check_contact(c, org, s->provider_contact_id, "provider_contact_id", fe);
	if (!err)
		err = check_contact(c, org, s->owner_contact_id, "owner_contact_id", fe);
	for (int i = 0; i < s->ndeps && !err; i++) {
		err = exists(c, STMT_SYSTEM_EXISTS, org, s->depends_on_ids[i], &ok);
		if (!err && !ok) {
			snprintf(field, sizeof(field), "depends_on_ids[%d]", i);
			fe_add(fe, field, N_("is not an IT system of this organisation"));
			bad = 1;
		}
	}
	if (!err && !bad)
		err = check_cycle(c, a, s, org, fe);
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

static enum kf_err write_deps(struct store_conn *c, int64_t org, const void *item)
{
	const struct system *s = item;
	struct query q;

	q_start(&q, c, STMT_SYSTEM_DEPS_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, s->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	for (int i = 0; i < s->ndeps; i++) {
		q_start(&q, c, STMT_SYSTEM_DEP_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, s->id);
		q_int(&q, 3, i);
		q_int(&q, 4, s->depends_on_ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

/* review marks: the chapters this change affects, in the same transaction */
static enum kf_err mark_system(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
			       const void *before, const void *after)
{
	(void)a;
	return review_mark_system(c, org, actor, action, before, after);
}

static void bind_opt(struct query *q, int idx, int64_t v)
{
	if (!q->st)
		return;
	if ((v < 0 ? q->c->store->drv->bind_null(q->st, idx) : q->c->store->drv->bind_int(q->st, idx, v)) < 0)
		q->failed = 1;
}

/* The item's own columns from first on: name .. notes. */
static int bind_system_fields(struct query *q, const void *item, int first)
{
	const struct system *s = item;

	q_text(q, first, s->name);
	q_text(q, first + 1, system_type_name(s->type));
	q_text(q, first + 2, s->location);
	q_id_or_null(q, first + 3, s->provider_contact_id);
	q_id_or_null(q, first + 4, s->owner_contact_id);
	bind_opt(q, first + 5, s->rto_hours);
	bind_opt(q, first + 6, s->rpo_hours);
	q_text(q, first + 7, s->notes);
	return 8;
}

/* Appends the names of one query's rows to sb, separated by ", ". */
static enum kf_err names_of(struct store_conn *c, enum stmt st, int64_t org, int64_t id, struct strbuf *sb)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, st);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	while ((rc = q_step(&q)) == DB_ROW) {
		if (sb->len)
			sb_adds(sb, ", ");
		sb_adds(sb, c->store->drv->col_text(q.st, 0));
	}
	q_done(&q);
	return rc == DB_DONE ? KF_OK : KF_EDB;
}

enum kf_err store_system_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **used_by_r)
{
	struct strbuf sb;
	enum kf_err err;

	*used_by_r = NULL;
	sb_init(&sb, 64 * 1024);
	err = names_of(c, STMT_SYSTEM_NEEDED_BY, org, id, &sb);
	if (!err)
		err = names_of(c, STMT_SYSTEM_DEPENDENTS, org, id, &sb);
	if (!err && sb.failed)
		err = KF_ENOMEM;
	if (!err && sb.len && !(*used_by_r = arena_strdup(a, sb.buf)))
		err = KF_ENOMEM;
	sb_release(&sb);
	return err;
}

static enum kf_err check_system(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				struct field_errors *fe)
{
	return store_system_check_refs(c, a, item, org, fe);
}

static json_t *system_json(const void *item)
{
	return system_to_json(item);
}

/* riskcfg: risks keep their other links */
static enum kf_err drop_risk_links(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id)
{
	return risk_drop_links(c, a, org, actor, 1, id);
}

static const struct store_register systems = {
	.item = &store_item_system, .entity = "system",
	.insert = STMT_SYSTEM_INSERT, .update = STMT_SYSTEM_UPDATE, .remove = STMT_SYSTEM_DELETE,
	.bind = bind_system_fields, .to_json = system_json, .check_refs = check_system, .children = write_deps,
	.used_by = store_system_used_by, .before_delete = drop_risk_links, .after_write = mark_system,
};

enum kf_err store_system_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct system *s,
				struct field_errors *fe)
{
	return register_create(c, a, org, actor, &systems, s, fe);
}

enum kf_err store_system_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				int64_t expected_version, struct system *s, struct system *current_r,
				struct field_errors *fe)
{
	return register_update(c, a, org, actor, &systems, expected_version, s, current_r, fe);
}

enum kf_err store_system_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				int64_t expected_version, struct system *current_r, const char **used_by_r)
{
	return register_delete(c, a, org, actor, &systems, id, expected_version, current_r, used_by_r);
}
