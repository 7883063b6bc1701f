/* review.c: rules of the plan review cycle, the next review date, and conversions from JSON, forms and to JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "review.h"
#include "validate.h"
#include "../lib/banned.h"

#define MSG_INTERVAL N_("must be a whole number of months from 1 to 36")
#define MSG_DATE N_("is not a date (YYYY-MM-DD)")

void review_init(struct plan_review *p)
{
	memset(p, 0, sizeof(*p));
	p->review_interval_months = REVIEW_INTERVAL_DEFAULT;
	p->notes = "";
}

void date_months_after(const char *day, int months, char *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	char tmp[40];
	int y, m, d, max;

	if (months < 0)
		months = 0;
	if (kf_date_parse(day, &y, &m, &d) < 0) {
		snprintf(out, 11, "0000-00-00");
		return;
	}
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	max = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d > max)
		d = max;
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(out, tmp, 11);
}

static void date_set(struct plan_review *p, const char *s, struct field_errors *fe)
{
	if (strlen(s) >= sizeof(p->last_review_date))
		fe_add(fe, "last_review_date", MSG_DATE);
	else
		snprintf(p->last_review_date, sizeof(p->last_review_date), "%s", s);
}

void review_from_json(struct plan_review *p, struct arena *a, const json_t *obj, struct field_errors *fe)
{
	int64_t id = p->id, version = p->version, cat = p->created_at, uat = p->updated_at;
	const char *key, *s;
	const json_t *val;
	long long cid;

	review_init(p);
	p->id = id;
	p->version = version;
	p->created_at = cat;
	p->updated_at = uat;
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "last_review_date") == 0) {
			if (json_is_null(val))
				p->last_review_date[0] = '\0';
			else if (jsonin_string(val, a, key, &s, fe) == 0) {
				if (!*s)
					fe_add(fe, key, MSG_DATE);
				else
					date_set(p, s, fe);
			}
		} else if (strcmp(key, "review_interval_months") == 0) {
			if (!json_is_integer(val) || json_integer_value(val) < REVIEW_INTERVAL_MIN ||
			    json_integer_value(val) > REVIEW_INTERVAL_MAX)
				fe_add(fe, key, MSG_INTERVAL);
			else
				p->review_interval_months = (int)json_integer_value(val);
		} else if (strcmp(key, "reviewer_contact_id") == 0) {
			if (jsonin_id_or_null(val, key, &cid, fe) == 0)
				p->reviewer_contact_id = cid;
		} else if (strcmp(key, "notes") == 0)
			jsonin_string(val, a, key, &p->notes, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "next_review_date") == 0 || strcmp(key, "overdue") == 0 ||
			 strcmp(key, "state") == 0)
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void review_from_form(struct plan_review *p, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	long long id;
	char *end;
	long n;

	p->notes = (v = kv_get(form, "notes")) ? v : "";
	p->last_review_date[0] = '\0';
	v = kv_get(form, "last_review_date");
	if (v && *v)
		date_set(p, v, fe);
	p->review_interval_months = REVIEW_INTERVAL_DEFAULT;
	v = kv_get(form, "review_interval_months");
	if (v && *v) {
		errno = 0;
		n = strtol(v, &end, 10);
		if (errno || *end || v[0] < '0' || v[0] > '9' || n < REVIEW_INTERVAL_MIN || n > REVIEW_INTERVAL_MAX)
			fe_add(fe, "review_interval_months", MSG_INTERVAL);
		else
			p->review_interval_months = (int)n;
	}
	p->reviewer_contact_id = 0;
	v = kv_get(form, "reviewer_contact_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "reviewer_contact_id", N_("must be the id of a contact or null"));
		else
			p->reviewer_contact_id = id;
	}
}

void review_validate(struct plan_review *p, const char *today, struct field_errors *fe)
{
	if (p->last_review_date[0] && !fe_get(fe, "last_review_date"))
		validate_past_date(fe, "last_review_date", p->last_review_date, today);
	if (p->review_interval_months < REVIEW_INTERVAL_MIN || p->review_interval_months > REVIEW_INTERVAL_MAX)
		fe_add(fe, "review_interval_months", MSG_INTERVAL);
	validate_multiline(fe, "notes", p->notes, REVIEW_NOTES_MAX);
}

enum review_state review_next(const struct plan_review *p, const char *today, char *next)
{
	int y, m, d;

	next[0] = '\0';
	if (!p->last_review_date[0] || kf_date_parse(p->last_review_date, &y, &m, &d) < 0)
		return REVIEW_NONE;
	date_months_after(p->last_review_date, p->review_interval_months, next);
	return strcmp(next, today) < 0 ? REVIEW_OVERDUE : REVIEW_OK;
}

json_t *review_to_json(const struct plan_review *p, const char *today)
{
	static const char *const states[] = { "none", "ok", "overdue" };
	char created[21], updated[21], next[11];
	enum review_state st = review_next(p, today, next);

	kf_time_iso(p->created_at, created);
	kf_time_iso(p->updated_at, updated);
	return json_pack("{s:o, s:I, s:o, s:i, s:o, s:s, s:o, s:b, s:s, s:o, s:o}", "id",
			 p->id ? json_integer(p->id) : json_null(), "version", (json_int_t)p->version,
			 "last_review_date", p->last_review_date[0] ? json_string(p->last_review_date) : json_null(),
			 "review_interval_months", p->review_interval_months, "reviewer_contact_id",
			 p->reviewer_contact_id ? json_integer(p->reviewer_contact_id) : json_null(), "notes", p->notes,
			 "next_review_date", next[0] ? json_string(next) : json_null(), "overdue", st == REVIEW_OVERDUE,
			 "state", states[st], "created_at", p->version ? json_string(created) : json_null(), "updated_at",
			 p->version ? json_string(updated) : json_null());
}
