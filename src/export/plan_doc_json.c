/* plan_doc_json.c: a snapshot or JSON export back into the typed plan document: core validators, references, computed values. */
#define _DEFAULT_SOURCE /* timegm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plan_doc_json.h"
#include "../core/bia.h"
#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "../lib/banned.h"

/* A section holds at most this many items (a plan has tens; this bounds the work on hostile input). */
#define PLAN_JSON_ITEMS_MAX 10000
#define PLAN_JSON_ITEMS_MAX_TEXT "10000"

#define MSG_LIST N_("must be a list")
#define MSG_OBJECT N_("must be an object")
#define MSG_ID N_("must be a positive whole number (the item's id)")
#define MSG_TIME N_("is not a time (YYYY-MM-DDTHH:MM:SSZ)")

void plan_json_error_add(struct plan_json_errors *errs, const char *path, const char *msg, const char *arg)
{
	struct plan_json_error *e;

	if (errs->n >= PLAN_JSON_ERRORS_MAX) {
		errs->dropped++;
		return;
	}
	e = &errs->e[errs->n++];
	snprintf(e->path, sizeof(e->path), "%s", path);
	e->msg = msg;
	e->arg = arg;
}

/* The ids of one section, sorted, for the reference checks. */
struct idset {
	int64_t *ids;
	size_t n;
};

/* Everything read so far. */
struct pdj {
	struct arena *a;
	const char *today;
	struct plan_json_errors *errs;
	struct risk_settings *rs;
	size_t nsystems; /* for the places of the recovery overrides */
	struct idset contacts, roles, processes, systems, backups, exercises, risks;
	int oom;
};

/* Reads one item from o into item (already zeroed); errors go to fe by field name. */
typedef void (*item_read_fn)(struct pdj *x, void *item, const json_t *o, struct field_errors *fe);

struct sec {
	const char *name;
	size_t size;
	size_t off_created, off_updated;
	item_read_fn read;
};

/* "2025-03-01T10:15:00Z" into *t_r: 0, or -1. */
static int time_parse(const char *s, int64_t *t_r)
{
	struct tm tm;
	int y, mo, d, h, mi, se;
	char z;

	if (strlen(s) != 20 || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 || z != 'Z' ||
	    s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return -1;
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60 || h < 0 ||
	    mi < 0 || se < 0)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	*t_r = (int64_t)timegm(&tm);
	return 0;
}

static void time_read(const json_t *o, const char *key, int64_t *out, struct field_errors *fe)
{
	const json_t *v = json_object_get(o, key);

	*out = 0;
	if (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v))) /* never written: null or "" */
		return;
	if (!json_is_string(v) || time_parse(json_string_value(v), out) < 0)
		fe_add(fe, key, MSG_TIME);
}

/* A positive id (required) or, with zero_ok, 0 or null too (a settings item not written yet). */
static void id_read(const json_t *o, const char *key, int zero_ok, int64_t *out, struct field_errors *fe)
{
	const json_t *v = json_object_get(o, key);

	if (json_is_integer(v) && (json_integer_value(v) > 0 || (zero_ok && json_integer_value(v) == 0)))
		*out = json_integer_value(v);
	else if (zero_ok && (!v || json_is_null(v)))
		*out = 0;
	else
		fe_add(fe, key, MSG_ID);
}

/* id, version, created_at, updated_at of an item (the validators keep what the item had). */
static void bookkeeping(const json_t *o, void *item, const struct sec *s, int zero_ok, struct field_errors *fe)
{
	int64_t *idv = item; /* every item starts with int64_t id; int64_t version; */
	const json_t *ver = json_object_get(o, "version");

	id_read(o, "id", zero_ok, &idv[0], fe);
	idv[1] = 1;
	if (ver && !json_is_null(ver)) {
		if (json_is_integer(ver) && json_integer_value(ver) >= 0)
			idv[1] = json_integer_value(ver);
		else
			fe_add(fe, "version", N_("must be a version number"));
	}
	time_read(o, "created_at", (int64_t *)((char *)item + s->off_created), fe);
	time_read(o, "updated_at", (int64_t *)((char *)item + s->off_updated), fe);
}

