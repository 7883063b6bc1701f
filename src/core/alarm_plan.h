/* alarm_plan.h: the alarm plan settings of an organisation: meeting places, who declares, who reports breaches. */
#ifndef KF_ALARM_PLAN_H
#define KF_ALARM_PLAN_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define ALARM_PLAN_MAX_DECLARE_ROLES 20
#define ALARM_PLAN_PLACE_MAX 1000
#define ALARM_PLAN_TEXT_MAX 5000

/*
 * One per organisation. Before the first write it does not exist: id and
 * version are 0 and every field is empty. Strings are owned by the arena.
 */
struct alarm_plan {
	int64_t id;
	int64_t version;
	const char *meeting_place;    /* crisis meeting room or address */
	const char *meeting_fallback; /* when the office cannot be used */
	const char *phone_bridge;     /* dial-in or video link */
	int ndeclare_roles;
	int64_t declare_role_ids[ALARM_PLAN_MAX_DECLARE_ROLES]; /* roles that may declare an emergency */
	const char *declare_criteria;
	int64_t breach_report_role_id; /* reports personal-data breaches (GDPR Art. 33, 72 hours); 0 = nobody yet */
	const char *breach_notes;
	int64_t created_at;
	int64_t updated_at;
};

void alarm_plan_init(struct alarm_plan *p);
/* A full replace (PUT): every field not given is empty afterwards. */
void alarm_plan_from_json(struct alarm_plan *p, struct arena *a, const json_t *obj, struct field_errors *fe);
/* Form fields: the text fields by name, declare_role (repeated checkbox), breach_report_role_id. */
void alarm_plan_from_form(struct alarm_plan *p, const struct kv_list *form, struct field_errors *fe);
/* Rules that need no database: lengths, no role named twice. */
void alarm_plan_validate(struct alarm_plan *p, struct field_errors *fe);
json_t *alarm_plan_to_json(const struct alarm_plan *p);
/* 1 when the plan names role id (to declare or to report breaches). */
int alarm_plan_names_role(const struct alarm_plan *p, int64_t role_id);

#endif
