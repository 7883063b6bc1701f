/* plan_snapshot.h: a plan version's frozen snapshot (the whole plan as JSON) and the item-by-item comparison of two. */
#ifndef KF_PLAN_SNAPSHOT_H
#define KF_PLAN_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "alarm_step.h"
#include "fielderr.h"
#include "plan_check.h"

/*
 * The snapshot of the plan: {"format": 1, "sections": {"risks": [...],
 * "processes": [...], ..., "alarm_plan": {...}, "review": {...}}}; every list
 * holds the items as their *_to_json gives them (API form). The alarm steps
 * are not in plan_data (only their count), so they are passed beside it.
 * New reference, or NULL when out of memory.
 */
json_t *plan_snapshot_json(const struct plan_data *d, const struct alarm_step *steps, size_t nsteps);

/* exports: the parts of the plan that plan_data leaves out, added to the snapshot when given. */
struct restore_test;
struct recovery_overrides;
struct risk_settings;
struct plan_snapshot_extra {
	const struct restore_test *restore_tests; /* of every backup */
	size_t nrestore_tests;
	const struct recovery_overrides *overrides; /* NULL: left out */
	const struct risk_settings *risk_settings;  /* NULL: left out */
};
/*
 * plan_snapshot_json with the sections "restore_tests", "recovery_overrides"
 * and "risk_settings" from x (NULL: none). Workarounds come from d in both.
 */
json_t *plan_snapshot_json_full(const struct plan_data *d, const struct alarm_step *steps, size_t nsteps,
				const struct plan_snapshot_extra *x);
/* 1 for bookkeeping and computed fields (version, created_at, stale, ...), which compare and the export hash skip. */
int plan_snapshot_field_ignored(const char *key);

enum plan_diff_kind { PLAN_DIFF_ADDED, PLAN_DIFF_REMOVED, PLAN_DIFF_CHANGED };

/* One difference: an item added, removed, or changed (then the names of its changed fields). */
struct plan_diff {
	enum plan_diff_kind kind;
	const char *section; /* "risks", ... (static) */
	int64_t id;          /* 0 for the single items (alarm_plan, review) */
	const char *name;    /* the item's name/title as in the newer snapshot (the older one when removed) */
	const char **fields; /* changed fields, sorted by name; NULL otherwise */
	size_t nfields;
};

/*
 * Compares snapshot from with snapshot to, section by section, items matched
 * by id. Computed or bookkeeping fields (version, created_at, updated_at and
 * the computed states) are not compared. Strings point into from/to or a;
 * the list is allocated in a. Returns 0, or -1 when out of memory.
 */
int plan_snapshot_compare(const json_t *from, const json_t *to, struct arena *a, struct plan_diff **diffs_r,
			  size_t *n_r);
const char *plan_diff_kind_name(enum plan_diff_kind k);
/* English label id of a section ("Risks"). */
const char *plan_snapshot_section_label(const char *section);
/* {"added": n, "removed": n, "changed": n, "items": [{"kind", "section", "id", "name", "fields"}]}; NULL when out of memory. */
json_t *plan_diff_to_json(const struct plan_diff *d, size_t n);

/* Status of a plan version. */
enum plan_version_status { PLAN_VERSION_SUBMITTED, PLAN_VERSION_APPROVED, PLAN_VERSION_RETURNED };

/* A submitted version of the plan (four-eyes). Strings owned by the arena. */
struct plan_version {
	int64_t id;
	int64_t version;
	int64_t number; /* 1, 2, ... per organisation */
	enum plan_version_status status;
	const char *note;
	int64_t submitted_by;
	const char *submitted_by_name;
	int64_t submitted_at;
	int64_t decided_by; /* 0 while submitted */
	const char *decided_by_name;
	int64_t decided_at;
	const char *comment; /* the approver's comment ("" none); required when returned */
	int64_t history_id;  /* the newest history record of the plan when submitted */
	const char *snapshot; /* JSON text; NULL in lists */
};

#define PLAN_VERSION_NOTE_MAX 2000

const char *plan_version_status_name(enum plan_version_status s);
/* English label id of the status. */
const char *plan_version_status_label(enum plan_version_status s);
int plan_version_status_parse(const char *s, enum plan_version_status *s_r);
/* The version as the API shows it; the snapshot (parsed) only with with_snapshot. NULL when out of memory. */
json_t *plan_version_to_json(const struct plan_version *v, int with_snapshot);
/* Checks a note (optional, at most PLAN_VERSION_NOTE_MAX) into *out_r (trimmed, in a): 0, or -1 with a field error. */
int plan_version_note_input(struct field_errors *fe, const char *field, struct arena *a, const char *s, int required,
			    const char **out_r);

#endif