/* The field errors of one item, each under prefix. */
static void fe_move(struct pdj *x, const char *prefix, const struct field_errors *fe)
{
	char path[192];

	for (int i = 0; i < fe->n; i++) {
		snprintf(path, sizeof(path), "%s.%s", prefix, fe->e[i].field);
		plan_json_error_add(x->errs, path, fe->e[i].msg, fe->e[i].arg);
	}
}

/* ---- one reader per item type: the core's from_json, then its validate */

static void rd_risk(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	struct risk *k = item;
	const json_t *cn = json_object_get(o, "category_name");

	risk_init(k);
	risk_from_json(k, x->a, o, 0, fe);
	k->scale = x->rs->scale;
	risk_validate(k, x->a, fe);
	/* own categories are no section: their name travels with the risk */
	k->category_name = json_is_string(cn) ? arena_strdup(x->a, json_string_value(cn)) : "";
	if (!k->category_name)
		x->oom = 1;
	if (k->category == RISK_CAT_OWN && !*k->category_name)
		fe_add(fe, "category_name", N_("must not be empty"));
}

static void rd_process(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	process_init(item);
	process_from_json(item, x->a, o, 0, fe);
	process_validate(item, x->a, fe);
}

static void rd_system(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	system_init(item);
	system_from_json(item, x->a, o, 0, fe);
	system_validate(item, x->a, fe);
}

static void rd_contact(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	contact_init(item);
	contact_from_json(item, x->a, o, 0, fe);
	contact_validate(item, x->a, x->today, fe);
}

static void rd_role(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	role_init(item);
	role_from_json(item, x->a, o, 0, fe);
	role_validate(item, x->a, fe);
}

static void rd_alarm_step(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	alarm_step_init(item);
	alarm_step_from_json(item, x->a, o, 0, fe);
	alarm_step_validate(item, fe);
}

static void rd_backup(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	backup_init(item);
	backup_from_json(item, x->a, o, 0, fe);
	backup_validate(item, x->a, fe);
}

static void rd_restore_test(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	struct restore_test *t = item;

	restore_test_init(t);
	restore_test_from_json(t, x->a, o, 0, fe);
	restore_test_validate(t, x->today, fe);
	id_read(o, "backup_id", 0, &t->backup_id, fe); /* read-only for the API: set from the path */
}

static void rd_runbook(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	runbook_init(item);
	runbook_from_json(item, x->a, o, 0, fe);
	runbook_validate(item, fe);
}

static void rd_workaround(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	workaround_init(item);
	workaround_from_json(item, x->a, o, 0, fe);
	workaround_validate(item, x->a, fe);
}

static void rd_copy(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	struct plan_copy *p = item;

	plan_copy_init(p);
	plan_copy_from_json(p, x->a, o, 0, fe);
	plan_copy_validate(p, x->a, x->today, fe);
	/* when the plan last changed is a fact of the store, not of the registers: kept as given */
	time_read(o, "plan_changed_at", &p->plan_changed_at, fe);
}

static void rd_ack(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	ack_init(item);
	ack_from_json(item, x->a, o, 0, fe);
	ack_validate(item, x->today, fe);
}

static void rd_template(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	comm_template_init(item);
	comm_template_from_json(item, x->a, o, 0, fe);
	comm_template_validate(item, x->a, fe);
}

static void rd_exercise(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	exercise_init(item);
	exercise_from_json(item, x->a, o, 0, fe);
	exercise_validate(item, x->a, x->today, fe);
}

static void rd_finding(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	struct finding *f = item;

	finding_init(f);
	finding_from_json(f, x->a, o, 0, fe);
	finding_validate(f, x->a, fe);
	id_read(o, "exercise_id", 0, &f->exercise_id, fe); /* read-only for the API: set on creation */
}

static void rd_alarm_plan(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	alarm_plan_init(item);
	alarm_plan_from_json(item, x->a, o, fe);
	alarm_plan_validate(item, fe);
}

