/* plan_copy.h: the copies register of step 4: where each printed or digital copy of the plan is kept, and whether it is stale. */
#ifndef KF_PLAN_COPY_H
#define KF_PLAN_COPY_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "regfield.h"
#include "../lib/kv.h"

struct arena;

#define PLAN_COPY_LOCATION_MAX 500
#define PLAN_COPY_NOTES_MAX 10000
#define PLAN_COPY_STAMP_LEN 12 /* the export stamp: 12 lowercase hex digits (export_stamp_hash) */

enum plan_copy_kind {
	COPY_KIND_UNSET = -1,
	COPY_KIND_PRINT,
	COPY_KIND_USB,
	COPY_KIND_CLOUD,
	COPY_KIND_LAPTOP,
	COPY_KIND_OTHER,
	COPY_KIND__MAX
};

/* Strings are owned by the arena the copy was filled from. */
struct plan_copy {
	int64_t id;
	int64_t version;
	enum plan_copy_kind kind;
	const char *location;               /* "Notfallordner im Büro der Geschäftsführung" */
	int64_t holder_contact_id;          /* 0 = nobody in particular */
	char plan_date[REGFIELD_DATE_LEN];  /* the state of the plan the copy holds */
	char last_checked[REGFIELD_DATE_LEN]; /* "" = never checked */
	const char *notes;
	int64_t created_at;
	int64_t updated_at;
	/* not stored: the newest change of the plan (Unix seconds, 0 = none), filled by the store on reading */
	int64_t plan_changed_at;
	/* wire: the stamp of the export the copy holds ("" = not noted) and its approved plan version (0 = none/draft) */
	char stamp[PLAN_COPY_STAMP_LEN + 1];
	int64_t plan_version;
	/*
	 * not stored: 1 when the stamp is neither the working state's nor the
	 * newest approved version's stamp, 0 when it is one of them, -1 when not
	 * compared (no stamp, or the stamps were not computed: export_copies_mark)
	 */
	int stamp_stale;
};

void plan_copy_init(struct plan_copy *p);
const char *plan_copy_kind_name(enum plan_copy_kind k);
/* English label id ("Printout", ...). */
const char *plan_copy_kind_label(enum plan_copy_kind k);
int plan_copy_kind_parse(const char *s, enum plan_copy_kind *k_r);

/*
 * The stale rule: a copy is stale when the plan changed after the day its
 * plan_date names, i.e. the newest change (Unix seconds) lies after the end
 * of that day (23:59:59 UTC). A change on the same day keeps the copy
 * current; no change (0) or an invalid date never makes it stale.
 */
int plan_copy_is_stale(const char *plan_date, int64_t last_change);

/* The whole stale rule of a copy: plan_copy_is_stale on its plan_date, or its stamp is not a current one (stamp_stale 1). */
int plan_copy_stale(const struct plan_copy *p);

/* "" or 12 lowercase hex digits: 0, else -1. */
int plan_copy_stamp_ok(const char *s);

void plan_copy_from_json(struct plan_copy *p, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: kind, location, holder_contact_id, plan_date, last_checked, notes, stamp, plan_version. */
void plan_copy_from_form(struct plan_copy *p, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; trims the location. today is YYYY-MM-DD. */
void plan_copy_validate(struct plan_copy *p, struct arena *a, const char *today, struct field_errors *fe);
/* With the computed stale and plan_changed_at. A new reference, or NULL when out of memory. */
json_t *plan_copy_to_json(const struct plan_copy *p);

#endif
