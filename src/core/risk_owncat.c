/* risk_owncat.c: rules of own risk categories, and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "risk_owncat.h"
#include "validate.h"
#include "../lib/banned.h"

void risk_owncat_init(struct risk_owncat *c)
{
	memset(c, 0, sizeof(*c));
	c->name = c->description = "";
}

void risk_owncat_from_json(struct risk_owncat *c, struct arena *a, const json_t *obj, int partial,
			   struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		c->name = c->description = "";
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "name") == 0)
			jsonin_string(val, a, key, &c->name, fe);
		else if (strcmp(key, "description") == 0)
			jsonin_string(val, a, key, &c->description, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "category") == 0)
			continue;
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void risk_owncat_from_form(struct risk_owncat *c, const struct kv_list *form)
{
	const char *v;

	c->name = (v = kv_get(form, "name")) ? v : "";
	c->description = (v = kv_get(form, "description")) ? v : "";
}

void risk_owncat_validate(struct risk_owncat *c, struct arena *a, struct field_errors *fe)
{
	validate_line(fe, "name", a, c->name, 1, RISK_OWNCAT_NAME_MAX, &c->name);
	validate_multiline(fe, "description", c->description, RISK_OWNCAT_TEXT_MAX);
}

json_t *risk_owncat_to_json(const struct risk_owncat *c)
{
	char created[21], updated[21], value[32];

	snprintf(value, sizeof(value), "custom:%lld", (long long)c->id);
	kf_time_iso(c->created_at, created);
	kf_time_iso(c->updated_at, updated);
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)c->id, "version",
			 (json_int_t)c->version, "name", c->name, "description", c->description, "category", value,
			 "created_at", created, "updated_at", updated);
}
