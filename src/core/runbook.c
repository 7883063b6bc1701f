/* runbook.c: runbook rules (a system, ordered steps with text, minutes) and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "bia.h"
#include "jsonin.h"
#include "runbook.h"
#include "validate.h"
#include "../lib/banned.h"

#define MSG_MINUTES N_("must be a whole number of minutes from 0 to 43200, or empty")
#define MSG_SYSTEM N_("must be the id of an IT system")
#define MSG_ROLE N_("must be the id of a role or null")
#define MSG_STEP_TEXT N_("Please describe what to do in this step.")

void runbook_init(struct runbook *rb)
{
	memset(rb, 0, sizeof(*rb));
	rb->prerequisites = rb->checks = "";
	rb->expected_duration_minutes = -1;
}

int64_t runbook_steps_minutes(const struct runbook *rb)
{
	int64_t sum = -1;

	for (int i = 0; i < rb->nsteps; i++)
		if (rb->steps[i].minutes >= 0)
			sum = (sum < 0 ? 0 : sum) + rb->steps[i].minutes;
	return sum;
}

static void step_from_json(struct runbook_step *st, struct arena *a, const json_t *obj, int i, struct field_errors *fe)
{
	char field[48];
	const char *key;
	const json_t *val;

	st->text = "";
	st->minutes = -1;
	if (!json_is_object(obj)) {
		snprintf(field, sizeof(field), "steps[%d]", i);
		fe_add(fe, field, N_("must be an object with text and minutes"));
		return;
	}
	json_object_foreach((json_t *)obj, key, val) {
		snprintf(field, sizeof(field), "steps[%d].%.20s", i, key);
		if (strcmp(key, "text") == 0)
			jsonin_string(val, a, field, &st->text, fe);
		else if (strcmp(key, "minutes") == 0)
			bia_int_from_json(val, field, RUNBOOK_MINUTES_MAX, 1, MSG_MINUTES, &st->minutes, fe);
		else if (strcmp(key, "html") == 0)
			continue; /* read-only rendering, clients may send back what they read */
		else
			fe_add(fe, field, N_("is not a known field"));
	}
}

static void steps_from_json(struct runbook *rb, struct arena *a, const json_t *arr, struct field_errors *fe)
{
	if (!json_is_array(arr)) {
		fe_add(fe, "steps", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > RUNBOOK_MAX_STEPS) {
		fe_add(fe, "steps", N_("has too many steps (at most 50)"));
		return;
	}
	rb->nsteps = (int)json_array_size(arr);
	for (int i = 0; i < rb->nsteps; i++)
		step_from_json(&rb->steps[i], a, json_array_get(arr, (size_t)i), i, fe);
}

static void id_from_json(const json_t *v, const char *field, int nullable, const char *msg, int64_t *out,
			 struct field_errors *fe)
{
	if (nullable && json_is_null(v)) {
		*out = 0;
		return;
	}
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		fe_add(fe, field, msg);
		return;
	}
	*out = json_integer_value(v);
}

void runbook_from_json(struct runbook *rb, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = rb->id, version = rb->version, cat = rb->created_at, uat = rb->updated_at;

		runbook_init(rb);
		rb->id = id;
		rb->version = version;
		rb->created_at = cat;
		rb->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "system_id") == 0)
			id_from_json(val, key, 0, MSG_SYSTEM, &rb->system_id, fe);
		else if (strcmp(key, "responsible_role_id") == 0)
			id_from_json(val, key, 1, MSG_ROLE, &rb->responsible_role_id, fe);
		else if (strcmp(key, "expected_duration_minutes") == 0)
			bia_int_from_json(val, key, RUNBOOK_MINUTES_MAX, 1, MSG_MINUTES, &rb->expected_duration_minutes,
					  fe);
		else if (strcmp(key, "prerequisites") == 0)
			jsonin_string(val, a, key, &rb->prerequisites, fe);
		else if (strcmp(key, "checks") == 0)
			jsonin_string(val, a, key, &rb->checks, fe);
		else if (strcmp(key, "steps") == 0)
			steps_from_json(rb, a, val, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "html") == 0)
			continue; /* read-only: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
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

/* The n-th value of key in the form (0-based), or NULL. */
static const char *nth_value(const struct kv_list *form, const char *key, int n)
{
	for (size_t i = 0; i < form->n; i++)
		if (strcmp(form->items[i].key, key) == 0 && n-- == 0)
			return form->items[i].val;
	return NULL;
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	s += strspn(s, " \t\r\n");
	return *s == '\0';
}