static void rd_review(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	review_init(item);
	review_from_json(item, x->a, o, fe);
	review_validate(item, x->today, fe);
}

static void rd_overrides(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	recovery_overrides_init(item);
	recovery_overrides_from_json(item, x->a, o, fe);
	recovery_overrides_validate(item, x->a, x->nsystems, 0, fe);
}

static void rd_risk_settings(struct pdj *x, void *item, const json_t *o, struct field_errors *fe)
{
	int confirm = 0;

	(void)x;
	risk_settings_init(item);
	risk_settings_from_json(item, o, &confirm, fe);
}

#define SEC(name, type, fn) { name, sizeof(struct type), offsetof(struct type, created_at), offsetof(struct type, updated_at), fn }

enum {
	S_RISKS, S_PROCESSES, S_SYSTEMS, S_CONTACTS, S_ROLES, S_ALARM_STEPS, S_BACKUPS, S_RESTORE_TESTS, S_RUNBOOKS,
	S_WORKAROUNDS, S_COPIES, S_ACKS, S_TEMPLATES, S_EXERCISES, S_FINDINGS, S__LISTS,
	S_ALARM_PLAN = S__LISTS, S_REVIEW, S_OVERRIDES, S_RISK_SETTINGS, S__MAX
};

static const struct sec secs[S__MAX] = {
	[S_RISKS] = SEC("risks", risk, rd_risk),
	[S_PROCESSES] = SEC("processes", process, rd_process),
	[S_SYSTEMS] = SEC("systems", system, rd_system),
	[S_CONTACTS] = SEC("contacts", contact, rd_contact),
	[S_ROLES] = SEC("roles", role, rd_role),
	[S_ALARM_STEPS] = SEC("alarm_steps", alarm_step, rd_alarm_step),
	[S_BACKUPS] = SEC("backups", backup, rd_backup),
	[S_RESTORE_TESTS] = SEC("restore_tests", restore_test, rd_restore_test),
	[S_RUNBOOKS] = SEC("runbooks", runbook, rd_runbook),
	[S_WORKAROUNDS] = SEC("workarounds", workaround, rd_workaround),
	[S_COPIES] = SEC("plan_copies", plan_copy, rd_copy),
	[S_ACKS] = SEC("acknowledgements", acknowledgement, rd_ack),
	[S_TEMPLATES] = SEC("comm_templates", comm_template, rd_template),
	[S_EXERCISES] = SEC("exercises", exercise, rd_exercise),
	[S_FINDINGS] = SEC("findings", finding, rd_finding),
	[S_ALARM_PLAN] = SEC("alarm_plan", alarm_plan, rd_alarm_plan),
	[S_REVIEW] = SEC("review", plan_review, rd_review),
	[S_OVERRIDES] = SEC("recovery_overrides", recovery_overrides, rd_overrides),
	[S_RISK_SETTINGS] = SEC("risk_settings", risk_settings, rd_risk_settings),
};

static int cmp_id(const void *p, const void *q)
{
	int64_t a = *(const int64_t *)p, b = *(const int64_t *)q;

	return a < b ? -1 : a > b;
}

/* Builds the sorted id set of a list and names each id used twice. */
static void idset_build(struct pdj *x, const struct sec *s, const void *items, size_t n, struct idset *set)
{
	set->n = 0;
	set->ids = NULL;
	if (!n)
		return;
	if (!(set->ids = ARENA_NEW(x->a, int64_t, n))) {
		x->oom = 1;
		return;
	}
	for (size_t i = 0; i < n; i++)
		set->ids[i] = *(const int64_t *)((const char *)items + i * s->size);
	set->n = n;
	qsort(set->ids, n, sizeof(int64_t), cmp_id);
	for (size_t i = 1; i < n; i++) {
		if (set->ids[i] != set->ids[i - 1] || set->ids[i] <= 0)
			continue;
		/* name every item with this id but the first */
		for (size_t j = 0, seen = 0; j < n; j++)
			if (*(const int64_t *)((const char *)items + j * s->size) == set->ids[i] && seen++ == 1) {
				char path[192];

				snprintf(path, sizeof(path), "sections.%s[%zu].id", s->name, j);
				plan_json_error_add(x->errs, path, N_("is used twice"), NULL);
			}
		while (i + 1 < n && set->ids[i + 1] == set->ids[i])
			i++;
	}
}

