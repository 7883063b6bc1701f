/* exercise.c: exercise rules (types, status, who takes part) and conversions from JSON, forms and to JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "exercise.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const type_names[EXERCISE_TYPE__MAX] = { "tabletop",	    "walkthrough", "alarm_test",
							    "restore_test", "simulation",  "full_drill" };
static const char *const type_labels[EXERCISE_TYPE__MAX] = {
	N_("Tabletop (plan discussion)"), N_("Walkthrough"), N_("Alarm test"),
	N_("Restore test"),		  N_("Simulation"),  N_("Full drill"),
};
static const char *const status_names[EXERCISE_STATUS__MAX] = { "planned", "done", "cancelled" };
static const char *const status_labels[EXERCISE_STATUS__MAX] = { N_("Planned"), N_("Carried out"), N_("Cancelled") };

#define MSG_TYPE N_("must be one of tabletop, walkthrough, alarm_test, restore_test, simulation, full_drill")
#define MSG_STATUS N_("must be one of planned, done, cancelled")
#define MSG_HOURS N_("must be a whole number of hours from 0 to 8760, or empty")
#define MSG_MINUTES N_("must be a whole number of minutes from 0 to 10080, or empty")
#define MSG_CONTACT N_("must be the id of a contact")
#define MSG_RISK N_("must be the id of a risk or null")
#define MSG_DATE N_("is not a date (YYYY-MM-DD)")

void exercise_init(struct exercise *e)
{
	memset(e, 0, sizeof(*e));
	e->title = e->goals = e->went_well = e->to_improve = "";
	e->type = EXERCISE_TYPE_UNSET;
	e->status = EXERCISE_PLANNED;
	e->achieved_rto_hours = e->achieved_rpo_hours = e->duration_minutes = -1;
}

const char *exercise_type_name(enum exercise_type t)
{
	return (int)t >= 0 && t < EXERCISE_TYPE__MAX ? type_names[t] : "";
}

const char *exercise_type_label(enum exercise_type t)
{
	return (int)t >= 0 && t < EXERCISE_TYPE__MAX ? type_labels[t] : "";
}

int exercise_type_parse(const char *s, enum exercise_type *t_r)
{
	for (int i = 0; i < EXERCISE_TYPE__MAX; i++)
		if (strcmp(s, type_names[i]) == 0) {
			*t_r = (enum exercise_type)i;
			return 0;
		}
	return -1;
}

const char *exercise_status_name(enum exercise_status s)
{
	return (int)s >= 0 && s < EXERCISE_STATUS__MAX ? status_names[s] : status_names[EXERCISE_PLANNED];
}

const char *exercise_status_label(enum exercise_status s)
{
	return (int)s >= 0 && s < EXERCISE_STATUS__MAX ? status_labels[s] : status_labels[EXERCISE_PLANNED];
}

int exercise_status_parse(const char *s, enum exercise_status *s_r)
{
	for (int i = 0; i < EXERCISE_STATUS__MAX; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*s_r = (enum exercise_status)i;
			return 0;
		}
	return -1;
}

/* A whole number min..max or null (gives -1). */
static void int_or_null_from_json(const json_t *v, const char *field, int max, const char *msg, int *out,
				  struct field_errors *fe)
{
	if (json_is_null(v)) {
		*out = -1;
		return;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > max) {
		fe_add(fe, field, msg);
		return;
	}
	*out = (int)json_integer_value(v);
}

/* The same from a form: empty means not given. */
static void int_from_form(const char *v, const char *field, int max, const char *msg, int *out,
			  struct field_errors *fe)
{
	char *end;
	long n;

	*out = -1;
	if (!v || !*v)
		return;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || v[0] < '0' || v[0] > '9' || n < 0 || n > max)
		fe_add(fe, field, msg);
	else
		*out = (int)n;
}

