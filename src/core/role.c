/* role.c: emergency role rules, and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "role.h"
#include "validate.h"
#include "../lib/banned.h"

void role_init(struct role *r)
{
	memset(r, 0, sizeof(*r));
	r->name = r->duties = "";
}

static void deputies_from_json(struct role *r, const json_t *arr, struct field_errors *fe)
{
	char field[48];
	size_t i;

	if (!json_is_array(arr)) {
		fe_add(fe, "deputy_contact_ids", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > ROLE_MAX_DEPUTIES) {
		fe_add(fe, "deputy_contact_ids", N_("has too many entries (at most 10)"));
		return;
	}
	r->ndeputies = 0;
	for (i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		snprintf(field, sizeof(field), "deputy_contact_ids[%zu]", i);
		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			fe_add(fe, field, N_("must be the id of a contact"));
			continue;
		}
		r->deputy_contact_ids[r->ndeputies++] = json_integer_value(v);
	}
}

void role_from_json(struct role *r, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = r->id, version = r->version, cat = r->created_at, uat = r->updated_at;

		role_init(r);
		r->id = id;
		r->version = version;
		r->created_at = cat;
		r->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "name") == 0)
			jsonin_string(val, a, key, &r->name, fe);
		else if (strcmp(key, "duties") == 0)
			jsonin_string(val, a, key, &r->duties, fe);
		else if (strcmp(key, "primary_contact_id") == 0) {
			long long id;

			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				r->primary_contact_id = id;
		} else if (strcmp(key, "deputy_contact_ids") == 0)
			deputies_from_json(r, val, fe);
		else if (jsonin_is_readonly(key))
			continue;
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void role_from_form(struct role *r, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	char key[32], field[48];
	long long id;
	int i;

	r->name = (v = kv_get(form, "name")) ? v : "";
	r->duties = (v = kv_get(form, "duties")) ? v : "";
	r->primary_contact_id = 0;
	v = kv_get(form, "primary_contact_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "primary_contact_id", N_("must be the id of a contact or null"));
		else
			r->primary_contact_id = id;
	}
	r->ndeputies = 0;
	for (i = 0; i < ROLE_MAX_DEPUTIES; i++) {
		snprintf(key, sizeof(key), "deputy_%d", i);
		v = kv_get(form, key);
		if (!v || !*v)
			continue;
		if (parse_id(v, &id) < 0) {
			snprintf(field, sizeof(field), "deputy_contact_ids[%d]", r->ndeputies);
			fe_add(fe, field, N_("must be the id of a contact"));
			continue;
		}
		r->deputy_contact_ids[r->ndeputies++] = id;
	}
}

void role_validate(struct role *r, struct arena *a, struct field_errors *fe)
{
	char field[48];
	int i, j;

	validate_line(fe, "name", a, r->name, 1, ROLE_NAME_MAX, &r->name);
	validate_multiline(fe, "duties", r->duties, ROLE_DUTIES_MAX);
	for (i = 0; i < r->ndeputies; i++) {
		snprintf(field, sizeof(field), "deputy_contact_ids[%d]", i);
		if (r->deputy_contact_ids[i] == r->primary_contact_id) {
			fe_add(fe, field, N_("is already the primary person of this role"));
			continue;
		}
		for (j = 0; j < i; j++)
			if (r->deputy_contact_ids[j] == r->deputy_contact_ids[i]) {
				fe_add(fe, field, N_("is named twice as deputy"));
				break;
			}
	}
}

json_t *role_to_json(const struct role *r)
{
	char created[21], updated[21];
	json_t *deputies;
	int i;

	deputies = json_array();
	if (!deputies)
		return NULL;
	for (i = 0; i < r->ndeputies; i++)
		json_array_append_new(deputies, json_integer(r->deputy_contact_ids[i]));
	kf_time_iso(r->created_at, created);
	kf_time_iso(r->updated_at, updated);
	return json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:s, s:s}", "id", (json_int_t)r->id, "version",
			 (json_int_t)r->version, "name", r->name, "duties", r->duties, "primary_contact_id",
			 r->primary_contact_id ? json_integer(r->primary_contact_id) : json_null(),
			 "deputy_contact_ids", deputies, "created_at", created, "updated_at", updated);
}