void runbook_from_form(struct runbook *rb, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	char field[48];

	id_from_form(kv_get(form, "system_id"), "system_id", MSG_SYSTEM, &rb->system_id, fe);
	id_from_form(kv_get(form, "responsible_role_id"), "responsible_role_id", MSG_ROLE, &rb->responsible_role_id, fe);
	bia_int_from_form(kv_get(form, "expected_duration_minutes"), "expected_duration_minutes", RUNBOOK_MINUTES_MAX,
			  MSG_MINUTES, &rb->expected_duration_minutes, fe);
	rb->prerequisites = (v = kv_get(form, "prerequisites")) ? v : "";
	rb->checks = (v = kv_get(form, "checks")) ? v : "";
	rb->nsteps = 0;
	for (int row = 0;; row++) {
		const char *text = nth_value(form, "step_text", row), *minutes = nth_value(form, "step_minutes", row);
		struct runbook_step *st;

		if (!text && !minutes)
			break;
		if (blank(text) && blank(minutes))
			continue; /* an empty row of the form */
		if (rb->nsteps >= RUNBOOK_MAX_STEPS) {
			fe_add(fe, "steps", N_("has too many steps (at most 50)"));
			break;
		}
		st = &rb->steps[rb->nsteps];
		st->text = text ? text : "";
		snprintf(field, sizeof(field), "steps[%d].minutes", rb->nsteps);
		bia_int_from_form(minutes, field, RUNBOOK_MINUTES_MAX, MSG_MINUTES, &st->minutes, fe);
		rb->nsteps++;
	}
}

void runbook_validate(struct runbook *rb, struct field_errors *fe)
{
	char field[48];

	if (rb->system_id <= 0)
		fe_add(fe, "system_id", N_("Please choose the IT system this runbook brings back."));
	validate_multiline(fe, "prerequisites", rb->prerequisites, RUNBOOK_TEXT_MAX);
	validate_multiline(fe, "checks", rb->checks, RUNBOOK_TEXT_MAX);
	if (rb->nsteps == 0)
		fe_add(fe, "steps", N_("needs at least one step"));
	for (int i = 0; i < rb->nsteps; i++) {
		snprintf(field, sizeof(field), "steps[%d].text", i);
		if (blank(rb->steps[i].text))
			fe_add(fe, field, MSG_STEP_TEXT);
		else
			validate_multiline(fe, field, rb->steps[i].text, RUNBOOK_STEP_TEXT_MAX);
	}
}

json_t *runbook_to_json(const struct runbook *rb)
{
	char created[21], updated[21];
	json_t *steps;

	steps = json_array();
	if (!steps)
		return NULL;
	for (int i = 0; i < rb->nsteps; i++)
		json_array_append_new(steps, json_pack("{s:s, s:o}", "text", rb->steps[i].text, "minutes",
						       bia_json_opt(rb->steps[i].minutes)));
	kf_time_iso(rb->created_at, created);
	kf_time_iso(rb->updated_at, updated);
	return json_pack("{s:I, s:I, s:I, s:o, s:o, s:s, s:o, s:s, s:s, s:s}", "id", (json_int_t)rb->id, "version",
			 (json_int_t)rb->version, "system_id", (json_int_t)rb->system_id, "responsible_role_id",
			 rb->responsible_role_id ? json_integer(rb->responsible_role_id) : json_null(),
			 "expected_duration_minutes", bia_json_opt(rb->expected_duration_minutes), "prerequisites",
			 rb->prerequisites, "steps", steps, "checks", rb->checks, "created_at", created, "updated_at",
			 updated);
}
