/* restore_test.c: restore test rules (result, no future date, duration); conversions from JSON, forms and to JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "restore_test.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const result_names[RESTORE_RESULT__MAX] = { "success", "partial", "failed" };
static const char *const result_labels[RESTORE_RESULT__MAX] = { N_("Successful"), N_("Partly successful"),
								 N_("Failed") };

#define MSG_RESULT N_("must be one of success, partial, failed")
#define MSG_MINUTES N_("must be a whole number of minutes from 0 to 43200, or empty")
#define MSG_DATE N_("is not a date (YYYY-MM-DD)")

void restore_test_init(struct restore_test *t)
{
	memset(t, 0, sizeof(*t));
	t->notes = "";
	t->result = RESTORE_SUCCESS;
	t->duration_minutes = -1;
}

const char *restore_result_name(enum restore_result r)
{
	return (int)r >= 0 && r < RESTORE_RESULT__MAX ? result_names[r] : result_names[RESTORE_FAILED];
}

const char *restore_result_label(enum restore_result r)
{
	return (int)r >= 0 && r < RESTORE_RESULT__MAX ? result_labels[r] : result_labels[RESTORE_FAILED];
}

int restore_result_parse(const char *s, enum restore_result *r_r)
{
	for (int i = 0; i < RESTORE_RESULT__MAX; i++)
		if (strcmp(s, result_names[i]) == 0) {
			*r_r = (enum restore_result)i;
			return 0;
		}
	return -1;
}

void restore_test_from_json(struct restore_test *t, struct arena *a, const json_t *obj, int partial,
			    struct field_errors *fe)
{
	const char *key, *s;
	const json_t *val;
	long long id;

	if (!partial) {
		int64_t tid = t->id, version = t->version, bid = t->backup_id, cat = t->created_at, uat = t->updated_at;

		restore_test_init(t);
		t->id = tid;
		t->version = version;
		t->backup_id = bid;
		t->created_at = cat;
		t->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "date") == 0) {
			s = NULL;
			if (json_is_null(val))
				t->date[0] = '\0';
			else if (jsonin_string(val, a, key, &s, fe) == 0) {
				if (!*s || strlen(s) >= sizeof(t->date))
					fe_add(fe, key, MSG_DATE);
				else
					snprintf(t->date, sizeof(t->date), "%s", s);
			}
		} else if (strcmp(key, "result") == 0) {
			if (!json_is_string(val) || restore_result_parse(json_string_value(val), &t->result) < 0)
				fe_add(fe, key, MSG_RESULT);
		} else if (strcmp(key, "duration_minutes") == 0) {
			if (json_is_null(val))
				t->duration_minutes = -1;
			else if (!json_is_integer(val) || json_integer_value(val) < 0 ||
				 json_integer_value(val) > RESTORE_TEST_MINUTES_MAX)
				fe_add(fe, key, MSG_MINUTES);
			else
				t->duration_minutes = (int)json_integer_value(val);
		} else if (strcmp(key, "tested_by_contact_id") == 0) {
			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				t->tested_by_contact_id = id;
		} else if (strcmp(key, "notes") == 0)
			jsonin_string(val, a, key, &t->notes, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "backup_id") == 0)
			continue; /* a test stays with its backup */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void restore_test_from_form(struct restore_test *t, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	long long id;
	char *end;
	long n;

	v = kv_get(form, "date");
	if (v && strlen(v) >= sizeof(t->date))
		fe_add(fe, "date", MSG_DATE);
	else
		snprintf(t->date, sizeof(t->date), "%s", v ? v : "");
	t->result = RESTORE_SUCCESS;
	v = kv_get(form, "result");
	if (v && *v && restore_result_parse(v, &t->result) < 0)
		fe_add(fe, "result", MSG_RESULT);
	t->duration_minutes = -1;
	v = kv_get(form, "duration_minutes");
	if (v && *v) {
		errno = 0;
		n = strtol(v, &end, 10);
		if (errno || *end || v[0] < '0' || v[0] > '9' || n > RESTORE_TEST_MINUTES_MAX)
			fe_add(fe, "duration_minutes", MSG_MINUTES);
		else
			t->duration_minutes = (int)n;
	}
	t->tested_by_contact_id = 0;
	v = kv_get(form, "tested_by_contact_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "tested_by_contact_id", N_("must be the id of a contact or null"));
		else
			t->tested_by_contact_id = id;
	}
	t->notes = (v = kv_get(form, "notes")) ? v : "";
}

void restore_test_validate(struct restore_test *t, const char *today, struct field_errors *fe)
{
	if (!t->date[0])
		fe_add(fe, "date", N_("is required (YYYY-MM-DD)"));
	else
		validate_past_date(fe, "date", t->date, today);
	if ((int)t->result < 0 || t->result >= RESTORE_RESULT__MAX)
		fe_add(fe, "result", MSG_RESULT);
	if (t->duration_minutes < -1 || t->duration_minutes > RESTORE_TEST_MINUTES_MAX)
		fe_add(fe, "duration_minutes", MSG_MINUTES);
	validate_multiline(fe, "notes", t->notes, RESTORE_TEST_TEXT_MAX);
}

json_t *restore_test_to_json(const struct restore_test *t)
{
	char created[21], updated[21];

	kf_time_iso(t->created_at, created);
	kf_time_iso(t->updated_at, updated);
	return json_pack("{s:I, s:I, s:I, s:o, s:s, s:o, s:o, s:s, s:s, s:s}", "id", (json_int_t)t->id, "version",
			 (json_int_t)t->version, "backup_id", (json_int_t)t->backup_id, "date",
			 t->date[0] ? json_string(t->date) : json_null(), "result", restore_result_name(t->result),
			 "duration_minutes", t->duration_minutes >= 0 ? json_integer(t->duration_minutes) : json_null(),
			 "tested_by_contact_id",
			 t->tested_by_contact_id ? json_integer(t->tested_by_contact_id) : json_null(), "notes", t->notes,
			 "created_at", created, "updated_at", updated);
}
