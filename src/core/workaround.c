/* workaround.c: workaround rules (a process, title, procedure, hours) and conversions from JSON, forms and to JSON. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "bia.h"
#include "jsonin.h"
#include "validate.h"
#include "workaround.h"
#include "../lib/banned.h"

#define MSG_PROCESS N_("must be the id of a business process")
#define MSG_CONTACT N_("must be the id of a contact or null")

void workaround_init(struct workaround *w)
{
	memset(w, 0, sizeof(*w));
	w->title = w->procedure = w->preparation = "";
	w->sustainable_hours = -1;
}

void workaround_from_json(struct workaround *w, struct arena *a, const json_t *obj, int partial,
			  struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = w->id, version = w->version, cat = w->created_at, uat = w->updated_at;

		workaround_init(w);
		w->id = id;
		w->version = version;
		w->created_at = cat;
		w->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "process_id") == 0) {
			if (!json_is_integer(val) || json_integer_value(val) <= 0)
				fe_add(fe, key, MSG_PROCESS);
			else
				w->process_id = json_integer_value(val);
		} else if (strcmp(key, "responsible_contact_id") == 0) {
			if (json_is_null(val))
				w->responsible_contact_id = 0;
			else if (!json_is_integer(val) || json_integer_value(val) <= 0)
				fe_add(fe, key, MSG_CONTACT);
			else
				w->responsible_contact_id = json_integer_value(val);
		} else if (strcmp(key, "title") == 0) {
			jsonin_string(val, a, key, &w->title, fe);
		} else if (strcmp(key, "procedure") == 0) {
			jsonin_string(val, a, key, &w->procedure, fe);
		} else if (strcmp(key, "preparation") == 0) {
			jsonin_string(val, a, key, &w->preparation, fe);
		} else if (strcmp(key, "sustainable_hours") == 0) {
			bia_int_from_json(val, key, WORKAROUND_HOURS_MAX, 1, BIA_MSG_HOURS, &w->sustainable_hours, fe);
		} else if (jsonin_is_readonly(key) || strcmp(key, "html") == 0) {
			continue; /* read-only: clients may send back what they read */
		} else {
			fe_add(fe, key, N_("is not a known field"));
		}
	}
}

static void id_from_form(const char *v, const char *field, const char *msg, int64_t *out, struct field_errors *fe)
{
	long long id;

	*out = 0;
	if (!v || !*v)
		return;
	if (parse_id(v, &id) < 0)
		fe_add(fe, field, msg);
	else
		*out = id;
}

void workaround_from_form(struct workaround *w, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;

	id_from_form(kv_get(form, "process_id"), "process_id", MSG_PROCESS, &w->process_id, fe);
	id_from_form(kv_get(form, "responsible_contact_id"), "responsible_contact_id", MSG_CONTACT,
		     &w->responsible_contact_id, fe);
	w->title = (v = kv_get(form, "title")) ? v : "";
	w->procedure = (v = kv_get(form, "procedure")) ? v : "";
	w->preparation = (v = kv_get(form, "preparation")) ? v : "";
	bia_int_from_form(kv_get(form, "sustainable_hours"), "sustainable_hours", WORKAROUND_HOURS_MAX, BIA_MSG_HOURS,
			  &w->sustainable_hours, fe);
}

void workaround_validate(struct workaround *w, struct arena *a, struct field_errors *fe)
{
	const char *p = w->procedure + strspn(w->procedure, " \t\r\n");

	if (w->process_id <= 0)
		fe_add(fe, "process_id", N_("Please choose the business process this workaround keeps going."));
	validate_line(fe, "title", a, w->title, 1, WORKAROUND_TITLE_MAX, &w->title);
	if (!*p)
		fe_add(fe, "procedure", N_("Please describe how people keep working without the IT."));
	else
		validate_multiline(fe, "procedure", w->procedure, WORKAROUND_TEXT_MAX);
	validate_multiline(fe, "preparation", w->preparation, WORKAROUND_TEXT_MAX);
}

json_t *workaround_to_json(const struct workaround *w)
{
	char created[21], updated[21];

	kf_time_iso(w->created_at, created);
	kf_time_iso(w->updated_at, updated);
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:s}", "id", (json_int_t)w->id, "version",
			 (json_int_t)w->version, "process_id", (json_int_t)w->process_id, "title", w->title, "procedure",
			 w->procedure, "preparation", w->preparation, "sustainable_hours", bia_json_opt(w->sustainable_hours),
			 "responsible_contact_id",
			 w->responsible_contact_id ? json_integer(w->responsible_contact_id) : json_null(), "created_at",
			 created, "updated_at", updated);
}
