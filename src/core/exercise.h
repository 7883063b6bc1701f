/* exercise.h: an exercise of step 5 (tabletop, alarm test, restore test, ...): when, who, and what was learnt. */
#ifndef KF_EXERCISE_H
#define KF_EXERCISE_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define EXERCISE_TITLE_MAX 200
#define EXERCISE_TEXT_MAX 10000
#define EXERCISE_MAX_PEOPLE 100   /* participants, and observers, each */
#define EXERCISE_HOURS_MAX 8760   /* achieved RTO/RPO: at most a year */
#define EXERCISE_MINUTES_MAX 10080 /* duration: at most a week */

enum exercise_type {
	EXERCISE_TYPE_UNSET = -1,
	EXERCISE_TABLETOP,
	EXERCISE_WALKTHROUGH,
	EXERCISE_ALARM_TEST,
	EXERCISE_RESTORE_TEST,
	EXERCISE_SIMULATION,
	EXERCISE_FULL_DRILL,
	EXERCISE_TYPE__MAX
};

enum exercise_status { EXERCISE_PLANNED, EXERCISE_DONE, EXERCISE_CANCELLED, EXERCISE_STATUS__MAX };

/* Strings are owned by the arena the exercise was filled from. */
struct exercise {
	int64_t id;
	int64_t version;
	enum exercise_type type;
	const char *title;
	int64_t scenario_risk_id; /* a risk of the register, 0 = none */
	char date[11];            /* YYYY-MM-DD, required; in the future = planned */
	enum exercise_status status;
	int nparticipants;
	int64_t participant_ids[EXERCISE_MAX_PEOPLE]; /* contacts */
	int nobservers;
	int64_t observer_ids[EXERCISE_MAX_PEOPLE];    /* contacts; nobody is both */
	const char *goals;
	const char *went_well;
	const char *to_improve;
	int achieved_rto_hours; /* measured in the exercise; -1 = not measured */
	int achieved_rpo_hours; /* -1 = not measured */
	int duration_minutes;   /* -1 = not given */
	int open_findings;      /* computed by the store: findings not done yet; read-only */
	int64_t created_at;
	int64_t updated_at;
};

void exercise_init(struct exercise *e);

/* API names ("tabletop", "done") and English label ids for the UI. */
const char *exercise_type_name(enum exercise_type t);
const char *exercise_type_label(enum exercise_type t);
int exercise_type_parse(const char *s, enum exercise_type *t_r);
const char *exercise_status_name(enum exercise_status s);
const char *exercise_status_label(enum exercise_status s);
int exercise_status_parse(const char *s, enum exercise_status *s_r);

/*
 * Applies a JSON object to e. With partial (PATCH) only given keys change e;
 * otherwise e is reset first (PUT, POST). Unknown keys and wrong types are
 * field errors; the rules are checked by exercise_validate afterwards.
 */
void exercise_from_json(struct exercise *e, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields by API name; one "participant" and one "observer" per chosen contact id. */
void exercise_from_form(struct exercise *e, const struct kv_list *form, struct field_errors *fe);
/*
 * Every rule that needs no database; trims the title. today is YYYY-MM-DD:
 * an exercise whose date lies after today cannot be done yet (named "status").
 */
void exercise_validate(struct exercise *e, struct arena *a, const char *today, struct field_errors *fe);
/* A new JSON object (caller owns it), or NULL when out of memory. */
json_t *exercise_to_json(const struct exercise *e);
/* 1 when contact id takes part in or observes e. */
int exercise_names_contact(const struct exercise *e, int64_t contact_id);

#endif
