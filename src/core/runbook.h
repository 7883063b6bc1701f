/* runbook.h: the recovery runbook (Wiederanlaufplan) of one IT system: ordered steps, prerequisites, checks. */
#ifndef KF_RUNBOOK_H
#define KF_RUNBOOK_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define RUNBOOK_MAX_STEPS 50
#define RUNBOOK_TEXT_MAX 10000      /* prerequisites, checks (code points; well below the Markdown cap) */
#define RUNBOOK_STEP_TEXT_MAX 5000
#define RUNBOOK_MINUTES_MAX 43200   /* 30 days: anything above is a typing error */

struct runbook_step {
	const char *text; /* Markdown, required */
	int64_t minutes;  /* expected minutes, -1 = not given */
};

/*
 * One per IT system. Strings are owned by the arena the runbook was filled
 * from; never NULL once initialised. Optional numbers are -1 when not given.
 */
struct runbook {
	int64_t id;
	int64_t version;
	int64_t system_id;                  /* required; at most one runbook per system */
	int64_t responsible_role_id;        /* 0 = no role named */
	int64_t expected_duration_minutes;  /* -1 = not given */
	const char *prerequisites;          /* Markdown */
	int nsteps;
	struct runbook_step steps[RUNBOOK_MAX_STEPS];
	const char *checks;                 /* Markdown: how to prove the system is back */
	int64_t created_at;
	int64_t updated_at;
};

void runbook_init(struct runbook *rb);
/* The sum of the steps' expected minutes (-1 when no step gives one). */
int64_t runbook_steps_minutes(const struct runbook *rb);

/* JSON (partial: only the given keys change rb); unknown keys and wrong types are field errors; "html" is ignored. */
void runbook_from_json(struct runbook *rb, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/*
 * Form fields: system_id, responsible_role_id, expected_duration_minutes,
 * prerequisites, checks, and per step row one "step_text" and one
 * "step_minutes" (in order; rows with both empty are left out).
 */
void runbook_from_form(struct runbook *rb, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database: a system, at least one step, each with text, lengths, ranges. */
void runbook_validate(struct runbook *rb, struct field_errors *fe);
/* A new JSON object (caller owns it), or NULL when out of memory. */
json_t *runbook_to_json(const struct runbook *rb);

#endif
