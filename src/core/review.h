/* review.h: the plan review cycle of an organisation: when the plan was last reviewed and when it is due again. */
#ifndef KF_REVIEW_H
#define KF_REVIEW_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define REVIEW_INTERVAL_MIN 1
#define REVIEW_INTERVAL_MAX 36
#define REVIEW_INTERVAL_DEFAULT 12 /* at least yearly */
#define REVIEW_NOTES_MAX 5000

enum review_state {
	REVIEW_NONE,    /* never reviewed */
	REVIEW_OK,      /* the next review is today or later */
	REVIEW_OVERDUE, /* the next review date has passed */
};

/*
 * One per organisation. Before the first write it does not exist: id and
 * version are 0, no review yet, the default interval. Strings are owned by
 * the arena.
 */
struct plan_review {
	int64_t id;
	int64_t version;
	char last_review_date[11]; /* "" = never; not in the future */
	int review_interval_months;  /* 1..36 */
	int64_t reviewer_contact_id; /* 0 = nobody named */
	const char *notes;
	int64_t created_at;
	int64_t updated_at;
};

void review_init(struct plan_review *p);
/* A full replace (PUT): fields not given take their defaults. */
void review_from_json(struct plan_review *p, struct arena *a, const json_t *obj, struct field_errors *fe);
/* Form fields by API name. */
void review_from_form(struct plan_review *p, const struct kv_list *form, struct field_errors *fe);
/* Rules that need no database; today is YYYY-MM-DD. */
void review_validate(struct plan_review *p, const char *today, struct field_errors *fe);
/* YYYY-MM-DD of the next review into next (11 bytes; "" when never reviewed); the state on today. */
enum review_state review_next(const struct plan_review *p, const char *today, char *next);
/* A new JSON object with next_review_date, overdue and state (caller owns it), or NULL when out of memory. */
json_t *review_to_json(const struct plan_review *p, const char *today);

/* YYYY-MM-DD of the date months after day, clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
void date_months_after(const char *day, int months, char *out);

#endif
