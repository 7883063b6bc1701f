/* recovery_order.h: the order in which IT systems are brought back, computed from dependencies and priority, with the team's overrides. */
#ifndef KF_RECOVERY_ORDER_H
#define KF_RECOVERY_ORDER_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "system.h"
#include "../lib/kv.h"

struct arena;

#define RECOVERY_MAX_OVERRIDES 100
#define RECOVERY_REASON_MAX 500
#define RECOVERY_POSITION_MAX 1000

/* The team pins a system to a place (1 = first) and says why. */
struct recovery_override {
	int64_t system_id;
	int64_t position;
	const char *reason; /* required */
};

/*
 * All overrides of an organisation, one settings item with a version: before
 * the first write id and version are 0 and the list is empty.
 */
struct recovery_overrides {
	int64_t id;
	int64_t version;
	int n;
	struct recovery_override items[RECOVERY_MAX_OVERRIDES];
	int64_t created_at;
	int64_t updated_at;
};

enum recovery_problem {
	RECOVERY_APPLIED = 0,
	RECOVERY_BEFORE_NEED,     /* the system would come before one it needs (other) */
	RECOVERY_AFTER_DEPENDENT, /* the system would come after one that needs it (other) */
	RECOVERY_PLACE_TAKEN,     /* an earlier override holds the place (other) */
	RECOVERY_CONFLICT,        /* the place of another pinned system (other) could no longer be kept */
	RECOVERY_PROBLEM__MAX
};

struct recovery_entry {
	const struct system *system;
	int position;                             /* 1-based, with the overrides */
	int computed_position;                    /* 1-based, from dependencies and priority alone */
	const struct recovery_override *override; /* the applied override, or NULL */
};

/* An override that was not applied. */
struct recovery_warning {
	const struct recovery_override *override;
	const struct system *system;
	enum recovery_problem problem;
	const struct system *other; /* the system in the way */
};

struct recovery_result {
	struct recovery_entry *entries; /* n, in recovery order */
	size_t n;
	struct recovery_warning *warnings;
	int nwarnings;
};

/*
 * Orders the systems (with their computed values, see bia_compute) so that
 * each comes after every system it depends on; among the systems whose
 * dependencies are all back, the one with the smaller required RTO comes
 * first (none given: last), then the higher cost of one day down, then the
 * name. Then the overrides are applied, by place: an override is applied
 * when the order can keep it and every earlier applied one without breaking
 * a dependency; otherwise it becomes a warning. Places beyond the number of
 * systems mean the last place; overrides of systems not in the list are
 * ignored. Allocates the result in a; 0, or -1 when out of memory.
 */
int recovery_order(struct arena *a, const struct system *systems, size_t n, const struct recovery_override *ov, int nov,
		   struct recovery_result *out);

/* "before_need", "after_dependent", "place_taken", "conflict" (API) and the English sentence id with one %s. */
const char *recovery_problem_name(enum recovery_problem p);
const char *recovery_problem_msgid(enum recovery_problem p);

void recovery_overrides_init(struct recovery_overrides *o);
/* {"overrides": [{"system_id", "position", "reason"}, ...]}: a full replace; every bad field named. */
void recovery_overrides_from_json(struct recovery_overrides *o, struct arena *a, const json_t *obj,
				  struct field_errors *fe);
/*
 * Form fields "position-<system id>" and "reason-<system id>" for the listed
 * systems; rows with both empty are no override. Errors name
 * "position-<id>" and "reason-<id>", the form's own fields.
 */
void recovery_overrides_from_form(struct recovery_overrides *o, const struct kv_list *form,
				  const struct system *systems, size_t n, struct field_errors *fe);
/*
 * Rules that need no database: a reason for each, places 1..max (max: the
 * number of systems, or RECOVERY_POSITION_MAX when 0), no system or place
 * twice; trims the reasons. form: name the form fields instead of the API's.
 */
void recovery_overrides_validate(struct recovery_overrides *o, struct arena *a, size_t max, int form,
				 struct field_errors *fe);
json_t *recovery_overrides_to_json(const struct recovery_overrides *o);

#endif