static void people_from_json(const json_t *arr, const char *field, int64_t *ids, int *n, struct field_errors *fe)
{
	char name[48];
	size_t i;

	if (!json_is_array(arr)) {
		fe_add(fe, field, N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > EXERCISE_MAX_PEOPLE) {
		fe_add(fe, field, N_("has too many entries (at most 100)"));
		return;
	}
	*n = 0;
	for (i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		snprintf(name, sizeof(name), "%s[%zu]", field, i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			/* keeps its place as 0, so later errors name the right index */
			fe_add(fe, name, MSG_CONTACT);
			ids[(*n)++] = 0;
			continue;
		}
		ids[(*n)++] = json_integer_value(v);
	}
}

static void date_from_json(struct exercise *e, struct arena *a, const json_t *v, struct field_errors *fe)
{
	const char *s = NULL;

	if (json_is_null(v)) {
		e->date[0] = '\0';
		return;
	}
	if (jsonin_string(v, a, "date", &s, fe) < 0)
		return;
	if (!*s || strlen(s) >= sizeof(e->date))
		fe_add(fe, "date", MSG_DATE);
	else
		snprintf(e->date, sizeof(e->date), "%s", s);
}

void exercise_from_json(struct exercise *e, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = e->id, version = e->version, cat = e->created_at, uat = e->updated_at;
		int open = e->open_findings;

		exercise_init(e);
		e->id = id;
		e->version = version;
		e->created_at = cat;
		e->updated_at = uat;
		e->open_findings = open;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "title") == 0)
			jsonin_string(val, a, key, &e->title, fe);
		else if (strcmp(key, "goals") == 0)
			jsonin_string(val, a, key, &e->goals, fe);
		else if (strcmp(key, "went_well") == 0)
			jsonin_string(val, a, key, &e->went_well, fe);
		else if (strcmp(key, "to_improve") == 0)
			jsonin_string(val, a, key, &e->to_improve, fe);
		else if (strcmp(key, "type") == 0) {
			if (!json_is_string(val) || exercise_type_parse(json_string_value(val), &e->type) < 0)
				fe_add(fe, key, MSG_TYPE);
		} else if (strcmp(key, "status") == 0) {
			if (!json_is_string(val) || exercise_status_parse(json_string_value(val), &e->status) < 0)
				fe_add(fe, key, MSG_STATUS);
		} else if (strcmp(key, "scenario_risk_id") == 0) {
			if (json_is_null(val))
				e->scenario_risk_id = 0;
			else if (!json_is_integer(val) || json_integer_value(val) <= 0)
				fe_add(fe, key, MSG_RISK);
			else
				e->scenario_risk_id = json_integer_value(val);
		} else if (strcmp(key, "date") == 0)
			date_from_json(e, a, val, fe);
		else if (strcmp(key, "participant_ids") == 0)
			people_from_json(val, key, e->participant_ids, &e->nparticipants, fe);
		else if (strcmp(key, "observer_ids") == 0)
			people_from_json(val, key, e->observer_ids, &e->nobservers, fe);
		else if (strcmp(key, "achieved_rto_hours") == 0)
			int_or_null_from_json(val, key, EXERCISE_HOURS_MAX, MSG_HOURS, &e->achieved_rto_hours, fe);
		else if (strcmp(key, "achieved_rpo_hours") == 0)
			int_or_null_from_json(val, key, EXERCISE_HOURS_MAX, MSG_HOURS, &e->achieved_rpo_hours, fe);
		else if (strcmp(key, "duration_minutes") == 0)
			int_or_null_from_json(val, key, EXERCISE_MINUTES_MAX, MSG_MINUTES, &e->duration_minutes, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "open_findings") == 0)
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

static void people_from_form(const struct kv_list *form, const char *name, const char *field, int64_t *ids, int *n,
			     struct field_errors *fe)
{
	long long id;

	*n = 0;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, name) != 0 || !*form->items[i].val)
			continue;
		if (*n >= EXERCISE_MAX_PEOPLE) {
			fe_add(fe, field, N_("has too many entries (at most 100)"));
			break;
		}
		if (parse_id(form->items[i].val, &id) < 0) {
			fe_add(fe, field, MSG_CONTACT);
			continue;
		}
		ids[(*n)++] = id;
	}
}

void exercise_from_form(struct exercise *e, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	long long id;

	e->title = (v = kv_get(form, "title")) ? v : "";
	e->goals = (v = kv_get(form, "goals")) ? v : "";
	e->went_well = (v = kv_get(form, "went_well")) ? v : "";
	e->to_improve = (v = kv_get(form, "to_improve")) ? v : "";
	e->type = EXERCISE_TYPE_UNSET;
	v = kv_get(form, "type");
	if (v && *v && exercise_type_parse(v, &e->type) < 0)
		fe_add(fe, "type", MSG_TYPE);
	e->status = EXERCISE_PLANNED;
	v = kv_get(form, "status");
	if (v && *v && exercise_status_parse(v, &e->status) < 0)
		fe_add(fe, "status", MSG_STATUS);
	e->scenario_risk_id = 0;
	v = kv_get(form, "scenario_risk_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "scenario_risk_id", MSG_RISK);
		else
			e->scenario_risk_id = id;
	}
	v = kv_get(form, "date");
	if (v && strlen(v) >= sizeof(e->date))
		fe_add(fe, "date", MSG_DATE);
	else
		snprintf(e->date, sizeof(e->date), "%s", v ? v : "");
	people_from_form(form, "participant", "participant_ids", e->participant_ids, &e->nparticipants, fe);
	people_from_form(form, "observer", "observer_ids", e->observer_ids, &e->nobservers, fe);
	int_from_form(kv_get(form, "achieved_rto_hours"), "achieved_rto_hours", EXERCISE_HOURS_MAX, MSG_HOURS,
		      &e->achieved_rto_hours, fe);
	int_from_form(kv_get(form, "achieved_rpo_hours"), "achieved_rpo_hours", EXERCISE_HOURS_MAX, MSG_HOURS,
		      &e->achieved_rpo_hours, fe);
	int_from_form(kv_get(form, "duration_minutes"), "duration_minutes", EXERCISE_MINUTES_MAX, MSG_MINUTES,
		      &e->duration_minutes, fe);
}

