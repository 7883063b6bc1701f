/* store_exercise.c: exercises with their participants and observers, with history in the same transaction. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct exercise, id) == 0, "q_attach finds exercises by their leading id");

static int col_int_or_none(struct query *q, int col)
{
	return q_col_is_null(q, col) ? -1 : (int)q_col_int(q, col);
}

static void read_exercise(struct query *q, struct arena *a, void *item)
{
	struct exercise *e = item;
	const char *s;

	exercise_init(e);
	e->id = q_col_int(q, 0);
	e->version = q_col_int(q, 1);
	if (exercise_type_parse(q->c->store->drv->col_text(q->st, 2), &e->type) < 0)
		e->type = EXERCISE_TABLETOP; /* not reached: the table's CHECK allows only known names */
	e->title = q_col_text(q, a, 3);
	e->scenario_risk_id = q_col_is_null(q, 4) ? 0 : q_col_int(q, 4);
	s = q->c->store->drv->col_text(q->st, 5);
	if (strlen(s) < sizeof(e->date))
		memcpy(e->date, s, strlen(s) + 1);
	if (exercise_status_parse(q->c->store->drv->col_text(q->st, 6), &e->status) < 0)
		e->status = EXERCISE_PLANNED;
	e->goals = q_col_text(q, a, 7);
	e->went_well = q_col_text(q, a, 8);
	e->to_improve = q_col_text(q, a, 9);
	e->achieved_rto_hours = col_int_or_none(q, 10);
	e->achieved_rpo_hours = col_int_or_none(q, 11);
	e->duration_minutes = col_int_or_none(q, 12);
	e->open_findings = (int)q_col_int(q, 13);
	e->created_at = q_col_int(q, 14);
	e->updated_at = q_col_int(q, 15);
}

/* A row (exercise_id, kind, contact_id) onto its exercise, in order. */
static void add_person(struct query *q, struct arena *a, void *item)
{
	const char *kind = q->c->store->drv->col_text(q->st, 1);
	struct exercise *e = item;

	(void)a;
	if (strcmp(kind, "observer") == 0) {
		if (e->nobservers < EXERCISE_MAX_PEOPLE)
			e->observer_ids[e->nobservers++] = q_col_int(q, 2);
	} else if (e->nparticipants < EXERCISE_MAX_PEOPLE) {
		e->participant_ids[e->nparticipants++] = q_col_int(q, 2);
	}
}

enum kf_err store_exercise_list(struct store_conn *c, struct arena *a, int64_t org, struct exercise **list_r,
				size_t *n_r)
{
	return q_list_with_children(c, a, org, STMT_EXERCISE_LIST, STMT_EXERCISE_PEOPLE_OF_ORG, sizeof(**list_r),
				    read_exercise, add_person, (void **)list_r, n_r);
}

enum kf_err store_exercise_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct exercise *out)
{
	return q_get_with_children(c, a, org, id, STMT_EXERCISE_GET, STMT_EXERCISE_PEOPLE, read_exercise, add_person,
				   out);
}

