/* system.c: IT system rules (type, targets, dependencies), and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "bia.h"
#include "jsonin.h"
#include "system.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const type_names[SYSTEM_TYPE__MAX] = {
	"power", "network", "internet", "storage", "server",   "virtualization", "directory",
	"database", "application", "cloud", "email", "fileserver", "client", "other",
};
static const char *const type_labels[SYSTEM_TYPE__MAX] = {
	N_("Power supply"),       N_("Network"),       N_("Internet line"),   N_("Storage"),
	N_("Server"),             N_("Virtualisation"), N_("Directory service (users and logins)"),
	N_("Database"),           N_("Application"),   N_("Cloud service"),   N_("Email"),
	N_("File server"),        N_("Workstations and laptops"),             N_("Other"),
};

#define MSG_TYPE N_("must be one of power, network, internet, storage, server, virtualization, directory, database, " \
		    "application, cloud, email, fileserver, client, other")
#define MSG_SYSTEM N_("must be the id of an IT system")

void system_init(struct system *s)
{
	memset(s, 0, sizeof(*s));
	s->name = s->location = s->notes = "";
	s->type = SYSTEM_TYPE_UNSET;
	s->rto_hours = s->rpo_hours = -1;
	s->required_rto_hours = s->required_rpo_hours = -1;
}

const char *system_type_name(enum system_type t)
{
	return (int)t >= 0 && t < SYSTEM_TYPE__MAX ? type_names[t] : "";
}

const char *system_type_label(enum system_type t)
{
	return (int)t >= 0 && t < SYSTEM_TYPE__MAX ? type_labels[t] : "";
}

int system_type_parse(const char *s, enum system_type *t_r)
{
	for (int i = 0; i < SYSTEM_TYPE__MAX; i++)
		if (strcmp(s, type_names[i]) == 0) {
			*t_r = (enum system_type)i;
			return 0;
		}
	return -1;
}

static void add_dep(struct system *s, int64_t id, const char *field, struct field_errors *fe)
{
	for (int i = 0; i < s->ndeps; i++)
		if (s->depends_on_ids[i] == id) {
			fe_add(fe, field, N_("is chosen twice"));
			return;
		}
	if (s->ndeps >= SYSTEM_MAX_DEPS) {
		fe_add(fe, "depends_on_ids", N_("has too many entries (at most 64)"));
		return;
	}
	s->depends_on_ids[s->ndeps++] = id;
}

static void deps_from_json(struct system *s, const json_t *arr, struct field_errors *fe)
{
	char field[48];

	if (!json_is_array(arr)) {
		fe_add(fe, "depends_on_ids", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > SYSTEM_MAX_DEPS) {
		fe_add(fe, "depends_on_ids", N_("has too many entries (at most 64)"));
		return;
	}
	s->ndeps = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		snprintf(field, sizeof(field), "depends_on_ids[%zu]", i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			fe_add(fe, field, MSG_SYSTEM);
		else
			add_dep(s, json_integer_value(v), field, fe);
	}
}

static int is_computed(const char *key)
{
	return strcmp(key, "required_rto_hours") == 0 || strcmp(key, "required_rpo_hours") == 0 ||
	       strcmp(key, "spof") == 0 || strcmp(key, "cost_per_day") == 0 || strcmp(key, "process_count") == 0;
}

static void contact_from_json(const json_t *val, const char *key, int64_t *out, struct field_errors *fe)
{
	long long id;

	if (jsonin_id_or_null(val, key, &id, fe) == 0)
		*out = id;
}

void system_from_json(struct system *s, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = s->id, version = s->version, cat = s->created_at, uat = s->updated_at;

		system_init(s);
		s->id = id;
		s->version = version;
		s->created_at = cat;
		s->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "name") == 0)
			jsonin_string(val, a, key, &s->name, fe);
		else if (strcmp(key, "location") == 0)
			jsonin_string(val, a, key, &s->location, fe);
		else if (strcmp(key, "notes") == 0)
			jsonin_string(val, a, key, &s->notes, fe);
		else if (strcmp(key, "type") == 0) {
			if (!json_is_string(val) || system_type_parse(json_string_value(val), &s->type) < 0)
				fe_add(fe, key, MSG_TYPE);
		} else if (strcmp(key, "provider_contact_id") == 0)
			contact_from_json(val, key, &s->provider_contact_id, fe);
		else if (strcmp(key, "owner_contact_id") == 0)
			contact_from_json(val, key, &s->owner_contact_id, fe);
		else if (strcmp(key, "rto_hours") == 0)
			bia_int_from_json(val, key, 100000, 1, BIA_MSG_HOURS, &s->rto_hours, fe);
		else if (strcmp(key, "rpo_hours") == 0)
			bia_int_from_json(val, key, 100000, 1, BIA_MSG_HOURS, &s->rpo_hours, fe);
		else if (strcmp(key, "depends_on_ids") == 0)
			deps_from_json(s, val, fe);
		else if (jsonin_is_readonly(key) || is_computed(key))
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

static void contact_from_form(const char *v, const char *field, int64_t *out, struct field_errors *fe)
{
	long long id;

	*out = 0;
	if (!v || !*v)
		return;
	if (parse_id(v, &id) < 0)
		fe_add(fe, field, N_("must be the id of a contact or null"));
	else
		*out = id;
}

void system_from_form(struct system *s, const struct kv_list *form, struct field_errors *fe)
{
	char field[48];
	const char *v;
	long long id;

	s->name = (v = kv_get(form, "name")) ? v : "";
	s->location = (v = kv_get(form, "location")) ? v : "";
	s->notes = (v = kv_get(form, "notes")) ? v : "";
	s->type = SYSTEM_TYPE_UNSET;
	v = kv_get(form, "type");
	if (v && *v && system_type_parse(v, &s->type) < 0)
		fe_add(fe, "type", MSG_TYPE);
	contact_from_form(kv_get(form, "provider_contact_id"), "provider_contact_id", &s->provider_contact_id, fe);
	contact_from_form(kv_get(form, "owner_contact_id"), "owner_contact_id", &s->owner_contact_id, fe);
	bia_int_from_form(kv_get(form, "rto_hours"), "rto_hours", 100000, BIA_MSG_HOURS, &s->rto_hours, fe);
	bia_int_from_form(kv_get(form, "rpo_hours"), "rpo_hours", 100000, BIA_MSG_HOURS, &s->rpo_hours, fe);
	s->ndeps = 0;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, "depends_on") != 0)
			continue;
		snprintf(field, sizeof(field), "depends_on_ids[%d]", s->ndeps);
		if (parse_id(form->items[i].val, &id) < 0)
			fe_add(fe, field, MSG_SYSTEM);
		else
			add_dep(s, id, field, fe);
	}
}

void system_validate(struct system *s, struct arena *a, struct field_errors *fe)
{
	char field[48];

	validate_line(fe, "name", a, s->name, 1, SYSTEM_NAME_MAX, &s->name);
	validate_line(fe, "location", a, s->location, 0, SYSTEM_NAME_MAX, &s->location);
	validate_multiline(fe, "notes", s->notes, SYSTEM_TEXT_MAX);
	if ((int)s->type < 0 || s->type >= SYSTEM_TYPE__MAX)
		fe_add(fe, "type", MSG_TYPE);
	for (int i = 0; i < s->ndeps; i++) {
		snprintf(field, sizeof(field), "depends_on_ids[%d]", i);
		if (s->id && s->depends_on_ids[i] == s->id) {
			fe_add(fe, field, N_("cannot be the system itself"));
			continue;
		}
		for (int j = 0; j < i; j++)
			if (s->depends_on_ids[i] == s->depends_on_ids[j]) {
				fe_add(fe, field, N_("is chosen twice"));
				break;
			}
	}
}

json_t *system_to_json(const struct system *s)
{
	char created[21], updated[21];
	json_t *deps;

	deps = json_array();
	if (!deps)
		return NULL;
	for (int i = 0; i < s->ndeps; i++)
		json_array_append_new(deps, json_integer(s->depends_on_ids[i]));
	kf_time_iso(s->created_at, created);
	kf_time_iso(s->updated_at, updated);
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:b, s:i, s:I, s:s, s:s}",
			 "id", (json_int_t)s->id, "version", (json_int_t)s->version, "name", s->name, "type",
			 system_type_name(s->type), "location", s->location, "provider_contact_id",
			 s->provider_contact_id ? json_integer(s->provider_contact_id) : json_null(), "owner_contact_id",
			 s->owner_contact_id ? json_integer(s->owner_contact_id) : json_null(), "rto_hours",
			 bia_json_opt(s->rto_hours), "rpo_hours", bia_json_opt(s->rpo_hours), "depends_on_ids", deps,
			 "notes", s->notes, "required_rto_hours", bia_json_opt(s->required_rto_hours),
			 "required_rpo_hours", bia_json_opt(s->required_rpo_hours), "spof", s->spof, "process_count",
			 s->nprocesses, "cost_per_day", (json_int_t)s->cost_per_day, "created_at", created, "updated_at",
			 updated);
}
