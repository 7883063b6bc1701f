/* risk.h: a risk of the register (step 1): what could happen, how likely, how bad, and what is done about it. */
#ifndef KF_RISK_H
#define KF_RISK_H

#include <stdint.h>
#include <jansson.h>

#include "bsi_threats.h"
#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define RISK_TITLE_MAX 200
#define RISK_TEXT_MAX 10000
#define RISK_SCALE 5 /* likelihood and impact run from 1 to RISK_SCALE (5×5 matrix) */
#define RISK_MAX_THREATS BSI_THREATS_COUNT

enum risk_category {
	RISK_CAT_UNSET = -1,
	RISK_CAT_CYBER,
	RISK_CAT_TECHNICAL,
	RISK_CAT_ENVIRONMENT,
	RISK_CAT_HUMAN,
	RISK_CAT_PROVIDER,
	RISK_CAT_PEOPLE,
	RISK_CAT__MAX
};

enum risk_status { RISK_OPEN, RISK_IN_TREATMENT, RISK_ACCEPTED, RISK_CLOSED, RISK_STATUS__MAX };

enum risk_level { RISK_LOW, RISK_MEDIUM, RISK_HIGH, RISK_CRITICAL, RISK_LEVEL__MAX };

/* Strings are owned by the arena the risk was filled from (threat refs point into bsi_threats). */
struct risk {
	int64_t id;
	int64_t version;
	const char *title;
	enum risk_category category;
	const char *description;
	int likelihood;            /* 1..5, 0 = not given */
	int impact;                /* 1..5, 0 = not given */
	int64_t owner_contact_id;  /* 0 = nobody yet */
	const char *measures;      /* preventive measures */
	enum risk_status status;
	char review_date[11];      /* "" when none; may lie in the future */
	int nthreats;
	const char *threat_refs[RISK_MAX_THREATS]; /* "G 0.39", in the order given */
	const char *immediate_actions;             /* what to do first when it happens */
	int64_t created_at;
	int64_t updated_at;
};

void risk_init(struct risk *k);

/* API names ("cyber", "open", "high") and English label ids for the UI. */
const char *risk_category_name(enum risk_category c);
const char *risk_category_label(enum risk_category c);
int risk_category_parse(const char *s, enum risk_category *c_r);
const char *risk_status_name(enum risk_status s);
const char *risk_status_label(enum risk_status s);
int risk_status_parse(const char *s, enum risk_status *s_r);
const char *risk_level_name(enum risk_level l);
const char *risk_level_label(enum risk_level l);
/* Label ids of the 5-point scales; value 1..5. */
const char *risk_likelihood_label(int value);
const char *risk_impact_label(int value);

/* likelihood × impact (1..25); 0 while either is missing. Computed, never stored. */
int risk_score(const struct risk *k);
/* low 1–4, medium 5–9, high 10–16, critical 20–25 (and low for 0). */
enum risk_level risk_level_of_score(int score);

/*
 * Applies a JSON object to k. With partial (PATCH) only given keys change k;
 * otherwise k is reset first (PUT, POST). Unknown keys, wrong types, unknown
 * category/status names and unknown threat ids are field errors; the rules
 * are checked by risk_validate afterwards.
 */
void risk_from_json(struct risk *k, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: title, category, description, likelihood, impact, owner_contact_id, measures, status,
 * review_date, immediate_actions, and one "threat" per chosen threat id. */
void risk_from_form(struct risk *k, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; trims the title. */
void risk_validate(struct risk *k, struct arena *a, struct field_errors *fe);
/* A new JSON object with score and level (caller owns the reference), or NULL when out of memory. */
json_t *risk_to_json(const struct risk *k);

#endif