static int has_id(const int64_t *ids, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* Repeats within one list are named at the repeat. */
static void no_repeats(const int64_t *ids, int n, const char *field, struct field_errors *fe)
{
	char name[48];

	for (int i = 1; i < n; i++)
		if (ids[i] > 0 && has_id(ids, i, ids[i])) {
			snprintf(name, sizeof(name), "%s[%d]", field, i);
			fe_add(fe, name, N_("is named twice"));
		}
}

void exercise_validate(struct exercise *e, struct arena *a, const char *today, struct field_errors *fe)
{
	char name[48];
	int y, m, d;

	validate_line(fe, "title", a, e->title, 1, EXERCISE_TITLE_MAX, &e->title);
	if ((int)e->type < 0 || e->type >= EXERCISE_TYPE__MAX)
		fe_add(fe, "type", MSG_TYPE);
	if ((int)e->status < 0 || e->status >= EXERCISE_STATUS__MAX)
		fe_add(fe, "status", MSG_STATUS);
	if (!e->date[0])
		fe_add(fe, "date", N_("is required (YYYY-MM-DD)"));
	else if (kf_date_parse(e->date, &y, &m, &d) < 0)
		fe_add(fe, "date", MSG_DATE);
	else if (e->status == EXERCISE_DONE && strcmp(e->date, today) > 0)
		fe_add(fe, "status", N_("cannot be done while the date lies in the future"));
	validate_multiline(fe, "goals", e->goals, EXERCISE_TEXT_MAX);
	validate_multiline(fe, "went_well", e->went_well, EXERCISE_TEXT_MAX);
	validate_multiline(fe, "to_improve", e->to_improve, EXERCISE_TEXT_MAX);
	if (e->achieved_rto_hours < -1 || e->achieved_rto_hours > EXERCISE_HOURS_MAX)
		fe_add(fe, "achieved_rto_hours", MSG_HOURS);
	if (e->achieved_rpo_hours < -1 || e->achieved_rpo_hours > EXERCISE_HOURS_MAX)
		fe_add(fe, "achieved_rpo_hours", MSG_HOURS);
	if (e->duration_minutes < -1 || e->duration_minutes > EXERCISE_MINUTES_MAX)
		fe_add(fe, "duration_minutes", MSG_MINUTES);
	no_repeats(e->participant_ids, e->nparticipants, "participant_ids", fe);
	no_repeats(e->observer_ids, e->nobservers, "observer_ids", fe);
	for (int i = 0; i < e->nobservers; i++)
		if (e->observer_ids[i] > 0 && has_id(e->participant_ids, e->nparticipants, e->observer_ids[i])) {
			snprintf(name, sizeof(name), "observer_ids[%d]", i);
			fe_add(fe, name, N_("takes part already; a person either takes part or observes"));
		}
}

static json_t *id_list(const int64_t *ids, int n)
{
	json_t *arr = json_array();

	for (int i = 0; arr && i < n; i++)
		json_array_append_new(arr, json_integer(ids[i]));
	return arr;
}

static json_t *int_or_null(int v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

json_t *exercise_to_json(const struct exercise *e)
{
	char created[21], updated[21];
	json_t *parts = id_list(e->participant_ids, e->nparticipants), *obs = id_list(e->observer_ids, e->nobservers);

	if (!parts || !obs) {
		json_decref(parts);
		json_decref(obs);
		return NULL;
	}
	kf_time_iso(e->created_at, created);
	kf_time_iso(e->updated_at, updated);
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:s, s:s, s:s, s:o, s:o, s:o, s:i, s:s, s:s}",
			 "id", (json_int_t)e->id, "version", (json_int_t)e->version, "type", exercise_type_name(e->type),
			 "title", e->title, "scenario_risk_id",
			 e->scenario_risk_id ? json_integer(e->scenario_risk_id) : json_null(), "date",
			 e->date[0] ? json_string(e->date) : json_null(), "status", exercise_status_name(e->status),
			 "participant_ids", parts, "observer_ids", obs, "goals", e->goals, "went_well", e->went_well,
			 "to_improve", e->to_improve, "achieved_rto_hours", int_or_null(e->achieved_rto_hours),
			 "achieved_rpo_hours", int_or_null(e->achieved_rpo_hours), "duration_minutes",
			 int_or_null(e->duration_minutes), "open_findings", e->open_findings, "created_at", created,
			 "updated_at", updated);
}

int exercise_names_contact(const struct exercise *e, int64_t contact_id)
{
	return has_id(e->participant_ids, e->nparticipants, contact_id) ||
	       has_id(e->observer_ids, e->nobservers, contact_id);
}
