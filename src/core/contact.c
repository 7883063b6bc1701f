/* contact.c: contact rules, and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "contact.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const phone_kind_names[PHONE_KIND__MAX] = { "mobile", "office", "private", "other" };
static const char *const phone_kind_labels[PHONE_KIND__MAX] = { N_("Mobile"), N_("Office"), N_("Private"),
								 N_("Other") };

void contact_init(struct contact *c)
{
	memset(c, 0, sizeof(*c));
	c->name = c->company = c->function = c->email = c->notes = "";
}

const char *phone_kind_name(enum phone_kind k)
{
	return (int)k >= 0 && k < PHONE_KIND__MAX ? phone_kind_names[k] : "other";
}

const char *phone_kind_label(enum phone_kind k)
{
	return (int)k >= 0 && k < PHONE_KIND__MAX ? phone_kind_labels[k] : phone_kind_labels[PHONE_OTHER];
}

int phone_kind_parse(const char *s, enum phone_kind *k_r)
{
	for (int i = 0; i < PHONE_KIND__MAX; i++)
		if (strcmp(s, phone_kind_names[i]) == 0) {
			*k_r = (enum phone_kind)i;
			return 0;
		}
	return -1;
}

static void phones_from_json(struct contact *c, struct arena *a, const json_t *arr, struct field_errors *fe)
{
	size_t i;
	char field[48];

	if (!json_is_array(arr)) {
		fe_add(fe, "phones", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > CONTACT_MAX_PHONES) {
		fe_add(fe, "phones", N_("has too many entries (at most 10)"));
		return;
	}
	c->nphones = 0;
	for (i = 0; i < json_array_size(arr); i++) {
		const json_t *p = json_array_get(arr, i);
		const char *key;
		const json_t *val;
		struct phone *ph = &c->phones[c->nphones];

		if (!json_is_object(p)) {
			snprintf(field, sizeof(field), "phones[%zu]", i);
			fe_add(fe, field, N_("must be an object with kind and number"));
			continue;
		}
		ph->kind = PHONE_MOBILE;
		ph->number = "";
		json_object_foreach((json_t *)p, key, val) {
			snprintf(field, sizeof(field), "phones[%zu].%s", i, key);
			if (strcmp(key, "kind") == 0) {
				if (!json_is_string(val) || phone_kind_parse(json_string_value(val), &ph->kind) < 0)
					fe_add(fe, field, N_("must be one of mobile, office, private, other"));
			} else if (strcmp(key, "number") == 0) {
				jsonin_string(val, a, field, &ph->number, fe);
			} else {
				fe_add(fe, field, N_("is not a known field"));
			}
		}
		if (!json_object_get(p, "number")) {
			snprintf(field, sizeof(field), "phones[%zu].number", i);
			fe_add(fe, field, N_("must not be empty"));
		}
		c->nphones++;
	}
}

void contact_from_json(struct contact *c, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = c->id, version = c->version, cat = c->created_at, uat = c->updated_at;

		contact_init(c);
		c->id = id;
		c->version = version;
		c->created_at = cat;
		c->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "name") == 0)
			jsonin_string(val, a, key, &c->name, fe);
		else if (strcmp(key, "company") == 0)
			jsonin_string(val, a, key, &c->company, fe);
		else if (strcmp(key, "function") == 0)
			jsonin_string(val, a, key, &c->function, fe);
		else if (strcmp(key, "email") == 0)
			jsonin_string(val, a, key, &c->email, fe);
		else if (strcmp(key, "notes") == 0)
			jsonin_string(val, a, key, &c->notes, fe);
		else if (strcmp(key, "external") == 0)
			jsonin_bool(val, key, &c->external, fe);
		else if (strcmp(key, "phones") == 0)
			phones_from_json(c, a, val, fe);
		else if (strcmp(key, "last_verified") == 0) {
			const char *s = NULL;

			if (json_is_null(val))
				c->last_verified[0] = '\0';
			else if (jsonin_string(val, a, key, &s, fe) == 0) {
				if (!*s || strlen(s) >= sizeof(c->last_verified))
					fe_add(fe, key, N_("is not a date (YYYY-MM-DD)"));
				else
					snprintf(c->last_verified, sizeof(c->last_verified), "%s", s);
			}
		} else if (jsonin_is_readonly(key))
			continue;
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void contact_from_form(struct contact *c, struct arena *a, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	char kkey[32], nkey[32];
	int i;

	(void)a;
	c->name = (v = kv_get(form, "name")) ? v : "";
	c->company = (v = kv_get(form, "company")) ? v : "";
	c->function = (v = kv_get(form, "function")) ? v : "";
	c->email = (v = kv_get(form, "email")) ? v : "";
	c->notes = (v = kv_get(form, "notes")) ? v : "";
	c->external = (v = kv_get(form, "external")) && strcmp(v, "1") == 0;
	v = kv_get(form, "last_verified");
	if (v && strlen(v) >= sizeof(c->last_verified))
		fe_add(fe, "last_verified", N_("is not a date (YYYY-MM-DD)"));
	else
		snprintf(c->last_verified, sizeof(c->last_verified), "%s", v ? v : "");
	/* phone rows: an empty number means the row is unused */
	c->nphones = 0;
	for (i = 0; i < 2 * CONTACT_MAX_PHONES; i++) {
		const char *kind, *number;

		snprintf(kkey, sizeof(kkey), "phone_kind_%d", i);
		snprintf(nkey, sizeof(nkey), "phone_number_%d", i);
		kind = kv_get(form, kkey);
		number = kv_get(form, nkey);
		if (!number || !*number)
			continue;
		if (c->nphones >= CONTACT_MAX_PHONES) {
			fe_add(fe, "phones", N_("has too many entries (at most 10)"));
			break;
		}
		c->phones[c->nphones].number = number;
		c->phones[c->nphones].kind = PHONE_MOBILE;
		if (kind && phone_kind_parse(kind, &c->phones[c->nphones].kind) < 0) {
			char field[48];

			snprintf(field, sizeof(field), "phones[%d].kind", c->nphones);
			fe_add(fe, field, N_("must be one of mobile, office, private, other"));
		}
		c->nphones++;
	}
}

