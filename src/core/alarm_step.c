/* alarm_step.c: rules of an alarm chain step, and conversions from JSON, forms and to JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "alarm_step.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const channel_names[CHANNEL__MAX] = {
	[CHANNEL_PHONE] = "phone",
	[CHANNEL_SMS] = "sms",
	[CHANNEL_EMAIL] = "email",
	[CHANNEL_MESSENGER] = "messenger",
	[CHANNEL_IN_PERSON] = "in_person",
};

static const char *const channel_labels[CHANNEL__MAX] = {
	[CHANNEL_PHONE] = N_("Phone"),
	[CHANNEL_SMS] = N_("SMS"),
	[CHANNEL_EMAIL] = N_("Email"),
	[CHANNEL_MESSENGER] = N_("Messenger"),
	[CHANNEL_IN_PERSON] = N_("in person"),
};

void alarm_step_init(struct alarm_step *s)
{
	memset(s, 0, sizeof(*s));
	s->channel = CHANNEL_PHONE;
	s->note = "";
}

const char *alarm_channel_name(enum alarm_channel ch)
{
	return ch >= 0 && ch < CHANNEL__MAX ? channel_names[ch] : "phone";
}

const char *alarm_channel_label(enum alarm_channel ch)
{
	return ch >= 0 && ch < CHANNEL__MAX ? channel_labels[ch] : channel_labels[CHANNEL_PHONE];
}

int alarm_channel_parse(const char *s, enum alarm_channel *ch_r)
{
	for (int i = 0; i < CHANNEL__MAX; i++)
		if (s && strcmp(s, channel_names[i]) == 0) {
			*ch_r = (enum alarm_channel)i;
			return 0;
		}
	return -1;
}

/* A whole number in min..max from JSON; -1 after a field error. */
static int json_int_in(const json_t *v, const char *field, long long min, long long max, const char *msg, long long *out,
		       struct field_errors *fe)
{
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
		fe_add(fe, field, msg);
		return -1;
	}
	*out = json_integer_value(v);
	return 0;
}

static void reset_keep_identity(struct alarm_step *s)
{
	int64_t id = s->id, version = s->version, cat = s->created_at, uat = s->updated_at;
	int position = s->position;

	alarm_step_init(s);
	s->id = id;
	s->version = version;
	s->position = position;
	s->created_at = cat;
	s->updated_at = uat;
}

static void id_from_json(const json_t *val, const char *key, const char *msg, int64_t *out, struct field_errors *fe)
{
	if (json_is_null(val)) {
		*out = 0;
		return;
	}
	if (!json_is_integer(val) || json_integer_value(val) <= 0) {
		fe_add(fe, key, msg);
		return;
	}
	*out = json_integer_value(val);
}

void alarm_step_from_json(struct alarm_step *s, struct arena *a, const json_t *obj, int partial,
			  struct field_errors *fe)
{
	const char *key;
	const json_t *val;
	long long n;

	if (!partial)
		reset_keep_identity(s);
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "position") == 0) {
			if (json_is_null(val) && !partial)
				continue;
			if (json_int_in(val, key, 1, ALARM_STEPS_MAX, N_("must be a whole number from 1 to 100"), &n, fe) == 0)
				s->position = (int)n;
		} else if (strcmp(key, "caller_role_id") == 0) {
			id_from_json(val, key, N_("must be the id of a role or null"), &s->caller_role_id, fe);
		} else if (strcmp(key, "caller_contact_id") == 0) {
			id_from_json(val, key, N_("must be the id of a contact or null"), &s->caller_contact_id, fe);
		} else if (strcmp(key, "callee_contact_id") == 0) {
			id_from_json(val, key, N_("must be the id of a contact"), &s->callee_contact_id, fe);
		} else if (strcmp(key, "escalate_to_contact_id") == 0) {
			id_from_json(val, key, N_("must be the id of a contact or null"), &s->escalate_to_contact_id, fe);
		} else if (strcmp(key, "channel") == 0) {
			if (!json_is_string(val) || alarm_channel_parse(json_string_value(val), &s->channel) < 0)
				fe_add(fe, key, N_("must be one of phone, sms, email, messenger, in_person"));
		} else if (strcmp(key, "escalate_after_minutes") == 0) {
			if (json_int_in(val, key, 0, ALARM_ESCALATE_MAX_MINUTES,
					N_("must be a whole number of minutes from 0 to 1440"), &n, fe) == 0)
				s->escalate_after_minutes = (int)n;
		} else if (strcmp(key, "note") == 0) {
			jsonin_string(val, a, key, &s->note, fe);
		} else if (jsonin_is_readonly(key)) {
			continue;
		} else {
			fe_add(fe, key, N_("is not a known field"));
		}
	}
}

static void form_id(const struct kv_list *form, const char *key, const char *msg, int64_t *out, struct field_errors *fe)
{
	const char *v = kv_get(form, key);
	long long id;

	*out = 0;
	if (!v || !*v)
		return;
	if (parse_id(v, &id) < 0)
		fe_add(fe, key, msg);
	else
		*out = id;
}