/* Reads a list section into a new array in the arena. */
static void *read_list(struct pdj *x, const json_t *sections, const struct sec *s, size_t *n_r)
{
	const json_t *arr = json_object_get(sections, s->name), *o;
	char prefix[96];
	size_t i, n;
	char *items;

	*n_r = 0;
	snprintf(prefix, sizeof(prefix), "sections.%s", s->name);
	if (!arr)
		return NULL;
	if (!json_is_array(arr)) {
		plan_json_error_add(x->errs, prefix, MSG_LIST, NULL);
		return NULL;
	}
	n = json_array_size(arr);
	if (n > PLAN_JSON_ITEMS_MAX) {
		plan_json_error_add(x->errs, prefix, N_("holds more than %s items"), PLAN_JSON_ITEMS_MAX_TEXT);
		return NULL;
	}
	if (!n)
		return NULL;
	if (!(items = arena_alloc(x->a, n * s->size))) {
		x->oom = 1;
		return NULL;
	}
	memset(items, 0, n * s->size);
	json_array_foreach(arr, i, o) {
		struct field_errors fe;
		void *item = items + i * s->size;

		snprintf(prefix, sizeof(prefix), "sections.%s[%zu]", s->name, i);
		if (!json_is_object(o)) {
			plan_json_error_add(x->errs, prefix, MSG_OBJECT, NULL);
			continue;
		}
		memset(&fe, 0, sizeof(fe));
		s->read(x, item, o, &fe);
		bookkeeping(o, item, s, 0, &fe);
		fe_move(x, prefix, &fe);
	}
	*n_r = n;
	return items;
}

/* Reads a single-item section into item (zeroed); 1 when it is there (valid or not), else 0. */
static int read_single(struct pdj *x, const json_t *sections, const struct sec *s, void *item)
{
	const json_t *o = json_object_get(sections, s->name);
	struct field_errors fe;
	char prefix[96];

	snprintf(prefix, sizeof(prefix), "sections.%s", s->name);
	memset(item, 0, s->size);
	if (!o)
		return 0;
	if (!json_is_object(o)) {
		plan_json_error_add(x->errs, prefix, MSG_OBJECT, NULL);
		return 1;
	}
	memset(&fe, 0, sizeof(fe));
	s->read(x, item, o, &fe);
	bookkeeping(o, item, s, 1, &fe);
	fe_move(x, prefix, &fe);
	return 1;
}

/* ---- references */

static int idset_has(const struct idset *set, int64_t id)
{
	return set->n && bsearch(&id, set->ids, set->n, sizeof(int64_t), cmp_id) != NULL;
}

/* Names field of item i of section (idx >= 0: its element idx) unless id is 0 or in set. */
static void ref(struct pdj *x, const char *section, size_t i, const char *field, int idx, int64_t id,
		const struct idset *set, const char *msg)
{
	char path[192];

	if (!id || idset_has(set, id))
		return;
	if (idx >= 0)
		snprintf(path, sizeof(path), "sections.%s[%zu].%s[%d]", section, i, field, idx);
	else if (i == (size_t)-1)
		snprintf(path, sizeof(path), "sections.%s.%s", section, field);
	else
		snprintf(path, sizeof(path), "sections.%s[%zu].%s", section, i, field);
	plan_json_error_add(x->errs, path, msg, NULL);
}

#define NOT_CONTACT N_("is not a contact of this organisation")
#define NOT_ROLE N_("is not a role of this organisation")
#define NOT_PROCESS N_("is not a process of this organisation")
#define NOT_SYSTEM N_("is not an IT system of this organisation")
#define NOT_RISK N_("is not a risk of this organisation")
#define NOT_BACKUP N_("is not a backup of this organisation")
#define NOT_EXERCISE N_("is not an exercise of this organisation")
#define NO_INDEX ((size_t)-1)

