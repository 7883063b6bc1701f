/* process.c: business process rules (costs, impact per horizon, RTO within MTPD), and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "bia.h"
#include "jsonin.h"
#include "process.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const horizon_keys[HORIZON__MAX] = { "1h", "4h", "8h", "24h", "72h", "1w" };
static const char *const horizon_labels[HORIZON__MAX] = { N_("1 hour"),   N_("4 hours"),  N_("8 hours"),
							   N_("24 hours"), N_("72 hours"), N_("1 week") };
static const char *const impact_labels[PROCESS_IMPACT_MAX + 1] = { N_("none"), N_("minor"), N_("moderate"),
								    N_("major"), N_("threatens the existence") };

#define MSG_IMPACT BIA_MSG_IMPACT
#define MSG_SYSTEM N_("must be the id of an IT system")

void process_init(struct process *p)
{
	memset(p, 0, sizeof(*p));
	p->name = p->description = p->critical_periods = "";
	p->mtpd_hours = p->rto_hours = p->rpo_hours = -1;
	p->emergency_level_percent = -1;
}

const char *process_horizon_key(enum process_horizon h)
{
	return (int)h >= 0 && h < HORIZON__MAX ? horizon_keys[h] : "";
}

const char *process_horizon_label(enum process_horizon h)
{
	return (int)h >= 0 && h < HORIZON__MAX ? horizon_labels[h] : "";
}

const char *process_impact_label(int value)
{
	return value >= 0 && value <= PROCESS_IMPACT_MAX ? impact_labels[value] : "";
}

int64_t process_cost_per_day(const struct process *p)
{
	return p->cost_per_hour > 0 ? p->cost_per_hour * 24 : 0;
}

/* A system id onto the list; a repeated one is a field error. */
static void add_system(struct process *p, int64_t id, const char *field, struct field_errors *fe)
{
	for (int i = 0; i < p->nsystems; i++)
		if (p->system_ids[i] == id) {
			fe_add(fe, field, N_("is chosen twice"));
			return;
		}
	if (p->nsystems >= PROCESS_MAX_SYSTEMS) {
		fe_add(fe, "system_ids", N_("has too many entries (at most 64)"));
		return;
	}
	p->system_ids[p->nsystems++] = id;
}

static void systems_from_json(struct process *p, const json_t *arr, struct field_errors *fe)
{
	char field[48];

	if (!json_is_array(arr)) {
		fe_add(fe, "system_ids", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > PROCESS_MAX_SYSTEMS) {
		fe_add(fe, "system_ids", N_("has too many entries (at most 64)"));
		return;
	}
	p->nsystems = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		snprintf(field, sizeof(field), "system_ids[%zu]", i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			fe_add(fe, field, MSG_SYSTEM);
		else
			add_system(p, json_integer_value(v), field, fe);
	}
}

static void impact_from_json(struct process *p, const json_t *arr, struct field_errors *fe)
{
	char field[48];

	if (!json_is_array(arr) || json_array_size(arr) != HORIZON__MAX) {
		fe_add(fe, "impact", N_("must be a list of six ratings (1 h, 4 h, 8 h, 24 h, 72 h, 1 week), each 0 to 4"));
		return;
	}
	for (size_t i = 0; i < HORIZON__MAX; i++) {
		const json_t *v = json_array_get(arr, i);

		snprintf(field, sizeof(field), "impact[%zu]", i);
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > PROCESS_IMPACT_MAX)
			fe_add(fe, field, MSG_IMPACT);
		else
			p->impact[i] = (int)json_integer_value(v);
	}
}

