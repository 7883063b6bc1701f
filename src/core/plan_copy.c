/* plan_copy.c: copies of the plan: kinds, the stale rule, and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "plan_copy.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const kind_names[COPY_KIND__MAX] = { "print", "usb", "cloud", "laptop", "other" };
static const char *const kind_labels[COPY_KIND__MAX] = { N_("Printout"), N_("USB stick"), N_("Cloud storage"),
							  N_("Notebook"), N_("Other") };

#define MSG_KIND N_("must be one of print, usb, cloud, laptop, other")
#define MSG_CONTACT N_("must be the id of a contact or null")

void plan_copy_init(struct plan_copy *p)
{
	memset(p, 0, sizeof(*p));
	p->kind = COPY_KIND_UNSET;
	p->location = p->notes = "";
	p->stamp_stale = -1;
}

const char *plan_copy_kind_name(enum plan_copy_kind k)
{
	return (int)k >= 0 && k < COPY_KIND__MAX ? kind_names[k] : "";
}

const char *plan_copy_kind_label(enum plan_copy_kind k)
{
	return (int)k >= 0 && k < COPY_KIND__MAX ? kind_labels[k] : "";
}

int plan_copy_kind_parse(const char *s, enum plan_copy_kind *k_r)
{
	for (int i = 0; i < COPY_KIND__MAX; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*k_r = (enum plan_copy_kind)i;
			return 0;
		}
	return -1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int plan_copy_is_stale(const char *plan_date, int64_t last_change)
{
	int y, m, d;

	if (last_change <= 0 || !plan_date || kf_date_parse(plan_date, &y, &m, &d) < 0)
		return 0;
	/* the first second of the following day */
	return last_change >= (days_from_civil(y, m, d) + 1) * 86400;
}

int plan_copy_stale(const struct plan_copy *p)
{
	return plan_copy_is_stale(p->plan_date, p->plan_changed_at) || (p->stamp[0] && p->stamp_stale == 1);
}

int plan_copy_stamp_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	if (n != PLAN_COPY_STAMP_LEN)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return -1;
	return 0;
}

#define MSG_STAMP N_("must be the 12 characters 0-9 and a-f of the export's stamp, or empty")
#define MSG_PLAN_VERSION N_("must be the number of an approved plan version (1 or more), or empty")

/* A stamp as given: kept in p->stamp when it fits (so a form shows it again), refused naming the field when bad. */
static void take_stamp(struct plan_copy *p, const char *s, struct field_errors *fe)
{
	p->stamp[0] = '\0';
	if (strlen(s) <= PLAN_COPY_STAMP_LEN)
		memcpy(p->stamp, s, strlen(s) + 1);
	if (plan_copy_stamp_ok(s) < 0)
		fe_add(fe, "stamp", MSG_STAMP);
}