static void check_refs(struct pdj *x, const struct plan_data *d, const struct alarm_step *steps, size_t nsteps,
		       const struct restore_test *tests, size_t ntests, const struct recovery_overrides *ov)
{
	for (size_t i = 0; i < d->nrisks; i++) {
		const struct risk *k = &d->risks[i];

		ref(x, "risks", i, "owner_contact_id", -1, k->owner_contact_id, &x->contacts, NOT_CONTACT);
		for (int j = 0; j < k->nprocesses; j++)
			ref(x, "risks", i, "process_ids", j, k->process_ids[j], &x->processes, NOT_PROCESS);
		for (int j = 0; j < k->nsystems; j++)
			ref(x, "risks", i, "system_ids", j, k->system_ids[j], &x->systems, NOT_SYSTEM);
	}
	for (size_t i = 0; i < d->nprocesses; i++) {
		const struct process *p = &d->processes[i];

		ref(x, "processes", i, "responsible_contact_id", -1, p->responsible_contact_id, &x->contacts, NOT_CONTACT);
		for (int j = 0; j < p->nsystems; j++)
			ref(x, "processes", i, "system_ids", j, p->system_ids[j], &x->systems, NOT_SYSTEM);
	}
	for (size_t i = 0; i < d->nsystems; i++) {
		const struct system *s = &d->systems[i];

		ref(x, "systems", i, "owner_contact_id", -1, s->owner_contact_id, &x->contacts, NOT_CONTACT);
		ref(x, "systems", i, "provider_contact_id", -1, s->provider_contact_id, &x->contacts, NOT_CONTACT);
		for (int j = 0; j < s->ndeps; j++)
			ref(x, "systems", i, "depends_on_ids", j, s->depends_on_ids[j], &x->systems, NOT_SYSTEM);
	}
	for (size_t i = 0; i < d->nroles; i++) {
		const struct role *r = &d->roles[i];

		ref(x, "roles", i, "primary_contact_id", -1, r->primary_contact_id, &x->contacts, NOT_CONTACT);
		for (int j = 0; j < r->ndeputies; j++)
			ref(x, "roles", i, "deputy_contact_ids", j, r->deputy_contact_ids[j], &x->contacts, NOT_CONTACT);
	}
	for (size_t i = 0; i < nsteps; i++) {
		const struct alarm_step *s = &steps[i];

		ref(x, "alarm_steps", i, "caller_role_id", -1, s->caller_role_id, &x->roles, NOT_ROLE);
		ref(x, "alarm_steps", i, "caller_contact_id", -1, s->caller_contact_id, &x->contacts, NOT_CONTACT);
		ref(x, "alarm_steps", i, "callee_contact_id", -1, s->callee_contact_id, &x->contacts, NOT_CONTACT);
		ref(x, "alarm_steps", i, "escalate_to_contact_id", -1, s->escalate_to_contact_id, &x->contacts,
		    NOT_CONTACT);
	}
	if (d->alarm_plan) {
		ref(x, "alarm_plan", NO_INDEX, "breach_report_role_id", -1, d->alarm_plan->breach_report_role_id,
		    &x->roles, NOT_ROLE);
		for (int j = 0; j < d->alarm_plan->ndeclare_roles; j++) {
			char field[48];

			snprintf(field, sizeof(field), "declare_role_ids[%d]", j);
			ref(x, "alarm_plan", NO_INDEX, field, -1, d->alarm_plan->declare_role_ids[j], &x->roles, NOT_ROLE);
		}
	}
	for (size_t i = 0; i < d->nbackups; i++) {
		const struct backup *b = &d->backups[i];

		ref(x, "backups", i, "responsible_contact_id", -1, b->responsible_contact_id, &x->contacts, NOT_CONTACT);
		for (int j = 0; j < b->nsystems; j++)
			ref(x, "backups", i, "system_ids", j, b->system_ids[j], &x->systems, NOT_SYSTEM);
	}
	for (size_t i = 0; i < ntests; i++) {
		ref(x, "restore_tests", i, "backup_id", -1, tests[i].backup_id, &x->backups, NOT_BACKUP);
		ref(x, "restore_tests", i, "tested_by_contact_id", -1, tests[i].tested_by_contact_id, &x->contacts,
		    NOT_CONTACT);
	}
	for (size_t i = 0; i < d->nrunbooks; i++) {
		ref(x, "runbooks", i, "system_id", -1, d->runbooks[i].system_id, &x->systems, NOT_SYSTEM);
		ref(x, "runbooks", i, "responsible_role_id", -1, d->runbooks[i].responsible_role_id, &x->roles, NOT_ROLE);
	}
	for (int j = 0; j < ov->n; j++) {
		char field[48];

		snprintf(field, sizeof(field), "overrides[%d].system_id", j);
		ref(x, "recovery_overrides", NO_INDEX, field, -1, ov->items[j].system_id, &x->systems, NOT_SYSTEM);
	}
	for (size_t i = 0; i < d->nworkarounds; i++) {
		ref(x, "workarounds", i, "process_id", -1, d->workarounds[i].process_id, &x->processes, NOT_PROCESS);
		ref(x, "workarounds", i, "responsible_contact_id", -1, d->workarounds[i].responsible_contact_id,
		    &x->contacts, NOT_CONTACT);
	}
	for (size_t i = 0; i < d->ncopies; i++)
		ref(x, "plan_copies", i, "holder_contact_id", -1, d->copies[i].holder_contact_id, &x->contacts,
		    NOT_CONTACT);
	for (size_t i = 0; i < d->nacks; i++)
		ref(x, "acknowledgements", i, "contact_id", -1, d->acks[i].contact_id, &x->contacts, NOT_CONTACT);
	for (size_t i = 0; i < d->nexercises; i++) {
		const struct exercise *e = &d->exercises[i];

		ref(x, "exercises", i, "scenario_risk_id", -1, e->scenario_risk_id, &x->risks, NOT_RISK);
		for (int j = 0; j < e->nparticipants; j++)
			ref(x, "exercises", i, "participant_ids", j, e->participant_ids[j], &x->contacts, NOT_CONTACT);
		for (int j = 0; j < e->nobservers; j++)
			ref(x, "exercises", i, "observer_ids", j, e->observer_ids[j], &x->contacts, NOT_CONTACT);
	}
	for (size_t i = 0; i < d->nfindings; i++) {
		ref(x, "findings", i, "exercise_id", -1, d->findings[i].exercise_id, &x->exercises, NOT_EXERCISE);
		ref(x, "findings", i, "responsible_contact_id", -1, d->findings[i].responsible_contact_id, &x->contacts,
		    NOT_CONTACT);
	}
	if (d->review)
		ref(x, "review", NO_INDEX, "reviewer_contact_id", -1, d->review->reviewer_contact_id, &x->contacts,
		    NOT_CONTACT);
}

