/* task.c: task rules (status, link to an item or a step, overdue) and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "task.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const status_names[TASK_STATUS__MAX] = { "open", "in_progress", "done" };
static const char *const status_labels[TASK_STATUS__MAX] = { N_("Open"), N_("In progress"), N_("Done") };

static const struct task_entity entities[] = {
	{ "risk", "risks", 1 },
	{ "process", "processes", 1 },
	{ "system", "systems", 1 },
	{ "contact", "contacts", 2 },
	{ "role", "roles", 2 },
	{ "alarm_step", "alarm/steps", 2 },
	{ "backup", "backups", 3 },
	{ "runbook", "runbooks", 3 },
	{ "workaround", "workarounds", 3 },
	{ "plan_copy", "documents/copies", 4 },
	{ "acknowledgement", "documents/acknowledgements", 4 },
	{ "comm_template", "documents/templates", 4 },
	{ "exercise", "exercises", 5 },
	{ "finding", "findings", 5 },
};

#define MSG_STATUS N_("must be one of open, in_progress, done")
#define MSG_DATE N_("is not a date (YYYY-MM-DD)")
#define MSG_ASSIGNEE N_("must be the id of a member or null")
#define MSG_ENTITY N_("is not a kind of item a task can be linked to")
#define MSG_ENTITY_ID N_("must be the id of an item")
#define MSG_STEP N_("must be a step from 1 to 5 or null")

void task_init(struct task *t)
{
	memset(t, 0, sizeof(*t));
	t->title = t->description = t->entity = t->assignee_name = t->entity_name = "";
	t->status = TASK_OPEN;
}

void task_filter_init(struct task_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->status = -1;
}

const char *task_status_name(enum task_status s)
{
	return (int)s >= 0 && s < TASK_STATUS__MAX ? status_names[s] : status_names[TASK_OPEN];
}

const char *task_status_label(enum task_status s)
{
	return (int)s >= 0 && s < TASK_STATUS__MAX ? status_labels[s] : status_labels[TASK_OPEN];
}

int task_status_parse(const char *s, enum task_status *s_r)
{
	for (int i = 0; i < TASK_STATUS__MAX; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*s_r = (enum task_status)i;
			return 0;
		}
	return -1;
}

const struct task_entity *task_entities(size_t *n_r)
{
	*n_r = sizeof(entities) / sizeof(entities[0]);
	return entities;
}

const struct task_entity *task_entity_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strcmp(name, entities[i].name) == 0)
			return &entities[i];
	return NULL;
}

const struct task_entity *task_entity_by_path(const char *path)
{
	for (size_t i = 0; path && i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strcmp(path, entities[i].path) == 0)
			return &entities[i];
	return NULL;
}

int task_is_open(const struct task *t)
{
	return t->status != TASK_DONE;
}

int task_is_overdue(const struct task *t, const char *today)
{
	return task_is_open(t) && t->due_date[0] && today && strcmp(t->due_date, today) < 0;
}

int task_matches(const struct task *t, const struct task_filter *f)
{
	if (f->assignee_id && t->assignee_id != f->assignee_id)
		return 0;
	if (f->open_only && !task_is_open(t))
		return 0;
	if (f->status >= 0 && (int)t->status != f->status)
		return 0;
	if (f->overdue_only && !task_is_overdue(t, f->today))
		return 0;
	if (f->step && t->step != f->step)
		return 0;
	if (f->entity && (strcmp(t->entity, f->entity) != 0 || (f->entity_id && t->entity_id != f->entity_id)))
		return 0;
	if (f->finding_id && t->finding_id != f->finding_id)
		return 0;
	return 1;
}

static void date_from_json(struct task *t, struct arena *a, const json_t *v, struct field_errors *fe)
{
	const char *s = NULL;

	if (json_is_null(v)) {
		t->due_date[0] = '\0';
		return;
	}
	if (jsonin_string(v, a, "due_date", &s, fe) < 0)
		return;
	if (!*s || strlen(s) >= sizeof(t->due_date))
		fe_add(fe, "due_date", MSG_DATE);
	else
		snprintf(t->due_date, sizeof(t->due_date), "%s", s);
}

void task_from_json(struct task *t, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key, *s;
	const json_t *val;
	long long id;

	if (!partial) {
		struct task keep = *t;

		task_init(t);
		t->id = keep.id;
		t->version = keep.version;
		t->finding_id = keep.finding_id;
		t->created_at = keep.created_at;
		t->updated_at = keep.updated_at;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "title") == 0)
			jsonin_string(val, a, key, &t->title, fe);
		else if (strcmp(key, "description") == 0)
			jsonin_string(val, a, key, &t->description, fe);
		else if (strcmp(key, "assignee_id") == 0) {
			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				t->assignee_id = id;
		} else if (strcmp(key, "due_date") == 0)
			date_from_json(t, a, val, fe);
		else if (strcmp(key, "status") == 0) {
			if (!json_is_string(val) || task_status_parse(json_string_value(val), &t->status) < 0)
				fe_add(fe, key, MSG_STATUS);
		} else if (strcmp(key, "entity") == 0) {
			if (json_is_null(val))
				t->entity = "";
			else if (jsonin_string(val, a, key, &s, fe) == 0)
				t->entity = s;
		} else if (strcmp(key, "entity_id") == 0) {
			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				t->entity_id = id;
		} else if (strcmp(key, "step") == 0) {
			if (json_is_null(val))
				t->step = 0;
			else if (!json_is_integer(val) || json_integer_value(val) < 1 || json_integer_value(val) > 5)
				fe_add(fe, key, MSG_STEP);
			else
				t->step = (int)json_integer_value(val);
		} else if (jsonin_is_readonly(key) || strcmp(key, "finding_id") == 0 || strcmp(key, "overdue") == 0 ||
			   strcmp(key, "assignee_name") == 0)
			continue;
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void task_from_form(struct task *t, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	long long id;

	t->title = (v = kv_get(form, "title")) ? v : "";
	t->description = (v = kv_get(form, "description")) ? v : "";
	t->status = TASK_OPEN;
	v = kv_get(form, "status");
	if (v && *v && task_status_parse(v, &t->status) < 0)
		fe_add(fe, "status", MSG_STATUS);
	t->assignee_id = 0;
	v = kv_get(form, "assignee_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "assignee_id", MSG_ASSIGNEE);
		else
			t->assignee_id = id;
	}
	v = kv_get(form, "due_date");
	if (v && strlen(v) >= sizeof(t->due_date))
		fe_add(fe, "due_date", MSG_DATE);
	else
		snprintf(t->due_date, sizeof(t->due_date), "%s", v ? v : "");
	/* the link is kept in hidden fields; the step can be chosen when there is no item */
	t->entity = (v = kv_get(form, "entity")) ? v : "";
	t->entity_id = 0;
	v = kv_get(form, "entity_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "entity_id", MSG_ENTITY_ID);
		else
			t->entity_id = id;
	}
	t->step = 0;
	v = kv_get(form, "step");
	if (v && *v) {
		if (parse_id(v, &id) < 0 || id > 5)
			fe_add(fe, "step", MSG_STEP);
		else
			t->step = (int)id;
	}
}