void plan_copy_from_json(struct plan_copy *p, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = p->id, version = p->version, cat = p->created_at, uat = p->updated_at;
		int64_t changed = p->plan_changed_at;
		int stamp_stale = p->stamp_stale;

		plan_copy_init(p);
		p->stamp_stale = stamp_stale;
		p->id = id;
		p->version = version;
		p->created_at = cat;
		p->updated_at = uat;
		p->plan_changed_at = changed;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "kind") == 0) {
			if (!json_is_string(val) || plan_copy_kind_parse(json_string_value(val), &p->kind) < 0)
				fe_add(fe, key, MSG_KIND);
		} else if (strcmp(key, "location") == 0)
			jsonin_string(val, a, key, &p->location, fe);
		else if (strcmp(key, "notes") == 0)
			jsonin_string(val, a, key, &p->notes, fe);
		else if (strcmp(key, "holder_contact_id") == 0) {
			long long id;

			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				p->holder_contact_id = id;
		} else if (strcmp(key, "plan_date") == 0)
			regfield_date_json(val, a, key, 0, p->plan_date, fe);
		else if (strcmp(key, "last_checked") == 0)
			regfield_date_json(val, a, key, 1, p->last_checked, fe);
		else if (strcmp(key, "stamp") == 0) {
			if (json_is_null(val))
				p->stamp[0] = '\0';
			else if (!json_is_string(val))
				fe_add(fe, key, MSG_STAMP);
			else
				take_stamp(p, json_string_value(val), fe);
		} else if (strcmp(key, "plan_version") == 0) {
			if (json_is_null(val))
				p->plan_version = 0;
			else if (!json_is_integer(val) || json_integer_value(val) < 1)
				fe_add(fe, key, MSG_PLAN_VERSION);
			else
				p->plan_version = json_integer_value(val);
		} else if (jsonin_is_readonly(key) || strcmp(key, "stale") == 0 || strcmp(key, "plan_changed_at") == 0)
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void plan_copy_from_form(struct plan_copy *p, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;

	p->location = (v = kv_get(form, "location")) ? v : "";
	p->notes = (v = kv_get(form, "notes")) ? v : "";
	p->kind = COPY_KIND_UNSET;
	v = kv_get(form, "kind");
	if (v && *v && plan_copy_kind_parse(v, &p->kind) < 0)
		fe_add(fe, "kind", MSG_KIND);
	regfield_id_form(kv_get(form, "holder_contact_id"), "holder_contact_id", MSG_CONTACT, &p->holder_contact_id, fe);
	regfield_date_form(kv_get(form, "plan_date"), "plan_date", p->plan_date, fe);
	regfield_date_form(kv_get(form, "last_checked"), "last_checked", p->last_checked, fe);
	take_stamp(p, (v = kv_get(form, "stamp")) ? v : "", fe);
	p->plan_version = 0;
	v = kv_get(form, "plan_version");
	if (v && *v) {
		long long n;

		if (parse_id(v, &n) < 0)
			fe_add(fe, "plan_version", MSG_PLAN_VERSION);
		else
			p->plan_version = n;
	}
}

void plan_copy_validate(struct plan_copy *p, struct arena *a, const char *today, struct field_errors *fe)
{
	if ((int)p->kind < 0 || p->kind >= COPY_KIND__MAX)
		fe_add(fe, "kind", MSG_KIND);
	validate_line(fe, "location", a, p->location, 1, PLAN_COPY_LOCATION_MAX, &p->location);
	if (!p->plan_date[0])
		fe_add(fe, "plan_date", N_("is required: the date of the plan this copy holds (YYYY-MM-DD)"));
	else
		validate_past_date(fe, "plan_date", p->plan_date, today);
	if (p->last_checked[0])
		validate_past_date(fe, "last_checked", p->last_checked, today);
	validate_multiline(fe, "notes", p->notes, PLAN_COPY_NOTES_MAX);
	if (plan_copy_stamp_ok(p->stamp) < 0)
		fe_add(fe, "stamp", MSG_STAMP);
	if (p->plan_version < 0)
		fe_add(fe, "plan_version", MSG_PLAN_VERSION);
}

json_t *plan_copy_to_json(const struct plan_copy *p)
{
	char created[21], updated[21], changed[21];

	kf_time_iso(p->created_at, created);
	kf_time_iso(p->updated_at, updated);
	kf_time_iso(p->plan_changed_at, changed);
	json_t *j;

	j = json_pack("{s:I, s:I, s:s, s:s, s:o, s:s, s:o, s:s, s:b, s:o, s:s, s:s}", "id", (json_int_t)p->id,
			 "version", (json_int_t)p->version, "kind", plan_copy_kind_name(p->kind), "location", p->location,
			 "holder_contact_id", p->holder_contact_id ? json_integer(p->holder_contact_id) : json_null(),
			 "plan_date", p->plan_date, "last_checked",
			 p->last_checked[0] ? json_string(p->last_checked) : json_null(), "notes", p->notes, "stale",
			 plan_copy_stale(p), "plan_changed_at",
			 p->plan_changed_at ? json_string(changed) : json_null(), "created_at", created, "updated_at",
			 updated);
	if (j && (json_object_set_new(j, "stamp", p->stamp[0] ? json_string(p->stamp) : json_null()) < 0 ||
		  json_object_set_new(j, "plan_version", p->plan_version ? json_integer(p->plan_version) : json_null()) < 0)) {
		json_decref(j);
		j = NULL;
	}
	return j;
}
