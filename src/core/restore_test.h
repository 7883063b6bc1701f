/* restore_test.h: a restore test of a backup: when, with which result, how long the restore took, who tested. */
#ifndef KF_RESTORE_TEST_H
#define KF_RESTORE_TEST_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define RESTORE_TEST_TEXT_MAX 10000
#define RESTORE_TEST_MINUTES_MAX 43200 /* 30 days */

enum restore_result { RESTORE_SUCCESS, RESTORE_PARTIAL, RESTORE_FAILED, RESTORE_RESULT__MAX };

/* Strings are owned by the arena the test was filled from. */
struct restore_test {
	int64_t id;
	int64_t version;
	int64_t backup_id; /* set on creation from the path, never changed */
	char date[11];     /* YYYY-MM-DD, required, not in the future */
	enum restore_result result;
	int duration_minutes; /* time until the data was back, -1 = not measured */
	int64_t tested_by_contact_id; /* 0 = nobody named */
	const char *notes;
	int64_t created_at;
	int64_t updated_at;
};

void restore_test_init(struct restore_test *t);

const char *restore_result_name(enum restore_result r);
const char *restore_result_label(enum restore_result r);
int restore_result_parse(const char *s, enum restore_result *r_r);

/* Like backup_from_json: partial (PATCH) changes only given keys; backup_id is read-only. */
void restore_test_from_json(struct restore_test *t, struct arena *a, const json_t *obj, int partial,
			    struct field_errors *fe);
/* Form fields by API name. */
void restore_test_from_form(struct restore_test *t, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; today is YYYY-MM-DD (a test cannot lie in the future). */
void restore_test_validate(struct restore_test *t, const char *today, struct field_errors *fe);
/* A new JSON object (caller owns it), or NULL when out of memory. */
json_t *restore_test_to_json(const struct restore_test *t);

#endif