/* A whole number from a form field; -1 when it is none (or out of range). */
static int form_int(const char *v, long min, long max, long *out)
{
	char *end;
	long n;

	if (!v || !*v)
		return -1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || n < min || n > max)
		return -1;
	*out = n;
	return 0;
}

void alarm_step_from_form(struct alarm_step *s, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	long long id;
	long n;

	s->note = (v = kv_get(form, "note")) ? v : "";
	v = kv_get(form, "position");
	s->position = 0;
	if (v && *v) {
		if (form_int(v, 1, ALARM_STEPS_MAX, &n) < 0)
			fe_add(fe, "position", N_("must be a whole number from 1 to 100"));
		else
			s->position = (int)n;
	}
	s->caller_role_id = s->caller_contact_id = 0;
	v = kv_get(form, "caller");
	if (v && *v) {
		if (strncmp(v, "role:", 5) == 0 && parse_id(v + 5, &id) == 0)
			s->caller_role_id = id;
		else if (strncmp(v, "contact:", 8) == 0 && parse_id(v + 8, &id) == 0)
			s->caller_contact_id = id;
		else
			fe_add(fe, "caller_role_id", N_("must be a role or a contact of this organisation"));
	}
	form_id(form, "callee_contact_id", N_("must be the id of a contact"), &s->callee_contact_id, fe);
	form_id(form, "escalate_to_contact_id", N_("must be the id of a contact or null"), &s->escalate_to_contact_id, fe);
	v = kv_get(form, "channel");
	s->channel = CHANNEL_PHONE;
	if (v && alarm_channel_parse(v, &s->channel) < 0)
		fe_add(fe, "channel", N_("must be one of phone, sms, email, messenger, in_person"));
	v = kv_get(form, "escalate_after_minutes");
	s->escalate_after_minutes = 0;
	if (v && *v) {
		if (form_int(v, 0, ALARM_ESCALATE_MAX_MINUTES, &n) < 0)
			fe_add(fe, "escalate_after_minutes", N_("must be a whole number of minutes from 0 to 1440"));
		else
			s->escalate_after_minutes = (int)n;
	}
}

void alarm_step_validate(struct alarm_step *s, struct field_errors *fe)
{
	if (!s->callee_contact_id && !fe_get(fe, "callee_contact_id"))
		fe_add(fe, "callee_contact_id", N_("must name the person who is called"));
	if (s->caller_role_id && s->caller_contact_id) {
		fe_add(fe, "caller_role_id", N_("name either a role or a contact as caller, not both"));
		fe_add(fe, "caller_contact_id", N_("name either a role or a contact as caller, not both"));
	}
	if (!s->caller_role_id && !s->caller_contact_id && s->position > 1)
		fe_add(fe, "caller_role_id", N_("only the first step may leave the caller open (whoever notices the emergency)"));
	if (s->caller_contact_id && s->caller_contact_id == s->callee_contact_id)
		fe_add(fe, "callee_contact_id", N_("is the same person as the caller"));
	if (s->escalate_after_minutes > 0 && !s->escalate_to_contact_id && !fe_get(fe, "escalate_to_contact_id"))
		fe_add(fe, "escalate_to_contact_id", N_("must name whom to call when nobody answers in time"));
	if (s->escalate_after_minutes == 0 && s->escalate_to_contact_id && !fe_get(fe, "escalate_after_minutes"))
		fe_add(fe, "escalate_after_minutes", N_("must say after how many minutes to escalate (1 to 1440)"));
	if (s->escalate_to_contact_id && s->escalate_to_contact_id == s->callee_contact_id)
		fe_add(fe, "escalate_to_contact_id", N_("is the same person as the one called"));
	validate_multiline(fe, "note", s->note, ALARM_NOTE_MAX);
}

static json_t *id_or_null(int64_t id)
{
	return id ? json_integer(id) : json_null();
}

json_t *alarm_step_to_json(const struct alarm_step *s)
{
	char created[21], updated[21];

	kf_time_iso(s->created_at, created);
	kf_time_iso(s->updated_at, updated);
	return json_pack("{s:I, s:I, s:i, s:o, s:o, s:o, s:s, s:i, s:o, s:s, s:s, s:s}", "id", (json_int_t)s->id,
			 "version", (json_int_t)s->version, "position", s->position, "caller_role_id",
			 id_or_null(s->caller_role_id), "caller_contact_id", id_or_null(s->caller_contact_id),
			 "callee_contact_id", id_or_null(s->callee_contact_id), "channel",
			 alarm_channel_name(s->channel), "escalate_after_minutes", s->escalate_after_minutes,
			 "escalate_to_contact_id", id_or_null(s->escalate_to_contact_id), "note", s->note,
			 "created_at", created, "updated_at", updated);
}