/* The sections object of in, or NULL with an error. */
static const json_t *sections_of(const json_t *in, struct plan_json_errors *errs)
{
	const json_t *s, *fmt;

	if (!json_is_object(in)) {
		plan_json_error_add(errs, "", MSG_OBJECT, NULL);
		return NULL;
	}
	s = json_object_get(in, "sections");
	if (!s)
		return in; /* a bare sections object */
	fmt = json_object_get(in, "format");
	if (json_is_string(fmt)) {
		const json_t *schema = json_object_get(in, "schema");

		if (strcmp(json_string_value(fmt), "krisenfest-plan") != 0)
			plan_json_error_add(errs, "format", N_("must be \"krisenfest-plan\""), NULL);
		else if (!json_is_integer(schema) || json_integer_value(schema) != 1)
			plan_json_error_add(errs, "schema", N_("must be 1 (this server reads schema 1)"), NULL);
	} else if (!json_is_integer(fmt) || json_integer_value(fmt) != 1) {
		plan_json_error_add(errs, "format", N_("must be \"krisenfest-plan\""), NULL);
	}
	if (!json_is_object(s)) {
		plan_json_error_add(errs, "sections", MSG_OBJECT, NULL);
		return NULL;
	}
	return errs->n ? NULL : s;
}

enum kf_err plan_doc_from_json(const json_t *in, struct arena *a, const char *today, struct plan_doc *doc,
			       struct plan_json_errors *errs)
{
	struct pdj x = { .a = a, .today = today, .errs = errs };
	struct plan_data *d = &doc->d;
	const json_t *sections = sections_of(in, errs), *v;
	void *list[S__LISTS];
	size_t n[S__LISTS];
	struct alarm_plan *ap = ARENA_NEW(a, struct alarm_plan, 1);
	struct plan_review *review = ARENA_NEW(a, struct plan_review, 1);
	struct recovery_overrides *ov = ARENA_NEW(a, struct recovery_overrides, 1);
	struct risk_settings *rs = ARENA_NEW(a, struct risk_settings, 1);
	struct system *systems;
	struct backup *backups;
	struct exercise *exercises;
	struct risk *risks;
	const char *key;
	int has_ap, has_review;

