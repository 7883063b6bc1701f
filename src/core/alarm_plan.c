/* alarm_plan.c: rules of the alarm plan settings, and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "alarm_plan.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

void alarm_plan_init(struct alarm_plan *p)
{
	memset(p, 0, sizeof(*p));
	p->meeting_place = p->meeting_fallback = p->phone_bridge = "";
	p->declare_criteria = p->breach_notes = "";
}

static void declare_roles_from_json(struct alarm_plan *p, const json_t *arr, struct field_errors *fe)
{
	char field[48];
	size_t i;

	if (!json_is_array(arr)) {
		fe_add(fe, "declare_role_ids", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > ALARM_PLAN_MAX_DECLARE_ROLES) {
		fe_add(fe, "declare_role_ids", N_("has too many entries (at most 20)"));
		return;
	}
	p->ndeclare_roles = 0;
	for (i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		snprintf(field, sizeof(field), "declare_role_ids[%zu]", i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			fe_add(fe, field, N_("must be the id of a role"));
			continue;
		}
		p->declare_role_ids[p->ndeclare_roles++] = json_integer_value(v);
	}
}

void alarm_plan_from_json(struct alarm_plan *p, struct arena *a, const json_t *obj, struct field_errors *fe)
{
	int64_t id = p->id, version = p->version, cat = p->created_at, uat = p->updated_at;
	const char *key;
	const json_t *val;

	alarm_plan_init(p);
	p->id = id;
	p->version = version;
	p->created_at = cat;
	p->updated_at = uat;
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "meeting_place") == 0)
			jsonin_string(val, a, key, &p->meeting_place, fe);
		else if (strcmp(key, "meeting_fallback") == 0)
			jsonin_string(val, a, key, &p->meeting_fallback, fe);
		else if (strcmp(key, "phone_bridge") == 0)
			jsonin_string(val, a, key, &p->phone_bridge, fe);
		else if (strcmp(key, "declare_criteria") == 0)
			jsonin_string(val, a, key, &p->declare_criteria, fe);
		else if (strcmp(key, "breach_notes") == 0)
			jsonin_string(val, a, key, &p->breach_notes, fe);
		else if (strcmp(key, "declare_role_ids") == 0)
			declare_roles_from_json(p, val, fe);
		else if (strcmp(key, "breach_report_role_id") == 0) {
			if (json_is_null(val))
				p->breach_report_role_id = 0;
			else if (!json_is_integer(val) || json_integer_value(val) <= 0)
				fe_add(fe, key, N_("must be the id of a role or null"));
			else
				p->breach_report_role_id = json_integer_value(val);
		} else if (jsonin_is_readonly(key))
			continue;
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void alarm_plan_from_form(struct alarm_plan *p, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	long long id;

	p->meeting_place = (v = kv_get(form, "meeting_place")) ? v : "";
	p->meeting_fallback = (v = kv_get(form, "meeting_fallback")) ? v : "";
	p->phone_bridge = (v = kv_get(form, "phone_bridge")) ? v : "";
	p->declare_criteria = (v = kv_get(form, "declare_criteria")) ? v : "";
	p->breach_notes = (v = kv_get(form, "breach_notes")) ? v : "";
	p->breach_report_role_id = 0;
	v = kv_get(form, "breach_report_role_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "breach_report_role_id", N_("must be the id of a role or null"));
		else
			p->breach_report_role_id = id;
	}
	p->ndeclare_roles = 0;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, "declare_role") != 0 || !*form->items[i].val)
			continue;
		if (p->ndeclare_roles >= ALARM_PLAN_MAX_DECLARE_ROLES) {
			fe_add(fe, "declare_role_ids", N_("has too many entries (at most 20)"));
			break;
		}
		if (parse_id(form->items[i].val, &id) < 0) {
			fe_add(fe, "declare_role_ids", N_("must be the id of a role"));
			continue;
		}
		p->declare_role_ids[p->ndeclare_roles++] = id;
	}
}

void alarm_plan_validate(struct alarm_plan *p, struct field_errors *fe)
{
	char field[48];

	validate_multiline(fe, "meeting_place", p->meeting_place, ALARM_PLAN_PLACE_MAX);
	validate_multiline(fe, "meeting_fallback", p->meeting_fallback, ALARM_PLAN_PLACE_MAX);
	validate_multiline(fe, "phone_bridge", p->phone_bridge, ALARM_PLAN_PLACE_MAX);
	validate_multiline(fe, "declare_criteria", p->declare_criteria, ALARM_PLAN_TEXT_MAX);
	validate_multiline(fe, "breach_notes", p->breach_notes, ALARM_PLAN_TEXT_MAX);
	for (int i = 0; i < p->ndeclare_roles; i++)
		for (int j = 0; j < i; j++)
			if (p->declare_role_ids[j] == p->declare_role_ids[i]) {
				snprintf(field, sizeof(field), "declare_role_ids[%d]", i);
				fe_add(fe, field, N_("is named twice"));
				break;
			}
}

json_t *alarm_plan_to_json(const struct alarm_plan *p)
{
	char created[21], updated[21];
	json_t *roles = json_array();

	if (!roles)
		return NULL;
	for (int i = 0; i < p->ndeclare_roles; i++)
		json_array_append_new(roles, json_integer(p->declare_role_ids[i]));
	kf_time_iso(p->created_at, created);
	kf_time_iso(p->updated_at, updated);
	return json_pack("{s:o, s:I, s:s, s:s, s:s, s:o, s:s, s:o, s:s, s:o, s:o}", "id",
			 p->id ? json_integer(p->id) : json_null(), "version", (json_int_t)p->version, "meeting_place",
			 p->meeting_place, "meeting_fallback", p->meeting_fallback, "phone_bridge", p->phone_bridge,
			 "declare_role_ids", roles, "declare_criteria", p->declare_criteria, "breach_report_role_id",
			 p->breach_report_role_id ? json_integer(p->breach_report_role_id) : json_null(),
			 "breach_notes", p->breach_notes, "created_at",
			 p->version ? json_string(created) : json_null(), "updated_at",
			 p->version ? json_string(updated) : json_null());
}

int alarm_plan_names_role(const struct alarm_plan *p, int64_t role_id)
{
	if (p->breach_report_role_id == role_id)
		return 1;
	for (int i = 0; i < p->ndeclare_roles; i++)
		if (p->declare_role_ids[i] == role_id)
			return 1;
	return 0;
}
