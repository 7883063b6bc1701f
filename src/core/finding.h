/* finding.h: a finding of an exercise: what must get better, how urgent, who sees to it, and by when. */
#ifndef KF_FINDING_H
#define KF_FINDING_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define FINDING_TITLE_MAX 200
#define FINDING_TEXT_MAX 10000

enum finding_severity { FINDING_LOW, FINDING_MEDIUM, FINDING_HIGH, FINDING_SEVERITY__MAX };

enum finding_status { FINDING_OPEN, FINDING_IN_PROGRESS, FINDING_DONE, FINDING_STATUS__MAX };

/* Strings are owned by the arena the finding was filled from. */
struct finding {
	int64_t id;
	int64_t version;
	int64_t exercise_id; /* the exercise it came from; set on creation, never changed */
	const char *title;
	const char *description;
	enum finding_severity severity;
	enum finding_status status;
	int64_t responsible_contact_id; /* 0 = nobody yet */
	char due_date[11];              /* "" when none; may lie in the future */
	int64_t created_at;
	int64_t updated_at;
};

void finding_init(struct finding *f);

const char *finding_severity_name(enum finding_severity s);
const char *finding_severity_label(enum finding_severity s);
int finding_severity_parse(const char *s, enum finding_severity *s_r);
const char *finding_status_name(enum finding_status s);
const char *finding_status_label(enum finding_status s);
int finding_status_parse(const char *s, enum finding_status *s_r);
/* 1 while the finding still needs work (open or in progress). */
int finding_is_open(const struct finding *f);

/* Like exercise_from_json: partial (PATCH) changes only given keys; exercise_id is read-only. */
void finding_from_json(struct finding *f, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields by API name. */
void finding_from_form(struct finding *f, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; trims the title. */
void finding_validate(struct finding *f, struct arena *a, struct field_errors *fe);
/* A new JSON object (caller owns it), or NULL when out of memory. */
json_t *finding_to_json(const struct finding *f);

#endif