	if (!ap || !review || !ov || !rs)
		return KF_ENOMEM;
	if (!sections)
		return KF_EINVAL;
	json_object_foreach((json_t *)sections, key, v) {
		size_t s;

		for (s = 0; s < S__MAX && strcmp(secs[s].name, key) != 0; s++)
			;
		if (s == S__MAX) {
			char path[192];

			snprintf(path, sizeof(path), "sections.%s", key);
			plan_json_error_add(errs, path, N_("is not a section of the plan"), NULL);
		}
	}
	/* the scale first: the risks are checked against it */
	if (!read_single(&x, sections, &secs[S_RISK_SETTINGS], rs))
		risk_settings_init(rs);
	x.rs = rs;
	for (int s = 0; s < S__LISTS; s++)
		list[s] = read_list(&x, sections, &secs[s], &n[s]);
	x.nsystems = n[S_SYSTEMS];
	has_ap = read_single(&x, sections, &secs[S_ALARM_PLAN], ap);
	has_review = read_single(&x, sections, &secs[S_REVIEW], review);
	if (!read_single(&x, sections, &secs[S_OVERRIDES], ov))
		recovery_overrides_init(ov);
	idset_build(&x, &secs[S_CONTACTS], list[S_CONTACTS], n[S_CONTACTS], &x.contacts);
	idset_build(&x, &secs[S_ROLES], list[S_ROLES], n[S_ROLES], &x.roles);
	idset_build(&x, &secs[S_PROCESSES], list[S_PROCESSES], n[S_PROCESSES], &x.processes);
	idset_build(&x, &secs[S_SYSTEMS], list[S_SYSTEMS], n[S_SYSTEMS], &x.systems);
	idset_build(&x, &secs[S_BACKUPS], list[S_BACKUPS], n[S_BACKUPS], &x.backups);
	idset_build(&x, &secs[S_EXERCISES], list[S_EXERCISES], n[S_EXERCISES], &x.exercises);
	idset_build(&x, &secs[S_RISKS], list[S_RISKS], n[S_RISKS], &x.risks);
	/* the rest of the unique ids (nothing refers to them, but an import maps them) */
	for (int s = 0; s < S__LISTS; s++) {
		struct idset tmp;

		if (s != S_CONTACTS && s != S_ROLES && s != S_PROCESSES && s != S_SYSTEMS && s != S_BACKUPS &&
		    s != S_EXERCISES && s != S_RISKS)
			idset_build(&x, &secs[s], list[s], n[s], &tmp);
	}
	if (x.oom)
		return KF_ENOMEM;