void process_from_json(struct process *p, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;
	int64_t n;

	if (!partial) {
		int64_t id = p->id, version = p->version, cat = p->created_at, uat = p->updated_at;

		process_init(p);
		p->id = id;
		p->version = version;
		p->created_at = cat;
		p->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "name") == 0)
			jsonin_string(val, a, key, &p->name, fe);
		else if (strcmp(key, "description") == 0)
			jsonin_string(val, a, key, &p->description, fe);
		else if (strcmp(key, "critical_periods") == 0)
			jsonin_string(val, a, key, &p->critical_periods, fe);
		else if (strcmp(key, "responsible_contact_id") == 0) {
			long long id;

			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				p->responsible_contact_id = id;
		} else if (strcmp(key, "cost_per_hour") == 0)
			bia_int_from_json(val, key, PROCESS_COST_MAX, 0, BIA_MSG_COST, &p->cost_per_hour, fe);
		else if (strcmp(key, "mtpd_hours") == 0)
			bia_int_from_json(val, key, PROCESS_HOURS_MAX, 1, BIA_MSG_HOURS, &p->mtpd_hours, fe);
		else if (strcmp(key, "rto_hours") == 0)
			bia_int_from_json(val, key, PROCESS_HOURS_MAX, 1, BIA_MSG_HOURS, &p->rto_hours, fe);
		else if (strcmp(key, "rpo_hours") == 0)
			bia_int_from_json(val, key, PROCESS_HOURS_MAX, 1, BIA_MSG_HOURS, &p->rpo_hours, fe);
		else if (strcmp(key, "emergency_level_percent") == 0) {
			n = p->emergency_level_percent;
			bia_int_from_json(val, key, 100, 1, BIA_MSG_PERCENT, &n, fe);
			p->emergency_level_percent = (int)n;
		} else if (strcmp(key, "impact") == 0)
			impact_from_json(p, val, fe);
		else if (strcmp(key, "system_ids") == 0)
			systems_from_json(p, val, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "cost_per_day") == 0)
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void process_from_form(struct process *p, const struct kv_list *form, struct field_errors *fe)
{
	char key[32], field[48];
	const char *v;
	long long id;
	int64_t n;

	p->name = (v = kv_get(form, "name")) ? v : "";
	p->description = (v = kv_get(form, "description")) ? v : "";
	p->critical_periods = (v = kv_get(form, "critical_periods")) ? v : "";
	p->responsible_contact_id = 0;
	v = kv_get(form, "responsible_contact_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "responsible_contact_id", N_("must be the id of a contact or null"));
		else
			p->responsible_contact_id = id;
	}
	bia_int_from_form(kv_get(form, "cost_per_hour"), "cost_per_hour", PROCESS_COST_MAX, BIA_MSG_COST, &p->cost_per_hour, fe);
	if (p->cost_per_hour < 0)
		p->cost_per_hour = 0;
	bia_int_from_form(kv_get(form, "mtpd_hours"), "mtpd_hours", PROCESS_HOURS_MAX, BIA_MSG_HOURS, &p->mtpd_hours, fe);
	bia_int_from_form(kv_get(form, "rto_hours"), "rto_hours", PROCESS_HOURS_MAX, BIA_MSG_HOURS, &p->rto_hours, fe);
	bia_int_from_form(kv_get(form, "rpo_hours"), "rpo_hours", PROCESS_HOURS_MAX, BIA_MSG_HOURS, &p->rpo_hours, fe);
	bia_int_from_form(kv_get(form, "emergency_level_percent"), "emergency_level_percent", 100, BIA_MSG_PERCENT, &n, fe);
	p->emergency_level_percent = (int)n;
	for (int h = 0; h < HORIZON__MAX; h++) {
		snprintf(key, sizeof(key), "impact_%s", horizon_keys[h]);
		snprintf(field, sizeof(field), "impact[%d]", h);
		bia_int_from_form(kv_get(form, key), field, PROCESS_IMPACT_MAX, BIA_MSG_IMPACT, &n, fe);
		p->impact[h] = n < 0 ? 0 : (int)n;
	}
	p->nsystems = 0;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, "system") != 0)
			continue;
		snprintf(field, sizeof(field), "system_ids[%d]", p->nsystems);
		if (parse_id(form->items[i].val, &id) < 0)
			fe_add(fe, field, MSG_SYSTEM);
		else
			add_system(p, id, field, fe);
	}
}

void process_validate(struct process *p, struct arena *a, struct field_errors *fe)
{
	char field[48];

	validate_line(fe, "name", a, p->name, 1, PROCESS_NAME_MAX, &p->name);
	validate_multiline(fe, "description", p->description, PROCESS_TEXT_MAX);
	validate_line(fe, "critical_periods", a, p->critical_periods, 0, PROCESS_NAME_MAX * 5, &p->critical_periods);
	if (p->cost_per_hour < 0 || p->cost_per_hour > PROCESS_COST_MAX)
		fe_add(fe, "cost_per_hour", BIA_MSG_COST);
	for (int h = 0; h < HORIZON__MAX; h++)
		if (p->impact[h] < 0 || p->impact[h] > PROCESS_IMPACT_MAX) {
			snprintf(field, sizeof(field), "impact[%d]", h);
			fe_add(fe, field, MSG_IMPACT);
		}
	if (p->emergency_level_percent < -1 || p->emergency_level_percent > 100)
		fe_add(fe, "emergency_level_percent", BIA_MSG_PERCENT);
	if (p->rto_hours >= 0 && p->mtpd_hours >= 0 && p->rto_hours > p->mtpd_hours)
		fe_add(fe, "rto_hours", N_("must not be longer than the maximum tolerable downtime"));
	for (int i = 0; i < p->nsystems; i++)
		for (int j = 0; j < i; j++)
			if (p->system_ids[i] == p->system_ids[j]) {
				snprintf(field, sizeof(field), "system_ids[%d]", i);
				fe_add(fe, field, N_("is chosen twice"));
				break;
			}
}

json_t *process_to_json(const struct process *p)
{
	char created[21], updated[21];
	json_t *systems, *impact;

	systems = json_array();
	impact = json_array();
	if (!systems || !impact) {
		json_decref(systems);
		json_decref(impact);
		return NULL;
	}
	for (int i = 0; i < p->nsystems; i++)
		json_array_append_new(systems, json_integer(p->system_ids[i]));
	for (int h = 0; h < HORIZON__MAX; h++)
		json_array_append_new(impact, json_integer(p->impact[h]));
	kf_time_iso(p->created_at, created);
	kf_time_iso(p->updated_at, updated);
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:I, s:I, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:s, s:s}", "id",
			 (json_int_t)p->id, "version", (json_int_t)p->version, "name", p->name, "description",
			 p->description, "responsible_contact_id",
			 p->responsible_contact_id ? json_integer(p->responsible_contact_id) : json_null(),
			 "cost_per_hour", (json_int_t)p->cost_per_hour, "cost_per_day",
			 (json_int_t)process_cost_per_day(p), "impact", impact, "mtpd_hours", bia_json_opt(p->mtpd_hours),
			 "rto_hours", bia_json_opt(p->rto_hours), "rpo_hours", bia_json_opt(p->rpo_hours),
			 "critical_periods", p->critical_periods, "emergency_level_percent",
			 bia_json_opt(p->emergency_level_percent), "system_ids", systems, "created_at", created,
			 "updated_at", updated);
}
