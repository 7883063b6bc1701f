/* plan_check.h: the Plan-Check: the concrete gaps of the emergency plan, each with where it is fixed, and completeness per step. */
#ifndef KF_PLAN_CHECK_H
#define KF_PLAN_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "acknowledgement.h"
#include "backup.h"
#include "chapter.h" /* review marks */
#include "runbook.h"
#include "alarm_plan.h"
#include "comm_template.h"
#include "contact.h"
#include "drill.h"
#include "exercise.h"
#include "finding.h"
#include "plan_copy.h"
#include "plan_steps.h"
#include "process.h"
#include "review.h"
#include "risk.h"
#include "role.h"
#include "system.h"
#include "task.h" /* tasks */
#include "workaround.h"
#include "../lib/i18n.h"

struct arena;

/* A system whose required RTO is at most this many hours is critical. */
#define PLAN_CHECK_CRITICAL_RTO_HOURS 24

/*
 * Everything the rules read, loaded once (store_plan_load). Pointers are
 * borrowed; a NULL list goes with a count of 0. Systems carry their computed
 * values (bia_compute: required RTO, SPoF); copies their plan_changed_at.
 */
struct plan_data {
	const char *today; /* YYYY-MM-DD */
	/* step 1 */
	const struct risk *risks;
	size_t nrisks;
	const struct process *processes;
	size_t nprocesses;
	const struct system *systems;
	size_t nsystems;
	/* step 2 */
	const struct contact *contacts;
	size_t ncontacts;
	const struct role *roles;
	size_t nroles;
	size_t nalarm_steps;
	const struct alarm_plan *alarm_plan; /* NULL reads as not set up */
	/* drill: the newest reachability drill that is over (closed or older than 24 h), NULL = none; how many ever */
	const struct drill *last_drill;
	size_t ndrills;
	/* step 3: backups */
	const struct backup *backups; /* with their computed facts (store_backup_list) */
	size_t nbackups;
	/* step 3: runbooks, recovery order, workarounds */
	const struct runbook *runbooks;
	size_t nrunbooks;
	const struct workaround *workarounds; /* a process with one keeps going without IT */
	size_t nworkarounds;
	/* step 4 */
	const struct plan_copy *copies;
	size_t ncopies;
	const struct acknowledgement *acks;
	size_t nacks;
	const struct comm_template *templates;
	size_t ntemplates; /* communication templates */
	/* step 5 */
	const struct exercise *exercises; /* planned first, soonest first (store_exercise_list) */
	size_t nexercises;
	const struct finding *findings; /* at least every open finding of the organisation */
	size_t nfindings;
	const struct plan_review *review; /* NULL reads as never reviewed */
	/* review marks: the open "needs review" marks (store_review_marks_list) */
	const struct review_mark *marks;
	size_t nmarks;
	/* approval: the newest approved plan version (0 = none) and whether the plan changed since */
	int64_t approved_number;
	int changed_since_approved;
	/* tasks: the open tasks (for the start page; no rule reads them) */
	const struct task *tasks;
	size_t ntasks;
};

enum plan_gap_level { PLAN_GAP, PLAN_WARNING };

/* One gap. Strings are borrowed from the input, static, or in the check's arena. */
struct plan_gap {
	enum plan_step step;
	enum plan_gap_level level;
	const char *kind;  /* stable API name: "role_without_deputy" */
	const char *msgid; /* English message id, at most one "%s" (the item's name) */
	const char *item;  /* fills the %s; NULL when the message has none */
	const char *link;  /* where it is fixed, relative to /o/{org}/: "roles/3" */
};

struct plan_step_score {
	size_t checks; /* how many things were checked */
	size_t passed; /* how many of them are fine (checks - passed gaps) */
	int percent;   /* passed * 100 / checks rounded down; -1 while the step has no checks */
};

struct plan_check {
	struct arena *arena;
	struct plan_gap *gaps; /* by step, then in rule order */
	size_t ngaps;
	size_t cap;
	struct plan_step_score steps[STEP__MAX]; /* [STEP_RISKS .. STEP_EXERCISE] */
	int percent; /* the mean of the steps' percents (steps without checks left out); 0 with no checks */
	int failed;  /* out of memory: the gap list is incomplete */
	enum plan_step cur_step; /* the step of the rule now running */
};

/*
 * A rule: looks at d and records each check with plan_check_add (one gap per
 * failed check). A new rule is one function and one row of the table in
 * plan_check.c.
 */
typedef void (*plan_rule_fn)(const struct plan_data *d, struct plan_check *pc);

struct plan_rule {
	enum plan_step step;
	const char *name; /* for tests and debugging */
	plan_rule_fn fn;
};

/* The rule table (rules of a step in the order their gaps are listed); *n_r its length. */
const struct plan_rule *plan_check_rules(size_t *n_r);

/*
 * Runs every rule over d. Gaps and links are allocated in a (freed with it).
 * Returns 0, or -1 when out of memory (pc->failed set; figures still filled).
 */
int plan_check_run(const struct plan_data *d, struct arena *a, struct plan_check *pc);
/* Runs one rule alone into a fresh pc (unit tests of a single rule); like plan_check_run. */
int plan_check_run_rule(const struct plan_data *d, const struct plan_rule *rule, struct arena *a,
			struct plan_check *pc);

/*
 * Records one check of the running rule's step; when ok is 0 also its gap.
 * The link is link_base below /o/{org}/, followed by "/id" when id is not 0
 * ("roles", 3 gives "roles/3").
 */
void plan_check_add(struct plan_check *pc, int ok, enum plan_gap_level level, const char *kind, const char *msgid,
		    const char *item, const char *link_base, int64_t id);

/* Number of gaps of one step. */
size_t plan_check_step_gaps(const struct plan_check *pc, enum plan_step s);
/* The gap's sentence in lang, its %s filled with the item (plain text, in a); NULL when out of memory. */
const char *plan_gap_text(struct arena *a, enum kf_lang lang, const struct plan_gap *g);
/* The gap's address "/o/{org}/{link}" in a. */
const char *plan_gap_href(struct arena *a, int64_t org, const struct plan_gap *g);
/*
 * {"percent", "steps": [{"step", "title", "percent" (null without checks),
 * "checks", "passed", "gaps"}], "gaps": [{"step", "kind", "level",
 * "message", "link"}]} in lang. New reference, or NULL when out of memory.
 */
json_t *plan_check_to_json(const struct plan_check *pc, struct arena *a, enum kf_lang lang, int64_t org);

#endif