	memset(d, 0, sizeof(*d));
	d->today = today;
	d->risks = risks = list[S_RISKS];
	d->nrisks = n[S_RISKS];
	d->processes = list[S_PROCESSES];
	d->nprocesses = n[S_PROCESSES];
	d->systems = systems = list[S_SYSTEMS];
	d->nsystems = n[S_SYSTEMS];
	d->contacts = list[S_CONTACTS];
	d->ncontacts = n[S_CONTACTS];
	d->roles = list[S_ROLES];
	d->nroles = n[S_ROLES];
	d->nalarm_steps = n[S_ALARM_STEPS];
	d->alarm_plan = has_ap ? ap : NULL;
	d->backups = backups = list[S_BACKUPS];
	d->nbackups = n[S_BACKUPS];
	d->runbooks = list[S_RUNBOOKS];
	d->nrunbooks = n[S_RUNBOOKS];
	d->workarounds = list[S_WORKAROUNDS];
	d->nworkarounds = n[S_WORKAROUNDS];
	d->copies = list[S_COPIES];
	d->ncopies = n[S_COPIES];
	d->acks = list[S_ACKS];
	d->nacks = n[S_ACKS];
	d->templates = list[S_TEMPLATES];
	d->ntemplates = n[S_TEMPLATES];
	d->exercises = exercises = list[S_EXERCISES];
	d->nexercises = n[S_EXERCISES];
	d->findings = list[S_FINDINGS];
	d->nfindings = n[S_FINDINGS];
	d->review = has_review ? review : NULL;
	doc->steps = list[S_ALARM_STEPS];
	doc->nsteps = n[S_ALARM_STEPS];
	doc->restore_tests = list[S_RESTORE_TESTS];
	doc->nrestore_tests = n[S_RESTORE_TESTS];
	doc->overrides = ov;
	doc->risk_settings = rs;
	check_refs(&x, d, doc->steps, doc->nsteps, doc->restore_tests, doc->nrestore_tests, ov);
	if (errs->n)
		return KF_EINVAL;

	/* the computed values, by the same core functions the store uses on reads */
	if (bia_compute(systems, d->nsystems, d->processes, d->nprocesses) < 0)
		return KF_ENOMEM;
	for (size_t i = 0; i < d->nrisks; i++) {
		risks[i].scale = rs->scale;
		if ((risks[i].cost_per_day = risk_cost_per_day(&risks[i], systems, d->nsystems, d->processes,
							       d->nprocesses)) < 0)
			return KF_ENOMEM;
	}
	for (size_t i = 0; i < d->nbackups; i++) {
		backup_facts_reset(&backups[i].facts, today);
		backup_facts_from_systems(&backups[i], systems, d->nsystems);
		backup_facts_from_tests(&backups[i], doc->restore_tests, doc->nrestore_tests);
	}
	for (size_t i = 0; i < d->nexercises; i++) {
		exercises[i].open_findings = 0;
		for (size_t j = 0; j < d->nfindings; j++)
			if (d->findings[j].exercise_id == exercises[i].id && finding_is_open(&d->findings[j]))
				exercises[i].open_findings++;
	}
	doc->typed = 1;
	return KF_OK;
}

const char *plan_json_error_text(struct arena *a, enum kf_lang lang, const struct plan_json_error *e)
{
	const char *msg = i18n_tr(lang, e->msg), *pct = e->arg ? strstr(msg, "%s") : NULL;

	if (!pct)
		return msg;
	return arena_printf(a, "%.*s%s%s", (int)(pct - msg), msg, e->arg, pct + 2);
}

json_t *plan_json_errors_to_json(const struct plan_json_errors *errs, struct arena *a, enum kf_lang lang)
{
	json_t *arr = json_array();

	for (int i = 0; arr && i < errs->n; i++) {
		const char *text = plan_json_error_text(a, lang, &errs->e[i]);

		if (!text || json_array_append_new(arr, json_pack("{s:s, s:s}", "path", errs->e[i].path, "message",
								  text)) < 0) {
			json_decref(arr);
			return NULL;
		}
	}
	if (arr && errs->dropped) {
		const char *more = arena_printf(a, "%d %s", errs->dropped, i18n_tr(lang, N_("more errors not listed")));

		if (!more || json_array_append_new(arr, json_pack("{s:s, s:s}", "path", "", "message", more)) < 0) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}
