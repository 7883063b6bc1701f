/* jsonin.c: typed reads of JSON values into struct fields. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "jsonin.h"
#include "../lib/banned.h"

int jsonin_string(const json_t *v, struct arena *a, const char *field, const char **out, struct field_errors *fe)
{
	const char *s;

	if (!json_is_string(v)) {
		fe_add(fe, field, N_("must be text"));
		return -1;
	}
	if (strlen(json_string_value(v)) != json_string_length(v)) {
		fe_add(fe, field, N_("contains control characters"));
		return -1;
	}
	s = arena_strndup(a, json_string_value(v), json_string_length(v));
	if (!s) {
		fe_add(fe, field, N_("could not be stored (out of memory)"));
		return -1;
	}
	*out = s;
	return 0;
}

int jsonin_bool(const json_t *v, const char *field, int *out, struct field_errors *fe)
{
	if (!json_is_boolean(v)) {
		fe_add(fe, field, N_("must be true or false"));
		return -1;
	}
	*out = json_is_true(v);
	return 0;
}

int jsonin_id_or_null(const json_t *v, const char *field, long long *out, struct field_errors *fe)
{
	if (json_is_null(v)) {
		*out = 0;
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		fe_add(fe, field, N_("must be the id of a contact or null"));
		return -1;
	}
	*out = json_integer_value(v);
	return 0;
}

int jsonin_is_readonly(const char *key)
{
	static const char *const ro[] = { "id", "version", "created_at", "updated_at" };

	for (size_t i = 0; i < sizeof(ro) / sizeof(ro[0]); i++)
		if (strcmp(key, ro[i]) == 0)
			return 1;
	return 0;
}
