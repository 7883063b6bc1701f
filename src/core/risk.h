/* risk.h: a risk of the register (step 1): what could happen, how likely, how bad, and what is done about it. */
#ifndef KF_RISK_H
#define KF_RISK_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "bsi_threats.h"
#include "fielderr.h"
#include "risk_scale.h"
#include "../lib/kv.h"

struct arena;

#define RISK_TITLE_MAX 200
#define RISK_TEXT_MAX 10000
#define RISK_SCALE RISK_SCALE_MAX /* likelihood and impact run at most from 1 to 5; the organisation's scale may be smaller */
#define RISK_MAX_THREATS BSI_THREATS_COUNT
#define RISK_MAX_LINKS 64 /* affected processes, and affected systems */

enum risk_category {
	RISK_CAT_UNSET = -1,
	RISK_CAT_CYBER,
	RISK_CAT_TECHNICAL,
	RISK_CAT_ENVIRONMENT,
	RISK_CAT_HUMAN,
	RISK_CAT_PROVIDER,
	RISK_CAT_PEOPLE,
	RISK_CAT__MAX,
	RISK_CAT_OWN = 64 /* an own category of the organisation: category_id names it */
};

enum risk_status { RISK_OPEN, RISK_IN_TREATMENT, RISK_ACCEPTED, RISK_CLOSED, RISK_STATUS__MAX };

/* Strings are owned by the arena the risk was filled from (threat refs point into bsi_threats). */
struct risk {
	int64_t id;
	int64_t version;
	const char *title;
	enum risk_category category;
	const char *description;
	int64_t category_id;       /* the own category when category is RISK_CAT_OWN, else 0 */
	const char *category_name; /* the own category's name (filled by the store on reads), else "" */
	enum risk_scale_kind scale; /* the organisation's scale (set by the store on reads, by callers before input) */
	int likelihood;            /* 1..size of the scale, 0 = not given */
	int impact;                /* 1..size of the scale, 0 = not given */
	int64_t owner_contact_id;  /* 0 = nobody yet */
	const char *measures;      /* preventive measures */
	enum risk_status status;
	char review_date[11];      /* "" when none; may lie in the future */
	int nthreats;
	const char *threat_refs[RISK_MAX_THREATS]; /* "G 0.39", in the order given */
	const char *immediate_actions;             /* what to do first when it happens */
	int nprocesses;
	int64_t process_ids[RISK_MAX_LINKS];       /* affected business processes */
	int nsystems;
	int64_t system_ids[RISK_MAX_LINKS];        /* affected IT systems */
	int64_t created_at;
	int64_t updated_at;
	/* computed by risk_cost_fill over the organisation's graph (the store fills it on reads); read-only */
	int64_t cost_per_day; /* what one day of this scenario costs: the affected processes, each once; -1 unknown */
};

void risk_init(struct risk *k);

/* API names ("cyber", "open", "high") and English label ids for the UI. */
const char *risk_category_name(enum risk_category c);
const char *risk_category_label(enum risk_category c);
int risk_category_parse(const char *s, enum risk_category *c_r);
/* A category value of the API and forms: a built-in name, or "custom:<id>" for an own category. */
int risk_category_value_parse(const char *s, enum risk_category *c_r, int64_t *id_r);
/* The API value of k's category ("cyber", "custom:12") in the arena. */
const char *risk_category_value(struct arena *a, const struct risk *k);
const char *risk_status_name(enum risk_status s);
const char *risk_status_label(enum risk_status s);
int risk_status_parse(const char *s, enum risk_status *s_r);
const char *risk_level_name(enum risk_level l);
const char *risk_level_label(enum risk_level l);
/* Label ids of the 5-point scales; value 1..5. */
const char *risk_likelihood_label(int value);
const char *risk_impact_label(int value);

/* likelihood × impact (1..25 or 1..16 by k's scale); 0 while either is missing. Computed, never stored. */
int risk_score(const struct risk *k);
/* On the 5×5 scale: low 1–4, medium 5–9, high 10–16, critical 20–25 (and low for 0). */
enum risk_level risk_level_of_score(int score);
/* The level of k's score on k's scale. */
enum risk_level risk_level_of(const struct risk *k);
/* Maps likelihood and impact of k from its scale onto to, and sets k->scale (starter risks, rescaling). */
void risk_rescale(struct risk *k, enum risk_scale_kind to);
/*
 * What one day of the scenario costs: the sum of process_cost_per_day over
 * the affected processes and every process that needs an affected system,
 * directly or through other systems; each process counted once. Links to
 * items not in the lists are ignored. -1 when out of memory.
 */
struct process;
struct system;
int64_t risk_cost_per_day(const struct risk *k, const struct system *systems, size_t n, const struct process *processes,
			  size_t np);

/*
 * Applies a JSON object to k. With partial (PATCH) only given keys change k;
 * otherwise k is reset first (PUT, POST). Unknown keys, wrong types, unknown
 * category/status names and unknown threat ids are field errors; the rules
 * are checked by risk_validate afterwards.
 */
void risk_from_json(struct risk *k, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: title, category, description, likelihood, impact, owner_contact_id, measures, status,
 * review_date, immediate_actions, one "threat" per chosen threat id, one "process" and one "system" per
 * affected item. */
void risk_from_form(struct risk *k, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; trims the title. */
void risk_validate(struct risk *k, struct arena *a, struct field_errors *fe);
/* A new JSON object with score and level (caller owns the reference), or NULL when out of memory. */
json_t *risk_to_json(const struct risk *k);

#endif
