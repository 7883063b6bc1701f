/* finding.c: finding rules (severity, status) and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "finding.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const severity_names[FINDING_SEVERITY__MAX] = { "low", "medium", "high" };
static const char *const severity_labels[FINDING_SEVERITY__MAX] = { N_("low"), N_("medium"), N_("high") };
static const char *const status_names[FINDING_STATUS__MAX] = { "open", "in_progress", "done" };
static const char *const status_labels[FINDING_STATUS__MAX] = { N_("Open"), N_("In progress"), N_("Done") };

#define MSG_SEVERITY N_("must be one of low, medium, high")
#define MSG_STATUS N_("must be one of open, in_progress, done")
#define MSG_DATE N_("is not a date (YYYY-MM-DD)")
#define MSG_CONTACT N_("must be the id of a contact or null")

void finding_init(struct finding *f)
{
	memset(f, 0, sizeof(*f));
	f->title = f->description = "";
	f->severity = FINDING_MEDIUM;
	f->status = FINDING_OPEN;
}

const char *finding_severity_name(enum finding_severity s)
{
	return (int)s >= 0 && s < FINDING_SEVERITY__MAX ? severity_names[s] : severity_names[FINDING_MEDIUM];
}

const char *finding_severity_label(enum finding_severity s)
{
	return (int)s >= 0 && s < FINDING_SEVERITY__MAX ? severity_labels[s] : severity_labels[FINDING_MEDIUM];
}

int finding_severity_parse(const char *s, enum finding_severity *s_r)
{
	for (int i = 0; i < FINDING_SEVERITY__MAX; i++)
		if (strcmp(s, severity_names[i]) == 0) {
			*s_r = (enum finding_severity)i;
			return 0;
		}
	return -1;
}

const char *finding_status_name(enum finding_status s)
{
	return (int)s >= 0 && s < FINDING_STATUS__MAX ? status_names[s] : status_names[FINDING_OPEN];
}

const char *finding_status_label(enum finding_status s)
{
	return (int)s >= 0 && s < FINDING_STATUS__MAX ? status_labels[s] : status_labels[FINDING_OPEN];
}

int finding_status_parse(const char *s, enum finding_status *s_r)
{
	for (int i = 0; i < FINDING_STATUS__MAX; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*s_r = (enum finding_status)i;
			return 0;
		}
	return -1;
}

int finding_is_open(const struct finding *f)
{
	return f->status != FINDING_DONE;
}

static void date_from_json(struct finding *f, struct arena *a, const json_t *v, struct field_errors *fe)
{
	const char *s = NULL;

	if (json_is_null(v)) {
		f->due_date[0] = '\0';
		return;
	}
	if (jsonin_string(v, a, "due_date", &s, fe) < 0)
		return;
	if (!*s || strlen(s) >= sizeof(f->due_date))
		fe_add(fe, "due_date", MSG_DATE);
	else
		snprintf(f->due_date, sizeof(f->due_date), "%s", s);
}

void finding_from_json(struct finding *f, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;
	long long id;

	if (!partial) {
		int64_t fid = f->id, version = f->version, ex = f->exercise_id, cat = f->created_at, uat = f->updated_at;

		finding_init(f);
		f->id = fid;
		f->version = version;
		f->exercise_id = ex;
		f->created_at = cat;
		f->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "title") == 0)
			jsonin_string(val, a, key, &f->title, fe);
		else if (strcmp(key, "description") == 0)
			jsonin_string(val, a, key, &f->description, fe);
		else if (strcmp(key, "severity") == 0) {
			if (!json_is_string(val) || finding_severity_parse(json_string_value(val), &f->severity) < 0)
				fe_add(fe, key, MSG_SEVERITY);
		} else if (strcmp(key, "status") == 0) {
			if (!json_is_string(val) || finding_status_parse(json_string_value(val), &f->status) < 0)
				fe_add(fe, key, MSG_STATUS);
		} else if (strcmp(key, "responsible_contact_id") == 0) {
			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				f->responsible_contact_id = id;
		} else if (strcmp(key, "due_date") == 0)
			date_from_json(f, a, val, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "exercise_id") == 0)
			continue; /* a finding stays with its exercise */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void finding_from_form(struct finding *f, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	long long id;

	f->title = (v = kv_get(form, "title")) ? v : "";
	f->description = (v = kv_get(form, "description")) ? v : "";
	f->severity = FINDING_MEDIUM;
	v = kv_get(form, "severity");
	if (v && *v && finding_severity_parse(v, &f->severity) < 0)
		fe_add(fe, "severity", MSG_SEVERITY);
	f->status = FINDING_OPEN;
	v = kv_get(form, "status");
	if (v && *v && finding_status_parse(v, &f->status) < 0)
		fe_add(fe, "status", MSG_STATUS);
	f->responsible_contact_id = 0;
	v = kv_get(form, "responsible_contact_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "responsible_contact_id", MSG_CONTACT);
		else
			f->responsible_contact_id = id;
	}
	v = kv_get(form, "due_date");
	if (v && strlen(v) >= sizeof(f->due_date))
		fe_add(fe, "due_date", MSG_DATE);
	else
		snprintf(f->due_date, sizeof(f->due_date), "%s", v ? v : "");
}

void finding_validate(struct finding *f, struct arena *a, struct field_errors *fe)
{
	int y, m, d;

	validate_line(fe, "title", a, f->title, 1, FINDING_TITLE_MAX, &f->title);
	validate_multiline(fe, "description", f->description, FINDING_TEXT_MAX);
	if ((int)f->severity < 0 || f->severity >= FINDING_SEVERITY__MAX)
		fe_add(fe, "severity", MSG_SEVERITY);
	if ((int)f->status < 0 || f->status >= FINDING_STATUS__MAX)
		fe_add(fe, "status", MSG_STATUS);
	if (f->due_date[0] && kf_date_parse(f->due_date, &y, &m, &d) < 0)
		fe_add(fe, "due_date", MSG_DATE);
}

json_t *finding_to_json(const struct finding *f)
{
	char created[21], updated[21];

	kf_time_iso(f->created_at, created);
	kf_time_iso(f->updated_at, updated);
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s}", "id", (json_int_t)f->id, "version",
			 (json_int_t)f->version, "exercise_id", (json_int_t)f->exercise_id, "title", f->title,
			 "description", f->description, "severity", finding_severity_name(f->severity), "status",
			 finding_status_name(f->status), "responsible_contact_id",
			 f->responsible_contact_id ? json_integer(f->responsible_contact_id) : json_null(), "due_date",
			 f->due_date[0] ? json_string(f->due_date) : json_null(), "created_at", created, "updated_at",
			 updated);
}