void task_validate(struct task *t, struct arena *a, struct field_errors *fe)
{
	int y, m, d;

	validate_line(fe, "title", a, t->title, 1, TASK_TITLE_MAX, &t->title);
	validate_multiline(fe, "description", t->description, TASK_TEXT_MAX);
	if ((int)t->status < 0 || t->status >= TASK_STATUS__MAX)
		fe_add(fe, "status", MSG_STATUS);
	if (t->due_date[0] && kf_date_parse(t->due_date, &y, &m, &d) < 0)
		fe_add(fe, "due_date", MSG_DATE);
	if (t->assignee_id < 0)
		fe_add(fe, "assignee_id", MSG_ASSIGNEE);
	if (t->step < 0 || t->step > 5)
		fe_add(fe, "step", MSG_STEP);
	if (*t->entity) {
		const struct task_entity *e = task_entity_find(t->entity);

		if (!e)
			fe_add(fe, "entity", MSG_ENTITY);
		else if (t->entity_id <= 0)
			fe_add(fe, "entity_id", MSG_ENTITY_ID);
		else
			t->step = e->step; /* an item belongs to its step */
	} else if (t->entity_id) {
		fe_add(fe, "entity", N_("must name the kind of item when entity_id is given"));
	}
}

json_t *task_to_json(const struct task *t)
{
	char created[21], updated[21], today[11];

	kf_time_iso(t->created_at, created);
	kf_time_iso(t->updated_at, updated);
	kf_date_iso(kf_now(), today);
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:s, s:o, s:s, s:o, s:o, s:s, s:o, s:o, s:b, s:s, s:s}", "id",
			 (json_int_t)t->id, "version", (json_int_t)t->version, "title", t->title, "description",
			 t->description, "assignee_id", t->assignee_id ? json_integer(t->assignee_id) : json_null(),
			 "assignee_name", t->assignee_name, "due_date",
			 t->due_date[0] ? json_string(t->due_date) : json_null(), "status", task_status_name(t->status),
			 "entity", *t->entity ? json_string(t->entity) : json_null(), "entity_id",
			 t->entity_id ? json_integer(t->entity_id) : json_null(), "entity_name", t->entity_name, "step",
			 t->step ? json_integer(t->step) : json_null(), "finding_id",
			 t->finding_id ? json_integer(t->finding_id) : json_null(), "overdue",
			 task_is_overdue(t, today), "created_at", created, "updated_at", updated);
}