/* A field error when id is set but names no item of this organisation (stmt binds ?1 = org, ?2 = id). */
static enum kf_err check_ref(struct store_conn *c, enum stmt stmt, int64_t org, int64_t id, const char *field,
			     const char *msg, struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	if (!id || fe_get(fe, field))
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

enum kf_err store_exercise_check_refs(struct store_conn *c, const struct exercise *e, int64_t org,
				      struct field_errors *fe)
{
	static const char *const no_contact = N_("is not a contact of this organisation");
	enum kf_err err;
	char field[48];

	err = check_ref(c, STMT_EXERCISE_RISK_EXISTS, org, e->scenario_risk_id, "scenario_risk_id",
			N_("is not a risk of this organisation"), fe);
	for (int i = 0; !err && i < e->nparticipants; i++) {
		snprintf(field, sizeof(field), "participant_ids[%d]", i);
		err = check_ref(c, STMT_CONTACT_EXISTS, org, e->participant_ids[i], field, no_contact, fe);
	}
	for (int i = 0; !err && i < e->nobservers; i++) {
		snprintf(field, sizeof(field), "observer_ids[%d]", i);
		err = check_ref(c, STMT_CONTACT_EXISTS, org, e->observer_ids[i], field, no_contact, fe);
	}
	if (err)
		return err;
	return fe->n ? KF_EINVAL : KF_OK;
}

static enum kf_err write_people_of(struct store_conn *c, int64_t org, int64_t id, const char *kind,
				   const int64_t *ids, int n)
{
	struct query q;

	for (int i = 0; i < n; i++) {
		q_start(&q, c, STMT_EXERCISE_PERSON_INSERT);
		q_int(&q, 1, org);
		q_int(&q, 2, id);
		q_text(&q, 3, kind);
		q_int(&q, 4, i);
		q_int(&q, 5, ids[i]);
		if (q_exec(&q) < 0)
			return KF_EDB;
	}
	return KF_OK;
}

static enum kf_err write_people(struct store_conn *c, int64_t org, const void *item)
{
	const struct exercise *e = item;
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_EXERCISE_PEOPLE_CLEAR);
	q_int(&q, 1, org);
	q_int(&q, 2, e->id);
	if (q_exec(&q) < 0)
		return KF_EDB;
	err = write_people_of(c, org, e->id, "participant", e->participant_ids, e->nparticipants);
	if (!err)
		err = write_people_of(c, org, e->id, "observer", e->observer_ids, e->nobservers);
	return err;
}

static void bind_int_or_null(struct query *q, int idx, int v)
{
	if (v < 0)
		q_text_or_null(q, idx, ""); /* binds NULL: not measured */
	else
		q_int(q, idx, v);
}

/* The item's own columns from first on: type .. duration_minutes. */
static int bind_fields(struct query *q, const void *item, int first)
{
	const struct exercise *e = item;

	q_text(q, first, exercise_type_name(e->type));
	q_text(q, first + 1, e->title);
	q_id_or_null(q, first + 2, e->scenario_risk_id);
	q_text(q, first + 3, e->date);
	q_text(q, first + 4, exercise_status_name(e->status));
	q_text(q, first + 5, e->goals);
	q_text(q, first + 6, e->went_well);
	q_text(q, first + 7, e->to_improve);
	bind_int_or_null(q, first + 8, e->achieved_rto_hours);
	bind_int_or_null(q, first + 9, e->achieved_rpo_hours);
	bind_int_or_null(q, first + 10, e->duration_minutes);
	return 11;
}

static enum kf_err check_exercise(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				  struct field_errors *fe)
{
	(void)a;
	return store_exercise_check_refs(c, item, org, fe);
}

static json_t *exercise_json(const void *item)
{
	return exercise_to_json(item);
}

/* Open findings keep an exercise. */
static enum kf_err exercise_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				   const char **used_by_r)
{
	struct exercise e;
	enum kf_err err = store_exercise_get(c, a, org, id, &e);

	if (!err && e.open_findings > 0)
		/* German, the product's first language: the store knows no request language */
		*used_by_r = arena_printf(a, "%d %s", e.open_findings,
					  i18n_tr(KF_LANG_DE, e.open_findings == 1 ? N_("open finding") : N_("open findings")));
	return err;
}

static const struct store_register exercises = {
	.item = &store_item_exercise, .entity = "exercise",
	.insert = STMT_EXERCISE_INSERT, .update = STMT_EXERCISE_UPDATE, .remove = STMT_EXERCISE_DELETE,
	.bind = bind_fields, .to_json = exercise_json, .check_refs = check_exercise, .children = write_people,
	.used_by = exercise_used_by,
};

enum kf_err store_exercise_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct exercise *e,
				  struct field_errors *fe)
{
	return register_create(c, a, org, actor, &exercises, e, fe);
}

enum kf_err store_exercise_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				  int64_t expected_version, struct exercise *e, struct exercise *current_r,
				  struct field_errors *fe)
{
	return register_update(c, a, org, actor, &exercises, expected_version, e, current_r, fe);
}

enum kf_err store_exercise_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				  int64_t expected_version, struct exercise *current_r, const char **used_by_r)
{
	return register_delete(c, a, org, actor, &exercises, id, expected_version, current_r, used_by_r);
}