void contact_validate(struct contact *c, struct arena *a, const char *today, struct field_errors *fe)
{
	char field[48];
	int i;

	validate_line(fe, "name", a, c->name, 1, CONTACT_NAME_MAX, &c->name);
	validate_line(fe, "company", a, c->company, 0, CONTACT_NAME_MAX, &c->company);
	validate_line(fe, "function", a, c->function, 0, CONTACT_NAME_MAX, &c->function);
	if (validate_line(fe, "email", a, c->email, 0, 254, &c->email) == 0)
		validate_email(fe, "email", c->email);
	validate_multiline(fe, "notes", c->notes, CONTACT_NOTES_MAX);
	if (c->last_verified[0])
		validate_past_date(fe, "last_verified", c->last_verified, today);
	for (i = 0; i < c->nphones; i++) {
		snprintf(field, sizeof(field), "phones[%d].number", i);
		if (validate_line(fe, field, a, c->phones[i].number, 0, 40, &c->phones[i].number) == 0)
			validate_phone_number(fe, field, c->phones[i].number);
	}
}

json_t *contact_to_json(const struct contact *c)
{
	char created[21], updated[21];
	json_t *o, *phones;
	int i;

	phones = json_array();
	if (!phones)
		return NULL;
	for (i = 0; i < c->nphones; i++)
		json_array_append_new(phones, json_pack("{s:s, s:s}", "kind", phone_kind_name(c->phones[i].kind),
							"number", c->phones[i].number));
	kf_time_iso(c->created_at, created);
	kf_time_iso(c->updated_at, updated);
	o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:s, s:s, s:b, s:o, s:s, s:s}", "id", (json_int_t)c->id,
		      "version", (json_int_t)c->version, "name", c->name, "company", c->company, "function",
		      c->function, "phones", phones, "email", c->email, "notes", c->notes, "external", c->external,
		      "last_verified", c->last_verified[0] ? json_string(c->last_verified) : json_null(),
		      "created_at", created, "updated_at", updated);
	return o;
}
