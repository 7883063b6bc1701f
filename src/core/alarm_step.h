/* alarm_step.h: one step of the alarm chain (Alarmierungsplan): who calls whom, how, and when to escalate. */
#ifndef KF_ALARM_STEP_H
#define KF_ALARM_STEP_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

enum alarm_channel {
	CHANNEL_PHONE,
	CHANNEL_SMS,
	CHANNEL_EMAIL,
	CHANNEL_MESSENGER,
	CHANNEL_IN_PERSON,
	CHANNEL__MAX
};

#define ALARM_STEPS_MAX 100
#define ALARM_NOTE_MAX 2000
#define ALARM_ESCALATE_MAX_MINUTES 1440

/*
 * Who calls: a role of the organisation or a contact (exactly one), or
 * neither: "whoever notices the emergency", allowed for the first step only.
 * Strings are owned by the arena the step was filled from.
 */
struct alarm_step {
	int64_t id;
	int64_t version;
	int position;                   /* 1..n in the chain; 0 on input = at the end (create) or unchanged */
	int64_t caller_role_id;         /* 0 = none */
	int64_t caller_contact_id;      /* 0 = none */
	int64_t callee_contact_id;      /* required */
	enum alarm_channel channel;
	int escalate_after_minutes;     /* 0 = no escalation */
	int64_t escalate_to_contact_id; /* required when escalate_after_minutes > 0 */
	const char *note;
	int64_t created_at;
	int64_t updated_at;
};

void alarm_step_init(struct alarm_step *s);
const char *alarm_channel_name(enum alarm_channel ch);
/* English label id for the UI ("Phone", ...). */
const char *alarm_channel_label(enum alarm_channel ch);
/* 0 and the channel, or -1 for an unknown name. */
int alarm_channel_parse(const char *s, enum alarm_channel *ch_r);

/*
 * Applies a JSON object to s. With partial (PATCH) only given keys change s;
 * otherwise the fields are reset first (PUT, POST) but id, version, position
 * and timestamps stay (a PUT without "position" leaves the step in place).
 */
void alarm_step_from_json(struct alarm_step *s, struct arena *a, const json_t *obj, int partial,
			  struct field_errors *fe);
/*
 * Form fields: position, caller ("" = whoever notices, "role:N", "contact:N"),
 * callee_contact_id, channel, escalate_after_minutes, escalate_to_contact_id, note.
 */
void alarm_step_from_form(struct alarm_step *s, const struct kv_list *form, struct field_errors *fe);
/* Rules that need no database: callee given, one caller at most, escalation complete, lengths. */
void alarm_step_validate(struct alarm_step *s, struct field_errors *fe);
json_t *alarm_step_to_json(const struct alarm_step *s);

#endif
