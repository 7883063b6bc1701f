/* process.h: a business process (Geschäftsprozess) of the impact analysis: what a standstill costs and how long it may last. */
#ifndef KF_PROCESS_H
#define KF_PROCESS_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define PROCESS_NAME_MAX 200
#define PROCESS_TEXT_MAX 10000
#define PROCESS_MAX_SYSTEMS 64
#define PROCESS_IMPACT_MAX 4         /* 0 none .. 4 threatens the existence */
#define PROCESS_HOURS_MAX 100000     /* about eleven years: anything above is a typing error */
#define PROCESS_COST_MAX 100000000   /* euros per hour */

/* The time horizons of the impact rating: 1 h, 4 h, 8 h, 24 h, 72 h, 1 week. */
enum process_horizon { HORIZON_1H, HORIZON_4H, HORIZON_8H, HORIZON_24H, HORIZON_72H, HORIZON_1W, HORIZON__MAX };

/* Strings are owned by the arena the process was filled from. Optional numbers are -1 when not given. */
struct process {
	int64_t id;
	int64_t version;
	const char *name;
	const char *description;
	int64_t responsible_contact_id; /* 0 = nobody yet */
	int64_t cost_per_hour;          /* euros, >= 0 */
	int impact[HORIZON__MAX];       /* 0..4 per horizon */
	int64_t mtpd_hours;             /* maximum tolerable downtime, -1 = not given */
	int64_t rto_hours;              /* -1 = not given; <= mtpd_hours when both are given */
	int64_t rpo_hours;              /* -1 = not given */
	const char *critical_periods;
	int emergency_level_percent;    /* Notbetriebsniveau 0..100, -1 = not given */
	int nsystems;
	int64_t system_ids[PROCESS_MAX_SYSTEMS]; /* the IT systems this process needs */
	int64_t created_at;
	int64_t updated_at;
};

void process_init(struct process *p);

/* "1h" .. "1w" (form and column names) and the English label id ("1 hour"). */
const char *process_horizon_key(enum process_horizon h);
const char *process_horizon_label(enum process_horizon h);
/* English label id of an impact value 0..4 ("none" .. "threatens the existence"). */
const char *process_impact_label(int value);

/* What one day down costs: cost_per_hour × 24. Computed, never stored. */
int64_t process_cost_per_day(const struct process *p);

/* JSON (partial: only the given keys change p); unknown keys and wrong types are field errors. */
void process_from_json(struct process *p, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: name, description, responsible_contact_id, cost_per_hour, impact_1h .. impact_1w, mtpd_hours,
 * rto_hours, rpo_hours, critical_periods, emergency_level_percent, and one "system" per chosen system id. */
void process_from_form(struct process *p, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database (rto <= mtpd, ranges, no system twice); trims the name. */
void process_validate(struct process *p, struct arena *a, struct field_errors *fe);
/* A new JSON object with cost_per_day (caller owns it), or NULL when out of memory. */
json_t *process_to_json(const struct process *p);

#endif
